/**
 * Where a field of a rendered object was written: given the rendered document, the field's path
 * and the files the object was built from, find the node in the file a user would edit. Pure: the
 * caller reads the files.
 */
import { isMap, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import type { Path, PathSegment, Position } from '../types.js';
import { LineIndex } from '../parse/lines.js';

/** A file an object may come from, parsed once however many findings point into it. */
export class SourceDocuments {
  readonly documents: readonly Document.Parsed[];
  readonly lines: LineIndex;
  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false }) as Document.Parsed[];
    this.lines = new LineIndex(text);
  }

  /** The document of this kind whose name the rendered name contains (prefixes and suffixes are added by transformers). */
  objectDocument(kind: string, renderedName: string): Document.Parsed | undefined {
    let best: Document.Parsed | undefined;
    let bestLength = -1;
    for (const document of this.documents) {
      const value: unknown = document.toJS({ maxAliasCount: 100 });
      if (!isObject(value) || value['kind'] !== kind) continue;
      const name = isObject(value['metadata']) ? value['metadata']['name'] : undefined;
      const length = typeof name === 'string' && renderedName.includes(name) ? name.length : typeof name === 'string' ? -1 : 0;
      if (length > bestLength) [best, bestLength] = [document, length];
    }
    return best;
  }
}

/** A found node: the file and the range of the node. */
export interface SourceSpot {
  path: string;
  start: Position;
  end: Position;
  /** Whether the whole field path exists there (else the nearest ancestor that does). */
  exact: boolean;
}

/**
 * The path of the node a finding's range [start, end] points at, the inverse of the engine's
 * `locate`: a scalar by its range, a collection under a key by the key, a mapping in a list by
 * its first key.
 */
export function pathAt(root: unknown, start: number, end: number): PathSegment[] {
  const path: PathSegment[] = [];
  let node: unknown = root;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((item) => holds(item.key, start, end) || holds(item.value, start, end));
      if (!pair || !isScalar(pair.key)) return path;
      path.push(String(pair.key.value));
      if (holds(pair.key, start, end)) return path;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => holds(item, start, end));
      if (index === -1) return path;
      path.push(index);
      node = node.items[index];
      // The engine points at a list item that is a mapping by its first key (see parse/positions.ts).
      const first = isMap(node) ? (node.items[0]?.key as { range?: readonly number[] } | undefined)?.range : undefined;
      if (first && first[0] === start && first[1] === end) return path;
    } else {
      return path;
    }
  }
}

/**
 * The node at `path` in `document`, walking list items by their `name` where the rendered item
 * has one (a patch lists only the containers it changes, in its own order), else by index.
 */
export function locateIn(source: SourceDocuments, document: Document.Parsed, path: Path, rendered: unknown): SourceSpot | undefined {
  let node: unknown = document.contents;
  let value = rendered;
  let reached = node;
  let exact = true;
  for (const segment of path) {
    const next = childOf(node, segment, isObject(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[segment] : undefined);
    if (next === undefined) {
      exact = false;
      break;
    }
    node = next;
    reached = node;
    value = isObject(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  const range = spotRange(document.contents, reached);
  if (!range) return undefined;
  return { path: source.path, start: source.lines.position(range[0]), end: source.lines.position(range[1]), exact };
}

/**
 * Where the engine would point for `node` (see parse/positions.ts): a scalar at itself, a
 * collection at the key that holds it, a mapping in a list at its first key.
 */
function spotRange(root: unknown, node: unknown): readonly [number, number] | undefined {
  if (isMap(node) || isSeq(node)) {
    const key = keyOf(root, node);
    if (key) return rangeOf(key);
    const first = isMap(node) ? node.items[0]?.key : undefined;
    if (first) return rangeOf(first);
  }
  return rangeOf(node);
}

/** The key whose value is `node`, searched from `root`. */
function keyOf(root: unknown, node: unknown): unknown {
  if (isMap(root)) {
    for (const pair of root.items) {
      if (pair.value === node) return pair.key;
      const inner = keyOf(pair.value, node);
      if (inner) return inner;
    }
  } else if (isSeq(root)) {
    for (const item of root.items) {
      const inner = keyOf(item, node);
      if (inner) return inner;
    }
  }
  return undefined;
}

/**
 * A JSON 6902 patch's operation that writes `path` or a field above it: the node inside its
 * `value` at the rest of the path (exact when the rest exists there).
 */
export function locateInJsonPatch(source: SourceDocuments, path: Path, rendered: unknown): SourceSpot | undefined {
  const operations = source.documents[0]?.contents;
  if (!isSeq(operations)) return undefined;
  let found: SourceSpot | undefined;
  for (const operation of operations.items) {
    if (!isMap(operation)) continue;
    const fields = operation.toJSON() as Record<string, unknown>;
    const pointer = fields['path'];
    const op = fields['op'];
    if (typeof pointer !== 'string' || (op !== 'add' && op !== 'replace')) continue;
    const target = pointer
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (target.length > path.length || target.some((part, index) => String(path[index]) !== part)) continue;
    const valueNode = operation.get('value', true) as unknown;
    let node: unknown = valueNode;
    let value: unknown = dig(rendered, path.slice(0, target.length));
    let exact = true;
    for (const segment of path.slice(target.length)) {
      const next = childOf(node, segment, isObject(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[segment] : undefined);
      if (next === undefined) {
        exact = false;
        break;
      }
      node = next;
      value = isObject(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[segment] : undefined;
    }
    const range = spotRange(valueNode, node) ?? rangeOf(node);
    // Later operations win, as they are applied later.
    if (range) found = { path: source.path, start: source.lines.position(range[0]), end: source.lines.position(range[1]), exact };
  }
  return found;
}

function childOf(node: unknown, segment: PathSegment, renderedItem: unknown): unknown {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    return pair ? (pair.value ?? pair.key) : undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const name = isObject(renderedItem) ? renderedItem['name'] : undefined;
    if (typeof name === 'string') return node.items.find((item) => isMap(item) && item.get('name') === name);
    return node.items[segment];
  }
  return undefined;
}

function dig(value: unknown, path: Path): unknown {
  let current = value;
  for (const segment of path) current = isObject(current) || Array.isArray(current) ? (current as Record<string | number, unknown>)[segment] : undefined;
  return current;
}

function rangeOf(node: unknown): readonly [number, number] | undefined {
  const range = (node as { range?: readonly [number, number, number] } | null)?.range;
  return range ? [range[0], range[1]] : undefined;
}

function holds(node: unknown, start: number, end: number): boolean {
  const range = (node as { range?: readonly [number, number, number] } | null)?.range;
  return range !== undefined && range[0] <= start && end <= range[1];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
