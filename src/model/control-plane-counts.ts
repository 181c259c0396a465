/**
 * How many control-plane nodes and etcd members a cluster view has, and how sure the count is.
 */
import type { ClusterFacts } from './settings.js';
import { asString } from './access.js';
import { lastFlag, type Flag } from './flags.js';
import { controlPlaneEndpoint, endpointHost, externalEtcdEndpoints, isControlPlaneJoin, isControlPlaneNodeConfig, isKubeadm, nodeIdentity } from './kubeadm.js';
import type { K8sObject, Location } from './object.js';
import type { ControlPlaneComponent } from './static-pods.js';

/** The annotation kubeadm puts on the etcd static pods it writes (cmd/kubeadm/app/phases/etcd/local.go). */
const KUBEADM_ETCD_ANNOTATION = 'kubeadm.kubernetes.io/etcd.advertise-client-urls';

export interface Evidence {
  at: Location;
  message: string;
}

/** A count and how sure it is: `exact` when the set (or the config) states it fully. */
export interface Count {
  value: number;
  exact: boolean;
  /** In words, where the number comes from. */
  origin: string;
  /** Where a finding about the count points. */
  anchor: Location | undefined;
  /** The object the anchor is in, which a finding about the count names. */
  subject?: K8sObject;
  evidence: Evidence[];
}

export type EtcdSource = 'external' | 'initial-cluster' | 'stacked';

export interface EtcdMembers extends Count {
  source: EtcdSource;
}

/** A component's flags from one place: a static pod's command line or kubeadm `extraArgs`. */
export interface ComponentFlags {
  component: ControlPlaneComponent;
  object: K8sObject;
  flags: Flag[];
  origin: 'static-pod' | 'kubeadm';
}

/**
 * Control-plane nodes: the declared count wins; otherwise one per InitConfiguration and per
 * control-plane JoinConfiguration. That count is exact only when the join configs each name
 * their node (a nameless one may be a template run on several nodes) and either some join is
 * present or the ClusterConfiguration has no controlPlaneEndpoint, without which kubeadm refuses
 * to join further control planes (checkIfReadyForAdditionalControlPlane in
 * cmd/kubeadm/app/cmd/phases/join). Distinct kube-apiserver static pods give a lower bound.
 */
export function countControlPlaneNodes(objects: readonly K8sObject[], components: readonly ComponentFlags[], facts: ClusterFacts): Count | undefined {
  const nodeConfigs = objects.filter(isControlPlaneNodeConfig);
  const apiservers = components.filter((entry) => entry.component === 'kube-apiserver' && entry.origin === 'static-pod');
  const subject = nodeConfigs.find((object) => object.kind === 'InitConfiguration') ?? nodeConfigs[0] ?? objects.find((object) => isKubeadm(object, 'ClusterConfiguration')) ?? apiservers[0]?.object;
  const anchor = subject?.at('kind');
  if (facts.controlPlaneNodes !== undefined) {
    return { value: facts.controlPlaneNodes, exact: true, origin: 'cluster.controlPlaneNodes in the ballast config', anchor, ...(subject ? { subject } : {}), evidence: [] };
  }
  const identities = new Set<string>();
  let anonymous = 0;
  for (const object of nodeConfigs) {
    const identity = nodeIdentity(object);
    if (identity === undefined) anonymous++;
    else identities.add(identity);
  }
  const hasInit = nodeConfigs.some((object) => object.kind === 'InitConfiguration');
  const joins = nodeConfigs.filter(isControlPlaneJoin);
  const fromKubeadm = identities.size + anonymous + (hasInit || joins.length === 0 ? 0 : 1);
  const clusterConfig = objects.find((object) => isKubeadm(object, 'ClusterConfiguration'));
  const closed = joins.length > 0 || (clusterConfig !== undefined && controlPlaneEndpoint(clusterConfig) === undefined);
  const exact = hasInit && closed && !joins.some((object) => nodeIdentity(object) === undefined);
  const staticApiservers = new Set(apiservers.map((entry) => lastFlag(entry.flags, 'advertise-address')?.value ?? `${entry.object.doc.file.path}#${entry.object.doc.index}`)).size;
  const value = Math.max(fromKubeadm, staticApiservers);
  if (value === 0) return undefined;
  const evidence = [
    ...nodeConfigs.map((object) => ({ at: object.at(...(object.kind === 'JoinConfiguration' ? ['controlPlane'] : ['kind'])), message: `control-plane node: ${object.kind}${label(object)}` })),
    ...(clusterConfig && joins.length === 0 && controlPlaneEndpoint(clusterConfig) === undefined
      ? [{ at: clusterConfig.at('kind'), message: 'ClusterConfiguration without controlPlaneEndpoint: no control plane can join' }]
      : []),
  ];
  const origin =
    fromKubeadm >= staticApiservers
      ? `kubeadm configs in the linted files: ${hasInit ? 'an InitConfiguration' : 'no InitConfiguration'} and ${joins.length === 0 ? 'no' : joins.length} control-plane JoinConfiguration${joins.length === 1 ? '' : 's'}`
      : `${staticApiservers} kube-apiserver static pods in the linted files`;
  return { value, exact: exact && fromKubeadm >= staticApiservers, origin, anchor, ...(subject ? { subject } : {}), evidence };
}

