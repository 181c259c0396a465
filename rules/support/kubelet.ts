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

type MetaText = Pick<RuleMeta<'missing' | 'partial'>, 'id' | 'summary' | 'rationale' | 'fix' | 'messages'>;

/**
 * kube-reserved-missing and system-reserved-missing: a complete node (config or full command
 * line in the linted set) without the reservation, or one that leaves cpu or memory out.
 */
export function reservationMissingRule(field: 'kubeReserved' | 'systemReserved', flag: string, text: MetaText): Rule<'missing' | 'partial'> {
  return defineRule<'missing' | 'partial'>({
    meta: {
      ...text,
      scope: 'set',
      category: 'node',
      severity: 'warning',
      appliesTo: ['KubeletConfiguration', 'KubeletFlags', 'InitConfiguration', 'JoinConfiguration'],
      since: '0.1.0',
    },
    check(context) {
      for (const node of context.cluster.kubeletNodes) {
        const setting = mapSetting(node, field);
        if (!setting) {
          if (node.complete) context.report({ at: node.anchor.at(), object: node.anchor, messageId: 'missing', data: { where: nodeWhere(node), field, flag } });
          continue;
        }
        const present = new Set(setting.entries.filter((entry) => entry.value !== undefined).map((entry) => entry.key));
        const missing = ['cpu', 'memory'].filter((resource) => !present.has(resource));
        if (missing.length === 0) continue;
        const name = setting.source === 'flag' ? `--${flag}` : field;
        context.report({ at: setting.at, object: setting.object, messageId: 'partial', data: { name, missing: missing.join(' and ') } });
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
