import { defineRule } from '../src/engine/rule.js';
import { computeQosClass } from '../src/model/qos.js';

export default defineRule<'bestEffort'>({
  meta: {
    id: 'qos-besteffort',
    category: 'workload',
    severity: 'warning',
    summary: 'The pod template has QoS class BestEffort: no container requests or limits CPU or memory.',
    rationale:
      'Under node memory pressure the kubelet evicts BestEffort pods first, and the kernel OOM killer picks them first (oom_score_adj 1000). They are also scheduled as if they used nothing, so they land on nodes that are already full. A BestEffort pod is the first casualty of any busy node.',
    fix: 'Set `resources.requests` for cpu and memory on every container (equal limits make the pod Guaranteed).',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'],
    since: '0.1.0',
    messages: {
      bestEffort: '{{object}} has QoS class BestEffort: no container requests CPU or memory, so its pods are evicted and OOM-killed first.',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template || computeQosClass(template.spec) !== 'BestEffort') return;
    context.report({ at: object.at(...template.specPath, 'containers'), object, messageId: 'bestEffort', data: { object: object.describe() } });
  },
});
