import { defineRule } from '../src/engine/rule.js';
import type { ObjectContext } from '../src/engine/rule.js';
import { isMap } from '../src/model/access.js';
import type { K8sObject } from '../src/model/object.js';
import { compareQuantity, parseQuantity } from '../src/model/quantity.js';
import { containersOf } from '../src/model/workload.js';
import type { Path } from '../src/types.js';

type Context = ObjectContext<'below'>;

export default defineRule<'below'>({
  meta: {
    id: 'limit-below-request',
    scope: 'object',
    category: 'workload',
    severity: 'error',
    summary: 'A resource limit is lower than the request for the same resource.',
    rationale:
      'The API server rejects a container (or pod-level resources) whose limit is below its request ("must be less than or equal to … limit"), so the workload is never created or updated: the rollout that carries it fails.',
    fix: 'Raise the limit to at least the request, or lower the request.',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'],
    since: '0.1.0',
    messages: {
      below: '{{owner}} limits {{resource}} to {{limit}}, below its request of {{request}}: the API server rejects it.',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template) return;
    compare(object, context, template.specPath, 'Pod-level resources');
    for (const container of containersOf(template)) compare(object, context, container.path, `Container "${container.name}"`);
  },
});

/** Compares every resource named in both `requests` and `limits` of one owner (all resources, as the API does). */
function compare(object: K8sObject, context: Context, ownerPath: Path, owner: string): void {
  const requests = object.get(...ownerPath, 'resources', 'requests');
  const limits = object.get(...ownerPath, 'resources', 'limits');
  if (!isMap(requests) || !isMap(limits)) return;
  for (const resource of Object.keys(limits)) {
    const limit = parseQuantity(limits[resource]);
    const request = Object.prototype.hasOwnProperty.call(requests, resource) ? parseQuantity(requests[resource]) : undefined;
    if (!limit || !request || compareQuantity(limit, request) >= 0) continue;
    context.report({
      at: object.at(...ownerPath, 'resources', 'limits', resource),
      object,
      messageId: 'below',
      data: { owner, resource, limit: String(limits[resource]), request: String(requests[resource]) },
    });
  }
}
