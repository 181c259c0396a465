/**
 * kubeadm configuration kinds (kubeadm.k8s.io v1beta1–v1beta4): what the control-plane rules read
 * from them. Field meanings are those of cmd/kubeadm/app/apis/kubeadm/v1beta4/types.go.
 */
import type { Path } from '../types.js';
import { asArray, asString, isMap } from './access.js';
import { extraArgsFlags, type Flag } from './flags.js';
import type { K8sObject, Location } from './object.js';
import { compareKubeVersions } from './settings.js';

export const KUBEADM_GROUP = 'kubeadm.k8s.io';

export function isKubeadm(object: K8sObject, kind?: string): boolean {
  return object.group === KUBEADM_GROUP && (kind === undefined || object.kind === kind);
}

/**
 * A JoinConfiguration whose `controlPlane` is set: kubeadm deploys a control-plane instance (and,
 * with local etcd, an etcd member) on the joining node. `controlPlane:` left empty is nil: a worker.
 */
export function isControlPlaneJoin(object: K8sObject): boolean {
  return isKubeadm(object, 'JoinConfiguration') && isMap(object.get('controlPlane'));
}

/** Init and control-plane Join configs: each one is a control-plane node. */
export function isControlPlaneNodeConfig(object: K8sObject): boolean {
  return isKubeadm(object, 'InitConfiguration') || isControlPlaneJoin(object);
}

/** Path of the API endpoint this node's kube-apiserver advertises. */
export function localAPIEndpointPath(object: K8sObject): Path {
  return object.kind === 'JoinConfiguration' ? ['controlPlane', 'localAPIEndpoint'] : ['localAPIEndpoint'];
}

/**
 * How a node config names its node: `nodeRegistration.name` or the advertise address. A
 * control-plane Join that sets neither is a template that may be run on several nodes.
 */
export function nodeIdentity(object: K8sObject): string | undefined {
  const name = asString(object.get('nodeRegistration', 'name'));
  if (name) return `name:${name}`;
  const address = asString(object.get(...localAPIEndpointPath(object), 'advertiseAddress'));
  return address ? `address:${address}` : undefined;
}

export type ControlPlaneComponentKey = 'apiServer' | 'controllerManager' | 'scheduler';

/** `extraArgs` of a ClusterConfiguration component, as flags (map or v1beta4 list form). */
export function componentExtraArgs(cluster: K8sObject, component: ControlPlaneComponentKey): Flag[] {
  return extraArgsFlags(cluster.get(component, 'extraArgs'), [component, 'extraArgs']);
}

export function localEtcdExtraArgs(cluster: K8sObject): Flag[] {
  return extraArgsFlags(cluster.get('etcd', 'local', 'extraArgs'), ['etcd', 'local', 'extraArgs']);
}

