/**
 * The namespace a kustomization gives the objects it lists, held to what the real `kubectl
 * kustomize` builds, and what that changes for cross-document matching.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ClusterIndex } from '../src/model/cluster.js';
import { KustomizeNamespaces } from '../src/model/kustomize.js';
import { objectsOf, type K8sObject } from '../src/model/object.js';
import { DEFAULT_LIMITS } from '../src/parse/limits.js';
import { parseYamlFile } from '../src/parse/yaml.js';
import { findExecutable } from '../src/node-render.js';

const kubectl = findExecutable('kubectl');

const deployment = (name: string, namespace?: string): string =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:',
    '  replicas: 2',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec: {containers: [{name: web, image: "web:1"}]}',
    '',
  ].join('\n');

const pdb = (name: string, namespace?: string): string =>
  ['apiVersion: policy/v1', 'kind: PodDisruptionBudget', `metadata: {name: ${name}${namespace ? `, namespace: ${namespace}` : ''}}`, 'spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}', ''].join('\n');

/** A repository: an app whose kustomization names the namespace, overlays over a shared base, a nested base, a cluster-scoped object. */
const TREE: Record<string, string> = {
  'app/kustomization.yaml': 'namespace: shop\nresources: [deploy.yaml, sub]\n',
  'app/deploy.yaml': `${deployment('web', 'written')}---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: web}\n`,
  'app/sub/kustomization.yaml': 'namespace: inner\nresources: [svc.yaml]\n',
  'app/sub/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n',
  'base/kustomization.yaml': 'resources: [deploy.yaml]\n',
  'base/deploy.yaml': deployment('api'),
  'overlays/dev/kustomization.yaml': 'namespace: dev\nresources: [../../base]\n',
  'overlays/prod/kustomization.yaml': 'namespace: prod\nresources: [../../base, pdb.yaml]\n',
  'overlays/prod/pdb.yaml': pdb('api'),
  'policies/pdb.yaml': pdb('web', 'shop'),
};

const root = mkdtempSync(join(tmpdir(), 'ballast-kustomize-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const [path, text] of Object.entries(TREE)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function load(): K8sObject[] {
  const namespaces = new KustomizeNamespaces();
  const objects: K8sObject[] = [];
  for (const path of Object.keys(TREE)) {
    const parsed = parseYamlFile(path, readFileSync(join(root, path), 'utf8'), DEFAULT_LIMITS);
    for (const doc of parsed.documents) {
      if (path.endsWith('kustomization.yaml')) namespaces.add(doc.value, path);
      else objects.push(...objectsOf(doc));
    }
  }
  namespaces.applyTo(objects);
  return objects;
}

const byName = (objects: readonly K8sObject[], kind: string, name: string): K8sObject => objects.find((object) => object.kind === kind && object.name === name) as K8sObject;

describe('namespaces given by kustomizations', () => {
  it.skipIf(!kubectl)('are the namespaces `kubectl kustomize` builds each object into (skipped: no kubectl on PATH)', () => {
    const objects = load();
    for (const build of ['app', 'overlays/prod']) {
      const output = execFileSync(kubectl as string, ['kustomize', join(root, build)], { encoding: 'utf8' });
      for (const doc of parseYamlFile('build.yaml', output, DEFAULT_LIMITS).documents) {
        for (const built of objectsOf(doc)) {
          const ours = byName(objects, built.kind, built.name ?? '');
          // The base is built by two overlays with different namespaces: the run cannot say which.
          expect(ours.namespace, `${build}: ${built.kind} ${built.name ?? ''}`).toBe(built.kind === 'Deployment' && built.name === 'api' ? undefined : built.namespace);
        }
      }
    }
  });

  it('override what a file writes, reach nested bases, and leave cluster-scoped kinds and the written identity alone', () => {
    const objects = load();
    expect(byName(objects, 'Deployment', 'web').namespace).toBe('shop');
    expect(byName(objects, 'Deployment', 'web').ref().namespace).toBe('written');
    expect(byName(objects, 'Service', 'web').namespace).toBe('shop');
    expect(byName(objects, 'ClusterRole', 'web').namespace).toBeUndefined();
    expect(byName(objects, 'PodDisruptionBudget', 'api').namespace).toBe('prod');
    expect(byName(objects, 'Deployment', 'api').namespace).toBeUndefined();
  });

  it('decide what cross-document lookups match, both ways', () => {
    const set = new ClusterIndex(load());
    // Written `written`, built into `shop`: the PodDisruptionBudget of namespace shop in another folder covers it.
    expect(set.pdbsFor(byName(set.objects, 'Deployment', 'web')).map((object) => object.doc.file.path)).toEqual(['policies/pdb.yaml']);
    // The prod overlay's budget is in prod; the shared base's Deployment is in no one namespace, and in another folder.
    expect(set.pdbsFor(byName(set.objects, 'Deployment', 'api'))).toEqual([]);
  });
});
