import { defineRule, type SetContext } from '../src/engine/rule.js';
import { compareKubeVersions } from '../src/engine/settings.js';
import { asInteger, asString } from '../src/model/access.js';
import { lowestMinReplicas } from '../src/model/cluster.js';
import { parseIntOrPercent, scaledValue } from '../src/model/int-or-percent.js';
import type { K8sObject } from '../src/model/object.js';

type MessageId = 'recreate' | 'maxUnavailable' | 'fencepost' | 'statefulSet' | 'daemonSet' | 'daemonSetNodes';
type Context = SetContext<MessageId>;

export default defineRule<MessageId>({
  meta: {
    id: 'rollout-downtime',
    scope: 'set',
    category: 'workload',
    severity: 'warning',
    summary:
      'A rollout may take every pod down at once: a Deployment with `strategy: Recreate` or a `maxUnavailable` that resolves to all replicas, a parallel StatefulSet update of all replicas, or a DaemonSet whose `maxUnavailable` covers every node.',
    rationale:
      'With `Recreate` the deployment controller scales the old ReplicaSet to zero before it creates any new pod, so every rollout (a config change, an image bump, a node-image rotation that touches the template) is an outage lasting at least the image pull and start-up time. With `RollingUpdate` the controller keeps `replicas - maxUnavailable` pods available; when maxUnavailable resolves to the replica count, it may delete all old pods before any new one is Ready. Resolution follows the deployment controller (pkg/controller/deployment/util/deployment_util.go ResolveFenceposts): a percentage maxSurge rounds up, a percentage maxUnavailable rounds down, and when both come out 0 maxUnavailable becomes 1; apps/v1 defaults both to 25% (pkg/apis/apps/v1/defaults.go), so one replica with the defaults surges first and is fine. A Deployment that runs a single pod is reported by replicas-min while that rule runs (one root cause: with one pod every disruption is downtime, whatever the strategy), so this rule judges Deployments of two pods or more then. The replica count is the lowest HPA `minReplicas` when an HPA in the set scales the Deployment. StatefulSets are checked only with `podManagementPolicy: Parallel` and an explicit `rollingUpdate.maxUnavailable` (honoured from 1.35, MaxUnavailableStatefulSet beta; a percentage rounds up) of at least 2 replicas: otherwise they update one pod at a time by design. DaemonSets run one pod per node, so their own replacement is inherent, but `updateStrategy.rollingUpdate.maxUnavailable` decides how many nodes lose the agent at once: the daemon controller resolves it against the number of nodes to schedule, rounding a percentage up (pkg/controller/daemon/util UnavailableCount). `100%` (or more) takes the agent (CNI, log shipper, node-local DNS, CSI driver) down on every node at once; a count is judged against the nodes declared in `cluster.nodes` (every group with a `count`, two nodes or more). With `maxSurge` above 0 the controller starts the new pod before it removes the old one, and `OnDelete` replaces pods only when someone deletes them (a deliberate choice): neither is reported, nor is the default `maxUnavailable: 1`.',
    fix: 'Use `strategy.type: RollingUpdate` with `maxUnavailable: 0` and `maxSurge: 1` (or a percentage), so a new pod is Ready before an old one goes; keep `Recreate` only for workloads that must never run two versions at once, and then plan for the downtime.',
    appliesTo: ['Deployment', 'StatefulSet', 'DaemonSet'],
    since: '0.1.0',
    messages: {
      recreate: '{{object}} uses the Recreate strategy: every rollout stops all {{replicas}} pod(s) before starting new ones.',
      maxUnavailable: '{{object}} allows maxUnavailable {{maxUnavailable}} (resolves to {{resolved}}) with {{replicas}} replica(s): a rollout may take every pod down before a new one is Ready.',
      fencepost: '{{object}} resolves both maxSurge and maxUnavailable to 0 with {{replicas}} replica(s), so the deployment controller uses maxUnavailable 1: a rollout may take every pod down before a new one is Ready.',
      statefulSet: '{{object}} updates pods in parallel with maxUnavailable {{maxUnavailable}} (resolves to {{resolved}}) of {{replicas}} replica(s): a rollout may take every pod down at once.',
      daemonSet: '{{object}} allows maxUnavailable {{maxUnavailable}}: a rollout may stop its pod on every node at once.',
      daemonSetNodes: '{{object}} allows maxUnavailable {{maxUnavailable}} (resolves to {{resolved}}) with {{nodes}} declared node(s): a rollout may stop its pod on every node at once.',
    },
  },
  checkObject(object, context) {
    if (object.kind === 'Deployment') checkDeployment(object, context);
    else if (object.kind === 'StatefulSet') checkStatefulSet(object, context);
    else if (object.kind === 'DaemonSet') checkDaemonSet(object, context);
  },
});

/** Pods the workload runs at its smallest: the lowest HPA minReplicas, else `spec.replicas` (default 1). */
function replicasOf(object: K8sObject, context: Context): number | undefined {
  const hpas = context.cluster.hpasFor(object);
  if (hpas.length > 0) return lowestMinReplicas(hpas);
  const value = object.get('spec', 'replicas');
  const replicas = value === undefined || value === null ? 1 : asInteger(value);
  // A kustomize overlay of the run that raises the count builds the workload that is deployed.
  const overlay = context.cluster.overlayReplicas(object);
  return overlay !== undefined && replicas !== undefined && overlay > replicas ? overlay : replicas;
}

