import { defineRule } from '../src/engine/rule.js';
import { bestEffortContainers } from '../src/model/resources.js';
import { isStaticPod } from '../src/model/static-pods.js';
import { isJobManaged } from '../src/model/workload.js';

export default defineRule<'bestEffort' | 'bestEffortJob'>({
  meta: {
    id: 'qos-besteffort',
    scope: 'object',
    category: 'workload',
    severity: 'warning',
    summary: 'The pod template has QoS class BestEffort: no container requests or limits CPU or memory.',
    rationale:
      'Under node memory pressure the kubelet evicts BestEffort pods first, and the kernel OOM killer picks them first (oom_score_adj 1000). They are also scheduled as if they used nothing, so they land on nodes that are already full. A BestEffort pod is the first casualty of any busy node. This is the one finding for the pod: while it fires, it subsumes cpu-request-missing, memory-request-missing and memory-limit-missing (silent on every container of the pod) and stateful-not-guaranteed (silent on a BestEffort StatefulSet), and this message names every container that needs resources. Turning this rule off brings those findings back; suppressing it accepts the cause, and they stay silent. Pods whose containers only idle (pause, `sleep infinity`) are not reported, nor static pods, which the kubelet never evicts (memory-request-missing says what is true of them). Jobs and CronJobs are reported as info: the kubelet evicts pods whose usage exceeds their requests first (then by priority, then by how far over), and the kernel OOM killer scores BestEffort highest, so the first casualty of the pressure is the batch pod itself, which the Job controller replaces until `backoffLimit` is spent; the harm is a late or failed run, not an outage of a service or of its neighbours. (Their unaccounted usage still packs nodes tighter than the scheduler believes, which is why they are reported at all.)',
    fix: 'Set `resources.requests` for cpu and memory on every container (equal limits make the pod Guaranteed).',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'],
    since: '0.1.0',
    messages: {
      bestEffort: '{{object}} has QoS class BestEffort: no CPU or memory request or limit on {{containers}}, so its pods are scheduled onto full nodes and are evicted and OOM-killed first.',
      bestEffortJob:
        '{{object}} has QoS class BestEffort: no CPU or memory request or limit on {{containers}}, so its pods are scheduled onto full nodes and are the first evicted or OOM-killed there; each such failure is retried against backoffLimit, so on a busy cluster the run is late or fails.',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    // The kubelet never evicts a static pod; the memory rules say what is true of one.
    const containers = template && !isStaticPod(object) && bestEffortContainers(template);
    if (!template || !containers) return;
    const names = containers.map((container) => `"${container.name}"`);
    const job = isJobManaged(object);
    const list = names.length === 1 ? `container ${names[0] ?? ''}` : `containers ${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
    context.report({
      at: object.at(...template.specPath, 'containers'),
      object,
      messageId: job ? 'bestEffortJob' : 'bestEffort',
      ...(job ? { severity: 'info' as const } : {}),
      data: { object: object.describe(), containers: list },
      fix: `Set \`resources.requests\` for cpu and memory (and a memory limit) on ${list}.`,
    });
  },
});
