import type { LintSettings, NodeGroup } from './settings.js';
import { defaultEvictionHard } from './eviction.js';
import { evictionHard, mapSetting, rawSetting, type KubeletNode, type MapSetting } from './kubelet.js';
import { ZERO, addQuantity, isNegative, isPositive, makeQuantity, minQuantity, mulQuantity, parsePercentage, parseQuantity, subQuantity, type Quantity, type QuantityKind } from './quantity.js';

export type ResourceName = 'cpu' | 'memory' | 'ephemeral-storage' | 'pods';
export const RESOURCE_NAMES: readonly ResourceName[] = ['cpu', 'memory', 'ephemeral-storage', 'pods'];

export type ResourceQuantities = Partial<Record<ResourceName, Quantity>>;

/** How quantities of a resource read best: millicores, binary bytes, or a plain count. */
export function quantityKind(resource: ResourceName): QuantityKind {
  return resource === 'cpu' ? 'cpu' : resource === 'pods' ? 'plain' : 'memory';
}

/** The hard-eviction signal whose threshold is withheld from a resource's allocatable. */
export const EVICTION_SIGNAL_OF: Readonly<Partial<Record<ResourceName, string>>> = {
  memory: 'memory.available',
  'ephemeral-storage': 'nodefs.available',
};

export interface NodeAllocatable {
  name: string;
  count?: number;
  capacity: ResourceQuantities;
  /** capacity − kube-reserved − system-reserved − hard eviction, floored at zero as the kubelet does. */
  allocatable: ResourceQuantities;
  kubeReserved: ResourceQuantities;
  systemReserved: ResourceQuantities;
  /** Hard eviction thresholds as absolute amounts (percentages resolved against capacity). */
  evictionHard: ResourceQuantities;
  /** The thresholds as written (`500Mi`, `10%`), for explaining the arithmetic. */
  evictionHardText: Partial<Record<ResourceName, string>>;
  /** capacity − reservations before flooring: zero or negative means nothing is left for pods. */
  unfloored: ResourceQuantities;
  /** The kubelet files whose settings were applied, when they come from the linted set. */
  kubelet?: KubeletNode;
}

/**
 * Allocatable of each node group declared in `cluster.nodes`, as the kubelet computes it
 * (pkg/kubelet/cm/node_container_manager_linux.go GetNodeAllocatableAbsolute and
 * helpers.go hardEvictionReservation): capacity minus kube-reserved, system-reserved and the
 * hard eviction threshold of memory.available (memory) / nodefs.available (ephemeral-storage).
 *
 * Which reservations apply to a group: a group that declares any of kubeReserved,
 * systemReserved or evictionHard itself is taken as written. Any other group gets the settings
 * of each kubelet node in the linted files (`nodes`, see kubeletNodes) that sets reservations or eviction
 * or is complete — one entry per such node, so a workload is checked against every candidate.
 * With no kubelet files, the kubelet defaults apply: no reservations, default hard eviction.
 */
export function nodeAllocatables(settings: LintSettings, nodes: readonly KubeletNode[]): NodeAllocatable[] {
  const kubelets = nodes.filter((node) => node.complete || RESERVATION_FIELDS.some((field) => mapSetting(node, field) !== undefined));
  return (settings.cluster.nodes ?? []).flatMap((group) => {
    const declares = group.kubeReserved !== undefined || group.systemReserved !== undefined || group.evictionHard !== undefined;
    if (declares || kubelets.length === 0) return [computeAllocatable(groupInput(group, settings.kubernetesVersion))];
    return kubelets.map((node) => ({ ...computeAllocatable(kubeletInput(group, node, settings.kubernetesVersion)), kubelet: node }));
  });
}

const RESERVATION_FIELDS = ['kubeReserved', 'systemReserved', 'evictionHard'] as const;

/** Reservations and thresholds as written, from whichever source supplies them. */
export interface AllocatableInput {
  name: string;
  count?: number;
  capacity: Readonly<Record<string, unknown>>;
  kubeReserved?: Readonly<Record<string, unknown>>;
  systemReserved?: Readonly<Record<string, unknown>>;
  evictionHard?: Readonly<Record<string, unknown>>;
}

function groupInput(group: NodeGroup, kubernetesVersion: string): AllocatableInput {
  return {
    name: group.name,
    ...(group.count !== undefined ? { count: group.count } : {}),
    capacity: withPods(group.capacity, undefined),
    ...(group.kubeReserved ? { kubeReserved: group.kubeReserved } : {}),
    ...(group.systemReserved ? { systemReserved: group.systemReserved } : {}),
    evictionHard: group.evictionHard ?? defaultEvictionHard(kubernetesVersion),
  };
}

/** A group's capacity with the kubelet's reservations, as the kubelet node would run it. */
export function kubeletInput(group: NodeGroup, node: KubeletNode, kubernetesVersion: string): AllocatableInput {
  const maxPods = rawSetting(node, 'maxPods')?.value;
  return {
    name: group.name,
    ...(group.count !== undefined ? { count: group.count } : {}),
    capacity: withPods(group.capacity, typeof maxPods === 'number' ? maxPods : undefined),
    kubeReserved: pairs(mapSetting(node, 'kubeReserved')),
    systemReserved: pairs(mapSetting(node, 'systemReserved')),
    evictionHard: evictionHard(node, kubernetesVersion).effective,
  };
}

