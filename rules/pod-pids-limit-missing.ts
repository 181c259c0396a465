import { defineRule } from '../src/engine/rule.js';
import { asInteger } from '../src/model/access.js';
import { parseThreshold } from '../src/model/eviction.js';
import { evictionHard, mapSetting, rawSetting, type KubeletNode } from '../src/model/kubelet.js';
import { nodeWhere } from './support/kubelet.js';

const SIGNAL = 'pid.available';

export default defineRule<'missing' | 'unlimited'>({
  meta: {
    id: 'pod-pids-limit-missing',
    scope: 'set',
    category: 'node',
    severity: 'warning',
    summary: 'The kubelet sets no per-pod PID limit (`podPidsLimit` unset or -1 / `--pod-max-pids`) and no `pid.available` eviction threshold.',
    rationale:
      "Process IDs are a node-wide resource that no CPU or memory limit bounds: one pod with a fork bomb or a thread leak exhausts the node's PIDs, after which no process on the node can fork — other pods' containers fail, probes cannot exec, and the kubelet and container runtime themselves break, taking every pod on the node down (kubernetes.io/docs/concepts/policy/pid-limiting, \"Process ID Limits And Reservations\"). `podPidsLimit` caps each pod's PIDs through its cgroup; its default, -1, means unlimited (KubeletConfiguration `podPidsLimit`, staging/src/k8s.io/kubelet/config/v1beta1/types.go; the kubelet only writes pids.max for a positive value). A `pid.available` eviction threshold (hard or soft; not among the default hard thresholds) lets the kubelet evict the offending pod before the node runs out instead. A finding from absence is only made when the whole kubelet configuration is in the linted files.",
    fix: 'Set `podPidsLimit` (for example 4096, or `pid_max` divided by the expected pods per node with headroom), or `--pod-max-pids`; optionally add a `pid.available` eviction threshold and `pid` reservations in `systemReserved`/`kubeReserved`.',
    appliesTo: ['KubeletConfiguration', 'KubeletFlags', 'InitConfiguration', 'JoinConfiguration'],
    since: '0.1.0',
    messages: {
      missing: "{{where}} sets no `podPidsLimit` (no `--pod-max-pids`) and no pid.available eviction threshold: one pod can exhaust the node's process IDs and take every pod on it down.",
      unlimited: "`{{name}}` is {{value}}, which leaves pods unlimited, and no pid.available eviction threshold is set: one pod can exhaust the node's process IDs and take every pod on it down.",
    },
  },
  check(context) {
    for (const node of context.cluster.kubeletNodes) {
      const limit = rawSetting(node, 'podPidsLimit');
      const value = asInteger(limit?.value);
      if (value !== undefined && value > 0) continue;
      if (limit && value === undefined) continue; // malformed: invalid-field-type's to report
      if (evictsOnPids(node, context.settings.kubernetesVersion)) continue;
      if (!limit) {
        if (node.complete) context.report({ at: node.anchor.at(), object: node.anchor, messageId: 'missing', data: { where: nodeWhere(node) } });
        continue;
      }
      const name = limit.source === 'flag' ? '--pod-max-pids' : 'podPidsLimit';
      context.report({ at: limit.at, object: limit.object, messageId: 'unlimited', data: { name, value: value ?? '' } });
    }
  },
});

/** A usable pid.available threshold among the effective hard ones or the soft ones. */
function evictsOnPids(node: KubeletNode, kubernetesVersion: string): boolean {
  const hard = evictionHard(node, kubernetesVersion).effective[SIGNAL];
  const soft = mapSetting(node, 'evictionSoft')?.entries.find((entry) => entry.key === SIGNAL)?.value;
  return [hard, soft].some((raw) => {
    if (raw === undefined) return false;
    const parsed = parseThreshold(SIGNAL, raw);
    return typeof parsed !== 'string' && parsed.kind !== 'disabled';
  });
}
