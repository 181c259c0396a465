import { defineRule } from '../src/engine/rule.js';

export default defineRule<'missing'>({
  meta: {
    id: 'pdb-missing',
    scope: 'set',
    category: 'workload',
    severity: 'warning',
    summary: 'A replicated workload that no PodDisruptionBudget in the linted files selects.',
    rationale:
      'Node drains (upgrades, autoscaler scale-down, maintenance) evict pods through the Eviction API, which only holds back when a PodDisruptionBudget covers the pods. Without one, draining the nodes that host the replicas evicts all of them at once and the service is down until they are rescheduled and ready again, replicas notwithstanding (https://kubernetes.io/docs/concepts/workloads/pods/disruptions/). Concluded from the linted files: a PDB applied from elsewhere is not seen. DaemonSets are not replicated in this sense.',
    fix: 'Add a PodDisruptionBudget in the same namespace whose selector matches the pod template labels, with `maxUnavailable: 1` (or `minAvailable` below the replica count).',
    appliesTo: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'],
    since: '0.1.0',
    messages: {
      missing: 'No PodDisruptionBudget in the linted files selects the pods of {{object}}: a node drain can evict all its replicas at once.',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template || !context.cluster.isReplicated(object)) return;
    if (context.cluster.pdbsFor(object).length > 0) return;
    context.report({ at: object.at('metadata', 'name'), object, messageId: 'missing', data: { object: object.describe() } });
  },
});
