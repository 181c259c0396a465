import { defineRule } from '../src/engine/rule.js';
import { DEFAULT_HARD_SIGNALS, MERGE_DEFAULT_EVICTION_SINCE } from '../src/model/eviction.js';
import { evictionHard, mapSetting, type KubeletNode } from '../src/model/kubelet.js';

export default defineRule<'partial' | 'mergeUnsupported' | 'empty'>({
  meta: {
    id: 'eviction-hard-partial',
    scope: 'set',
    category: 'node',
    severity: 'error',
    summary:
      '`evictionHard` / `--eviction-hard` set without all of memory.available, nodefs.available, imagefs.available and nodefs.inodesFree (a warning when only the imagefs signals are left out and nothing declares a separate image filesystem).',
    rationale:
      'The kubelet applies its default hard thresholds (memory.available 100Mi, nodefs.available 10%, nodefs.inodesFree 5%, imagefs.available 15%, and imagefs.inodesFree 5% since 1.30; pkg/kubelet/eviction/defaults_linux.go) only when evictionHard is absent (cmd/kubelet/app/server.go loadConfigFile). Setting one signal replaces the whole map, so the signals you left out are never evicted on: the disk or inodes fill up until the runtime and kubelet fail instead of pods being evicted. Since 1.33 `mergeDefaultEvictionSettings: true` merges the defaults back in (kubernetes/kubernetes#127577); a `--eviction-hard` flag still replaces the map. When only the `imagefs.*` signals are left out and the node shows no separate image filesystem, the harm is smaller: without a dedicated image filesystem the kubelet watches one shared disk, ranks pods for nodefs pressure by all their disk use and reclaims images for it (pkg/kubelet/eviction/helpers.go buildSignalToRankFunc and buildSignalToNodeReclaimFuncs without imagefs), so the nodefs thresholds still protect it; that case is a warning.',
    fix: 'List every signal in `evictionHard` (memory.available, nodefs.available, nodefs.inodesFree, imagefs.available), or on Kubernetes 1.33+ set `mergeDefaultEvictionSettings: true`.',
    appliesTo: ['KubeletConfiguration', 'KubeletFlags', 'InitConfiguration', 'JoinConfiguration'],
    since: '0.1.0',
    messages: {
      empty: '`{{name}}` is empty: the kubelet replaces its defaults with nothing and evicts on no signal, so memory and disk run out before any pod is evicted.',
      partial: '`{{name}}` sets {{set}} but not {{missing}}: the kubelet does not fill in defaults, so it never evicts on {{them}}.',
      mergeUnsupported:
        '`{{name}}` sets {{set}} but not {{missing}}, and `mergeDefaultEvictionSettings` needs Kubernetes ' + MERGE_DEFAULT_EVICTION_SINCE + ' or newer (target {{version}}): the kubelet never evicts on {{them}}.',
    },
  },
  check(context) {
    const version = context.settings.kubernetesVersion;
    for (const node of context.cluster.kubeletNodes) {
      const hard = evictionHard(node, version);
      if (!hard.written || hard.merged) continue;
      const set = hard.written.entries.map((entry) => entry.key);
      const missing = DEFAULT_HARD_SIGNALS.filter((signal) => !set.includes(signal));
      if (missing.length === 0) continue;
      const data = {
        name: hard.written.source === 'flag' ? '--eviction-hard' : 'evictionHard',
        set: set.join(', '),
        missing: missing.join(', '),
        them: missing.length === 1 ? 'it' : 'them',
        version,
      };
      const unsupported = hard.written.source === 'config' && hard.mergeRequested !== undefined;
      const messageId = set.length === 0 ? 'empty' : unsupported ? 'mergeUnsupported' : 'partial';
      const sharedDisk = missing.every((signal) => signal.startsWith('imagefs.')) && !declaresImageFs(node);
      context.report({ at: hard.written.at, object: hard.written.object, messageId, data, ...(sharedDisk ? { severity: 'warning' as const } : {}) });
    }
  },
});

/**
 * Whether the node's settings treat image storage as its own filesystem: a threshold or a
 * minimum reclaim for an `imagefs.*` or `containerfs.*` signal (the split-disk signals) anywhere
 * in its eviction settings.
 */
function declaresImageFs(node: KubeletNode): boolean {
  return ['evictionHard', 'evictionSoft', 'evictionMinimumReclaim'].some((field) => (mapSetting(node, field)?.entries ?? []).some((entry) => /^(imagefs|containerfs)\./.test(entry.key)));
}
