import { defineRule } from '../src/engine/rule.js';
import { lastFlag } from '../src/model/flags.js';
import { endpointHost, isLoopbackHost } from '../src/model/kubeadm.js';

export default defineRule<'single'>({
  meta: {
    id: 'apiserver-etcd-single-endpoint',
    scope: 'set',
    category: 'control-plane',
    severity: 'warning',
    summary: 'kube-apiserver `--etcd-servers` names one remote member of a multi-member etcd.',
    rationale:
      "The API server's etcd client only fails over between the endpoints it is given. With a single remote endpoint, the loss of that one member takes this API server down even though the etcd cluster still has quorum, which turns a tolerated etcd failure into an API outage. Stacked control planes that point each API server at its local member (`127.0.0.1`, kubeadm's layout) are fine: the API server and its member fail together anyway.",
    fix: 'List every etcd member in `--etcd-servers` (comma-separated client URLs), or use the local member of a stacked control plane.',
    appliesTo: ['Pod', 'ClusterConfiguration'],
    since: '0.1.0',
    messages: {
      single: 'kube-apiserver{{where}} talks to etcd only through {{endpoint}}, while etcd has {{members}} members: losing that one member takes this API server down.',
    },
  },
  check(context) {
    for (const view of context.cluster.controlPlane.clusters) {
      const etcd = view.etcd;
      if (!etcd || etcd.value < 2) continue;
      for (const entry of view.components) {
        if (entry.component !== 'kube-apiserver') continue;
        const flag = lastFlag(entry.flags, 'etcd-servers');
        const endpoints = (flag?.value ?? '')
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item !== '');
        if (!flag || endpoints.length !== 1) continue;
        const endpoint = endpoints[0] ?? '';
        if (isLoopbackHost(endpointHost(endpoint))) continue;
        context.report({
          at: entry.object.at(...flag.path),
          object: entry.object,
          messageId: 'single',
          data: { where: entry.origin === 'kubeadm' ? ' (ClusterConfiguration apiServer.extraArgs)' : ` pod "${entry.object.name ?? ''}"`, endpoint, members: etcd.value },
          related: etcd.anchor ? [{ at: etcd.anchor, message: `etcd members: ${etcd.origin}` }] : [],
        });
      }
    }
  },
});
