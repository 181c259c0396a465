/** The baseline file of the Node entry point: where it is, reading and writing it (see engine/baseline.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { applyBaseline, createBaseline, parseBaseline, type Baseline, type BaselinePath } from './baseline.js';
import type { LintResult } from './types.js';
import { UsageError, writeFileSafely } from './node.js';

export const BASELINE_FILE = '.ballast-baseline.json';

/** `--baseline <file>`, else `.ballast-baseline.json` in the working directory when there is one. */
export function baselineLocation(cwd: string, explicit: string | undefined): { path: string; present: boolean } {
  const path = resolve(cwd, explicit ?? BASELINE_FILE);
  return { path, present: existsSync(path) };
}

export function readBaselineFile(path: string): Baseline {
  try {
    return parseBaseline(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the baseline ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Written as a new file renamed into place, never through a symlink at the path. */
export function writeBaselineFile(path: string, baseline: Baseline): void {
  writeFileSafely(path, `${JSON.stringify(baseline, null, 2)}\n`);
}

/** Findings' paths (relative to `cwd`) as the baseline records them: relative to its folder, with `/`. */
export function baselinePaths(path: string, cwd: string): BaselinePath {
  const base = dirname(path);
  return (file) => (file === '-' ? file : relative(base, resolve(cwd, file)).split(sep).join('/'));
}

export interface BaselineFlags {
  baseline?: string | undefined;
  'write-baseline'?: boolean | undefined;
  'prune-baseline'?: boolean | undefined;
}

/**
 * `--write-baseline` records the run's findings; a baseline (named, or present in the working
 * directory) then hides the findings it holds, and says how many it hid and which entries are
 * fixed (`--prune-baseline` drops those). Only entries of files this run linted count as fixed.
 */
export function applyBaselineFile(result: LintResult, flags: BaselineFlags, cwd: string, linted: readonly string[]): { result: LintResult; note?: string } {
  const { path, present } = baselineLocation(cwd, flags.baseline);
  const toBaseline = baselinePaths(path, cwd);
  const shown = relative(cwd, path) || path;
  let written = '';
  if (flags['write-baseline']) {
    const baseline = createBaseline(result.findings, toBaseline);
    writeBaselineFile(path, baseline);
    written = `wrote ${plural(
      baseline.findings.reduce((sum, entry) => sum + entry.count, 0),
      'finding',
    )} to ${shown}; `;
  } else if (!present) {
    if (flags.baseline !== undefined) throw new UsageError(`no such baseline: ${flags.baseline} (create it with --write-baseline)`);
    if (flags['prune-baseline']) throw new UsageError(`--prune-baseline: no ${shown} to prune`);
    return { result };
  }
  const files = new Set([...linted, ...result.findings.map((finding) => finding.file)].map(toBaseline));
  const outcome = applyBaseline(result, readBaselineFile(path), (file) => files.has(file), toBaseline);
  const fixed = outcome.fixed.reduce((sum, entry) => sum + entry.count, 0);
  let note = `${written}${plural(outcome.matched, 'finding')} hidden by the baseline ${shown}`;
  if (fixed > 0 && flags['prune-baseline']) {
    writeBaselineFile(path, outcome.pruned);
    note += `; pruned ${plural(fixed, 'fixed finding')}`;
  } else if (fixed > 0) {
    note += `; ${plural(fixed, 'recorded finding')} fixed: ${outcome.fixed
      .map((entry) => `${entry.ruleId} in ${entry.file}`)
      .slice(0, 5)
      .join(', ')}${outcome.fixed.length > 5 ? ', …' : ''} (drop them with --prune-baseline)`;
  }
  return { result: outcome.result, note };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
