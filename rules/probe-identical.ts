import { defineRule } from '../src/engine/rule.js';
import { isMap } from '../src/model/access.js';
import { canonicalProbe, handlersOf } from '../src/model/probes.js';
import { longRunningContainers } from '../src/model/workload.js';

export default defineRule<'identical'>({
  meta: {
    id: 'probe-identical',
    scope: 'object',
    category: 'workload',
    severity: 'warning',
    summary: "A container's `livenessProbe` is identical to its `readinessProbe` (same check, same timings, after API defaults).",
    rationale:
      'Readiness takes a struggling pod out of the Service; liveness kills it. When both probes are the same check with the same thresholds, they fail at the same moment: a pod that is slow because a dependency is slow, or because it is overloaded, is restarted instead of being given a rest, and under load every replica restarts together, turning a brown-out into an outage. The Kubernetes documentation recommends the same cheap endpoint for both only "with a higher failureThreshold" for liveness, so that the pod is seen not-ready for a while before it is killed (kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes). Probes are compared after API defaulting (pkg/apis/core/v1/defaults.go) with named ports resolved, so `port: http` equals `port: 8080` when `http` is 8080.',
    fix: 'Give the liveness probe a higher `failureThreshold` (or longer period) than readiness, and make it check only that the process itself is alive, not its dependencies.',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'],
    since: '0.1.0',
    messages: {
      identical: 'Container "{{container}}" of {{object}} has a livenessProbe identical to its readinessProbe: whenever it would be taken out of rotation it is restarted instead.',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template) return;
    for (const container of longRunningContainers(template)) {
      const liveness = container.value['livenessProbe'];
      const readiness = container.value['readinessProbe'];
      if (!isMap(liveness) || !isMap(readiness) || handlersOf(liveness).length !== 1) continue;
      if (canonicalProbe(liveness, container) !== canonicalProbe(readiness, container)) continue;
      context.report({
        at: object.at(...container.path, 'livenessProbe'),
        object,
        messageId: 'identical',
        data: { container: container.name, object: object.describe() },
        related: [{ at: object.at(...container.path, 'readinessProbe'), message: 'the identical readinessProbe' }],
      });
    }
  },
});
