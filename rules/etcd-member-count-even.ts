import { defineRule } from '../src/engine/rule.js';
import { relatedEvidence } from '../src/model/control-plane.js';

export default defineRule<'even'>({
  meta: {
    id: 'etcd-member-count-even',
    scope: 'set',
    category: 'control-plane',
    severity: 'error',
    summary: 'An even number of etcd members: no more failures tolerated than with one member fewer.',
    rationale:
      'etcd commits a write once a quorum of floor(n/2)+1 members has it (etcd FAQ, "Why an odd number of cluster members?"). The failures a cluster survives are 0 for 1 and 2 members, 1 for 3 and 4, 2 for 5 and 6, 3 for 7: an even size buys no tolerance over the odd size below it, and each extra member is one more machine whose loss counts against the quorum. Two members are worse than one: losing either stops all writes, so the API server can no longer change anything. The old advice to size etcd at "2 × masters" yields exactly these even sizes. With stacked etcd (kubeadm\'s default), every control-plane node runs one member, so two or four control planes mean an even etcd.',
    fix: 'Run an odd number of etcd members: 3 (tolerates 1 failure), 5 (tolerates 2) or 7. With stacked etcd, add or remove a control-plane node.',
    appliesTo: ['ClusterConfiguration', 'InitConfiguration', 'JoinConfiguration', 'Pod'],
    since: '0.1.0',
    messages: {
      even: 'etcd has {{members}} members ({{source}}): a quorum needs {{quorum}}, so it tolerates {{tolerated}} failure(s), no more than {{lower}} member(s) would.',
    },
  },
  check(context) {
    for (const view of context.cluster.controlPlane.clusters) {
      const etcd = view.etcd;
      if (!etcd?.exact || etcd.value < 2 || etcd.value % 2 !== 0 || !etcd.anchor) continue;
      context.report({
        at: etcd.anchor,
        messageId: 'even',
        severity: etcd.value === 2 ? 'error' : 'warning',
        data: { members: etcd.value, source: etcd.origin, quorum: Math.floor(etcd.value / 2) + 1, tolerated: Math.floor((etcd.value - 1) / 2), lower: etcd.value - 1 },
        related: relatedEvidence(etcd),
      });
    }
  },
});
