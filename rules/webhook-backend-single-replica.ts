import { defineRule, type RelatedReport, type SetContext } from '../src/engine/rule.js';
import type { ClusterIndex, TemplateEntry } from '../src/model/cluster.js';
import type { K8sObject } from '../src/model/object.js';
import { backendPods, interceptsPodCreate, namespaceLabels, webhookBackend, webhooksOf, WEBHOOK_CONFIGURATION_KINDS, type Webhook, type WebhookBackend } from '../src/model/webhooks.js';

type MessageId = 'singleReplica' | 'deadlock' | 'noBudget';
type Context = SetContext<MessageId>;

export default defineRule<MessageId>({
  meta: {
    id: 'webhook-backend-single-replica',
    scope: 'set',
    category: 'workload',
    severity: 'warning',
    summary:
      'A fail-closed admission webhook (`failurePolicy: Fail`) is served by a workload with fewer than 2 replicas, or by one no PodDisruptionBudget protects; an error when the webhook also intercepts the creation of its own pods.',
    rationale:
      'The API server calls every matching admission webhook on each request, and with `failurePolicy: Fail` (the default in admissionregistration.k8s.io/v1; v1beta1 defaulted to Ignore) a webhook it cannot reach rejects the request (kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers, "Failure policy"). While the only pod behind `clientConfig.service` is rescheduled, evicted by a drain or crash-looping, every create or update the webhook matches fails: deployments, scaling, pod creation. When the webhook intercepts pod creation in the namespace of its own backend (no `namespaceSelector` or `objectSelector` leaving those pods out) or in kube-system, the backend pod cannot be recreated either — the ReplicaSet\'s create call goes through the webhook that is down — and the cluster stays stuck until someone deletes the webhook configuration (the documentation warns to exclude the webhook\'s own namespace and kube-system). Several replicas are only as good as the budget that keeps a drain from evicting them together. Judged only when the Service named by the webhook and the workload it selects are in the linted files; replicas count at the lowest an HPA or KEDA ScaledObject scales the workload to; DaemonSet backends are not judged. Namespace labels are known only from a Namespace object in the set (plus `kubernetes.io/metadata.name`), so a selector on other labels keeps the finding a warning. One finding per backend Service, on the first fail-closed webhook that calls it.',
    fix: 'Run the webhook backend with at least 2 replicas spread over nodes and a PodDisruptionBudget (`maxUnavailable: 1`), and exclude its own namespace and kube-system with a `namespaceSelector` (for example on `kubernetes.io/metadata.name`); or use `failurePolicy: Ignore` where a skipped check is acceptable.',
    appliesTo: ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration'],
    since: '0.1.0',
    messages: {
      singleReplica: 'Webhook "{{webhook}}" of {{object}} fails closed and is served by {{workloads}} with {{replicas}} replica(s): while that pod is down every API request the webhook matches is rejected.',
      deadlock:
        'Webhook "{{webhook}}" of {{object}} fails closed, is served by {{workloads}} with {{replicas}} replica(s), and intercepts pod creation in namespace "{{namespace}}": once that pod is gone it cannot be recreated, and matching API requests fail until the webhook configuration is deleted by hand.',
      noBudget:
        'Webhook "{{webhook}}" of {{object}} fails closed and no PodDisruptionBudget in the linted files protects {{workloads}}: a node drain can evict all its replicas at once and every API request the webhook matches is rejected until they are back.',
    },
  },
  check(context) {
    // One finding per backend: the webhooks that call the same Service share its fate.
    const byService = new Map<K8sObject, { backend: WebhookBackend; webhooks: Webhook[] }>();
    for (const kind of WEBHOOK_CONFIGURATION_KINDS) {
      for (const configuration of context.cluster.ofKind(kind)) {
        for (const webhook of webhooksOf(configuration)) {
          const backend = webhook.failClosed ? webhookBackend(context.cluster, webhook) : undefined;
          if (!backend) continue;
          const group = byService.get(backend.service) ?? { backend, webhooks: [] };
          group.webhooks.push(webhook);
          byService.set(backend.service, group);
        }
      }
    }
    for (const { backend, webhooks } of byService.values()) judge(context, webhooks, backend);
  },
});

function judge(context: Context, webhooks: readonly Webhook[], backend: WebhookBackend): void {
  const scale = backendScale(context.cluster, backend.workloads);
  const first = webhooks[0];
  if (!scale || !first || scale.total === 0) return;
  const related: RelatedReport[] = [{ at: backend.service.at('metadata', 'name'), message: `${backend.service.describe()} routes the webhook's calls` }, ...scale.related];
  const report = (webhook: Webhook, messageId: MessageId, extra: Record<string, string> = {}): void => {
    const { configuration } = webhook;
    const at = configuration.at(...webhook.path, configuration.get(...webhook.path, 'failurePolicy') === undefined ? 'name' : 'failurePolicy');
    const data = { webhook: webhook.name, object: configuration.describe(), workloads: scale.names, replicas: scale.total, ...extra };
    context.report({ at, object: configuration, messageId, data, related, ...(messageId === 'deadlock' ? { severity: 'error' as const } : {}) });
  };
  if (scale.total < 2) {
    for (const webhook of webhooks) {
      const namespace = deadlockNamespace(context.cluster, webhook, backend.workloads);
      if (namespace !== undefined) return report(webhook, 'deadlock', { namespace });
    }
    return report(first, 'singleReplica');
  }
  if (backend.workloads.some(({ object }) => context.cluster.pdbsFor(object).length > 0)) return;
  report(first, 'noBudget');
}

interface Scale {
  total: number;
  names: string;
  related: RelatedReport[];
}

/** The backend's pods at their lowest scale, and where each count comes from; undefined when the set cannot tell. */
function backendScale(cluster: ClusterIndex, workloads: readonly TemplateEntry[]): Scale | undefined {
  const pods = backendPods(cluster, workloads);
  if (!pods) return undefined;
  const related: RelatedReport[] = pods.parts.map(({ object, replicas, scaledBy }) => {
    if (object.kind === 'Pod') return { at: object.at('metadata', 'name'), message: `${object.describe()} serves the webhook` };
    if (scaledBy) return { at: scaledBy.object.at('spec', scaledBy.field), message: `${scaledBy.object.describe()} scales ${object.describe()} down to ${replicas}` };
    return { at: object.at('spec', 'replicas'), message: `${object.describe()} runs ${replicas} replica(s)` };
  });
  return { total: pods.total, names: workloads.map(({ object }) => object.describe()).join(', '), related };
}

/**
 * The namespace whose pod creation the webhook certainly intercepts in a way that blocks its
 * own recovery: its backend's namespace (judged with the backend's own pod labels), or
 * kube-system (judged for any pod: an objectSelector makes it uncertain).
 */
function deadlockNamespace(cluster: ClusterIndex, webhook: Webhook, workloads: readonly TemplateEntry[]): string | undefined {
  for (const { object, template } of workloads) {
    const own = namespaceLabels(cluster, object.namespaceOrDefault);
    if (interceptsPodCreate(webhook, own.labels, own.complete, template.labels) === 'yes') return object.namespaceOrDefault;
  }
  const system = namespaceLabels(cluster, 'kube-system');
  const entry = webhook.configuration.get(...webhook.path, 'objectSelector');
  const anyPod = entry === undefined || entry === null;
  return anyPod && interceptsPodCreate(webhook, system.labels, system.complete, {}) === 'yes' ? 'kube-system' : undefined;
}
