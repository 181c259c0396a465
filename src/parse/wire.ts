import type { InputProblem, ParsedFile, SuppressionComment } from './source.js';
import { SourceFile } from './source.js';
import { adoptPlainMaps } from './plain-map.js';
import { TableDocument } from './yaml.js';

/**
 * A parsed file in a form that crosses threads: the values as one JSON text (JSON.parse
 * rebuilds them several times faster than structured cloning does), the position tables
 * (transferred, not copied) and the text. Files that JSON cannot carry exactly (documents that
 * need the full parser's AST, flag files, a float `-0.0`) are sent as text only and
 * parsed again where they arrive.
 */
export type WireFile =
  | {
      path: string;
      text: string;
      documentCount: number;
      /** JSON of the documents' values, in order. */
      values: string;
      documents: { index: number; positions: Int32Array }[];
      problems: InputProblem[];
      comments: SuppressionComment[];
      reparse: false;
    }
  | { path: string; text: string; reparse: true };

export function toWire(parsed: ParsedFile): WireFile {
  const { documents } = parsed;
  const tables = documents.filter((doc) => doc instanceof TableDocument);
  if (tables.length < documents.length || !tables.every((doc) => isJsonExact(doc.value, 0))) return { path: parsed.file.path, text: parsed.file.text, reparse: true };
  return {
    path: parsed.file.path,
    text: parsed.file.text,
    documentCount: parsed.documentCount,
    values: JSON.stringify(tables.map((doc) => doc.value)),
    documents: tables.map((doc) => ({ index: doc.index, positions: doc.positions })),
    problems: parsed.problems,
    comments: parsed.comments,
    reparse: false,
  };
}

/** The file as `toWire` had it; `reparse` files are left to the caller. */
export function fromWire(wire: WireFile & { reparse: false }): ParsedFile {
  const file = new SourceFile(wire.path, wire.text);
  const values = JSON.parse(wire.values) as unknown[];
  adoptPlainMaps(values);
  return {
    file,
    documentCount: wire.documentCount,
    documents: wire.documents.map((doc, at) => new TableDocument(file, doc.index, values[at], doc.positions)),
    problems: wire.problems,
    comments: wire.comments,
  };
}

export function transferablesOf(files: readonly WireFile[]): ArrayBuffer[] {
  return files.flatMap((file) => (file.reparse ? [] : file.documents.map((doc) => doc.positions.buffer as ArrayBuffer)));
}

/**
 * Whether JSON gives the value back unchanged: JSON has no NaN, no infinities and no negative
 * zero. Values nested deeper than any parser path builds (an alias loop, say) are not sent.
 */
function isJsonExact(value: unknown, depth: number): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (value === null || typeof value !== 'object') return typeof value === 'string' || typeof value === 'boolean' || value === null;
  if (depth > MAX_WIRE_DEPTH) return false;
  if (Array.isArray(value)) return value.every((item) => isJsonExact(item, depth + 1));
  for (const key in value) if (!isJsonExact((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

const MAX_WIRE_DEPTH = 1000;
