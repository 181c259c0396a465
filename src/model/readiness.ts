/**
 * Where a missing probe costs something: the containers readiness-probe-missing reports, shared
 * with liveness-probe-missing, which leaves a container with neither probe to it (one finding per
 * root cause), and the objects whose containers the liveness rule judges at all.
 *
 * A container needs one when a Service of the linted set selects its pod and routes to one of its
 * ports, or, when the set holds no Service at all, when it declares ports in a Deployment or
 * StatefulSet (kinds whose pods are most likely put behind one). Never for run-to-completion pods,
 * static pods, CSI node plugins (the kubelet calls them over a socket), host-network pods without a
 * Service in sight, idle containers, helper containers (isHelperContainer), or a container without
 * ports beside one whose readiness probe already gates the pod.
 */
import { isMap } from './access.js';
import { isCsiNodePlugin } from './addons.js';
import { isHelperContainer } from './auxiliary.js';
import type { ClusterIndex } from './cluster.js';
import { isIdleContainer } from './idle.js';
import type { K8sObject } from './object.js';
import { isStaticPod } from './static-pods.js';
import { declaresPorts, servicesRoutingTo } from './traffic.js';
import { containersOf, isBatch, type ContainerRef } from './workload.js';

/**
 * Whether the object's long-running containers are expected to carry a liveness probe: not for
 * run-to-completion pods, and not for a Pod created directly (neither managed by a controller nor
 * a static pod the kubelet runs from a manifest): such a Pod is a one-off — a demo, a test or a
 * debugging pod — that nothing recreates when its node fails or it is evicted, so a liveness probe
 * is not what keeps it available. Readiness is judged on such Pods still, where a Service routes
 * to them.
 */
export function livenessExpected(object: K8sObject): boolean {
  return !isBatch(object) && (object.kind !== 'Pod' || isStaticPod(object));
}

/** Kinds whose pods are, without a Service in sight, most likely put behind one. */
const SERVING_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet']);

export interface ReadinessGap {
  container: ContainerRef;
  /** The Services that route to it; empty when it is judged by its declared ports alone. */
  services: readonly K8sObject[];
}

/** The app containers of the object that receive (or, with no Service in sight, would receive) traffic without a readiness probe. */
export function readinessGaps(cluster: ClusterIndex, object: K8sObject): readonly ReadinessGap[] {
  // Both probe rules ask for the same object in one run.
  const byObject = cluster.derived(gapsByObject);
  let gaps = byObject.get(object);
  if (!gaps) {
    gaps = findGaps(cluster, object);
    byObject.set(object, gaps);
  }
  return gaps;
}

function gapsByObject(): Map<K8sObject, readonly ReadinessGap[]> {
  return new Map();
}

function findGaps(cluster: ClusterIndex, object: K8sObject): ReadinessGap[] {
  const template = object.podTemplate;
  if (!template || isBatch(object) || isStaticPod(object) || isCsiNodePlugin(template)) return [];
  const containers = containersOf(template);
  const neighbourReady = containers.some((container) => isMap(container.value['readinessProbe']));
  const noServices = cluster.ofKind('Service').length === 0;
  const gaps: ReadinessGap[] = [];
  for (const container of containers) {
    if (container.role !== 'app' || isIdleContainer(container) || isMap(container.value['readinessProbe'])) continue;
    // Another container's probe already gates the pod, and this one exposes nothing.
    if (neighbourReady && !declaresPorts(container)) continue;
    const services = servicesRoutingTo(cluster, object, template, container);
    if (services.length > 0) gaps.push({ container, services });
    else if (noServices && SERVING_KINDS.has(object.kind) && declaresPorts(container) && template.spec['hostNetwork'] !== true && !isHelperContainer(cluster, object, template, container)) {
      gaps.push({ container, services });
    }
  }
  return gaps;
}
