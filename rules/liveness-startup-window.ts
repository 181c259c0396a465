import { defineRule } from '../src/engine/rule.js';
import { isMap } from '../src/model/access.js';
import { firstFailureWindow, handlersOf, hasNegativeTiming, probeTiming } from '../src/model/probes.js';
import { longRunningContainers } from '../src/model/workload.js';

interface Options {
  minSeconds: number;
}

export default defineRule<'short', Options>({
  meta: {
    id: 'liveness-startup-window',
    scope: 'object',
    category: 'workload',
    severity: 'info',
    summary: 'A liveness probe without a `startupProbe` gives the container less than `minSeconds` (default 30) to start before it is killed.',
    rationale:
      'Without a startup probe, liveness checks begin `initialDelaySeconds` after the container starts, and the kubelet restarts it after `failureThreshold` consecutive failures `periodSeconds` apart. A process that needs longer than that window to start (JVM warm-up, cache loading, a migration, a cold node pulling data) is killed before it ever serves, and the pod crash-loops; it often shows up only under load or after a node failure, when every replica restarts at once. The window is `initialDelaySeconds + failureThreshold × periodSeconds` with the API defaults (0, 3 and 10 from pkg/apis/core/v1/defaults.go SetDefaults_Probe, i.e. 30 s). A startupProbe holds liveness off until the application has started.',
    fix: 'Add a `startupProbe` (same check, `failureThreshold × periodSeconds` covering the worst start-up time) and keep the liveness probe tight, or lengthen the liveness window.',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'],
    since: '0.1.0',
    messages: {
      short: 'Container "{{container}}" of {{object}} is killed if its livenessProbe fails for the first {{window}} s (under {{min}} s) and has no startupProbe: a slow start becomes a crash loop.',
    },
    options: {
      schema: { minSeconds: { type: 'integer', minimum: 1 } },
      defaults: { minSeconds: 30 },
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template) return;
    for (const container of longRunningContainers(template)) {
      const liveness = container.value['livenessProbe'];
      if (!isMap(liveness) || isMap(container.value['startupProbe']) || handlersOf(liveness).length !== 1) continue;
      const timing = probeTiming(liveness);
      // Invalid timings are probe-invalid's to report; the window would be meaningless.
      if (hasNegativeTiming(timing)) continue;
      const window = firstFailureWindow(timing);
      if (window >= context.options.minSeconds) continue;
      context.report({
        at: object.at(...container.path, 'livenessProbe'),
        object,
        messageId: 'short',
        data: { container: container.name, object: object.describe(), window, min: context.options.minSeconds },
      });
    }
  },
});
