import { describe, expect, it } from 'vitest';
import { parseText } from '../parse/index.js';
import { lint } from './lint.js';
import { Linter } from './linter.js';

const kustomization = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\ncommonLabels: {app: api}\nresources: [base.yaml]\npatches:\n- path: patch.yaml\n';
// Lacks only what commonLabels adds: a whole object once the kustomization is seen.
const base = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers: [{name: api, image: "api:1.0"}]\n';
// A full-looking Deployment, but a patch: kustomize merges it over the base.
const patch =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: "2"\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers: [{name: api, image: "api:1.1"}]\n';

function ruleIdsByFile(findings: readonly { file: string; ruleId: string }[]): string[] {
  return [...new Set(findings.map((finding) => `${finding.file} ${finding.ruleId}`))].sort();
}

describe('skipped documents', () => {
  it('judges a kustomization resource, not its patches, whatever order the files arrive in', () => {
    const files = [
      { path: 'k/kustomization.yaml', text: kustomization },
      { path: 'k/base.yaml', text: base },
      { path: 'k/patch.yaml', text: patch },
    ];
    const only = ['replicas-min', 'liveness-probe-missing'];
    const together = lint(files, { only });
    // One batch per file, the kustomization last: what was judged on arrival is taken back or redone.
    const linter = new Linter({ only });
    for (const file of [...files].reverse()) linter.add([parseText(file.path, file.text)]);
    const oneByOne = linter.finish();
    for (const result of [together, oneByOne]) {
      expect(ruleIdsByFile(result.findings)).toEqual([
        'k/base.yaml liveness-probe-missing',
        'k/base.yaml replicas-min',
        // Input checks still judge a fragment's fields: the API server rejects the patched object.
        'k/patch.yaml invalid-field-type',
      ]);
      expect(result.summary.skipped).toEqual({ 'kustomize-patch': 1 });
    }
  });

  it('without the kustomization, a controller without a selector is a fragment, counted in the summary', () => {
    const result = lint([{ path: 'k/base.yaml', text: base }], { only: ['replicas-min'] });
    expect(result.findings).toEqual([]);
    expect(result.summary.skipped).toEqual({ 'no-selector': 1 });
  });

  it('counts documents that hold no Kubernetes object, and a kustomization without apiVersion is not one of them', () => {
    const result = lint([
      { path: '.pre-commit-hooks.yaml', text: '- id: ballast\n  name: ballast\n  entry: ballast\n  language: node\n' },
      { path: 'docker-compose.yml', text: 'services:\n  web: {image: nginx}\n' },
      { path: 'kustomization.yaml', text: 'resources: [a.yaml]\n' },
      { path: 'ops.json', text: '[{"op": "add", "path": "/metadata/labels/x", "value": "y"}]' },
    ]);
    expect(result.findings).toEqual([]);
    expect(result.summary.skipped).toEqual({ 'json6902-patch': 1, 'not-kubernetes': 2 });
  });
});