function checkDeployment(object: K8sObject, context: Context): void {
  const replicas = replicasOf(object, context);
  // Zero is a parked workload; a non-integer is invalid-field-type's to report.
  if (replicas === undefined || replicas <= 0) return;
  // One finding per root cause: a single pod is down during any rollout, and that single pod is
  // replicas-min's to report (or, through it, critical-addon-replicas' or hpa-min-replicas').
  if (replicas === 1 && context.isEnabled('replicas-min')) return;
  const type = asString(object.get('spec', 'strategy', 'type')) ?? 'RollingUpdate';
  const data = { object: object.describe(), replicas };
  if (type === 'Recreate') {
    context.report({ at: object.at('spec', 'strategy', 'type'), object, messageId: 'recreate', data });
    return;
  }
  if (type !== 'RollingUpdate') return;
  const rollingUpdate = ['spec', 'strategy', 'rollingUpdate'] as const;
  const [defaultSurge, defaultUnavailable] = deploymentDefaults(object, context);
  const surgeValue = valueOr(object.get(...rollingUpdate, 'maxSurge'), defaultSurge);
  const unavailableValue = valueOr(object.get(...rollingUpdate, 'maxUnavailable'), defaultUnavailable);
  const surge = scale(surgeValue, replicas, true);
  const unavailable = scale(unavailableValue, replicas, false);
  if (surge === undefined || unavailable === undefined) return;
  const at = object.at(...rollingUpdate, 'maxUnavailable');
  if (surge === 0 && unavailable === 0) {
    // Both literally 0 is rejected by validation; here at least one is a percentage rounded to 0.
    if (replicas === 1) context.report({ at, object, messageId: 'fencepost', data });
    return;
  }
  if (unavailable < replicas) return;
  context.report({ at, object, messageId: 'maxUnavailable', data: { ...data, maxUnavailable: shown(unavailableValue), resolved: unavailable } });
}

/**
 * maxSurge and maxUnavailable defaults. extensions/v1beta1 defaulted both to 1, but only a
 * cluster older than 1.16 still serves it; on newer ones the manifest must be converted to
 * apps/v1, whose 25% defaults are what it will run with.
 */
function deploymentDefaults(object: K8sObject, context: Context): [number | string, number | string] {
  const legacy = object.apiVersion === 'extensions/v1beta1' && compareKubeVersions(context.settings.kubernetesVersion, '1.16') < 0;
  return legacy ? [1, 1] : ['25%', '25%'];
}

/** An IntOrString count resolved against `total`; undefined for values the API rejects. */
function scale(value: unknown, total: number, roundUp: boolean): number | undefined {
  const count = parseIntOrPercent(value);
  return count && scaledValue(count, total, roundUp);
}

/** An IntOrString as written (only called once it resolved, so it is a number or a percent string). */
function shown(value: unknown): string | number {
  return typeof value === 'number' || typeof value === 'string' ? value : '';
}

function valueOr(value: unknown, fallback: number | string): unknown {
  return value === undefined || value === null ? fallback : value;
}

function checkStatefulSet(object: K8sObject, context: Context): void {
  if (compareKubeVersions(context.settings.kubernetesVersion, '1.35') < 0) return;
  if (asString(object.get('spec', 'podManagementPolicy')) !== 'Parallel') return;
  if ((asString(object.get('spec', 'updateStrategy', 'type')) ?? 'RollingUpdate') !== 'RollingUpdate') return;
  const value = object.get('spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable');
  const replicas = replicasOf(object, context);
  if (value === undefined || value === null || replicas === undefined || replicas < 2) return;
  const resolved = scale(value, replicas, true);
  if (resolved === undefined || resolved < replicas) return;
  context.report({
    at: object.at('spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable'),
    object,
    messageId: 'statefulSet',
    data: { object: object.describe(), maxUnavailable: shown(value), resolved, replicas },
  });
}

function checkDaemonSet(object: K8sObject, context: Context): void {
  if ((asString(object.get('spec', 'updateStrategy', 'type')) ?? 'RollingUpdate') !== 'RollingUpdate') return;
  const rollingUpdate = ['spec', 'updateStrategy', 'rollingUpdate'] as const;
  const value = object.get(...rollingUpdate, 'maxUnavailable');
  const count = parseIntOrPercent(value);
  if (value === undefined || value === null || !count) return;
  // Surge mode starts each new pod before removing the old one.
  const surge = parseIntOrPercent(object.get(...rollingUpdate, 'maxSurge'));
  if (surge && surge.value > 0) return;
  const at = object.at(...rollingUpdate, 'maxUnavailable');
  const data = { object: object.describe(), maxUnavailable: shown(value) };
  if (count.percent && count.value >= 100) {
    context.report({ at, object, messageId: 'daemonSet', data });
    return;
  }
  const nodes = declaredNodes(context);
  if (nodes === undefined || nodes < 2) return;
  const resolved = scaledValue(count, nodes, true);
  if (resolved >= nodes) context.report({ at, object, messageId: 'daemonSetNodes', data: { ...data, resolved, nodes } });
}

/** The node count `cluster.nodes` declares; undefined when a group leaves its count out. */
function declaredNodes(context: Context): number | undefined {
  const groups = context.settings.cluster.nodes ?? [];
  if (groups.length === 0 || groups.some((group) => group.count === undefined)) return undefined;
  return groups.reduce((total, group) => total + (group.count ?? 0), 0);
}
