/**
 * Pod QoS class, computed the way Kubernetes computes it.
 *
 * Ported from kubernetes/kubernetes:
 *  - pkg/apis/core/v1/helper/qos/qos.go (ComputePodQOS) in the per-container
 *    "requirementsQOS/resourceQOS" form, as generated into
 *    pkg/apis/core/helper/qos/qos_generated.go at commit 14d6b56df50cd9721377213ab761a767f53ea1b5,
 *    with the PodLevelResources and PodLevelResourcesFixKubeletQOSClass gates on
 *    (beta and on by default since 1.34 and 1.36 respectively);
 *  - pkg/apis/core/v1/defaults.go (SetDefaults_Pod, defaultHugePagePodLimits,
 *    defaultPodRequests, defaultPodLimits, SetDefaults_ResourceList) at commit
 *    023f88a32c95647b94e47df54948a0af9517dd0c;
 *  - staging/src/k8s.io/component-helpers/resource/helpers.go
 *    (IsSupportedPodLevelResource, IsPodLevelResourcesSet, the sidecar-aware
 *    aggregation behind AggregateContainerRequests/Limits) at commit
 *    0085214e563468088672cf8c50849884198a18cc.
 *
 * Why defaulting is replayed here: Kubernetes computes QoS on the stored Pod,
 * i.e. after the API server has defaulted it. We lint manifests before that
 * happens, so a container with only `limits` would look Burstable (request 0
 * != limit) although the cluster will store request = limit and call it
 * Guaranteed. Replaying the defaulting first keeps our answer identical to
 * what `kubectl get pod -o jsonpath='{.status.qosClass}'` would say.
 */

import { asArray, asMap, field, isMap } from './access.js';
import { addQuantity, compareQuantity, isPositive, parseQuantity, roundUpToMilli, ZERO } from './quantity.js';
import type { Quantity } from './quantity.js';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

export interface QosOptions {
  /**
   * Whether the PodLevelResources feature is on (default true: beta and on
   * by default since Kubernetes 1.34). When off, `spec.resources` is ignored
   * exactly as an API server with the gate off would drop it.
   */
  readonly podLevelResources?: boolean;
}

type ResourceList = Map<string, Quantity>;

interface Requirements {
  readonly requests: ResourceList;
  readonly limits: ResourceList;
}

interface ContainerView extends Requirements {
  readonly restartable: boolean;
}

const QOS_RESOURCES = ['cpu', 'memory'] as const;
const HUGEPAGES_PREFIX = 'hugepages-';

/** Entries whose value is not a valid quantity are dropped: the API server would reject them anyway. */
function parseResourceList(value: unknown): ResourceList {
  const list: ResourceList = new Map();
  if (!isMap(value)) return list;
  for (const key of Object.keys(value)) {
    const q = parseQuantity(value[key]);
    if (q !== undefined) list.set(key, q);
  }
  return list;
}

function parseRequirements(value: unknown): Requirements {
  return {
    requests: parseResourceList(field(value, 'requests')),
    limits: parseResourceList(field(value, 'limits')),
  };
}

/** SetDefaults_Pod: a limit without a request means request = limit. */
function defaultRequestsFromLimits(req: Requirements): Requirements {
  const requests: ResourceList = new Map(req.requests);
  for (const [name, limit] of req.limits) {
    if (!requests.has(name)) requests.set(name, limit);
  }
  return { requests, limits: req.limits };
}

function roundList(list: ResourceList): ResourceList {
  const out: ResourceList = new Map();
  for (const [name, q] of list) out.set(name, roundUpToMilli(q));
  return out;
}

function roundRequirements(req: Requirements): Requirements {
  return { requests: roundList(req.requests), limits: roundList(req.limits) };
}

function containerView(container: unknown): ContainerView {
  const defaulted = defaultRequestsFromLimits(parseRequirements(asMap(field(container, 'resources'))));
  const restartable = field(container, 'restartPolicy') === 'Always';
  return { ...defaulted, restartable };
}

function isHugePages(name: string): boolean {
  return name.startsWith(HUGEPAGES_PREFIX);
}

function isSupportedPodLevelResource(name: string): boolean {
  return name === 'cpu' || name === 'memory' || isHugePages(name);
}

// corev1helper.IsOvercommitAllowed restricted to the pod-level-supported set:
// native resources except hugepages.
function isOvercommitAllowed(name: string): boolean {
  return name === 'cpu' || name === 'memory';
}

function hasSupportedPodLevelResource(list: ResourceList): boolean {
  for (const name of list.keys()) if (isSupportedPodLevelResource(name)) return true;
  return false;
}

function addInto(target: ResourceList, source: ResourceList): void {
  for (const [name, q] of source) {
    const existing = target.get(name);
    target.set(name, existing === undefined ? q : addQuantity(existing, q));
  }
}

function maxInto(target: ResourceList, source: ResourceList): void {
  for (const [name, q] of source) {
    const existing = target.get(name);
    if (existing === undefined || compareQuantity(q, existing) > 0) target.set(name, q);
  }
}

/**
 * The sidecar-aware pod footprint (KEP-753): regular containers and
 * restartable init containers add up; each ordinary init container needs its
 * own amount plus the sidecars started before it; the pod needs the larger.
 */
function aggregate(containers: readonly ContainerView[], initContainers: readonly ContainerView[], pick: (c: ContainerView) => ResourceList): ResourceList {
  const result: ResourceList = new Map();
  for (const c of containers) addInto(result, pick(c));
  const sidecars: ResourceList = new Map();
  const initPeak: ResourceList = new Map();
  for (const c of initContainers) {
    let footprint: ResourceList;
    if (c.restartable) {
      addInto(result, pick(c));
      addInto(sidecars, pick(c));
      footprint = sidecars;
    } else {
      footprint = new Map(pick(c));
      addInto(footprint, sidecars);
    }
    maxInto(initPeak, footprint);
  }
  maxInto(result, initPeak);
  return result;
}

