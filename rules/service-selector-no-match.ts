import { defineRule } from '../src/engine/rule.js';
import { reportUnmatchedSelector } from './support/selector-no-match.js';

export default defineRule<'noMatch'>({
  meta: {
    id: 'service-selector-no-match',
    category: 'workload',
    severity: 'warning',
    summary: 'A Service whose selector matches no pod template of its namespace in the linted files.',
    rationale:
      'The endpoints controller fills a Service with the ready pods its selector matches; when no pod carries those labels the Service has no endpoints and every connection to it is refused or times out, typically after a label rename in the workload that the Service did not follow. Services without a selector (endpoints managed elsewhere) and ExternalName Services are not checked. Concluded from the linted files, only when a pod template of that namespace sits in the same file, or in the same directory with at least one of the selected labels (the signature of a drifted selector), and no custom resource (operator-managed pods) carries matching labels.',
    fix: 'Make `spec.selector` a subset of the pod template labels of the workload that serves this Service.',
    appliesTo: ['Service'],
    since: '0.1.0',
    messages: {
      noMatch: '{{object}} selects {{selector}}, but no pod template in namespace "{{namespace}}" in the linted files carries those labels: it has no endpoints.',
    },
  },
  checkObject(object, context) {
    if (object.kind !== 'Service') return;
    reportUnmatchedSelector(object, context);
  },
});
