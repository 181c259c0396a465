import type { NodeReport } from '../engine/node-report.js';
import { EVICTION_SIGNAL_OF, RESOURCE_NAMES, quantityKind, type NodeAllocatable } from '../model/allocatable.js';
import { formatQuantity, isNegative, isPositive, type Quantity } from '../model/quantity.js';

/**
 * The allocatable arithmetic of `ballast --explain-node`: per node group, capacity minus each
 * reservation and the hard eviction threshold, as the kubelet computes node allocatable.
 */
export function formatNodeReport(report: NodeReport): string {
  const lines: string[] = [];
  if (report.kubelets.length === 0) lines.push('No kubelet configuration or flags found in these files: the kubelet defaults apply.', '');
  for (const kubelet of report.kubelets) {
    lines.push(`Kubelet settings from ${kubelet.label}:`);
    lines.push(`  kube-reserved:   ${kubelet.kubeReserved ?? 'not set'}`);
    lines.push(`  system-reserved: ${kubelet.systemReserved ?? 'not set'}`);
    lines.push(`  eviction-hard:   ${kubelet.evictionHard}${kubelet.evictionSource === 'default' ? ` (kubelet defaults, Kubernetes ${report.kubernetesVersion})` : ''}`);
    lines.push('');
  }
  if (report.groups.length === 0) {
    lines.push('No node capacity declared: add `cluster.nodes` (name and capacity) to .ballast.yaml to see allocatable per node group.');
    return `${lines.join('\n')}\n`;
  }
  for (const group of report.groups) lines.push(...groupLines(group), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

function groupLines(group: NodeAllocatable): string[] {
  const count = group.count !== undefined ? ` ×${group.count}` : '';
  const source = group.kubelet ? `kubelet settings from ${group.kubelet.label}` : 'reservations from cluster.nodes (kubelet defaults where unset)';
  const lines = [`Node group "${group.name}"${count}, ${source}:`];
  for (const resource of RESOURCE_NAMES) {
    const capacity = group.capacity[resource];
    if (!capacity) continue;
    const kind = quantityKind(resource);
    const terms = [formatQuantity(capacity, kind)];
    const minus = (label: string, value: Quantity | undefined): void => {
      if (value && isPositive(value)) terms.push(`− ${label} ${formatQuantity(value, kind)}`);
    };
    minus('kube-reserved', group.kubeReserved[resource]);
    minus('system-reserved', group.systemReserved[resource]);
    const threshold = group.evictionHard[resource];
    const text = group.evictionHardText[resource] ?? '';
    // A percentage threshold shows what it comes to on this node; a quantity is that already.
    if (threshold && isPositive(threshold)) {
      const amount = text.endsWith('%') ? ` (${formatQuantity(threshold, kind)})` : '';
      terms.push(`− eviction ${EVICTION_SIGNAL_OF[resource] ?? ''}<${text}${amount}`);
    }
    const left = group.unfloored[resource];
    const result = left && isNegative(left) ? `${formatQuantity(left, kind)} → 0 (nothing left for pods)` : formatQuantity(group.allocatable[resource] ?? capacity, kind);
    lines.push(`  ${resource.padEnd(17)} ${terms.join(' ')} = ${result}`);
  }
  return lines;
}
