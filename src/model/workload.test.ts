import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../parse/limits.js';
import { parseYamlFile } from '../parse/yaml.js';
import { objectsOf, type K8sObject } from './object.js';
import { containersOf, isBatch, longRunningContainers, podTemplateOf, REPLICATED_KINDS } from './workload.js';

function object(text: string): K8sObject {
  const [found] = parseYamlFile('test.yaml', text, DEFAULT_LIMITS).documents.flatMap(objectsOf);
  if (!found) throw new Error('no object');
  return found;
}

const templateAt = (kind: string, apiVersion = 'apps/v1'): string =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x, labels: {own: yes}}\nspec:\n  template:\n    metadata: {labels: {app: x}, annotations: {a: b}}\n    spec:\n      containers: [{name: c}]\n`;

describe('podTemplateOf', () => {
  it.each([
    ['Deployment', templateAt('Deployment'), ['spec', 'template']],
    ['StatefulSet', templateAt('StatefulSet'), ['spec', 'template']],
    ['DaemonSet', templateAt('DaemonSet'), ['spec', 'template']],
    ['ReplicaSet', templateAt('ReplicaSet'), ['spec', 'template']],
    ['ReplicationController', templateAt('ReplicationController', 'v1'), ['spec', 'template']],
    ['Job', templateAt('Job', 'batch/v1'), ['spec', 'template']],
    ['a custom resource with a full pod template', templateAt('Rollout', 'argoproj.io/v1alpha1'), ['spec', 'template']],
    [
      'CronJob',
      'apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {app: x}, annotations: {a: b}}\n        spec: {containers: [{name: c}]}\n',
      ['spec', 'jobTemplate', 'spec', 'template'],
    ],
    ['PodTemplate', 'apiVersion: v1\nkind: PodTemplate\ntemplate:\n  metadata: {labels: {app: x}, annotations: {a: b}}\n  spec: {containers: [{name: c}]}\n', ['template']],
  ])('finds the pod template of %s', (_kind, text, templatePath) => {
    const template = podTemplateOf(object(text));
    expect(template?.specPath).toEqual([...templatePath, 'spec']);
    expect(template?.metadataPath).toEqual([...templatePath, 'metadata']);
    expect({ ...template?.labels }).toEqual({ app: 'x' });
    expect({ ...template?.annotations }).toEqual({ a: 'b' });
    expect(template?.spec['containers']).toEqual([{ name: 'c' }]);
  });

  it('uses the object itself for a Pod', () => {
    const template = podTemplateOf(object('apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: p}}\nspec: {containers: [{name: c}]}\n'));
    expect(template?.specPath).toEqual(['spec']);
    expect(template?.metadataPath).toEqual(['metadata']);
    expect({ ...template?.labels }).toEqual({ app: 'p' });
  });

  it('finds none where there is no pod spec', () => {
    expect(podTemplateOf(object('apiVersion: v1\nkind: Service\nspec: {template: {spec: {}}}\n'))).toBeUndefined();
    expect(podTemplateOf(object('apiVersion: apps/v1\nkind: Deployment\nspec: {template: {spec: [1]}}\n'))).toBeUndefined();
    expect(podTemplateOf(object('apiVersion: apps/v1\nkind: Deployment\nspec: {template: "x"}\n'))).toBeUndefined();
    expect(podTemplateOf(object('apiVersion: v1\nkind: Pod\n'))).toBeUndefined();
    expect(podTemplateOf(object('apiVersion: example.com/v1\nkind: Widget\nspec: {template: {spec: {containers: {}}}}\n'))).toBeUndefined();
  });
});

describe('isBatch', () => {
  it.each([
    ['Job', 'apiVersion: batch/v1\nkind: Job\n', true],
    ['CronJob', 'apiVersion: batch/v1\nkind: CronJob\n', true],
    ['Pod with restartPolicy Never', 'kind: Pod\nspec: {restartPolicy: Never}\n', true],
    ['Pod with restartPolicy OnFailure', 'kind: Pod\nspec: {restartPolicy: OnFailure}\n', true],
    ['Pod with restartPolicy Always', 'kind: Pod\nspec: {restartPolicy: Always}\n', false],
    ['Pod without restartPolicy', 'kind: Pod\nspec: {}\n', false],
    ['Deployment', 'kind: Deployment\nspec: {template: {spec: {restartPolicy: Never}}}\n', false],
  ])('%s → %s', (_name, text, expected) => {
    expect(isBatch(object(text))).toBe(expected);
  });
});

describe('containersOf', () => {
  const text = [
    'apiVersion: v1',
    'kind: Pod',
    'spec:',
    '  initContainers:',
    '    - name: migrate',
    '    - name: proxy',
    '      restartPolicy: Always',
    '    - "not a container"',
    '    - {restartPolicy: OnFailure}',
    '  containers:',
    '    - name: app',
    '    - image: nameless',
    '  ephemeralContainers:',
    '    - name: debug',
    '',
  ].join('\n');

  it('lists init containers then app containers, with roles, names and paths', () => {
    const template = object(text).podTemplate;
    if (!template) throw new Error('no template');
    expect(containersOf(template).map((container) => [container.name, container.role, container.path])).toEqual([
      ['migrate', 'init', ['spec', 'initContainers', 0]],
      ['proxy', 'sidecar', ['spec', 'initContainers', 1]],
      ['#3', 'init', ['spec', 'initContainers', 3]],
      ['app', 'app', ['spec', 'containers', 0]],
      ['#1', 'app', ['spec', 'containers', 1]],
    ]);
    expect(longRunningContainers(template).map((container) => container.name)).toEqual(['proxy', 'app', '#1']);
  });

  it('is empty when containers are not lists', () => {
    const template = object('kind: Pod\nspec: {containers: {app: {image: x}}, initContainers: "none"}\n').podTemplate;
    if (!template) throw new Error('no template');
    expect(containersOf(template)).toEqual([]);
  });
});

describe('REPLICATED_KINDS', () => {
  it('holds the kinds that scale by spec.replicas', () => {
    expect([...REPLICATED_KINDS].sort()).toEqual(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);
  });
});
