import { defineRule } from '../src/engine/rule.js';
import { priorityClassOf } from '../src/model/addons.js';
import { controlPlanePodComponent } from '../src/model/static-pods.js';

export default defineRule<'missing' | 'other'>({
  meta: {
    id: 'control-plane-pod-priority',
    scope: 'object',
    category: 'control-plane',
    severity: 'warning',
    summary: 'A control-plane static pod without `priorityClassName: system-node-critical`.',
    rationale:
      "The kubelet gives the lowest OOM score adjustment (-997, like Guaranteed pods) only to node-critical pods: static or priority-critical pods whose class is `system-node-critical` (GetContainerOOMScoreAdjust in pkg/kubelet/qos/policy.go, IsNodeCriticalPod in pkg/kubelet/types/pod_update.go). Any other control-plane pod is scored by its memory request, and one without a memory request scores close to 1000, so under memory pressure the kernel kills etcd or the API server before ordinary workloads. kubeadm writes `system-node-critical` into every control-plane manifest it generates (ComponentPod in cmd/kubeadm/app/util/staticpod/utils.go). This is the one finding for a control-plane pod's memory exposure: memory-request-missing and memory-limit-missing stay silent on control-plane static pods while this rule runs.",
    fix: "Set `priorityClassName: system-node-critical` in the static pod manifest (kubeadm does; patch other installers' manifests).",
    appliesTo: ['Pod'],
    since: '0.1.0',
    messages: {
      missing: '{{component}} static pod has no priorityClassName: under memory pressure the kernel OOM killer may pick it before ordinary pods.',
      other: '{{component}} static pod uses priorityClassName {{class}}, not system-node-critical: only node-critical pods get the protected OOM score.',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (object.kind !== 'Pod' || !template) return;
    const component = controlPlanePodComponent(object);
    if (component === undefined) return;
    const priorityClass = priorityClassOf(template);
    if (priorityClass === 'system-node-critical') return;
    if (priorityClass === undefined) {
      context.report({ at: object.at(...template.specPath, 'priorityClassName'), object, messageId: 'missing', data: { component } });
      return;
    }
    context.report({ at: object.at(...template.specPath, 'priorityClassName'), object, messageId: 'other', data: { component, class: priorityClass } });
  },
});
