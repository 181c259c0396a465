import { defineRule } from '../src/engine/rule.js';
import { asInteger, field } from '../src/model/access.js';

interface Options {
  min: number;
}

/**
 * A pod template whose terminationGracePeriodSeconds is written below `min` (5 by default).
 *
 * Kubernetes semantics: PodSpec.terminationGracePeriodSeconds (staging/src/k8s.io/api/core/v1/types.go)
 * is the time between the termination signal and the kill signal, preStop hook included; 0 means
 * "stop immediately via the kill signal (no opportunity to shut down)", and when the field is
 * absent the default of 30 seconds applies. The kubelet never waits less than
 * minimumGracePeriodInSeconds = 2 (pkg/kubelet/kuberuntime/kuberuntime_manager.go), which is still
 * shorter than endpoint removal takes to reach every proxy and load balancer.
 *
 * Silent when the field is absent (the 30-second default is fine), not an integer (the
 * `invalid-field-type` rule's case) or negative (rejected by API validation: not a grace period).
 */
export default defineRule<'short', Options>({
  meta: {
    id: 'termination-grace-short',
    scope: 'object',
    category: 'workload',
    severity: 'info',
    summary: 'terminationGracePeriodSeconds is set below a few seconds: pods are killed before they can drain.',
    rationale:
      'On every rollout, scale-down, eviction or node drain the kubelet sends SIGTERM and, once terminationGracePeriodSeconds has passed, SIGKILL. Endpoint removal takes seconds to reach kube-proxy, ingress controllers and cloud load balancers, so traffic keeps arriving after SIGTERM; a pod killed within a second or two drops the requests it holds and those still being routed to it, and a preStop hook gets cut short by the same deadline.',
    fix: 'Remove terminationGracePeriodSeconds to get the 30-second default, or set it at least as long as the process needs to finish in-flight work after SIGTERM (plus any preStop delay).',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'],
    since: '0.1.0',
    recommended: false,
    messages: {
      short: '{{object}} sets terminationGracePeriodSeconds to {{seconds}}, below {{min}}: its pods get SIGKILL seconds after SIGTERM, before they can drain connections.',
    },
    options: { schema: { min: { type: 'integer', minimum: 1, description: 'Grace periods below this many seconds are reported.' } }, defaults: { min: 5 } },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template) return;
    const seconds = asInteger(field(template.spec, 'terminationGracePeriodSeconds'));
    if (seconds === undefined || seconds < 0 || seconds >= context.options.min) return;
    context.report({
      at: object.at(...template.specPath, 'terminationGracePeriodSeconds'),
      object,
      messageId: 'short',
      data: { object: object.describe(), seconds, min: context.options.min },
    });
  },
});
