import { defineRule } from '../src/engine/rule.js';
import { asInteger } from '../src/model/access.js';
import { hpaMinReplicas } from '../src/model/cluster.js';

export default defineRule<'below' | 'equal' | 'pinnedToOne'>({
  meta: {
    id: 'hpa-max-below-min',
    scope: 'object',
    category: 'workload',
    severity: 'error',
    summary: 'A HorizontalPodAutoscaler whose `maxReplicas` is below `minReplicas` (invalid), or equal to it (it can never scale).',
    rationale:
      'The API server rejects an HPA whose maxReplicas is below minReplicas ("must be greater than or equal to `minReplicas`", ValidateHorizontalPodAutoscalerSpec in pkg/apis/autoscaling/validation), so the apply that carries it fails and the workload keeps its old scaling. When both are equal the autoscaler pins the replica count: it cannot add capacity under load, which usually means the bounds were copied wrongly (info); pinned at a single pod (both 1) it is also an outage on every pod failure, so that case is a warning and hpa-min-replicas does not report the same HPA again while this rule runs. `minReplicas` defaults to 1.',
    fix: 'Raise `spec.maxReplicas` above `spec.minReplicas` (or lower `minReplicas`); if a fixed scale is intended, drop the HPA and set `replicas` on the workload.',
    appliesTo: ['HorizontalPodAutoscaler'],
    since: '0.1.0',
    messages: {
      below: '{{object}} has maxReplicas {{max}} below minReplicas {{min}}: the API server rejects it.',
      equal: '{{object}} has maxReplicas equal to minReplicas ({{min}}): it can never scale.',
      pinnedToOne: '{{object}} has minReplicas and maxReplicas both 1: it pins its target at a single pod, never scales, and a pod failure is an outage.',
    },
  },
  checkObject(object, context) {
    if (object.kind !== 'HorizontalPodAutoscaler') return;
    const max = asInteger(object.get('spec', 'maxReplicas'));
    if (max === undefined) return;
    const min = hpaMinReplicas(object);
    if (max > min) return;
    const data = { object: object.describe(), max, min };
    if (max < min) context.report({ at: object.at('spec', 'maxReplicas'), object, messageId: 'below', data });
    // Pinned at one pod: the bounds are the one cause of both findings, so this rule reports it (hpa-min-replicas stays silent) at warning.
    else if (min === 1) context.report({ at: object.at('spec', 'maxReplicas'), object, messageId: 'pinnedToOne', data, severity: 'warning' });
    else context.report({ at: object.at('spec', 'maxReplicas'), object, messageId: 'equal', data, severity: 'info' });
  },
});
