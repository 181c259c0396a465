import { defineRule } from '../src/engine/rule.js';
import { asString } from '../src/model/access.js';

export default defineRule<'clientIP'>({
  meta: {
    id: 'kubernetes-service-affinity',
    scope: 'object',
    category: 'control-plane',
    severity: 'warning',
    summary: 'The `default/kubernetes` Service with `sessionAffinity: ClientIP`.',
    rationale:
      'Every in-cluster client reaches the API through the `default/kubernetes` Service. With ClientIP affinity, kube-proxy pins each client to one API server for the affinity timeout (3 hours by default); when that API server dies or is drained for an upgrade, its clients keep being sent to it until the endpoint is removed, and load never spreads back after a restart.',
    fix: 'Set `sessionAffinity: None` on the `kubernetes` Service, or leave the field out.',
    appliesTo: ['Service'],
    since: '0.1.0',
    messages: {
      clientIP: 'Service default/kubernetes uses sessionAffinity ClientIP: clients stick to one API server, including a dead or draining one.',
    },
  },
  checkObject(object, context) {
    if (object.kind !== 'Service' || object.apiVersion !== 'v1' || object.name !== 'kubernetes' || object.namespaceOrDefault !== 'default') return;
    if (asString(object.get('spec', 'sessionAffinity')) !== 'ClientIP') return;
    context.report({ at: object.at('spec', 'sessionAffinity'), object, messageId: 'clientIP' });
  },
});
