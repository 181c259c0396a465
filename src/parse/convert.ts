import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode, Pair, Scalar, YAMLMap } from 'yaml';
import type { Path } from '../types.js';
import type { InputLimits } from './limits.js';
import { newPlainMap } from './plain-map.js';
import { goFloat32Key, resolveKey, resolvePlain } from './resolve.js';
import type { DocumentHandle, OffsetRange } from './source.js';
import type { SourceFile } from './source.js';

/**
 * The full parser's second half: `yaml`'s AST (composed with the failsafe schema, so every
 * scalar is still text) turned into plain values the way go-yaml v2 decodes into interface{}
 * and sigs.k8s.io/yaml converts to JSON (decode.go `mapping`/`merge`, yaml.go
 * `convertToJSONableObject`):
 * - plain scalars resolve as resolve.ts says; tags `!!str`, `!!int`... are checked like go-yaml;
 * - keys become JSON keys as Go prints them; null keys and collection keys are errors;
 * - `<<` merges apply in document order (a later key, explicit or merged, wins), and a merged
 *   sequence lets earlier mappings win;
 * - a repeated key keeps its last value and is reported at the repeat (a Map per mapping,
 *   linear, unlike `yaml`'s unique-key check);
 * - aliases name the last anchor of that name before them, keys' anchors included; an
 *   unknown anchor is an error, as for Kubernetes.
 * Aliased nodes are converted once and shared; the nodes they stand for are counted against a
 * budget that the caller shares between the documents of a file (defuses alias bombs).
 */
export class ConvertError extends Error {
  constructor(
    message: string,
    readonly node: YamlNode,
  ) {
    super(message);
  }
}

export interface AliasBudget {
  used: number;
}

interface LimitHit {
  kind: 'depth' | 'aliases';
  node: YamlNode;
}

/** Each key of a mapping → the pair its value comes from (the last one, or a merged one). */
export type KeyIndex = Map<YAMLMap, Map<string, Pair>>;

const STR = 'tag:yaml.org,2002:str';
const BINARY = 'tag:yaml.org,2002:binary';
const MERGE = 'tag:yaml.org,2002:merge';
const RESOLVABLE: Readonly<Record<string, (value: unknown) => boolean>> = {
  'tag:yaml.org,2002:int': (value) => typeof value === 'number',
  'tag:yaml.org,2002:float': (value) => typeof value === 'number',
  'tag:yaml.org,2002:bool': (value) => typeof value === 'boolean',
  'tag:yaml.org,2002:null': (value) => value === null,
  'tag:yaml.org,2002:timestamp': () => true,
};

export class Converter {
  limitHit: LimitHit | undefined;
  readonly duplicates: { key: string; range: OffsetRange }[] = [];
  /** Alias node → the anchored node it names. */
  readonly aliasTargets = new Map<YamlNode, YamlNode>();
  readonly keyIndex: KeyIndex = new Map();
  private readonly anchors = new Map<string, YamlNode>();
  private readonly inProgress = new Set<YamlNode>();
  private readonly converted = new Map<YamlNode, unknown>();
  private readonly sizes = new Map<YamlNode, number>();

  constructor(
    private readonly limits: InputLimits,
    private readonly budget: AliasBudget,
  ) {}

  /** The value of a document's root; throws ConvertError where Kubernetes would reject it. */
  convert(node: YamlNode | null | undefined, depth: number): unknown {
    if (node === null || node === undefined || this.limitHit) return null;
    if (depth > this.limits.maxDepth) {
      this.limitHit = { kind: 'depth', node };
      return null;
    }
    if (isAlias(node)) {
      checkAnchorName(node.source, node);
      const target = this.anchors.get(node.source);
      if (!target) throw new ConvertError(`unknown anchor '${node.source}' referenced`, node);
      if (this.inProgress.has(target)) throw new ConvertError(`anchor '${node.source}' value contains itself`, node);
      this.aliasTargets.set(node, target);
      this.budget.used += this.size(target, 0);
      if (this.budget.used > this.limits.maxAliasNodes) {
        this.limitHit = { kind: 'aliases', node };
        return null;
      }
      return this.convertShared(target, depth);
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) {
      checkAnchorName(anchor, node);
      this.anchors.set(anchor, node);
      return this.convertShared(node, depth);
    }
    return this.convertNode(node, depth);
  }

  private convertShared(node: YamlNode, depth: number): unknown {
    if (this.converted.has(node)) return this.converted.get(node);
    this.inProgress.add(node);
    const value = this.convertNode(node, depth);
    this.inProgress.delete(node);
    this.converted.set(node, value);
    return value;
  }

