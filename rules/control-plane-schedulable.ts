import { defineRule } from '../src/engine/rule.js';
import { type ClusterView, type Evidence } from '../src/model/control-plane.js';
import { isControlPlaneNodeConfig, taintsSetting } from '../src/model/kubeadm.js';

export default defineRule<'empty' | 'replaced'>({
  meta: {
    id: 'control-plane-schedulable',
    scope: 'set',
    category: 'control-plane',
    severity: 'warning',
    summary: 'A control-plane node registers without the control-plane taint in a multi-node cluster.',
    rationale:
      'kubeadm taints control-plane nodes `node-role.kubernetes.io/control-plane:NoSchedule` when `nodeRegistration.taints` is unset; `taints: []` registers the node untainted and an explicit list replaces the default (NodeRegistrationOptions.Taints in kubeadm v1beta4 types.go). Untainted control planes take ordinary pods: a memory-hungry workload can starve etcd and the API server, and when the workers restart together (a zone outage, a rolling OS update) every evicted pod lands on the control planes and overloads them. Only reported when the linted files or the config show nodes besides this one.',
    fix: 'Leave `nodeRegistration.taints` unset on control-plane nodes (or include `key: node-role.kubernetes.io/control-plane, effect: NoSchedule`); run workloads on worker nodes.',
    appliesTo: ['InitConfiguration', 'JoinConfiguration'],
    since: '0.1.0',
    messages: {
      empty: '{{kind}} sets `taints: []`: this control-plane node registers without the control-plane taint and takes ordinary pods.',
      replaced: '{{kind}} sets taints without `node-role.kubernetes.io/control-plane:NoSchedule`: the list replaces the default, so this control-plane node takes ordinary pods.',
    },
  },
  check(context) {
    for (const view of context.cluster.controlPlane.clusters) {
      const others = otherNodes(view);
      if (!others) continue;
      for (const object of view.objects) {
        if (!isControlPlaneNodeConfig(object)) continue;
        const taints = taintsSetting(object);
        if (taints.kind === 'default' || (taints.kind === 'list' && taints.hasControlPlaneTaint)) continue;
        context.report({
          at: object.at(...taints.path),
          object,
          messageId: taints.kind === 'empty' ? 'empty' : 'replaced',
          data: { kind: object.kind },
          related: others.filter((item) => item.at.doc !== object.doc).slice(0, 3),
        });
      }
    }
  },
});

/** Evidence that the cluster has more than one node; undefined when nothing shows it. */
function otherNodes(view: ClusterView): Evidence[] | undefined {
  const nodes = view.controlPlaneNodes;
  if (view.workers.length > 0 || view.declaredWorkers || (nodes && nodes.value > 1)) return [...view.workers, ...(nodes?.evidence ?? [])];
  return undefined;
}
