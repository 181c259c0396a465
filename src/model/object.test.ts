import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../parse/limits.js';
import type { DocumentHandle } from '../parse/source.js';
import { parseYamlFile } from '../parse/yaml.js';
import { objectsOf, type K8sObject } from './object.js';

function documents(text: string): DocumentHandle[] {
  return parseYamlFile('test.yaml', text, DEFAULT_LIMITS).documents;
}

function objects(text: string): K8sObject[] {
  return documents(text).flatMap(objectsOf);
}

function lineOf(object: K8sObject, ...path: (string | number)[]): number {
  const location = object.at(...path);
  return location.doc.file.lines.position(location.doc.locate(location.path)[0]).line;
}

describe('K8sObject', () => {
  const [deployment] = objects(
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop\n  labels: {app: api, tier: 2}\n  annotations: {note: hi}\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers: [{name: a}]\n',
  );

  it('reads identity fields', () => {
    expect(deployment).toBeDefined();
    if (!deployment) return;
    expect([deployment.apiVersion, deployment.kind, deployment.name, deployment.namespace, deployment.namespaceOrDefault, deployment.group]).toEqual(['apps/v1', 'Deployment', 'api', 'shop', 'shop', 'apps']);
    expect({ ...deployment.labels }).toEqual({ app: 'api', tier: '2' });
    expect({ ...deployment.annotations }).toEqual({ note: 'hi' });
    expect(deployment.ref()).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', namespace: 'shop' });
    expect(deployment.describe()).toBe('Deployment "api"');
    expect(deployment.get('spec', 'replicas')).toBe(3);
    expect(deployment.podTemplate?.specPath).toEqual(['spec', 'template', 'spec']);
    expect(deployment.podTemplate).toBe(deployment.podTemplate);
  });

  it('copes with missing and wrongly typed identity fields', () => {
    const [odd] = objects('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 42\n  namespace: [a]\n  labels: not-a-map\n');
    expect(odd).toBeDefined();
    if (!odd) return;
    expect([odd.name, odd.namespace, odd.namespaceOrDefault, odd.group]).toEqual([undefined, undefined, 'default', '']);
    expect({ ...odd.labels }).toEqual({});
    expect(odd.ref()).toEqual({ apiVersion: 'v1', kind: 'ConfigMap' });
    expect(odd.describe()).toBe('ConfigMap');
    expect(odd.podTemplate).toBeUndefined();
  });
});

describe('objectsOf', () => {
  it('makes one object of a document with a kind or an apiVersion, none otherwise', () => {
    expect(objects('kind: Pod\n').map((object) => object.kind)).toEqual(['Pod']);
    expect(objects('apiVersion: v1\n').map((object) => object.apiVersion)).toEqual(['v1']);
    expect(objects('data: {a: b}\n')).toEqual([]);
    expect(documents('- kind: Pod\n').flatMap(objectsOf)).toEqual([]);
  });

  it('flattens List and typed lists, keeping each item at its own position', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: v1',
      '    kind: ConfigMap',
      '    metadata: {name: one}',
      '  - just a string',
      '  - metadata: {name: no-kind}',
      '  - apiVersion: apps/v1',
      '    kind: Deployment',
      '    metadata:',
      '      name: two',
      '---',
      'apiVersion: apps/v1',
      'kind: DeploymentList',
      'items:',
      '  - kind: Deployment',
      '    metadata: {name: three}',
      '',
    ].join('\n');
    const found = objects(text);
    expect(found.map((object) => [object.kind, object.name, object.basePath, object.doc.index])).toEqual([
      ['ConfigMap', 'one', ['items', 0], 0],
      ['Deployment', 'two', ['items', 3], 0],
      ['Deployment', 'three', ['items', 0], 1],
    ]);
    expect(found.map((object) => lineOf(object, 'metadata', 'name'))).toEqual([6, 12, 18]);
    expect(found[1]?.at('spec', 'replicas').path).toEqual(['items', 3, 'spec', 'replicas']);
  });

  it('takes a List without an items list as the object itself', () => {
    expect(objects('apiVersion: v1\nkind: List\nitems: {}\n').map((object) => object.kind)).toEqual(['List']);
  });
});
