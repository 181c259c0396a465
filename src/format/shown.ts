import { SEVERITY_RANK, type Finding, type LintResult } from '../types.js';
import type { FormatOptions } from './types.js';

/**
 * How many results a format holds by default, where a consumer has a limit. GitHub code scanning
 * rejects a SARIF run of more than 25,000 results ("SARIF results exceed hard limit", GitHub docs);
 * the Actions runner shows 10 error and 10 warning annotations per step, so past a thousand
 * annotations only fill the log. The readable report, JSON and JUnit are not capped by default:
 * they go to a terminal or a file whose reader wants every finding, and they are written in pieces.
 */
export const DEFAULT_MAX_RESULTS: Readonly<Record<string, number>> = { sarif: 25_000, github: 1_000 };

/** What a report left out to stay within `maxResults`. */
export interface Truncation {
  /** Findings the report holds. */
  shown: number;
  /** Findings it would have held without the cap. */
  total: number;
}

/**
 * The findings a report shows: suppressed ones only with `showSuppressed`, and at most
 * `maxResults` (0 or undefined: all). A capped report keeps the most severe findings (errors,
 * then warnings, then infos, suppressed ones last), each group in the report's order, so what
 * fails the run is never what was left out. Linear: rank counts pick the cut, one pass keeps.
 */
export function shownFindings(result: LintResult, options: FormatOptions): { findings: Finding[]; truncation?: Truncation } {
  const all = options.showSuppressed ? result.findings : result.findings.filter((finding) => !finding.suppressed);
  const limit = options.maxResults;
  if (limit === undefined || limit <= 0 || all.length <= limit) return { findings: all };
  // Rank 3..0: errors, warnings, infos, then suppressed findings of any severity.
  const rank = (finding: Finding): number => (finding.suppressed ? 0 : SEVERITY_RANK[finding.severity] + 1);
  const counts = [0, 0, 0, 0];
  for (const finding of all) counts[rank(finding)] = (counts[rank(finding)] ?? 0) + 1;
  let cut = 3;
  let room = limit;
  while (cut > 0 && (counts[cut] ?? 0) <= room) room -= counts[cut--] ?? 0;
  // Every finding ranked above `cut` is kept, and the first `room` of rank `cut`.
  const findings: Finding[] = [];
  for (const finding of all) {
    const place = rank(finding);
    if (place > cut || (place === cut && room-- > 0)) findings.push(finding);
  }
  return { findings, truncation: { shown: findings.length, total: all.length } };
}

/** `30,010` */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** The sentence every format uses to say what it left out. */
export function truncationNotice(truncation: Truncation): string {
  const omitted = truncation.total - truncation.shown;
  return `${count(omitted)} more finding${omitted === 1 ? ' is' : 's are'} not in this report: it holds the ${count(truncation.shown)} most severe of ${count(truncation.total)} (raise or lift the cap with --max-results or limits.maxResults).`;
}
