import { defineRule } from '../src/engine/rule.js';
import { boolSetting, listSetting } from '../src/model/kubelet.js';

export default defineRule<'disabled' | 'refusesToStart'>({
  meta: {
    id: 'cgroups-per-qos-disabled',
    scope: 'set',
    category: 'node',
    severity: 'error',
    summary: '`cgroupsPerQOS: false` / `--cgroups-per-qos=false`: no QoS cgroup hierarchy, node allocatable not enforced.',
    rationale:
      'With cgroupsPerQOS off the kubelet creates no Burstable/BestEffort cgroups and no pod-level cgroup tree under the allocatable cgroup, so QoS classes stop protecting Guaranteed pods and pods can use the CPU and memory reserved for the kubelet and the OS (KubeletConfiguration `cgroupsPerQOS`, default true). The kubelet also refuses to start when enforceNodeAllocatable is not empty — and it defaults to ["pods"] — with "enforceNodeAllocatable (--enforce-node-allocatable) is not supported unless cgroupsPerQOS (--cgroups-per-qos) is set to true" (pkg/kubelet/apis/config/validation/validation.go).',
    fix: 'Remove `cgroupsPerQOS: false` (or `--cgroups-per-qos=false`); the default is true.',
    appliesTo: ['KubeletConfiguration', 'KubeletFlags', 'InitConfiguration', 'JoinConfiguration'],
    since: '0.1.0',
    messages: {
      disabled: '`{{name}}` disables the QoS cgroup hierarchy: QoS classes and node allocatable are not enforced.',
      refusesToStart: '`{{name}}` disables the QoS cgroup hierarchy while enforceNodeAllocatable is {{enforce}}: the kubelet refuses to start.',
    },
  },
  check(context) {
    for (const node of context.cluster.kubeletNodes) {
      const setting = boolSetting(node, 'cgroupsPerQOS');
      if (!setting || setting.value) continue;
      const enforce = listSetting(node, 'enforceNodeAllocatable');
      const values = enforce ? enforce.value : ['pods'];
      const name = setting.source === 'flag' ? '--cgroups-per-qos=false' : 'cgroupsPerQOS: false';
      if (values.length === 0) context.report({ at: setting.at, object: setting.object, messageId: 'disabled', data: { name } });
      else context.report({ at: setting.at, object: setting.object, messageId: 'refusesToStart', data: { name, enforce: `[${values.join(', ')}]${enforce ? '' : ' (the default)'}` } });
    }
  },
});
