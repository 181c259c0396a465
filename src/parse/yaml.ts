import { newPlainMap } from './plain-map.js';
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, visit } from 'yaml';
import type { Document, DocumentOptions, Node as YamlNode, Pair, ParseOptions, SchemaOptions, YAMLMap } from 'yaml';
import type { Path } from '../types.js';
import { findExcessiveNesting, type InputLimits } from './limits.js';
import type { DocumentHandle, OffsetRange, ParsedFile, SuppressionComment } from './source.js';
import { SourceFile } from './source.js';
import { fastParseYaml, isNaNLiteral, withoutBase60 } from './fast-yaml.js';
import { scanYaml } from './scan-yaml.js';
import { locateInTable } from './positions.js';

const MERGE_KEY = '<<';

/**
 * Parses YAML (and JSON, which the same parser reads with positions) the way Kubernetes
 * decodes it: YAML 1.1 scalars (`yes`/`on` are booleans, `0777` is octal), merge keys, and
 * one value per document. Never throws: problems become `InputProblem`s.
 */
export function parseYamlFile(path: string, rawText: string, limits: InputLimits, options: { fast?: boolean } = {}): ParsedFile {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const file = new SourceFile(path, text);
  const parsed: ParsedFile = { file, documentCount: 0, documents: [], problems: [], comments: scanSuppressionComments(file) };

  // A BOM is only allowed first; one further in is a pasted-together file, worth a finding even
  // where `yaml` would read past it.
  const strayMark = text.indexOf('\uFEFF');
  if (strayMark !== -1) {
    parsed.problems.push({ ruleId: 'parse-error', messageId: 'byteOrderMark', data: {}, range: [strayMark, strayMark + 1], document: documentIndexAt(text, strayMark) });
  }

  // The direct scanner bounds its own depth; the other paths recurse, so they get text whose
  // nesting has been checked.
  const scanned = options.fast === false ? undefined : scanYaml(text, limits);
  const tooDeep = scanned ? undefined : findExcessiveNesting(text);
  if (tooDeep !== undefined) {
    parsed.problems.push({ ruleId: 'input-limit', messageId: 'nesting', data: { limit: limits.maxDepth }, range: [tooDeep, tooDeep + 1], document: 0 });
    parsed.documentCount = 1;
    return parsed;
  }
  const fast = scanned ?? (options.fast === false ? undefined : fastParseYaml(text, limits));
  if (fast) {
    parsed.documentCount = fast.documentCount;
    parsed.documents = fast.documents.map((doc) => new TableDocument(file, doc.index, doc.value, doc.positions));
    return parsed;
  }

  let docs: Document.Parsed[];
  try {
    docs = parseStream(text);
  } catch (error) {
    parsed.problems.push({ ruleId: 'parse-error', messageId: 'syntax', data: { detail: describe(error) }, range: [0, 0], document: 0 });
    parsed.documentCount = 1;
    return parsed;
  }
  parsed.documentCount = docs.length;

  docs.forEach((doc, index) => {
    let fatal = false;
    for (const error of doc.errors) {
      const range: OffsetRange = [error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)];
      if (error.code === 'DUPLICATE_KEY') {
        const repeated = repeatedKeyAt(doc, error.pos[0]);
        parsed.problems.push({ ruleId: 'duplicate-key', messageId: 'duplicate', data: { key: repeated?.key ?? '?' }, range: repeated?.range ?? range, document: index });
      } else if (!fatal) {
        // Later errors of a broken document are mostly echoes of the first one: report that alone.
        fatal = true;
        const at = error.code === 'MISSING_CHAR' ? (unclosedQuoteStart(doc, error.pos[0]) ?? range) : range;
        parsed.problems.push({ ruleId: 'parse-error', messageId: 'syntax', data: { detail: firstLine(error.message) }, range: at, document: index });
      }
    }
    if (fatal || doc.contents === null) return;
    const converter = new Converter(limits);
    const value = converter.convert(doc.contents, 0);
    if (converter.limitHit) {
      parsed.problems.push({
        ruleId: 'input-limit',
        messageId: converter.limitHit.kind,
        data: { limit: converter.limitHit.kind === 'aliases' ? limits.maxAliasNodes : limits.maxDepth },
        range: nodeRange(converter.limitHit.node),
        document: index,
      });
      return;
    }
    parsed.documents.push(new YamlDocument(file, index, value, doc.contents, converter.aliasTargets));
  });
  return parsed;
}

