import { defineRule, type ObjectContext } from '../src/engine/rule.js';
import type { K8sObject } from '../src/model/object.js';
import { criticalAddonTooFew } from '../src/model/addons.js';
import { hpaMinReplicas } from '../src/model/cluster.js';
import { singleByDesign, type SingleByDesign } from '../src/model/single.js';
import { soleFailClosedBackend } from '../src/model/webhooks.js';
import { REPLICATED_KINDS } from '../src/model/workload.js';

interface Options {
  min: number;
}

export default defineRule<'tooFew' | 'omitted' | 'hpaTooLow' | 'singleByDesign', Options>({
  meta: {
    id: 'replicas-min',
    scope: 'set',
    category: 'workload',
    severity: 'warning',
    summary: 'A replicated workload runs fewer than `min` replicas (default 2).',
    rationale:
      'With one pod, every container crash, node failure, eviction, drain or rollout is an outage: there is no second replica to take the traffic while the first is replaced. `replicas` left out means 1. A DNS or metrics add-on with too few replicas is reported once, by critical-addon-replicas, while that rule runs; a workload scaled by an HPA whose `minReplicas` is 1 is reported on the HPA, by hpa-min-replicas, while that rule runs. The one pod behind a fail-closed admission webhook is reported by webhook-backend-single-replica while that rule runs (it says what the outage blocks: every API request the webhook matches). Some workloads cannot run a second replica as written, and for them the advice to add replicas is wrong: leader election switched off (`--leader-elect=false` or a `*LEADER_ELECT*` variable set to false: every replica would run the control loops at once), a PersistentVolumeClaim shared by all pods that one node at a time can attach (ReadWriteOnce/ReadWriteOncePod in the set, or a claim not in the set mounted by a Deployment with `strategy: Recreate`, the strategy such a claim needs: a second pod on another node waits for the volume), or pods told their replica count (`*_REPLICAS: "1"`: each replica is a shard, not a standby). Those are reported as info, saying what is true: a pod failure, drain or rollout is downtime until the pod is replaced. A Kustomize base is judged by what the kustomizations of the run build from it: when an overlay raises its `replicas` to `min` or more (a strategic-merge or JSON6902 patch, inline or in a file, or the `replicas` field), the base is not reported.',
    fix: 'Set `spec.replicas` to at least 2 (3 for quorum-based software), or let a HorizontalPodAutoscaler with `minReplicas` ≥ 2 manage the scale.',
    appliesTo: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'],
    since: '0.1.0',
    messages: {
      tooFew: '{{object}} runs {{replicas}} replica(s), fewer than {{min}}: a single pod failure or rollout takes it down.',
      omitted: '{{object}} does not set `replicas`, so it runs 1 pod, and no HorizontalPodAutoscaler in the linted files targets it.',
      hpaTooLow: '{{object}} is scaled by HorizontalPodAutoscaler "{{hpa}}" down to {{replicas}} replica(s), fewer than {{min}}.',
      singleByDesign: '{{object}} runs a single pod by design: it {{what}}. A pod failure, node drain or rollout is downtime until the pod is replaced.',
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
    // Likewise the single pod behind a fail-closed admission webhook is webhook-backend-single-replica's.
    if (context.isEnabled('webhook-backend-single-replica') && soleFailClosedBackend(context.cluster, object)) return;
    const { min } = context.options;
    const hpas = context.cluster.hpasFor(object);
    if (hpas.length > 0) {
      const lowest = hpas.reduce((low, hpa) => (hpaMinReplicas(hpa) < hpaMinReplicas(low) ? hpa : low));
      const replicas = hpaMinReplicas(lowest);
      if (replicas >= min) return;
      // One finding per root cause: the HPA's own minReplicas of 1 is hpa-min-replicas' (on the HPA, where the fix goes).
      if (replicas === 1 && context.isEnabled('hpa-min-replicas')) return;
      context.report({
        at: object.at('spec', 'replicas'),
        object,
        messageId: 'hpaTooLow',
        data: { object: object.describe(), hpa: lowest.name ?? '', replicas, min },
        related: [{ at: lowest.at('spec', 'minReplicas'), message: `minReplicas of HorizontalPodAutoscaler "${lowest.name ?? ''}"` }],
      });
      return;
    }
    // A kustomize overlay of the run that raises the count builds the workload that is deployed.
    const overlay = context.cluster.overlayReplicas(object);
    if (overlay !== undefined && overlay >= min) return;
    const single = min > 1 ? singleByDesign(object, context.cluster) : undefined;
    if (single) {
      reportSingle(object, single, context);
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

const SINGLE_FIXES: Record<SingleByDesign['reason'], string> = {
  'no-leader-election': 'Accept the downtime, or enable leader election so that standby replicas can take over, then raise `spec.replicas`.',
  'single-attach-claim': 'Accept the downtime, or move the data to a volume several nodes can mount (ReadWriteMany) or to a StatefulSet with a claim per replica before raising `spec.replicas`.',
  'shard-count': 'Accept the downtime: more replicas add shards, not standbys. To survive a pod failure the software itself needs a failover mode.',
};

function reportSingle(object: K8sObject, single: SingleByDesign, context: ObjectContext<'singleByDesign', Options>): void {
  context.report({
    at: object.at('spec', 'replicas'),
    object,
    messageId: 'singleByDesign',
    related: [{ at: object.at(...single.path), message: 'why it cannot run a second replica' }],
    data: { object: object.describe(), what: single.what },
    fix: SINGLE_FIXES[single.reason],
    severity: 'info',
  });
}
