import { defineRule } from '../src/engine/rule.js';
import type { ClusterIndex } from '../src/model/cluster.js';
import type { K8sObject } from '../src/model/object.js';
import { describeSelector, isControllerPodLabel, podSelectorOf, selectorMatches } from '../src/model/selector.js';
import { reportUnmatchedSelector } from './support/selector-no-match.js';

export default defineRule<'noMatch' | 'otherNamespace'>({
  meta: {
    id: 'service-selector-no-match',
    scope: 'set',
    category: 'workload',
    severity: 'warning',
    summary: 'A Service whose selector matches no pod template of its namespace in the linted files (or only pods of another namespace).',
    rationale:
      "The endpoints controller fills a Service with the ready pods its selector matches; when no pod carries those labels the Service has no endpoints and every connection to it is refused or times out, typically after a label rename in the workload that the Service did not follow. The controller only looks in the Service's own namespace (pkg/controller/endpointslice lists pods with the Service's namespace and selector), so a workload moved to, or written into, another namespace leaves the Service just as empty — the finding then names the namespace the matching pods are in. Services without a selector (endpoints managed elsewhere) and ExternalName Services are not checked. Concluded from the linted files, only when a pod template of that namespace sits in the same file, or in the same directory with at least one of the selected labels (the signature of a drifted selector), or when the matching pods of another namespace sit in the same file or directory and both namespaces are written out (a namespace left to `kubectl apply -n` may well be the same); and no custom resource (operator-managed pods) carries matching labels. Pods that run without a template a repository would hold are not judged either: kubeadm's own in kube-system (CoreDNS keeps `k8s-app: kube-dns`, kube-proxy `k8s-app: kube-proxy`, static control-plane pods `component` with `tier: control-plane`), pods a tool named by an `app.kubernetes.io/managed-by` selector that no template carries makes at run time, and pods of an operator shipped beside the object (a CustomResourceDefinition in its directory).",
    fix: 'Make `spec.selector` a subset of the pod template labels of the workload that serves this Service, in the same namespace (or move the Service to the namespace of its pods).',
    appliesTo: ['Service'],
    since: '0.1.0',
    messages: {
      noMatch: '{{object}} selects {{selector}}, but no pod template in namespace "{{namespace}}" in the linted files carries those labels: it has no endpoints.',
      otherNamespace:
        '{{object}} in namespace "{{namespace}}" selects {{selector}}, which only pods of namespace "{{other}}" ({{workloads}}) carry: a Service only picks pods of its own namespace, so it has no endpoints.',
    },
  },
  checkObject(object, context) {
    if (object.kind !== 'Service') return;
    // Matching pods in its own namespace settle it; other namespaces are only searched for the rest.
    if ((context.cluster.selectedBy(object) ?? []).length > 0) return;
    const elsewhere = object.namespace === undefined ? [] : podsElsewhere(object, context.cluster);
    const selector = podSelectorOf(object);
    const first = elsewhere[0];
    if (!first || !selector || context.cluster.mayOperatorRunPods(object.namespaceOrDefault, selector)) {
      reportUnmatchedSelector(object, context);
      return;
    }
    const other = first.namespaceOrDefault;
    context.report({
      at: object.at('spec', 'selector'),
      object,
      messageId: 'otherNamespace',
      data: {
        object: object.describe(),
        namespace: object.namespaceOrDefault,
        selector: describeSelector(selector),
        other,
        workloads: elsewhere
          .filter((entry) => entry.namespaceOrDefault === other)
          .map((entry) => entry.describe())
          .join(', '),
      },
      related: elsewhere.map((entry) => ({ at: entry.at('metadata', 'namespace'), message: `${entry.describe()} runs matching pods in namespace "${entry.namespaceOrDefault}"` })),
    });
  },
});

/**
 * Objects in the Service's file or directory, with a namespace written out and different from
 * the Service's, whose pod template the selector matches.
 */
function podsElsewhere(service: K8sObject, cluster: ClusterIndex): K8sObject[] {
  const selector = podSelectorOf(service);
  if (!selector || selector.kind !== 'requirements') return [];
  return (cluster.derived(namespacedTemplatesByDirectory).get(directoryOf(service)) ?? []).filter((object) => {
    const template = object.podTemplate;
    return template !== undefined && object.namespace !== service.namespace && Object.keys(template.labels).length > 0 && selectorMatches(selector, template.labels, isControllerPodLabel);
  });
}

/** Objects with a pod template and a namespace written out, by directory. */
function namespacedTemplatesByDirectory(cluster: ClusterIndex): ReadonlyMap<string, K8sObject[]> {
  const index = new Map<string, K8sObject[]>();
  for (const object of cluster.objects) {
    if (!object.podTemplate || object.namespace === undefined) continue;
    const key = directoryOf(object);
    const list = index.get(key) ?? [];
    list.push(object);
    index.set(key, list);
  }
  return index;
}

function directoryOf(object: K8sObject): string {
  const path = object.doc.file.path;
  return path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'), 0));
}
