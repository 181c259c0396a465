import { defineRule } from '../src/engine/rule.js';
import { reportUnmatchedSelector } from './support/selector-no-match.js';
import { podSelectorOf } from '../src/model/selector.js';

export default defineRule<'noMatch' | 'selectsNothing'>({
  meta: {
    id: 'pdb-selector-no-match',
    scope: 'set',
    category: 'workload',
    severity: 'warning',
    summary: 'A PodDisruptionBudget whose selector matches no pod template of its namespace in the linted files.',
    rationale:
      "A budget protects only the pods its selector matches. One whose labels drifted from the workload’s (a renamed `app` label, a copied selector) protects nothing, and the workload it was written for is drained all at once while everyone believes it is covered. A missing selector selects no pods in any version, and `selector: {}` selects none in policy/v1beta1 (every pod of the namespace in policy/v1). Concluded from the linted files, only when a pod template of that namespace sits in the same file, or in the same directory with at least one of the selected labels (the signature of a drifted selector), and no custom resource (operator-managed pods) carries matching labels. Pods that run without a template a repository would hold are not judged either: kubeadm's own in kube-system (CoreDNS keeps `k8s-app: kube-dns`, kube-proxy `k8s-app: kube-proxy`, static control-plane pods `component` with `tier: control-plane`), pods a tool named by an `app.kubernetes.io/managed-by` selector that no template carries makes at run time, and pods of an operator shipped beside the object (a CustomResourceDefinition in its directory).",
    fix: 'Make `spec.selector.matchLabels` equal to (a subset of) the pod template labels of the workload it should protect.',
    appliesTo: ['PodDisruptionBudget'],
    since: '0.1.0',
    messages: {
      noMatch: '{{object}} selects {{selector}}, but no pod template in namespace "{{namespace}}" in the linted files carries those labels: it protects nothing.',
      selectsNothing: '{{object}} {{reason}}, so it selects no pods and protects nothing.',
    },
  },
  checkObject(object, context) {
    if (object.kind !== 'PodDisruptionBudget') return;
    const selector = podSelectorOf(object);
    if (!selector) return;
    if (selector.kind === 'nothing') {
      const empty = object.get('spec', 'selector') !== undefined && object.get('spec', 'selector') !== null;
      const reason = empty ? 'has an empty selector, which selects nothing in policy/v1beta1' : 'has no selector';
      context.report({ at: object.at('spec', 'selector'), object, messageId: 'selectsNothing', data: { object: object.describe(), reason } });
      return;
    }
    reportUnmatchedSelector(object, context);
  },
});
