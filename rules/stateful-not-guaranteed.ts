import { defineRule } from '../src/engine/rule.js';
import { computeQosClass } from '../src/model/qos.js';
import { bestEffortContainers } from '../src/model/resources.js';

export default defineRule<'notGuaranteed'>({
  meta: {
    id: 'stateful-not-guaranteed',
    scope: 'object',
    category: 'workload',
    severity: 'info',
    summary: "A StatefulSet's pods are not in the Guaranteed QoS class.",
    rationale:
      'StatefulSets usually run databases, queues and consensus members whose restart is expensive: a replica rebuilds caches, replays logs or re-syncs from its peers, and a quorum member lost under pressure can cost the quorum. Under node memory pressure the kubelet evicts Burstable and BestEffort pods before Guaranteed ones, and the OOM killer scores them higher (pkg/kubelet/eviction, pkg/kubelet/qos/policy.go). Guaranteed (every container requests and limits CPU and memory, requests equal to limits) keeps them last in line. The class is computed the way the API server does after defaulting (pkg/apis/core/v1/helper/qos). A BestEffort StatefulSet is reported once, by qos-besteffort, while that rule runs.',
    fix: 'Set CPU and memory `limits` equal to `requests` on every container of the StatefulSet (init containers and sidecars included).',
    appliesTo: ['StatefulSet'],
    since: '0.1.0',
    messages: {
      notGuaranteed: '{{object}} has QoS class {{qosClass}}, not Guaranteed: under memory pressure its pods are evicted and OOM-killed before Guaranteed ones.',
    },
  },
  checkObject(object, context) {
    if (object.kind !== 'StatefulSet') return;
    const template = object.podTemplate;
    if (!template) return;
    const qosClass = computeQosClass(template.spec);
    if (qosClass === 'Guaranteed') return;
    // One finding per root cause: a BestEffort pod is qos-besteffort's, which says more.
    if (context.isEnabled('qos-besteffort') && bestEffortContainers(template)) return;
    context.report({ at: object.at(...template.specPath, 'containers'), object, messageId: 'notGuaranteed', data: { object: object.describe(), qosClass } });
  },
});
