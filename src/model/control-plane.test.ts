import { describe, expect, it } from 'vitest';
import { parseText } from '../parse/index.js';
import { ClusterIndex } from './cluster.js';
import { controlPlaneOf } from './control-plane.js';
import { objectsOf, type K8sObject } from './object.js';
import type { ClusterFacts } from './settings.js';

function objects(files: Record<string, string>): K8sObject[] {
  return Object.entries(files).flatMap(([path, text]) => parseText(path, text).documents.flatMap(objectsOf));
}

const init = (name: string, endpoint?: string): string => `apiVersion: kubeadm.k8s.io/v1beta4
kind: InitConfiguration
nodeRegistration: {name: ${name}}
---
apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
clusterName: ${name}
${endpoint ? `controlPlaneEndpoint: ${endpoint}` : ''}
`;
const join = (name?: string): string => `apiVersion: kubeadm.k8s.io/v1beta4
kind: JoinConfiguration
${name ? `nodeRegistration: {name: ${name}}` : ''}
discovery: {bootstrapToken: {apiServerEndpoint: "lb:6443", token: abcdef.0123456789abcdef, unsafeSkipCAVerification: true}}
controlPlane: {}
`;

describe('controlPlaneOf', () => {
  it('counts Init and named control-plane Joins exactly, and stacked etcd with them', () => {
    const set = objects({ 'c/init.yaml': init('cp-1', 'lb:6443'), 'c/join-2.yaml': join('cp-2'), 'c/join-3.yaml': join('cp-3') });
    const [view] = controlPlaneOf(set, {}).clusters;
    expect(view?.controlPlaneNodes).toMatchObject({ value: 3, exact: true });
    expect(view?.etcd).toMatchObject({ source: 'stacked', value: 3, exact: true });
  });

  it('treats a nameless join template as a lower bound', () => {
    const set = objects({ 'c/init.yaml': init('cp-1', 'lb:6443'), 'c/join.yaml': join() });
    expect(controlPlaneOf(set, {}).clusters[0]?.controlPlaneNodes).toMatchObject({ value: 2, exact: false });
  });

  it('knows an Init without controlPlaneEndpoint and without joins is the only control plane', () => {
    expect(controlPlaneOf(objects({ 'a.yaml': init('cp-1') }), {}).clusters[0]?.controlPlaneNodes).toMatchObject({ value: 1, exact: true });
    expect(controlPlaneOf(objects({ 'a.yaml': init('cp-1', 'lb') }), {}).clusters[0]?.controlPlaneNodes).toMatchObject({ value: 1, exact: false });
  });

  it('lets the declared count win', () => {
    const facts: ClusterFacts = { controlPlaneNodes: 5 };
    expect(controlPlaneOf(objects({ 'a.yaml': init('cp-1') }), facts).clusters[0]?.controlPlaneNodes).toMatchObject({ value: 5, exact: true });
  });

  it('splits a set with several clusters by directory, then by file', () => {
    const set = objects({
      'prod/init.yaml': init('prod-1', 'lb:6443'),
      'prod/join.yaml': join('prod-2'),
      'lab/a.yaml': init('lab-a'),
      'lab/b.yaml': init('lab-b'),
    });
    const picture = controlPlaneOf(set, {});
    expect(picture.perFile).toBe(true);
    expect(picture.clusters.map((view) => view.controlPlaneNodes?.value)).toEqual([2, 1, 1]);
  });

  it('reads etcd membership from external endpoints and from --initial-cluster', () => {
    const external = objects({
      'a.yaml': `apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
etcd: {external: {endpoints: ["https://e1:2379", "https://e2:2379", "https://e2:2379"], caFile: a, certFile: b, keyFile: c}}
`,
    });
    expect(controlPlaneOf(external, {}).clusters[0]?.etcd).toMatchObject({ source: 'external', value: 2, exact: true });
    const pod = (name: string, cluster: string, state: string): string => `apiVersion: v1
kind: Pod
metadata: {name: etcd-${name}, labels: {component: etcd}}
spec:
  containers:
    - name: etcd
      image: registry.k8s.io/etcd:3.6.4-0
      command: [etcd, --initial-cluster, "${cluster}", --initial-cluster-state=${state}]
`;
    const joining = objects({
      'a.yaml': pod('a', 'a=https://a:2380', 'new'),
      'b.yaml': pod('b', 'a=https://a:2380,b=https://b:2380', 'existing'),
      'c.yaml': pod('c', 'a=https://a:2380,b=https://b:2380,c=https://c:2380', 'existing'),
    });
    expect(controlPlaneOf(joining, {}).clusters[0]?.etcd).toMatchObject({ source: 'initial-cluster', value: 3, exact: false });
  });

  it('takes leader election from flags, extraArgs in both forms and the scheduler config', () => {
    const set = objects({
      'a.yaml': `apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
controllerManager: {extraArgs: {leader-elect: "false"}}
---
apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
leaderElection: {leaderElect: false}
`,
    });
    const elections = controlPlaneOf(set, {}).clusters[0]?.leaderElection ?? [];
    expect(elections.map((entry) => [entry.component, entry.enabled, entry.origin])).toEqual([
      ['kube-controller-manager', false, 'flag'],
      ['kube-scheduler', false, 'config'],
    ]);
  });

  it("is built once per run, as a lazy member of the cluster index, with the config's facts", () => {
    const facts = { controlPlaneNodes: 5 };
    const index = new ClusterIndex(objects({ 'a.yaml': init('cp-1') }), facts);
    expect(index.controlPlane).toBe(index.controlPlane);
    expect(index.controlPlane).toEqual(controlPlaneOf(index.objects, facts));
    expect(index.controlPlane.clusters[0]?.controlPlaneNodes).toMatchObject({ value: 5, exact: true });
  });

  it('survives documents of the wrong shape', () => {
    const set = objects({
      'a.yaml': `apiVersion: kubeadm.k8s.io/v1beta4
kind: JoinConfiguration
controlPlane: {localAPIEndpoint: [1, 2]}
nodeRegistration: "cp"
---
apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
etcd: {external: {endpoints: {a: 1}}}
apiServer: {extraArgs: [{name: 1}, null, "x"]}
---
apiVersion: v1
kind: Pod
metadata: {labels: {component: kube-apiserver}}
spec: {containers: [{name: x, command: [1, null, "--etcd-servers"]}]}
`,
    });
    expect(() => controlPlaneOf(set, {})).not.toThrow();
  });
});
