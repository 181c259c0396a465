/**
 * Control-plane static pods: the manifests the kubelet runs from its staticPodPath (kubeadm's
 * /etc/kubernetes/manifests, kops' nodeup manifests, hand-written clusters).
 */
import { asArray, asString, isMap } from './access.js';
import { flagsOfContainer, type Flag } from './flags.js';
import { parseImageReference } from './image.js';
import type { K8sObject } from './object.js';
import { containersOf, type ContainerRef } from './workload.js';

export type ControlPlaneComponent = 'etcd' | 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler';

const COMPONENTS: ReadonlySet<string> = new Set<ControlPlaneComponent>(['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']);

export interface StaticPodComponent {
  component: ControlPlaneComponent;
  /** The container that runs the component binary. */
  container: ContainerRef;
  /**
   * Its flags, from `command` and `args`; for etcd also its `ETCD_*` environment variables,
   * which etcd reads for every flag the command line leaves unset (listed first, so the
   * command line wins with lastFlag).
   */
  flags: Flag[];
  /** kops' etcd-manager, which runs etcd itself: its own flags are not etcd's. */
  manager?: boolean;
}

const cache = new WeakMap<K8sObject, StaticPodComponent | null>();

/**
 * The control-plane component a Pod runs, recognised by its `component` label (kubeadm), its
 * `k8s-app` label (kops), or the binary in a container's command or args (`/usr/local/bin/
 * kube-apiserver` behind a wrapper such as go-runner). A `tier: control-plane` label alone does
 * not say which component it is, so the binary decides then.
 */
export function staticPodComponent(object: K8sObject): StaticPodComponent | undefined {
  if (object.kind !== 'Pod') return undefined;
  let found = cache.get(object);
  if (found === undefined) {
    found = recognise(object) ?? null;
    cache.set(object, found);
  }
  return found ?? undefined;
}

function recognise(object: K8sObject): StaticPodComponent | undefined {
  const template = object.podTemplate;
  if (!template) return undefined;
  const containers = containersOf(template).filter((container) => container.role !== 'init');
  const labels = object.labels;
  const byLabel = [labels['component'], labels['k8s-app']].find((value): value is ControlPlaneComponent => value !== undefined && COMPONENTS.has(value));
  for (const container of containers) {
    const binary = binaryOf(container);
    if (binary && (byLabel === undefined || binary === byLabel)) return make(binary, container);
  }
  if (byLabel !== undefined) {
    const container = containers.find((entry) => entry.name === byLabel) ?? containers[0];
    return container ? make(byLabel, container) : undefined;
  }
  // External etcd run from its image's entrypoint with etcd's own flags, and kops' etcd-manager.
  const etcd = containers.find((container) => imageIs(container, ETCD_IMAGE) && flagsOfContainer(container.value, container.path).some((flag) => ETCD_FLAGS.has(flag.name)));
  if (etcd) return make('etcd', etcd);
  const manager = containers.find((container) => imageIs(container, ETCD_MANAGER_IMAGE) || words(container).some((word) => /(^|\/)etcd-manager$/.test(word)));
  return manager ? { component: 'etcd', container: manager, flags: etcdEnvironment(manager), manager: true } : undefined;
}

const ETCD_IMAGE = /(^|\/)etcd$/;
const ETCD_MANAGER_IMAGE = /(^|\/)etcd-manager(-slim)?$/;
/** Flags only etcd takes (server/embed/config.go), to tell an etcd server from an etcdctl job. */
const ETCD_FLAGS: ReadonlySet<string> = new Set(['data-dir', 'listen-client-urls', 'advertise-client-urls', 'listen-peer-urls', 'initial-advertise-peer-urls', 'initial-cluster']);

function make(component: ControlPlaneComponent, container: ContainerRef): StaticPodComponent {
  const flags = flagsOfContainer(container.value, container.path);
  return { component, container, flags: component === 'etcd' ? [...etcdEnvironment(container), ...flags] : flags };
}

function imageIs(container: ContainerRef, pattern: RegExp): boolean {
  const image = asString(container.value['image']);
  const repository = image === undefined ? undefined : parseImageReference(image)?.repository;
  return repository !== undefined && pattern.test(repository);
}

function words(container: ContainerRef): string[] {
  return ['command', 'args'].flatMap((key) => asArray(container.value[key]).filter((item): item is string => typeof item === 'string'));
}

