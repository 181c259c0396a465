import { newPlainMap } from './plain-map.js';
import type { InputLimits } from './limits.js';
import { isArrayIndexKey, PositionTableBuilder, TableDocument } from './positions.js';
import { resolveKey, resolvePlain, type PlainScalar } from './resolve.js';

export { TableDocument };

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

/**
 * The quickest path: a direct scanner for YAML as manifests are usually written — block
 * mappings and sequences indented with spaces, one-line plain and quoted scalars, literal and
 * simple folded block scalars, flow collections, comments, anchors on values and their aliases,
 * `---` separators. It reads the text once, with no token objects, and builds values and the
 * position table as it goes. Anything it is not sure about (merge keys, tags, anchors on keys,
 * multi-line plain scalars, tabs in indentation, odd indentation...) makes it decline, and the
 * full parser takes the file. Differential tests hold its values and
 * positions equal to the full parser's and its values to Kubernetes' decoder's (oracle.test.ts).
 */
class Decline extends Error {}
const DECLINE = new Decline('declined');

const SPACE = 32;
const NEWLINE = 10;
const CR = 13;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const TAB = 9;
const AMPERSAND = 38;
const ASTERISK = 42;

/** An anchored node: its value, where its slots lie in the document's table (`to` is -1 while it is read). */
interface Anchored {
  value: unknown;
  from: number;
  to: number;
}

export function scanYaml(text: string, limits: InputLimits): FastFile | undefined {
  try {
    return new Scanner(text, limits).file();
  } catch (error) {
    if (error instanceof Decline || error instanceof RangeError) return undefined;
    throw error;
  }
}

class Scanner {
  private pos = 0;
  private table = new PositionTableBuilder();
  /** The document's anchors (go-yaml's are per document); the last of a name wins. */
  private anchors = new Map<string, Anchored>();
  /** Nodes that aliases expanded to in the whole file: the full parser's budget (convert.ts). */
  private aliasNodes = 0;
  private readonly sizes = new WeakMap<object, number>();

  constructor(
    private readonly text: string,
    private readonly limits: InputLimits,
  ) {}

  file(): FastFile {
    const documents: FastDocument[] = [];
    let count = 0;
    // A `---` opens a document even when nothing follows it (an empty one, no value).
    let opened = false;
    this.skipBlankLines();
    if (this.atMarker()) {
      opened = true;
      this.skipMarkerLine();
    }
    for (;;) {
      this.skipBlankLines();
      if (this.pos >= this.text.length) {
        if (opened) count++;
        break;
      }
      if (this.atMarker()) {
        count++;
        this.skipMarkerLine();
        continue;
      }
      this.table = new PositionTableBuilder();
      this.anchors = new Map();
      const value = this.blockNode(0, 0);
      this.skipBlankLines();
      documents.push({ index: count++, value, positions: this.table.finish() });
      if (this.pos >= this.text.length) break;
      if (!this.atMarker()) throw DECLINE;
      opened = true;
      this.skipMarkerLine();
    }
    return { documentCount: count, documents };
  }

  // ---- lines -------------------------------------------------------------------------------

  private code(at: number): number {
    return this.text.charCodeAt(at);
  }

  private lineEnd(from: number): number {
    const end = this.text.indexOf('\n', from);
    return end === -1 ? this.text.length : end;
  }

  /** Moves past blank and comment-only lines to the first content character of the next line with content. */
  private skipBlankLines(): void {
    for (;;) {
      const start = this.pos;
      let at = start;
      while (this.code(at) === SPACE) at++;
      const c = this.code(at);
      if (c === TAB) throw DECLINE;
      if (at >= this.text.length) {
        this.pos = this.text.length;
        return;
      }
      if (c === NEWLINE || c === HASH || (c === CR && this.code(at + 1) === NEWLINE)) {
        const end = this.lineEnd(at);
        this.pos = end + 1;
        if (end >= this.text.length) {
          this.pos = this.text.length;
          return;
        }
        continue;
      }
      this.pos = start;
      return;
    }
  }