  private convertNode(node: YamlNode, depth: number): unknown {
    if (isScalar(node)) return scalarValue(node);
    if (isSeq(node)) return node.items.map((item) => this.convert(item as YamlNode, depth + 1));
    if (isMap(node)) return this.mapping(node, depth);
    return null;
  }

  private mapping(node: YAMLMap, depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = newPlainMap();
    const pairs = new Map<string, Pair>();
    this.keyIndex.set(node, pairs);
    const explicit = new Set<string>();
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      if (isMergeKey(keyNode)) {
        this.merge(pair.value as YamlNode | null, result, pairs, depth);
        continue;
      }
      const key = this.key(keyNode, pair, depth);
      if (this.limitHit) return result;
      if (explicit.has(key)) this.duplicates.push({ key, range: nodeRange(keyNode ?? node) });
      explicit.add(key);
      result[key] = this.convert(pair.value as YamlNode | null, depth + 1);
      pairs.set(key, pair);
    }
    return result;
  }

  /** YAMLToJSON's key: Go's printing of the decoded key. */
  private key(node: YamlNode | null, pair: Pair, depth: number): string {
    const at = node ?? (pair.value as YamlNode | null) ?? ({} as YamlNode);
    if (node && isScalar(node) && node.type === 'PLAIN' && !node.tag) {
      // A plain key is never a value, so `.nan` or `~` here are keys, not JSON numbers or nulls.
      if (node.anchor) {
        checkAnchorName(node.anchor, node);
        this.anchors.set(node.anchor, node);
      }
      return plainKey(node);
    }
    const value = this.convert(node, depth + 1);
    const target = node && isAlias(node) ? this.aliasTargets.get(node) : undefined;
    if (target && isScalar(target) && target.type === 'PLAIN' && !target.tag) return plainKey(target);
    if (typeof value === 'string') return value;
    if (typeof value === 'boolean') return String(value);
    if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 1e21 ? String(value) : goFloat32Key(value);
    if (value === null) throw new ConvertError('unsupported map key: null', at);
    throw new ConvertError('invalid map key: a mapping or sequence', at);
  }

  /** go-yaml's `merge`: a mapping's keys overwrite; in a sequence, earlier mappings win. */
  private merge(value: YamlNode | null, target: Record<string, unknown>, pairs: Map<string, Pair>, depth: number): void {
    const sources = value && isSeq(this.resolved(value)) && !isAlias(value) ? (value as { items: unknown[] }).items.map((item) => item as YamlNode) : [value];
    for (let index = sources.length - 1; index >= 0; index--) {
      const source = sources[index] ?? null;
      const map = source && this.resolved(source);
      if (!map || !isMap(map)) throw new ConvertError('map merge requires map or sequence of maps as the value', source ?? value ?? ({ range: undefined } as unknown as YamlNode));
      const merged = this.convert(source, depth + 1) as Record<string, unknown> | null;
      if (merged === null) return;
      const mergedPairs = this.keyIndex.get(map);
      for (const key of Object.keys(merged)) {
        target[key] = merged[key];
        const pair = mergedPairs?.get(key);
        if (pair) pairs.set(key, pair);
      }
    }
  }

  /** The node itself, or the anchored node an alias names. */
  private resolved(node: YamlNode): YamlNode | undefined {
    return isAlias(node) ? this.anchors.get(node.source) : node;
  }

  /** Nodes that `node` stands for once every alias inside it is expanded. */
  private size(node: YamlNode, depth: number): number {
    const known = this.sizes.get(node);
    if (known !== undefined) return known;
    let total = 1;
    if (depth < 64) {
      if (isAlias(node)) {
        const target = this.aliasTargets.get(node);
        total = target ? this.size(target, depth + 1) : 1;
      } else if (isSeq(node)) {
        for (const item of node.items) total += this.size(item as YamlNode, depth + 1);
      } else if (isMap(node)) {
        for (const pair of node.items) total += 1 + (pair.value ? this.size(pair.value as YamlNode, depth + 1) : 0);
      }
    } else {
      total = Number.POSITIVE_INFINITY;
    }
    this.sizes.set(node, total);
    return total;
  }
}

function isMergeKey(node: YamlNode | null): boolean {
  return node !== null && isScalar(node) && node.value === '<<' && ((node.type === 'PLAIN' && !node.tag) || node.tag === MERGE);
}

function textOf(node: Scalar): string {
  return typeof node.value === 'string' ? node.value : '';
}

function plainKey(node: Scalar): string {
  const source = textOf(node);
  const key = resolveKey(source);
  if (key === undefined) throw new ConvertError(`unsupported map key: ${source || 'null'}`, node);
  return key;
}

