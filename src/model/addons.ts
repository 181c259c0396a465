/**
 * Critical add-ons: the cluster services every workload depends on (DNS, kube-proxy, the CNI
 * agent, CSI node plugins, load-balancer speakers, the metrics API, fail-closed admission
 * webhooks, cluster-autoscaler), judged by what an object is — its images, well-known labels and
 * the objects that point at it — never by the namespace it runs in; and the priority classes
 * that protect them.
 */
import { asString, isMap } from './access.js';
import { lowestMinReplicas, type ClusterIndex } from './cluster.js';
import { failClosedWebhooksServedBy, serviceBackend } from './webhooks.js';
import { flagsOfContainer, lastFlag } from './flags.js';
import { parseImageReference } from './image.js';
import type { K8sObject } from './object.js';
import { isStaticPod } from './static-pods.js';
import { containersOf, isBatch, type PodTemplate } from './workload.js';

/**
 * The built-in critical classes (plugin/pkg/admission/priority: system-cluster-critical is
 * SystemCriticalPriority = 2 × HighestUserDefinablePriority = 2000000000, system-node-critical
 * 1000 more). User-defined classes are capped at 1000000000, and the kubelet treats a pod as
 * critical only from SystemCriticalPriority up (pkg/kubelet/types/pod_update.go).
 */
export const CRITICAL_PRIORITY_CLASSES: ReadonlySet<string> = new Set(['system-cluster-critical', 'system-node-critical']);

/** The annotation that marked critical pods before priority classes; removed in 1.16 (kubernetes#80342). */
export const CRITICAL_POD_ANNOTATION = 'scheduler.alpha.kubernetes.io/critical-pod';

export type AddonRole = 'dns' | 'metrics' | 'proxy' | 'cni' | 'csi-node' | 'load-balancer' | 'autoscaler' | 'webhook';

/** Object names, `k8s-app`/`app.kubernetes.io/name` label values and image names of well-known add-ons. */
const WELL_KNOWN: readonly { role: AddonRole; names: readonly string[]; images: readonly RegExp[] }[] = [
  { role: 'dns', names: ['coredns', 'kube-dns'], images: [/(^|\/)coredns$/, /(^|\/)k8s-dns-kube-dns(-[a-z0-9]+)?$/] },
  { role: 'metrics', names: ['metrics-server'], images: [/(^|\/)metrics-server(-[a-z0-9]+)?$/] },
  { role: 'proxy', names: ['kube-proxy'], images: [/(^|\/)kube-proxy(-[a-z0-9]+)?$/] },
  {
    role: 'cni',
    names: ['calico-node', 'cilium', 'cilium-agent', 'kube-flannel-ds', 'kube-flannel', 'flannel', 'weave-net', 'canal', 'kube-router', 'antrea-agent', 'aws-node', 'kindnet'],
    images: [/(^|\/)calico\/node$/, /(^|\/)cilium\/cilium$/, /(^|[/-])flannel$/, /(^|\/)weave-kube$/, /(^|\/)kube-router$/, /(^|\/)antrea-agent[^/]*$/, /(^|\/)amazon-k8s-cni$/, /(^|\/)kindnetd$/],
  },
  // Announce Service IPs of type LoadBalancer on bare metal: without them those Services are unreachable.
  { role: 'load-balancer', names: [], images: [/(^|\/)metallb\/speaker$/, /(^|\/)kube-vip$/] },
  { role: 'autoscaler', names: ['cluster-autoscaler'], images: [/(^|\/)cluster-autoscaler$/] },
];

export interface CriticalAddon {
  role: AddonRole;
  /** What points at it, when the role comes from another object (an APIService, a webhook). */
  servedFor?: string;
  template: PodTemplate;
}

/**
 * Whether the object's pods are a critical add-on, by role: a well-known add-on (name, label or
 * image), a CSI node plugin, the backend of a metrics APIService, or the backend of a
 * fail-closed admission webhook. Running in kube-system, tolerating CriticalAddonsOnly (many
 * charts do, to fit on system node pools) or carrying the legacy critical-pod annotation
 * (critical-pod-annotation-deprecated's) makes nothing critical. Static pods and
 * run-to-completion pods (install Jobs) are not add-ons.
 */
export function criticalAddonOf(object: K8sObject, cluster: ClusterIndex): CriticalAddon | undefined {
  const template = object.podTemplate;
  if (!template || isBatch(object) || isStaticPod(object)) return undefined;
  const role = addonRole(object, template) ?? (isCsiNodePlugin(template) ? 'csi-node' : undefined);
  if (role) return { role, template };
  const apiService = metricsApiServicesServedBy(cluster).get(object);
  if (apiService) return { role: 'metrics', servedFor: `APIService "${apiService}"`, template };
  const [webhook] = failClosedWebhooksServedBy(cluster, object);
  if (webhook) return { role: 'webhook', servedFor: `${webhook.configuration.kind} "${webhook.configuration.name ?? ''}"`, template };
  return undefined;
}

/** API groups whose aggregated APIService HorizontalPodAutoscalers and `kubectl top` read. */
const METRICS_GROUPS: ReadonlySet<string> = new Set(['metrics.k8s.io', 'custom.metrics.k8s.io', 'external.metrics.k8s.io']);

/** Workloads behind a metrics APIService of the set (APIService → `spec.service` → Service → pods), with the APIService's name. */
function metricsApiServicesServedBy(cluster: ClusterIndex): ReadonlyMap<K8sObject, string> {
  return cluster.derived(metricsBackends);
}

