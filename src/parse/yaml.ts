import { Composer, Parser, visit, YAMLParseError } from 'yaml';
import { goRejects } from './tabs.js';
import { goDocumentStructure } from './documents.js';
import type { CST, Document, DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';
import { ConvertError, Converter, YamlDocument, nodeRange, type AliasBudget } from './convert.js';
import { findExcessiveNesting, MAX_FLOW_DEPTH, type InputLimits } from './limits.js';
import type { OffsetRange, ParsedFile } from './source.js';
import { SourceFile } from './source.js';
import { scanYaml, TableDocument } from './scan-yaml.js';
import { scanYamlSuppressionComments } from './comments.js';

export { scanSuppressionComments } from './comments.js';

export { TableDocument };

/**
 * Parses YAML (and JSON, which the same parser reads with positions) the way Kubernetes
 * decodes it: go-yaml v2 through sigs.k8s.io/yaml (see resolve.ts and convert.ts, and the
 * README's "How YAML is read"). The direct scanner takes what it is sure of; everything else
 * goes through `yaml`'s parser and our own conversion. Never throws: problems become
 * `InputProblem`s.
 */
export function parseYamlFile(path: string, rawText: string, limits: InputLimits, options: { fast?: boolean } = {}): ParsedFile {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const file = new SourceFile(path, text);
  const parsed: ParsedFile = { file, documentCount: 0, documents: [], problems: [], comments: [] };

  // A BOM is only allowed first; one further in is a pasted-together file, worth a finding even
  // where `yaml` would read past it.
  const strayMark = text.indexOf('\uFEFF');
  if (strayMark !== -1) {
    parsed.problems.push({ ruleId: 'parse-error', messageId: 'byteOrderMark', data: {}, range: [strayMark, strayMark + 1], document: documentIndexAt(text, strayMark) });
  }
  // go-yaml's reader refuses the whole stream on a character outside YAML's printable set.
  const control = NOT_PRINTABLE.exec(text);
  if (control) {
    const code = text.codePointAt(control.index) ?? 0;
    const at: OffsetRange = [control.index, control.index + control[0].length];
    parsed.problems.push({ ruleId: 'parse-error', messageId: 'control', data: { code: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` }, range: at, document: documentIndexAt(text, control.index) });
    parsed.documentCount = 1;
    return parsed;
  }

  const source = withLineFeeds(text);
  parsed.comments = scanYamlSuppressionComments(file, source);
  // The direct scanner bounds its own depth; the other path recurses, so it gets text whose
  // nesting has been checked.
  const scanned = options.fast === false ? undefined : scanYaml(source, limits);
  if (scanned) {
    parsed.documentCount = scanned.documentCount;
    parsed.documents = scanned.documents.map((doc) => new TableDocument(file, doc.index, doc.value, doc.positions));
    return parsed;
  }
  const tooDeep = findExcessiveNesting(source);
  if (tooDeep !== undefined) return refuseNesting(parsed, tooDeep, limits);

  let docs: Document.Parsed[];
  try {
    docs = parseStream(source);
  } catch (error) {
    if (error instanceof TooDeep) return refuseNesting(parsed, error.offset, limits);
    const range: OffsetRange = error instanceof YAMLParseError ? [error.pos[0], error.pos[1]] : [0, 0];
    parsed.problems.push({ ruleId: 'parse-error', messageId: 'syntax', data: { detail: describe(error) }, range, document: 0 });
    parsed.documentCount = 1;
    return parsed;
  }
  parsed.documentCount = docs.length;

  // The alias budget is the file's, not each document's: documents are cheap to add.
  const budget: AliasBudget = { used: 0 };
  docs.forEach((doc, index) => {
    const error = doc.errors[0];
    if (error) {
      // Later errors of a broken document are mostly echoes of the first one: report that alone.
      const range: OffsetRange = [error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)];
      const at = error.code === 'MISSING_CHAR' ? (unclosedQuoteStart(doc, error.pos[0]) ?? range) : range;
      parsed.problems.push({ ruleId: 'parse-error', messageId: 'syntax', data: { detail: firstLine(error.message) }, range: at, document: index });
      return;
    }
    const version = doc.directives?.yaml;
    if (version?.explicit && version.version !== '1.1') {
      const offset = source.lastIndexOf('%YAML', doc.range[0]);
      parsed.problems.push({ ruleId: 'parse-error', messageId: 'version', data: { version: version.version }, range: [Math.max(0, offset), Math.max(0, offset) + 5], document: index });
      return;
    }
    if (doc.contents === null) return;
    const converter = new Converter(limits, budget);
    let value: unknown;
    try {
      value = converter.convert(doc.contents, 0);
    } catch (failure) {
      if (!(failure instanceof ConvertError)) throw failure;
      parsed.problems.push({ ruleId: 'parse-error', messageId: 'syntax', data: { detail: failure.message }, range: nodeRange(failure.node), document: index });
      return;
    }
    for (const duplicate of converter.duplicates) {
      parsed.problems.push({ ruleId: 'duplicate-key', messageId: 'duplicate', data: { key: duplicate.key }, range: duplicate.range, document: index });
    }
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
    parsed.documents.push(new YamlDocument(file, index, value, doc.contents, converter.aliasTargets, converter.keyIndex));
  });
  return parsed;
}

function refuseNesting(parsed: ParsedFile, offset: number, limits: InputLimits): ParsedFile {
  parsed.problems.push({ ruleId: 'input-limit', messageId: 'nesting', data: { limit: limits.maxDepth }, range: [offset, offset + 1], document: 0 });
  parsed.documentCount = 1;
  return parsed;
}

/** Outside YAML's printable set (go-yaml readerc.go): C0 controls but tab, LF and CR; DEL; C1 but NEL; surrogates; U+FFFE/U+FFFF. */
const NOT_PRINTABLE = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const OTHER_BREAKS = /\r(?!\n)|[\u0085\u2028\u2029]/g;

/**
 * go-yaml (YAML 1.1) ends lines at a lone CR, NEL, LS and PS as well as at LF; `yaml` and the
 * scanner only at LF. Each becomes LF — one character for one, so offsets stay offsets into the
 * file. (go-yaml keeps LS and PS inside scalar text where folding would drop them; here they fold
 * like LF. Documented in the README.)
 */
export function withLineFeeds(text: string): string {
  OTHER_BREAKS.lastIndex = 0;
  return OTHER_BREAKS.test(text) ? text.replace(OTHER_BREAKS, '\n') : text;
}

class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('too deep');
  }
}

// Failsafe: every scalar stays text for convert.ts to resolve as go-yaml does; no unique-key
// check (quadratic in `yaml`; convert.ts has its own) and no merge handling (ditto).
const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  schema: 'failsafe',
  uniqueKeys: false,
  merge: false,
  prettyErrors: false,
  keepSourceTokens: false,
};

/** Cheap signs of what goRejects looks for besides tabs: `:` starting or ending a plain scalar in flow, `? key`. */
const FLOW_COLON = /[[{,]\s*:|\S:[^\s]|^\s*\?/m;

/** All documents of a text, refusing (before composing, which recurses) one nested too deep. */
function parseAllDocuments(text: string): Document.Parsed[] {
  const tokens = Array.from(new Parser().parse(text));
  const refused = new Map<number, { offset: number; message: string }>();
  let index = 0;
  for (const token of tokens) {
    if (token.type !== 'document') continue;
    const deep = token.value && tooDeepAt(token.value);
    if (deep !== undefined) throw new TooDeep(deep);
    const rejected = text.includes('\t') || FLOW_COLON.test(text) ? goRejects(token, text) : undefined;
    if (rejected !== undefined) {
      const message =
        text.charAt(rejected) === '\t' ? "a tab character where Kubernetes' YAML decoder refuses one" : '":" here is read differently by Kubernetes\' YAML decoder (go-yaml), which refuses or misreads this text';
      refused.set(index, { offset: rejected, message });
    }
    index++;
  }
  // Document markers and directives: cheap to rule out, as most files have neither `...` nor `%`.
  const structure = /^(?:\.\.\.|%)/m.test(text) ? goDocumentStructure(tokens, text) : undefined;
  const docs: Document.Parsed[] = Array.from(new Composer(PARSE_OPTIONS).compose(tokens));
  if (structure?.refusal) {
    const { document, offset, message } = structure.refusal;
    const doc = docs[document];
    if (!doc) throw new YAMLParseError([offset, offset + 1], 'BAD_DIRECTIVE', message);
    refused.set(document, { offset, message });
  }
  for (const [at, { offset, message }] of refused) docs[at]?.errors.unshift(new YAMLParseError([offset, offset + 1], 'BAD_SCALAR_START', message));
  return structure && structure.skipped.size > 0 ? docs.filter((_, at) => !structure.skipped.has(at)) : docs;
}

/** Offset of a collection nested deeper than MAX_FLOW_DEPTH, walking the CST without recursion. */
function tooDeepAt(root: CST.Token): number | undefined {
  const stack: [CST.Token, number][] = [[root, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [token, depth] = next;
    if (!('items' in token)) continue;
    if (depth >= MAX_FLOW_DEPTH) return token.offset;
    for (const item of token.items) {
      if ('key' in item && item.key) stack.push([item.key, depth + 1]);
      if (item.value) stack.push([item.value, depth + 1]);
    }
  }
  return undefined;
}

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
    const batch = parseAllDocuments(blankBefore(text, from));
    let cut: number | undefined;
    for (const doc of batch) {
      cut = doc.errors.some((error) => error.code !== 'DUPLICATE_KEY') ? markerInside(text, doc) : undefined;
      if (cut === undefined) {
        docs.push(doc);
        continue;
      }
      const alone = parseAllDocuments(blankBefore(text.slice(0, cut), from));
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

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}

function describe(error: unknown): string {
  return error instanceof Error ? firstLine(error.message) : 'unreadable input';
}
