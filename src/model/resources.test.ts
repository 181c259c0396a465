import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../parse/limits.js';
import { parseYamlFile } from '../parse/yaml.js';
import { objectsOf } from './object.js';
import { compareQuantity, parseQuantity } from './quantity.js';
import { hasEffectiveRequest, initContainersRaisingRequest, podLevelCovers, resourceJudgedContainers, resourceValue } from './resources.js';
import type { PodTemplate } from './workload.js';

function template(spec: string): PodTemplate {
  const [object] = parseYamlFile('t.yaml', `kind: Pod\nspec:\n${spec}`, DEFAULT_LIMITS).documents.flatMap(objectsOf);
  const found = object?.podTemplate;
  if (!found) throw new Error('no template');
  return found;
}

describe('resourceValue', () => {
  it('reads a quantity, keeps the raw value, and marks invalid quantities', () => {
    const owner = { resources: { requests: { memory: '1Gi', cpu: 0.5, bad: '1GB', none: null } } };
    const memory = resourceValue(owner, 'requests', 'memory');
    expect(memory?.raw).toBe('1Gi');
    expect(memory?.quantity && compareQuantity(memory.quantity, parseQuantity('1024Mi') ?? memory.quantity)).toBe(0);
    expect(resourceValue(owner, 'requests', 'cpu')?.quantity).toEqual(parseQuantity('500m'));
    expect(resourceValue(owner, 'requests', 'bad')).toEqual({ raw: '1GB', quantity: undefined });
    expect(resourceValue(owner, 'requests', 'none')).toBeUndefined();
    expect(resourceValue(owner, 'limits', 'memory')).toBeUndefined();
    expect(resourceValue(owner, 'requests', 'constructor')).toBeUndefined();
  });
});

describe('hasEffectiveRequest', () => {
  it('counts a request, or a limit that the API server copies into the request', () => {
    expect(hasEffectiveRequest({ resources: { requests: { cpu: '1' } } }, 'cpu')).toBe(true);
    expect(hasEffectiveRequest({ resources: { limits: { cpu: '1' } } }, 'cpu')).toBe(true);
    expect(hasEffectiveRequest({ resources: { limits: { memory: '1Gi' } } }, 'cpu')).toBe(false);
    expect(hasEffectiveRequest({ resources: 'lots' }, 'cpu')).toBe(false);
    expect(hasEffectiveRequest({}, 'cpu')).toBe(false);
  });
});

describe('podLevelCovers', () => {
  it('covers requests by a pod-level request or limit, limits only by a pod-level limit', () => {
    const requestsOnly = template('  resources: {requests: {memory: 1Gi}}\n  containers: [{name: a}]\n');
    expect(podLevelCovers(requestsOnly, 'requests', 'memory')).toBe(true);
    expect(podLevelCovers(requestsOnly, 'limits', 'memory')).toBe(false);
    expect(podLevelCovers(requestsOnly, 'requests', 'cpu')).toBe(false);
    const limitsOnly = template('  resources: {limits: {cpu: "2"}}\n  containers: [{name: a}]\n');
    expect(podLevelCovers(limitsOnly, 'requests', 'cpu')).toBe(true);
    expect(podLevelCovers(limitsOnly, 'limits', 'cpu')).toBe(true);
    expect(podLevelCovers(template('  containers: [{name: a}]\n'), 'requests', 'cpu')).toBe(false);
  });
});

describe('initContainersRaisingRequest', () => {
  const pod = (init: string, app: string, podLevel = ''): PodTemplate =>
    template(`${podLevel}  initContainers:\n    - name: init\n      resources: { requests: { memory: ${init} } }\n  containers:\n    - name: app\n      resources: { requests: { memory: ${app} } }\n`);
  const raises = (template: PodTemplate): string[] => [...initContainersRaisingRequest(template, 'memory')].map((container) => container.name);

  it('compares quantities by value, not by spelling', () => {
    expect(raises(pod('1Gi', '1024Mi'))).toEqual([]);
    expect(raises(pod('1024Mi', '1Gi'))).toEqual([]);
    expect(raises(pod('1.5e9', '1Gi'))).toEqual(['init']);
    expect(raises(pod('1073741825', '1Gi'))).toEqual(['init']);
    expect(raises(pod('1e9', '1Gi'))).toEqual([]);
  });

  it('counts sidecars started before the init container, and nothing under pod-level requests', () => {
    const withSidecar = template(
      '  initContainers:\n    - name: mesh\n      restartPolicy: Always\n      resources: { limits: { memory: 600Mi } }\n    - name: restore\n      resources: { requests: { memory: 600Mi } }\n  containers:\n    - name: db\n      resources: { requests: { memory: 512Mi } }\n',
    );
    expect(raises(withSidecar)).toEqual(['restore']);
    expect(raises(pod('3Gi', '1Gi', '  resources: { requests: { memory: 4Gi } }\n'))).toEqual([]);
  });

  it('makes the limit rule judge a raising init container, and only it', () => {
    const names = (list: 'requests' | 'limits'): string[] => resourceJudgedContainers(pod('2Gi', '1Gi'), 'memory', list).map((container) => container.name);
    expect(names('limits')).toEqual(['init', 'app']);
    expect(names('requests')).toEqual(['app']);
  });
});
