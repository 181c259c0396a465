import { describe, expect, it } from 'vitest';
import type { Finding } from '../types.js';
import { compareFindings, fillTemplate, lint, lintText, type LintInput } from './lint.js';
import { defineRule, type AnyRule, type ObjectRule } from './rule.js';
import { DEFAULT_KUBERNETES_VERSION } from './settings.js';

/** A rule that reports every object's `metadata.name`, at the severity the object asks for. */
const names = defineRule<'named' | 'graded'>({
  meta: {
    id: 'test/names',
    scope: 'object',
    category: 'workload',
    severity: 'warning',
    summary: 'Reports names.',
    rationale: 'For tests.',
    fix: 'Nothing.',
    appliesTo: ['*'],
    since: '0.1.0',
    messages: { named: '{{object}} is called {{name}}.', graded: 'Graded {{name}}.' },
  },
  checkObject(object, context) {
    const grade = object.annotations['grade'];
    if (grade === 'error' || grade === 'warning' || grade === 'info') {
      context.report({ at: object.at('metadata', 'name'), object, messageId: 'graded', data: { name: object.name ?? '' }, severity: grade });
      return;
    }
    context.report({ at: object.at('metadata', 'name'), object, messageId: 'named', data: { object: object.describe(), name: object.name ?? '' } });
  },
});

function rule(id: string, checkObject: ObjectRule['checkObject'], extra: Partial<Omit<ObjectRule['meta'], 'scope'>> = {}): ObjectRule {
  return {
    meta: { id, scope: 'object', category: 'workload', severity: 'error', summary: id, rationale: id, fix: `fix ${id}`, appliesTo: ['*'], since: '0.1.0', messages: { m: `${id} {{x}}` }, ...extra },
    ...(checkObject ? { checkObject } : {}),
  };
}

const cm = (name: string, extra = ''): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}`;

function brief(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.file}:${finding.start.line}:${finding.start.column} ${finding.ruleId} ${finding.severity}`);
}

