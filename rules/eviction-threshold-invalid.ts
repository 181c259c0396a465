import { defineRule, type SetContext } from '../src/engine/rule.js';
import { checkMinimumReclaim, parseGracePeriod, parseThreshold } from '../src/model/eviction.js';
import { mapSetting, type KubeletNode, type MapEntry, type MapSetting } from '../src/model/kubelet.js';

type MessageId = 'unknownSignal' | 'malformed' | 'percentRange' | 'notPositive' | 'noGracePeriod' | 'badGracePeriod' | 'badReclaim';

export default defineRule<MessageId>({
  meta: {
    id: 'eviction-threshold-invalid',
    scope: 'set',
    category: 'node',
    severity: 'error',
    summary: 'An eviction setting the kubelet rejects: unknown signal, malformed quantity or percentage, a percentage over 100%, or a soft threshold without a grace period.',
    rationale:
      'The kubelet parses evictionHard, evictionSoft, evictionSoftGracePeriod and evictionMinimumReclaim at start-up and exits on the first error (pkg/kubelet/eviction/helpers.go ParseThresholdConfig): the signal must be one it knows (memory.available, allocatableMemory.available, nodefs.available, nodefs.inodesFree, imagefs.available, imagefs.inodesFree, containerfs.available, containerfs.inodesFree, pid.available), a percentage must lie between 0% and 100%, a quantity must be positive, and every evictionSoft signal needs an evictionSoftGracePeriod ("grace period must be specified for the soft eviction threshold"). A kubelet that does not start is a node that runs no pods.',
    fix: 'Use a known signal name and a value such as `500Mi` or `10%`; give every `evictionSoft` signal a matching `evictionSoftGracePeriod` (for example `1m30s`).',
    appliesTo: ['KubeletConfiguration', 'KubeletFlags', 'InitConfiguration', 'JoinConfiguration'],
    since: '0.1.0',
    messages: {
      unknownSignal: '`{{setting}}` names unknown eviction signal "{{signal}}": the kubelet refuses to start.',
      malformed: '`{{setting}}` value "{{value}}" for {{signal}} is not a quantity or percentage: the kubelet refuses to start.',
      percentRange: '`{{setting}}` threshold {{value}} for {{signal}} is outside 0%–100%: the kubelet refuses to start.',
      notPositive: '`{{setting}}` threshold {{value}} for {{signal}} must be a positive quantity: the kubelet refuses to start.',
      noGracePeriod: '`{{setting}}` sets a soft threshold for {{signal}} without an evictionSoftGracePeriod for it: the kubelet refuses to start.',
      badGracePeriod: '`{{setting}}` value "{{value}}" for {{signal}} is not a non-negative duration such as 1m30s: the kubelet refuses to start.',
      badReclaim: '`{{setting}}` value "{{value}}" for {{signal}} is not a non-negative quantity or positive percentage: the kubelet refuses to start.',
    },
  },
  check(context) {
    for (const node of context.cluster.kubeletNodes) {
      checkThresholds(node, 'evictionHard', '--eviction-hard', context);
      const soft = checkThresholds(node, 'evictionSoft', '--eviction-soft', context);
      const grace = mapSetting(node, 'evictionSoftGracePeriod');
      const graceSignals = new Set(grace?.entries.map((entry) => entry.key));
      // Decided once: asked per entry, 10,000 soft thresholds re-split the flag 10,000 times.
      const setting = mapSetting(node, 'evictionSoft')?.source === 'flag' ? '--eviction-soft' : 'evictionSoft';
      for (const entry of soft) {
        if (graceSignals.has(entry.key)) continue;
        context.report({ at: entry.at, object: entry.object, messageId: 'noGracePeriod', data: { setting, signal: entry.key } });
      }
      for (const entry of grace?.entries ?? []) {
        const result = parseGracePeriod(entry.key, entry.value);
        if (typeof result === 'number') continue;
        report(context, grace as MapSetting, entry, 'evictionSoftGracePeriod', '--eviction-soft-grace-period', result === 'signal' ? 'unknownSignal' : 'badGracePeriod');
      }
      const reclaim = mapSetting(node, 'evictionMinimumReclaim');
      for (const entry of reclaim?.entries ?? []) {
        const problem = checkMinimumReclaim(entry.key, entry.value);
        if (problem) report(context, reclaim as MapSetting, entry, 'evictionMinimumReclaim', '--eviction-minimum-reclaim', problem === 'signal' ? 'unknownSignal' : 'badReclaim');
      }
    }
  },
});

/** Reports bad thresholds; returns the well-formed ones (soft thresholds then need grace periods). */
function checkThresholds(node: KubeletNode, field: string, flag: string, context: SetContext<MessageId>): MapEntry[] {
  const setting = mapSetting(node, field);
  const valid: MapEntry[] = [];
  for (const entry of setting?.entries ?? []) {
    const result = parseThreshold(entry.key, entry.value);
    if (typeof result !== 'string') {
      if (result.kind !== 'disabled') valid.push(entry);
      continue;
    }
    const messageId = result === 'signal' ? 'unknownSignal' : result === 'malformed' ? 'malformed' : result === 'notPositive' ? 'notPositive' : 'percentRange';
    report(context, setting as MapSetting, entry, field, flag, messageId);
  }
  return valid;
}

function report(context: SetContext<MessageId>, setting: MapSetting, entry: MapEntry, field: string, flag: string, messageId: MessageId): void {
  context.report({
    at: entry.at,
    object: entry.object,
    messageId,
    data: { setting: setting.source === 'flag' ? flag : field, signal: entry.key, value: entry.value ?? entry.key },
  });
}
