import { defineRule } from '../src/engine/rule.js';
import { asArray, asInteger, asString, isMap } from '../src/model/access.js';
import type { TemplateEntry } from '../src/model/cluster.js';
import { longRunningContainers } from '../src/model/workload.js';

export default defineRule<'unknown'>({
  meta: {
    id: 'service-target-port-unknown',
    scope: 'set',
    category: 'workload',
    severity: 'error',
    summary: 'A Service `targetPort` names a port that none of the selected pods’ containers declare.',
    rationale:
      'A named targetPort is resolved per pod against the ports its containers (and sidecars) declare, by name and protocol (FindPort, used by the EndpointSlice controller). When no selected pod declares it, every pod is left out of the endpoints: the Service has no backends for that port and connections fail, although the pods are running and ready. Only named ports are checked (a numeric targetPort needs no declaration), and only against pod templates the Service selects in the linted files.',
    fix: 'Name the container port (`ports[].name`, with the same protocol) in the pod template, or use the port number as `targetPort`.',
    appliesTo: ['Service'],
    since: '0.1.0',
    messages: {
      unknown: '{{object}} sends port {{port}} to targetPort "{{name}}" ({{protocol}}), but no container of {{workloads}} declares a port of that name and protocol: the Service has no endpoints for it.',
    },
  },
  checkObject(object, context) {
    if (object.kind !== 'Service') return;
    const selected = context.cluster.selectedBy(object);
    if (!selected || selected.length === 0) return;
    asArray(object.get('spec', 'ports')).forEach((port, index) => {
      if (!isMap(port)) return;
      const name = asString(port['targetPort']);
      // A digits-only string is not a valid port name; invalid-field-type territory.
      if (name === undefined || /^[0-9]+$/.test(name)) return;
      const protocol = asString(port['protocol']) ?? 'TCP';
      if (selected.some((entry) => declares(entry, name, protocol))) return;
      context.report({
        at: object.at('spec', 'ports', index, 'targetPort'),
        object,
        messageId: 'unknown',
        data: {
          object: object.describe(),
          port: asInteger(port['port']) ?? asString(port['name']) ?? index,
          name,
          protocol,
          workloads: selected.map((entry) => entry.object.describe()).join(', '),
        },
        related: selected.map((entry) => ({ at: entry.object.at(...entry.template.specPath, 'containers'), message: `containers of ${entry.object.describe()}` })),
      });
    });
  },
});

/** Whether an app or sidecar container declares a port with this name and protocol (default TCP). */
function declares(entry: TemplateEntry, name: string, protocol: string): boolean {
  return longRunningContainers(entry.template).some((container) => asArray(container.value['ports']).some((port) => isMap(port) && port['name'] === name && (asString(port['protocol']) ?? 'TCP') === protocol));
}
