/**
 * One picture of the control plane, derived once per run from every kubeadm config, static pod
 * and component config in the set plus the declared `cluster.controlPlaneNodes`. Every fact keeps
 * the location it came from, so findings can name their evidence in other files.
 *
 * A set holds one cluster unless it carries several InitConfigurations or ClusterConfigurations
 * (each `kubeadm init` starts its own cluster); then facts are combined only within a directory,
 * or within a file where a directory still holds several clusters.
 */
import type { ClusterFacts } from './settings.js';
import { asBoolean, asString } from './access.js';
import { countControlPlaneNodes, countEtcdMembers, label, type ComponentFlags, type Count, type EtcdMembers, type Evidence } from './control-plane-counts.js';
import { flagBoolean, lastFlag, type Flag } from './flags.js';
import { componentExtraArgs, endpointHost, isControlPlaneJoin, isControlPlaneNodeConfig, isKubeadm, localAPIEndpointPath, localEtcdExtraArgs } from './kubeadm.js';
import type { K8sObject, Location } from './object.js';
import { byFolderTree } from './scope.js';
import { staticPodComponent } from './static-pods.js';

export type { ComponentFlags, Count, EtcdMembers, EtcdSource, Evidence } from './control-plane-counts.js';
export { relatedEvidence } from './control-plane-counts.js';

export interface LeaderElection {
  component: 'kube-controller-manager' | 'kube-scheduler';
  object: K8sObject;
  enabled: boolean;
  at: Location;
  origin: 'flag' | 'config';
}

export interface AddressFact {
  host: string;
  at: Location;
  what: string;
}

export interface ClusterView {
  objects: readonly K8sObject[];
  controlPlaneNodes: Count | undefined;
  etcd: EtcdMembers | undefined;
  /** Evidence of nodes other than the control planes (worker JoinConfigurations, declared node groups). */
  workers: Evidence[];
  declaredWorkers: boolean;
  components: ComponentFlags[];
  leaderElection: LeaderElection[];
  /** Addresses and names of control-plane nodes, to compare with `controlPlaneEndpoint`. */
  nodeAddresses: AddressFact[];
}

export interface ControlPlanePicture {
  clusters: ClusterView[];
  /** The set holds several clusters; views are per directory or per file. */
  perFile: boolean;
}

/** The control-plane picture of a set of objects; rules read it, built once, as `context.cluster.controlPlane`. */
export function controlPlaneOf(objects: readonly K8sObject[], facts: Readonly<ClusterFacts>): ControlPlanePicture {
  const relevant = objects.filter(isControlPlaneInput);
  // Configs in unrelated folders are not one cluster (scope.ts): each folder tree is judged on its
  // own. Clusters usually live in folders of their own; a tree that still holds several is split
  // by folder, and a folder that still holds several by file.
  const groups = byFolderTree(relevant).flatMap((tree) =>
    !severalClusters(tree)
      ? [tree]
      : [...groupBy(tree, (object) => directoryOf(object.doc.file.path)).values()].flatMap((group) => (severalClusters(group) ? [...groupBy(group, (object) => object.doc.file.path).values()] : [group])),
  );
  const perFile = groups.length > 1;
  return { clusters: groups.map((list) => buildView(list, facts)), perFile };
}

/** Each `kubeadm init` starts a cluster, and a cluster has one ClusterConfiguration. */
function severalClusters(objects: readonly K8sObject[]): boolean {
  const inits = objects.filter((object) => isKubeadm(object, 'InitConfiguration')).length;
  const clusterConfigs = new Set(objects.filter((object) => isKubeadm(object, 'ClusterConfiguration')).map((object) => JSON.stringify(object.value)));
  return inits > 1 || clusterConfigs.size > 1;
}

function groupBy(objects: readonly K8sObject[], key: (object: K8sObject) => string): Map<string, K8sObject[]> {
  const groups = new Map<string, K8sObject[]>();
  for (const object of objects) {
    const name = key(object);
    const list = groups.get(name) ?? [];
    list.push(object);
    groups.set(name, list);
  }
  return groups;
}

function directoryOf(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash === -1 ? '' : path.slice(0, slash);
}

function isControlPlaneInput(object: K8sObject): boolean {
  return isKubeadm(object) || staticPodComponent(object) !== undefined || object.kind === 'KubeSchedulerConfiguration';
}

