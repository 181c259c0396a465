import type { Path } from '../types.js';
import { dig, isMap } from './access.js';
import { parseQuantity, type Quantity } from './quantity.js';
import type { ContainerRef, PodTemplate } from './workload.js';

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

/** Deepest existing node on the way to `resources.<list>`, for reporting a missing entry. */
export function resourcesPath(container: ContainerRef, list: ResourceList): Path {
  const resources = container.value['resources'];
  if (!isMap(resources)) return container.path;
  return isMap(resources[list]) ? [...container.path, 'resources', list] : [...container.path, 'resources'];
}
