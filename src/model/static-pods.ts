/**
 * Control-plane static pods: the manifests the kubelet runs from its staticPodPath (kubeadm's
 * /etc/kubernetes/manifests, kops' nodeup manifests, hand-written clusters).
 */
import { flagsOfContainer, type Flag } from './flags.js';
import type { K8sObject } from './object.js';
import { containersOf, type ContainerRef } from './workload.js';

export type ControlPlaneComponent = 'etcd' | 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler';

const COMPONENTS: ReadonlySet<string> = new Set<ControlPlaneComponent>(['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']);

export interface StaticPodComponent {
  component: ControlPlaneComponent;
  /** The container that runs the component binary. */
  container: ContainerRef;
  /** Its command-line flags, from `command` and `args`. */
  flags: Flag[];
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
    if (binary && (byLabel === undefined || binary === byLabel)) return { component: binary, container, flags: flagsOfContainer(container.value, container.path) };
  }
  if (byLabel === undefined) return undefined;
  const container = containers.find((entry) => entry.name === byLabel) ?? containers[0];
  return container ? { component: byLabel, container, flags: flagsOfContainer(container.value, container.path) } : undefined;
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
