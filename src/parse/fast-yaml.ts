import { newPlainMap } from './plain-map.js';
import { CST, Parser, parseDocument } from 'yaml';
import type { Tags } from 'yaml';
import type { InputLimits } from './limits.js';
import { isArrayIndexKey, PositionTableBuilder } from './positions.js';

/**
 * The fast path: YAML as Kubernetes manifests are written (block and flow collections, plain,
 * quoted and block scalars, comments), converted straight from `yaml`'s CST into plain values
 * and a compact position table. Skipping Document composition roughly halves parse time and
 * keeps no AST alive. Anything outside that subset — anchors, aliases, tags, explicit keys,
 * directives, duplicate keys, parser errors, limits — makes the file take the full path
 * (`parseYamlFile`), which reports problems precisely. The two paths must agree on every value
 * and position; a differential test holds them to it.
 */
export interface FastDocument {
  index: number;
  value: unknown;
  /** Encoded by PositionTableBuilder; see positions.ts. */
  positions: Int32Array;
}

export interface FastFile {
  documentCount: number;
  documents: FastDocument[];
}

class Bail extends Error {}
const BAIL = new Bail('not on the fast path');

interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  resolve(value: string, onError: (message: string) => void, options: object): unknown;
}

/**
 * Kubernetes decodes with go-yaml v2, which never supported YAML 1.1's base-60 numbers: `12:30`
 * is a string there (sigs.k8s.io/yaml/goyaml.v2/README.md). Both paths drop those tags.
 */
export function withoutBase60(tags: Tags): Tags {
  return tags.filter((tag) => typeof tag === 'string' || tag.format !== 'TIME');
}

// The YAML 1.1 core tags that `yaml` itself uses to resolve plain scalars, so both paths type
// `yes`, `0777` or `1e3` identically.
const plainTags: readonly ScalarTag[] = (parseDocument('', { version: '1.1', customTags: withoutBase60 }).schema.tags as unknown as ScalarTag[]).filter(
  (tag) => tag.default === true && tag.test !== undefined,
);
const RESOLVE_OPTIONS = { intAsBigInt: false };
const failResolve = (): void => {
  throw BAIL;
};

export function fastParseYaml(text: string, limits: InputLimits): FastFile | undefined {
  try {
    const documents: FastDocument[] = [];
    let documentCount = 0;
    for (const token of new Parser().parse(text)) {
      switch (token.type) {
        case 'document': {
          checkSourceTokens(token.start, false);
          if (token.end) checkSourceTokens(token.end, false);
          const index = documentCount++;
          if (!token.value) continue;
          const converter = new CstConverter(text, limits);
          const value = converter.convert(token.value, 0, false);
          documents.push({ index, value, positions: converter.table.finish() });
          break;
        }
        case 'doc-end':
          if (token.end) checkSourceTokens(token.end, false);
          break;
        case 'comment':
        case 'space':
        case 'newline':
          break;
        default:
          // byte-order-mark mid-stream, directives, errors: the full path handles and reports them.
          throw BAIL;
      }
    }
    return { documentCount, documents };
  } catch (error) {
    if (error instanceof Bail || error instanceof RangeError) return undefined;
    throw error;
  }
}

const ALLOWED_SOURCE_TOKENS = new Set(['space', 'newline', 'comment', 'doc-start']);

function checkSourceTokens(tokens: readonly CST.SourceToken[], allowSeparator: boolean): void {
  for (const token of tokens) {
    if (ALLOWED_SOURCE_TOKENS.has(token.type)) {
      if (token.type === 'space' && token.source.includes('\t')) throw BAIL;
      continue;
    }
    if (allowSeparator && (token.type === 'comma' || token.type === 'seq-item-ind' || token.type === 'map-value-ind')) continue;
    throw BAIL;
  }
}

function hasNewline(tokens: readonly CST.SourceToken[]): boolean {
  return tokens.some((token) => token.type === 'newline');
}

class CstConverter {
  readonly table = new PositionTableBuilder();

  constructor(
    private readonly text: string,
    private readonly limits: InputLimits,
  ) {}

  convert(token: CST.Token, depth: number, inFlow: boolean): unknown {
    if (depth > this.limits.maxDepth) throw BAIL;
    switch (token.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return this.scalar(token);
      case 'block-map':
        return this.blockMap(token, depth);
      case 'block-seq':
        return this.blockSeq(token, depth);
      case 'flow-collection':
        return this.flowCollection(token, depth, inFlow);
      default:
        throw BAIL;
    }
  }

