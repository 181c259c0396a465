/** Where the command's reports go: one or several formats, each to standard output or a file. */
import { resolve } from 'node:path';
import { formatChunks, formatters, type FormatName, type FormatOptions } from './format/index.js';
import type { LintResult } from './types.js';
import { UsageError, writeFileSafely } from './node.js';

export interface OutputTarget {
  format: FormatName;
  /** Undefined: standard output. */
  file?: string;
}

interface OptionToken {
  kind: string;
  name?: string;
  value?: string | undefined;
}

/**
 * The reports a run writes, from the order of `--format` and `--output-file` on the command line:
 * an `--output-file` sends the `--format` before it (or stylish, when none comes before) to that file;
 * a format without one goes to standard output. `--format sarif --output-file out.sarif --format
 * stylish` writes SARIF for code scanning and prints the readable report.
 */
export function outputTargets(tokens: readonly OptionToken[]): OutputTarget[] {
  const targets: OutputTarget[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.name === 'format') {
      if (!Object.hasOwn(formatters, token.value)) throw new UsageError(`unknown format: ${token.value} (one of ${Object.keys(formatters).join(', ')})`);
      targets.push({ format: token.value as FormatName });
    } else if (token.name === 'output-file') {
      const last = targets.at(-1);
      if (last && last.file === undefined) last.file = token.value;
      else targets.push({ format: 'stylish', file: token.value });
    }
  }
  if (targets.length === 0) targets.push({ format: 'stylish' });
  if (targets.filter((target) => target.file === undefined).length > 1) throw new UsageError('only one --format can go to standard output; give the others an --output-file');
  return targets;
}

/** Writes each report; files are written as new files renamed into place, never through a symlink. */
export function writeOutputs(targets: readonly OutputTarget[], result: LintResult, options: FormatOptions, cwd: string, stdout: (chunk: string, format: FormatName) => void): void {
  for (const target of targets) {
    const chunks = formatChunks(target.format, result, target.file === undefined ? options : { ...options, color: false });
    if (target.file === undefined) for (const chunk of chunks) stdout(chunk, target.format);
    else writeFileSafely(resolve(cwd, target.file), chunks);
  }
}
