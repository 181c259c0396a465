/**
 * What the scheduler counts against a node for one pod: PodRequests in
 * staging/src/k8s.io/component-helpers/resource/helpers.go (kubernetes/kubernetes commit
 * 0085214e563468088672cf8c50849884198a18cc), on the pod as the API server stores it:
 *  - each container's requests, a missing request defaulted from its limit (SetDefaults_Pod);
 *  - app containers and restartable init containers (sidecars) add up; each ordinary init
 *    container needs its own requests plus the sidecars started before it; the pod needs the
 *    larger of the two (aggregateContainerResourcesByFn, KEP-753);
 *  - pod-level `spec.resources.requests` replace that sum for cpu and memory when set
 *    (applyPodLevelResources); pod-level limits without requests default them from the
 *    containers' sum, or from the limit when no container asks (defaultPodRequests);
 *  - `spec.overhead` (RuntimeClass) is added last.
 */
import { field, isMap } from './access.js';
import { aggregateStoredRequests } from './qos.js';
import { addQuantity, parseQuantity, roundUpToMilli, type Quantity } from './quantity.js';

export type PodResource = 'cpu' | 'memory';
export const POD_RESOURCES: readonly PodResource[] = ['cpu', 'memory'];

export type PodResourceList = Partial<Record<PodResource, Quantity>>;

export interface PodRequestOptions {
  /** PodLevelResources feature gate (beta, on by default since Kubernetes 1.34); when off, `spec.resources` is dropped. */
  podLevelResources?: boolean;
}

/** Effective cpu and memory requests of a pod spec; a resource nobody asks for is absent. */
export function podRequests(podSpec: unknown, options: PodRequestOptions = {}): PodResourceList {
  const aggregated = aggregateContainerRequests(podSpec);
  const result: PodResourceList = { ...aggregated };
  const podResources = options.podLevelResources === false ? undefined : field(podSpec, 'resources');
  if (isMap(podResources)) {
    for (const resource of POD_RESOURCES) {
      const request = parsed(field(podResources, 'requests'), resource);
      const limit = parsed(field(podResources, 'limits'), resource);
      if (request !== undefined) result[resource] = request;
      else if (limit !== undefined && aggregated[resource] === undefined) result[resource] = limit;
    }
  }
  for (const resource of POD_RESOURCES) {
    const overhead = parsed(field(podSpec, 'overhead'), resource);
    const current = result[resource];
    if (overhead !== undefined) result[resource] = current === undefined ? overhead : addQuantity(current, overhead);
  }
  return result;
}

/** The containers' part of PodRequests, without pod-level resources and overhead. */
export function aggregateContainerRequests(podSpec: unknown): PodResourceList {
  const aggregated = aggregateStoredRequests(podSpec);
  const result: PodResourceList = {};
  for (const resource of POD_RESOURCES) {
    const quantity = aggregated.get(resource);
    if (quantity !== undefined) result[resource] = quantity;
  }
  return result;
}

function parsed(list: unknown, resource: PodResource): Quantity | undefined {
  const quantity = parseQuantity(field(list, resource));
  return quantity === undefined ? undefined : roundUpToMilli(quantity);
}
