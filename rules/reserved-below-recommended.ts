import { defineRule } from '../src/engine/rule.js';
import { nodeAllocatables, quantityKind, recommendedReservation } from '../src/model/allocatable.js';
import { mapSetting } from '../src/model/kubelet.js';
import { ZERO, addQuantity, compareQuantity, formatQuantity } from '../src/model/quantity.js';
import { reservationLocation } from './support/kubelet.js';

export default defineRule<'below'>({
  meta: {
    id: 'reserved-below-recommended',
    scope: 'set',
    category: 'node',
    severity: 'info',
    summary: 'kube-reserved + system-reserved below the tiered reservation managed platforms use for the declared node size.',
    rationale:
      'What the kubelet, container runtime and OS daemons need grows with the node: more pods mean more cgroups, probes, log streams and image layers to manage. The managed platforms reserve memory as 25% of the first 4 GiB, 20% of the next 4, 10% of the next 8, 6% of the next 112 and 2% above 128 GiB, and CPU as 6% of the first core, 1% of the next, 0.5% of the next 2 and 0.25% above 4 (GKE "Plan GKE Standard node sizes", node allocatable). Reserving much less leaves the node daemons to compete with pods when the node is busy — the moment they matter most. Only nodes whose reservations are set are compared (kube-reserved-missing and system-reserved-missing report the rest), against the capacity declared in `cluster.nodes`.',
    fix: 'Raise kubeReserved/systemReserved towards the recommended total for the node size shown in the message.',
    appliesTo: ['KubeletConfiguration', 'KubeletFlags', 'InitConfiguration', 'JoinConfiguration'],
    since: '0.1.0',
    messages: {
      below: 'On node group "{{group}}" ({{capacity}} {{resource}}), kube-reserved + system-reserved {{resource}} is {{reserved}}, below the {{recommended}} the managed platforms reserve for that size.',
    },
  },
  check(context) {
    for (const node of nodeAllocatables(context.settings, context.cluster.kubeletNodes)) {
      const kubelet = node.kubelet;
      if (!kubelet || (!mapSetting(kubelet, 'kubeReserved') && !mapSetting(kubelet, 'systemReserved'))) continue;
      for (const resource of ['cpu', 'memory'] as const) {
        const capacity = node.capacity[resource];
        if (!capacity) continue;
        const reserved = addQuantity(node.kubeReserved[resource] ?? ZERO, node.systemReserved[resource] ?? ZERO);
        const recommended = recommendedReservation(resource, capacity);
        if (compareQuantity(reserved, recommended) >= 0) continue;
        const kind = quantityKind(resource);
        context.report({
          ...reservationLocation(kubelet, resource),
          messageId: 'below',
          data: { group: node.name, resource, capacity: formatQuantity(capacity, kind), reserved: formatQuantity(reserved, kind), recommended: formatQuantity(recommended, kind) },
        });
      }
    }
  },
});