const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  prettyErrors: false,
  keepSourceTokens: false,
  customTags: withoutBase60,
};

/** `---` at the start of a line: YAML forbids it inside any scalar. */
const DOCUMENT_MARKER = /^---(?=[ \t\r\n]|$)/gm;

/**
 * All documents of a stream. An unclosed quote makes the `yaml` lexer run on over the `---`
 * markers that follow, which would hide every later document; such a document is cut at the
 * first marker inside it and parsing resumes there. Text before the resume point is blanked,
 * not removed, so every offset stays an offset into the file.
 */
function parseStream(text: string): Document.Parsed[] {
  const docs: Document.Parsed[] = [];
  let from = 0;
  for (;;) {
    const batch = parseAllDocuments(blankBefore(text, from), PARSE_OPTIONS) as Document.Parsed[];
    let cut: number | undefined;
    for (const doc of batch) {
      cut = doc.errors.some((error) => error.code !== 'DUPLICATE_KEY') ? markerInside(text, doc) : undefined;
      if (cut === undefined) {
        docs.push(doc);
        continue;
      }
      const alone = parseAllDocuments(blankBefore(text.slice(0, cut), from), PARSE_OPTIONS) as Document.Parsed[];
      for (const part of alone) if (part.range[0] >= doc.range[0]) docs.push(part);
      break;
    }
    if (cut === undefined) return docs;
    from = cut;
  }
}

/** Index of the document holding `offset`, counting `---` markers before it (a leading one opens document 0). */
export function documentIndexAt(text: string, offset: number): number {
  const { markers, leading } = markersOf(text);
  // Markers that end at or before `offset` (binary search: one lookup per unused suppression of a large file).
  let low = 0;
  let high = markers.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((markers[mid] ?? 0) + 3 <= offset) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low - leading);
}

/** The text last asked about and its markers: callers ask about one file many times in a row. */
let markerCache: { text: string; markers: number[]; leading: number } | undefined;

