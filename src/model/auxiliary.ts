/**
 * Helper containers: sidecars in the app container list that serve no traffic of their own and
 * only assist the container beside them — a config reloader that calls its neighbour's reload
 * endpoint when a mounted ConfigMap changes, an exporter that scrapes its neighbour over
 * localhost, a repository syncer that fills a shared volume. A hung helper delays a reload or a
 * metric, not a request, so the probe rules do not demand probes from it.
 *
 * Judged from what the pod is, not from a name: the container (an app container or a native
 * sidecar) must not be the pod's only working container, no Service of the linted set may route to it, and it must either call a port that
 * another container of the pod declares over the loopback interface (the structure every such
 * helper shares) or run a well-known helper image (the reloaders and syncers below, which often
 * reach their neighbour through a file or a signal rather than a port). A container that declares
 * ports while the linted set has no Service at all could be what an unseen Service routes to, so
 * only the image evidence makes it a helper then. Another working app container of the pod must
 * be no helper: the one they assist.
 */
import { asArray, asInteger, asString, isMap } from './access.js';
import type { ClusterIndex } from './cluster.js';
import { isIdleContainer } from './idle.js';
import { parseImageReference } from './image.js';
import type { K8sObject } from './object.js';
import { declaresPorts, servicesRoutingTo } from './traffic.js';
import { containersOf, type ContainerRef, type PodTemplate } from './workload.js';

/**
 * Repositories (last path components) of helpers that assist a neighbour and serve nothing:
 * jimmidyson/configmap-reload, prometheus-operator/prometheus-config-reloader, GKE's
 * config-reloader, kiwigrid/k8s-sidecar, kubernetes' git-sync.
 */
const HELPER_IMAGE = /(^|\/)(configmap-reload|prometheus-config-reloader|config-reloader|k8s-sidecar|git-sync)$/;

/** `localhost:8080`, `127.0.0.1:9090`, `[::1]:8080` inside a flag or URL. */
const LOOPBACK_PORT = /(?:^|[^\w.-])(?:localhost|127\.0\.0\.1|\[::1\]):(\d{1,5})(?!\d)/g;

/** Whether the container only assists another container of the pod (see the module comment). */
export function isHelperContainer(cluster: ClusterIndex, object: K8sObject, template: PodTemplate, container: ContainerRef): boolean {
  const working = containersOf(template).filter((other) => other.role !== 'init' && !isIdleContainer(other));
  if (!working.includes(container)) return false;
  const evidence = helperEvidence(template, container);
  if (evidence === undefined) return false;
  if (evidence === 'loopback' && declaresPorts(container) && cluster.ofKind('Service').length === 0) return false;
  if (!working.some((other) => other !== container && other.role === 'app' && helperEvidence(template, other) === undefined)) return false;
  return servicesRoutingTo(cluster, object, template, container).length === 0;
}

function helperEvidence(template: PodTemplate, container: ContainerRef): 'image' | 'loopback' | undefined {
  const repository = parseImageReference(asString(container.value['image']) ?? '')?.repository;
  if (repository !== undefined && HELPER_IMAGE.test(repository)) return 'image';
  const neighbourPorts = new Set(
    containersOf(template)
      .filter((other) => other !== container)
      .flatMap((other) => asArray(other.value['ports']).flatMap((port) => (isMap(port) ? [asInteger(port['containerPort'])] : []))),
  );
  for (const text of invocationText(container)) {
    for (const match of text.matchAll(LOOPBACK_PORT)) if (neighbourPorts.has(Number(match[1]))) return 'loopback';
  }
  return undefined;
}

/** The strings the container is started with: command, args and literal env values. */
function invocationText(container: ContainerRef): string[] {
  const texts: string[] = [];
  for (const key of ['command', 'args']) for (const item of asArray(container.value[key])) if (typeof item === 'string') texts.push(item);
  for (const variable of asArray(container.value['env'])) {
    const value = isMap(variable) ? asString(variable['value']) : undefined;
    if (value !== undefined) texts.push(value);
  }
  return texts;
}
