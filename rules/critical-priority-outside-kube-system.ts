import { compareKubeVersions } from '../src/engine/settings.js';
import { defineRule } from '../src/engine/rule.js';
import { CRITICAL_PRIORITY_CLASSES, priorityClassOf, quotaAdmitsPriorityClass } from '../src/model/addons.js';

export default defineRule<'noQuota' | 'forbidden'>({
  meta: {
    id: 'critical-priority-outside-kube-system',
    category: 'addon',
    severity: 'warning',
    summary: '`system-cluster-critical`/`system-node-critical` used outside kube-system without a ResourceQuota that admits it.',
    rationale:
      'Before 1.17 the Priority admission plugin rejected critical priority classes outside kube-system. Since 1.17 they are allowed anywhere, and clusters are expected to restrict them through the ResourceQuota admission configuration (`limitedResources` with a `PriorityClass` scope): pods of such a class are then admitted only in namespaces with a ResourceQuota whose `scopeSelector` matches it (kubernetes#76310; "Limit Priority Class consumption by default" in the ResourceQuota docs). kube-up and GKE configure exactly that, so on them the pods are rejected ("insufficient quota to match these scopes") and the workload never starts. Namespaces left out of the manifest are decided at apply time and not judged.',
    fix: 'Run the workload in kube-system, or add a ResourceQuota in its namespace with `scopeSelector.matchExpressions: [{scopeName: PriorityClass, operator: In, values: [<class>]}]`.',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob'],
    since: '0.1.0',
    messages: {
      noQuota: '{{object}} uses {{class}} in namespace "{{namespace}}", and no ResourceQuota in the linted files admits that class there: clusters that limit critical priorities reject its pods.',
      forbidden: '{{object}} uses {{class}} in namespace "{{namespace}}": Kubernetes {{version}} admits critical priority classes only in kube-system.',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    const namespace = object.namespace;
    if (!template || namespace === undefined || namespace === 'kube-system') return;
    const priorityClass = priorityClassOf(template);
    if (priorityClass === undefined || !CRITICAL_PRIORITY_CLASSES.has(priorityClass)) return;
    const at = object.at(...template.specPath, 'priorityClassName');
    const data = { object: object.describe(), class: priorityClass, namespace, version: context.settings.kubernetesVersion };
    if (compareKubeVersions(context.settings.kubernetesVersion, '1.17') < 0) {
      context.report({ at, object, messageId: 'forbidden', severity: 'error', data });
      return;
    }
    const admitted = context.cluster.ofKind('ResourceQuota').some((quota) => quota.namespaceOrDefault === namespace && quotaAdmitsPriorityClass(quota, priorityClass));
    if (!admitted) context.report({ at, object, messageId: 'noQuota', data });
  },
});