/** `controlPlaneEndpoint` when set; kubeadm treats `""` as unset. */
export function controlPlaneEndpoint(cluster: K8sObject): string | undefined {
  const value = asString(cluster.get('controlPlaneEndpoint'));
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** External etcd client endpoints, with the location of each; undefined for local (stacked) etcd. */
export function externalEtcdEndpoints(cluster: K8sObject): { url: string; at: Location }[] | undefined {
  const external = cluster.get('etcd', 'external');
  if (!isMap(external)) return undefined;
  const endpoints: { url: string; at: Location }[] = [];
  asArray(external['endpoints']).forEach((entry, index) => {
    if (typeof entry === 'string' && entry.trim() !== '') endpoints.push({ url: entry.trim(), at: cluster.at('etcd', 'external', 'endpoints', index) });
  });
  return endpoints;
}

export type TaintsSetting =
  /** Unset (nil): kubeadm adds `node-role.kubernetes.io/control-plane:NoSchedule`. */
  | { kind: 'default' }
  /** `taints: []`: the node registers untainted. */
  | { kind: 'empty'; path: Path }
  /** An explicit list, which replaces the default taint. */
  | { kind: 'list'; path: Path; hasControlPlaneTaint: boolean };

/** Keys kubeadm has used for the control-plane taint (`master` before v1.25). */
const CONTROL_PLANE_TAINT_KEYS = new Set(['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master']);

/**
 * `nodeRegistration.taints` as kubeadm reads it (NodeRegistrationOptions.Taints: nil is
 * defaulted to the control-plane taint, an empty list is kept empty). Only taints that keep
 * ordinary pods off count as control-plane taints: NoSchedule or NoExecute.
 */
export function taintsSetting(object: K8sObject): TaintsSetting {
  const path: Path = ['nodeRegistration', 'taints'];
  const value = object.get(...path);
  if (!Array.isArray(value)) return { kind: 'default' };
  if (value.length === 0) return { kind: 'empty', path };
  const hasControlPlaneTaint = asArray(value).some((taint) => {
    const key = asString(isMap(taint) ? taint['key'] : undefined);
    const effect = asString(isMap(taint) ? taint['effect'] : undefined);
    return key !== undefined && CONTROL_PLANE_TAINT_KEYS.has(key) && (effect === 'NoSchedule' || effect === 'NoExecute');
  });
  return { kind: 'list', path, hasControlPlaneTaint };
}

/** The host of an endpoint written as `host`, `host:port`, `[v6]:port` or a URL. */
export function endpointHost(endpoint: string): string {
  let rest = endpoint.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const slash = rest.indexOf('/');
  if (slash !== -1) rest = rest.slice(0, slash);
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    return (close === -1 ? rest.slice(1) : rest.slice(1, close)).toLowerCase();
  }
  // A bare IPv6 address has several colons and no port.
  if ((rest.match(/:/g) ?? []).length > 1) return rest.toLowerCase();
  const colon = rest.indexOf(':');
  return (colon === -1 ? rest : rest.slice(0, colon)).toLowerCase();
}

/** Loopback hosts: an apiserver that talks to them talks to the etcd member on its own node. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export interface ApiVersionLifecycle {
  /** The first Kubernetes minor whose kubeadm reads it. */
  introduced: string;
  deprecated?: string;
  removed?: string;
}

/**
 * kubeadm config API versions, from validateSupportedVersion in
 * cmd/kubeadm/app/util/config/common.go (its support matrix and oldKnownAPIVersions) and the PRs
 * that changed it: v1alpha3 deprecated in 1.13 and removed in 1.15 (kubernetes/kubeadm#1296,
 * #75179); v1beta1 deprecated in 1.17 (#83276) and removed in 1.22 (#101129, which added
 * v1beta3); v1beta2 deprecated in 1.24 (#107013) and removed in 1.27 (#114540); v1beta4 enabled
 * and v1beta3 deprecated in 1.31 (#125029); v1beta3 removed in 1.36 (#136016: "the 1.35 kubeadm
 * binary can be used to migrate"). The alpha versions only matter for their removal.
 */
export const KUBEADM_API_VERSIONS: Readonly<Record<string, ApiVersionLifecycle>> = {
  v1alpha1: { introduced: '1.0', removed: '1.12' },
  v1alpha2: { introduced: '1.11', removed: '1.13' },
  v1alpha3: { introduced: '1.12', deprecated: '1.13', removed: '1.15' },
  v1beta1: { introduced: '1.13', deprecated: '1.17', removed: '1.22' },
  v1beta2: { introduced: '1.15', deprecated: '1.24', removed: '1.27' },
  v1beta3: { introduced: '1.22', deprecated: '1.31', removed: '1.36' },
  v1beta4: { introduced: '1.31' },
};

/** `v1beta4` for `kubeadm.k8s.io/v1beta4`. */
export function kubeadmApiVersion(object: K8sObject): string {
  const slash = object.apiVersion.indexOf('/');
  return slash === -1 ? '' : object.apiVersion.slice(slash + 1);
}

/** The newest config API version the kubeadm of that Kubernetes minor reads without warning. */
export function preferredKubeadmApiVersion(kubernetesVersion: string): string | undefined {
  let preferred: string | undefined;
  for (const [version, lifecycle] of Object.entries(KUBEADM_API_VERSIONS)) {
    if (compareKubeVersions(kubernetesVersion, lifecycle.introduced) < 0) continue;
    if (lifecycle.deprecated && compareKubeVersions(kubernetesVersion, lifecycle.deprecated) >= 0) continue;
    preferred = version;
  }
  return preferred;
}
