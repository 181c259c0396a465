import { defineRule } from '../src/engine/rule.js';
import { CRITICAL_PRIORITY_CLASSES, criticalAddonOf, priorityClassOf, type AddonRole } from '../src/model/addons.js';

const WHAT: Readonly<Record<AddonRole, string>> = {
  dns: 'the cluster DNS',
  metrics: 'the metrics API',
  proxy: 'kube-proxy',
  cni: 'the CNI agent',
  'csi-node': 'a CSI node plugin',
  'load-balancer': 'a load-balancer speaker',
  autoscaler: 'the cluster autoscaler',
  webhook: 'a fail-closed admission webhook backend',
};

export default defineRule<'missing' | 'notCritical'>({
  meta: {
    id: 'critical-addon-priority-missing',
    scope: 'set',
    category: 'addon',
    severity: 'warning',
    summary: 'A critical add-on without `priorityClassName: system-cluster-critical` or `system-node-critical`.',
    rationale:
      'Without a critical priority class an add-on has the priority of ordinary pods (0 unless a default class exists): the scheduler preempts it to place a higher-priority workload, and under node pressure the kubelet may evict it before the workloads that depend on it. The kubelet treats a pod as critical only from priority 2000000000 up (IsCriticalPodBasedOnPriority, pkg/kubelet/types/pod_update.go), which user-defined classes cannot reach (capped at 1000000000); only `system-cluster-critical` and `system-node-critical` qualify. Losing DNS, kube-proxy or the CNI agent on a node breaks every pod there. Criticality is judged by role — cluster DNS, CNI agents, kube-proxy, CSI node plugins, load-balancer speakers, cluster-autoscaler by image or well-known label; the backend of a metrics APIService (APIService → Service → workload) or of a `failurePolicy: Fail` admission webhook (webhook → Service → workload) — never by the namespace: running in kube-system, or tolerating CriticalAddonsOnly, makes nothing critical. Static pods are not add-ons (the kubelet treats every static pod as critical).',
    fix: 'Set `priorityClassName: system-node-critical` on per-node agents (DaemonSets: kube-proxy, CNI, CSI node plugins) and `system-cluster-critical` on cluster-wide add-ons (CoreDNS, metrics-server, autoscalers).',
    appliesTo: ['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'Pod'],
    since: '0.1.0',
    messages: {
      missing: '{{object}} is {{why}} without a priorityClassName: it can be preempted or evicted before ordinary workloads.',
      notCritical: '{{object}} is {{why}} with priority class {{class}}, below the critical range: it can be preempted by system pods and evicted under node pressure.',
    },
  },
  checkObject(object, context) {
    const addon = criticalAddonOf(object, context.cluster);
    if (!addon) return;
    const priorityClass = priorityClassOf(addon.template);
    if (priorityClass !== undefined && CRITICAL_PRIORITY_CLASSES.has(priorityClass)) return;
    const suggested = object.kind === 'DaemonSet' ? 'system-node-critical' : 'system-cluster-critical';
    const why = addon.servedFor ? `${WHAT[addon.role]} (it serves ${addon.servedFor})` : WHAT[addon.role];
    const data = { object: object.describe(), why, class: priorityClass ?? '' };
    const fix = `Set \`priorityClassName: ${suggested}\`.`;
    const at = object.at(...addon.template.specPath, 'priorityClassName');
    context.report({ at, object, messageId: priorityClass === undefined ? 'missing' : 'notCritical', data, fix });
  },
});
