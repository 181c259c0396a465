import { defineRule, type RelatedReport } from '../src/engine/rule.js';
import { lowestRunningReplicas } from '../src/model/autoscaling.js';
import type { ClusterIndex, TemplateEntry } from '../src/model/cluster.js';
import { formatIntOrPercent, parseIntOrPercent, scaledValue } from '../src/model/int-or-percent.js';

export default defineRule<'zeroUnavailable' | 'fullPercent' | 'minAvailableAll'>({
  meta: {
    id: 'pdb-blocks-eviction',
    scope: 'set',
    category: 'workload',
    severity: 'error',
    summary: 'A PodDisruptionBudget that never allows an eviction: `maxUnavailable: 0`, `minAvailable: 100%`, or `minAvailable` ≥ the replicas it selects.',
    rationale:
      'The disruption controller (pkg/controller/disruption/disruption.go, getExpectedPodCount) computes desiredHealthy as `minAvailable` (a percentage of the selected controllers’ scale, rounded up by intstr.GetScaledValueFromIntOrPercent) or as scale − `maxUnavailable` (also rounded up), and allows currentHealthy − desiredHealthy disruptions. When that is never above zero, every eviction is refused: `kubectl drain`, cluster upgrades and the cluster autoscaler hang on the node until someone deletes the PDB by hand, which is the moment availability is actually lost. The scale compared is the lowest the workload runs at: `spec.replicas`, or, when autoscalers in the set scale it, the lowest of a HorizontalPodAutoscaler’s `minReplicas` and a KEDA ScaledObject’s `minReplicaCount` (KEDA defaults it to 0 and hands 1 and up to its HPA, so the lowest scale with pods is at least 1): at that scale, the scale the workload sits at whenever load is low, every drain blocks.',
    fix: 'Use `maxUnavailable: 1` (or a percentage that rounds to at least one pod), or keep `minAvailable` strictly below the replica count (and below the HPA’s `minReplicas` or the ScaledObject’s `minReplicaCount`).',
    appliesTo: ['PodDisruptionBudget'],
    since: '0.1.0',
    messages: {
      zeroUnavailable: '{{object}} sets maxUnavailable to {{value}}: no pod it selects can ever be evicted, so node drains and upgrades hang.',
      fullPercent: '{{object}} sets minAvailable to {{value}}: no pod it selects can ever be evicted, so node drains and upgrades hang.',
      minAvailableAll: '{{object}} requires {{desired}} available pod(s) (minAvailable {{value}}), but {{workloads}} run(s) only {{total}}{{scaleNote}}: no pod can ever be evicted, so node drains and upgrades hang.',
    },
  },
  checkObject(object, context) {
    if (object.kind !== 'PodDisruptionBudget') return;
    const rawMax = object.get('spec', 'maxUnavailable');
    // The controller reads maxUnavailable first when both are (invalidly) set.
    if (rawMax !== undefined && rawMax !== null) {
      const max = parseIntOrPercent(rawMax);
      if (max?.value === 0) {
        context.report({ at: object.at('spec', 'maxUnavailable'), object, messageId: 'zeroUnavailable', data: { object: object.describe(), value: formatIntOrPercent(max) } });
      }
      return;
    }
    const min = parseIntOrPercent(object.get('spec', 'minAvailable'));
    if (!min) return;
    const data = { object: object.describe(), value: formatIntOrPercent(min) };
    if (min.percent && min.value >= 100) {
      context.report({ at: object.at('spec', 'minAvailable'), object, messageId: 'fullPercent', data });
      return;
    }
    const scale = expectedScale(context.cluster, context.cluster.selectedBy(object) ?? [], min.percent);
    if (!scale || scale.total === 0) return;
    const desired = scaledValue(min, scale.total, true);
    if (desired < scale.total) return;
    context.report({
      at: object.at('spec', 'minAvailable'),
      object,
      messageId: 'minAvailableAll',
      data: { ...data, desired, total: scale.total, workloads: scale.names, scaleNote: scale.autoscaled ? ' at their autoscaler minimum' : '' },
      related: scale.related,
    });
  },
});

interface Scale {
  total: number;
  names: string;
  autoscaled: boolean;
  related: RelatedReport[];
}

/**
 * The pods the budget counts: the summed scale of the selected controllers. Bare Pods count
 * one each for an integer minAvailable (the controller counts pods) but have no scale for a
 * percentage; a DaemonSet's or Job's pod count depends on the cluster, so those are not judged.
 */
function expectedScale(cluster: ClusterIndex, selected: readonly TemplateEntry[], percent: boolean): Scale | undefined {
  if (selected.length === 0) return undefined;
  let total = 0;
  let autoscaled = false;
  const related: RelatedReport[] = [];
  for (const { object } of selected) {
    if (object.kind === 'Pod' && !percent) {
      total += 1;
      continue;
    }
    const lowest = lowestRunningReplicas(cluster, object);
    if (!lowest) return undefined;
    const scaledBy = lowest.scaledBy;
    if (scaledBy) autoscaled = true;
    total += lowest.replicas;
    related.push(
      scaledBy
        ? { at: scaledBy.object.at('spec', scaledBy.field), message: `${scaledBy.object.describe()} scales ${object.describe()} down to ${lowest.replicas}` }
        : { at: object.at('spec', 'replicas'), message: `${object.describe()} runs ${lowest.replicas} replica(s)` },
    );
  }
  return { total, names: selected.map(({ object }) => object.describe()).join(', '), autoscaled, related };
}
