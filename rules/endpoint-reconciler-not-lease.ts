import { defineRule } from '../src/engine/rule.js';
import { lastFlag } from '../src/model/flags.js';

export default defineRule<'notLease' | 'apiserverCount'>({
  meta: {
    id: 'endpoint-reconciler-not-lease',
    scope: 'set',
    category: 'control-plane',
    severity: 'warning',
    summary: 'kube-apiserver `--endpoint-reconciler-type` other than `lease`, or the deprecated `--apiserver-count`.',
    rationale:
      'The API servers publish themselves as the endpoints of the `default/kubernetes` Service that every in-cluster client uses. The `lease` reconciler (default since 1.11) has each API server renew a lease and drops the endpoints of those that stop; `master-count` keeps any address it once saw until the count of `--apiserver-count` is exceeded, and `none` never updates them (pkg/controlplane/reconcilers; kubernetes#108062 deprecated master-count). A dead API server then stays in the endpoints and a share of in-cluster requests times out. `--apiserver-count` only feeds master-count and is deprecated.',
    fix: 'Remove `--endpoint-reconciler-type` (or set it to `lease`) and drop `--apiserver-count`.',
    appliesTo: ['Pod', 'ClusterConfiguration'],
    since: '0.1.0',
    messages: {
      notLease: 'kube-apiserver uses --endpoint-reconciler-type={{type}}: dead API servers stay in the endpoints of the default/kubernetes Service.',
      apiserverCount: 'kube-apiserver sets the deprecated --apiserver-count, which only the master-count endpoint reconciler reads.',
    },
  },
  check(context) {
    for (const view of context.cluster.controlPlane.clusters) {
      for (const entry of view.components) {
        if (entry.component !== 'kube-apiserver') continue;
        const type = lastFlag(entry.flags, 'endpoint-reconciler-type');
        if (type?.value !== undefined && type.value !== 'lease') {
          context.report({ at: entry.object.at(...type.path), object: entry.object, messageId: 'notLease', data: { type: type.value } });
        }
        const count = lastFlag(entry.flags, 'apiserver-count');
        if (count) context.report({ at: entry.object.at(...count.path), object: entry.object, messageId: 'apiserverCount', severity: 'info' });
      }
    }
  },
});