describe('lint', () => {
  it('sorts findings by file, line, column, then rule ID', () => {
    const atName = rule('t/b-rule', (object, context) => context.report({ at: object.at('metadata', 'name'), messageId: 'm' }));
    const atKind = rule('t/a-rule', (object, context) => {
      context.report({ at: object.at('metadata', 'name'), messageId: 'm' });
      context.report({ at: object.at('kind'), messageId: 'm' });
    });
    const inputs: LintInput[] = [
      { path: 'z.yaml', text: cm('z') },
      { path: 'a.yaml', text: `${cm('a')}---\n${cm('long-name')}` },
    ];
    const result = lint(inputs, { rules: [atName, atKind], only: ['t/a-rule', 't/b-rule'] });
    expect(brief(result.findings)).toEqual([
      'a.yaml:2:7 t/a-rule error',
      'a.yaml:4:9 t/a-rule error',
      'a.yaml:4:9 t/b-rule error',
      'a.yaml:7:7 t/a-rule error',
      'a.yaml:9:9 t/a-rule error',
      'a.yaml:9:9 t/b-rule error',
      'z.yaml:2:7 t/a-rule error',
      'z.yaml:4:9 t/a-rule error',
      'z.yaml:4:9 t/b-rule error',
    ]);
    expect(result.findings.map((finding) => finding.document)).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0]);
  });

  it('fills messages, names the object and carries the fix', () => {
    const result = lintText(cm('settings', '  namespace: prod\n'), 'cm.yaml', { rules: [names], only: ['test/names'] });
    expect(result.findings).toEqual([
      {
        ruleId: 'test/names',
        messageId: 'named',
        severity: 'warning',
        message: 'ConfigMap "settings" is called settings.',
        fix: 'Nothing.',
        file: 'cm.yaml',
        start: { line: 4, column: 9 },
        end: { line: 4, column: 17 },
        document: 0,
        field: 'metadata.name',
        object: { apiVersion: 'v1', kind: 'ConfigMap', name: 'settings', namespace: 'prod' },
      },
    ]);
  });

  it('lets a report override the fix and add related locations in other files', () => {
    const pointer = defineRule({
      meta: { ...rule('test/related', undefined).meta, scope: 'set' },
      checkObject(object, context) {
        const other = context.objects.find((candidate) => candidate !== object);
        if (!other || object.name !== 'a') return;
        context.report({ at: object.at('metadata', 'name'), messageId: 'm', data: { x: 'here' }, fix: 'do this', related: [{ at: other.at('metadata', 'name'), message: 'the other one' }] });
      },
    });
    const result = lint(
      [
        { path: 'a.yaml', text: cm('a') },
        { path: 'b.yaml', text: `# comment\n${cm('b')}` },
      ],
      { rules: [pointer], only: ['test/related'] },
    );
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      message: 'test/related here',
      fix: 'do this',
      related: [{ file: 'b.yaml', start: { line: 5, column: 9 }, end: { line: 5, column: 10 }, message: 'the other one' }],
    });
  });

  it('grades severities, and an explicit choice overrides the grading', () => {
    const text = ['error', 'warning', 'info', 'none'].map((grade) => cm(grade, `  annotations: { grade: ${grade} }\n`)).join('---\n');
    const graded = lintText(text, 'g.yaml', { rules: [names], only: ['test/names'] });
    expect(graded.findings.map((finding) => finding.severity)).toEqual(['error', 'warning', 'info', 'warning']);
    expect(graded.summary).toMatchObject({ errors: 1, warnings: 2, infos: 1 });

    const strict = lintText(text, 'g.yaml', { rules: [names], only: ['test/names'], config: { extends: 'strict' } });
    expect(strict.findings.map((finding) => finding.severity)).toEqual(['error', 'error', 'warning', 'error']);

    const forced = lintText(text, 'g.yaml', { rules: [names], only: ['test/names'], config: { rules: { 'test/names': 'info' } } });
    expect(forced.findings.map((finding) => finding.severity)).toEqual(['info', 'info', 'info', 'info']);

    const overridden = lintText(text, 'g.yaml', { rules: [names], only: ['test/names'], config: { rules: { 'test/names': 'info' } }, ruleOverrides: { 'test/names': 'error' } });
    expect(overridden.findings.map((finding) => finding.severity)).toEqual(['error', 'error', 'error', 'error']);

    expect(lintText(text, 'g.yaml', { rules: [names], only: ['test/names'], ruleOverrides: { 'test/names': 'off' } }).findings).toEqual([]);
  });

  it('keeps going when a rule throws, and reports the failure as an internal error', () => {
    const fragile = rule('test/fragile', (object) => {
      if (object.name === 'bad') throw new Error('boom');
    });
    const counter = rule('test/counter', (object, context) => context.report({ at: object.at(), messageId: 'm' }));
    const wholeRun: AnyRule = {
      meta: { ...counter.meta, id: 'test/whole-run', scope: 'set' },
      check: () => {
        throw new TypeError('whole run');
      },
    };
    const result = lint([{ path: 'a.yaml', text: `${cm('good')}---\n${cm('bad')}---\n${cm('also-good')}` }], { rules: [fragile, counter, wholeRun], only: ['test/fragile', 'test/counter', 'test/whole-run'] });
    expect(result.internalErrors).toEqual([
      { ruleId: 'test/fragile', file: 'a.yaml', message: 'boom' },
      { ruleId: 'test/whole-run', message: 'whole run' },
    ]);
    expect(result.findings.filter((finding) => finding.ruleId === 'test/counter')).toHaveLength(3);
  });

  it('passes options (defaults, then config), settings and every object to rules', () => {
    const seen: unknown[] = [];
    const probe: AnyRule = {
      meta: { ...rule('test/options', undefined).meta, scope: 'set', options: { schema: { min: { type: 'integer' }, max: { type: 'integer' } }, defaults: { min: 2, max: 5 } } },
      check(context) {
        const options: unknown = context.options;
        seen.push({ options, version: context.settings.kubernetesVersion, objects: context.objects.map((object) => object.name), documents: context.documents.length });
      },
    };
    const inputs: LintInput[] = [
      { path: 'a.yaml', text: `${cm('a')}---\n${cm('b')}` },
      { path: 'b.yaml', text: cm('c') },
    ];
    lint(inputs, { rules: [probe], only: ['test/options'] });
    lint(inputs, { rules: [probe], only: ['test/options'], config: { rules: { 'test/options': { options: { min: 3 } } }, cluster: { kubernetesVersion: '1.29' } } });
    lint(inputs, { rules: [probe], only: ['test/options'], config: { cluster: { kubernetesVersion: '1.29' } }, kubernetesVersion: '1.31' });
    expect(seen).toEqual([
      { options: { min: 2, max: 5 }, version: DEFAULT_KUBERNETES_VERSION, objects: ['a', 'b', 'c'], documents: 3 },
      { options: { min: 3, max: 5 }, version: '1.29', objects: ['a', 'b', 'c'], documents: 3 },
      { options: { min: 2, max: 5 }, version: '1.31', objects: ['a', 'b', 'c'], documents: 3 },
    ]);
  });

  it('runs only the chosen rules, and always the input rules', () => {
    const text =
      'a: 1\na: 2\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replicas: 1, selector: {matchLabels: {a: x}}, template: {metadata: {labels: {a: x}}, spec: {containers: [{name: x, image: "x:1"}]}}}\n';
    expect(lintText(text, 'x.yaml', { only: ['replicas-min'] }).findings.map((finding) => finding.ruleId)).toEqual(['duplicate-key', 'replicas-min']);
    expect(lintText(text, 'x.yaml', { only: [] }).findings.map((finding) => finding.ruleId)).toEqual(['duplicate-key']);
    expect(lintText(text, 'x.yaml', { only: [], ruleOverrides: { 'duplicate-key': 'off' } }).findings).toEqual([]);
  });

  it('skips documents that hold no Kubernetes object quietly, and counts them', () => {
    const result = lintText('- a\n- b\n---\nplain\n---\n~\n---\nname: CI\non: [push]\n---\n- {op: replace, path: /spec/replicas, value: 3}\n', 'odd.yaml');
    expect(result.findings).toEqual([]);
    expect(result.summary.skipped).toEqual({ 'json6902-patch': 1, 'not-kubernetes': 3 });
    expect(lintText(cm('plain'), 'cm.yaml').summary.skipped).toBeUndefined();
  });

  it('reports List items at their own position, in the List document', () => {
    const list = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: one}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: two\n- not an object\n';
    const result = lintText(`${cm('before')}---\n${list}`, 'l.yaml', { rules: [names], only: ['test/names'] });
    expect(result.findings.map((finding) => [finding.message, finding.document, finding.start.line, finding.start.column])).toEqual([
      ['ConfigMap "before" is called before.', 0, 4, 9],
      ['ConfigMap "one" is called one.', 1, 11, 20],
      ['ConfigMap "two" is called two.', 1, 15, 11],
    ]);
  });

  it('counts files and documents, broken and empty ones included, in the summary', () => {
    const result = lint(
      [
        { path: 'a.yaml', text: `${cm('a')}---\nbroken: [\n---\n---\n${cm('b')}` },
        { path: 'empty.yaml', text: '' },
        { path: 'big.yaml', size: 50 * 1024 * 1024 },
        { path: 'given.yaml', documents: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'given' } }, null] },
      ],
      { rules: [names], only: ['test/names'] },
    );
    expect(result.summary).toEqual({ files: 4, documents: 7, errors: 2, warnings: 3, infos: 0, suppressed: 0 });
    expect(brief(result.findings)).toEqual(['a.yaml:4:9 test/names warning', 'a.yaml:7:1 parse-error error', 'a.yaml:12:9 test/names warning', 'big.yaml:1:1 input-limit error', 'given.yaml:1:1 test/names warning']);
  });

  it('never lets hostile keys reach prototypes', () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: p\n  __proto__: {polluted: true}\n  annotations: {__proto__: x, constructor: y}\nspec:\n  __proto__: {replicas: 1}\n  constructor: {name: c}\n  selector: {matchLabels: {a: p}}\n  template: {metadata: {labels: {a: p}}, spec: {containers: [{name: p, image: "p:1"}]}}\n';
    const result = lintText(text, 'p.yaml');
    expect(result.internalErrors).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // `spec.replicas` is missing (the key is `__proto__`), so replicas-min sees an omitted count.
    expect(result.findings.filter((finding) => finding.ruleId === 'replicas-min').map((finding) => finding.messageId)).toEqual(['omitted']);
  });
});

