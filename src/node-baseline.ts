/** The baseline file of the Node entry point: where it is, reading and writing it (see engine/baseline.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { parseBaseline, type Baseline, type BaselinePath } from './baseline.js';
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

