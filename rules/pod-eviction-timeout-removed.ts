import { compareKubeVersions } from '../src/engine/settings.js';
import { defineRule } from '../src/engine/rule.js';
import { lastFlag } from '../src/model/flags.js';

export default defineRule<'removed' | 'ineffective'>({
  meta: {
    id: 'pod-eviction-timeout-removed',
    scope: 'set',
    category: 'control-plane',
    severity: 'error',
    summary: 'kube-controller-manager `--pod-eviction-timeout`, removed in Kubernetes 1.27.',
    rationale:
      'Since taint-based eviction became the default (beta in 1.13, GA in 1.18), pods leave a failed node when their `node.kubernetes.io/unreachable`/`not-ready` tolerations expire, and `--pod-eviction-timeout` has had no effect. It was deprecated in 1.26 (kubernetes#113710) and removed in 1.27 (kubernetes#115840): from then on kube-controller-manager refuses to start with an unknown flag, so the controllers stop on the next upgrade. Before 1.27 it silently does nothing, which misleads whoever tuned it.',
    fix: 'Remove the flag. To change how long pods stay on a failed node, set `--default-not-ready-toleration-seconds` and `--default-unreachable-toleration-seconds` on kube-apiserver (default 300), or `tolerationSeconds` per pod.',
    appliesTo: ['Pod', 'ClusterConfiguration'],
    since: '0.1.0',
    messages: {
      removed: 'kube-controller-manager sets --pod-eviction-timeout, which Kubernetes {{version}} no longer has: the controller manager does not start.',
      ineffective: 'kube-controller-manager sets --pod-eviction-timeout, which has no effect with taint-based eviction and is removed in 1.27.',
    },
  },
  check(context) {
    const removed = compareKubeVersions(context.settings.kubernetesVersion, '1.27') >= 0;
    for (const view of context.cluster.controlPlane.clusters) {
      for (const entry of view.components) {
        if (entry.component !== 'kube-controller-manager') continue;
        const flag = lastFlag(entry.flags, 'pod-eviction-timeout');
        if (!flag) continue;
        context.report({
          at: entry.object.at(...flag.path),
          object: entry.object,
          messageId: removed ? 'removed' : 'ineffective',
          data: { version: context.settings.kubernetesVersion },
          ...(removed ? {} : { severity: 'warning' as const }),
        });
      }
    }
  },
});
