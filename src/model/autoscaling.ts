/**
 * The scale a workload runs at when autoscaled down: HorizontalPodAutoscalers and KEDA
 * ScaledObjects (keda.sh/v1alpha1) that target it. KEDA's `minReplicaCount` defaults to 0: it
 * then scales the workload to zero when idle and hands 1..max to the HPA it creates, so the
 * lowest scale at which pods run is max(minReplicaCount, 1) (keda.sh docs, "ScaledObject
 * specification": minReplicaCount, default 0; scaleTargetRef.kind defaults to Deployment).
 */
import { asInteger, asString } from './access.js';
import { hpaMinReplicas, specReplicas, type ClusterIndex } from './cluster.js';
import type { K8sObject } from './object.js';
import { push } from './selector.js';
import { REPLICATED_KINDS } from './workload.js';

export interface Autoscaler {
  object: K8sObject;
  /** The fewest pods it runs the workload with while pods run at all. */
  minReplicas: number;
  /** Where that minimum is written (or would be). */
  field: 'minReplicas' | 'minReplicaCount';
}

/** KEDA ScaledObjects of the set whose scaleTargetRef names the object, in its namespace. */
export function scaledObjectsFor(cluster: ClusterIndex, object: K8sObject): readonly K8sObject[] {
  const index = cluster.derived(scaledObjectsByTarget);
  return object.name === undefined ? [] : (index.get(`${object.namespaceOrDefault}\u0000${object.kind}\u0000${object.name}`) ?? []).filter((scaled) => cluster.sharesNamespace(object, scaled));
}

function scaledObjectsByTarget(cluster: ClusterIndex): ReadonlyMap<string, K8sObject[]> {
  const index = new Map<string, K8sObject[]>();
  for (const scaled of cluster.ofKind('ScaledObject')) {
    if (scaled.group !== 'keda.sh') continue;
    const name = asString(scaled.get('spec', 'scaleTargetRef', 'name'));
    const kind = asString(scaled.get('spec', 'scaleTargetRef', 'kind')) ?? 'Deployment';
    if (name !== undefined) push(index, `${scaled.namespaceOrDefault}\u0000${kind}\u0000${name}`, scaled);
  }
  return index;
}

/** HPAs and ScaledObjects that scale the object. */
export function autoscalersOf(cluster: ClusterIndex, object: K8sObject): Autoscaler[] {
  const hpas = cluster.hpasFor(object).map((hpa): Autoscaler => ({ object: hpa, minReplicas: hpaMinReplicas(hpa), field: 'minReplicas' }));
  const keda = scaledObjectsFor(cluster, object).map((scaled): Autoscaler => {
    const min = asInteger(scaled.get('spec', 'minReplicaCount')) ?? 0;
    return { object: scaled, minReplicas: Math.max(min, 1), field: 'minReplicaCount' };
  });
  return [...hpas, ...keda];
}

/**
 * The fewest pods a replicated workload runs with while running: the lowest autoscaler
 * minimum, else `spec.replicas` (1 when omitted). Undefined for other kinds and invalid counts.
 */
export function lowestRunningReplicas(cluster: ClusterIndex, object: K8sObject): { replicas: number; scaledBy: Autoscaler | undefined } | undefined {
  if (!REPLICATED_KINDS.has(object.kind)) return undefined;
  const autoscalers = autoscalersOf(cluster, object);
  if (autoscalers.length > 0) {
    const lowest = autoscalers.reduce((a, b) => (b.minReplicas < a.minReplicas ? b : a));
    return { replicas: lowest.minReplicas, scaledBy: lowest };
  }
  const replicas = specReplicas(object);
  return replicas === undefined ? undefined : { replicas, scaledBy: undefined };
}
