import { defineRule } from '../src/engine/rule.js';
import { thresholdAmount } from '../src/model/allocatable.js';
import { parseThreshold } from '../src/model/eviction.js';
import { evictionHard } from '../src/model/kubelet.js';
import type { K8sObject, Location } from '../src/model/object.js';
import { compareQuantity, formatQuantity, makeQuantity, mulQuantity, parseQuantity, quantityToNumber, type Quantity } from '../src/model/quantity.js';

interface Options {
  minBytes: string;
  minPercent: number;
}

const SIGNAL = 'memory.available';

export default defineRule<'belowMin' | 'belowPercent', Options>({
  meta: {
    id: 'eviction-memory-low',
    scope: 'set',
    category: 'node',
    severity: 'info',
    summary: "The hard `memory.available` eviction threshold is lowered below the kubelet default (`minBytes`, 100Mi) or is below `minPercent` (default 1%) of a declared node group's memory.",
    rationale:
      'The kubelet checks memory.available every housekeeping interval (10s) and needs time to pick and stop a pod; with a tiny threshold a memory spike exhausts the node first and the kernel OOM killer acts instead — it kills whatever process scores highest, possibly a system daemon or a Guaranteed pod, instead of the kubelet evicting the lowest-priority pod (kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction, "Node out of memory behavior"). The kubelet default is 100Mi (pkg/kubelet/eviction/defaults_linux.go), and every kubelet that sets nothing runs with it; the rule does not second-guess that default by itself (a config that leaves it, or writes 100Mi, is not reported): it speaks when a config lowers the threshold below it, or when `cluster.nodes` declares the node memory and the threshold is under `minPercent` of it (100Mi is 0.15% of a 64Gi node). Percentages are resolved against that declared memory. Raise `minBytes` to hold every config to a higher floor.',
    fix: 'Raise `evictionHard["memory.available"]` (for example `500Mi`, or about 1–2% of node memory on large nodes), keeping the other hard signals listed.',
    appliesTo: ['KubeletConfiguration', 'KubeletFlags', 'InitConfiguration', 'JoinConfiguration'],
    since: '0.1.0',
    messages: {
      belowMin: 'The hard memory.available threshold {{threshold}} is below {{min}}: a memory spike can reach the kernel OOM killer before the kubelet evicts a pod.',
      belowPercent:
        'The hard memory.available threshold {{threshold}} is {{share}}% of the {{memory}} memory of node group "{{group}}", below {{percent}}%: a memory spike can reach the kernel OOM killer before the kubelet evicts a pod.',
    },
    options: {
      schema: { minBytes: { type: 'string' }, minPercent: { type: 'number', minimum: 0, maximum: 100 } },
      defaults: { minBytes: '100Mi', minPercent: 1 },
    },
  },
  check(context) {
    const minBytes = parseQuantity(context.options.minBytes) ?? makeQuantity(100n * 1024n * 1024n);
    const minPercent = context.options.minPercent;
    const groups = (context.settings.cluster.nodes ?? []).flatMap((group) => {
      const memory = parseQuantity(group.capacity['memory']);
      return memory ? [{ name: group.name, memory }] : [];
    });
    for (const node of context.cluster.kubeletNodes) {
      const hard = evictionHard(node, context.settings.kubernetesVersion);
      const raw = hard.effective[SIGNAL];
      const parsed = raw === undefined ? undefined : parseThreshold(SIGNAL, raw);
      if (raw === undefined || parsed === undefined || typeof parsed === 'string' || parsed.kind === 'disabled') continue;
      const written = hard.written?.entries.find((entry) => entry.key === SIGNAL);
      let where: { at: Location; object: K8sObject };
      if (written) where = { at: written.at, object: written.object };
      else if (hard.written) where = { at: hard.written.at, object: hard.written.object };
      else if (node.complete) where = { at: node.anchor.at(), object: node.anchor };
      else continue;
      const threshold = written ? raw : `${raw} (the kubelet default${hard.merged ? ', merged in' : ', as evictionHard is not set'})`;
      const min = formatQuantity(minBytes, 'memory');
      if (parsed.kind === 'quantity' && compareQuantity(parsed.quantity, minBytes) < 0) {
        context.report({ ...where, messageId: 'belowMin', data: { threshold, min } });
        continue;
      }
      const failing = groups
        .map((group) => ({ ...group, amount: thresholdAmount(raw, group.memory) }))
        .find((group): group is typeof group & { amount: Quantity } => group.amount !== undefined && (compareQuantity(group.amount, minBytes) < 0 || belowShare(group.amount, group.memory, minPercent)));
      if (!failing) continue;
      if (compareQuantity(failing.amount, minBytes) < 0) {
        context.report({ ...where, messageId: 'belowMin', data: { threshold: `${threshold} (${formatQuantity(failing.amount, 'memory')} on node group "${failing.name}")`, min } });
        continue;
      }
      const share = Math.round((quantityToNumber(failing.amount) / quantityToNumber(failing.memory)) * 10000) / 100;
      context.report({ ...where, messageId: 'belowPercent', data: { threshold, share, memory: formatQuantity(failing.memory, 'memory'), group: failing.name, percent: minPercent } });
    }
  },
});

function belowShare(amount: Quantity, memory: Quantity, percent: number): boolean {
  const floor = mulQuantity(memory, makeQuantity(BigInt(Math.round(percent * 1000)), 100000n));
  return compareQuantity(amount, floor) < 0;
}
