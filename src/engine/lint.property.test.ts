import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { lint, type LintInput } from './lint.js';

/**
 * Whatever the input, lint returns (never throws, never reports an internal error), every
 * finding has a position inside its file, and the result does not depend on the order in
 * which files are given.
 */
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '');
const weird = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0.5, Number.MAX_SAFE_INTEGER, 'NaN', '-1Gi', '1e999', '1.5.5', '', '💥', 'yes', '0x10'),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 5 }),
);
const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, weird, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 3 }),
  map: fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 5 })), tie('node'), { maxKeys: 3 }),
})).node;

/** Objects shaped like the kinds ballast reads, with any field replaced by anything. */
const kinds = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Pod',
  'Job',
  'CronJob',
  'ReplicaSet',
  'ReplicationController',
  'PodTemplate',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'Service',
  'NetworkPolicy',
  'PriorityClass',
  'List',
  'KubeletConfiguration',
  'InitConfiguration',
  'ClusterConfiguration',
  'JoinConfiguration',
];
const container = fc.record(
  {
    name: fc.oneof(fc.string({ maxLength: 4 }), weird),
    image: fc.oneof(fc.constantFrom('nginx', 'nginx:latest', 'r:5000/a', 'a@sha256:abc'), weird),
    resources: fc.oneof(anyValue, fc.record({ requests: anyValue, limits: anyValue })),
    livenessProbe: anyValue,
    readinessProbe: anyValue,
    ports: anyValue,
    restartPolicy: fc.oneof(fc.constant('Always'), weird),
    command: anyValue,
    args: anyValue,
  },
  { requiredKeys: [] },
);
const podSpec = fc.record(
  {
    containers: fc.oneof(fc.array(container, { maxLength: 2 }), anyValue),
    initContainers: fc.oneof(fc.array(container, { maxLength: 2 }), anyValue),
    resources: anyValue,
    tolerations: anyValue,
    affinity: anyValue,
    priorityClassName: weird,
  },
  { requiredKeys: [] },
);
const k8sObject = fc.record(
  {
    apiVersion: fc.oneof(fc.constantFrom('v1', 'apps/v1', 'extensions/v1beta1', 'kubelet.config.k8s.io/v1beta1', 'kubeadm.k8s.io/v1beta3', 'kubeadm.k8s.io/v1beta4'), weird),
    kind: fc.oneof(fc.constantFrom(...kinds), weird),
    metadata: fc.oneof(fc.record({ name: weird, namespace: weird, labels: anyValue, annotations: anyValue }, { requiredKeys: [] }), anyValue),
    spec: fc.oneof(
      fc.record(
        {
          replicas: weird,
          selector: anyValue,
          template: fc.oneof(fc.record({ metadata: anyValue, spec: podSpec }, { requiredKeys: [] }), anyValue),
          jobTemplate: anyValue,
          scaleTargetRef: anyValue,
          minReplicas: weird,
          maxReplicas: weird,
          minAvailable: weird,
          maxUnavailable: weird,
          podSelector: anyValue,
          egress: anyValue,
          policyTypes: anyValue,
          ports: anyValue,
          strategy: anyValue,
        },
        { requiredKeys: [] },
      ),
      podSpec,
      anyValue,
    ),
    items: anyValue,
    evictionHard: anyValue,
    kubeReserved: anyValue,
    nodeRegistration: anyValue,
    etcd: anyValue,
  },
  { requiredKeys: ['kind'] },
);

function check(inputs: LintInput[]): void {
  const result = lint(inputs, { config: { extends: 'all' } });
  expect(result.internalErrors).toEqual([]);
  const lineCounts = new Map(inputs.map((input) => [input.path, 'text' in input ? input.text.split('\n').length : 1]));
  for (const finding of result.findings) {
    expect(finding.start.line).toBeGreaterThanOrEqual(1);
    expect(finding.start.column).toBeGreaterThanOrEqual(1);
    expect(finding.start.line).toBeLessThanOrEqual(lineCounts.get(finding.file) ?? 1);
    expect(finding.end.line).toBeGreaterThanOrEqual(finding.start.line);
    expect(finding.message).not.toMatch(/\{\{\s*\w+\s*\}\}|\[object Object\]/);
  }
  const reversed = lint([...inputs].reverse(), { config: { extends: 'all' } });
  expect(reversed.findings).toEqual(result.findings);
}

describe('lint on arbitrary input', () => {
  it('arbitrary Kubernetes-shaped objects, as YAML files', () => {
    fc.assert(
      fc.property(fc.array(fc.array(k8sObject, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), (files) => {
        check(files.map((docs, index) => ({ path: `f${index}.yaml`, text: docs.map((doc) => stringify(doc, { version: '1.1' })).join('---\n') })));
      }),
      { numRuns: 200 },
    );
  });

  it('the same objects given as already-parsed documents', () => {
    fc.assert(
      fc.property(fc.array(k8sObject, { minLength: 1, maxLength: 4 }), (docs) => {
        const result = lint([{ path: 'objects', documents: docs }], { config: { extends: 'all' } });
        expect(result.internalErrors).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('arbitrary YAML-ish text', () => {
    const yamlish = fc
      .array(
        fc.constantFrom('a:', ' b', '- ', '[', ']', '{', '}', '"', "'", '&x ', '*x', '!!str ', '? ', '---\n', '\n', '  ', '\t', '#', ',', ':', 'kind: Deployment\n', '\uFEFF', '\r\n', '|', '>', '%YAML 1.1\n', '<<: '),
        { maxLength: 40 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(yamlish, { minLength: 1, maxLength: 3 }), (texts) => {
        check(texts.map((text, index) => ({ path: `t${index}.yaml`, text })));
      }),
      { numRuns: 300 },
    );
  });
});
