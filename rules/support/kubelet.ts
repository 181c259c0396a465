import { defineRule, type Rule, type RuleMeta } from '../../src/engine/rule.js';
import { isKubeletConfig, mapSetting, type KubeletNode, type Setting } from '../../src/model/kubelet.js';
import { EVICTION_SIGNAL_OF, type ResourceName } from '../../src/model/allocatable.js';
import type { K8sObject, Location } from '../../src/model/object.js';

/** How a message names the node a kubelet finding is about. */
export function nodeWhere(node: KubeletNode): string {
  return isKubeletConfig(node.anchor) ? 'The KubeletConfiguration' : 'The kubelet command line';
}

/** An item of a list setting: the list entry in a config, the flag on a command line. */
export function itemLocation(setting: Setting<unknown>, field: string, index: number): Location {
  return setting.source === 'config' ? setting.object.at(field, index) : setting.at;
}

type MetaText = Pick<RuleMeta<'missing' | 'partial'>, 'id' | 'summary' | 'rationale' | 'fix'>;

const RESERVATIONS = ['kubeReserved', 'systemReserved'] as const;
const FLAGS = { kubeReserved: 'kube-reserved', systemReserved: 'system-reserved' } as const;

const PAIR_NOTE =
  'Both reservations only shrink node allocatable (Allocatable = Capacity - kube-reserved - system-reserved - hard eviction threshold) unless `enforceNodeAllocatable` lists their cgroups, and pods are held to allocatable, so either one leaves the daemons their headroom: managed node images set only `kubeReserved` (EKS, GKE). The two rules therefore report one finding per node, for a resource (cpu or memory) that neither reserves: kube-reserved-missing while it runs, system-reserved-missing when it is turned off.';

/**
 * kube-reserved-missing and system-reserved-missing: a complete node (config or full command
 * line in the linted set) that sets neither reservation, or whose reservations leave cpu or
 * memory out. One finding per node (PAIR_NOTE), whichever rule owns it.
 */
export function reservationMissingRule(field: 'kubeReserved' | 'systemReserved', text: MetaText): Rule<'missing' | 'partial'> {
  const partner = field === 'kubeReserved' ? undefined : 'kube-reserved-missing';
  return defineRule<'missing' | 'partial'>({
    meta: {
      ...text,
      rationale: `${text.rationale} ${PAIR_NOTE}`,
      messages: {
        missing:
          '{{where}} sets neither `kubeReserved` nor `systemReserved`, and no `--kube-reserved` or `--system-reserved` flag in the linted files sets them: the kubelet, container runtime and OS daemons get no reserved CPU or memory, and pods are scheduled onto what they need.',
        partial: '{{names}} {{verb}} no {{missing}}: the kubelet, container runtime and OS daemons get none set aside from the pods.',
      },
      scope: 'set',
      category: 'node',
      severity: 'warning',
      appliesTo: ['KubeletConfiguration', 'KubeletFlags', 'InitConfiguration', 'JoinConfiguration'],
      since: '0.1.0',
    },
    check(context) {
      if (partner !== undefined && context.isEnabled(partner)) return;
      for (const node of context.cluster.kubeletNodes) {
        const settings = RESERVATIONS.flatMap((name) => {
          const setting = mapSetting(node, name);
          return setting ? [{ name, setting }] : [];
        });
        if (settings.length === 0) {
          if (node.complete) context.report({ at: node.anchor.at(), object: node.anchor, messageId: 'missing', data: { where: nodeWhere(node) } });
          continue;
        }
        const present = new Set(settings.flatMap(({ setting }) => setting.entries.filter((entry) => entry.value !== undefined).map((entry) => entry.key)));
        const missing = ['cpu', 'memory'].filter((resource) => !present.has(resource));
        if (missing.length === 0) continue;
        // Point at this rule's own setting when it has one, else at the other reservation.
        const { setting } = settings.find((candidate) => candidate.name === field) ?? settings[0]!;
        const names = settings.map(({ name, setting: written }) => `\`${written.source === 'flag' ? `--${FLAGS[name]}` : name}\``).join(' and ');
        context.report({ at: setting.at, object: setting.object, messageId: 'partial', data: { names, verb: settings.length > 1 ? 'reserve' : 'reserves', missing: missing.join(' and ') } });
      }
    },
  });
}

/** Where a finding about a resource's reservations points: the first setting that reserves it. */
export function reservationLocation(node: KubeletNode, resource: ResourceName): { at: Location; object: K8sObject } {
  for (const field of ['kubeReserved', 'systemReserved'] as const) {
    const entry = mapSetting(node, field)?.entries.find((candidate) => candidate.key === resource);
    if (entry) return { at: entry.at, object: entry.object };
  }
  const signal = EVICTION_SIGNAL_OF[resource];
  const hard = mapSetting(node, 'evictionHard');
  const entry = hard?.entries.find((candidate) => candidate.key === signal);
  if (entry) return { at: entry.at, object: entry.object };
  return { at: node.anchor.at(), object: node.anchor };
}
