import { defineRule } from '../src/engine/rule.js';

export default defineRule<'flag' | 'config'>({
  meta: {
    id: 'leader-elect-disabled',
    scope: 'set',
    category: 'control-plane',
    severity: 'error',
    summary: 'kube-controller-manager or kube-scheduler runs with leader election disabled.',
    rationale:
      'Every control-plane node runs its own kube-controller-manager and kube-scheduler; leader election (`--leader-elect`, default true, or `leaderElection.leaderElect` in a KubeSchedulerConfiguration) makes exactly one of them active. Disabled, all instances act at once: controllers create and delete the same pods in a loop, two schedulers bind pods concurrently and overcommit nodes. The flag overrides the configuration file (ApplyLeaderElectionTo in cmd/kube-scheduler/app/options/options.go). Not reported when the linted files establish a single control-plane node.',
    fix: 'Remove `--leader-elect=false` (and `leader-elect: "false"` from kubeadm extraArgs), or set `leaderElection.leaderElect: true`.',
    appliesTo: ['Pod', 'ClusterConfiguration', 'KubeSchedulerConfiguration'],
    since: '0.1.0',
    messages: {
      flag: '{{component}} runs with leader election disabled ({{where}}): with more than one control plane, several instances act at once and fight.',
      config: 'KubeSchedulerConfiguration disables leader election: with more than one control plane, several schedulers bind pods at once.',
    },
  },
  check(context) {
    for (const view of context.cluster.controlPlane.clusters) {
      const nodes = view.controlPlaneNodes;
      if (nodes?.exact && nodes.value === 1) continue;
      for (const entry of view.leaderElection) {
        if (entry.enabled) continue;
        if (entry.origin === 'config') {
          context.report({ at: entry.at, object: entry.object, messageId: 'config' });
          continue;
        }
        const where = entry.object.kind === 'Pod' ? `static pod "${entry.object.name ?? ''}"` : 'kubeadm extraArgs';
        context.report({ at: entry.at, object: entry.object, messageId: 'flag', data: { component: entry.component, where } });
      }
    }
  },
});
