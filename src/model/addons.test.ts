import { describe, expect, it } from 'vitest';
import { parseText } from '../parse/index.js';
import { criticalAddonOf, quotaAdmitsPriorityClass } from './addons.js';
import { objectsOf } from './object.js';
import { staticPodComponent } from './static-pods.js';

function object(yaml: string) {
  const [first] = parseText('a.yaml', yaml).documents.flatMap(objectsOf);
  return first!;
}

const daemonSet = (namespace: string, image: string, extra = ''): string => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: ${namespace}}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      ${extra}
      containers: [{name: agent, image: "${image}"}]
`;

describe('criticalAddonOf', () => {
  it('recognises well-known add-ons by image wherever they run', () => {
    expect(criticalAddonOf(object(daemonSet('calico-system', 'quay.io/calico/node:v3.30.2')))).toMatchObject({ reason: 'well-known', role: 'cni' });
    expect(criticalAddonOf(object(daemonSet('dns', 'registry.k8s.io/coredns/coredns:v1.12.1')))).toMatchObject({ role: 'dns' });
    expect(criticalAddonOf(object(daemonSet('apps', 'example.com/node:1.0')))).toBeUndefined();
  });

  it('takes kube-system, the CriticalAddonsOnly toleration and the legacy annotation as marks', () => {
    expect(criticalAddonOf(object(daemonSet('kube-system', 'example.com/agent:1')))?.reason).toBe('kube-system');
    expect(criticalAddonOf(object(daemonSet('infra', 'example.com/agent:1', 'tolerations: [{key: CriticalAddonsOnly, operator: Exists}]')))?.reason).toBe('toleration');
  });
});

describe('staticPodComponent', () => {
  const pod = (labels: string, command: string, args = '[]'): string => `apiVersion: v1
kind: Pod
metadata: {name: p, labels: ${labels}}
spec: {containers: [{name: c, image: x, command: ${command}, args: ${args}}]}
`;
  it('recognises components by label, by binary behind a wrapper and by hyperkube', () => {
    expect(staticPodComponent(object(pod('{component: etcd}', '[etcd]')))?.component).toBe('etcd');
    expect(staticPodComponent(object(pod('{}', '[/go-runner]', '[--also-stdout, /usr/local/bin/kube-apiserver, --v=2]')))?.component).toBe('kube-apiserver');
    expect(staticPodComponent(object(pod('{}', '[/hyperkube, kube-scheduler, --leader-elect=true]')))?.component).toBe('kube-scheduler');
    expect(staticPodComponent(object(pod('{}', '[viewer, --lease-name, kube-scheduler]')))).toBeUndefined();
    expect(staticPodComponent(object(pod('{tier: control-plane}', '[/bin/sh]')))).toBeUndefined();
  });
});

describe('quotaAdmitsPriorityClass', () => {
  const quota = (expression: string) =>
    object(`apiVersion: v1
kind: ResourceQuota
metadata: {name: q, namespace: n}
spec: {scopeSelector: {matchExpressions: [${expression}]}}
`);
  it('matches In and Exists on the PriorityClass scope only', () => {
    expect(quotaAdmitsPriorityClass(quota('{scopeName: PriorityClass, operator: In, values: [system-node-critical]}'), 'system-node-critical')).toBe(true);
    expect(quotaAdmitsPriorityClass(quota('{scopeName: PriorityClass, operator: In, values: [system-node-critical]}'), 'system-cluster-critical')).toBe(false);
    expect(quotaAdmitsPriorityClass(quota('{scopeName: PriorityClass, operator: Exists}'), 'system-cluster-critical')).toBe(true);
    expect(quotaAdmitsPriorityClass(quota('{scopeName: Terminating, operator: Exists}'), 'system-cluster-critical')).toBe(false);
  });
});
