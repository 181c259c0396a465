// The job summary of action.yml, from ballast's SARIF report: a Markdown table of findings
// appended to $GITHUB_STEP_SUMMARY (stdout when unset), and the counts written to $GITHUB_OUTPUT.
// Plain JavaScript with no dependencies, so the action runs it as it is.
import { appendFileSync, readFileSync } from 'node:fs';

/** GitHub caps a step summary at 1 MiB; past this many rows the code scanning view is the place to look. */
const MAX_ROWS = 200;
const LEVELS = { error: 'error', warning: 'warning', note: 'info' };
const ORDER = { error: 0, warning: 1, note: 2 };

const [path] = process.argv.slice(2);
if (!path) {
  process.stderr.write('usage: summary.mjs <report.sarif>\n');
  process.exit(2);
}
const run = JSON.parse(readFileSync(path, 'utf8')).runs[0];
const rules = run.tool.driver.rules;
const results = run.results.filter((result) => !result.suppressions?.length);
const count = (level) => results.filter((result) => (result.level ?? 'warning') === level).length;
const counts = { errors: count('error'), warnings: count('warning'), infos: count('note') };

const cell = (text) => String(text).replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r?\n/g, ' ');
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const lines = [`### ballast: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'info')}`, ''];
if (results.length === 0) {
  lines.push('No findings.');
} else {
  lines.push('| Severity | Rule | File | Line | Message |', '|---|---|---|---|---|');
  const sorted = [...results].sort(
    (a, b) => ORDER[a.level ?? 'warning'] - ORDER[b.level ?? 'warning'] || location(a).file.localeCompare(location(b).file) || location(a).line - location(b).line,
  );
  for (const result of sorted.slice(0, MAX_ROWS)) {
    const rule = rules[result.ruleIndex];
    const name = rule?.helpUri ? `[${cell(result.ruleId)}](${rule.helpUri})` : cell(result.ruleId);
    const { file, line } = location(result);
    lines.push(`| ${LEVELS[result.level ?? 'warning']} | ${name} | \`${cell(file)}\` | ${line} | ${cell(result.message.text)} |`);
  }
  if (sorted.length > MAX_ROWS) lines.push('', `… and ${sorted.length - MAX_ROWS} more: see the SARIF report or the code scanning alerts.`);
}
const markdown = `${lines.join('\n')}\n`;

if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, markdown);
else process.stdout.write(markdown);
if (process.env.GITHUB_OUTPUT) {
  appendFileSync(process.env.GITHUB_OUTPUT, Object.entries(counts).map(([key, value]) => `${key}=${value}\n`).join(''));
}

function location(result) {
  const physical = result.locations?.[0]?.physicalLocation;
  return { file: decodeURIComponent(physical?.artifactLocation?.uri ?? '-').replace(/^file:\/\//, ''), line: physical?.region?.startLine ?? 1 };
}