  /** Column of the line's first non-space character, from `pos` at a line start. */
  private indentAt(lineStart: number): number {
    let at = lineStart;
    while (this.code(at) === SPACE) at++;
    if (this.code(at) === TAB) throw DECLINE;
    return at - lineStart;
  }

  private atMarker(): boolean {
    const t = this.text;
    const p = this.pos;
    if (t.startsWith('...', p)) throw DECLINE;
    if (!t.startsWith('---', p)) return false;
    const after = this.code(p + 3);
    return Number.isNaN(after) || after === NEWLINE || after === SPACE || after === CR || after === TAB;
  }

  private skipMarkerLine(): void {
    const end = this.lineEnd(this.pos);
    // Content after `---` on the same line (`--- a: 1`) is left to the other paths.
    // (Spaces and tabs only: other white space after `---` is content.)
    if (!/^---(?:[ \t]*|[ \t]+#.*)$/.test(this.text.slice(this.pos, end).replace(/\r$/, ''))) throw DECLINE;
    this.pos = Math.min(end + 1, this.text.length);
  }

  /**
   * After a value on a line: only blanks, then a comment or the end of the line. Moves to the
   * next line. Tabs count as blanks here: after a scalar, an alias or a flow collection go-yaml
   * allows no simple key, so its scanner skips them (scannerc.go `yaml_parser_scan_to_next_token`).
   */
  private finishLine(from: number): void {
    let at = from;
    while (this.code(at) === SPACE || this.code(at) === TAB) at++;
    const c = this.code(at);
    if (c === HASH) at = this.lineEnd(at);
    else if (c === CR && this.code(at + 1) === NEWLINE) at++;
    else if (at < this.text.length && c !== NEWLINE) throw DECLINE;
    this.pos = Math.min(at + 1, this.text.length);
  }

  // ---- block structure -----------------------------------------------------------------------

  /** A node whose first character is at `pos`, on a line indented `indent`, nested `depth` deep. */
  private blockNode(indent: number, depth: number): unknown {
    if (depth > this.limits.maxDepth) throw DECLINE;
    const c = this.code(this.pos);
    if (c === DASH && this.isSeparated(this.pos + 1)) return this.blockSequence(this.column(this.pos), depth);
    if (this.keyEnd(this.pos) !== undefined) return this.blockMapping(this.column(this.pos), depth);
    // A lone scalar or flow collection as a whole document.
    const value = this.inlineValue(indent, depth, true);
    return value;
  }

  private column(at: number): number {
    const lineStart = this.text.lastIndexOf('\n', at - 1) + 1;
    return at - lineStart;
  }

  private isSeparated(at: number): boolean {
    const c = this.code(at);
    return Number.isNaN(c) || c === SPACE || c === NEWLINE || c === TAB || (c === CR && this.code(at + 1) === NEWLINE);
  }

  private blockMapping(indent: number, depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = newPlainMap();
    const node = this.table.open(this.pos);
    for (;;) {
      const key = this.key();
      if (isArrayIndexKey(key) || Object.prototype.hasOwnProperty.call(result, key)) throw DECLINE;
      result[key] = this.mappingValue(indent, depth);
      if (!this.nextSibling(indent)) break;
      if (this.code(this.pos) === DASH && this.isSeparated(this.pos + 1)) throw DECLINE;
    }
    this.table.close(node, this.table.lastEnd);
    return result;
  }

  /**
   * The value after `key:` (pos just past the colon), perhaps anchored or an alias. go-yaml skips
   * tabs after a mapping's `:` as blanks (unlike after `-`; oracle.test.ts holds both).
   */
  private mappingValue(indent: number, depth: number): unknown {
    let at = this.skipBlanks(this.pos);
    const c = this.code(at);
    if (c === ASTERISK) return this.alias(at, indent);
    if (c !== AMPERSAND) return this.valueAt(at, indent, depth, false);
    const name = this.anchorName(at);
    at = this.skipBlanks(at + name.length + 1);
    const anchored = this.anchor(name);
    return this.anchored(anchored, this.valueAt(at, indent, depth, true));
  }

  private skipBlanks(from: number): number {
    let at = from;
    while (this.code(at) === SPACE || this.code(at) === TAB) at++;
    return at;
  }

  /** A mapping's value from its first character `at` (or the end of the key's line). */
  private valueAt(at: number, indent: number, depth: number, anchored: boolean): unknown {
    const c = this.code(at);
    const lineDone = Number.isNaN(c) || c === NEWLINE || c === HASH || (c === CR && this.code(at + 1) === NEWLINE);
    if (!lineDone) {
      this.pos = at;
      return this.inlineValue(indent, depth + 1, false);
    }
    // An empty value sits after the spaces that follow its indicator, as the composer places it.
    const emptyAt = at;
    this.finishLine(at);
    this.skipBlankLines();
    if (this.pos < this.text.length && !this.atMarker()) {
      const childIndent = this.indentAt(this.pos);
      const start = this.pos + childIndent;
      const isDash = this.code(start) === DASH && this.isSeparated(start + 1);
      if (childIndent > indent || (childIndent === indent && isDash)) {
        this.pos = start;
        if (childIndent === indent) return this.blockSequence(childIndent, depth + 1);
        return this.blockNode(childIndent, depth + 1);
      }
    }
    // An anchored empty node: rare, left to the full parser.
    if (anchored) throw DECLINE;
    this.table.leaf(emptyAt, emptyAt);
    return null;
  }

  private blockSequence(indent: number, depth: number): unknown[] {
    if (depth > this.limits.maxDepth) throw DECLINE;
    const result: unknown[] = [];
    const node = this.table.open(this.pos);
    for (;;) {
      let at = this.pos + 1;
      while (this.code(at) === SPACE) at++;
      const c = this.code(at);
      if (c === TAB) throw DECLINE;
      if (c === ASTERISK) {
        result.push(this.alias(at, indent));
      } else if (c === AMPERSAND) {
        const name = this.anchorName(at);
        at += name.length + 1;
        while (this.code(at) === SPACE) at++;
        const anchored = this.anchor(name);
        result.push(this.anchored(anchored, this.itemAt(at, indent, depth, true)));
      } else {
        result.push(this.itemAt(at, indent, depth, false));
      }
      if (!this.nextSibling(indent)) break;
      if (!(this.code(this.pos) === DASH && this.isSeparated(this.pos + 1))) {
        // A sequence written at its key's indentation ends at the next key; the mapping
        // decides whether that line is really its sibling.
        this.pos -= indent;
        break;
      }
    }
    this.table.close(node, this.table.lastEnd);
    return result;
  }

  /** A sequence item from its first character `at` (or the end of the dash's line). */
  private itemAt(at: number, indent: number, depth: number, anchored: boolean): unknown {
    const c = this.code(at);
    if (c === TAB) throw DECLINE;
    const lineDone = Number.isNaN(c) || c === NEWLINE || c === HASH || (c === CR && this.code(at + 1) === NEWLINE);
    if (lineDone) {
      const emptyAt = at;
      this.finishLine(at);
      this.skipBlankLines();
      const childIndent = this.pos < this.text.length && !this.atMarker() ? this.indentAt(this.pos) : -1;
      if (childIndent > indent) {
        this.pos += childIndent;
        return this.blockNode(childIndent, depth + 1);
      }
      if (anchored) throw DECLINE;
      this.table.leaf(emptyAt, emptyAt);
      return null;
    }
    this.pos = at;
    const column = this.column(at);
    const isDash = c === DASH && this.isSeparated(at + 1);
    const isKey = !isDash && this.keyEnd(at) !== undefined;
    // `- &a key: v` anchors the key, not the mapping: left to the full parser.
    if (anchored && (isDash || isKey)) throw DECLINE;
    if (isDash) return this.blockSequence(column, depth + 1);
    if (isKey) return this.blockMapping(column, depth + 1);
    return this.inlineValue(indent, depth + 1, false);
  }

  // ---- anchors and aliases -----------------------------------------------------------------------

  /**
   * The name of the anchor at `at` (`&name`). go-yaml takes only letters, digits, `_` and `-`
   * (scannerc.go `yaml_parser_scan_anchor`); anything else, or no blank after it, is left to the
   * full parser.
   */
  private anchorName(at: number): string {
    let end = at + 1;
    while (isAnchorCharacter(this.code(end))) end++;
    if (end === at + 1 || !this.isSeparated(end)) throw DECLINE;
    return this.text.slice(at + 1, end);
  }

  /**
   * Registers an anchor where it stands, before its node is read: an alias names the last anchor
   * of its name in document order, so one of the same name inside the node replaces it.
   */
  private anchor(name: string): Anchored {
    const anchored: Anchored = { value: null, from: this.table.length, to: -1 };
    this.anchors.set(name, anchored);
    return anchored;
  }

  private anchored(anchored: Anchored, value: unknown): unknown {
    anchored.value = value;
    anchored.to = this.table.length;
    return value;
  }

  /**
   * `*name` as a whole value: the anchored value, shared as the full parser shares it, counted
   * against the same alias budget. Paths through it locate in the anchored node.
   */
  private alias(at: number, indent: number): unknown {
    const name = this.anchorName(at);
    const end = at + 1 + name.length;
    const target = this.anchors.get(name);
    // Unknown, or an alias inside its own anchor's node: errors for the full parser to report.
    if (!target || target.to === -1) throw DECLINE;
    this.aliasNodes += this.nodeCount(target.value, 0);
    if (!(this.aliasNodes <= this.limits.maxAliasNodes)) throw DECLINE;
    if (target.value !== null && typeof target.value === 'object') this.table.alias(at, end, target.from, target.to);
    else this.table.leaf(at, end);
    this.finishLine(end);
    this.noContinuation(indent, false);
    return target.value;
  }

  /** Nodes an alias to `value` stands for, counted as convert.ts counts them; too deep to count is infinite. */
  private nodeCount(value: unknown, depth: number): number {
    if (value === null || typeof value !== 'object') return 1;
    const known = this.sizes.get(value);
    if (known !== undefined) return known;
    let total = 1;
    if (depth >= 32) total = Number.POSITIVE_INFINITY;
    else if (Array.isArray(value)) for (const item of value) total += this.nodeCount(item, depth + 1);
    else for (const key in value) total += 1 + this.nodeCount((value as Record<string, unknown>)[key], depth + 1);
    this.sizes.set(value, total);
    return total;
  }

  /**
   * After a node: finds the next content line. True (pos at its first character) when it
   * continues the collection at `indent`; false when it closes it (dedent, `---`, end).
   */
  private nextSibling(indent: number): boolean {
    this.skipBlankLines();
    if (this.pos >= this.text.length || this.atMarker()) return false;
    const lineIndent = this.indentAt(this.pos);
    if (lineIndent > indent) throw DECLINE; // a continuation line, or bad indentation
    if (lineIndent < indent) return false;
    this.pos += lineIndent;
    return true;
  }

  // ---- keys and inline values -----------------------------------------------------------------

  /** Offset of the `:` ending a key that starts at `at`, if the line there is `key: ...`. */
  private keyEnd(at: number): number | undefined {
    const c = this.code(at);
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const close = this.quotedEnd(at);
      return close !== undefined && this.code(close) === COLON && this.isSeparated(close + 1) ? close : undefined;
    }
    if (!this.plainCanStart(at)) return undefined;
    const end = this.lineEnd(at);
    for (let i = at; i < end; i++) {
      const k = this.code(i);
      if (k === COLON && this.isSeparated(i + 1)) return i;
      if (k === HASH && this.code(i - 1) === SPACE) return undefined;
      if (k === TAB) {
        // A tab that sets off a comment ends the line's content (`- x\t# a: b`); one before a key's
        // colon (`replicas\t: 3`) or inside a key is left to the full parser.
        let next = i;
        while (this.code(next) === TAB || this.code(next) === SPACE) next++;
        if (this.code(next) === HASH) return undefined;
        throw DECLINE;
      }
    }
    return undefined;
  }

  private key(): string {
    const start = this.pos;
    const colon = this.keyEnd(start);
    if (colon === undefined) throw DECLINE;
    let key: string;
    let end = colon;
    const c = this.code(start);
    // Implicit keys end within 1024 characters (go-yaml's simple-key limit).
    if (colon - start > 1024) throw DECLINE;
    if (c === 34 || c === 39) {
      key = this.quoted(start, colon);
    } else {
      while (end > start && this.code(end - 1) === SPACE) end--;
      const source = this.text.slice(start, end);
      if (source === '<<' || source.includes(': ')) throw DECLINE;
      key = this.plainKey(source);
    }
    this.table.key(start, end);
    this.pos = colon + 1;
    return key;
  }

  private plainCanStart(at: number): boolean {
    const c = this.code(at);
    // Indicators that start something other than a plain scalar (or that this scanner leaves alone).
    if ('[]{},#&*!|>\'"%@`'.includes(String.fromCharCode(c))) return false;
    if ((c === DASH || c === 63 /* ? */ || c === COLON) && this.isSeparated(at + 1)) return false;
    return !Number.isNaN(c) && c !== SPACE && c !== NEWLINE && c !== CR && c !== TAB;
  }

  /** A value that starts on the current line at `pos`: scalar, quoted, flow, or block scalar. */
  private inlineValue(indent: number, depth: number, documentRoot: boolean): unknown {
    const start = this.pos;
    const c = this.code(start);
    if (c === 91 /* [ */ || c === 123 /* { */) {
      const value = this.flow(depth, !documentRoot);
      this.finishLine(this.pos);
      return value;
    }
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(indent);
    if (c === 34 || c === 39) {
      const close = this.quotedEnd(start);
      if (close === undefined) throw DECLINE;
      const value = this.quoted(start, close);
      this.table.leaf(start, close);
      this.finishLine(close);
      this.noContinuation(indent, documentRoot);
      return value;
    }
    if (!this.plainCanStart(start)) throw DECLINE;
    const lineEnd = this.lineEnd(start);
    let end = start;
    for (let i = start; i < lineEnd; i++) {
      const k = this.code(i);
      // A plain scalar eats the blanks after it, tabs too; a blank then `#` starts a comment.
      if (k === HASH && (this.code(i - 1) === SPACE || this.code(i - 1) === TAB)) break;
      if (k === COLON && this.isSeparated(i + 1)) throw DECLINE; // `a: b: c`
      if (k !== SPACE && k !== TAB && k !== CR) end = i + 1;
    }
    const source = this.text.slice(start, end);
    this.table.leaf(start, end);
    this.finishLine(end);
    this.noContinuation(indent, documentRoot);
    return this.plain(source);
  }

  /** A plain value; `.nan` and `.inf` are left to the full parser, which reports them. */
  private plain(source: string): PlainScalar {
    const value = resolvePlain(source);
    if (typeof value === 'number' && !Number.isFinite(value)) throw DECLINE;
    return value;
  }

  /** A plain key as Kubernetes names it in JSON; keys it cannot convert are left to the full parser. */
  private plainKey(source: string): string {
    const key = resolveKey(source);
    if (key === undefined) throw DECLINE;
    return key;
  }

  /** A more-indented line after a one-line scalar would continue it: not handled here. */
  private noContinuation(indent: number, documentRoot: boolean): void {
    const saved = this.pos;
    this.skipBlankLines();
    if (this.pos < this.text.length && !this.atMarker()) {
      const lineIndent = this.indentAt(this.pos);
      if (lineIndent > indent || (documentRoot && lineIndent >= indent)) throw DECLINE;
    }
    this.pos = saved;
  }

  private quotedEnd(at: number): number | undefined {
    const quote = this.code(at);
    const end = this.lineEnd(at);
    for (let i = at + 1; i < end; i++) {
      const k = this.code(i);
      if (quote === 39 && k === 39) {
        if (this.code(i + 1) === 39) {
          i++;
          continue;
        }
        return i + 1;
      }
      if (quote === 34) {
        if (k === 92 /* \ */) {
          i++;
          continue;
        }
        if (k === 34) return i + 1;
      }
    }
    return undefined; // multi-line or unterminated: another path
  }

  private quoted(start: number, end: number): string {
    const body = this.text.slice(start + 1, end - 1);
    if (this.code(start) === 39) return body.replace(/''/g, "'");
    if (!body.includes('\\')) return body;
    return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, escape: string) => {
      if (escape.length > 1) return String.fromCharCode(parseInt(escape.slice(1), 16));
      const simple = DOUBLE_QUOTE_ESCAPES[escape];
      if (simple === undefined) throw DECLINE;
      return simple;
    });
  }

  // ---- block scalars ---------------------------------------------------------------------------

  /** `|`, `|-`, `|+`, `>`, `>-`, `>+` with content indented more than `indent`. */
  private blockScalar(indent: number): string {
    const header = this.pos;
    const style = this.code(header);
    let at = header + 1;
    let chomp: 'clip' | 'strip' | 'keep' = 'clip';
    if (this.code(at) === DASH) chomp = 'strip';
    else if (this.code(at) === 43 /* + */) chomp = 'keep';
    if (chomp !== 'clip') at++;
    this.finishLine(at);
    const lines: string[] = [];
    let contentIndent = -1;
    let lastContentEnd = this.pos;
    let trailingBlank = 0;
    while (this.pos < this.text.length) {
      const lineStart = this.pos;
      const end = this.lineEnd(lineStart);
      const raw = this.text.slice(lineStart, end).replace(/\r$/, '');
      // Indentation is spaces only: a leading NBSP or U+3000 is content.
      let spaces = 0;
      while (raw.charCodeAt(spaces) === SPACE) spaces++;
      // A tab past the content's indentation is text; one within it (or before the first line's
      // text, or starting a folded line, which folds differently) is left to the full parser.
      if (raw.charCodeAt(spaces) === TAB && (contentIndent === -1 || spaces < contentIndent || style === 62)) throw DECLINE;
      if (spaces === raw.length) {
        if (contentIndent !== -1 && spaces > contentIndent) throw DECLINE;
        if (contentIndent === -1 && spaces > indent + 1) throw DECLINE;
        lines.push('');
        trailingBlank++;
        this.pos = Math.min(end + 1, this.text.length);
        continue;
      }
      if (contentIndent === -1) {
        if (spaces <= indent) break;
        contentIndent = spaces;
      }
      if (spaces < contentIndent) break;
      if (style === 62 && spaces > contentIndent) throw DECLINE; // folded with more-indented lines
      lines.push(raw.slice(contentIndent));
      trailingBlank = 0;
      this.pos = Math.min(end + 1, this.text.length);
      lastContentEnd = this.pos;
    }
    if (contentIndent === -1) throw DECLINE;
    // Blank lines after the content belong to the chomping, not to the next node; rewind to them.
    const content = lines.slice(0, lines.length - trailingBlank);
    let value = style === 124 ? content.join('\n') : foldLines(content);
    if (chomp === 'clip') value += '\n';
    else if (chomp === 'keep') value += '\n'.repeat(1 + trailingBlank);
    this.table.leaf(header, lastContentEnd);
    this.pos = lastContentEnd;
    if (chomp === 'keep' || this.text.slice(lastContentEnd - 1, lastContentEnd) !== '\n') throw DECLINE;
    return value;
  }

  // ---- flow collections ------------------------------------------------------------------------

  /** `[...]` or `{...}` from `pos`; in block context it must stay on one line. */
  private flow(depth: number, inBlock: boolean): unknown {
    if (depth > this.limits.maxDepth) throw DECLINE;
    const open = this.code(this.pos);
    const close = open === 91 ? 93 : 125;
    const start = this.pos;
    const node = this.table.open(start);
    this.pos++;
    const list: unknown[] = [];
    const map: Record<string, unknown> = newPlainMap();
    let first = true;
    for (;;) {
      this.flowSpace(inBlock);
      if (this.code(this.pos) === close) {
        this.pos++;
        break;
      }
      if (!first) {
        if (this.code(this.pos) !== 44 /* , */) throw DECLINE;
        this.pos++;
        this.flowSpace(inBlock);
        if (this.code(this.pos) === close) throw DECLINE; // trailing comma: left to the other paths
      }
      first = false;
      if (open === 123) {
        const key = this.flowKey();
        if (isArrayIndexKey(key) || Object.prototype.hasOwnProperty.call(map, key)) throw DECLINE;
        this.flowSpace(inBlock);
        map[key] = this.flowValue(depth, inBlock);
      } else {
        list.push(this.flowValue(depth, inBlock));
        this.flowSpace(inBlock);
        if (this.code(this.pos) === COLON) throw DECLINE; // a pair inside a sequence
      }
    }
    this.table.close(node, this.pos);
    return open === 123 ? map : list;
  }

  private flowSpace(inBlock: boolean): void {
    for (;;) {
      const c = this.code(this.pos);
      if (c === SPACE) this.pos++;
      else if (c === NEWLINE || c === CR) {
        if (inBlock) throw DECLINE;
        this.pos++;
        // `---` or `...` at the start of a line ends the document, even inside a flow collection.
        if (c === NEWLINE && (this.text.startsWith('---', this.pos) || this.text.startsWith('...', this.pos))) throw DECLINE;
      } else if (c === HASH || c === TAB) throw DECLINE;
      else return;
    }
  }

  private flowKey(): string {
    const start = this.pos;
    const c = this.code(start);
    let end: number;
    let key: string;
    if (c === 34 || c === 39) {
      const close = this.quotedEnd(start);
      if (close === undefined) throw DECLINE;
      key = this.quoted(start, close);
      end = close;
    } else {
      if (c === COLON) throw DECLINE;
      end = this.flowPlainEnd(start);
      const source = this.text.slice(start, end);
      if (source === '' || source === '<<') throw DECLINE;
      key = this.plainKey(source);
    }
    this.table.key(start, end);
    this.pos = end;
    while (this.code(this.pos) === SPACE) this.pos++;
    if (this.code(this.pos) !== COLON) throw DECLINE;
    this.pos++;
    return key;
  }

  private flowValue(depth: number, inBlock: boolean): unknown {
    const start = this.pos;
    const c = this.code(start);
    // `[:x]`, `{a::b}`: go-yaml refuses a plain scalar starting with `:` in flow.
    if (c === COLON) throw DECLINE;
    if (c === 91 || c === 123) return this.flow(depth + 1, inBlock);
    if (c === 34 || c === 39) {
      const close = this.quotedEnd(start);
      if (close === undefined) throw DECLINE;
      this.table.leaf(start, close);
      this.pos = close;
      return this.quoted(start, close);
    }
    if (c === 44 || c === 93 || c === 125) throw DECLINE; // empty value
    // `[- a]`: a block indicator where flow content must be; an error for the full parser.
    if (!this.plainCanStart(start)) throw DECLINE;
    const end = this.flowPlainEnd(start);
    if (end === start) throw DECLINE;
    this.table.leaf(start, end);
    this.pos = end;
    return this.plain(this.text.slice(start, end));
  }

  /** End of a one-line plain scalar inside a flow collection. */
  private flowPlainEnd(start: number): number {
    let end = start;
    for (let i = start; i < this.text.length; i++) {
      const k = this.code(i);
      if (k === 44 || k === 91 || k === 93 || k === 123 || k === 125 || k === NEWLINE || k === CR) break;
      if (k === COLON && this.isSeparated(i + 1)) break;
      // go-yaml reads `a:` + `,[]{}` in flow as one plain scalar (`{a:}` is {"a:": null}, `{a:[]}` an error).
      if (k === COLON && ',[]{}'.includes(this.text.charAt(i + 1))) throw DECLINE;
      if (k === HASH && this.code(i - 1) === SPACE) throw DECLINE;
      if (k === TAB) throw DECLINE;
      if (k !== SPACE) end = i + 1;
    }
    return end;
  }
}

function isAnchorCharacter(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === DASH;
}

const DOUBLE_QUOTE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  '"': '"',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  '0': '\0',
  ' ': ' ',
};

/** Folding of `>` content without more-indented lines: line breaks become spaces, blank lines newlines. */
function foldLines(lines: readonly string[]): string {
  let result = '';
  let pendingBreaks = 0;
  let started = false;
  for (const line of lines) {
    if (line === '') {
      pendingBreaks++;
      continue;
    }
    if (started) result += pendingBreaks > 0 ? '\n'.repeat(pendingBreaks) : ' ';
    else result += '\n'.repeat(pendingBreaks);
    result += line;
    pendingBreaks = 0;
    started = true;
  }
  return result;
}
