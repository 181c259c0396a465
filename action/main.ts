/**
 * The GitHub Action (action.yml runs the bundle of this file, bundle/action.js, with the runner's
 * own Node.js: nothing to install or build). It runs the ballast command in this process, once:
 * the step log gets the readable report and the annotations the command prints in GitHub Actions,
 * and from the same result this writes the SARIF file, the step outputs and the job summary.
 *
 * A usage or config error fails the step with one `::error` message and writes no SARIF file (a
 * report left from before is removed), so an upload step guarded by the `sarif-file` output skips,
 * and one that is not fails on a missing file rather than uploading something stale.
 */
import { appendFileSync, lstatSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';
import { describeFailure, main } from '../bin/command.js';
import { countSeverity } from '../src/engine/collector.js';
import type { AnyRule } from '../src/engine/rule.js';
import { escapeData } from '../src/format/github.js';
import { formatChunks } from '../src/format/index.js';
import { writeFileSafely } from '../src/node.js';
import type { ResultCaps } from '../src/node-output.js';
import type { Finding, LintResult } from '../src/types.js';
import { changedFiles } from './changed-files.js';
import { commandLine, readInput, readInputs } from './inputs.js';
import { renderSummary } from './summary.js';

async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const workspace = resolve(env['GITHUB_WORKSPACE'] ?? process.cwd());
  const sarifFile = readInput(env, 'sarif-file');
  const sarifPath = sarifFile ? resolve(workspace, sarifFile) : undefined;
  if (sarifPath) removeStale(sarifPath);
  let inputs;
  try {
    inputs = readInputs(env);
    process.chdir(resolve(workspace, inputs.workingDirectory));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }

  let changed = inputs.onlyChanged ? changedFiles(env, workspace) : undefined;
  if (changed && 'unavailable' in changed) {
    process.stdout.write(`::warning title=ballast only-changed::${escapeData(`Reporting findings in every file: ${changed.unavailable}.`)}\n`);
    changed = undefined;
  }
  const only = changed?.files;
  const cwd = process.cwd();
  let reviewed: { result: LintResult; rules: readonly AnyRule[]; caps: ResultCaps } | undefined;
  const review = (result: LintResult, rules: readonly AnyRule[], caps: ResultCaps): LintResult => {
    // Paths from the repository root with `/` (git's form, and what annotations and code scanning resolve).
    let findings = result.findings.map((finding) => rebase(finding, cwd, workspace));
    // Every file was linted, so cross-document rules saw the whole tree; only the report narrows.
    if (only) findings = findings.filter((finding) => only.has(finding.file));
    const narrowed = { ...result, findings, summary: { ...result.summary, ...count(findings) } };
    reviewed = { result: narrowed, rules, caps };
    return narrowed;
  };

  let status: number;
  try {
    status = await main(commandLine(inputs), { review, annotate: inputs.annotate, allowPlugins: inputs.allowPlugins });
  } catch (error) {
    return fail(describeFailure(error));
  }
  // Nothing was linted (--help, --list-rules in `args`), or a copy with a larger heap did the work.
  if (!reviewed) return status;

  const { result, rules, caps } = reviewed;
  if (sarifPath) {
    try {
      mkdirSync(dirname(sarifPath), { recursive: true });
      // In pieces, and capped as the run's --max-results says (by default the 25,000 results code scanning accepts).
      writeFileSafely(sarifPath, formatChunks('sarif', result, { rules, rootUri: pathToFileURL(workspace).href, maxResults: caps.sarif }));
    } catch (error) {
      return fail(`cannot write the SARIF file ${sarifFile}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  setOutputs(env, { ...count(result.findings), 'sarif-file': sarifFile });
  const summary = renderSummary({ findings: result.findings, rules, ...(only ? { onlyChanged: only.size } : {}) });
  if (env['GITHUB_STEP_SUMMARY']) appendFileSync(env['GITHUB_STEP_SUMMARY'], summary);
  return status;
}

function count(findings: readonly Finding[]): { errors: number; warnings: number; infos: number; suppressed: number } {
  const suppressed = findings.filter((finding) => finding.suppressed).length;
  return { errors: countSeverity(findings, 'error'), warnings: countSeverity(findings, 'warning'), infos: countSeverity(findings, 'info'), suppressed };
}

function rebase(finding: Finding, cwd: string, workspace: string): Finding {
  const path = (file: string): string => {
    if (file === '-') return file;
    // Findings share files (hundreds per run, a few per file): each path is worked out once.
    const key = `${cwd}\u0000${workspace}\u0000${file}`;
    let rebased = REBASED.get(key);
    if (rebased === undefined) {
      const fromRoot = relative(workspace, resolve(cwd, file));
      rebased = fromRoot.startsWith('..') || isAbsolute(fromRoot) ? resolve(cwd, file) : fromRoot.split(sep).join('/');
      REBASED.set(key, rebased);
    }
    return rebased;
  };
  return { ...finding, file: path(finding.file), ...(finding.related ? { related: finding.related.map((related) => ({ ...related, file: path(related.file) })) } : {}) };
}

const REBASED = new Map<string, string>();

/** A report from an earlier run, or one the pull request added, must not be uploaded as this run's. */
function removeStale(path: string): void {
  try {
    if (!lstatSync(path, { throwIfNoEntry: false })?.isDirectory()) rmSync(path, { force: true });
  } catch {
    // A path that cannot be removed is reported when the new report cannot be written there either.
  }
}

/** Step outputs in the runner's multi-line form, so no value can add an output of its own. */
function setOutputs(env: NodeJS.ProcessEnv, outputs: Record<string, string | number>): void {
  const file = env['GITHUB_OUTPUT'];
  if (!file) return;
  const delimiter = `ballast_${randomUUID()}`;
  appendFileSync(
    file,
    Object.entries(outputs)
      .map(([name, value]) => `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
      .join(''),
  );
}

function fail(message: string): number {
  process.stdout.write(`::error title=ballast::${escapeData(message)}\n`);
  return 2;
}

process.exitCode = await runAction().catch((error: unknown) => fail(`internal error: ${error instanceof Error ? error.message : String(error)}`));
