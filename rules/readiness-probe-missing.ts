import { defineRule } from '../src/engine/rule.js';
import { isMap } from '../src/model/access.js';
import { isCsiNodePlugin } from '../src/model/addons.js';
import { isIdleContainer } from '../src/model/idle.js';
import { isStaticPod } from '../src/model/static-pods.js';
import { declaresPorts, servicesRoutingTo } from '../src/model/traffic.js';
import { containerLocation, containersOf, isBatch } from '../src/model/workload.js';

/** Kinds whose pods are, without a Service in sight, most likely put behind one. */
const SERVING_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet']);

export default defineRule<'routed' | 'missing'>({
  meta: {
    id: 'readiness-probe-missing',
    scope: 'set',
    category: 'workload',
    severity: 'warning',
    summary: 'A container that receives Service traffic has no `readinessProbe`.',
    rationale:
      'Without a readiness probe a pod is Ready as soon as its containers start, so Services send it traffic while it is still loading caches or connecting to its database, and a rolling update removes old pods before the new ones can serve: requests fail on every rollout and restart. Readiness matters only where traffic flows, so the rule speaks when a Service of the linted files selects the pod and routes to a port of that container (a named targetPort the container declares, or a port number it declares), or, when the linted files hold no Service at all, when a Deployment or StatefulSet container declares ports. It stays silent on static pods, on pods no Service reaches (host-network node agents, CSI node plugins that the kubelet calls over a socket), on containers without ports beside one that has a readiness probe, on idle containers, on Services with `publishNotReadyAddresses`, and on run-to-completion pods. App containers are checked; sidecars are not, because their readiness is rarely what gates traffic.',
    fix: 'Add a `readinessProbe` that succeeds only when the container can serve requests.',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'PodTemplate'],
    since: '0.1.0',
    messages: {
      routed: 'Container "{{container}}" of {{object}} has no readinessProbe, and {{services}} sends it traffic: it receives requests before it can serve them.',
      missing: 'Container "{{container}}" of {{object}} declares ports but has no readinessProbe: behind a Service it receives traffic before it can serve.',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template || isBatch(object) || isStaticPod(object) || isCsiNodePlugin(template)) return;
    const containers = containersOf(template);
    const apps = containers.filter((container) => container.role === 'app' && !isIdleContainer(container));
    const neighbourReady = containers.some((container) => isMap(container.value['readinessProbe']));
    const noServices = context.cluster.ofKind('Service').length === 0;
    for (const container of apps) {
      if (isMap(container.value['readinessProbe'])) continue;
      // Another container's probe already gates the pod, and this one exposes nothing.
      if (neighbourReady && !declaresPorts(container)) continue;
      const where = containerLocation(object, container);
      const data = { container: container.name, object: object.describe() };
      const services = servicesRoutingTo(context.cluster, object, template, container);
      if (services.length > 0) {
        const names = [...new Set(services.map((service) => service.describe()))].join(', ');
        const related = services.map((service) => ({ at: service.at('spec', 'ports'), message: `${service.describe()} routes here` }));
        context.report({ ...where, object, messageId: 'routed', data: { ...data, services: names }, related });
      } else if (noServices && SERVING_KINDS.has(object.kind) && declaresPorts(container) && template.spec['hostNetwork'] !== true) {
        context.report({ ...where, object, messageId: 'missing', data });
      }
    }
  },
});
