import { defineRule, type Rule, type RuleMeta } from '../../src/engine/rule.js';
import { priorityClassOf } from '../../src/model/addons.js';
import { bestEffortContainers, hasEffectiveRequest, podLevelCovers, resourceJudgedContainers, resourceValue, type ResourceList } from '../../src/model/resources.js';
import { controlPlanePodComponent, isStaticPod } from '../../src/model/static-pods.js';
import { containerLocation, isJobManaged } from '../../src/model/workload.js';

type MessageId = 'missing' | 'noBound' | 'staticPod';
type MetaText = Pick<RuleMeta<MessageId>, 'id' | 'summary' | 'rationale' | 'fix'> & { messages: { missing: string; noBound?: string; staticPod?: string } };

/**
 * The per-container "no request / no limit for a resource" rules share one check; each keeps
 * its own ID, wording and rationale. A request counts when a limit would default it, and
 * pod-level resources cover every container. Which containers are judged (not plain init
 * containers that cost nothing, but those that raise the pod's effective request; not idle ones)
 * is resourceJudgedContainers' call.
 *
 * One finding per root cause, while the rule that owns it runs:
 *  - a BestEffort pod is qos-besteffort's, which names every container;
 *  - a container with neither a request nor a limit for the resource is the request rule's,
 *    whose `noBound` message names both, and the limit rule stays silent on it.
 *
 * Static pods are not scheduled pods: the kubelet never evicts them, and a system-node-critical
 * one gets the protected OOM score (-997, pkg/kubelet/qos/policy.go), so the memory rules leave
 * those alone; a control-plane pod's memory exposure is control-plane-pod-priority's to report;
 * for other static pods the request rule says what is true of them (`staticPod`).
 *
 * Pods of Jobs and CronJobs are reported as info (JOB_NOTE says why).
 */
const JOB_NOTE =
  'Containers of Jobs and CronJobs are reported as info: the kubelet evicts first the pods whose usage exceeds their requests, and the OOM killer scores them highest, so the first casualty of the pressure is the batch pod itself, which the Job controller retries until `backoffLimit` is spent: a late or failed run rather than an outage.';

export function missingResourceRule(resource: 'cpu' | 'memory', list: ResourceList, text: MetaText): Rule<MessageId> {
  const present = list === 'requests' ? hasEffectiveRequest : (owner: unknown, name: string) => resourceValue(owner, 'limits', name) !== undefined;
  const requestRule = `${resource}-request-missing`;
  const limitRule = `${resource}-limit-missing`;
  return defineRule<MessageId>({
    meta: {
      ...text,
      scope: 'object',
      rationale: `${text.rationale} ${JOB_NOTE}`,
      messages: text.messages as Record<MessageId, string>,
      category: 'workload',
      severity: 'warning',
      appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'],
      since: '0.1.0',
    },
    checkObject(object, context) {
      const template = object.podTemplate;
      if (!template || podLevelCovers(template, list, resource)) return;
      const staticPod = isStaticPod(object);
      if (staticPod && resource === 'memory') {
        if (priorityClassOf(template) === 'system-node-critical') return;
        if (context.isEnabled('control-plane-pod-priority') && controlPlanePodComponent(object) !== undefined) return;
      }
      if (!staticPod && context.isEnabled('qos-besteffort') && bestEffortContainers(template)) return;
      const staticMessage = staticPod && text.messages.staticPod !== undefined;
      const absorbed = list === 'limits' && context.isEnabled(requestRule);
      const namesBoth = list === 'requests' && text.messages.noBound !== undefined && context.isEnabled(limitRule);
      for (const container of resourceJudgedContainers(template, resource, list)) {
        if (present(container.value, resource)) continue;
        const unbounded = !hasEffectiveRequest(container.value, resource);
        if (absorbed && unbounded) continue;
        context.report({
          ...containerLocation(object, container),
          object,
          messageId: staticMessage ? 'staticPod' : namesBoth && unbounded ? 'noBound' : 'missing',
          ...(isJobManaged(object) ? { severity: 'info' as const } : {}),
          data: { container: container.name, object: object.describe() },
        });
      }
    },
  });
}
