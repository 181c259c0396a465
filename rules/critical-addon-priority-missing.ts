import { defineRule } from '../src/engine/rule.js';
import { CRITICAL_PRIORITY_CLASSES, criticalAddonOf, priorityClassOf, type CriticalReason } from '../src/model/addons.js';

const WHY: Readonly<Record<CriticalReason, string>> = {
  'kube-system': 'it runs in kube-system',
  toleration: 'it tolerates CriticalAddonsOnly',
  annotation: 'it carries the legacy critical-pod annotation',
  'well-known': 'it is a cluster add-on',
};

export default defineRule<'missing' | 'notCritical'>({
  meta: {
    id: 'critical-addon-priority-missing',
    category: 'addon',
    severity: 'warning',
    summary: 'A critical add-on without `priorityClassName: system-cluster-critical` or `system-node-critical`.',
    rationale:
      'Without a critical priority class an add-on has the priority of ordinary pods (0 unless a default class exists): the scheduler preempts it to place a higher-priority workload, and under node pressure the kubelet may evict it before the workloads that depend on it. The kubelet treats a pod as critical only from priority 2000000000 up (IsCriticalPodBasedOnPriority, pkg/kubelet/types/pod_update.go), which user-defined classes cannot reach (capped at 1000000000); only `system-cluster-critical` and `system-node-critical` qualify. Losing DNS, kube-proxy or the CNI agent on a node breaks every pod there.',
    fix: 'Set `priorityClassName: system-node-critical` on per-node agents (DaemonSets: kube-proxy, CNI, CSI node plugins) and `system-cluster-critical` on cluster-wide add-ons (CoreDNS, metrics-server, autoscalers).',
    appliesTo: ['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'Pod'],
    since: '0.1.0',
    messages: {
      missing: '{{object}} is a critical add-on ({{why}}) without a priorityClassName: it can be preempted or evicted before ordinary workloads.',
      notCritical: '{{object}} is a critical add-on ({{why}}) with priority class {{class}}, below the critical range: it can be preempted by system pods and evicted under node pressure.',
    },
  },
  checkObject(object, context) {
    const addon = criticalAddonOf(object);
    if (!addon) return;
    const priorityClass = priorityClassOf(addon.template);
    if (priorityClass !== undefined && CRITICAL_PRIORITY_CLASSES.has(priorityClass)) return;
    const suggested = object.kind === 'DaemonSet' ? 'system-node-critical' : 'system-cluster-critical';
    const data = { object: object.describe(), why: WHY[addon.reason], class: priorityClass ?? '' };
    const fix = `Set \`priorityClassName: ${suggested}\`.`;
    const at = object.at(...addon.template.specPath, 'priorityClassName');
    context.report({ at, object, messageId: priorityClass === undefined ? 'missing' : 'notCritical', data, fix });
  },
});
