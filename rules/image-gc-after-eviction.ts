import { defineRule } from '../src/engine/rule.js';
import { asInteger } from '../src/model/access.js';
import { parseThreshold } from '../src/model/eviction.js';
import { evictionHard, rawSetting } from '../src/model/kubelet.js';
import type { K8sObject, Location } from '../src/model/object.js';
import { quantityToNumber } from '../src/model/quantity.js';

/** KubeletConfiguration imageGCHighThresholdPercent default (staging/src/k8s.io/kubelet/config/v1beta1/types.go). */
const DEFAULT_HIGH = 85;
const SIGNALS = ['nodefs.available', 'imagefs.available'] as const;

export default defineRule<'afterEviction'>({
  meta: {
    id: 'image-gc-after-eviction',
    scope: 'set',
    category: 'node',
    severity: 'warning',
    summary: '`imageGCHighThresholdPercent` is above the disk usage at which a hard `nodefs.available`/`imagefs.available` threshold evicts pods.',
    rationale:
      "Image garbage collection starts when the image filesystem's usage reaches `imageGCHighThresholdPercent` (default 85) and frees space down to the low threshold (pkg/kubelet/images/image_gc_manager.go). A hard eviction threshold of `nodefs.available`/`imagefs.available` at X% fires at 100 − X% usage (defaults 10% and 15%, so 90% and 85%). When the GC threshold is higher, the disk fills past the eviction point before any unused image is removed: the node is tainted DiskPressure and the kubelet starts reclaiming under pressure and evicting pods for space that old images were holding (kubernetes/kubernetes#124868; kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction). Without a dedicated image filesystem, images live on the node filesystem, so both signals are compared. Only percentage thresholds can be compared offline; thresholds in bytes are not judged. The upstream defaults meet at 85% for imagefs and are not reported.",
    fix: 'Keep `imageGCHighThresholdPercent` below 100 minus the largest `nodefs.available`/`imagefs.available` hard threshold (for example 80 with `imagefs.available: 15%`), with `imageGCLowThresholdPercent` a few points lower.',
    appliesTo: ['KubeletConfiguration', 'KubeletFlags', 'InitConfiguration', 'JoinConfiguration'],
    since: '0.1.0',
    messages: {
      afterEviction: 'Image garbage collection starts at {{high}}% disk usage, but the hard {{signal}} threshold {{threshold}} evicts pods from {{usage}}% usage: pods are evicted for space unused images hold.',
    },
  },
  check(context) {
    for (const node of context.cluster.kubeletNodes) {
      const setting = rawSetting(node, 'imageGCHighThresholdPercent');
      const written = asInteger(setting?.value);
      if (setting && written === undefined) continue;
      const high = written ?? DEFAULT_HIGH;
      if (high < 0 || high > 100) continue;
      const hard = evictionHard(node, context.settings.kubernetesVersion);
      let first: { signal: string; threshold: string; usage: number; at: Location | undefined; object: K8sObject | undefined } | undefined;
      for (const signal of SIGNALS) {
        const raw = hard.effective[signal];
        const parsed = raw === undefined ? undefined : parseThreshold(signal, raw);
        if (raw === undefined || parsed === undefined || typeof parsed === 'string' || parsed.kind !== 'percent') continue;
        const usage = 100 - quantityToNumber(parsed.percent);
        const entry = hard.written?.entries.find((candidate) => candidate.key === signal);
        if (!first || usage < first.usage) first = { signal, threshold: raw, usage, at: entry?.at, object: entry?.object };
      }
      if (!first || high <= first.usage) continue;
      // Pointed at what was written: the GC threshold, else the eviction entry; both defaulted never conflict.
      const where = setting ? { at: setting.at, object: setting.object } : first.at && first.object ? { at: first.at, object: first.object } : undefined;
      // Outside a complete configuration, a value not written here may be set elsewhere.
      if (!where || (!node.complete && (!setting || !hard.written))) continue;
      context.report({ ...where, messageId: 'afterEviction', data: { high, signal: first.signal, threshold: first.threshold, usage: Math.round(first.usage * 100) / 100 } });
    }
  },
});
