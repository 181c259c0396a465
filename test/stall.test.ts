import { describe, expect, it, vi } from 'vitest';
import { lint } from '../src/index.js';
import { ClusterIndex, lowestMinReplicas } from '../src/model/cluster.js';
import { parseText } from '../src/parse/index.js';
import type { K8sObject } from '../src/model/object.js';
import { formatJunit } from '../src/format/junit.js';
import { DEFAULT_LIMITS } from '../src/parse/limits.js';
import { scanYaml } from '../src/parse/scan-yaml.js';
import { withLineFeeds } from '../src/parse/yaml.js';
import type { Finding } from '../src/types.js';

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
    const policy = (index: number): string => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p${index}}\nspec: {podSelector: {}, policyTypes: [Egress], egress: [{ports: [{port: 80}]}]}\n`;
    const documents = [...Array.from({ length: 500 }, (_, index) => workload(`d${index}`)), ...Array.from({ length: 500 }, (_, index) => policy(index))];
    const { value, ms } = timed(() => lint([{ path: 'k8s/policies.yaml', text: documents.join('---\n') }]));
    const blocked = value.findings.filter((finding) => finding.ruleId === 'network-policy-blocks-dns');
    expect(blocked).toHaveLength(500);
    // Ten workloads are named, the rest counted: a thousand names per finding made the report quadratic.
    expect(blocked[0]?.message).toContain('and 490 more');
    expect(ms).toBeLessThan(WALL_BOUND_MS);
  });

  it('2,000 egress policies selecting the same 2,000 workloads hand out selections in proportion to the objects, not their product', () => {
    // network-policy-blocks-dns took each policy's selection and each pod's policies: 4 million entries here (4.6 s, fourfold per doubling).
    const policy = (index: number): string =>
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p${index}}\nspec: {podSelector: {matchLabels: {a: b}}, policyTypes: [Egress], egress: [{ports: [{port: 80}]}]}\n`;
    const documents = [...Array.from({ length: 2_000 }, (_, index) => workload(`d${index}`)), ...Array.from({ length: 2_000 }, (_, index) => policy(index))];
    let handedOut = 0;
    const original = Object.getOwnPropertyDescriptor(ClusterIndex.prototype, 'selectedBy')?.value as (this: ClusterIndex, object: K8sObject) => ReturnType<ClusterIndex['selectedBy']>;
    const selectedBy = vi.spyOn(ClusterIndex.prototype, 'selectedBy').mockImplementation(function (this: ClusterIndex, object: K8sObject) {
      const selected = original.call(this, object);
      handedOut += selected?.length ?? 0;
      return selected;
    });
    try {
      const value = lint([{ path: 'k8s/policies.yaml', text: documents.join('---\n') }], { only: ['network-policy-blocks-dns'] });
      expect(value.findings).toHaveLength(2_000);
      expect(handedOut).toBeLessThanOrEqual(2 * (2_000 + 2_000));
    } finally {
      selectedBy.mockRestore();
    }
  });

  it('the lowest minReplicas of 200,000 HPAs (Math.min(...list) overflowed the stack: exit 2)', () => {
    const hpas = Array.from({ length: 200_000 }, (_, index) => ({ value: { spec: { minReplicas: index === 123_456 ? 1 : 3 } } }) as unknown as K8sObject);
    expect(lowestMinReplicas(hpas)).toBe(1);
  });
});

