import { defineRule } from '../src/engine/rule.js';
import { asInteger } from '../src/model/access.js';
import { hpaMinReplicas } from '../src/model/cluster.js';
import type { K8sObject } from '../src/model/object.js';

interface Options {
  min: number;
}

export default defineRule<'tooLow' | 'omitted', Options>({
  meta: {
    id: 'hpa-min-replicas',
    scope: 'object',
    category: 'workload',
    severity: 'warning',
    summary: 'A HorizontalPodAutoscaler may scale its target down to fewer than `min` replicas (default 2).',
    rationale:
      'At low load the autoscaler shrinks the workload to `minReplicas`, and `minReplicas` left out means 1 (SetDefaults_HorizontalPodAutoscaler in pkg/apis/autoscaling/v2/defaults.go). From then on a single pod serves everything: a crash, eviction, node drain or rollout is an outage until the autoscaler reacts, which takes at least one sync period plus pod start-up. An HPA whose `maxReplicas` is at or below `minReplicas` is reported by hpa-max-below-min while that rule runs (the bounds are one cause); the workload it scales is not reported again by replicas-min.',
    fix: 'Set `spec.minReplicas` to at least 2 (3 for quorum-based software).',
    appliesTo: ['HorizontalPodAutoscaler'],
    since: '0.1.0',
    messages: {
      tooLow: '{{object}} lets its target scale down to {{replicas}} replica(s), fewer than {{min}}: a single pod failure is then an outage.',
      omitted: '{{object}} does not set `minReplicas`, so it scales its target down to 1 replica: a single pod failure is then an outage.',
    },
    options: {
      schema: { min: { type: 'integer', minimum: 1 } },
      defaults: { min: 2 },
    },
  },
  checkObject(object, context) {
    if (object.kind !== 'HorizontalPodAutoscaler') return;
    const { min } = context.options;
    // One finding per root cause: bounds that pin the target (maxReplicas ≤ minReplicas) are hpa-max-below-min's.
    if (context.isEnabled('hpa-max-below-min') && boundsPinned(object)) return;
    const value = object.get('spec', 'minReplicas');
    if (value === undefined || value === null) {
      if (min > 1) context.report({ at: object.at('spec', 'minReplicas'), object, messageId: 'omitted', data: { object: object.describe() } });
      return;
    }
    // 0 is scale-to-zero (HPAScaleToZero), a deliberate choice; a non-integer is invalid-field-type's.
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value >= min) return;
    context.report({ at: object.at('spec', 'minReplicas'), object, messageId: 'tooLow', data: { object: object.describe(), replicas: value, min } });
  },
});

/** maxReplicas at or below minReplicas (default 1): the autoscaler can never add a pod. */
function boundsPinned(hpa: K8sObject): boolean {
  const max = asInteger(hpa.get('spec', 'maxReplicas'));
  return max !== undefined && max <= hpaMinReplicas(hpa);
}
