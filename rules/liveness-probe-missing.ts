import { defineRule } from '../src/engine/rule.js';
import { isMap } from '../src/model/access.js';
import { isHelperContainer } from '../src/model/auxiliary.js';
import { isIdleContainer } from '../src/model/idle.js';
import { livenessExpected, readinessGaps } from '../src/model/readiness.js';
import { containerLocation, longRunningContainers } from '../src/model/workload.js';

export default defineRule<'missing'>({
  meta: {
    id: 'liveness-probe-missing',
    scope: 'set',
    category: 'workload',
    severity: 'warning',
    summary: 'A long-running container has no `livenessProbe`.',
    rationale:
      "Without a liveness probe the kubelet restarts a container only when its process exits. A deadlocked or wedged process keeps running, keeps its pod Ready if its readiness check is shallow, and serves errors until someone restarts it by hand. Jobs, CronJobs, run-to-completion Pods and non-restartable init containers run to completion and are not checked; nor is a Pod created directly, with no controller (static pods are checked): it is a one-off — a demo, a test or a debugging pod — that nothing recreates when its node fails or it is evicted, so a liveness probe is not what keeps it available (run it under a Deployment, StatefulSet or DaemonSet); sidecars (init containers with `restartPolicy: Always`) run for the pod's life and are. Idle containers (pause, `sleep infinity`) have nothing to hang and are not checked, nor are helper containers that no Service routes to (a config reloader or exporter beside the container it assists: it calls a port its neighbour declares over localhost, or runs a well-known reloader or syncer image such as configmap-reload, prometheus-config-reloader or git-sync): a hung helper delays a reload or a metric, not a request. A container that also lacks the readiness probe its traffic needs is reported once, by readiness-probe-missing, which names both probes.",
    fix: 'Add a `livenessProbe` that fails only when the process cannot recover by itself (an HTTP endpoint that does not call dependencies, or a TCP check), with a `startupProbe` if it starts slowly.',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'PodTemplate'],
    since: '0.1.0',
    messages: {
      missing: 'Container "{{container}}" of {{object}} has no livenessProbe: if it hangs, nothing restarts it.',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template || !livenessExpected(object)) return;
    // A container with neither probe is readiness-probe-missing's finding, which names both.
    const reportedByReadiness = new Set(context.isEnabled('readiness-probe-missing') ? readinessGaps(context.cluster, object).map((gap) => gap.container) : []);
    for (const container of longRunningContainers(template)) {
      if (isMap(container.value['livenessProbe']) || isIdleContainer(container) || reportedByReadiness.has(container)) continue;
      if (isHelperContainer(context.cluster, object, template, container)) continue;
      context.report({ ...containerLocation(object, container), object, messageId: 'missing', data: { container: container.name, object: object.describe() } });
    }
  },
});
