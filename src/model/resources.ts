import { dig } from './access.js';
import { parseQuantity, type Quantity } from './quantity.js';
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
 * The containers the per-container resource rules judge for one resource. App containers and
 * sidecars run for the pod's life and add up in its effective request. A plain init container
 * runs alone before them, and the pod's effective request is max(largest init container, sum of
 * app containers and sidecars) (Kubernetes docs, Init containers › Resource sharing within
 * containers), so its missing request costs nothing; it is judged only when the pod has no bound
 * for the resource at all (no request or limit on any container, nor pod-level).
 * Idle containers (pause, `sleep infinity`) use next to nothing and are never judged.
 */
export function resourceJudgedContainers(template: PodTemplate, resource: string): readonly ContainerRef[] {
  const all = containersOf(template);
  const podBound = hasEffectiveRequest(template.spec, resource) || all.some((container) => hasEffectiveRequest(container.value, resource));
  return all.filter((container) => !isIdleContainer(container) && (container.role !== 'init' || !podBound));
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
