import { defineRule } from '../src/engine/rule.js';
import { relatedEvidence } from '../src/model/control-plane.js';

interface Options {
  max: number;
}

export default defineRule<'large', Options>({
  meta: {
    id: 'etcd-member-count-large',
    scope: 'set',
    category: 'control-plane',
    severity: 'warning',
    summary: 'More than 7 etcd members: every write slows for little added tolerance.',
    rationale:
      'Every etcd write waits until a majority of members has persisted it, so each member added makes commits slower and leader elections longer. The etcd FAQ recommends 3, 5 or 7 members: 7 already tolerates 3 simultaneous failures, and larger clusters add little tolerance while every API write waits on more disks and network round trips. With stacked etcd, every control-plane node adds a member.',
    fix: 'Keep etcd at 5 or 7 members; scale the API servers separately (external etcd, or more worker capacity for the API) rather than adding members.',
    appliesTo: ['ClusterConfiguration', 'InitConfiguration', 'JoinConfiguration', 'Pod'],
    since: '0.1.0',
    messages: {
      large: 'etcd has {{members}} members ({{source}}), more than {{max}}: every write waits until {{quorum}} members persist it, while 7 members already tolerate 3 failures.',
    },
    options: { schema: { max: { type: 'integer', minimum: 3 } }, defaults: { max: 7 } },
  },
  check(context) {
    for (const view of context.cluster.controlPlane.clusters) {
      const etcd = view.etcd;
      // A lower bound above the limit is already too many.
      if (!etcd || etcd.value <= context.options.max || !etcd.anchor) continue;
      context.report({ at: etcd.anchor, messageId: 'large', data: { members: etcd.value, source: etcd.origin, max: context.options.max, quorum: Math.floor(etcd.value / 2) + 1 }, related: relatedEvidence(etcd) });
    }
  },
});
