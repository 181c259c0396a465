import { describe, expect, it } from 'vitest';
import { podRequests, type PodResourceList } from './pod-requests.js';
import { formatQuantity } from './quantity.js';

function shown(list: PodResourceList): Record<string, string> {
  const out: Record<string, string> = {};
  if (list.cpu) out['cpu'] = formatQuantity(list.cpu, 'cpu');
  if (list.memory) out['memory'] = formatQuantity(list.memory, 'memory');
  return out;
}

function container(name: string, requests?: Record<string, string>, limits?: Record<string, string>, restartPolicy?: string): Record<string, unknown> {
  return { name, resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) }, ...(restartPolicy ? { restartPolicy } : {}) };
}

// Cases follow TestPodRequestsAndLimits / TestPodResourceRequests in
// staging/src/k8s.io/component-helpers/resource/helpers_test.go.
describe('podRequests', () => {
  it('sums app containers', () => {
    const spec = { containers: [container('a', { cpu: '1', memory: '1Gi' }), container('b', { cpu: '500m', memory: '512Mi' })] };
    expect(shown(podRequests(spec))).toEqual({ cpu: '1.5', memory: '1.5Gi' });
  });

  it('defaults a missing request from the limit', () => {
    expect(shown(podRequests({ containers: [container('a', undefined, { cpu: '2', memory: '1Gi' })] }))).toEqual({ cpu: '2', memory: '1Gi' });
  });

  it('takes the larger of the biggest init container and the app containers', () => {
    const spec = {
      initContainers: [container('init-1', { cpu: '2', memory: '256Mi' }), container('init-2', { cpu: '1', memory: '2Gi' })],
      containers: [container('app', { cpu: '1', memory: '1Gi' })],
    };
    expect(shown(podRequests(spec))).toEqual({ cpu: '2', memory: '2Gi' });
  });

  it('adds restartable init containers (sidecars) and counts them under later init containers', () => {
    // "restartable init containers with init container": sidecar 1 cpu, then init 2 cpu runs beside it.
    const spec = {
      initContainers: [container('sidecar', { cpu: '1' }, undefined, 'Always'), container('init', { cpu: '2' })],
      containers: [container('app', { cpu: '1' })],
    };
    expect(shown(podRequests(spec))).toEqual({ cpu: '3' });
  });

  it('does not count a sidecar under init containers that run before it', () => {
    const spec = {
      initContainers: [container('init', { cpu: '3' }), container('sidecar', { cpu: '1' }, undefined, 'Always')],
      containers: [container('app', { cpu: '1' })],
    };
    expect(shown(podRequests(spec))).toEqual({ cpu: '3' });
  });

  it('counts the sidecars started so far as an init container peak', () => {
    // Two sidecars (1 + 2) are a 3-cpu peak even with a small app.
    const spec = {
      initContainers: [container('s1', { cpu: '1' }, undefined, 'Always'), container('s2', { cpu: '2' }, undefined, 'Always'), container('late', { cpu: '500m' })],
      containers: [container('app', { cpu: '100m' })],
    };
    expect(shown(podRequests(spec))).toEqual({ cpu: '3.5' });
  });

  it('adds pod overhead', () => {
    const spec = { overhead: { cpu: '250m', memory: '120Mi' }, containers: [container('a', { cpu: '1', memory: '1Gi' })] };
    expect(shown(podRequests(spec))).toEqual({ cpu: '1.25', memory: '1144Mi' });
  });

  it('uses pod-level requests where set, plus overhead', () => {
    const spec = {
      resources: { requests: { cpu: '4' } },
      overhead: { cpu: '100m' },
      containers: [container('a', { cpu: '1', memory: '1Gi' })],
    };
    expect(shown(podRequests(spec))).toEqual({ cpu: '4.1', memory: '1Gi' });
    expect(shown(podRequests(spec, { podLevelResources: false }))).toEqual({ cpu: '1.1', memory: '1Gi' });
  });

  it('defaults pod-level requests from pod-level limits only when no container asks', () => {
    const spec = { resources: { limits: { cpu: '2', memory: '4Gi' } }, containers: [container('a', { cpu: '500m' })] };
    expect(shown(podRequests(spec))).toEqual({ cpu: '500m', memory: '4Gi' });
  });

  it('rounds up to whole millis as the API server stores them', () => {
    expect(shown(podRequests({ containers: [container('a', { cpu: '0.0001' })] }))).toEqual({ cpu: '1m' });
  });

  it('never throws on malformed input', () => {
    for (const spec of [null, 'x', { containers: 'x' }, { containers: [null, 1, { resources: 'x' }] }, { initContainers: [{ restartPolicy: 'Always', resources: { requests: { cpu: 'lots' } } }] }]) {
      expect(() => podRequests(spec)).not.toThrow();
    }
  });
});
