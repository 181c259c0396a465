import { defineRule } from '../src/engine/rule.js';
import { relatedEvidence } from '../src/model/control-plane.js';

export default defineRule<'single'>({
  meta: {
    id: 'control-plane-single',
    scope: 'set',
    category: 'control-plane',
    severity: 'warning',
    summary: 'The cluster has one control-plane node.',
    rationale:
      "With one control-plane node, its reboot, kernel panic or failed upgrade takes down the API server, the scheduler and the controllers at once: nothing is rescheduled, no Deployment heals, no kubectl works until it is back. With stacked etcd (kubeadm's default) it is also the only etcd member, so losing its disk loses the cluster state. kubeadm cannot add control planes later to a cluster created without `controlPlaneEndpoint` (checkIfReadyForAdditionalControlPlane in cmd/kubeadm/app/cmd/phases/join), so the count is settled when the cluster is created.",
    fix: 'Run three control-plane nodes behind a load balancer or VIP set as `controlPlaneEndpoint` (kubeadm "Creating Highly Available Clusters"). If the linted files show only part of the cluster, declare `cluster.controlPlaneNodes` in the ballast config.',
    appliesTo: ['InitConfiguration', 'JoinConfiguration', 'ClusterConfiguration'],
    since: '0.1.0',
    messages: {
      single: 'The cluster has a single control-plane node ({{source}}): its failure stops the API, scheduling and self-healing.',
    },
  },
  check(context) {
    for (const view of context.cluster.controlPlane.clusters) {
      const nodes = view.controlPlaneNodes;
      if (!nodes?.exact || nodes.value !== 1 || !nodes.anchor) continue;
      context.report({ at: nodes.anchor, ...(nodes.subject ? { object: nodes.subject } : {}), messageId: 'single', data: { source: nodes.origin }, related: relatedEvidence(nodes) });
    }
  },
});
