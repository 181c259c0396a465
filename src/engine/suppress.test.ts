import { describe, expect, it } from 'vitest';
import type { Finding, LintResult } from '../types.js';
import { lint, type LintInput, type LintOptions } from './lint.js';
import { defineRule, type AnyRule } from './rule.js';

/** Two rules that report every object's `metadata.name`, so suppressions have something to match. */
function namer(id: string): AnyRule {
  return defineRule({
    meta: { id, scope: 'object', category: 'workload', severity: 'warning', summary: id, rationale: id, fix: id, appliesTo: ['*'], since: '0.1.0', messages: { m: `${id} on {{name}}` } },
    checkObject(object, context) {
      context.report({ at: object.at('metadata', 'name'), object, messageId: 'm', data: { name: object.name ?? '' } });
    },
  });
}
const rules = [namer('test/a'), namer('test/b')];

function run(inputs: LintInput[] | string, options: LintOptions = {}): LintResult {
  const list = typeof inputs === 'string' ? [{ path: 'f.yaml', text: inputs }] : inputs;
  return lint(list, { rules, only: ['test/a', 'test/b'], ...options });
}

const cm = (name: string, annotations = ''): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${annotations}`;

/** `line rule name [suppressed-by]` per finding. */
function outline(result: LintResult): string[] {
  return result.findings.map((finding: Finding) => {
    const base = `${finding.file}:${finding.start.line} ${finding.ruleId} ${finding.message}`;
    if (!finding.suppressed) return base;
    return `${base} [${finding.suppressed.kind}${finding.suppressed.reason ? `: ${finding.suppressed.reason}` : ''}]`;
  });
}

describe('comment suppressions', () => {
  it('next-line suppresses the named rule on the next line only', () => {
    const text = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  # ballast-ignore-next-line test/a -- generated name',
      '  name: one',
      '---',
      '# ballast-ignore-next-line test/a',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: two',
      '',
    ].join('\n');
    expect(outline(run(text))).toEqual([
      'f.yaml:5 test/a test/a on one [comment: generated name]',
      'f.yaml:5 test/b test/b on one',
      'f.yaml:7 unused-suppression This suppression (comment) of "test/a" matched no finding.',
      'f.yaml:11 test/a test/a on two',
      'f.yaml:11 test/b test/b on two',
    ]);
  });

  it('suppresses every rule when no rule is named, or with *', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  # ballast-ignore-next-line\n  name: one\n---\n${cm('two').replace('  name: two', '  # ballast-ignore-next-line * -- all\n  name: two')}`;
    expect(outline(run(text))).toEqual([
      'f.yaml:5 test/a test/a on one [comment]',
      'f.yaml:5 test/b test/b on one [comment]',
      'f.yaml:11 test/a test/a on two [comment: all]',
      'f.yaml:11 test/b test/b on two [comment: all]',
    ]);
  });

  it('file scope covers every document of its file and no other file', () => {
    const result = run([
      { path: 'a.yaml', text: `# ballast-ignore-file test/b -- legacy\n${cm('one')}---\n${cm('two')}` },
      { path: 'b.yaml', text: `\n${cm('three')}` },
    ]);
    expect(outline(result)).toEqual([
      'a.yaml:5 test/a test/a on one',
      'a.yaml:5 test/b test/b on one [comment: legacy]',
      'a.yaml:10 test/a test/a on two',
      'a.yaml:10 test/b test/b on two [comment: legacy]',
      'b.yaml:5 test/a test/a on three',
      'b.yaml:5 test/b test/b on three',
    ]);
    expect(result.summary).toMatchObject({ warnings: 4, suppressed: 2 });
  });

  it('applies to input findings too', () => {
    const result = run('# ballast-ignore-file duplicate-key\na: 1\na: 2\n');
    expect(result.findings.map((finding) => [finding.ruleId, finding.suppressed?.kind])).toEqual([['duplicate-key', 'comment']]);
    expect(result.summary).toMatchObject({ errors: 0, suppressed: 1 });
  });
});

describe('annotation suppressions', () => {
  it('suppresses the named rules on that object only, with the reason', () => {
    const result = run(`${cm('quiet', '  annotations:\n    ballast/ignore: "test/a, test/b"\n    ballast/ignore-reason: owned by another team\n')}---\n${cm('loud')}`);
    expect(outline(result)).toEqual([
      'f.yaml:4 test/a test/a on quiet [annotation: owned by another team]',
      'f.yaml:4 test/b test/b on quiet [annotation: owned by another team]',
      'f.yaml:12 test/a test/a on loud',
      'f.yaml:12 test/b test/b on loud',
    ]);
    expect(result.summary).toMatchObject({ warnings: 2, errors: 0, suppressed: 2 });
  });

  it('suppresses every rule with *, and works on List items', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: v1',
      '    kind: ConfigMap',
      '    metadata:',
      '      name: quiet',
      '      annotations: { ballast/ignore: "*" }',
      '  - apiVersion: v1',
      '    kind: ConfigMap',
      '    metadata: { name: loud }',
      '',
    ].join('\n');
    expect(outline(run(text))).toEqual(['f.yaml:7 test/a test/a on quiet [annotation]', 'f.yaml:7 test/b test/b on quiet [annotation]', 'f.yaml:11 test/a test/a on loud', 'f.yaml:11 test/b test/b on loud']);
  });
});

describe('unused suppressions', () => {
  it('reports a comment or annotation that matched nothing, where it is written', () => {
    const text = `${cm('x', '  annotations:\n    ballast/ignore: test/a, test/nothing\n')}---\n# ballast-ignore-file test/b\n# ballast-ignore-next-line test/a\n${cm('y')}`;
    const result = run(text);
    const unused = result.findings.filter((finding) => finding.ruleId === 'unused-suppression');
    expect(unused.map((finding) => [finding.messageId, finding.message, finding.start.line, finding.start.column, finding.document, finding.severity])).toEqual([
      ['unknownRule', 'This suppression (annotation) names "test/nothing", which is not a ballast rule.', 6, 21, 0, 'info'],
      ['unused', 'This suppression (comment) of "test/a" matched no finding.', 9, 1, 1, 'info'],
    ]);
    expect(result.summary.infos).toBe(2);
  });

  it('reports a wildcard that matched nothing', () => {
    const result = lint([{ path: 'f.yaml', text: `# ballast-ignore-file\n${cm('x', '  annotations: { ballast/ignore: "*" }\n')}` }], { only: [] });
    expect(result.findings.map((finding) => [finding.message, finding.start.line])).toEqual([
      ['This suppression (comment) of "*" matched no finding.', 1],
      ['This suppression (annotation) of "*" matched no finding.', 6],
    ]);
  });

  it('does not report a suppression of a rule that is switched off', () => {
    const result = run(`# ballast-ignore-file test/b, replicas-min\n${cm('x')}`, { ruleOverrides: { 'test/b': 'off' } });
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['test/a']);
  });

  it('is not reported when unused-suppression is off, and cannot itself be suppressed', () => {
    expect(run(`# ballast-ignore-file test/nothing\n${cm('x')}`, { ruleOverrides: { 'unused-suppression': 'off' } }).findings.map((finding) => finding.ruleId)).toEqual(['test/a', 'test/b']);
    const result = run(`# ballast-ignore-file unused-suppression\n# ballast-ignore-next-line test/nothing\n${cm('x')}`);
    expect(result.findings.filter((finding) => finding.ruleId === 'unused-suppression' && !finding.suppressed).map((finding) => finding.start.line)).toEqual([1, 2]);
  });
});
