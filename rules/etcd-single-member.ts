import { defineRule } from '../src/engine/rule.js';
import { relatedEvidence } from '../src/model/control-plane.js';

export default defineRule<'single'>({
  meta: {
    id: 'etcd-single-member',
    scope: 'set',
    category: 'control-plane',
    severity: 'warning',
    summary: 'etcd runs a single member: its loss loses the cluster state.',
    rationale:
      "Every object of the cluster lives in etcd. With one member (etcd FAQ: failure tolerance 0), a disk failure, a lost VM or a botched upgrade of that member stops the API server and, without a recent snapshot, loses the cluster's state for good. This rule covers etcd counted from `etcd.external.endpoints` or from the static etcd pods' `--initial-cluster`; a single stacked member is reported by `control-plane-single`, since it is the same single node. The manifest `kubeadm init` writes for the first member names only that member and is never updated when others join, so on its own it is not taken as proof of one member.",
    fix: 'Run 3 (or 5) etcd members on separate machines, and take regular snapshots (`etcdctl snapshot save`) whatever the size.',
    appliesTo: ['ClusterConfiguration', 'Pod'],
    since: '0.1.0',
    messages: {
      single: 'etcd has a single member ({{source}}): losing it stops the API and can lose the cluster state.',
    },
  },
  check(context) {
    for (const view of context.cluster.controlPlane.clusters) {
      const etcd = view.etcd;
      if (!etcd?.exact || etcd.value !== 1 || etcd.source === 'stacked' || !etcd.anchor) continue;
      context.report({ at: etcd.anchor, messageId: 'single', data: { source: etcd.origin }, related: relatedEvidence(etcd) });
    }
  },
});
