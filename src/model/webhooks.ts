/**
 * Admission webhooks and the workloads that serve them: a Validating/MutatingWebhookConfiguration
 * entry → its `clientConfig.service` → the Service of the set → the pod templates it selects.
 *
 * Semantics (k8s.io/api admissionregistration/v1 types.go, and the v1beta1 API reference):
 *  - `failurePolicy` defaults to Fail in admissionregistration.k8s.io/v1 and to Ignore in v1beta1;
 *  - `clientConfig.service` names a Service by namespace and name (namespace required in v1);
 *  - a rule matches when operations, apiGroups, apiVersions and resources each list the value or
 *    `*`; `*` as a resource matches every resource but no subresource, `*∕*` matches both; scope
 *    `*` (the default) or `Namespaced` covers pods;
 *  - `namespaceSelector` and `objectSelector` default to `{}` (everything).
 */
import type { Path } from '../types.js';
import { asArray, asString, isMap, stringMap } from './access.js';
import { lowestRunningReplicas, type Autoscaler } from './autoscaling.js';
import type { ClusterIndex, TemplateEntry } from './cluster.js';
import type { K8sObject } from './object.js';
import { nearest } from './scope.js';
import { parseLabelSelector, requirementMatches, type Labels, type Selector } from './selector.js';

export const WEBHOOK_CONFIGURATION_KINDS: ReadonlySet<string> = new Set(['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration']);

export interface Webhook {
  configuration: K8sObject;
  /** Path of the entry, relative to the configuration: `['webhooks', i]`. */
  path: Path;
  name: string;
  /** `failurePolicy: Fail`, written or defaulted: a request it matches fails while the backend is down. */
  failClosed: boolean;
  /** `clientConfig.service`, when the webhook is served in-cluster. */
  service: { namespace: string; name: string } | undefined;
}

/** The webhooks of a Validating/MutatingWebhookConfiguration (none for other objects). */
export function webhooksOf(object: K8sObject): readonly Webhook[] {
  if (!WEBHOOK_CONFIGURATION_KINDS.has(object.kind) || object.group !== 'admissionregistration.k8s.io') return [];
  const defaultPolicy = object.apiVersion === 'admissionregistration.k8s.io/v1' ? 'Fail' : 'Ignore';
  const result: Webhook[] = [];
  asArray(object.get('webhooks')).forEach((entry, index) => {
    if (!isMap(entry)) return;
    const policy = asString(entry['failurePolicy']) ?? defaultPolicy;
    const service = isMap(entry['clientConfig']) ? entry['clientConfig']['service'] : undefined;
    const name = isMap(service) ? asString(service['name']) : undefined;
    result.push({
      configuration: object,
      path: ['webhooks', index],
      name: asString(entry['name']) ?? `#${index}`,
      failClosed: policy === 'Fail',
      // v1beta1 allowed the namespace to be omitted; the API server then used `default`.
      service: isMap(service) && name !== undefined ? { namespace: asString(service['namespace']) ?? 'default', name } : undefined,
    });
  });
  return result;
}

export interface WebhookBackend {
  service: K8sObject;
  /** Pod templates of the set the Service selects: the workloads that answer the webhook. */
  workloads: readonly TemplateEntry[];
}

/**
 * The Service of the set a webhook calls and the workloads behind it; undefined when the set
 * does not show them.
 */
export function webhookBackend(cluster: ClusterIndex, webhook: Webhook): WebhookBackend | undefined {
  return webhook.service ? serviceBackend(cluster, webhook.configuration, webhook.service) : undefined;
}

/**
 * The Service an object points at by namespace and name (a webhook's `clientConfig.service`, an
 * APIService's `spec.service`) and the workloads it selects. Sets often hold several copies of one
 * application (overlays, examples, vendored charts): the copy nearest the pointing object is taken
 * — same file, then same directory — and when copies in different places remain, the set cannot
 * tell which one serves it (undefined).
 */
export function serviceBackend(cluster: ClusterIndex, from: K8sObject, target: { namespace: string; name: string }): WebhookBackend | undefined {
  const services = cluster.named(target.namespace, target.name).filter((object) => object.kind === 'Service');
  const service = nearest(from, services);
  if (!service || service.length !== 1 || !service[0]) return undefined;
  const entries = cluster.selectedBy(service[0]) ?? [];
  const objects = nearest(
    service[0],
    entries.map((entry) => entry.object),
  );
  const workloads = entries.filter((entry) => objects?.includes(entry.object));
  return workloads.length > 0 ? { service: service[0], workloads } : undefined;
}

/** One workload behind a webhook's Service at its lowest scale. */
export interface BackendPart {
  object: K8sObject;
  replicas: number;
  /** The autoscaler that sets that lowest scale, if any. */
  scaledBy: Autoscaler | undefined;
}

/**
 * The pods behind a backend at their lowest scale (a Pod counts one; HPAs and KEDA
 * ScaledObjects set the floor); undefined when a selected kind has no scale offline
 * (DaemonSet, Job).
 */