/**
 * etcd members: the external endpoints when etcd is external; otherwise the larger of the
 * members named by static etcd pods' `--initial-cluster` (exact when every such pod bootstraps
 * a new cluster; a member joining an existing one lists only the members before it) and the
 * stacked members, one per control-plane node.
 */
export function countEtcdMembers(objects: readonly K8sObject[], components: readonly ComponentFlags[], nodes: Count | undefined): EtcdMembers | undefined {
  const clusterConfig = objects.find((object) => isKubeadm(object, 'ClusterConfiguration'));
  const external = clusterConfig ? externalEtcdEndpoints(clusterConfig) : undefined;
  if (clusterConfig && external) {
    const hosts = new Set(external.map((endpoint) => endpointHost(endpoint.url)));
    if (hosts.size === 0) return undefined;
    return {
      source: 'external',
      value: hosts.size,
      exact: true,
      origin: 'etcd.external.endpoints of the ClusterConfiguration',
      anchor: clusterConfig.at('etcd', 'external', 'endpoints'),
      evidence: external.map((endpoint) => ({ at: endpoint.at, message: `external etcd endpoint ${endpoint.url}` })),
    };
  }
  const candidates: EtcdMembers[] = [];
  const members = new Set<string>();
  const initialClusters: { flag: Flag; object: K8sObject; size: number }[] = [];
  let allNew = true;
  for (const entry of components) {
    if (entry.component !== 'etcd' || entry.origin !== 'static-pod') continue;
    const flag = lastFlag(entry.flags, 'initial-cluster');
    if (!flag?.value) continue;
    const names = flag.value
      .split(',')
      .map((item) => item.split('=')[0]?.trim() ?? '')
      .filter((name) => name !== '');
    names.forEach((name) => members.add(name));
    initialClusters.push({ flag, object: entry.object, size: names.length });
    if ((lastFlag(entry.flags, 'initial-cluster-state')?.value ?? 'new') !== 'new') allNew = false;
    // kubeadm writes the first member's manifest once, at `kubeadm init`, naming only itself; members
    // that join later are not added to it, so alone it cannot tell one member from several.
    if (names.length === 1 && Object.prototype.hasOwnProperty.call(entry.object.annotations, KUBEADM_ETCD_ANNOTATION)) allNew = false;
  }
  const largest = initialClusters.reduce<(typeof initialClusters)[number] | undefined>((best, item) => (!best || item.size > best.size ? item : best), undefined);
  if (largest && members.size > 0) {
    candidates.push({
      source: 'initial-cluster',
      value: members.size,
      exact: allNew,
      origin: '--initial-cluster of the etcd static pods',
      anchor: largest.object.at(...largest.flag.path),
      evidence: initialClusters.map((item) => ({ at: item.object.at(...item.flag.path), message: `--initial-cluster of etcd pod${label(item.object)} (${item.size} member(s))` })),
    });
  }
  const stacked = objects.some(isControlPlaneNodeConfig) || clusterConfig !== undefined || initialClusters.length > 0;
  if (stacked && nodes) {
    const joinAnchor = objects.filter(isControlPlaneJoin).at(-1)?.at('controlPlane');
    candidates.push({
      source: 'stacked',
      value: nodes.value,
      exact: nodes.exact,
      origin: `stacked, one member per control-plane node; ${nodes.origin}`,
      anchor: joinAnchor ?? nodes.anchor,
      evidence: nodes.evidence,
    });
  }
  return candidates.reduce<EtcdMembers | undefined>((best, item) => (!best || item.value > best.value || (item.value === best.value && item.exact && !best.exact) ? item : best), undefined);
}

/** A count's evidence in other documents than the one the finding points into. */
export function relatedEvidence(count: Count): Evidence[] {
  const anchor = count.anchor;
  return count.evidence.filter((item) => !anchor || item.at.doc !== anchor.doc);
}

export function label(object: K8sObject): string {
  const name = asString(object.get('nodeRegistration', 'name')) ?? object.name;
  return name ? ` "${name}"` : '';
}
