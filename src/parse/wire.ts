import type { InputProblem, ParsedFile, SuppressionComment } from './source.js';
import { SourceFile } from './source.js';
import { TableDocument } from './yaml.js';

/**
 * A parsed file in a form that crosses threads: plain values, position tables (transferred,
 * not copied) and the text. Files whose documents need the full parser's AST (anchors, errors,
 * flag files) are sent as text only and parsed again where they arrive.
 */
export interface WireFile {
  path: string;
  text: string;
  documentCount: number;
  documents: { index: number; value: unknown; positions: Int32Array }[];
  problems: InputProblem[];
  comments: SuppressionComment[];
  /** The receiver must parse `text` itself. */
  reparse: boolean;
}

export function toWire(parsed: ParsedFile): WireFile {
  const portable = parsed.documents.every((doc) => doc instanceof TableDocument);
  return {
    path: parsed.file.path,
    text: parsed.file.text,
    documentCount: parsed.documentCount,
    documents: portable ? parsed.documents.map((doc) => ({ index: doc.index, value: doc.value, positions: (doc as TableDocument).positions })) : [],
    problems: portable ? parsed.problems : [],
    comments: portable ? parsed.comments : [],
    reparse: !portable,
  };
}

export function fromWire(wire: WireFile): ParsedFile {
  const file = new SourceFile(wire.path, wire.text);
  return {
    file,
    documentCount: wire.documentCount,
    documents: wire.documents.map((doc) => new TableDocument(file, doc.index, doc.value, doc.positions)),
    problems: wire.problems,
    comments: wire.comments,
  };
}

export function transferablesOf(files: readonly WireFile[]): ArrayBuffer[] {
  return files.flatMap((file) => file.documents.map((doc) => doc.positions.buffer as ArrayBuffer));
}
