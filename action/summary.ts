/**
 * The job summary (Markdown appended to $GITHUB_STEP_SUMMARY): the counts, a table per rule, and
 * the worst findings. Names, paths and messages come from the linted files (a pull request may
 * name an object `<img src=x onerror=…>` or a file `[click](https://…)`), so every cell is
 * escaped: HTML as entities, Markdown punctuation with backslashes, line breaks as spaces.
 */
import type { AnyRule } from '../src/engine/rule.js';
import { ruleHelpUri } from '../src/format/sarif.js';
import { SEVERITY_RANK, type Finding, type Severity } from '../src/types.js';

/** GitHub caps a step summary at 1 MiB; the code scanning view and the SARIF file hold every finding. */
const WORST_ROWS = 50;
const PLURAL: Readonly<Record<Severity, string>> = { error: 'errors', warning: 'warnings', info: 'infos' };

export interface SummaryInput {
  findings: readonly Finding[];
  rules: readonly AnyRule[];
  /** Set when findings were narrowed to the files a pull request changes. */
  onlyChanged?: number;
}

export function renderSummary({ findings, rules, onlyChanged }: SummaryInput): string {
  const shown = findings.filter((finding) => !finding.suppressed);
  const count = (severity: Severity): number => shown.filter((finding) => finding.severity === severity).length;
  const counts = (['error', 'warning', 'info'] as const).map((severity) => plural(count(severity), severity));
  const scope = onlyChanged === undefined ? '' : ` in the ${onlyChanged} file${onlyChanged === 1 ? '' : 's'} this pull request changes`;
  const lines = [`### ballast: ${counts.join(', ')}${scope}`, ''];
  if (shown.length === 0) return `${[...lines, 'No findings.'].join('\n')}\n`;

  const byRule = new Map<string, Finding[]>();
  for (const finding of shown) byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), finding]);
  const docs = new Map(rules.map((rule) => [rule.meta.id, ruleHelpUri(rule)]));
  const rows = [...byRule].sort(([a, left], [b, right]) => worst(right) - worst(left) || right.length - left.length || (a < b ? -1 : 1));
  lines.push('| Rule | Severity | Findings | Files |', '| --- | --- | ---: | ---: |');
  for (const [ruleId, list] of rows) {
    const severities = (['error', 'warning', 'info'] as const).filter((severity) => list.some((finding) => finding.severity === severity));
    lines.push(`| ${ruleLink(ruleId, docs.get(ruleId))} | ${severities.join(', ')} | ${list.length} | ${new Set(list.map((finding) => finding.file)).size} |`);
  }

  const ordered = [...shown].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  lines.push('', ordered.length > WORST_ROWS ? `#### The ${WORST_ROWS} worst of ${ordered.length} findings` : '#### Findings', '');
  lines.push('| Severity | Rule | Location | Message |', '| --- | --- | --- | --- |');
  for (const finding of ordered.slice(0, WORST_ROWS)) {
    lines.push(`| ${finding.severity} | ${escapeMarkdown(finding.ruleId)} | ${escapeMarkdown(`${finding.file}:${finding.start.line}:${finding.start.column}`)} | ${escapeMarkdown(finding.message)} |`);
  }
  if (ordered.length > WORST_ROWS) lines.push('', 'Every finding is in the step log, the SARIF file and code scanning.');
  return `${lines.join('\n')}\n`;
}

function plural(count: number, severity: Severity): string {
  return `${count} ${count === 1 ? severity : PLURAL[severity]}`;
}

function worst(findings: readonly Finding[]): number {
  return Math.max(...findings.map((finding) => SEVERITY_RANK[finding.severity]));
}

/** A rule's ID, linked to its page when that is a web address (a plugin's `docs` is as untrusted as its ID). */
function ruleLink(ruleId: string, docs: string | undefined): string {
  const text = escapeMarkdown(ruleId);
  if (!docs || !/^https?:\/\/[^\s]+$/.test(docs)) return text;
  return `[${text}](${encodeURI(decodeURI(docs)).replaceAll('(', '%28').replaceAll(')', '%29')})`;
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text as literal Markdown table-cell content: control characters (line breaks end a table row)
 * become spaces, `&`, `<` and `>` entities (no HTML), and the punctuation Markdown may read as
 * syntax gets a backslash: emphasis, links, images, code, headings, `|` cell breaks, `~`
 * strike-through, `$` maths, and the `:`, `.` and `@` of autolinks (`https://…`, `www.…`, `a@b.c`).
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/[&<>]/g, (character) => ENTITIES[character] ?? character)
      .replace(/[\\`*_{}[\]()#+.!|~:@$]/g, '\\$&')
  );
}
