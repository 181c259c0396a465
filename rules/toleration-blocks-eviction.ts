import { defineRule } from '../src/engine/rule.js';
import { asString } from '../src/model/access.js';
import { firstToleration, tolerationSeconds, tolerationsOf, type Taint, type TolerationRef } from '../src/model/tolerations.js';

interface Options {
  maxSeconds: number;
}

/** Taints the node lifecycle controller puts on a node that stops reporting or is not Ready. */
const NODE_FAILURE_TAINTS: readonly Taint[] = [
  { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' },
];

export default defineRule<'forever' | 'everything' | 'long', Options>({
  meta: {
    id: 'toleration-blocks-eviction',
    scope: 'object',
    category: 'workload',
    severity: 'warning',
    summary: 'Pods tolerate the `unreachable`/`not-ready` NoExecute taints with no `tolerationSeconds` (warning) or more than `maxSeconds` (info, default 300).',
    rationale:
      'When a node dies, the node lifecycle controller taints it `node.kubernetes.io/unreachable` or `not-ready` with effect NoExecute, and the taint manager evicts each pod once the `tolerationSeconds` of its matching toleration expires; only then do the Deployment, ReplicaSet, StatefulSet or Job controllers replace it on a healthy node. The DefaultTolerationSeconds admission plugin gives every pod 300 s for both taints unless the pod already tolerates them (kube-apiserver --default-not-ready-toleration-seconds / --default-unreachable-toleration-seconds). A toleration without `tolerationSeconds` overrides that and keeps the pods bound to the dead node forever: their replicas are lost until someone deletes them by hand. An empty `effect` matches NoExecute, and `operator: Exists` without a key tolerates every taint (k8s.io/api core/v1 ToleratesTaint); the taint manager uses the first matching toleration per taint (GetMatchingTolerations). DaemonSets are exempt (their pods belong to their node and the DaemonSet controller adds these tolerations itself), and so are bare Pods, which no controller replaces anyway.',
    fix: 'Remove the toleration (the 300 s default applies), or add `tolerationSeconds` no longer than you can afford to run with fewer replicas after a node failure.',
    appliesTo: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'],
    since: '0.1.0',
    messages: {
      forever: '{{object}} tolerates the {{taints}} NoExecute taint(s) with no tolerationSeconds: its pods stay bound to a failed node forever instead of being replaced.',
      everything: '{{object}} tolerates every taint (`operator: Exists` without a key) with no tolerationSeconds, {{taints}} included: its pods stay bound to a failed node forever instead of being replaced.',
      long: '{{object}} tolerates the {{taints}} NoExecute taint(s) for {{seconds}} s, over {{max}} s: its pods stay on a failed node that long before being replaced.',
    },
    options: {
      schema: { maxSeconds: { type: 'integer', minimum: 0 } },
      defaults: { maxSeconds: 300 },
    },
  },
  checkObject(object, context) {
    if (object.kind === 'DaemonSet' || object.kind === 'Pod') return;
    const template = object.podTemplate;
    if (!template) return;
    const tolerations = tolerationsOf(template);
    if (tolerations.length === 0) return;
    // One finding per toleration, naming every failure taint it is the first match for.
    const matched = new Map<TolerationRef, string[]>();
    for (const taint of NODE_FAILURE_TAINTS) {
      const toleration = firstToleration(tolerations, taint);
      if (toleration) matched.set(toleration, [...(matched.get(toleration) ?? []), taint.key]);
    }
    for (const [toleration, keys] of matched) {
      const seconds = tolerationSeconds(toleration.value);
      const data = { object: object.describe(), taints: keys.join(' and ') };
      const at = object.at(...toleration.path);
      if (seconds === 'forever') {
        const everything = (asString(toleration.value['key']) ?? '') === '';
        context.report({ at, object, messageId: everything ? 'everything' : 'forever', data });
      } else if (seconds !== undefined && seconds > context.options.maxSeconds) {
        context.report({ at: object.at(...toleration.path, 'tolerationSeconds'), object, messageId: 'long', data: { ...data, seconds, max: context.options.maxSeconds }, severity: 'info' });
      }
    }
  },
});
