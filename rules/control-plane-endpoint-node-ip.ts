import { defineRule } from '../src/engine/rule.js';
import { controlPlaneEndpoint, endpointHost, isKubeadm } from '../src/model/kubeadm.js';

export default defineRule<'nodeAddress'>({
  meta: {
    id: 'control-plane-endpoint-node-ip',
    scope: 'set',
    category: 'control-plane',
    severity: 'warning',
    summary: '`controlPlaneEndpoint` is the address or name of one control-plane node.',
    rationale:
      '`controlPlaneEndpoint` is what every kubelet, kube-proxy and kubeconfig uses to reach the API; in a cluster with several control planes it must be "the address of the external load balancer in front of the control plane instances" (ClusterConfiguration docs, kubeadm v1beta4 types.go). Pointing it at one node\'s own address makes that node a single point of failure for the whole cluster, however many control planes run: when it goes down, all nodes lose the API.',
    fix: 'Point `controlPlaneEndpoint` at a load balancer, a VIP (kube-vip, keepalived) or a DNS name that resolves to every API server, not at one node.',
    appliesTo: ['ClusterConfiguration'],
    since: '0.1.0',
    messages: {
      nodeAddress: 'controlPlaneEndpoint "{{endpoint}}" is the {{what}}: not a load balancer or VIP, so that node is a single point of failure for every client of the API.',
    },
  },
  check(context) {
    const picture = context.cluster.controlPlane;
    for (const view of picture.clusters) {
      for (const object of view.objects) {
        if (!isKubeadm(object, 'ClusterConfiguration')) continue;
        const endpoint = controlPlaneEndpoint(object);
        if (endpoint === undefined) continue;
        const host = endpointHost(endpoint);
        const match = view.nodeAddresses.find((address) => address.host === host);
        if (!match) continue;
        context.report({
          at: object.at('controlPlaneEndpoint'),
          object,
          messageId: 'nodeAddress',
          data: { endpoint, what: match.what },
          related: [{ at: match.at, message: match.what }],
        });
      }
    }
  },
});