describe('reading and locating stay linear', () => {
  it('blank lines before an unused suppression comment, or before a stray BOM (an exponential regex hung on 140 bytes)', () => {
    const { value, ms } = timed(() =>
      lint([
        { path: 'comment.yaml', text: `${'\n'.repeat(40)}# ballast-ignore-next-line replicas-min\n` },
        { path: 'bom.yaml', text: `${'\n'.repeat(40)}\uFEFFa: 1\n` },
      ]),
    );
    expect(value.findings.map((finding) => `${finding.file}:${finding.ruleId}:${finding.start.line}`).sort()).toEqual(['bom.yaml:parse-error:41', 'comment.yaml:unused-suppression:41']);
    expect(ms).toBeLessThan(WALL_BOUND_MS);
  });

  it('200 KB of blank lines on standard input before a kubelet variable (flag-file detection was quadratic: 39 s)', () => {
    const { value, ms } = timed(() => lint([{ path: '-', text: `${'\n'.repeat(200_000)}KUBELET_EXTRA_ARGS=--fail-swap-on=false --eviction-hard=bogus\n` }]));
    expect(value.internalErrors).toEqual([]);
    expect(ms).toBeLessThan(WALL_BOUND_MS);
  });

  it('--eviction-soft with 10,000 thresholds (each re-split the flag: minutes)', () => {
    const thresholds = Array.from({ length: 10_000 }, (_, index) => `memory.available<${index + 1}Mi`).join(',');
    const { value, ms } = timed(() => lint([{ path: 'node/kubeadm-flags.env', text: `KUBELET_KUBEADM_ARGS="--eviction-soft=${thresholds}"\n` }]));
    const missing = value.findings.filter((finding) => finding.ruleId === 'eviction-threshold-invalid');
    expect(missing).toHaveLength(10_000);
    // Each points at its own pair inside the flag's value.
    expect(new Set(missing.map((finding) => finding.start.column)).size).toBe(10_000);
    expect(ms).toBeLessThan(WALL_BOUND_MS);
  });

  it('20,000 suppression comments beside 20,000 findings (each finding was matched against every comment)', () => {
    const fields = Array.from({ length: 20_000 }, (_, index) => `# ballast-ignore-next-line replicas-min\nunknownField${index}: 1\n`).join('');
    const text = `apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n${fields}`;
    const { value, ms } = timed(() => lint([{ path: 'kubelet.yaml', text }]));
    expect(value.findings.filter((finding) => finding.ruleId === 'unknown-field')).toHaveLength(20_000);
    expect(value.findings.filter((finding) => finding.ruleId === 'unused-suppression')).toHaveLength(20_000);
    expect(ms).toBeLessThan(WALL_BOUND_MS);
  });

  it('unknown fields with very long names (the did-you-mean edit distance was unbounded: minutes)', () => {
    const fields = Array.from({ length: 100 }, (_, index) => `? ${'evictionHard'.repeat(300)}${index}\n: 1\n`).join('');
    const text = `apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n${fields}evictionHrad: {}\n`;
    const { value, ms } = timed(() => lint([{ path: 'kubelet.yaml', text }]));
    const unknown = value.findings.filter((finding) => finding.ruleId === 'unknown-field');
    expect(unknown).toHaveLength(101);
    expect(unknown.filter((finding) => finding.message.includes('did you mean `evictionHard`'))).toHaveLength(1);
    expect(ms).toBeLessThan(WALL_BOUND_MS);
  });

  it('locating the last of 100,000 List items costs no more than the first (it walked past every item before it)', () => {
    const items = Array.from({ length: 100_000 }, (_, index) => `- {kind: ConfigMap, metadata: {name: c${index}}}\n`).join('');
    const parsed = parseText('list.yaml', `apiVersion: v1\nkind: List\nitems:\n${items}`);
    const document = parsed.documents[0];
    if (!document) throw new Error('no document');
    const { value, ms } = timed(() => Array.from({ length: 100_000 }, (_, index) => document.locate(['items', index, 'metadata', 'name'])));
    expect(parsed.file.lines.position(value[99_999]?.[0] ?? 0).line).toBe(100_003);
    expect(ms).toBeLessThan(WALL_BOUND_MS);
  });
});

describe('writing and parsing edge cases stay linear', () => {
  it('a trailing --- stays on the fast scanner (it sent the file to the full parser, 6× slower)', () => {
    const documents = Array.from({ length: 2_000 }, (_, index) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${index}\n`).join('---\n');
    for (const ending of ['---\n', '---', '--- \n', '---\n\n']) expect(scanYaml(withLineFeeds(`${documents}${ending}`), DEFAULT_LIMITS), JSON.stringify(ending)).toBeDefined();
    expect(parseText('many.yaml', `${documents}---\n`).documentCount).toBe(2_001);
  });

  it('one JUnit test case holding 100,000 findings (the list was copied per finding: 2.8 MB took 21 s)', () => {
    const finding = (index: number): Finding => ({
      ruleId: 'unknown-field',
      messageId: 'unknown',
      severity: 'warning',
      message: `unknown field f${index}`,
      file: 'kubelet.yaml',
      start: { line: index + 3, column: 1 },
      end: { line: index + 3, column: 5 },
      document: 0,
      object: { kind: 'KubeletConfiguration' },
    });
    const findings = Array.from({ length: 100_000 }, (_, index) => finding(index));
    const result = { findings, summary: { files: 1, documents: 1, errors: 0, warnings: findings.length, infos: 0, suppressed: 0 }, internalErrors: [] };
    const { value, ms } = timed(() => formatJunit(result));
    expect(value.match(/<testcase /g)).toHaveLength(1);
    expect(value).toContain('100000 findings; the most severe: unknown field f0');
    expect(ms).toBeLessThan(WALL_BOUND_MS);
  });
});
