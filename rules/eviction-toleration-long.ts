import { defineRule } from '../src/engine/rule.js';
import { lastFlag } from '../src/model/flags.js';

interface Options {
  maxSeconds: number;
}

const FLAGS = ['default-not-ready-toleration-seconds', 'default-unreachable-toleration-seconds'] as const;

export default defineRule<'long', Options>({
  meta: {
    id: 'eviction-toleration-long',
    scope: 'set',
    category: 'control-plane',
    severity: 'info',
    summary: 'kube-apiserver default not-ready/unreachable toleration above `maxSeconds` (default 300).',
    rationale:
      'The DefaultTolerationSeconds admission plugin gives every pod that does not set its own a NoExecute toleration for `node.kubernetes.io/not-ready` and `unreachable` of `--default-not-ready-toleration-seconds` / `--default-unreachable-toleration-seconds` (300 s by default; plugin/pkg/admission/defaulttolerationseconds). Pods stay bound to a powered-off node for that long before they are evicted and recreated elsewhere, so raising it lengthens every node-failure outage of single-replica workloads and halves the capacity of two-replica ones for longer.',
    fix: 'Keep both flags at 300 seconds or less; give pods that must ride out short network partitions their own `tolerationSeconds`.',
    appliesTo: ['Pod', 'ClusterConfiguration'],
    since: '0.1.0',
    messages: {
      long: 'kube-apiserver --{{flag}}={{seconds}}: pods of a failed node are rescheduled only after {{seconds}} s, more than {{max}}.',
    },
    options: { schema: { maxSeconds: { type: 'integer', minimum: 0 } }, defaults: { maxSeconds: 300 } },
  },
  check(context) {
    const max = context.options.maxSeconds;
    for (const view of context.cluster.controlPlane.clusters) {
      for (const entry of view.components) {
        if (entry.component !== 'kube-apiserver') continue;
        for (const name of FLAGS) {
          const flag = lastFlag(entry.flags, name);
          const seconds = flag?.value !== undefined && /^\d+$/.test(flag.value) ? Number(flag.value) : undefined;
          if (!flag || seconds === undefined || seconds <= max) continue;
          context.report({ at: entry.object.at(...flag.path), object: entry.object, messageId: 'long', data: { flag: name, seconds, max } });
        }
      }
    }
  },
});
