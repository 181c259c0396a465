import { defineRule } from '../src/engine/rule.js';
import { nodeAllocatables, type NodeAllocatable } from '../src/model/allocatable.js';
import type { K8sObject } from '../src/model/object.js';
import { POD_RESOURCES, podRequests, type PodResource, type PodResourceList } from '../src/model/pod-requests.js';
import { compareQuantity, formatQuantity, isPositive, quantityToNumber } from '../src/model/quantity.js';
import { resourceValue } from '../src/model/resources.js';
import { containersOf } from '../src/model/workload.js';
import { compareKubeVersions } from '../src/engine/settings.js';
import type { Path } from '../src/types.js';

interface Options {
  maxFraction: number;
}

export default defineRule<'fitsNone' | 'largeShare', Options>({
  meta: {
    id: 'requests-exceed-allocatable',
    scope: 'set',
    category: 'workload',
    severity: 'error',
    summary: 'A pod’s effective requests exceed the allocatable of every declared node group, or take more than `maxFraction` of the roomiest one.',
    rationale:
      'The scheduler places a pod only on a node whose allocatable (capacity minus kube-reserved, system-reserved and the hard eviction threshold) still holds the pod’s effective requests: the larger of the app containers plus sidecars and each init container plus the sidecars started before it, plus pod overhead, or the pod-level requests where set (PodRequests in k8s.io/component-helpers/resource/helpers.go). A pod larger than every node stays Pending forever, and a rollout of such a workload stalls with the old replicas still being replaced. A pod that takes most of a node leaves no room to reschedule after a node failure or drain and strands the rest of the node. Node groups come from `cluster.nodes` in the config (and kubelet configurations in the set, where the node model reads them); without them this rule says nothing.',
    fix: 'Lower the requests (or split the workload into smaller pods), or declare/add a node group large enough for it.',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'],
    since: '0.1.0',
    messages: {
      fitsNone: '{{object}} requests {{requests}} per pod, more than the allocatable of every node group ({{nodes}}): its pods stay Pending.',
      largeShare:
        '{{object}} requests {{resource}} {{request}} per pod, {{percent}}% of the allocatable {{allocatable}} of node group "{{node}}", the roomiest it fits on (more than {{max}}%): little room is left to reschedule it after a node failure.',
    },
    options: {
      schema: { maxFraction: { type: 'number', exclusiveMinimum: 0, maximum: 1 } },
      defaults: { maxFraction: 0.5 },
    },
  },
  check(context) {
    // A group whose reservations leave nothing is reserved-exceeds-capacity's finding, not every pod's.
    const nodes = nodeAllocatables(context.settings, context.cluster.kubeletNodes).filter((node) => POD_RESOURCES.every((resource) => node.allocatable[resource] === undefined || isPositive(node.allocatable[resource])));
    if (nodes.length === 0) return;
    const podLevelResources = compareKubeVersions(context.settings.kubernetesVersion, '1.34') >= 0;
    for (const object of context.objects) {
      const template = object.podTemplate;
      // A fragment's containers are a part of the pod: their sum is not the pod's request.
      if (!template || object.fragment) continue;
      const requests = podRequests(template.spec, { podLevelResources });
      if (!POD_RESOURCES.some((resource) => requests[resource] !== undefined && isPositive(requests[resource]))) continue;
      const fitting = nodes.filter((node) => fits(requests, node));
      if (fitting.length === 0) {
        const resource = POD_RESOURCES.find((candidate) => nodes.every((node) => !fitsResource(requests, node, candidate))) ?? 'cpu';
        context.report({
          at: object.at(...largestRequestPath(object, resource, podLevelResources)),
          object,
          messageId: 'fitsNone',
          data: { object: object.describe(), requests: describeRequests(requests), nodes: nodes.map(describeNode).join('; ') },
        });
        continue;
      }
      const best = roomiest(requests, fitting);
      if (best.fraction <= context.options.maxFraction) continue;
      const allocatable = best.node.allocatable[best.resource];
      const request = requests[best.resource];
      if (!allocatable || !request) continue;
      context.report({
        at: object.at(...largestRequestPath(object, best.resource, podLevelResources)),
        object,
        messageId: 'largeShare',
        severity: 'warning',
        data: {
          object: object.describe(),
          resource: best.resource,
          request: formatQuantity(request, best.resource),
          percent: Math.round(best.fraction * 100),
          allocatable: formatQuantity(allocatable, best.resource),
          node: best.node.name,
          max: Math.round(context.options.maxFraction * 100),
        },
      });
    }
  },
});

function fitsResource(requests: PodResourceList, node: NodeAllocatable, resource: PodResource): boolean {
  const request = requests[resource];
  const allocatable = node.allocatable[resource];
  return request === undefined || allocatable === undefined || compareQuantity(request, allocatable) <= 0;
}

function fits(requests: PodResourceList, node: NodeAllocatable): boolean {
  return POD_RESOURCES.every((resource) => fitsResource(requests, node, resource));
}

/** The node group where the pod's largest share (over cpu and memory) is smallest. */
function roomiest(requests: PodResourceList, nodes: readonly NodeAllocatable[]): { node: NodeAllocatable; resource: PodResource; fraction: number } {
  let best: { node: NodeAllocatable; resource: PodResource; fraction: number } | undefined;
  for (const node of nodes) {
    let worst: { resource: PodResource; fraction: number } = { resource: 'cpu', fraction: 0 };
    for (const resource of POD_RESOURCES) {
      const request = requests[resource];
      const allocatable = node.allocatable[resource];
      if (!request || !allocatable || !isPositive(allocatable)) continue;
      const fraction = quantityToNumber(request) / quantityToNumber(allocatable);
      if (fraction > worst.fraction) worst = { resource, fraction };
    }
    if (!best || worst.fraction < best.fraction) best = { node, ...worst };
  }
  return best ?? { node: nodes[0] as NodeAllocatable, resource: 'cpu', fraction: 0 };
}

/** The request (or the limit it defaults from) that decides: pod-level when set, else the container asking most. */
function largestRequestPath(object: K8sObject, resource: PodResource, podLevelResources: boolean): Path {
  const template = object.podTemplate;
  if (!template) return [];
  const entryPath = (owner: unknown, ownerPath: Path): Path | undefined => {
    if (resourceValue(owner, 'requests', resource)) return [...ownerPath, 'resources', 'requests', resource];
    if (resourceValue(owner, 'limits', resource)) return [...ownerPath, 'resources', 'limits', resource];
    return undefined;
  };
  const podLevel = podLevelResources ? entryPath(template.spec, template.specPath) : undefined;
  if (podLevel) return podLevel;
  let largest: { path: Path; amount: number } | undefined;
  for (const container of containersOf(template)) {
    const path = entryPath(container.value, container.path);
    const value = resourceValue(container.value, 'requests', resource) ?? resourceValue(container.value, 'limits', resource);
    const amount = value?.quantity ? quantityToNumber(value.quantity) : 0;
    if (path && (!largest || amount > largest.amount)) largest = { path, amount };
  }
  return largest?.path ?? template.specPath;
}

function describeRequests(requests: PodResourceList): string {
  return POD_RESOURCES.flatMap((resource) => {
    const value = requests[resource];
    return value ? [`${resource} ${formatQuantity(value, resource)}`] : [];
  }).join(', ');
}

function describeNode(node: NodeAllocatable): string {
  const parts = POD_RESOURCES.flatMap((resource) => {
    const value = node.allocatable[resource];
    return value ? [`${resource} ${formatQuantity(value, resource)}`] : [];
  });
  return `"${node.name}" allocatable ${parts.join(', ')}`;
}
