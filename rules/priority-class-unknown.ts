import { defineRule } from '../src/engine/rule.js';
import { asString } from '../src/model/access.js';

/** Created by the API server at bootstrap (SystemPriorityClasses, pkg/apis/scheduling/v1/helpers.go). */
const BUILT_IN: ReadonlySet<string> = new Set(['system-cluster-critical', 'system-node-critical']);

export default defineRule<'unknown'>({
  meta: {
    id: 'priority-class-unknown',
    scope: 'set',
    category: 'workload',
    severity: 'warning',
    summary: '`priorityClassName` that is neither built in nor defined by a PriorityClass in the linted files.',
    rationale:
      'The Priority admission plugin (plugin/pkg/admission/priority/admission.go) resolves `priorityClassName` when a pod is created and rejects the pod when no PriorityClass of that name exists ("no PriorityClass with name … was found"). The workload object is accepted, but its controller can create no pod: a new Deployment never comes up, and an existing one loses every replica it replaces during a rollout. Only `system-cluster-critical` and `system-node-critical` exist in every cluster. Concluded from the linted files: a PriorityClass installed separately is not seen, so the message says so.',
    fix: 'Define the PriorityClass alongside the workload (or lint it together), or use an existing class name.',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'],
    since: '0.1.0',
    messages: {
      unknown: '{{object}} uses priorityClassName "{{name}}", which is not built in and no PriorityClass in the linted files defines: if the cluster lacks it, its pods are rejected.',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template) return;
    const name = asString(template.spec['priorityClassName']);
    if (name === undefined || name === '' || BUILT_IN.has(name) || context.cluster.priorityClass(name)) return;
    context.report({ at: object.at(...template.specPath, 'priorityClassName'), object, messageId: 'unknown', data: { object: object.describe(), name } });
  },
});
