import { describe, expect, it } from 'vitest';
import { isIdleContainer } from './idle.js';
import type { ContainerRef } from './workload.js';

function container(value: Record<string, unknown>): ContainerRef {
  return { value, name: 'c', role: 'app', path: [] };
}

describe('isIdleContainer', () => {
  it.each([
    [{ image: 'registry.k8s.io/pause:3.10' }],
    [{ image: 'k8s.gcr.io/pause-amd64:3.1' }],
    [{ image: 'kubernetes/pause' }],
    [{ image: 'rancher/mirrored-pause:3.6' }],
    [{ image: 'busybox', command: ['sleep', 'infinity'] }],
    [{ image: 'busybox', command: ['/bin/sleep'], args: ['3600'] }],
    [{ image: 'busybox', command: ['sh', '-c', 'exec sleep inf'] }],
    [{ image: 'busybox', command: ['/bin/bash', '-c', '  tail -f  /dev/null '] }],
    [{ image: 'busybox', args: ['sh', '-c', 'while true; do sleep 30; done'] }],
  ])('%j only waits', (value) => {
    expect(isIdleContainer(container(value))).toBe(true);
  });

  it.each([
    [{ image: 'registry.example.com/app:1.0' }],
    [{ image: 'registry.example.com/pause-service:1.0' }],
    [{ image: 'registry.k8s.io/pause:3.10', command: ['/app/server'] }],
    [{ image: 'busybox', command: ['sh', '-c', 'sleep 5 && exec /app/server'] }],
    [{ image: 'busybox', command: ['sh', '-c', 'sleep infinity', 'extra'] }],
    [{ image: 'busybox', command: ['tail', '-f', '/var/log/app.log'] }],
    [{ image: 'busybox', command: 'sleep infinity' }],
    [{ image: 'busybox', command: ['sleep', { infinity: true }] }],
    [{ image: 'busybox', args: [Object.create(null)] }],
  ])('%j does work', (value) => {
    expect(isIdleContainer(container(value))).toBe(false);
  });
});
