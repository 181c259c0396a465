import type { Path, Severity } from '../types.js';
import { LineIndex } from './lines.js';

/** [start, end) character offsets into a file's text. */
export type OffsetRange = readonly [number, number];

/** One file of the run, as text (after BOM removal) with a lazily built line index. */
export class SourceFile {
  readonly lines: LineIndex;
  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.lines = new LineIndex(text);
  }
}

/**
 * A document that findings can point into. YAML documents locate paths through their node
 * ranges; flag files and other line-based inputs provide their own `locate`.
 */
export interface DocumentHandle {
  readonly file: SourceFile;
  /** 0-based index of the document in its file. */
  readonly index: number;
  /** The plain value of the document (mappings are null-prototype objects). */
  readonly value: unknown;
  /** Range of the node at `path`, or of the nearest existing ancestor when the path is missing. */
  locate(path: Path): OffsetRange;
  /**
   * Range of the mapping key that holds the node at `path` (its value may sit elsewhere: after
   * the key, on the next lines); where the path does not end at a key, what `locate` gives.
   * Documents without keys (flag files) leave it out.
   */
  locateKey?(path: Path): OffsetRange;
}

/** An input problem found while reading a file, before any rule runs. */
export interface InputProblem {
  ruleId: 'parse-error' | 'duplicate-key' | 'input-limit' | 'invalid-field-type' | 'not-rendered';
  messageId: string;
  data: Record<string, string | number>;
  range: OffsetRange;
  document: number;
  /** A graded severity, over the rule's default (a note rather than an error). */
  severity?: Severity;
}

export interface SuppressionComment {
  scope: 'next-line' | 'file';
  /** Rule IDs named by the comment; empty means every rule. */
  rules: string[];
  reason?: string;
  range: OffsetRange;
  /** 1-based line the comment sits on. */
  line: number;
}

export interface ParsedFile {
  file: SourceFile;
  /** Documents in the file, including those that failed to parse or were empty. */
  documentCount: number;
  documents: DocumentHandle[];
  problems: InputProblem[];
  comments: SuppressionComment[];
}