function markersOf(text: string): { markers: number[]; leading: number } {
  if (markerCache?.text !== text) {
    // A fresh expression: matchAll would start from the shared one's leftover lastIndex.
    const markers = [...text.matchAll(new RegExp(DOCUMENT_MARKER.source, 'gm'))].map((match) => match.index);
    // One line at a time (blanks other than newlines, then an optional comment): `\s*\n` in a
    // repeated group split a run of blank lines in exponentially many ways (40 blank lines hung).
    const leading = /^(?:[^\S\n]*(?:#[^\n]*)?\n)*---/.test(text) ? 1 : 0;
    markerCache = { text, markers, leading };
  }
  return markerCache;
}

function blankBefore(text: string, offset: number): string {
  return offset === 0 ? text : text.slice(0, offset).replace(/[^\n]/g, ' ') + text.slice(offset);
}

/** Offset of the first document marker after the start of the document's content, if any. */
function markerInside(text: string, doc: Document.Parsed): number | undefined {
  const start = doc.contents?.range?.[0] ?? doc.range[0];
  DOCUMENT_MARKER.lastIndex = start + 1;
  const match = DOCUMENT_MARKER.exec(text);
  return match && match.index < doc.range[2] ? match.index : undefined;
}

/** The opening quote of a quoted scalar that ends (unclosed) at `end`: where the mistake is. */
function unclosedQuoteStart(doc: Document.Parsed, end: number): OffsetRange | undefined {
  let found: OffsetRange | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range?.[1] === end) {
        found = [node.range[0], node.range[0] + 1];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The whole key a DUPLICATE_KEY error points into (the error marks only its first character). */
function repeatedKeyAt(doc: Document.Parsed, start: number): { key: string; range: OffsetRange } | undefined {
  let found: { key: string; range: OffsetRange } | undefined;
  visit(doc, {
    Pair(_key, pair) {
      const key = pair.key;
      if (!isScalar(key) || key.range?.[0] !== start) return undefined;
      found = { key: scalarKey(key) ?? '?', range: [key.range[0], key.range[1]] };
      return visit.BREAK;
    },
  });
  return found;
}

/** A fast-path document: positions come from its compact table. */
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
}

class YamlDocument implements DocumentHandle {
  constructor(
    readonly file: SourceFile,
    readonly index: number,
    readonly value: unknown,
    private readonly root: YamlNode,
    private readonly aliasTargets: ReadonlyMap<YamlNode, YamlNode>,
  ) {}

  locate(path: Path): OffsetRange {
    let node: YamlNode = this.root;
    let keyOfNode: YamlNode | undefined;
    for (const segment of path) {
      const current = this.aliasTargets.get(node) ?? node;
      let next: { key?: YamlNode; value: YamlNode } | undefined;
      if (typeof segment === 'number' && isSeq(current)) {
        const item = current.items[segment];
        if (item && typeof item === 'object' && 'range' in item) next = { value: item as YamlNode };
      } else if (isMap(current)) {
        const pair = findPair(current, String(segment));
        if (pair) next = { key: pair.key as YamlNode, value: (pair.value ?? pair.key) as YamlNode };
      }
      if (!next) break;
      node = next.value;
      keyOfNode = next.key;
    }
    return preferredRange(node, keyOfNode);
  }
}

/**
 * A scalar is shown as itself; a collection reached by key as its key (a whole block would
 * swamp an editor); a mapping in a sequence as its first entry's key, for the same reason.
 */
function preferredRange(node: YamlNode, key: YamlNode | undefined): OffsetRange {
  if (isScalar(node) || isAlias(node)) return nodeRange(node);
  if (key && isScalar(key) && key.range) return nodeRange(key);
  if (isMap(node)) {
    const first = node.items[0];
    if (first && isScalar(first.key) && first.key.range) return nodeRange(first.key);
  }
  const range = nodeRange(node);
  return [range[0], Math.min(range[1], range[0] + 1)];
}

function nodeRange(node: YamlNode | undefined): OffsetRange {
  const range = node?.range;
  if (!range) return [0, 0];
  return [range[0], Math.max(range[1], range[0])];
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  for (const item of map.items) {
    if (isPair(item) && scalarKey(item.key) === key) return item;
  }
  return undefined;
}

function scalarKey(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const value = key.value;
  if (typeof value === 'symbol') return MERGE_KEY;
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  // Dates and binary from YAML 1.1 tags: the key as written.
  return key.source ?? '';
}

interface LimitHit {
  kind: 'depth' | 'aliases';
  node: YamlNode;
}

/**
 * Turns the YAML AST into plain values in one pass (cheaper than `toJS`). Mappings become
 * null-prototype objects so keys like `__proto__` stay data. Aliased nodes are converted once
 * and shared, and the nodes they stand for are counted against a budget, which defuses alias
 * bombs without rejecting ordinary anchors.
 */
class Converter {
  limitHit: LimitHit | undefined;
  /** Alias node → the anchored node it names, as YAML resolves it: the last anchor before it. */
  readonly aliasTargets = new Map<YamlNode, YamlNode>();
  private readonly anchors = new Map<string, YamlNode>();
  private readonly inProgress = new Set<YamlNode>();
  private aliasNodes = 0;
  private readonly converted = new Map<YamlNode, unknown>();
  private readonly sizes = new Map<YamlNode, number>();

  constructor(private readonly limits: InputLimits) {}

  convert(node: YamlNode | null | undefined, depth: number): unknown {
    if (node === null || node === undefined || this.limitHit) return null;
    if (depth > this.limits.maxDepth) {
      this.limitHit = { kind: 'depth', node };
      return null;
    }
    if (isAlias(node)) {
      const target = this.anchors.get(node.source);
      if (!target) return null;
      this.aliasTargets.set(node, target);
      this.aliasNodes += this.size(target, 0);
      // A recursive alias (inside its own anchor) would expand forever.
      if (this.aliasNodes > this.limits.maxAliasNodes || this.inProgress.has(target)) {
        this.limitHit = { kind: 'aliases', node };
        return null;
      }
      return this.convertShared(target, depth);
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) {
      this.anchors.set(anchor, node);
      return this.convertShared(node, depth);
    }
    return this.convertNode(node, depth);
  }

  private convertNode(node: YamlNode, depth: number): unknown {
    if (isScalar(node)) return scalarValue(node.value, node.source);
    if (isSeq(node)) {
      return node.items.map((item) => this.convert(item as YamlNode, depth + 1));
    }
    if (isMap(node)) {
      const result: Record<string, unknown> = newPlainMap();
      const merges: unknown[] = [];
      for (const pair of node.items) {
        const key = scalarKey(pair.key);
        if (key === undefined) continue;
        if (key === MERGE_KEY && isScalar(pair.key) && typeof pair.key.value === 'symbol') {
          merges.push(this.convert(pair.value as YamlNode, depth + 1));
          continue;
        }
        result[key] = this.convert(pair.value as YamlNode, depth + 1);
      }
      for (const merged of merges) applyMerge(result, merged);
      return result;
    }
    return null;
  }

  private convertShared(node: YamlNode, depth: number): unknown {
    if (this.converted.has(node)) return this.converted.get(node);
    this.inProgress.add(node);
    const value = this.convertNode(node, depth);
    this.inProgress.delete(node);
    this.converted.set(node, value);
    return value;
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

/** `<<` merges: explicit keys win, earlier merge sources win over later ones. */
function applyMerge(target: Record<string, unknown>, source: unknown): void {
  const sources: readonly unknown[] = Array.isArray(source) ? source : [source];
  for (const entry of sources) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) continue;
    for (const key of Object.keys(entry)) {
      if (!Object.prototype.hasOwnProperty.call(target, key)) target[key] = (entry as Record<string, unknown>)[key];
    }
  }
}

function scalarValue(value: unknown, source: string | undefined): unknown {
  // YAML 1.1 timestamps become Date objects in `yaml`; Kubernetes fields holding them are strings.
  if (value instanceof Date) return source ?? value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return source ?? '';
  if (value === undefined) return null;
  if (typeof value === 'number' && Number.isNaN(value) && source !== undefined && !isNaNLiteral(source)) return source;
  return value;
}


const SUPPRESSION_COMMENT = /#\s*ballast-ignore-(next-line|file)\b([^\n\r]*)/g;

/** Finds `# ballast-ignore-next-line a,b -- reason` and `# ballast-ignore-file a` comments. */
export function scanSuppressionComments(file: SourceFile): SuppressionComment[] {
  const text = file.text;
  if (!text.includes('ballast-ignore-')) return [];
  const comments: SuppressionComment[] = [];
  for (const match of text.matchAll(SUPPRESSION_COMMENT)) {
    const start = match.index;
    const [ruleText = '', reason] = (match[2] ?? '').split(/\s--\s/, 2);
    comments.push({
      scope: match[1] === 'file' ? 'file' : 'next-line',
      // A further `#` starts a trailing comment, not more rule IDs.
      rules: (ruleText.split('#')[0] ?? '').split(/[\s,]+/).filter((rule) => rule.length > 0 && rule !== '*'),
      ...(reason ? { reason: reason.trim() } : {}),
      range: [start, start + match[0].length],
      line: file.lines.position(start).line,
    });
  }
  return comments;
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}

function describe(error: unknown): string {
  return error instanceof Error ? firstLine(error.message) : 'unreadable input';
}
