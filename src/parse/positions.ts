import type { Path } from '../types.js';
import { isMap } from './plain-map.js';
import type { DocumentHandle, OffsetRange, SourceFile } from './source.js';

/**
 * A document's positions as one Int32Array, in the order the value was built (pre-order):
 *
 *   node   = start, end, size, children...   (size counts every slot of the node)
 *   child of a mapping = keyStart, keyEnd, node
 *   child of a sequence = node
 *
 * An alias is its anchored node's slots again, the start replaced by ~aliasStart and the end by
 * the alias's end: paths through it locate in the anchored node, the alias itself as `*name`.
 *
 * Children line up with the value: the n-th key of a mapping object (insertion order, which is
 * source order on the fast paths) is its n-th child. JavaScript lists integer-like keys ("8080")
 * first whatever their insertion order, so the fast paths leave mappings with such keys to the
 * full parser (see `isArrayIndexKey`). One typed array per document instead of an
 * AST keeps memory flat and can be handed between threads without copying.
 */
export class PositionTableBuilder {
  private slots: number[] = [];
  /** End offset of the node finished last: where an enclosing block collection ends. */
  lastEnd = 0;

  /** A scalar (or empty) node. */
  leaf(start: number, end: number): void {
    this.slots.push(start, end, 3);
    this.lastEnd = end;
  }

  key(start: number, end: number): void {
    this.slots.push(start, end);
  }

  /** Starts a collection node; returns a handle for `close`. */
  open(start: number): number {
    const at = this.slots.length;
    this.slots.push(start, start, 0);
    return at;
  }

  close(handle: number, end: number): void {
    this.lastEnd = end;
    this.slots[handle + 1] = end;
    this.slots[handle + 2] = this.slots.length - handle;
  }

  /** Where the next node's slots begin. */
  get length(): number {
    return this.slots.length;
  }

  /** An alias at [start, end) to the collection whose slots are [from, to). */
  alias(start: number, end: number, from: number, to: number): void {
    const at = this.slots.length;
    for (let slot = from; slot < to; slot++) this.slots.push(this.slots[slot] ?? 0);
    this.slots[at] = ~start;
    this.slots[at + 1] = end;
    this.lastEnd = end;
  }

  finish(): Int32Array {
    return Int32Array.from(this.slots);
  }
}

/**
 * Range of the node at `path`, or of the nearest existing ancestor. A scalar is shown as itself;
 * a collection reached by key as its key (a whole block would swamp an editor); a mapping in a
 * sequence as its first key.
 */
export function locateInTable(table: Int32Array, value: unknown, path: Path): OffsetRange {
  const { node, current, keyRange } = walkTable(table, value, path);
  const start = slot(table, node);
  const end = slot(table, node + 1);
  // An alias shows as itself, as a scalar does.
  if (start < 0) return [~start, end];
  const isCollection = slot(table, node + 2) > 3 || Array.isArray(current) || isMap(current);
  if (!isCollection) return [start, Math.max(start, end)];
  if (keyRange) return keyRange;
  if (isMap(current) && keyIndex(current, undefined) === 0) return [slot(table, node + 3), slot(table, node + 4)];
  return [start, start + 1];
}

/**
 * Range of the key that holds the node at `path`, whatever the node's value: findings about a
 * field's name (an unknown field) sit on that name. Where the path does not end at a mapping
 * key (a list item, a missing field), the range `locateInTable` gives.
 */
export function locateKeyInTable(table: Int32Array, value: unknown, path: Path): OffsetRange {
  const reached = walkTable(table, value, path);
  return reached.whole && reached.keyRange ? reached.keyRange : locateInTable(table, value, path);
}

interface Reached {
  /** Slot of the node reached. */
  node: number;
  current: unknown;
  /** Range of the key the node was reached by, when it was reached by a mapping key. */
  keyRange: OffsetRange | undefined;
  /** Whether every segment of the path was found. */
  whole: boolean;
}

function walkTable(table: Int32Array, value: unknown, path: Path): Reached {
  let node = 0;
  let current = value;
  let keyRange: OffsetRange | undefined;
  for (const segment of path) {
    let child = node + 3;
    if (typeof segment === 'number' && Array.isArray(current)) {
      if (segment < 0 || segment >= current.length) return { node, current, keyRange, whole: false };
      if (current.length < INDEXED_FROM) for (let index = 0; index < segment; index++) child += slot(table, child + 2);
      else child = childrenOf(table, node, false)[segment] ?? child;
      node = child;
      current = current[segment];
      keyRange = undefined;
    } else if (isMap(current)) {
      const wanted = keyIndex(current, String(segment));
      if (wanted === -1) return { node, current, keyRange, whole: false };
      if (wanted < INDEXED_FROM) for (let index = 0; index < wanted; index++) child += 2 + slot(table, child + 4);
      else child = childrenOf(table, node, true)[wanted] ?? child;
      keyRange = [slot(table, child), slot(table, child + 1)];
      node = child + 2;
      current = current[String(segment)];
    } else {
      return { node, current, keyRange, whole: false };
    }
  }
  return { node, current, keyRange, whole: true };
}

/**
 * Collections from this size on have the slots of their children listed once: walking past the
 * items before the wanted one made locating in a 20,000-item List quadratic.
 */
const INDEXED_FROM = 32;
const children = new WeakMap<Int32Array, Map<number, number[]>>();
const keyOrders = new WeakMap<object, Map<string, number>>();

/** Slots where the children of the collection at `node` begin (a mapping's child begins with its key). */
function childrenOf(table: Int32Array, node: number, mapping: boolean): number[] {
  let byNode = children.get(table);
  if (!byNode) children.set(table, (byNode = new Map<number, number[]>()));
  let list = byNode.get(node);
  if (!list) {
    list = [];
    const end = node + slot(table, node + 2);
    // A mapping's child is keyStart, keyEnd, then the node, whose size is its third slot.
    const keySlots = mapping ? 2 : 0;
    for (let child = node + 3; child < end; child += keySlots + slot(table, child + keySlots + 2)) list.push(child);
    byNode.set(node, list);
  }
  return list;
}

/** Position of `key` among the object's keys (any key: the first), without listing them. */
function keyIndex(object: Record<string, unknown>, key: string | undefined): number {
  const order = key === undefined ? undefined : keyOrders.get(object);
  if (order && key !== undefined) return order.get(key) ?? -1;
  let index = 0;
  let found = -1;
  // for-in lists own keys in Object.keys order here: parsed mappings have no prototype to add any.
  for (const candidate in object) {
    if (key === undefined || candidate === key) {
      found = index;
      break;
    }
    index++;
  }
  // Far down a large mapping: its keys are listed once, for the lookups that follow.
  if (index >= INDEXED_FROM && key !== undefined) keyOrders.set(object, new Map(Object.keys(object).map((candidate, at) => [candidate, at])));
  return found;
}

function slot(table: Int32Array, index: number): number {
  return table[index] ?? 0;
}

/** Keys that JavaScript orders before all others in an object, breaking source order. */
export function isArrayIndexKey(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;
}

/** A document read by the direct scanner: positions come from its compact table. */
export class TableDocument implements DocumentHandle {
  constructor(
    readonly file: SourceFile,
    readonly index: number,
    readonly value: unknown,
    readonly positions: Int32Array,
  ) {}

  locate(path: Path): OffsetRange {
    return locateInTable(this.positions, this.value, path);
  }

  locateKey(path: Path): OffsetRange {
    return locateKeyInTable(this.positions, this.value, path);
  }
}