  private scalar(token: CST.FlowScalar | CST.BlockScalar): unknown {
    if (token.type === 'block-scalar') {
      for (const prop of token.props) if (prop.type === 'anchor' || prop.type === 'tag' || prop.type === 'error') throw BAIL;
    }
    const resolved = CST.resolveAsScalar(token, true, failResolve);
    this.table.leaf(resolved.range[0], resolved.range[1]);
    if (token.type !== 'scalar') return resolved.value;
    return resolvePlain(resolved.value);
  }

  private key(token: CST.Token | null | undefined): string {
    if (!token || (token.type !== 'scalar' && token.type !== 'single-quoted-scalar' && token.type !== 'double-quoted-scalar')) throw BAIL;
    // Multi-line and over-long implicit keys are errors for the composer.
    if (token.source.includes('\n') || token.source.length > 1024) throw BAIL;
    const resolved = CST.resolveAsScalar(token, true, failResolve);
    this.table.key(resolved.range[0], resolved.range[1]);
    if (token.type !== 'scalar') return resolved.value;
    if (resolved.value === '<<') throw BAIL; // merge keys take the full path
    const value = resolvePlain(resolved.value);
    return value === null ? 'null' : String(value);
  }

  private blockMap(token: CST.BlockMap, depth: number): unknown {
    const result: Record<string, unknown> = newPlainMap();
    const node = this.table.open(token.offset);
    let end = token.offset;
    for (const item of token.items) {
      checkSourceTokens(item.start, false);
      if (isCommentsOnly(item)) continue;
      if (item.explicitKey || !item.sep) throw BAIL;
      const key = this.key(item.key);
      if (isArrayIndexKey(key) || Object.prototype.hasOwnProperty.call(result, key)) throw BAIL; // duplicate-key is reported by the full path
      const separatorEnd = checkSeparator(item.sep);
      if (item.value && (item.value.type === 'block-map' || item.value.type === 'block-seq') && !hasNewline(item.sep)) throw BAIL;
      result[key] = this.valueOrNull(item.value, separatorEnd, depth, false);
      end = Math.max(end, this.table.lastEnd);
    }
    this.table.close(node, end);
    return result;
  }

  private blockSeq(token: CST.BlockSequence, depth: number): unknown {
    const result: unknown[] = [];
    const node = this.table.open(token.offset);
    let end = token.offset;
    for (const item of token.items) {
      if (isCommentsOnly(item)) continue;
      for (const part of item.start) {
        if (part.type !== 'seq-item-ind' && (!ALLOWED_SOURCE_TOKENS.has(part.type) || part.source.includes('\t'))) throw BAIL;
      }
      const indicatorEnd = emptyValueOffset(item.start, 'seq-item-ind', token.offset);
      result.push(this.valueOrNull(item.value, indicatorEnd, depth, false));
      end = Math.max(end, this.table.lastEnd);
    }
    this.table.close(node, end);
    return result;
  }

  private flowCollection(token: CST.FlowCollection, depth: number, inFlow: boolean): unknown {
    for (const part of token.end) {
      if (part.type !== 'flow-map-end' && part.type !== 'flow-seq-end' && !ALLOWED_SOURCE_TOKENS.has(part.type)) throw BAIL;
    }
    const closing = token.end.find((part) => part.type === 'flow-map-end' || part.type === 'flow-seq-end');
    if (!closing) throw BAIL;
    // A multi-line flow collection nested in block context has indentation rules of its own.
    if (!inFlow && depth > 0 && this.text.slice(token.offset, closing.offset).includes('\n')) throw BAIL;
    const isMap = token.start.source === '{';
    if (isMap !== (closing.type === 'flow-map-end')) throw BAIL;
    const node = this.table.open(token.offset);
    let result: Record<string, unknown> | unknown[];
    if (isMap) {
      const map: Record<string, unknown> = newPlainMap();
      for (const [index, item] of token.items.entries()) {
        checkSourceTokens(item.start, true);
        if (isTrailingComma(item, index, token.items.length)) continue;
        if (!item.sep) throw BAIL;
        const key = this.key(item.key);
        if (isArrayIndexKey(key) || Object.prototype.hasOwnProperty.call(map, key)) throw BAIL;
        map[key] = this.valueOrNull(item.value, checkSeparator(item.sep), depth, true);
      }
      result = map;
    } else {
      const list: unknown[] = [];
      for (const [index, item] of token.items.entries()) {
        checkSourceTokens(item.start, true);
        if (isTrailingComma(item, index, token.items.length)) continue;
        if (item.key !== undefined || item.sep !== undefined || !item.value) throw BAIL;
        list.push(this.convert(item.value, depth + 1, true));
      }
      result = list;
    }
    this.table.close(node, closing.offset + 1);
    return result;
  }