describe('fillTemplate', () => {
  it('fills known placeholders and leaves unknown ones as written', () => {
    expect(fillTemplate('{{a}} and {{ b }} and {{c}}', { a: 1, b: 'two' })).toBe('1 and two and {{c}}');
    expect(fillTemplate('{{constructor}} {{toString}}', {})).toBe('{{constructor}} {{toString}}');
    expect(fillTemplate('{{a}}', { a: '{{b}}', b: 'no recursion' })).toBe('{{b}}');
  });
});

describe('compareFindings', () => {
  it('orders by file, line, column, rule, message', () => {
    const make = (file: string, line: number, column: number, ruleId: string, message = ''): Finding => ({
      ruleId,
      messageId: 'm',
      severity: 'error',
      message,
      file,
      start: { line, column },
      end: { line, column },
      document: 0,
    });
    const sorted = [make('b', 1, 1, 'a'), make('a', 2, 1, 'a'), make('a', 1, 5, 'a'), make('a', 1, 5, 'Z'), make('a', 1, 2, 'z'), make('a', 10, 1, 'a'), make('a', 1, 5, 'a', 'x')]
      .sort(compareFindings)
      .map((finding) => `${finding.file}:${finding.start.line}:${finding.start.column}:${finding.ruleId}:${finding.message}`);
    expect(sorted).toEqual(['a:1:2:z:', 'a:1:5:Z:', 'a:1:5:a:', 'a:1:5:a:x', 'a:2:1:a:', 'a:10:1:a:', 'b:1:1:a:']);
  });
});
