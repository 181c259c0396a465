import pc from 'picocolors';
import type { Finding, LintResult, Severity } from '../types.js';
import { escapeControl } from './escape.js';
import { shownFindings, truncationNotice } from './shown.js';
import type { FormatOptions } from './types.js';

type Paint = (text: string) => string;

/**
 * ESLint-style: findings grouped by file, `line:column  severity  message  rule`, the fix on
 * the next line (unless `showFix` is false), then how many findings each rule made, and a
 * summary line at the end.
 */
export function formatStylish(result: LintResult, options: FormatOptions = {}): string {
  return [...formatStylishChunks(result, options)].join('');
}

/** The report some thousands of lines at a time: millions of findings make more text than one string can hold. */
export function* formatStylishChunks(result: LintResult, options: FormatOptions = {}, chunkLines = 10_000): Generator<string> {
  const colors = pc.createColors(options.color ?? false);
  const paint: Record<Severity, Paint> = { error: colors.red, warning: colors.yellow, info: colors.blue };
  const { findings: shown, truncation } = shownFindings(result, options);
  const byFile = new Map<string, Finding[]>();
  for (const finding of shown) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }

  let lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push(colors.underline(escapeControl(file)));
    const positionWidth = findings.reduce((width, finding) => Math.max(width, position(finding).length), 0);
    for (const finding of findings) {
      const label = finding.suppressed ? 'suppressed' : finding.severity;
      const severity = finding.suppressed ? colors.dim(label.padEnd(10)) : paint[finding.severity](label.padEnd(7));
      lines.push(`  ${colors.dim(position(finding).padEnd(positionWidth))}  ${severity}  ${escapeControl(finding.message)}  ${colors.dim(escapeControl(finding.ruleId))}`);
      const indent = ' '.repeat(positionWidth + 4);
      if (finding.fix && options.showFix !== false) lines.push(`${indent}${colors.dim('fix:')} ${escapeControl(finding.fix)}`);
      for (const related of finding.related ?? []) {
        lines.push(`${indent}${colors.dim(`see ${escapeControl(related.file)}:${related.start.line}:${related.start.column}`)} ${escapeControl(related.message)}`);
      }
      if (lines.length >= chunkLines) {
        yield `${lines.join('\n')}\n`;
        lines = [];
      }
    }
    lines.push('');
  }
  if (truncation) lines.push(colors.yellow(truncationNotice(truncation)));
  // Counted over every finding, capped report or not: where the work is does not depend on the cap.
  const byRule = ruleCounts(result.findings.filter((finding) => !finding.suppressed));
  if (byRule) lines.push(colors.dim(byRule));
  lines.push(summaryLine(result, colors));
  yield `${lines.join('\n')}\n`;
}

/** `by rule: pdb-missing 12, replicas-min 3`: the rules that report most first, to see where the work is. */
function ruleCounts(findings: readonly Finding[]): string | undefined {
  if (findings.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return `by rule: ${sorted.map(([ruleId, count]) => `${ruleId} ${count}`).join(', ')}`;
}

function position(finding: Finding): string {
  return `${finding.start.line}:${finding.start.column}`;
}

function summaryLine(result: LintResult, colors: ReturnType<typeof pc.createColors>): string {
  const { errors, warnings, infos, suppressed, files, documents } = result.summary;
  const problems = errors + warnings + infos;
  const counts = `${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')})`;
  const scope = `in ${plural(files, 'file')}, ${plural(documents, 'document')}`;
  const hidden = `${suppressed > 0 ? `, ${suppressed} suppressed` : ''}${skippedNote(result.summary.skipped)}`;
  if (problems === 0) return colors.green(`✔ no problems ${scope}${hidden}`);
  const mark = errors > 0 ? colors.red('✖') : colors.yellow('⚠');
  return `${mark} ${colors.bold(counts)} ${scope}${hidden}`;
}

/** `, skipped 3 (2 not-kubernetes, 1 kustomize-patch)`: what was not linted as objects, by reason. */
function skippedNote(skipped: LintResult['summary']['skipped']): string {
  const entries = Object.entries(skipped ?? {}).sort(([a, x = 0], [b, y = 0]) => y - x || (a < b ? -1 : 1));
  if (entries.length === 0) return '';
  const total = entries.reduce((sum, [, count = 0]) => sum + count, 0);
  return `, skipped ${total} (${entries.map(([reason, count]) => `${count} ${reason}`).join(', ')})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
