import { defineRule } from '../src/engine/rule.js';
import { controlPlaneEndpoint, isKubeadm } from '../src/model/kubeadm.js';

export default defineRule<'missing'>({
  meta: {
    id: 'control-plane-endpoint-missing',
    scope: 'object',
    category: 'control-plane',
    severity: 'warning',
    summary: 'A kubeadm ClusterConfiguration without `controlPlaneEndpoint`.',
    rationale:
      "Without `controlPlaneEndpoint`, kubeadm writes the first control-plane node's advertise address into every kubeconfig, the kubelets' bootstrap config and kube-proxy's config (ClusterConfiguration docs in cmd/kubeadm/app/apis/kubeadm/v1beta4/types.go). All nodes then depend on that one machine, and `kubeadm join --control-plane` refuses to add another control plane (\"unable to add a new control plane instance to a cluster that doesn't have a stable controlPlaneEndpoint address\", checkIfReadyForAdditionalControlPlane). The cluster can never become highly available, and replacing that node means reconfiguring every node.",
    fix: 'Set `controlPlaneEndpoint` to a stable DNS name or VIP in front of the API servers (a load balancer, kube-vip, keepalived), even with one control plane today.',
    appliesTo: ['ClusterConfiguration'],
    since: '0.1.0',
    messages: {
      missing: "ClusterConfiguration has no controlPlaneEndpoint: nodes pin the first control plane's address and no second control plane can join.",
    },
  },
  checkObject(object, context) {
    if (!isKubeadm(object, 'ClusterConfiguration') || controlPlaneEndpoint(object) !== undefined) return;
    context.report({ at: object.at('controlPlaneEndpoint'), object, messageId: 'missing' });
  },
});
