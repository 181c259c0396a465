import { defineRule, type RelatedReport } from '../src/engine/rule.js';
import { compareKubeVersions } from '../src/engine/settings.js';
import { asInteger } from '../src/model/access.js';
import { parseGoDuration } from '../src/model/duration.js';
import { lastFlag } from '../src/model/flags.js';
import { durationSetting, rawSetting, type KubeletNode } from '../src/model/kubelet.js';
import type { K8sObject, Location } from '../src/model/object.js';

const SECOND = 1e9;
/** KubeletConfiguration defaults (staging/src/k8s.io/kubelet/config/v1beta1/types.go): 10s and 40s. */
const DEFAULT_STATUS_UPDATE = 10 * SECOND;
const DEFAULT_LEASE_SECONDS = 40;
/** nodeLeaseRenewIntervalFraction in pkg/kubelet/kubelet.go: the lease is renewed every quarter of its duration. */
const RENEW_FRACTION = 0.25;

interface Heartbeat {
  node: KubeletNode;
  /** Nanoseconds between two heartbeats the node lifecycle controller can observe. */
  interval: number;
  /** The kubelet setting that made the interval what it is, when written. */
  at: Location | undefined;
  object: K8sObject | undefined;
  what: string;
}

export default defineRule<'tooShort'>({
  meta: {
    id: 'node-status-grace-too-short',
    scope: 'set',
    category: 'control-plane',
    severity: 'error',
    summary: "kube-controller-manager `--node-monitor-grace-period` leaves room for fewer than 4 of the kubelet's heartbeats (node lease renewals or status updates) in the same set.",
    rationale:
      'The node lifecycle controller marks a node Unknown (NotReady) when neither its Lease nor its status was renewed within `--node-monitor-grace-period` (pkg/controller/nodelifecycle/node_lifecycle_controller.go tryUpdateNodeHealth), then taints it and evicts its pods. The kubelet renews its Lease every quarter of `nodeLeaseDurationSeconds` (nodeLeaseRenewIntervalFraction 0.25 in pkg/kubelet/kubelet.go; default 40 s, so every 10 s) and checks its status every `nodeStatusUpdateFrequency` (default 10 s). The controller-manager documentation requires the grace period to be "N times more than kubelet\'s nodeStatusUpdateFrequency, where N means number of retries allowed for kubelet to post node status"; the kubelet retries 5 times (nodeStatusUpdateRetry), which is why the default grace period was raised from 40 s to 50 s in 1.32 (kubernetes#121793, #126287). With room for fewer heartbeats, one slow API request or a brief network hiccup flips healthy nodes NotReady and their pods are evicted in waves. The heartbeat taken is the more frequent of the two, on the slowest kubelet of the set: an error when the grace period covers 2 heartbeats or fewer (a single late heartbeat flips the node), a warning below 4 (the ratio of the old defaults, 40 s / 10 s). Judged only when the set holds both the controller-manager settings (its static pod or a kubeadm ClusterConfiguration; the flag\'s default is 40 s before 1.32 and 50 s since) and a kubelet configuration.',
    fix: "Raise `--node-monitor-grace-period` to at least 5 times the kubelet's heartbeat interval (50 s for the defaults), or make the kubelet report more often (`nodeLeaseDurationSeconds`, `nodeStatusUpdateFrequency`) in step with it.",
    appliesTo: ['Pod', 'ClusterConfiguration', 'KubeletConfiguration', 'KubeletFlags', 'InitConfiguration', 'JoinConfiguration'],
    since: '0.1.0',
    messages: {
      tooShort:
        'kube-controller-manager --node-monitor-grace-period {{grace}}s covers only {{ratio}} heartbeat(s) of the kubelet, which {{what}} every {{interval}}s: nodes flap NotReady on one slow heartbeat and their pods are evicted.',
    },
  },
  check(context) {
    const picture = context.cluster.controlPlane;
    const nodes = context.cluster.kubeletNodes;
    if (nodes.length === 0) return;
    const defaultGrace = (compareKubeVersions(context.settings.kubernetesVersion, '1.32') >= 0 ? 50 : 40) * SECOND;
    for (const view of picture.clusters) {
      for (const entry of view.components) {
        if (entry.component !== 'kube-controller-manager') continue;
        const flag = lastFlag(entry.flags, 'node-monitor-grace-period');
        const grace = flag ? (flag.value === undefined ? undefined : parseGoDuration(flag.value)) : defaultGrace;
        if (grace === undefined || grace <= 0) continue;
        // With several clusters in the set, only kubelets beside the controller manager belong to it.
        const own = picture.perFile ? nodes.filter((node) => node.configs.concat(node.flags.map((ref) => ref.object)).some((object) => sameDirectory(object, entry.object))) : nodes;
        const slowest = own.map(heartbeatOf).reduce<Heartbeat | undefined>((best, item) => (!best || item.interval > best.interval ? item : best), undefined);
        if (!slowest) continue;
        const ratio = grace / slowest.interval;
        if (ratio >= 4) continue;
        const graceAt = flag ? { at: entry.object.at(...flag.path), object: entry.object } : undefined;
        const where = graceAt ?? (slowest.at && slowest.object ? { at: slowest.at, object: slowest.object } : { at: entry.object.at('kind'), object: entry.object });
        const related: RelatedReport[] = [];
        if (graceAt && slowest.at) related.push({ at: slowest.at, message: `the kubelet ${slowest.what} every ${seconds(slowest.interval)}s` });
        if (!graceAt) related.push({ at: entry.object.at('kind'), message: `kube-controller-manager uses the default --node-monitor-grace-period of ${seconds(grace)}s` });
        context.report({
          ...where,
          messageId: 'tooShort',
          data: { grace: seconds(grace), ratio: Math.floor(ratio * 10) / 10, what: slowest.what, interval: seconds(slowest.interval) },
          related,
          ...(ratio > 2 ? { severity: 'warning' as const } : {}),
        });
      }
    }
  },
});

/** The more frequent of the node's two heartbeats: lease renewal and status update. */
function heartbeatOf(node: KubeletNode): Heartbeat {
  const lease = rawSetting(node, 'nodeLeaseDurationSeconds');
  const leaseSeconds = asInteger(lease?.value);
  const renew = (leaseSeconds !== undefined && leaseSeconds > 0 ? leaseSeconds : DEFAULT_LEASE_SECONDS) * RENEW_FRACTION * SECOND;
  const status = durationSetting(node, 'nodeStatusUpdateFrequency');
  const update = status?.value !== undefined && status.value > 0 ? status.value : DEFAULT_STATUS_UPDATE;
  if (renew <= update) return { node, interval: renew, at: lease?.at, object: lease?.object, what: 'renews its node Lease' };
  return { node, interval: update, at: status?.at, object: status?.object, what: 'updates its node status' };
}

function seconds(nanoseconds: number): number {
  return Math.round((nanoseconds / SECOND) * 100) / 100;
}

function sameDirectory(a: K8sObject, b: K8sObject): boolean {
  const directory = (object: K8sObject): string => object.doc.file.path.slice(0, Math.max(object.doc.file.path.lastIndexOf('/'), 0));
  return directory(a) === directory(b);
}
