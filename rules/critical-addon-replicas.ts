import { defineRule } from '../src/engine/rule.js';
import { addonRole, proportionalAutoscalerTargets } from '../src/model/addons.js';
import { lowestMinReplicas } from '../src/model/cluster.js';

const WHAT = { dns: 'cluster DNS', metrics: 'the resource metrics API' } as const;

export default defineRule<'tooFew'>({
  meta: {
    id: 'critical-addon-replicas',
    category: 'addon',
    severity: 'error',
    summary: 'The DNS add-on (CoreDNS/kube-dns) or metrics-server runs fewer than 2 replicas.',
    rationale:
      'Every pod of the cluster resolves names through the DNS add-on, and HorizontalPodAutoscalers, `kubectl top` and the VPA read the resource metrics API served by metrics-server. With one replica, the eviction of that pod by a node drain, a node failure or a rollout is a cluster-wide outage: name resolution fails everywhere, or every autoscaler freezes. kubeadm deploys CoreDNS with 2 replicas. `replicas` omitted means 1.',
    fix: 'Run at least 2 replicas (with pod anti-affinity or a topology spread over nodes and a PodDisruptionBudget), or let cluster-proportional-autoscaler or an HPA with `minReplicas` ≥ 2 scale it.',
    appliesTo: ['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet'],
    since: '0.1.0',
    messages: {
      tooFew: '{{object}} serves {{what}} for the whole cluster with {{replicas}} replica(s): losing that pod breaks it everywhere.',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template || !['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet'].includes(object.kind)) return;
    const role = addonRole(object, template);
    if (role !== 'dns' && role !== 'metrics') return;
    if (object.name !== undefined && proportionalAutoscalerTargets(context.objects).has(`${object.namespaceOrDefault}/${object.name}`)) return;
    const hpas = context.cluster.hpasFor(object);
    const raw = object.get('spec', 'replicas');
    // An HPA sets the scale down to its minReplicas; without one, omitted replicas mean 1.
    const replicas = hpas.length > 0 ? lowestMinReplicas(hpas) : raw === undefined || raw === null ? 1 : raw;
    if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas === 0 || replicas >= 2) return;
    context.report({ at: object.at('spec', 'replicas'), object, messageId: 'tooFew', data: { object: object.describe(), what: WHAT[role], replicas } });
  },
});