/**
 * Pod-level defaulting from SetDefaults_Pod, run after container defaulting
 * as in the source. Its effect on QoS: pod limits without pod requests get
 * requests from the containers' requests (or from the limits when no
 * container asks for that resource), and pod requests without pod limits get
 * limits summed from the containers when every container sets one.
 */
function defaultPodLevel(pod: Requirements, containers: readonly ContainerView[], initContainers: readonly ContainerView[]): Requirements {
  const requests: ResourceList = new Map(pod.requests);
  const limits: ResourceList = new Map(pod.limits);
  const all = [...containers, ...initContainers];

  // defaultHugePagePodLimits
  if (limits.size > 0 || requests.size > 0) {
    for (const [name, q] of aggregate(containers, initContainers, (c) => c.limits)) {
      if (!isHugePages(name) || requests.has(name) || limits.has(name)) continue;
      limits.set(name, q);
    }
  }

  // defaultPodRequests
  if (limits.size > 0) {
    for (const [name, q] of aggregate(containers, initContainers, (c) => c.requests)) {
      if (!requests.has(name) && isSupportedPodLevelResource(name) && isOvercommitAllowed(name)) {
        requests.set(name, q);
      }
    }
    for (const [name, q] of limits) {
      if (!requests.has(name) && isSupportedPodLevelResource(name)) requests.set(name, q);
    }
  }

  // defaultPodLimits (PodLevelResourcesFixUpdateDefaulting). "All containers"
  // includes init containers, as the fix (kubernetes#136147/#140514) states:
  // one unbounded container leaves the pod's limit unknown.
  if (!hasSupportedPodLevelResource(limits) && hasSupportedPodLevelResource(requests)) {
    for (const [name, q] of aggregate(containers, initContainers, (c) => c.limits)) {
      if (limits.has(name) || !isSupportedPodLevelResource(name) || !isOvercommitAllowed(name)) continue;
      if (!all.every((c) => c.limits.has(name))) continue;
      limits.set(name, q);
    }
  }

  return { requests, limits };
}

type Shape = 'Guaranteed' | 'BestEffort' | 'Burstable';

// Validation rejects negative quantities; treating them as absent keeps
// "only quantities > 0 count" from the original aggregate algorithm.
function positiveOrZero(q: Quantity | undefined): Quantity {
  return q !== undefined && isPositive(q) ? q : ZERO;
}

/** resourceQOS: equal non-zero request and limit is Guaranteed, both zero BestEffort, else Burstable. */
function resourceShape(req: Requirements, name: string): Shape {
  const request = positiveOrZero(req.requests.get(name));
  const limit = positiveOrZero(req.limits.get(name));
  if (compareQuantity(request, limit) !== 0) return 'Burstable';
  return isPositive(request) ? 'Guaranteed' : 'BestEffort';
}

/** requirementsQOS: cpu and memory must agree, otherwise the set is Burstable. */
function requirementsQos(req: Requirements): QosClass {
  let qos: Shape | undefined;
  for (const name of QOS_RESOURCES) {
    const shape = resourceShape(req, name);
    if (shape === 'Burstable') return 'Burstable';
    if (qos === undefined) qos = shape;
    else if (qos !== shape) return 'Burstable';
  }
  return qos ?? 'BestEffort';
}

/**
 * The QoS class Kubernetes will assign to a pod with this spec (a Pod's
 * `spec`, or a workload's `spec.template.spec`). Never throws: malformed
 * fields count as absent.
 */
export function computeQosClass(podSpec: unknown, options: QosOptions = {}): QosClass {
  const containers = asArray(field(podSpec, 'containers')).map(containerView);
  const initContainers = asArray(field(podSpec, 'initContainers')).map(containerView);
  // Ephemeral containers cannot declare resources and never count for QoS.

  const podResources = options.podLevelResources === false ? undefined : asMap(field(podSpec, 'resources'));
  if (podResources !== undefined) {
    const pod = roundRequirements(defaultPodLevel(parseRequirements(podResources), containers, initContainers));
    // PodLevelResourcesFixKubeletQOSClass: an empty or unsupported-only
    // `resources` is not an opt-in, so the containers still decide.
    if (hasSupportedPodLevelResource(pod.requests) || hasSupportedPodLevelResource(pod.limits)) {
      return requirementsQos(pod);
    }
  }

  let podQos: QosClass | undefined;
  for (const c of [...initContainers, ...containers]) {
    const qos = requirementsQos(roundRequirements(c));
    if (qos === 'Burstable') return qos;
    if (podQos === undefined) podQos = qos;
    else if (podQos !== qos) return 'Burstable';
  }
  return podQos ?? 'BestEffort';
}

/**
 * The containers' requests as the scheduler adds them up (sidecar-aware, see `aggregate`), each
 * container's as the API server stores it: defaulted from its limits, rounded up to whole millis.
 */
export function aggregateStoredRequests(podSpec: unknown): ReadonlyMap<string, Quantity> {
  const stored = (container: unknown): ContainerView => {
    const view = containerView(container);
    return { ...roundRequirements(view), restartable: view.restartable };
  };
  const containers = asArray(field(podSpec, 'containers')).map(stored);
  const initContainers = asArray(field(podSpec, 'initContainers')).map(stored);
  return aggregate(containers, initContainers, (c) => c.requests);
}
