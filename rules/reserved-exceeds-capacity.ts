import { defineRule } from '../src/engine/rule.js';
import { nodeAllocatables, quantityKind, reservedTotal, type ResourceName } from '../src/model/allocatable.js';
import { ZERO, formatQuantity, isPositive } from '../src/model/quantity.js';
import { reservationLocation } from './support/kubelet.js';

const RESOURCES: readonly ResourceName[] = ['cpu', 'memory', 'ephemeral-storage'];

export default defineRule<'exceeds'>({
  meta: {
    id: 'reserved-exceeds-capacity',
    scope: 'set',
    category: 'node',
    severity: 'error',
    summary: "kube-reserved + system-reserved + the hard eviction threshold reach a declared node group's capacity: allocatable is zero.",
    rationale:
      'Node allocatable is capacity minus kube-reserved, system-reserved and the hard eviction threshold (memory.available for memory, nodefs.available for ephemeral storage; pkg/kubelet/cm/helpers.go hardEvictionReservation), and the kubelet floors a negative result at zero (pkg/kubelet/cm/node_container_manager_linux.go). Reservations sized for a big node and rolled out to a small one leave nothing to schedule: every pod that requests the resource stays Pending. The capacity comes from `cluster.nodes` in the ballast config; the kubelet settings from the linted files.',
    fix: 'Size kube-reserved, system-reserved and evictionHard for the smallest node they are deployed to, or give small node groups their own kubelet configuration.',
    appliesTo: ['KubeletConfiguration', 'KubeletFlags', 'InitConfiguration', 'JoinConfiguration'],
    since: '0.1.0',
    messages: {
      exceeds:
        'On node group "{{group}}" ({{capacity}} {{resource}}), kube-reserved {{kube}} + system-reserved {{system}} + hard eviction {{eviction}} = {{total}}: no allocatable {{resource}} is left, so no pod requesting it can be scheduled.',
    },
  },
  check(context) {
    for (const node of nodeAllocatables(context.settings, context.cluster.kubeletNodes)) {
      if (!node.kubelet) continue;
      for (const resource of RESOURCES) {
        const capacity = node.capacity[resource];
        const left = node.unfloored[resource];
        if (!capacity || !left || isPositive(left)) continue;
        const kind = quantityKind(resource);
        const format = (value: typeof capacity | undefined): string => formatQuantity(value ?? ZERO, kind);
        context.report({
          ...reservationLocation(node.kubelet, resource),
          messageId: 'exceeds',
          data: {
            group: node.name,
            resource,
            capacity: format(capacity),
            kube: format(node.kubeReserved[resource]),
            system: format(node.systemReserved[resource]),
            eviction: format(node.evictionHard[resource]),
            total: format(reservedTotal(node, resource)),
          },
        });
      }
    }
  },
});
