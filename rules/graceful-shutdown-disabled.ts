import { defineRule } from '../src/engine/rule.js';
import { asArray } from '../src/model/access.js';
import { configField, durationSetting } from '../src/model/kubelet.js';
import { nodeWhere } from './support/kubelet.js';

export default defineRule<'unset' | 'zero'>({
  meta: {
    id: 'graceful-shutdown-disabled',
    scope: 'set',
    category: 'node',
    severity: 'info',
    summary: '`shutdownGracePeriod` unset or 0 (and no `shutdownGracePeriodByPodPriority`): pods are not stopped gracefully when the node shuts down.',
    rationale:
      'Graceful node shutdown lets the kubelet hold a systemd inhibitor lock when the machine is shut down or rebooted, and terminate pods in order — regular pods first, then critical ones — so preStop hooks run, endpoints are removed and connections drain. shutdownGracePeriod defaults to "0s", which disables it (KubeletConfiguration `shutdownGracePeriod`, staging/src/k8s.io/kubelet/config/v1beta1/types.go; kubernetes.io/docs/concepts/cluster-administration/node-shutdown): a reboot for a kernel update then kills every pod at once, mid-request. There is no command-line flag for it.',
    fix: 'Set `shutdownGracePeriod` (for example `60s`) and `shutdownGracePeriodCriticalPods` (for example `20s`), or `shutdownGracePeriodByPodPriority`.',
    appliesTo: ['KubeletConfiguration', 'KubeletFlags'],
    since: '0.1.0',
    messages: {
      unset: '{{where}} sets no `shutdownGracePeriod` (default 0s): pods are killed without a graceful termination when the node shuts down or reboots.',
      zero: '`shutdownGracePeriod: {{value}}` disables graceful node shutdown: pods are killed without a graceful termination when the node shuts down or reboots.',
    },
  },
  check(context) {
    for (const node of context.cluster.kubeletNodes) {
      if (!node.complete) continue;
      if (asArray(configField(node, 'shutdownGracePeriodByPodPriority')?.value).length > 0) continue;
      const setting = durationSetting(node, 'shutdownGracePeriod');
      if (!setting) {
        context.report({ at: node.anchor.at(), object: node.anchor, messageId: 'unset', data: { where: nodeWhere(node) } });
        continue;
      }
      // A value that does not parse is invalid-field-type's or the kubelet's to reject, not disabled.
      if (setting.value === 0) context.report({ at: setting.at, object: setting.object, messageId: 'zero', data: { value: String(setting.raw) } });
    }
  },
});
