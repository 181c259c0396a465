import { describe, expect, it } from 'vitest';
import { lintText } from './engine/lint.js';
import { applyBaseline, createBaseline, parseBaseline } from './baseline.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27.0
`;
const only = { only: ['replicas-min', 'image-tag-mutable'] };
const lintedAll = (): boolean => true;

describe('baseline', () => {
  const baseline = createBaseline(lintText(DEPLOYMENT, 'web.yaml', only).findings);

  it('records each finding by rule, file, object and field', () => {
    expect(baseline.findings.map((entry) => [entry.file, entry.ruleId, entry.object, entry.count])).toEqual([['web.yaml', 'replicas-min', 'Deployment//web', 1]]);
  });

  it('hides recorded findings, also when edits elsewhere move their lines', () => {
    const moved = lintText(`# a comment\n# and another\n${DEPLOYMENT}`, 'web.yaml', only);
    const outcome = applyBaseline(moved, baseline, lintedAll);
    expect(outcome.result.findings).toEqual([]);
    expect(outcome.result.summary.warnings).toBe(0);
    expect(outcome.matched).toBe(1);
    expect(outcome.fixed).toEqual([]);
  });

  it('write → no findings → new problem → one finding → fix → prune', () => {
    const clean = applyBaseline(lintText(DEPLOYMENT, 'web.yaml', only), baseline, lintedAll);
    expect(clean.result.findings).toEqual([]);

    const worse = applyBaseline(lintText(DEPLOYMENT.replace('nginx:1.27.0', 'nginx:latest'), 'web.yaml', only), baseline, lintedAll);
    expect(worse.result.findings.map((finding) => finding.ruleId)).toEqual(['image-tag-mutable']);

    const fixed = applyBaseline(lintText(DEPLOYMENT.replace('replicas: 1', 'replicas: 3'), 'web.yaml', only), baseline, lintedAll);
    expect(fixed.result.findings).toEqual([]);
    expect(fixed.fixed.map((entry) => entry.ruleId)).toEqual(['replicas-min']);
    expect(fixed.pruned.findings).toEqual([]);

    // Once pruned, the problem coming back is reported again.
    const again = applyBaseline(lintText(DEPLOYMENT, 'web.yaml', only), fixed.pruned, lintedAll);
    expect(again.result.findings.map((finding) => finding.ruleId)).toEqual(['replicas-min']);
  });

  it('tells findings on other objects and fields apart', () => {
    const other = lintText(DEPLOYMENT.replace('name: web\nspec', 'name: api\nspec'), 'web.yaml', only);
    expect(applyBaseline(other, baseline, lintedAll).result.findings.map((finding) => finding.ruleId)).toEqual(['replicas-min']);
  });

  it('counts repeated findings: a second one of the same kind on the same field is new', () => {
    const twice = createBaseline(lintText(`${DEPLOYMENT}---\n${DEPLOYMENT}`, 'web.yaml', only).findings);
    expect(twice.findings.map((entry) => entry.count)).toEqual([2]);
    const once = applyBaseline(lintText(`${DEPLOYMENT}---\n${DEPLOYMENT}`, 'web.yaml', only), baseline, lintedAll);
    expect(once.result.findings).toHaveLength(1);
  });

  it('does not call entries of files the run did not lint fixed', () => {
    const outcome = applyBaseline(lintText('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n', 'other.yaml', only), baseline, (file) => file === 'other.yaml');
    expect(outcome.fixed).toEqual([]);
    expect(outcome.pruned).toEqual(baseline);
  });

  it('round-trips through JSON and rejects what is not a baseline', () => {
    expect(parseBaseline(JSON.stringify(baseline))).toEqual(baseline);
    expect(() => parseBaseline('{"version": 2, "findings": []}')).toThrow(/version 1/);
    expect(() => parseBaseline('{"version": 1, "findings": [{"file": "a"}]}')).toThrow(/lacks/);
  });
});
