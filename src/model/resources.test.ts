import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../parse/limits.js';
import { parseYamlFile } from '../parse/yaml.js';
import { objectsOf } from './object.js';
import { compareQuantity, parseQuantity } from './quantity.js';
import { hasEffectiveRequest, podLevelCovers, resourceValue } from './resources.js';
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