  private valueOrNull(token: CST.Token | undefined, emptyAt: number, depth: number, inFlow: boolean): unknown {
    if (token) return this.convert(token, depth + 1, inFlow);
    this.table.leaf(emptyAt, emptyAt);
    return null;
  }
}

/** Comments after the last entry of a block collection come as an item with nothing else. */
function isCommentsOnly(item: CST.CollectionItem & { explicitKey?: true }): boolean {
  return (
    item.key === undefined &&
    item.sep === undefined &&
    item.value === undefined &&
    !item.explicitKey &&
    item.start.every((part) => part.type === 'comment' || part.type === 'newline' || part.type === 'space')
  );
}

/** `[a, b, ]`: the empty item after the last comma is no item at all. */
function isTrailingComma(item: CST.CollectionItem, index: number, count: number): boolean {
  return index === count - 1 && item.key === undefined && item.sep === undefined && item.value === undefined && item.start.some((part) => part.type === 'comma');
}

/** Checks a key/value separator; returns where an empty value after it is placed. */
function checkSeparator(tokens: readonly CST.SourceToken[]): number {
  let indicators = 0;
  for (const token of tokens) {
    if (token.type === 'map-value-ind') indicators++;
    else if (!ALLOWED_SOURCE_TOKENS.has(token.type) || token.type === 'doc-start' || (token.type === 'space' && token.source.includes('\t'))) {
      throw BAIL;
    }
  }
  if (indicators !== 1) throw BAIL;
  return emptyValueOffset(tokens, 'map-value-ind', 0);
}

/** The composer places an empty value after its indicator and the spaces that follow it. */
function emptyValueOffset(tokens: readonly CST.SourceToken[], indicator: CST.SourceToken['type'], fallback: number): number {
  let offset = fallback;
  let afterIndicator = false;
  for (const token of tokens) {
    if (token.type === indicator) {
      offset = token.offset + token.source.length;
      afterIndicator = true;
    } else if (afterIndicator && token.type === 'space') {
      offset = token.offset + token.source.length;
    } else if (afterIndicator) {
      break;
    }
  }
  return offset;
}

type PlainScalar = string | number | boolean | null;

/**
 * First characters that a YAML 1.1 null, boolean, number or timestamp can start with; any other
 * plain scalar is a string, which spares most scalars (names, images, paths) the tag tests.
 */
const NON_STRING_START = new Set('0123456789+-.~nNtTfFyYoO');

export function resolvePlain(source: string): PlainScalar {
  if (source.length > 0 && !NON_STRING_START.has(source.charAt(0))) return source;
  for (const tag of plainTags) {
    if (tag.test?.test(source)) {
      const value = tag.resolve(source, failResolve, RESOLVE_OPTIONS);
      const plain = isScalarNode(value) ? value.value : value;
      // Same normalisation as the full path: timestamps stay as written, bigints become numbers.
      if (typeof plain === 'bigint') return Number(plain);
      if (typeof plain === 'number' && Number.isNaN(plain) && !isNaNLiteral(source)) return source;
      if (plain === null || typeof plain === 'string' || typeof plain === 'number' || typeof plain === 'boolean') return plain;
      return source;
    }
  }
  return source;
}

function isScalarNode(value: unknown): value is { value: unknown } {
  return value !== null && typeof value === 'object' && 'value' in value && !(value instanceof Date);
}

/**
 * `yaml`'s YAML 1.1 float pattern makes every part optional, so `e0` or `.` become NaN; go-yaml
 * (what Kubernetes decodes with) requires digits and reads them as strings. Only `.nan` is NaN.
 */
export function isNaNLiteral(source: string): boolean {
  return /^[-+]?\.(?:nan|NaN|NAN)$/.test(source);
}