function scalarValue(node: Scalar): unknown {
  const text = textOf(node);
  const tag = node.tag;
  if (!tag || tag === '!') return node.type === 'PLAIN' && !tag ? nonFinite(resolvePlain(text), node) : text;
  if (tag === STR) return text;
  if (tag === BINARY) return fromBase64(text, node);
  const accepts = RESOLVABLE[tag];
  // Tags go-yaml does not resolve (custom ones, `!!map` on a scalar...) leave the text as it is.
  if (!accepts) return text;
  if (tag === 'tag:yaml.org,2002:timestamp') return text;
  const value = resolvePlain(text);
  if (!accepts(value)) throw new ConvertError(`cannot decode \`${text}\` as a !!${tag.slice(tag.lastIndexOf(':') + 1)}`, node);
  return nonFinite(value, node);
}

/** go-yaml decodes `!!binary` into a Go string of the bytes. */
function fromBase64(text: string, node: YamlNode): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(text.replace(/\s/g, '')), (char) => char.charCodeAt(0)));
  } catch {
    throw new ConvertError('!!binary value contains invalid base64 data', node);
  }
}

/** encoding/json has no NaN or infinity: YAMLToJSON fails on them. */
function nonFinite(value: unknown, node: YamlNode): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new ConvertError(`${String(value)} is not a JSON number`, node);
  return value;
}

export function nodeRange(node: YamlNode | undefined): OffsetRange {
  const range = node?.range;
  if (!range) return [0, 0];
  return [range[0], Math.max(range[1], range[0])];
}

/** A full-parser document: positions come from the AST. */
export class YamlDocument implements DocumentHandle {
  constructor(
    readonly file: SourceFile,
    readonly index: number,
    readonly value: unknown,
    private readonly root: YamlNode,
    private readonly aliasTargets: ReadonlyMap<YamlNode, YamlNode>,
    private readonly keyIndex: KeyIndex,
  ) {}

  locate(path: Path): OffsetRange {
    const { node, key } = this.walk(path);
    return preferredRange(node, key);
  }

  /** The key that holds the node at `path` (see `locateKeyInTable`, which the scanner's documents match). */
  locateKey(path: Path): OffsetRange {
    const { node, key, whole } = this.walk(path);
    return whole && key && (isScalar(key) || isAlias(key)) && key.range ? nodeRange(key) : preferredRange(node, key);
  }

  private walk(path: Path): { node: YamlNode; key: YamlNode | undefined; whole: boolean } {
    let node: YamlNode = this.root;
    let key: YamlNode | undefined;
    for (const segment of path) {
      const current = this.aliasTargets.get(node) ?? node;
      let next: { key?: YamlNode; value: YamlNode } | undefined;
      if (typeof segment === 'number' && isSeq(current)) {
        const item = current.items[segment];
        if (item && typeof item === 'object' && 'range' in item) next = { value: item as YamlNode };
      } else if (isMap(current)) {
        const pair = this.keyIndex.get(current)?.get(String(segment));
        if (pair && isPair(pair)) next = { key: pair.key as YamlNode, value: (pair.value ?? pair.key) as YamlNode };
      }
      if (!next) return { node, key, whole: false };
      node = next.value;
      key = next.key;
    }
    return { node, key, whole: true };
  }
}

/**
 * A scalar is shown as itself; a collection reached by key as its key (a whole block would
 * swamp an editor); a mapping in a sequence as its first entry's key, for the same reason.
 */
function preferredRange(node: YamlNode, key: YamlNode | undefined): OffsetRange {
  if (isScalar(node) || isAlias(node)) return nodeRange(node);
  if (key && (isScalar(key) || isAlias(key)) && key.range) return nodeRange(key);
  if (isMap(node)) {
    const first = node.items[0];
    if (first && isScalar(first.key) && first.key.range) return nodeRange(first.key);
  }
  const range = nodeRange(node);
  return [range[0], Math.min(range[1], range[0] + 1)];
}

/**
 * go-yaml takes only letters, digits, `_` and `-` in anchor and alias names (scannerc.go
 * `yaml_parser_scan_anchor`) and refuses the text at any other character; `yaml` reads on to
 * the next blank (`&a.b`, `&a#`).
 */
function checkAnchorName(name: string, node: YamlNode): void {
  if (!/^[0-9A-Za-z_-]+$/.test(name)) throw new ConvertError(`the anchor name '${name}' has a character Kubernetes' YAML decoder refuses (letters, digits, '_' and '-' only)`, node);
}
