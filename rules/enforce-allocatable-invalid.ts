import { defineRule } from '../src/engine/rule.js';
import { listSetting, stringSetting, type KubeletNode } from '../src/model/kubelet.js';
import { itemLocation } from './support/kubelet.js';

type MessageId = 'noPods' | 'unknownValue' | 'noneCombined' | 'missingCgroup' | 'bothForms';

// pkg/kubelet/apis/config/validation/validation.go and the enforceNodeAllocatable field doc
// (staging/src/k8s.io/kubelet/config/v1beta1/types.go), which adds the -compressible forms.
const CGROUP_OF: Readonly<Record<string, readonly [string, string]>> = {
  'kube-reserved': ['kubeReservedCgroup', 'kube-reserved-cgroup'],
  'kube-reserved-compressible': ['kubeReservedCgroup', 'kube-reserved-cgroup'],
  'system-reserved': ['systemReservedCgroup', 'system-reserved-cgroup'],
  'system-reserved-compressible': ['systemReservedCgroup', 'system-reserved-cgroup'],
};
const KNOWN = new Set(['pods', 'none', ...Object.keys(CGROUP_OF)]);

export default defineRule<MessageId>({
  meta: {
    id: 'enforce-allocatable-invalid',
    scope: 'set',
    category: 'node',
    severity: 'error',
    summary: '`enforceNodeAllocatable` without `pods` (warning), or enforcing kube-/system-reserved without the cgroup it needs (the kubelet fails to start).',
    rationale:
      'enforceNodeAllocatable decides which cgroups the kubelet caps. Without `pods`, the pods cgroup is not limited to allocatable, so pods together can consume the kube- and system-reserved memory and starve the kubelet (kubernetes.io/docs/tasks/administer-cluster/reserve-compute-resources, "Enforcing Node Allocatable"). Enforcing `kube-reserved` or `system-reserved` requires `kubeReservedCgroup` / `systemReservedCgroup`, `none` cannot be combined with other values, a -compressible form excludes its plain form, and unknown values are rejected: each of these is a validation error and the kubelet does not start (pkg/kubelet/apis/config/validation/validation.go).',
    fix: 'Keep `pods` in `enforceNodeAllocatable`; enforce `kube-reserved`/`system-reserved` only together with `kubeReservedCgroup`/`systemReservedCgroup` pointing at existing cgroups.',
    appliesTo: ['KubeletConfiguration', 'KubeletFlags', 'InitConfiguration', 'JoinConfiguration'],
    since: '0.1.0',
    messages: {
      noPods: '`{{name}}` does not include `pods`: the pods cgroup is not capped at allocatable, so pods can use the memory reserved for the kubelet and the OS.',
      unknownValue: '`{{name}}` contains unknown value "{{value}}" (valid: pods, none, kube-reserved, system-reserved and their -compressible forms): the kubelet refuses to start.',
      noneCombined: '`{{name}}` combines `none` with other values: the kubelet refuses to start.',
      missingCgroup: '`{{name}}` enforces `{{value}}` but `{{cgroup}}` is not set: the kubelet refuses to start.',
      bothForms: '`{{name}}` enforces both `{{value}}` and `{{value}}-compressible`: the kubelet refuses to start.',
    },
  },
  check(context) {
    for (const node of context.cluster.kubeletNodes) {
      const setting = listSetting(node, 'enforceNodeAllocatable');
      if (!setting) continue;
      const name = setting.source === 'flag' ? '--enforce-node-allocatable' : 'enforceNodeAllocatable';
      const values = setting.value;
      values.forEach((value, index) => {
        const at = itemLocation(setting, 'enforceNodeAllocatable', index);
        const object = setting.object;
        if (!KNOWN.has(value)) context.report({ at, object, messageId: 'unknownValue', data: { name, value } });
        else if (value === 'none' && values.length > 1) context.report({ at, object, messageId: 'noneCombined', data: { name } });
        else if (values.includes(`${value}-compressible`)) context.report({ at, object, messageId: 'bothForms', data: { name, value } });
        const cgroup = Object.hasOwn(CGROUP_OF, value) ? CGROUP_OF[value] : undefined;
        if (cgroup && !hasCgroup(node, cgroup[0])) {
          context.report({ at, object, messageId: 'missingCgroup', data: { name, value, cgroup: setting.source === 'flag' ? `--${cgroup[1]}` : cgroup[0] } });
        }
      });
      if (!values.includes('pods')) context.report({ at: setting.at, object: setting.object, messageId: 'noPods', data: { name }, severity: 'warning' });
    }
  },
});

function hasCgroup(node: KubeletNode, field: string): boolean {
  const value = stringSetting(node, field)?.value;
  return value !== undefined && value.trim() !== '';
}
