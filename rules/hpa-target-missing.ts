import { defineRule } from '../src/engine/rule.js';
import { asString } from '../src/model/access.js';
import type { K8sObject } from '../src/model/object.js';

export default defineRule<'missing' | 'wrongKind'>({
  meta: {
    id: 'hpa-target-missing',
    scope: 'set',
    category: 'workload',
    severity: 'warning',
    summary: 'A HorizontalPodAutoscaler whose `scaleTargetRef` names no object in the linted files.',
    rationale:
      'The autoscaler looks its target up by kind and name in its own namespace; when nothing matches it reports FailedGetScale and never scales anything, while the workload it was meant for runs at a fixed scale. This usually follows a rename or a Deployment turned StatefulSet. Concluded from the linted files only, and only when the HPA’s directory holds workloads of its namespace.',
    fix: 'Point `spec.scaleTargetRef` (kind, name) at the workload in the same namespace, or delete the stale HPA.',
    appliesTo: ['HorizontalPodAutoscaler'],
    since: '0.1.0',
    messages: {
      missing: '{{object}} targets {{kind}} "{{name}}", but no {{kind}} of that name is in namespace "{{namespace}}" in the linted files.',
      wrongKind: '{{object}} targets {{kind}} "{{name}}", but "{{name}}" in namespace "{{namespace}}" is a {{actual}}.',
    },
  },
  checkObject(object, context) {
    if (object.kind !== 'HorizontalPodAutoscaler') return;
    const kind = asString(object.get('spec', 'scaleTargetRef', 'kind'));
    const name = asString(object.get('spec', 'scaleTargetRef', 'name'));
    if (!kind || !name) return;
    const namespace = object.namespaceOrDefault;
    const { cluster } = context;
    if (cluster.find(kind, namespace, name, object)) return;
    const data = { object: object.describe(), kind, name, namespace };
    const sameName = firstWorkload(cluster.named(namespace, name, object));
    if (sameName) {
      context.report({
        at: object.at('spec', 'scaleTargetRef', 'kind'),
        object,
        messageId: 'wrongKind',
        data: { ...data, actual: sameName.kind },
        related: [{ at: sameName.at('kind'), message: `${sameName.describe()} is defined here` }],
      });
      return;
    }
    // Only when the HPA's own directory holds workloads of its namespace: an HPA linted without its workload proves nothing.
    if (holdsKindOrWorkload(cluster.beside(object), kind)) context.report({ at: object.at('spec', 'scaleTargetRef', 'name'), object, messageId: 'missing', data });
  },
});

/*
 * The cluster index hands out the same list for the same name or directory, so what was found
 * in a list is kept with it: thousands of HPAs beside each other (or of one name) would each
 * scan the whole list again.
 */
const workloads = new WeakMap<readonly K8sObject[], K8sObject | null>();
const kinds = new WeakMap<readonly K8sObject[], Map<string, boolean>>();

function firstWorkload(objects: readonly K8sObject[]): K8sObject | undefined {
  let found = workloads.get(objects);
  if (found === undefined) workloads.set(objects, (found = objects.find((candidate) => candidate.podTemplate !== undefined) ?? null));
  return found ?? undefined;
}

function holdsKindOrWorkload(objects: readonly K8sObject[], kind: string): boolean {
  let byKind = kinds.get(objects);
  if (!byKind) kinds.set(objects, (byKind = new Map<string, boolean>()));
  let holds = byKind.get(kind);
  if (holds === undefined) byKind.set(kind, (holds = objects.some((other) => other.kind === kind || other.podTemplate !== undefined)));
  return holds;
}