/** `ETCD_QUOTA_BACKEND_BYTES=…` is `--quota-backend-bytes=…` (etcd's flags.SetFlagsFromEnv). */
function etcdEnvironment(container: ContainerRef): Flag[] {
  const flags: Flag[] = [];
  asArray(container.value['env']).forEach((entry, index) => {
    const name = isMap(entry) ? asString(entry['name']) : undefined;
    const value = isMap(entry) ? entry['value'] : undefined;
    if (name === undefined || !/^ETCD_[A-Z0-9_]+$/.test(name) || name.startsWith('ETCD_MANAGER_')) return;
    if (typeof value !== 'string' && typeof value !== 'number') return;
    flags.push({ name: name.slice('ETCD_'.length).toLowerCase().replace(/_/g, '-'), value: String(value), path: [...container.path, 'env', index, 'value'] });
  });
  return flags;
}

/**
 * The component binary a container runs: `command[0]`, or any item of command/args that is a
 * path ending in the binary name (wrappers like go-runner take it as an argument). A bare word
 * elsewhere could be a flag value (`--leader-elect-resource-name kube-scheduler`), so it is not taken.
 */
function binaryOf(container: ContainerRef): ControlPlaneComponent | undefined {
  const items = ['command', 'args'].flatMap((key) => {
    const list = container.value[key];
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
  });
  for (const [index, item] of items.entries()) {
    if (item.startsWith('-')) continue;
    const base = item.slice(item.lastIndexOf('/') + 1);
    if (!COMPONENTS.has(base)) continue;
    // hyperkube took the component as its first argument: `/hyperkube kube-apiserver ...`.
    const previous = index > 0 ? (items[index - 1] ?? '') : '';
    if (index === 0 || item.includes('/') || previous.endsWith('hyperkube')) return base as ControlPlaneComponent;
  }
  return undefined;
}

/**
 * What the kubelet writes on the mirror of a static pod (pkg/kubelet/types/pod_update.go,
 * pkg/kubelet/pod/mirror_client.go): `kubernetes.io/config.mirror` and `.hash`, a `config.source`
 * of `file` or `http` (`api` is a scheduled pod's), and, since mirror pods are bound to their node
 * (KEP 1314, MirrorPodNodeRestriction), an owner reference to the Node.
 */
function isMirrorPod(object: K8sObject): boolean {
  const annotations = object.annotations;
  if (has(annotations, 'kubernetes.io/config.mirror') || has(annotations, 'kubernetes.io/config.hash')) return true;
  if (['file', 'http'].includes(annotations['kubernetes.io/config.source'] ?? '')) return true;
  return asArray(object.get('metadata', 'ownerReferences')).some((owner) => isMap(owner) && owner['kind'] === 'Node');
}

function has(map: Record<string, string>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, key);
}

/**
 * A Pod the kubelet runs from its manifest directory rather than one the scheduler places, as
 * far as the manifest shows: a control-plane component, kubeadm's `tier: control-plane` label,
 * the marks of a mirror pod, a file under `etc/kubernetes/manifests/`, a bare Pod on the host
 * network in kube-system (kops' etcd-manager, node-local agents) — nothing else creates those —
 * or a Pod with neither `name` nor `generateName`: the API server refuses it, so it is a
 * manifest that a node's tooling completes and hands to the kubelet (kops' kube-apiserver
 * health check, merged into the apiserver's static pod), never one the scheduler sees.
 */
export function isStaticPod(object: K8sObject): boolean {
  if (object.kind !== 'Pod') return false;
  if (staticPodComponent(object) || object.labels['tier'] === 'control-plane' || isMirrorPod(object)) return true;
  if (/(^|[/\\])etc[/\\]kubernetes[/\\]manifests[/\\]/.test(object.doc.file.path)) return true;
  if (object.name === undefined && asString(object.get('metadata', 'generateName')) === undefined) return true;
  return object.namespace === 'kube-system' && object.get('spec', 'hostNetwork') === true;
}

/**
 * The control-plane component a static pod runs, by its binary or kubeadm's labels; other
 * control-plane pods (cloud-controller-manager, VIP managers) carry kubeadm's tier label.
 */
export function controlPlanePodComponent(object: K8sObject): string | undefined {
  if (object.kind !== 'Pod') return undefined;
  const labels = object.labels;
  return staticPodComponent(object)?.component ?? (labels['tier'] === 'control-plane' ? (labels['component'] ?? object.name ?? 'control-plane') : undefined);
}
