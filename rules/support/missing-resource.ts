import { defineRule, type Rule, type RuleMeta } from '../../src/engine/rule.js';
import { hasEffectiveRequest, podLevelCovers, resourcesPath, resourceValue, type ResourceList } from '../../src/model/resources.js';
import { containersOf } from '../../src/model/workload.js';

type MetaText = Pick<RuleMeta<'missing'>, 'id' | 'summary' | 'rationale' | 'fix' | 'messages'>;

/**
 * The per-container "no request / no limit for a resource" rules share one check; each keeps
 * its own ID, wording and rationale. A request counts when a limit would default it, and
 * pod-level resources cover every container.
 */
export function missingResourceRule(resource: 'cpu' | 'memory', list: ResourceList, text: MetaText): Rule<'missing'> {
  const present = list === 'requests' ? hasEffectiveRequest : (owner: unknown, name: string) => resourceValue(owner, 'limits', name) !== undefined;
  return defineRule<'missing'>({
    meta: {
      ...text,
      category: 'workload',
      severity: 'warning',
      appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'],
      since: '0.1.0',
    },
    checkObject(object, context) {
      const template = object.podTemplate;
      if (!template || podLevelCovers(template, list, resource)) return;
      for (const container of containersOf(template)) {
        if (present(container.value, resource)) continue;
        context.report({
          at: object.at(...resourcesPath(container, list)),
          object,
          messageId: 'missing',
          data: { container: container.name, object: object.describe() },
        });
      }
    },
  });
}
