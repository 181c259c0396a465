import type { Finding, LintResult, Severity } from '../types.js';
import { shownFindings, truncationNotice } from './shown.js';
import type { FormatOptions } from './types.js';

/**
 * GitHub Actions workflow commands: one annotation per finding, shown on the changed lines of a
 * pull request and in the run summary. The escaping is @actions/core's (packages/core/src/command.ts):
 * the runner splits a command at `::` and properties at `,`, so data escapes `%`, CR and LF, and
 * property values additionally `:` and `,`.
 */
const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(result: LintResult, options: FormatOptions = {}): string {
  const { findings, truncation } = shownFindings(result, options);
  const lines = findings.map(annotation);
  if (truncation) lines.push(`::warning title=ballast::${escapeData(truncationNotice(truncation))}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function annotation(finding: Finding): string {
  const command = finding.suppressed ? 'notice' : COMMAND[finding.severity];
  const properties: [string, string | number][] = [];
  // stdin has no file in the repository to annotate: the annotation goes on the run instead.
  if (finding.file !== '-') {
    properties.push(['file', finding.file], ['line', finding.start.line], ['col', finding.start.column], ['endLine', finding.end.line], ['endColumn', finding.end.column]);
  }
  properties.push(['title', finding.suppressed ? `${finding.ruleId} (suppressed)` : finding.ruleId]);
  const message = finding.fix ? `${finding.message}\nFix: ${finding.fix}` : finding.message;
  return `::${command} ${properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')}::${escapeData(message)}`;
}

export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
