/** Where the command's reports go: one or several formats, each to standard output or a file. */
import { resolve } from 'node:path';
import { DEFAULT_MAX_RESULTS, formatChunks, formatters, type FormatName, type FormatOptions } from './format/index.js';
import type { BallastConfig } from './engine/config.js';
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

/** The most findings each format's report holds (0: all). */
export type ResultCaps = Readonly<Record<FormatName, number>>;

/**
 * The caps on results, per format: the defaults (`DEFAULT_MAX_RESULTS`), then the config's
 * `limits.maxResults`, then `--max-results` (repeatable: `500` for every format, `sarif=5000` for
 * one); 0 lifts a cap.
 */
export function resultCaps(flags: readonly string[], config: BallastConfig['limits']): ResultCaps {
  const caps = Object.fromEntries(Object.keys(formatters).map((format) => [format, DEFAULT_MAX_RESULTS[format] ?? 0])) as Record<FormatName, number>;
  const setting = config?.maxResults;
  if (typeof setting === 'number') for (const format of Object.keys(caps) as FormatName[]) caps[format] = setting;
  else for (const [format, cap] of Object.entries(setting ?? {})) if (Object.hasOwn(caps, format) && cap !== undefined) caps[format as FormatName] = cap;
  for (const flag of flags) {
    const match = /^(?:([a-z]+)=)?(\d+)$/.exec(flag.trim());
    const format = match?.[1];
    if (!match || (format !== undefined && !Object.hasOwn(caps, format))) {
      throw new UsageError(`--max-results takes a number of findings (0 for all), alone or as <format>=<number> with a format of ${Object.keys(formatters).join(', ')}; not "${flag}"`);
    }
    const cap = Number(match[2]);
    if (format === undefined) for (const every of Object.keys(caps) as FormatName[]) caps[every] = cap;
    else caps[format as FormatName] = cap;
  }
  return caps;
}

/**
 * Writes each report; files are written as new files renamed into place, never through a symlink.
 * Returns a line for each file report that a cap shortened (the report itself says so too).
 */
export function writeOutputs(targets: readonly OutputTarget[], result: LintResult, options: FormatOptions, caps: ResultCaps, cwd: string, stdout: (chunk: string, format: FormatName) => void): string[] {
  const notes: string[] = [];
  for (const target of targets) {
    const maxResults = caps[target.format];
    const chunks = formatChunks(target.format, result, { ...options, maxResults, ...(target.file === undefined ? {} : { color: false }) });
    if (target.file === undefined) for (const chunk of chunks) stdout(chunk, target.format);
    else writeFileSafely(resolve(cwd, target.file), chunks);
    const shown = result.findings.filter((finding) => options.showSuppressed || !finding.suppressed).length;
    if (target.file !== undefined && maxResults > 0 && shown > maxResults) notes.push(`${target.file} holds the ${maxResults} most severe of ${shown} findings (--max-results ${target.format}=0 writes all)`);
  }
  return notes;
}
