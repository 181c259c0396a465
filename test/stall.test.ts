import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { lowestMinReplicas } from '../src/model/cluster.js';
import type { K8sObject } from '../src/model/object.js';

/**
 * Inputs a pull request can send that stalled or crashed a run (issue 18). Each is sized so that
 * the code before the fix took tens of seconds; the bound is generous (shared, noisy machines) and
 * still far below that.
 */
const WALL_BOUND_MS = 10_000;

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

const workload = (name: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec: {replicas: 2, selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: x}]}}}\n`;

describe('cross-document rules stay near-linear', () => {
  it('20,000 same-named HPAs whose target is missing (hpa-target-missing was quadratic: 19 s)', () => {
    const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, minReplicas: 2, maxReplicas: 3}\n';
    const text = [workload('other'), ...Array<string>(20_000).fill(hpa)].join('---\n');
    const { value, ms } = timed(() => lint([{ path: 'k8s/hpas.yaml', text }]));
    expect(value.internalErrors).toEqual([]);
    expect(value.findings.filter((finding) => finding.ruleId === 'hpa-target-missing')).toHaveLength(20_000);
    expect(ms).toBeLessThan(WALL_BOUND_MS);
  });

  it('500 egress policies selecting the same 500 workloads (network-policy-blocks-dns was cubic: 39 s)', () => {
    const policy = (index: number): string =>
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p${index}}\nspec: {podSelector: {}, policyTypes: [Egress], egress: [{ports: [{port: 80}]}]}\n`;
    const documents = [...Array.from({ length: 500 }, (_, index) => workload(`d${index}`)), ...Array.from({ length: 500 }, (_, index) => policy(index))];
    const { value, ms } = timed(() => lint([{ path: 'k8s/policies.yaml', text: documents.join('---\n') }]));
    const blocked = value.findings.filter((finding) => finding.ruleId === 'network-policy-blocks-dns');
    expect(blocked).toHaveLength(500);
    // Ten workloads are named, the rest counted: a thousand names per finding made the report quadratic.
    expect(blocked[0]?.message).toContain('and 490 more');
    expect(ms).toBeLessThan(WALL_BOUND_MS);
  });

  it('the lowest minReplicas of 200,000 HPAs (Math.min(...list) overflowed the stack: exit 2)', () => {
    const hpas = Array.from({ length: 200_000 }, (_, index) => ({ value: { spec: { minReplicas: index === 123_456 ? 1 : 3 } } }) as unknown as K8sObject);
    expect(lowestMinReplicas(hpas)).toBe(1);
  });
});
