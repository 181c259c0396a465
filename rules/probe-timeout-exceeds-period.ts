import { defineRule } from '../src/engine/rule.js';
import { probesOf, probeTiming } from '../src/model/probes.js';
import { containersOf } from '../src/model/workload.js';

export default defineRule<'timeoutNotBelowPeriod'>({
  meta: {
    id: 'probe-timeout-exceeds-period',
    scope: 'object',
    category: 'workload',
    severity: 'info',
    recommended: false,
    summary: 'A probe whose `timeoutSeconds` is at or above its `periodSeconds` (off in `recommended`).',
    rationale:
      'The API server accepts it and nothing is invalid: the kubelet runs one check of a probe at a time (pkg/kubelet/prober/worker.go waits for each probe before the next tick), so a check that hangs until its timeout delays the next one, and a failure is noticed after up to `failureThreshold × timeoutSeconds` rather than `failureThreshold × periodSeconds`. Slow-to-answer components (kubeadm sets a 15 s timeout with a 10 s period on its control plane) do this on purpose. It is a tuning hint, not a defect, so it is off unless enabled.',
    fix: 'Keep `timeoutSeconds` below `periodSeconds` if failures must be detected within the period, or leave it when a slow check is intended.',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'],
    since: '0.1.0',
    messages: {
      timeoutNotBelowPeriod:
        '{{probe}} of container "{{container}}" in {{object}} has timeoutSeconds {{timeout}} ≥ periodSeconds {{period}}: a hanging check delays the next one, so failures are noticed later than the period suggests.',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template) return;
    for (const container of containersOf(template)) {
      // Probes on plain init containers are rejected outright; probe-invalid reports those.
      if (container.role === 'init') continue;
      for (const probe of probesOf(container)) {
        const timing = probeTiming(probe.value);
        if (timing.timeoutSeconds <= 0 || timing.periodSeconds <= 0 || timing.timeoutSeconds < timing.periodSeconds) continue;
        context.report({
          at: object.at(...probe.path, 'timeoutSeconds'),
          object,
          messageId: 'timeoutNotBelowPeriod',
          data: { object: object.describe(), container: container.name, probe: probe.kind, timeout: timing.timeoutSeconds, period: timing.periodSeconds },
        });
      }
    }
  },
});