function metricsBackends(cluster: ClusterIndex): ReadonlyMap<K8sObject, string> {
  const found = new Map<K8sObject, string>();
  for (const apiService of cluster.ofKind('APIService')) {
    if (apiService.group !== 'apiregistration.k8s.io' || !METRICS_GROUPS.has(asString(apiService.get('spec', 'group')) ?? '')) continue;
    const name = asString(apiService.get('spec', 'service', 'name'));
    if (name === undefined) continue;
    const backend = serviceBackend(cluster, apiService, { namespace: asString(apiService.get('spec', 'service', 'namespace')) ?? 'default', name });
    for (const entry of backend?.workloads ?? []) found.set(entry.object, apiService.name ?? '');
  }
  return found;
}

/** The well-known add-on an object runs, from its name, its labels or its images. */
export function addonRole(object: K8sObject, template: PodTemplate): AddonRole | undefined {
  const names = [object.name, template.labels['k8s-app'], template.labels['app.kubernetes.io/name']].filter((name): name is string => name !== undefined);
  const images = containersOf(template)
    .map((container) => asString(container.value['image']))
    .map((image) => (image === undefined ? undefined : parseImageReference(image)?.repository))
    .filter((repository): repository is string => repository !== undefined);
  for (const entry of WELL_KNOWN) {
    if (names.some((name) => entry.names.includes(name))) return entry.role;
    if (images.some((repository) => entry.images.some((pattern) => pattern.test(repository)))) return entry.role;
  }
  return undefined;
}

/** `priorityClassName` of the pod template, when set. */
export function priorityClassOf(template: PodTemplate): string | undefined {
  const value = template.spec['priorityClassName'];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Whether a ResourceQuota's `scopeSelector` admits pods of that priority class. */
export function quotaAdmitsPriorityClass(quota: K8sObject, priorityClass: string): boolean {
  return priorityScopeMatches(quota.get('spec', 'scopeSelector', 'matchExpressions'), priorityClass);
}

/**
 * Whether scoped-resource selector requirements (a ResourceQuota's `scopeSelector.matchExpressions`,
 * or `matchScopes` of the ResourceQuota admission plugin's `limitedResources`) select that
 * priority class: any `PriorityClass` requirement with In, NotIn or Exists that it satisfies.
 */
export function priorityScopeMatches(expressions: unknown, priorityClass: string): boolean {
  if (!Array.isArray(expressions)) return false;
  return expressions.some((expression) => {
    if (!isMap(expression) || asString(expression['scopeName']) !== 'PriorityClass') return false;
    const operator = asString(expression['operator']);
    const values = Array.isArray(expression['values']) ? expression['values'] : [];
    if (operator === 'Exists') return true;
    if (operator === 'NotIn') return !values.includes(priorityClass);
    return operator === 'In' && values.includes(priorityClass);
  });
}

/**
 * Workloads scaled by cluster-proportional-autoscaler (the usual DNS autoscaler), as
 * `namespace/name`: its `--target=deployment/<name>` flag, in `--namespace` or its own namespace.
 */
export function proportionalAutoscalerTargets(cluster: ClusterIndex): ReadonlySet<string> {
  const found = new Set<string>();
  for (const object of cluster.objects) {
    const template = object.podTemplate;
    if (!template) continue;
    for (const container of containersOf(template)) {
      const image = asString(container.value['image']);
      if (!image || !/cluster-proportional-autoscaler/.test(image)) continue;
      const flags = flagsOfContainer(container.value, container.path);
      const target = lastFlag(flags, 'target')?.value;
      const match = target ? /^(?:deployment|replicaset|replicationcontroller|statefulset)\/(.+)$/i.exec(target) : null;
      if (!match?.[1]) continue;
      found.add(`${lastFlag(flags, 'namespace')?.value ?? object.namespaceOrDefault}/${match[1]}`);
    }
  }
  return found;
}

/**
 * The DNS or metrics add-on running fewer than 2 replicas, counting an HPA's minReplicas and
 * leaving alone what cluster-proportional-autoscaler scales; undefined otherwise.
 */
export function criticalAddonTooFew(object: K8sObject, cluster: ClusterIndex): { role: 'dns' | 'metrics'; replicas: number } | undefined {
  const template = object.podTemplate;
  if (!template || !['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet'].includes(object.kind)) return undefined;
  const role = addonRole(object, template);
  if (role !== 'dns' && role !== 'metrics') return undefined;
  if (object.name !== undefined && cluster.derived(proportionalAutoscalerTargets).has(`${object.namespaceOrDefault}/${object.name}`)) return undefined;
  const hpas = cluster.hpasFor(object);
  const raw = object.get('spec', 'replicas');
  // An HPA sets the scale down to its minReplicas; without one, omitted replicas mean 1.
  const replicas = hpas.length > 0 ? lowestMinReplicas(hpas) : raw === undefined || raw === null ? 1 : raw;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas === 0 || replicas >= 2) return undefined;
  return { role, replicas };
}

/**
 * A CSI node plugin: the per-node half of a storage driver, which the kubelet calls over a unix
 * socket it finds through the plugin registration directory, never over the network. Recognised
 * by the node-driver-registrar sidecar every such plugin runs, or a hostPath into the kubelet's
 * plugin directories.
 */
export function isCsiNodePlugin(template: PodTemplate): boolean {
  const registrar = containersOf(template).some((container) => /(^|\/)csi-node-driver-registrar$/.test(parseImageReference(asString(container.value['image']) ?? '')?.repository ?? ''));
  if (registrar) return true;
  const volumes = template.spec['volumes'];
  return (
    Array.isArray(volumes) &&
    volumes.some((volume) => {
      const path = isMap(volume) && isMap(volume['hostPath']) ? asString(volume['hostPath']['path']) : undefined;
      return path !== undefined && /^\/var\/lib\/kubelet\/plugins(_registry)?(\/|$)/.test(path);
    })
  );
}
