import { defineRule } from '../src/engine/rule.js';
import { CRITICAL_POD_ANNOTATION, CRITICAL_PRIORITY_CLASSES, priorityClassOf } from '../src/model/addons.js';

export default defineRule<'unprotected' | 'redundant'>({
  meta: {
    id: 'critical-pod-annotation-deprecated',
    scope: 'object',
    category: 'addon',
    severity: 'warning',
    summary: 'The legacy `scheduler.alpha.kubernetes.io/critical-pod` annotation.',
    rationale:
      'The annotation once let the rescheduler and the kubelet treat a kube-system pod as critical. It was deprecated in 1.13 in favour of priority classes and removed in 1.16 ("scheduler.alpha.kubernetes.io/critical-pod annotation is removed. Pod priority (spec.priorityClassName) should be used instead", kubernetes#80342). Current clusters ignore it: an add-on that relies on it has no protection against preemption or node-pressure eviction, though its manifest suggests otherwise.',
    fix: 'Remove the annotation and set `priorityClassName: system-cluster-critical` (or `system-node-critical` for per-node agents).',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'],
    since: '0.1.0',
    messages: {
      unprotected: '{{object}} marks its pods critical with the critical-pod annotation, which Kubernetes ignores since 1.16, and sets no critical priority class: the pods have no protection.',
      redundant: '{{object}} still carries the critical-pod annotation, ignored since 1.16; its priority class {{class}} is what protects it.',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template || !Object.prototype.hasOwnProperty.call(template.annotations, CRITICAL_POD_ANNOTATION)) return;
    const at = object.at(...template.metadataPath, 'annotations', CRITICAL_POD_ANNOTATION);
    const priorityClass = priorityClassOf(template);
    if (priorityClass !== undefined && CRITICAL_PRIORITY_CLASSES.has(priorityClass)) {
      context.report({ at, object, messageId: 'redundant', severity: 'info', data: { object: object.describe(), class: priorityClass } });
      return;
    }
    context.report({ at, object, messageId: 'unprotected', data: { object: object.describe() } });
  },
});
