import { describe, expect, it } from 'vitest';
import { nodeAllocatables, recommendedReservation } from './allocatable.js';
import { formatQuantity, parseQuantity } from './quantity.js';

describe('nodeAllocatables', () => {
  // https://kubernetes.io/docs/tasks/administer-cluster/reserve-compute-resources/#example-scenario
  it('computes the documentation example exactly', () => {
    const [node] = nodeAllocatables(
      {
        kubernetesVersion: '1.34',
        cluster: {
          nodes: [
            {
              name: 'docs',
              capacity: { cpu: '16', memory: '32Gi', 'ephemeral-storage': '100Gi' },
              kubeReserved: { cpu: '1', memory: '2Gi', 'ephemeral-storage': '1Gi' },
              systemReserved: { cpu: '500m', memory: '1Gi', 'ephemeral-storage': '1Gi' },
              evictionHard: { 'memory.available': '500Mi', 'nodefs.available': '10%' },
            },
          ],
        },
      },
      [],
    );
    expect(node).toBeDefined();
    expect(formatQuantity(node!.allocatable.cpu!, 'cpu')).toBe('14.5');
    // The page says "28.5Gi", rounding the 500Mi threshold to 0.5Gi; exactly it is
    // 32Gi − 2Gi − 1Gi − 500Mi = 29196Mi (28.51Gi).
    expect(formatQuantity(node!.allocatable.memory!, 'memory')).toBe('29196Mi');
    expect(formatQuantity(node!.allocatable['ephemeral-storage']!, 'memory')).toBe('88Gi');
  });
});

describe('recommendedReservation', () => {
  it('follows the tiers for a 32Gi / 16 CPU node', () => {
    // memory: 1Gi + 0.8Gi + 0.8Gi + 6% of 16Gi (0.96Gi) = 3.56Gi; cpu: 60m + 10m + 10m + 0.25% of 12 (30m) = 110m
    expect(formatQuantity(recommendedReservation('memory', parseQuantity('32Gi')!), 'memory')).toBe('3646Mi');
    expect(formatQuantity(recommendedReservation('cpu', parseQuantity('16')!), 'cpu')).toBe('110m');
    expect(formatQuantity(recommendedReservation('cpu', parseQuantity('500m')!), 'cpu')).toBe('30m');
  });
});
