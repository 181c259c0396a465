import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { lint, lintText } from '../engine/lint.js';
import { defineRule } from '../engine/rule.js';
import { RULE_DOCS_BASE, VERSION } from '../project.js';
import type { LintResult } from '../types.js';
import { formatSarif, SOURCE_ROOT, toSarif } from './sarif.js';

const deployment = (name: string, replicas: number, extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop${extra}
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.0.0
          resources: { requests: { cpu: 100m, memory: 1Gi }, limits: { memory: 512Mi } }
        - name: sidecar
          image: registry.example.com/proxy:1.0.0
          resources: { requests: { cpu: 100m, memory: 1Gi }, limits: { memory: 512Mi } }
`;

const only = ['replicas-min', 'limit-below-request'];

describe('sarif', () => {
  it('is a SARIF 2.1.0 log whose driver lists every rule and whose results point at them', () => {
    const result = lintText(deployment('api', 1), 'deploy/api.yaml', { only });
    const log = toSarif(result);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run?.tool.driver).toMatchObject({ name: 'ballast', version: VERSION });
    const rules = run?.tool.driver.rules ?? [];
    expect(rules.map((rule) => rule.id)).toEqual(builtinRules.map((rule) => rule.meta.id));
    expect(rules.find((rule) => rule.id === 'replicas-min')).toMatchObject({
      name: 'ReplicasMin',
      helpUri: `${RULE_DOCS_BASE}/replicas-min.md`,
      defaultConfiguration: { level: 'warning' },
    });
    expect(run?.results.map((entry) => [entry.ruleId, entry.level])).toEqual([
      ['replicas-min', 'warning'],
      ['limit-below-request', 'error'],
      ['limit-below-request', 'error'],
    ]);
    for (const entry of run?.results ?? []) expect(rules[entry.ruleIndex]?.id).toBe(entry.ruleId);
    expect(run?.results[0]?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'deploy/api.yaml', uriBaseId: SOURCE_ROOT },
      region: { startLine: 7, startColumn: 13, endLine: 7, endColumn: 14 },
    });
    expect(JSON.parse(formatSarif(result))).toEqual(log);
  });

  it('maps info to note and carries the rule fix in help', () => {
    const info = { ...lintText(deployment('api', 1), 'a.yaml', { only, ruleOverrides: { 'replicas-min': 'info' } }) };
    expect(toSarif(info).runs[0]?.results[0]?.level).toBe('note');
    const help = toSarif(info).runs[0]?.tool.driver.rules.find((rule) => rule.id === 'replicas-min')?.help;
    expect(help?.text).toContain('Fix: Set `spec.replicas`');
    expect(help?.markdown).toContain('**Fix:**');
  });

  it('encodes paths as URIs: relative against %SRCROOT%, absolute as file URIs', () => {
    const result = lint(
      [
        { path: 'charts/my app/templates/deploy #1.yaml', text: deployment('a', 1) },
        { path: '/srv/k8s/b.yaml', text: deployment('b', 1) },
        { path: 'C:\\k8s\\c.yaml', text: deployment('c', 1) },
      ],
      { only: ['replicas-min'] },
    );
    const uris = toSarif(result, { rootUri: 'file:///work/repo' }).runs[0]?.results.map((entry) => entry.locations[0]?.physicalLocation.artifactLocation);
    expect(uris).toEqual([{ uri: 'file:///srv/k8s/b.yaml' }, { uri: 'file:///C:/k8s/c.yaml' }, { uri: 'charts/my%20app/templates/deploy%20%231.yaml', uriBaseId: SOURCE_ROOT }]);
    expect(toSarif(result, { rootUri: 'file:///work/repo' }).runs[0]?.originalUriBaseIds).toEqual({ [SOURCE_ROOT]: { uri: 'file:///work/repo/' } });
  });

  it('turns cross-document evidence into related locations', () => {
    const hpa = `---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: api, namespace: shop }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }
  minReplicas: 1
  maxReplicas: 5
`;
    const result = lintText(deployment('api', 1) + hpa, 'api.yaml', { only: ['replicas-min'] });
    const entry = toSarif(result).runs[0]?.results[0];
    expect(entry?.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'api.yaml', uriBaseId: SOURCE_ROOT }, region: expect.objectContaining({ startLine: 25 }) as unknown },
        message: { text: expect.stringContaining('minReplicas') as unknown },
      },
    ]);
  });

  it('emits suppressed findings only when asked, with an inSource suppression and its reason', () => {
    const annotated = deployment('api', 1, '\n  annotations:\n    ballast/ignore: replicas-min\n    ballast/ignore-reason: scaled by an external operator');
    const result = lintText(annotated, 'api.yaml', { only: ['replicas-min'] });
    expect(toSarif(result).runs[0]?.results).toEqual([]);
    expect(toSarif(result, { showSuppressed: true }).runs[0]?.results[0]?.suppressions).toEqual([{ kind: 'inSource', justification: 'scaled by an external operator' }]);
  });

  it('fingerprints survive edits elsewhere in the file and tell findings on one object apart', () => {
    const fingerprints = (result: LintResult): string[] => (toSarif(result).runs[0]?.results ?? []).map((entry) => Object.values(entry.partialFingerprints)[0] ?? '');
    const before = lintText(deployment('api', 1), 'api.yaml', { only });
    const moved = lintText(`# owned by team shop\n\n${deployment('api', 1).replace('namespace: shop', 'namespace: shop\n  labels: { tier: web }')}`, 'api.yaml', { only });
    expect(moved.findings[0]?.start.line).not.toBe(before.findings[0]?.start.line);
    expect(fingerprints(moved)).toEqual(fingerprints(before));
    expect(new Set(fingerprints(before)).size).toBe(3);
    const other = lintText(deployment('web', 1), 'api.yaml', { only });
    expect(fingerprints(other)[0]).not.toBe(fingerprints(before)[0]);
  });

  it('describes plugin rules, linking their own docs, and reports internal errors as notifications', () => {
    const plugin = defineRule<'bad'>({
      meta: {
        id: 'example/team-label-missing',
        scope: 'object',
        category: 'workload',
        severity: 'warning',
        summary: 'summary',
        rationale: 'rationale',
        fix: 'fix',
        appliesTo: ['Deployment'],
        since: '0.1.0',
        messages: { bad: 'bad' },
        docs: 'https://example.com/rules/team-label-missing',
      },
      checkObject(object, context) {
        if (object.name === 'boom') throw new Error('kaboom');
        context.report({ at: object.at('metadata'), object, messageId: 'bad' });
      },
    });
    const result = lint(
      [
        { path: 'a.yaml', text: deployment('api', 3) },
        { path: 'b.yaml', text: deployment('boom', 3) },
      ],
      { only: [plugin.meta.id], rules: [plugin] },
    );
    const run = toSarif(result, { rules: [...builtinRules, plugin] }).runs[0];
    expect(run?.tool.driver.rules.at(-1)).toMatchObject({ id: 'example/team-label-missing', helpUri: 'https://example.com/rules/team-label-missing' });
    expect(run?.results.map((entry) => entry.ruleIndex)).toEqual([builtinRules.length]);
    expect(run?.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [{ level: 'error', message: { text: 'Rule example/team-label-missing failed on b.yaml: kaboom' }, associatedRule: { id: 'example/team-label-missing', index: builtinRules.length } }],
      },
    ]);
    // A plugin finding whose rule the caller forgot to pass still gets a descriptor.
    expect(toSarif(result).runs[0]?.tool.driver.rules.at(-1)?.id).toBe('example/team-label-missing');
  });
});
