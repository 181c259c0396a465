import { defineRule } from '../src/engine/rule.js';
import { isMap } from '../src/model/access.js';
import { livenessExpected, readinessGaps } from '../src/model/readiness.js';
import { containerLocation } from '../src/model/workload.js';

const BOTH_FIX =
  'Add a `readinessProbe` that succeeds only when the container can serve requests, and a `livenessProbe` that fails only when the process cannot recover by itself (an endpoint that does not call dependencies, or a TCP check).';

export default defineRule<'routed' | 'missing' | 'routedNoProbes' | 'missingNoProbes'>({
  meta: {
    id: 'readiness-probe-missing',
    scope: 'set',
    category: 'workload',
    severity: 'warning',
    summary: 'A container that receives Service traffic has no `readinessProbe`.',
    rationale:
      'Without a readiness probe a pod is Ready as soon as its containers start, so Services send it traffic while it is still loading caches or connecting to its database, and a rolling update removes old pods before the new ones can serve: requests fail on every rollout and restart. Readiness matters only where traffic flows, so the rule speaks when a Service of the linted files selects the pod and routes to a port of that container (a named targetPort the container declares, or a port number it declares), or, when the linted files hold no Service at all, when a Deployment or StatefulSet container declares ports. It stays silent on static pods, on pods no Service reaches (host-network node agents, CSI node plugins that the kubelet calls over a socket), on containers without ports beside one that has a readiness probe, on idle containers, on helper containers that no Service routes to (a config reloader or exporter beside the container it assists: it calls a port its neighbour declares over localhost, or runs a well-known reloader or syncer image), on Services with `publishNotReadyAddresses`, and on run-to-completion pods. App containers are checked; sidecars are not, because their readiness is rarely what gates traffic. A container with no liveness probe either is reported once, here, naming both probes, and liveness-probe-missing stays silent on it (one finding per root cause: a container shipped without health checks).',
    fix: 'Add a `readinessProbe` that succeeds only when the container can serve requests.',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'PodTemplate'],
    since: '0.1.0',
    messages: {
      routed: 'Container "{{container}}" of {{object}} has no readinessProbe, and {{services}} sends it traffic: it receives requests before it can serve them.',
      missing: 'Container "{{container}}" of {{object}} declares ports but has no readinessProbe: behind a Service it receives traffic before it can serve.',
      routedNoProbes:
        'Container "{{container}}" of {{object}} has no readinessProbe and no livenessProbe, and {{services}} sends it traffic: it receives requests before it can serve them, and if it hangs nothing restarts it.',
      missingNoProbes:
        'Container "{{container}}" of {{object}} declares ports but has neither a readinessProbe nor a livenessProbe: behind a Service it receives traffic before it can serve, and if it hangs nothing restarts it.',
    },
  },
  checkObject(object, context) {
    // One finding per root cause: a container with neither probe is this rule's, and
    // liveness-probe-missing stays silent on it while this rule runs.
    const namesLiveness = context.isEnabled('liveness-probe-missing');
    for (const { container, services } of readinessGaps(context.cluster, object)) {
      const where = containerLocation(object, container);
      const data = { container: container.name, object: object.describe() };
      const both = namesLiveness && livenessExpected(object) && !isMap(container.value['livenessProbe']);
      const fix = both ? { fix: BOTH_FIX } : {};
      if (services.length > 0) {
        const names = [...new Set(services.map((service) => service.describe()))].join(', ');
        const related = services.map((service) => ({ at: service.at('spec', 'ports'), message: `${service.describe()} routes here` }));
        context.report({ ...where, object, messageId: both ? 'routedNoProbes' : 'routed', data: { ...data, services: names }, related, ...fix });
      } else {
        context.report({ ...where, object, messageId: both ? 'missingNoProbes' : 'missing', data, ...fix });
      }
    }
  },
});