/** The kubelet reports `pods` capacity as maxPods (default 110, kubelet config v1beta1 types.go). */
function withPods(capacity: Readonly<Record<string, unknown>>, maxPods: number | undefined): Readonly<Record<string, unknown>> {
  if (Object.prototype.hasOwnProperty.call(capacity, 'pods')) return capacity;
  return { ...capacity, pods: maxPods ?? DEFAULT_MAX_PODS };
}

const DEFAULT_MAX_PODS = 110;

function pairs(setting: MapSetting | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of setting?.entries ?? []) if (entry.value !== undefined) result[entry.key] = entry.value;
  return result;
}

export function computeAllocatable(input: AllocatableInput): NodeAllocatable {
  const capacity = quantities(input.capacity);
  const kubeReserved = quantities(input.kubeReserved);
  const systemReserved = quantities(input.systemReserved);
  const evictionHard: ResourceQuantities = {};
  const evictionHardText: Partial<Record<ResourceName, string>> = {};
  for (const resource of RESOURCE_NAMES) {
    const signal = EVICTION_SIGNAL_OF[resource];
    const raw = signal === undefined ? undefined : input.evictionHard?.[signal];
    const total = capacity[resource];
    if (typeof raw !== 'string' || total === undefined) continue;
    const amount = thresholdAmount(raw, total);
    if (amount === undefined) continue;
    evictionHard[resource] = amount;
    evictionHardText[resource] = raw;
  }
  const allocatable: ResourceQuantities = {};
  const unfloored: ResourceQuantities = {};
  for (const resource of RESOURCE_NAMES) {
    const total = capacity[resource];
    if (total === undefined) continue;
    let left = total;
    for (const part of [kubeReserved, systemReserved, evictionHard]) left = subQuantity(left, part[resource] ?? ZERO);
    unfloored[resource] = left;
    allocatable[resource] = isNegative(left) ? ZERO : left;
  }
  return {
    name: input.name,
    ...(input.count !== undefined ? { count: input.count } : {}),
    capacity,
    allocatable,
    kubeReserved,
    systemReserved,
    evictionHard,
    evictionHardText,
    unfloored,
  };
}

/** An eviction threshold is a quantity or a percentage of capacity (`10%`). */
export function thresholdAmount(raw: string, capacity: Quantity): Quantity | undefined {
  // parseThresholdStatement ignores 0% and 100%: no threshold, nothing withheld.
  if (raw === '0%' || raw === '100%') return undefined;
  if (raw.endsWith('%')) {
    const percent = parsePercentage(raw);
    return percent === undefined ? undefined : mulQuantity(mulQuantity(capacity, percent), makeQuantity(1n, 100n));
  }
  return parseQuantity(raw);
}

function quantities(source: Readonly<Record<string, unknown>> | undefined): ResourceQuantities {
  const result: ResourceQuantities = {};
  if (!source) return result;
  for (const resource of RESOURCE_NAMES) {
    if (!Object.prototype.hasOwnProperty.call(source, resource)) continue;
    const quantity = parseQuantity(source[resource]);
    if (quantity !== undefined) result[resource] = quantity;
  }
  return result;
}

/** Sum of the reservations withheld from a resource. */
export function reservedTotal(node: NodeAllocatable, resource: ResourceName): Quantity {
  return [node.kubeReserved, node.systemReserved, node.evictionHard].reduce((sum, part) => addQuantity(sum, part[resource] ?? ZERO), ZERO);
}

const GI = 1n << 30n;

/**
 * The reservation (kube + system) the major managed platforms give a node of this capacity
 * (GKE "Plan GKE Standard node sizes"; the tiers of RULES.md `reserved-below-recommended`):
 * memory 25% of the first 4 GiB, 20% of the next 4, 10% of the next 8, 6% of the next 112,
 * 2% above 128 GiB; CPU 6% of the first core, 1% of the next, 0.5% of the next 2, 0.25% above 4.
 * Rounded up to whole MiB / millicores.
 */
export function recommendedReservation(resource: 'cpu' | 'memory', capacity: Quantity): Quantity {
  const tiers: readonly (readonly [Quantity | undefined, Quantity])[] =
    resource === 'memory'
      ? [
          [makeQuantity(4n * GI), percent(25n)],
          [makeQuantity(4n * GI), percent(20n)],
          [makeQuantity(8n * GI), percent(10n)],
          [makeQuantity(112n * GI), percent(6n)],
          [undefined, percent(2n)],
        ]
      : [
          [makeQuantity(1n), percent(6n)],
          [makeQuantity(1n), percent(1n)],
          [makeQuantity(2n), makeQuantity(5n, 1000n)],
          [undefined, makeQuantity(25n, 10000n)],
        ];
  let left = capacity;
  let total = ZERO;
  for (const [size, rate] of tiers) {
    if (!isPositive(left)) break;
    const slice = size === undefined ? left : minQuantity(left, size);
    total = addQuantity(total, mulQuantity(slice, rate));
    left = subQuantity(left, slice);
  }
  // Whole millicores and MiB: what anyone would write in kubeReserved.
  const unit = resource === 'memory' ? 1n << 20n : 1n;
  const scale = resource === 'memory' ? 1n : 1000n;
  const units = (total.num * scale + total.den * unit - 1n) / (total.den * unit);
  return makeQuantity(units * unit, scale);
}

function percent(value: bigint): Quantity {
  return makeQuantity(value, 100n);
}
