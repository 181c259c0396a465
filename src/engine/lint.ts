import type { LintResult, SeverityOrOff } from '../types.js';
import { DEFAULT_LIMITS, tooLarge, type InputLimits } from '../parse/index.js';
import { parseSplitting } from '../render/helm-stream.js';
import { SourceFile, type DocumentHandle, type ParsedFile } from '../parse/source.js';
import type { BallastConfig } from './config.js';
import { Linter } from './linter.js';
import type { AnyRule } from './rule.js';

export { Linter } from './linter.js';
export { Collector, atOrAbove, compareFindings, fillTemplate } from './collector.js';

/** A file's contents as text, as raw bytes (decoded and checked here), or already parsed. */
export type LintInput =
  | { path: string; text: string }
  | { path: string; bytes: Uint8Array }
  /** Already-parsed documents (e.g. objects another tool holds); positions point at line 1. */
  | { path: string; documents: readonly unknown[] }
  /** A file the caller did not read because it is over the size limit. */
  | { path: string; size: number };

export interface LintOptions {
  /** A validated config (see `loadConfig`). */
  config?: BallastConfig;
  /** Extra rules (plugins), run beside the built-in ones. */
  rules?: readonly AnyRule[];
  /** Severity per rule id, over the config (the CLI's `--rule`). */
  ruleOverrides?: Readonly<Record<string, SeverityOrOff>>;
  kubernetesVersion?: string;
  limits?: Partial<InputLimits>;
  /** Run only these rules (input rules always run); for focused checks and tests. */
  only?: readonly string[];
}

/** Lints every input together: cross-document rules see all of them. Pure and synchronous. */
export function lint(inputs: readonly LintInput[], options: LintOptions = {}): LintResult {
  const limits: InputLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const linter = new Linter(options);
  linter.add(inputs.flatMap((input) => parseInput(input, limits)));
  return linter.finish();
}

/** Lints one text, e.g. an editor buffer or stdin. */
export function lintText(text: string, path = '-', options: LintOptions = {}): LintResult {
  return lint([{ path, text }], options);
}

/** One parsed file per input; a rendered Helm stream becomes one per template. */
function parseInput(input: LintInput, limits: InputLimits): ParsedFile[] {
  if ('text' in input) return parseSplitting(input.path, input.text, limits);
  if ('bytes' in input) return parseSplitting(input.path, input.bytes, limits);
  if ('documents' in input) return [parsedDocuments(input.path, input.documents)];
  return [tooLarge(input.path, input.size, limits)];
}

function parsedDocuments(path: string, values: readonly unknown[]): ParsedFile {
  const file = new SourceFile(path, '');
  const documents = values.map((value, index): DocumentHandle => ({ file, index, value, locate: () => [0, 0] }));
  return { file, documentCount: values.length, documents, problems: [], comments: [] };
}
