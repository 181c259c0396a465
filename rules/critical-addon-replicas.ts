import { defineRule } from '../src/engine/rule.js';
import { criticalAddonTooFew } from '../src/model/addons.js';

const WHAT = { dns: 'cluster DNS', metrics: 'the resource metrics API' } as const;

export default defineRule<'tooFew'>({
  meta: {
    id: 'critical-addon-replicas',
    scope: 'set',
    category: 'addon',
    severity: 'error',
    summary: 'The DNS add-on (CoreDNS/kube-dns) or metrics-server runs fewer than 2 replicas.',
    rationale:
      'Every pod of the cluster resolves names through the DNS add-on, and HorizontalPodAutoscalers, `kubectl top` and the VPA read the resource metrics API served by metrics-server. With one replica, the eviction of that pod by a node drain, a node failure or a rollout is a cluster-wide outage: name resolution fails everywhere, or every autoscaler freezes. kubeadm deploys CoreDNS with 2 replicas. `replicas` omitted means 1. This is the one finding for such an add-on: replicas-min stays silent on it while this rule runs.',
    fix: 'Run at least 2 replicas (with pod anti-affinity or a topology spread over nodes and a PodDisruptionBudget), or let cluster-proportional-autoscaler or an HPA with `minReplicas` ≥ 2 scale it.',
    appliesTo: ['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet'],
    since: '0.1.0',
    messages: {
      tooFew: '{{object}} serves {{what}} for the whole cluster with {{replicas}} replica(s): losing that pod breaks it everywhere.',
    },
  },
  checkObject(object, context) {
    const found = criticalAddonTooFew(object, context.cluster);
    if (!found) return;
    context.report({ at: object.at('spec', 'replicas'), object, messageId: 'tooFew', data: { object: object.describe(), what: WHAT[found.role], replicas: found.replicas } });
  },
});