export function backendPods(cluster: ClusterIndex, workloads: readonly TemplateEntry[]): { total: number; parts: BackendPart[] } | undefined {
  let total = 0;
  const parts: BackendPart[] = [];
  for (const { object } of workloads) {
    const lowest = object.kind === 'Pod' ? { replicas: 1, scaledBy: undefined } : lowestRunningReplicas(cluster, object);
    if (!lowest) return undefined;
    total += lowest.replicas;
    parts.push({ object, ...lowest });
  }
  return { total, parts };
}

/**
 * Whether the object is the whole of a fail-closed webhook's backend, running fewer than two
 * pods: webhook-backend-single-replica's case, the sharper statement of replicas-min's.
 */
export function soleFailClosedBackend(cluster: ClusterIndex, object: K8sObject): boolean {
  return failClosedWebhooksServedBy(cluster, object).some((webhook) => {
    const backend = webhookBackend(cluster, webhook);
    const pods = backend && backendPods(cluster, backend.workloads);
    return pods !== undefined && pods.total > 0 && pods.total < 2;
  });
}

/** Fail-closed webhooks whose backend Service selects this object's pods: while they are down, matching API writes fail. */
export function failClosedWebhooksServedBy(cluster: ClusterIndex, object: K8sObject): readonly Webhook[] {
  return cluster.derived(failClosedWebhooksByWorkload).get(object) ?? [];
}

function failClosedWebhooksByWorkload(cluster: ClusterIndex): ReadonlyMap<K8sObject, Webhook[]> {
  const map = new Map<K8sObject, Webhook[]>();
  for (const kind of WEBHOOK_CONFIGURATION_KINDS) {
    for (const configuration of cluster.ofKind(kind)) {
      for (const webhook of webhooksOf(configuration)) {
        if (!webhook.failClosed) continue;
        for (const { object: workload } of webhookBackend(cluster, webhook)?.workloads ?? []) {
          const list = map.get(workload) ?? [];
          list.push(webhook);
          map.set(workload, list);
        }
      }
    }
  }
  return map;
}

/** A verdict the set can only sometimes give: `unknown` when labels or CEL conditions outside it decide. */
export type Match = 'yes' | 'no' | 'unknown';

/**
 * Whether the webhook intercepts the creation of a pod in `namespace` with these labels.
 * `namespaceLabels` are the namespace's labels as the set shows them, `complete` when the
 * Namespace object is in the set (else only `kubernetes.io/metadata.name`, which the API server
 * sets on every namespace since 1.21, is certain).
 */
export function interceptsPodCreate(webhook: Webhook, namespaceLabels: Labels, complete: boolean, podLabels: Labels): Match {
  const entry = webhook.configuration.get(...webhook.path);
  if (!isMap(entry)) return 'no';
  if (!asArray(entry['rules']).some(ruleCoversPodCreate)) return 'no';
  const verdicts = [selectorVerdict(entry['namespaceSelector'], namespaceLabels, complete), selectorVerdict(entry['objectSelector'], podLabels, true)];
  if (verdicts.includes('no')) return 'no';
  // matchConditions are CEL expressions evaluated on the request: they may exclude the pod.
  if (verdicts.includes('unknown') || asArray(entry['matchConditions']).length > 0) return 'unknown';
  return 'yes';
}

function ruleCoversPodCreate(rule: unknown): boolean {
  if (!isMap(rule)) return false;
  const listed = (key: string, ...values: string[]): boolean => asArray(rule[key]).some((item) => typeof item === 'string' && values.includes(item));
  const scope = asString(rule['scope']) ?? '*';
  return listed('operations', 'CREATE', '*') && listed('apiGroups', '', '*') && listed('apiVersions', 'v1', '*') && listed('resources', 'pods', '*', '*/*') && (scope === '*' || scope === 'Namespaced');
}

/**
 * A label selector judged against labels that may be incomplete: a requirement on a key the
 * labels lack is certain only when they are complete (a real namespace may carry more labels).
 */
function selectorVerdict(value: unknown, labels: Labels, complete: boolean): Match {
  if (value === undefined || value === null) return 'yes';
  const selector: Selector | undefined = parseLabelSelector(value);
  if (!selector) return 'unknown';
  if (selector.kind === 'everything') return 'yes';
  if (selector.kind === 'nothing') return 'no';
  let verdict: Match = 'yes';
  for (const requirement of selector.requirements) {
    const known = complete || Object.prototype.hasOwnProperty.call(labels, requirement.key);
    if (!known) verdict = 'unknown';
    else if (!requirementMatches(requirement, labels)) return 'no';
  }
  return verdict;
}

/** The labels of a namespace as the set shows them, and whether the Namespace object is there to make them complete. */
export function namespaceLabels(cluster: ClusterIndex, namespace: string): { labels: Labels; complete: boolean } {
  const object = cluster.find('Namespace', '', namespace);
  const labels = { ...(object ? stringMap(object.get('metadata', 'labels')) : {}), 'kubernetes.io/metadata.name': namespace };
  return { labels, complete: object !== undefined };
}
