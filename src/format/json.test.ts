import { describe, expect, it } from 'vitest';
import { lint } from '../engine/lint.js';
import type { LintResult } from '../types.js';
import { formatJson, formatJsonChunks, JSON_FORMAT_VERSION, toJsonFinding } from './json.js';

const deployment = (name: string, replicas: string, extra = ''): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: prod\n${extra}spec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: x}}\n    spec: {containers: [{name: x, image: "x:1"}]}\n`;

/** The order of fields in the DESIGN.md contract; optional ones are left out when absent. */
const FIELD_ORDER = ['ruleId', 'severity', 'message', 'fix', 'file', 'line', 'column', 'endLine', 'endColumn', 'document', 'kind', 'name', 'namespace'];

function result(): LintResult {
  return lint(
    [
      { path: 'deploy/b.yaml', text: `${deployment('api', '1')}---\nbroken: [\n` },
      { path: 'deploy/a.yaml', text: `${deployment('web', '1')}---\n${deployment('quiet', '1', '  annotations: { ballast/ignore: replicas-min }\n')}` },
    ],
    { only: ['replicas-min'] },
  );
}

interface Parsed {
  version: number;
  findings: Record<string, unknown>[];
  summary: Record<string, number>;
}

describe('formatJson', () => {
  const parsed = JSON.parse(formatJson(result())) as Parsed;

  it('has the version, findings and summary, in that order', () => {
    expect(Object.keys(parsed)).toEqual(['version', 'findings', 'summary']);
    expect(parsed.version).toBe(1);
    expect(JSON_FORMAT_VERSION).toBe(1);
  });

  it('writes each finding with the contract fields in the contract order', () => {
    expect(parsed.findings[0]).toEqual({
      ruleId: 'replicas-min',
      severity: 'warning',
      message: 'Deployment "web" runs 1 replica(s), fewer than 2: a single pod failure or rollout takes it down.',
      fix: 'Set `spec.replicas` to at least 2 (3 for quorum-based software), or let a HorizontalPodAutoscaler with `minReplicas` ≥ 2 manage the scale.',
      file: 'deploy/a.yaml',
      line: 7,
      column: 13,
      endLine: 7,
      endColumn: 14,
      document: 0,
      kind: 'Deployment',
      name: 'web',
      namespace: 'prod',
    });
    for (const finding of parsed.findings) {
      const keys = Object.keys(finding);
      expect(keys).toEqual(FIELD_ORDER.filter((key) => keys.includes(key)));
    }
  });

  it('leaves out the object fields of a finding about no object', () => {
    const parseError = parsed.findings.find((finding) => finding['ruleId'] === 'parse-error');
    expect(parseError).toBeDefined();
    expect(Object.keys(parseError ?? {})).toEqual(['ruleId', 'severity', 'message', 'fix', 'file', 'line', 'column', 'endLine', 'endColumn', 'document']);
    expect(parseError).toMatchObject({ file: 'deploy/b.yaml', document: 1 });
  });

  it('sorts findings by file, line, column and rule', () => {
    expect(parsed.findings.map((finding) => `${String(finding['file'])}:${String(finding['line'])}:${String(finding['column'])} ${String(finding['ruleId'])}`)).toEqual([
      'deploy/a.yaml:7:13 replicas-min',
      'deploy/b.yaml:7:13 replicas-min',
      'deploy/b.yaml:14:1 parse-error',
    ]);
  });

  it('writes the summary with counts that leave suppressed findings out', () => {
    expect(Object.keys(parsed.summary)).toEqual(['files', 'documents', 'errors', 'warnings', 'infos', 'suppressed']);
    expect(parsed.summary).toEqual({ files: 2, documents: 4, errors: 1, warnings: 2, infos: 0, suppressed: 1 });
  });

  it('shows suppressed findings, marked, only when asked', () => {
    const shown = JSON.parse(formatJson(result(), { showSuppressed: true })) as Parsed;
    expect(shown.findings).toHaveLength(4);
    expect(shown.findings.find((finding) => finding['name'] === 'quiet')).toMatchObject({ suppressed: { kind: 'annotation' } });
    expect(parsed.findings.some((finding) => 'suppressed' in finding)).toBe(false);
  });

  it('is pretty-printed JSON ending in a newline, and valid for an empty run', () => {
    const empty = formatJson(lint([]));
    expect(empty.endsWith('}\n')).toBe(true);
    expect(JSON.parse(empty)).toEqual({ version: 1, findings: [], summary: { files: 0, documents: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0 } });
  });
});

describe('json related locations', () => {
  it('positions cross-document evidence with the same flat fields as findings', () => {
    const result = lint(
      [
        {
          path: 'app.yaml',
          text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\nspec:\n  replicas: 3\n  selector: { matchLabels: { app: api } }\n  template:\n    metadata: { labels: { app: api } }\n    spec:\n      containers: [{ name: api, image: "api:1" }]\n',
        },
        { path: 'hpa.yaml', text: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: api }\nspec:\n  scaleTargetRef: { kind: Deployment, name: api }\n  minReplicas: 1\n  maxReplicas: 4\n' },
      ],
      { only: ['replicas-min'] },
    );
    const report = JSON.parse(formatJson(result)) as { findings: { ruleId: string; related?: unknown[] }[] };
    const finding = report.findings.find((candidate) => candidate.ruleId === 'replicas-min');
    expect(finding?.related).toEqual([{ file: 'hpa.yaml', line: 6, column: 16, endLine: 6, endColumn: 17, message: 'minReplicas of HorizontalPodAutoscaler "api"' }]);
  });
});

describe('formatJsonChunks', () => {
  const many = lint(
    Array.from({ length: 2100 }, (_, index) => ({ path: `apps/app-${index}.yaml`, text: deployment(`app-${index}`, '1', '  annotations: { note: "ünïcödé — \\"quoted\\"" }\n') })),
    { only: ['replicas-min'] },
  );
  const whole = (value: LintResult, showSuppressed = false): string =>
    `${JSON.stringify({ version: JSON_FORMAT_VERSION, findings: value.findings.filter((finding) => showSuppressed || !finding.suppressed).map(toJsonFinding), summary: value.summary }, null, 2)}\n`;

  it('gives, piece by piece, exactly what JSON.stringify of the whole output gives', () => {
    expect(many.findings.length).toBeGreaterThan(2000);
    const pieces = [...formatJsonChunks(many, {}, 1000)];
    expect(pieces.length).toBe(Math.ceil(many.findings.length / 1000) + 1);
    expect(pieces.join('')).toBe(whole(many));
    expect([...formatJsonChunks(many, {}, 700)].join('')).toBe(whole(many));
    expect([...formatJsonChunks(many)]).toEqual([whole(many)]);
    expect(formatJson(result(), { showSuppressed: true })).toBe(whole(result(), true));
  });

  it('writes an empty list of findings as JSON.stringify does', () => {
    const clean = lint([{ path: 'empty.yaml', text: '' }]);
    expect(formatJson(clean)).toBe(whole(clean));
    expect(formatJson(clean)).toContain('"findings": [],');
  });
});
