/**
 * A baseline: the findings a repository had when it adopted ballast, recorded so that later runs
 * report only new ones (like ESLint's bulk suppressions file). A finding is known by its rule, its
 * file, the object it is about and the field within it, never by its line: edits elsewhere in a
 * file move lines, and must not bring recorded findings back.
 */
import type { Finding, LintResult } from './types.js';
import { fingerprint } from './format/fingerprint.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  /** Path of the file, relative to the baseline file's folder, with `/` separators. */
  file: string;
  ruleId: string;
  /** `Kind/namespace/name` of the object, for people reading the file. */
  object?: string;
  /** Hash of rule, file, object, field and kind of message. */
  fingerprint: string;
  /** How many findings share this fingerprint (one per container without a probe, say). */
  count: number;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  findings: BaselineEntry[];
}

/** How a finding's path on the command line becomes the baseline's (relative to the baseline file). */
export type BaselinePath = (file: string) => string;

function entryOf(finding: Finding, path: BaselinePath): Omit<BaselineEntry, 'count'> {
  const file = path(finding.file);
  const object = finding.object;
  const identity = object ? `${object.kind}/${object.namespace ?? ''}/${object.name ?? ''}` : `document ${finding.document}`;
  // Findings on no field (input problems) are told apart by their message, which holds no line number.
  const where = finding.field ?? (object ? '' : finding.message);
  return {
    file,
    ruleId: finding.ruleId,
    ...(object ? { object: identity } : {}),
    fingerprint: fingerprint([finding.ruleId, file, identity, where, finding.messageId].join('\u0000')),
  };
}

/** The baseline of a run: its findings that are not suppressed. */
export function createBaseline(findings: readonly Finding[], path: BaselinePath = (file) => file): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    if (finding.suppressed) continue;
    const entry = entryOf(finding, path);
    const known = entries.get(entry.fingerprint);
    if (known) known.count++;
    else entries.set(entry.fingerprint, { ...entry, count: 1 });
  }
  const sorted = [...entries.values()].sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.object ?? '', b.object ?? '') || compare(a.fingerprint, b.fingerprint));
  return { version: BASELINE_VERSION, findings: sorted };
}

export interface BaselineOutcome {
  /** The run without the findings the baseline holds (summary counts adjusted). */
  result: LintResult;
  /** How many findings the baseline hid. */
  matched: number;
  /**
   * Entries (or parts of their count) that no finding matched, in files this run linted: fixed,
   * and ready to be pruned. Entries of files the run did not look at are not judged.
   */
  fixed: BaselineEntry[];
  /** The baseline with the fixed entries dropped (what `--prune-baseline` writes). */
  pruned: Baseline;
}

/** Hides the findings a baseline holds, and tells which of its entries are fixed. */
export function applyBaseline(result: LintResult, baseline: Baseline, linted: (file: string) => boolean, path: BaselinePath = (file) => file): BaselineOutcome {
  const remaining = new Map(baseline.findings.map((entry) => [entry.fingerprint, entry.count]));
  let matched = 0;
  const findings = result.findings.filter((finding) => {
    if (finding.suppressed) return true;
    const key = entryOf(finding, path).fingerprint;
    const left = remaining.get(key) ?? 0;
    if (left === 0) return true;
    remaining.set(key, left - 1);
    matched++;
    return false;
  });
  const fixed: BaselineEntry[] = [];
  const kept: BaselineEntry[] = [];
  for (const entry of baseline.findings) {
    const left = linted(entry.file) ? (remaining.get(entry.fingerprint) ?? 0) : 0;
    if (left > 0) fixed.push({ ...entry, count: left });
    if (entry.count > left) kept.push({ ...entry, count: entry.count - left });
  }
  const count = (severity: Finding['severity']): number => findings.filter((finding) => !finding.suppressed && finding.severity === severity).length;
  return {
    result: { ...result, findings, summary: { ...result.summary, errors: count('error'), warnings: count('warning'), infos: count('info') } },
    matched,
    fixed,
    pruned: { version: BASELINE_VERSION, findings: kept },
  };
}

/** A baseline read from JSON text; throws with a one-line reason when it is not one. */
export function parseBaseline(text: string): Baseline {
  const value: unknown = JSON.parse(text);
  const findings = (value as { findings?: unknown } | null)?.findings;
  if ((value as { version?: unknown } | null)?.version !== BASELINE_VERSION || !Array.isArray(findings)) throw new Error(`not a version ${BASELINE_VERSION} ballast baseline`);
  for (const entry of findings as unknown[]) {
    const candidate = entry as Partial<BaselineEntry> | null;
    if (typeof candidate?.fingerprint !== 'string' || typeof candidate.file !== 'string' || typeof candidate.ruleId !== 'string' || !Number.isInteger(candidate.count) || (candidate.count ?? 0) < 1) {
      throw new Error('an entry lacks file, ruleId, fingerprint or a positive count');
    }
  }
  return { version: BASELINE_VERSION, findings: findings as BaselineEntry[] };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
