/**
 * Which containers a Service sends traffic to. A Service port goes to `targetPort` (its `port`
 * when omitted); a name is looked up among the pod's declared container ports, a number needs no
 * declaration (core/v1 ServicePort; FindPort in pkg/api/v1/pod). Endpoints list only ready pods,
 * unless `publishNotReadyAddresses` is set.
 */
import { asArray, asInteger, asString, isMap, stringMap } from './access.js';
import type { ClusterIndex } from './cluster.js';
import { isIdleContainer } from './idle.js';
import type { K8sObject } from './object.js';
import { containersOf, type ContainerRef, type PodTemplate } from './workload.js';

interface DeclaredPort {
  number: number | undefined;
  name: string | undefined;
}

function declaredPorts(container: ContainerRef): DeclaredPort[] {
  return asArray(container.value['ports'])
    .filter(isMap)
    .map((port) => ({ number: asInteger(port['containerPort']), name: asString(port['name']) }));
}

/** Whether the container declares any port. */
export function declaresPorts(container: ContainerRef): boolean {
  return declaredPorts(container).length > 0;
}

/**
 * Services of the set whose traffic reaches this container: they select the object's pods, gate
 * endpoints on readiness, and one of their target ports is a port the container declares. A
 * number that no container of the pod declares is taken to reach the pod's only working app
 * container, if it has just one.
 */
export function servicesRoutingTo(cluster: ClusterIndex, object: K8sObject, template: PodTemplate, container: ContainerRef): K8sObject[] {
  const own = declaredPorts(container);
  const pod = containersOf(template);
  const working = pod.filter((other) => other.role === 'app' && !isIdleContainer(other));
  const soleWorker = working.length === 1 && working[0] === container;
  return [...cluster.servicesFor(object), ...kustomizedServicesBeside(cluster, object)].filter((service) => {
    if (service.get('spec', 'publishNotReadyAddresses') === true) return false;
    return asArray(service.get('spec', 'ports')).some((port) => {
      if (!isMap(port)) return false;
      const target = port['targetPort'] ?? port['port'];
      const name = asString(target);
      if (name !== undefined && !/^[0-9]+$/.test(name)) return own.some((declared) => declared.name === name);
      const number = asInteger(target) ?? (name === undefined ? undefined : Number(name));
      if (number === undefined) return false;
      if (own.some((declared) => declared.number === number)) return true;
      return soleWorker && !pod.some((other) => declaredPorts(other).some((declared) => declared.number === number));
    });
  });
}

/**
 * Services without a selector in the directory of a Kustomization that sets `commonLabels` or
 * `labels` (with selectors): kustomize writes those labels into the Service's selector and the
 * workloads' pod labels when it builds, so such a Service selects the workloads beside it.
 */
function kustomizedServicesBeside(cluster: ClusterIndex, object: K8sObject): readonly K8sObject[] {
  return cluster.derived(kustomizedServicesByDirectory).get(directoryOf(object)) ?? [];
}

function kustomizedServicesByDirectory(cluster: ClusterIndex): ReadonlyMap<string, K8sObject[]> {
  const byDirectory = new Map<string, K8sObject[]>();
  const labelling = new Set(
    cluster
      .ofKind('Kustomization')
      .filter(addsSelectorLabels)
      .map((kustomization) => directoryOf(kustomization)),
  );
  for (const service of cluster.ofKind('Service')) {
    const directory = directoryOf(service);
    if (!labelling.has(directory) || service.get('spec', 'selector') !== undefined) continue;
    byDirectory.set(directory, [...(byDirectory.get(directory) ?? []), service]);
  }
  return byDirectory;
}

function addsSelectorLabels(kustomization: K8sObject): boolean {
  if (Object.keys(stringMap(kustomization.get('commonLabels'))).length > 0) return true;
  return asArray(kustomization.get('labels')).some((entry) => isMap(entry) && entry['includeSelectors'] === true && Object.keys(stringMap(entry['pairs'])).length > 0);
}

function directoryOf(object: K8sObject): string {
  const path = object.doc.file.path.replace(/\\/g, '/');
  return path.slice(0, Math.max(0, path.lastIndexOf('/')));
}
