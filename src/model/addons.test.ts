import { describe, expect, it } from 'vitest';
import { parseText } from '../parse/index.js';
import { criticalAddonOf, quotaAdmitsPriorityClass } from './addons.js';
import { ClusterIndex } from './cluster.js';
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
  const judge = (yaml: string) => {
    const target = object(yaml);
    return criticalAddonOf(target, new ClusterIndex([target]));
  };

  it('recognises well-known add-ons by image wherever they run', () => {
    expect(judge(daemonSet('calico-system', 'quay.io/calico/node:v3.30.2'))).toMatchObject({ role: 'cni' });
    expect(judge(daemonSet('dns', 'registry.k8s.io/coredns/coredns:v1.12.1'))).toMatchObject({ role: 'dns' });
    expect(judge(daemonSet('metallb-system', 'quay.io/metallb/speaker:v0.14.8'))).toMatchObject({ role: 'load-balancer' });
    expect(judge(daemonSet('kube-system', 'docker.io/kindest/kindnetd:v20240813-c6f155d6'))).toMatchObject({ role: 'cni' });
    expect(judge(daemonSet('kube-flannel', 'docker.io/rancher/mirrored-flannelcni-flannel:v0.19.1'))).toMatchObject({ role: 'cni' });
    expect(judge(daemonSet('apps', 'example.com/node:1.0'))).toBeUndefined();
  });

  it('takes neither kube-system, nor the CriticalAddonsOnly toleration, nor the legacy annotation as a role', () => {
    expect(judge(daemonSet('kube-system', 'example.com/agent:1'))).toBeUndefined();
    expect(judge(daemonSet('infra', 'example.com/agent:1', 'tolerations: [{key: CriticalAddonsOnly, operator: Exists}]'))).toBeUndefined();
  });

  it('finds the backend of a metrics APIService through its Service', () => {
    const objects = parseText(
      'a.yaml',
      `apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata: {name: v1beta1.metrics.k8s.io}
spec: {group: metrics.k8s.io, version: v1beta1, service: {name: metrics, namespace: monitoring}}
---
apiVersion: v1
kind: Service
metadata: {name: metrics, namespace: monitoring}
spec: {selector: {app: adapter}, ports: [{port: 443}]}
---
${daemonSet('monitoring', 'example.com/adapter:1').replace(/agent/g, 'adapter')}`,
    ).documents.flatMap(objectsOf);
    const cluster = new ClusterIndex(objects);
    expect(criticalAddonOf(objects[2]!, cluster)).toMatchObject({ role: 'metrics', servedFor: 'APIService "v1beta1.metrics.k8s.io"' });
  });

  it('takes the metrics backend nearest the APIService, and none when unrelated copies leave it open', () => {
    const api = `apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata: {name: v1beta1.metrics.k8s.io}
spec: {group: metrics.k8s.io, version: v1beta1, service: {name: metrics, namespace: monitoring}}
`;
    const backend = `apiVersion: v1
kind: Service
metadata: {name: metrics, namespace: monitoring}
spec: {selector: {app: adapter}, ports: [{port: 443}]}
---
${daemonSet('monitoring', 'example.com/adapter:1').replace(/agent/g, 'adapter')}`;
    const load = (files: Record<string, string>) => Object.entries(files).flatMap(([path, text]) => parseText(path, text).documents.flatMap(objectsOf));
    const adapterIn = (objects: ReturnType<typeof load>, path: string) => objects.find((entry) => entry.kind === 'DaemonSet' && entry.doc.file.path === path)!;
    const beside = load({ 'adapter/api.yaml': api, 'adapter/backend.yaml': backend, 'vendored/backend.yaml': backend });
    expect(criticalAddonOf(adapterIn(beside, 'adapter/backend.yaml'), new ClusterIndex(beside))).toMatchObject({ role: 'metrics' });
    expect(criticalAddonOf(adapterIn(beside, 'vendored/backend.yaml'), new ClusterIndex(beside))).toBeUndefined();
    // Two copies in folders unrelated to the APIService's: the set cannot tell which one serves it.
    const apart = load({ 'api/api.yaml': api, 'copy-a/backend.yaml': backend, 'copy-b/backend.yaml': backend });
    expect(criticalAddonOf(adapterIn(apart, 'copy-a/backend.yaml'), new ClusterIndex(apart))).toBeUndefined();
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
