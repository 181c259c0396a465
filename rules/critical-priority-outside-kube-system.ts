import { compareKubeVersions } from '../src/engine/settings.js';
import { defineRule } from '../src/engine/rule.js';
import { asArray, asString, dig, isMap } from '../src/model/access.js';
import { CRITICAL_PRIORITY_CLASSES, priorityClassOf, priorityScopeMatches, quotaAdmitsPriorityClass } from '../src/model/addons.js';
import type { K8sObject } from '../src/model/object.js';

interface Options {
  clusterLimitsCriticalPriority: boolean;
}

export default defineRule<'noQuota' | 'forbidden', Options>({
  meta: {
    id: 'critical-priority-outside-kube-system',
    scope: 'set',
    category: 'addon',
    severity: 'warning',
    summary: '`system-cluster-critical`/`system-node-critical` used outside kube-system where the cluster rejects it: before Kubernetes 1.17, or where the cluster limits those classes and no ResourceQuota admits them.',
    rationale:
      'Before 1.17 the Priority admission plugin rejected critical priority classes outside kube-system, so such pods never start. Since 1.17 they are allowed in every namespace (kubernetes#76310): on a cluster that does not restrict them, a DaemonSet or an add-on outside kube-system with `system-node-critical` is correct and common, and the rule says nothing. A cluster may restrict them through the ResourceQuota admission plugin (`limitedResources` for pods with a `PriorityClass` scope, "Limit Priority Class consumption by default" in the ResourceQuota docs; GKE does so by default): pods of a limited class are then admitted only in namespaces with a ResourceQuota whose `scopeSelector` matches it, and are otherwise rejected ("insufficient quota to match these scopes"). ballast cannot see the API server\'s admission configuration unless it is linted, so that case is reported only when the linted files hold it (an AdmissionConfiguration with a ResourceQuota plugin configuration, or a ResourceQuotaConfiguration, whose `limitedResources` cover the class) or when the option `clusterLimitsCriticalPriority` says the cluster limits them. Namespaces left out of the manifest are decided at apply time and not judged.',
    fix: 'Add a ResourceQuota in the namespace with `scopeSelector.matchExpressions: [{scopeName: PriorityClass, operator: In, values: [<class>]}]`, or run the workload in kube-system.',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob'],
    since: '0.1.0',
    messages: {
      noQuota: '{{object}} uses {{class}} in namespace "{{namespace}}", which {{limiter}} limits to namespaces with a matching ResourceQuota, and no ResourceQuota there admits it: its pods are rejected.',
      forbidden: '{{object}} uses {{class}} in namespace "{{namespace}}": Kubernetes {{version}} admits critical priority classes only in kube-system.',
    },
    options: {
      schema: { clusterLimitsCriticalPriority: { type: 'boolean' } },
      defaults: { clusterLimitsCriticalPriority: false },
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
    const limiting = limitingConfiguration([...context.cluster.ofKind('AdmissionConfiguration'), ...context.cluster.ofKind('ResourceQuotaConfiguration')], priorityClass);
    if (!limiting && !context.options.clusterLimitsCriticalPriority) return;
    const admitted = context.cluster.ofKind('ResourceQuota').some((quota) => quota.namespaceOrDefault === namespace && quotaAdmitsPriorityClass(quota, priorityClass));
    if (admitted) return;
    const limiter = limiting ? `the linted ${limiting.describe()}` : 'the cluster (option clusterLimitsCriticalPriority)';
    const related = limiting ? { related: [{ at: limiting.at(), message: `${limiting.describe()} limits ${priorityClass}` }] } : {};
    context.report({ at, object, messageId: 'noQuota', data: { ...data, limiter }, ...related });
  },
});

/**
 * The linted admission configuration that limits pods of this priority class: a
 * ResourceQuotaConfiguration (apiserver.config.k8s.io), alone or as the ResourceQuota plugin's
 * `configuration` inside an AdmissionConfiguration, with a `limitedResources` entry for pods whose `matchScopes`
 * select the class (plugin/pkg/admission/resourcequota/apis/resourcequota).
 */
function limitingConfiguration(objects: readonly K8sObject[], priorityClass: string): K8sObject | undefined {
  return objects.find((object) => {
    const configurations =
      object.kind === 'AdmissionConfiguration' ? asArray(object.get('plugins')).flatMap((plugin) => (isMap(plugin) && asString(plugin['name']) === 'ResourceQuota' ? [plugin['configuration']] : [])) : [object.value];
    return configurations.some((configuration) =>
      asArray(dig(configuration, 'limitedResources')).some((limited) => isMap(limited) && asString(limited['resource']) === 'pods' && priorityScopeMatches(limited['matchScopes'], priorityClass)),
    );
  });
}
