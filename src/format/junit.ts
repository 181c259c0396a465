import type { Finding, LintResult } from '../types.js';
import { SEVERITY_RANK } from '../types.js';
import { shownFindings, truncationNotice } from './shown.js';
import type { FormatOptions } from './types.js';

/**
 * JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure): a testsuite per
 * file with findings, a testcase per rule and object, its findings in one failure (strict JUnit
 * schemas allow one failure per testcase). A clean run is one passing testcase, so the report
 * is never empty.
 */
export function formatJunit(result: LintResult, options: FormatOptions = {}): string {
  return [...formatJunitChunks(result, options)].join('');
}

/** The report a test suite at a time: a run with a million findings makes more text than one string can hold. */
export function* formatJunitChunks(result: LintResult, options: FormatOptions = {}): Generator<string> {
  const { findings: shown, truncation } = shownFindings(result, options);
  // Below --fail-on a finding is shown but does not fail its testcase, as it does not fail the run.
  const threshold = SEVERITY_RANK[options.failOn ?? 'info'];
  const fails = (finding: Finding): boolean => !finding.suppressed && SEVERITY_RANK[finding.severity] >= threshold;
  const suites = new Map<string, Map<string, Finding[]>>();
  for (const finding of shown) {
    let cases = suites.get(finding.file);
    if (!cases) suites.set(finding.file, (cases = new Map<string, Finding[]>()));
    const name = `${finding.ruleId} ${subject(finding)}`;
    // Appended in place: copying the list for each finding made a large test case quadratic.
    const findings = cases.get(name);
    if (findings) findings.push(finding);
    else cases.set(name, [finding]);
  }

  // The totals open the report, so they are counted before any suite is written.
  const counts = [...suites].map(([file, cases]) => ({
    file,
    cases,
    failures: [...cases.values()].filter((findings) => findings.some(fails)).length,
    skipped: [...cases.values()].filter((findings) => findings.every((finding) => finding.suppressed)).length,
  }));
  const extra = suites.size === 0 || truncation ? 1 : 0;
  const tests = counts.reduce((sum, suite) => sum + suite.cases.size, extra);
  const failures = counts.reduce((sum, suite) => sum + suite.failures, 0);
  const skipped = counts.reduce((sum, suite) => sum + suite.skipped, truncation ? 1 : 0);
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ballast" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">\n`;
  for (const suite of counts) {
    const lines = [`  <testsuite name="${attribute(suite.file)}" tests="${suite.cases.size}" failures="${suite.failures}" errors="0" skipped="${suite.skipped}">`];
    for (const [name, findings] of suite.cases) for (const line of testcase(suite.file, name, findings, fails)) lines.push(line);
    lines.push('  </testsuite>');
    yield `${lines.join('\n')}\n`;
  }
  if (truncation) {
    // A skipped testcase is what CI test views show without failing the report.
    yield `  <testsuite name="ballast" tests="1" failures="0" errors="0" skipped="1">\n    <testcase classname="ballast" name="findings left out of this report">\n      <skipped message="${attribute(truncationNotice(truncation))}"/>\n    </testcase>\n  </testsuite>\n`;
  } else if (suites.size === 0) {
    const files = result.summary.files;
    yield `  <testsuite name="ballast" tests="1" failures="0" errors="0" skipped="0">\n    <testcase classname="ballast" name="${attribute(`no problems in ${files} file${files === 1 ? '' : 's'}`)}"/>\n  </testsuite>\n`;
  }
  yield '</testsuites>\n';
}

function testcase(file: string, name: string, findings: readonly Finding[], fails: (finding: Finding) => boolean): string[] {
  const first = findings[0];
  const open = `    <testcase classname="${attribute(file)}" name="${attribute(name)}" file="${attribute(file)}" line="${first?.start.line ?? 1}">`;
  const failing = findings.filter(fails);
  if (failing.length === 0) {
    const below = findings.filter((finding) => !finding.suppressed);
    if (below.length > 0) return [open, `      <system-out>${below.map(detail).join('\n')}</system-out>`, '    </testcase>'];
    const reason = findings.map((finding) => finding.suppressed?.reason).find(Boolean);
    return [open, `      <skipped message="${attribute(reason ? `suppressed: ${reason}` : 'suppressed')}"/>`, '    </testcase>'];
  }
  const worst = failing.reduce((top, finding) => (SEVERITY_RANK[finding.severity] > SEVERITY_RANK[top.severity] ? finding : top));
  const message = failing.length === 1 ? worst.message : `${failing.length} findings; the most severe: ${worst.message}`;
  return [open, `      <failure type="${worst.severity}" message="${attribute(message)}">${failing.map(detail).join('\n')}</failure>`, '    </testcase>'];
}

/** One finding as a line (its fix on the next), escaped: a newline inside a message cannot start a line of its own. */
function detail(finding: Finding): string {
  const where = `${oneLine(finding.file)}:${finding.start.line}:${finding.start.column} ${finding.severity} ${oneLine(finding.message)}`;
  return finding.fix ? `${where}\nfix: ${oneLine(finding.fix)}` : where;
}

/** `Deployment prod/api`, or the document for findings about no object (parse errors). */
function subject(finding: Finding): string {
  const object = finding.object;
  if (!object) return `document ${finding.document + 1}`;
  const name = [object.namespace, object.name].filter((part) => part !== undefined && part !== '').join('/');
  return name ? `${object.kind} ${name}` : object.kind;
}

/** XML 1.0 allows neither most C0 controls nor lone surrogates, even escaped: they become U+FFFD. */
function clean(value: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function text(value: string): string {
  return clean(value).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\r', '&#13;');
}

/**
 * Attribute values also escape quotes, and newlines and tabs, which parsers would normalise to
 * spaces. Text from files gets the same newline escape inside a failure's body: a line break
 * in a name would otherwise start a line of the report with whatever follows it.
 */
function attribute(value: string): string {
  return text(value).replaceAll('"', '&quot;').replaceAll("'", '&apos;').replaceAll('\n', '&#10;').replaceAll('\t', '&#9;');
}

function oneLine(value: string): string {
  return text(value).replaceAll('\n', '&#10;');
}
