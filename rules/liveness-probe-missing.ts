import { defineRule } from '../src/engine/rule.js';
import { isMap } from '../src/model/access.js';
import { isIdleContainer } from '../src/model/idle.js';
import { containerLocation, isBatch, longRunningContainers } from '../src/model/workload.js';

export default defineRule<'missing'>({
  meta: {
    id: 'liveness-probe-missing',
    scope: 'object',
    category: 'workload',
    severity: 'warning',
    summary: 'A long-running container has no `livenessProbe`.',
    rationale:
      "Without a liveness probe the kubelet restarts a container only when its process exits. A deadlocked or wedged process keeps running, keeps its pod Ready if its readiness check is shallow, and serves errors until someone restarts it by hand. Jobs, CronJobs and non-restartable init containers run to completion and are not checked; sidecars (init containers with `restartPolicy: Always`) run for the pod's life and are. Idle containers (pause, `sleep infinity`) have nothing to hang and are not checked.",
    fix: 'Add a `livenessProbe` that fails only when the process cannot recover by itself (an HTTP endpoint that does not call dependencies, or a TCP check), with a `startupProbe` if it starts slowly.',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'PodTemplate'],
    since: '0.1.0',
    messages: {
      missing: 'Container "{{container}}" of {{object}} has no livenessProbe: if it hangs, nothing restarts it.',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template || isBatch(object)) return;
    for (const container of longRunningContainers(template)) {
      if (isMap(container.value['livenessProbe']) || isIdleContainer(container)) continue;
      context.report({ ...containerLocation(object, container), object, messageId: 'missing', data: { container: container.name, object: object.describe() } });
    }
  },
});