function buildView(objects: readonly K8sObject[], facts: ClusterFacts): ClusterView {
  const components = componentFlags(objects);
  const controlPlaneNodes = countControlPlaneNodes(objects, components, facts);
  const workers = objects.filter((object) => isKubeadm(object, 'JoinConfiguration') && !isControlPlaneJoin(object)).map((object) => ({ at: object.at('kind'), message: `worker JoinConfiguration${label(object)}` }));
  return {
    objects,
    controlPlaneNodes,
    etcd: countEtcdMembers(objects, components, controlPlaneNodes),
    workers,
    declaredWorkers: (facts.nodes ?? []).some((group) => (group.count ?? 1) > 0),
    components,
    leaderElection: leaderElection(objects, components),
    nodeAddresses: nodeAddresses(objects, components),
  };
}

function componentFlags(objects: readonly K8sObject[]): ComponentFlags[] {
  const result: ComponentFlags[] = [];
  for (const object of objects) {
    const pod = staticPodComponent(object);
    if (pod) result.push({ component: pod.component, object, flags: pod.flags, origin: 'static-pod' });
    if (!isKubeadm(object, 'ClusterConfiguration')) continue;
    result.push({ component: 'kube-apiserver', object, flags: componentExtraArgs(object, 'apiServer'), origin: 'kubeadm' });
    result.push({ component: 'kube-controller-manager', object, flags: componentExtraArgs(object, 'controllerManager'), origin: 'kubeadm' });
    result.push({ component: 'kube-scheduler', object, flags: componentExtraArgs(object, 'scheduler'), origin: 'kubeadm' });
    result.push({ component: 'etcd', object, flags: localEtcdExtraArgs(object), origin: 'kubeadm' });
  }
  return result;
}

/**
 * Leader election per component. Flags (static pods, kubeadm extraArgs) default to true; a
 * KubeSchedulerConfiguration's `leaderElection.leaderElect` counts unless a scheduler in the view
 * sets the flag, which overrides the file (ApplyLeaderElectionTo in cmd/kube-scheduler/app/options).
 */
function leaderElection(objects: readonly K8sObject[], components: readonly ComponentFlags[]): LeaderElection[] {
  const result: LeaderElection[] = [];
  let schedulerFlag = false;
  for (const entry of components) {
    if (entry.component !== 'kube-controller-manager' && entry.component !== 'kube-scheduler') continue;
    const flag = lastFlag(entry.flags, 'leader-elect');
    if (!flag) continue;
    if (entry.component === 'kube-scheduler') schedulerFlag = true;
    const enabled = booleanFlagValue(entry, flag);
    if (enabled === undefined) continue;
    result.push({ component: entry.component, object: entry.object, enabled, at: entry.object.at(...flag.path), origin: 'flag' });
  }
  if (schedulerFlag) return result;
  for (const object of objects) {
    if (object.kind !== 'KubeSchedulerConfiguration') continue;
    const enabled = asBoolean(object.get('leaderElection', 'leaderElect'));
    if (enabled !== undefined) result.push({ component: 'kube-scheduler', object, enabled, at: object.at('leaderElection', 'leaderElect'), origin: 'config' });
  }
  return result;
}

/**
 * A boolean flag as pflag parses it: a command-line `--flag value` does not take the next item
 * (bool flags only accept `--flag=value`), so the flag is true and the item a stray argument.
 */
function booleanFlagValue(entry: ComponentFlags, flag: Flag): boolean | undefined {
  const item = entry.origin === 'static-pod' ? entry.object.get(...flag.path) : undefined;
  if (typeof item === 'string' && !item.includes('=')) return true;
  return flagBoolean(flag);
}

function nodeAddresses(objects: readonly K8sObject[], components: readonly ComponentFlags[]): AddressFact[] {
  const result: AddressFact[] = [];
  for (const object of objects.filter(isControlPlaneNodeConfig)) {
    const path = [...localAPIEndpointPath(object), 'advertiseAddress'];
    const address = asString(object.get(...path));
    if (address) result.push({ host: endpointHost(address), at: object.at(...path), what: `advertiseAddress of ${object.kind}${label(object)}` });
    const name = asString(object.get('nodeRegistration', 'name'));
    if (name) result.push({ host: name.toLowerCase(), at: object.at('nodeRegistration', 'name'), what: `nodeRegistration.name of ${object.kind}` });
  }
  for (const entry of components) {
    if (entry.component !== 'kube-apiserver' || entry.origin !== 'static-pod') continue;
    const flag = lastFlag(entry.flags, 'advertise-address');
    if (flag?.value) result.push({ host: endpointHost(flag.value), at: entry.object.at(...flag.path), what: `--advertise-address of kube-apiserver pod${label(entry.object)}` });
  }
  return result;
}
