import { defineRule } from '../src/engine/rule.js';
import { asInteger } from '../src/model/access.js';

export default defineRule<'conflict'>({
  meta: {
    id: 'hpa-replicas-conflict',
    scope: 'set',
    category: 'workload',
    severity: 'warning',
    summary: 'A workload scaled by a HorizontalPodAutoscaler also sets `spec.replicas`.',
    rationale:
      'The HPA owns `spec.replicas` through the scale subresource. A manifest that also sets it resets the scale on every `kubectl apply` or GitOps sync: a Deployment scaled out to 12 pods under load drops back to the declared 3 until the autoscaler notices again, and the pods it deletes take their in-flight requests with them. The Kubernetes docs advise removing `spec.replicas` once an HPA manages the workload ("Migrating Deployments and StatefulSets to horizontal autoscaling").',
    fix: 'Remove `spec.replicas` from the manifest and let the HPA (`minReplicas`) decide the scale.',
    appliesTo: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'],
    since: '0.1.0',
    messages: {
      conflict: '{{object}} sets replicas: {{replicas}} but HorizontalPodAutoscaler "{{hpa}}" scales it: every apply resets the scale the autoscaler chose.',
    },
  },
  checkObject(object, context) {
    const replicas = asInteger(object.get('spec', 'replicas'));
    // 0 parks the workload (the HPA then stops acting), a deliberate choice; a non-integer is invalid-field-type's.
    if (replicas === undefined || replicas === 0) return;
    const hpa = context.cluster.hpasFor(object)[0];
    if (!hpa) return;
    context.report({
      at: object.at('spec', 'replicas'),
      object,
      messageId: 'conflict',
      data: { object: object.describe(), replicas, hpa: hpa.name ?? '' },
      related: [{ at: hpa.at('spec', 'scaleTargetRef'), message: `${hpa.describe()} targets it` }],
    });
  },
});
