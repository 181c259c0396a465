import { defineRule } from '../src/engine/rule.js';
import { criticalAddonTooFew } from '../src/model/addons.js';
import { hpaMinReplicas } from '../src/model/cluster.js';
import { REPLICATED_KINDS } from '../src/model/workload.js';

interface Options {
  min: number;
}

export default defineRule<'tooFew' | 'omitted' | 'hpaTooLow', Options>({
  meta: {
    id: 'replicas-min',
    scope: 'set',
    category: 'workload',
    severity: 'warning',
    summary: 'A replicated workload runs fewer than `min` replicas (default 2).',
    rationale:
      'With one pod, every container crash, node failure, eviction, drain or rollout is an outage: there is no second replica to take the traffic while the first is replaced. `replicas` left out means 1. A DNS or metrics add-on with too few replicas is reported once, by critical-addon-replicas, while that rule runs.',
    fix: 'Set `spec.replicas` to at least 2 (3 for quorum-based software), or let a HorizontalPodAutoscaler with `minReplicas` ≥ 2 manage the scale.',
    appliesTo: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'],
    since: '0.1.0',
    messages: {
      tooFew: '{{object}} runs {{replicas}} replica(s), fewer than {{min}}: a single pod failure or rollout takes it down.',
      omitted: '{{object}} does not set `replicas`, so it runs 1 pod, and no HorizontalPodAutoscaler in the linted files targets it.',
      hpaTooLow: '{{object}} is scaled by HorizontalPodAutoscaler "{{hpa}}" down to {{replicas}} replica(s), fewer than {{min}}.',
    },
    options: {
      schema: { min: { type: 'integer', minimum: 1 } },
      defaults: { min: 2 },
    },
  },
  checkObject(object, context) {
    if (!REPLICATED_KINDS.has(object.kind)) return;
    // One finding per root cause: a one-replica DNS or metrics add-on is critical-addon-replicas'.
    if (context.isEnabled('critical-addon-replicas') && criticalAddonTooFew(object, context.cluster)) return;
    const { min } = context.options;
    const hpas = context.cluster.hpasFor(object);
    if (hpas.length > 0) {
      const lowest = hpas.reduce((low, hpa) => (hpaMinReplicas(hpa) < hpaMinReplicas(low) ? hpa : low));
      const replicas = hpaMinReplicas(lowest);
      if (replicas >= min) return;
      context.report({
        at: object.at('spec', 'replicas'),
        object,
        messageId: 'hpaTooLow',
        data: { object: object.describe(), hpa: lowest.name ?? '', replicas, min },
        related: [{ at: lowest.at('spec', 'minReplicas'), message: `minReplicas of HorizontalPodAutoscaler "${lowest.name ?? ''}"` }],
      });
      return;
    }
    const replicas = object.get('spec', 'replicas');
    if (replicas === undefined || replicas === null) {
      if (min > 1) context.report({ at: object.at('spec', 'replicas'), object, messageId: 'omitted', data: { object: object.describe() } });
      return;
    }
    // Zero is a deliberate "parked" workload, and a non-integer is invalid-field-type's to report.
    if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas === 0 || replicas >= min) return;
    context.report({ at: object.at('spec', 'replicas'), object, messageId: 'tooFew', data: { object: object.describe(), replicas, min } });
  },
});
