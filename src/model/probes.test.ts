import { describe, expect, it } from 'vitest';
import type { PlainMap } from './access.js';
import { canonicalProbe, firstFailureWindow, handlersOf, isValidPortName, namedPortsOf, probesOf, probeTiming } from './probes.js';
import type { ContainerRef } from './workload.js';

function container(value: PlainMap): ContainerRef {
  return { value, name: 'app', role: 'app', path: ['spec', 'containers', 0] };
}

describe('probeTiming', () => {
  it('applies SetDefaults_Probe to omitted and zero fields', () => {
    expect(probeTiming({})).toEqual({ initialDelaySeconds: 0, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(probeTiming({ periodSeconds: 0, failureThreshold: 0 })).toMatchObject({ periodSeconds: 10, failureThreshold: 3 });
  });
  it('keeps negatives and ignores wrong types', () => {
    expect(probeTiming({ periodSeconds: -1, timeoutSeconds: '5' })).toMatchObject({ periodSeconds: -1, timeoutSeconds: 1 });
  });
  it('computes the first-failure window', () => {
    expect(firstFailureWindow(probeTiming({}))).toBe(30);
    expect(firstFailureWindow(probeTiming({ initialDelaySeconds: 5, periodSeconds: 2, failureThreshold: 2 }))).toBe(9);
  });
});

describe('handlers and ports', () => {
  it('counts handlers that are maps', () => {
    expect(handlersOf({ httpGet: { port: 80 }, exec: null })).toEqual(['httpGet']);
    expect(handlersOf({ httpGet: { port: 80 }, tcpSocket: { port: 80 } })).toEqual(['httpGet', 'tcpSocket']);
  });
  it('validates port names like IsValidPortName', () => {
    expect(isValidPortName('http')).toBe(true);
    expect(isValidPortName('http-metrics')).toBe(true);
    expect(isValidPortName('8080')).toBe(false);
    expect(isValidPortName('HTTP')).toBe(false);
    expect(isValidPortName('a--b')).toBe(false);
    expect(isValidPortName('a-very-long-port-name')).toBe(false);
  });
  it('lists named ports, first declaration wins', () => {
    const ports = namedPortsOf(container({ ports: [{ name: 'http', containerPort: 8080 }, { containerPort: 9090 }, { name: 'http', containerPort: 1 }] }));
    expect([...ports.keys()]).toEqual(['http']);
    expect(ports.get('http')).toEqual({ containerPort: 8080, path: ['spec', 'containers', 0, 'ports', 0] });
  });
  it('finds the probes a container declares', () => {
    expect(probesOf(container({ livenessProbe: { exec: { command: ['true'] } }, readinessProbe: null })).map((probe) => probe.kind)).toEqual(['livenessProbe']);
  });
});

describe('canonicalProbe', () => {
  const app = container({ ports: [{ name: 'http', containerPort: 8080 }] });
  it('equates explicit defaults with omitted ones', () => {
    expect(canonicalProbe({ httpGet: { port: 8080 } }, app)).toBe(canonicalProbe({ httpGet: { path: '/', port: 8080, scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 }, app));
  });
  it('resolves named ports', () => {
    expect(canonicalProbe({ tcpSocket: { port: 'http' } }, app)).toBe(canonicalProbe({ tcpSocket: { port: 8080 } }, app));
  });
  it('tells different thresholds and paths apart', () => {
    expect(canonicalProbe({ httpGet: { port: 8080 } }, app)).not.toBe(canonicalProbe({ httpGet: { port: 8080 }, failureThreshold: 6 }, app));
    expect(canonicalProbe({ httpGet: { path: '/live', port: 8080 } }, app)).not.toBe(canonicalProbe({ httpGet: { path: '/ready', port: 8080 } }, app));
  });
});
