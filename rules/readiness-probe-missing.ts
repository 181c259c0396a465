import { defineRule } from '../src/engine/rule.js';
import { isMap } from '../src/model/access.js';
import { containersOf, isBatch } from '../src/model/workload.js';

export default defineRule<'missing'>({
  meta: {
    id: 'readiness-probe-missing',
    category: 'workload',
    severity: 'warning',
    summary: 'A container of a long-running workload has no `readinessProbe`.',
    rationale:
      'Without a readiness probe a pod is Ready as soon as its containers start, so Services send it traffic while it is still loading caches or connecting to its database, and a rolling update removes old pods before the new ones can serve: requests fail on every rollout and restart. App containers are checked; sidecars are not, because their readiness is rarely what gates traffic.',
    fix: 'Add a `readinessProbe` that succeeds only when the container can serve requests.',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'PodTemplate'],
    since: '0.1.0',
    messages: {
      missing: 'Container "{{container}}" of {{object}} has no readinessProbe: it receives traffic before it can serve.',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template || isBatch(object)) return;
    for (const container of containersOf(template)) {
      if (container.role !== 'app' || isMap(container.value['readinessProbe'])) continue;
      context.report({ at: object.at(...container.path), object, messageId: 'missing', data: { container: container.name, object: object.describe() } });
    }
  },
});
