import { dig } from './access.js';
import { addQuantity, compareQuantity, parseQuantity, ZERO, type Quantity } from './quantity.js';
import { isIdleContainer } from './idle.js';
import { computeQosClass } from './qos.js';
import { containersOf, type ContainerRef, type PodTemplate } from './workload.js';

export type ResourceList = 'requests' | 'limits';

export interface ResourceValue {
  raw: unknown;
  /** Undefined when the value is not a valid quantity. */
  quantity: Quantity | undefined;
}

/** `resources.<list>.<name>` of a container or a pod spec (pod-level resources). */
export function resourceValue(owner: unknown, list: ResourceList, name: string): ResourceValue | undefined {
  const raw = dig(owner, 'resources', list, name);
  if (raw === undefined || raw === null) return undefined;
  return { raw, quantity: parseQuantity(raw) };
}

/**
 * Whether the resource is requested, directly or through a limit: the API server copies a
 * limit into a missing request, so a limits-only container is scheduled with that request.
 */
export function hasEffectiveRequest(owner: unknown, name: string): boolean {
  return resourceValue(owner, 'requests', name) !== undefined || resourceValue(owner, 'limits', name) !== undefined;
}

/** Pod-level `spec.resources` (Kubernetes 1.32+) covers every container for that resource. */
export function podLevelCovers(template: PodTemplate, list: ResourceList, name: string): boolean {
  if (list === 'requests') return hasEffectiveRequest(template.spec, name);
  return resourceValue(template.spec, 'limits', name) !== undefined;
}

/**
 * The containers the per-container resource rules judge for one resource and list. App
 * containers and sidecars run for the pod's life and add up in its effective request. A plain
 * init container runs alone before them, and the pod's effective request is max(largest init
 * container, sum of app containers and sidecars) (Kubernetes docs, Init containers › Resource
 * sharing within containers), so a missing request on it costs nothing. It is judged when it
 * would raise the effective request (for the limit rule: it asks for more than the long-running
 * containers, so it sizes the pod and then runs unbounded, see initContainersRaisingRequest), or
 * when the pod has no bound for the resource at all (no request or limit on any container, nor
 * pod-level). Idle containers (pause, `sleep infinity`) use next to nothing and are never judged.
 */
export function resourceJudgedContainers(template: PodTemplate, resource: string, list: ResourceList = 'requests'): readonly ContainerRef[] {
  const all = containersOf(template);
  const podBound = hasEffectiveRequest(template.spec, resource) || all.some((container) => hasEffectiveRequest(container.value, resource));
  const raising = list === 'limits' ? initContainersRaisingRequest(template, resource) : new Set<ContainerRef>();
  return all.filter((container) => !isIdleContainer(container) && (container.role !== 'init' || !podBound || raising.has(container)));
}

/**
 * Plain init containers whose request for the resource (its own, defaulted from its limit, plus
 * the sidecars started before it: KEP-753, the scheduler's PodRequests) is above the sum of the
 * app containers and sidecars: the pod's effective request is theirs, not the long-running
 * containers'. Quantities compare by value (1Gi equals 1024Mi; 1.5e9 is above both). Pod-level
 * `spec.resources.requests` replace the containers' sum, so no container raises it then.
 */
export function initContainersRaisingRequest(template: PodTemplate, resource: string): ReadonlySet<ContainerRef> {
  const raising = new Set<ContainerRef>();
  if (resourceValue(template.spec, 'requests', resource) !== undefined) return raising;
  const request = (container: ContainerRef): Quantity => storedRequest(container.value, resource) ?? ZERO;
  const all = containersOf(template);
  const longRunning = all.filter((container) => container.role !== 'init').reduce((sum, container) => addQuantity(sum, request(container)), ZERO);
  let sidecarsBefore = ZERO;
  for (const container of all) {
    if (container.role === 'sidecar') sidecarsBefore = addQuantity(sidecarsBefore, request(container));
    if (container.role === 'init' && compareQuantity(addQuantity(sidecarsBefore, request(container)), longRunning) > 0) raising.add(container);
  }
  return raising;
}

/** The container's request as the API server stores it: its own, or its limit's when it has none. */
function storedRequest(container: unknown, resource: string): Quantity | undefined {
  return (resourceValue(container, 'requests', resource) ?? resourceValue(container, 'limits', resource))?.quantity;
}

/**
 * The containers of a BestEffort pod that would need resources (idle ones do not), or undefined
 * when the pod is not BestEffort or only idles. qos-besteffort reports them in one finding, and
 * the per-container resource rules leave such a pod to it.
 */
export function bestEffortContainers(template: PodTemplate): readonly ContainerRef[] | undefined {
  if (computeQosClass(template.spec) !== 'BestEffort') return undefined;
  const containers = resourceJudgedContainers(template, 'memory');
  return containers.some((container) => container.role !== 'init') ? containers : undefined;
}
