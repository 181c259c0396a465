/**
 * Workloads that cannot run a second replica as written: more replicas would fight, hang or
 * split the work rather than stand by. For them "run 2 replicas" is wrong advice; what is true
 * is that a pod failure, node drain or rollout is downtime until the pod is replaced.
 */
import type { Path } from '../types.js';
import { asArray, asString, dig } from './access.js';
import type { ClusterIndex } from './cluster.js';
import type { K8sObject } from './object.js';
import { containersOf } from './workload.js';

export interface SingleByDesign {
  /** Which signal the object shows. */
  reason: 'no-leader-election' | 'single-attach-claim' | 'shard-count';
  /** What the object does, as a clause: "runs with leader election disabled (--leader-elect=false)". */
  what: string;
  /** Where the object says so (relative to the object). */
  path: Path;
}

/**
 * Leader-election switches: `--leader-elect` of the Kubernetes components and of
 * kubebuilder/controller-runtime scaffolds, `--enable-leader-election` of older scaffolds,
 * `--leader-election`. kube-controller-manager's reference: "Start a leader election client and
 * gain leadership before executing the main loop. Enable this when running replicated
 * components for high availability." Off, every replica runs the control loops at once.
 */
const LEADER_FLAG = /^--?((?:enable-)?leader-?elect(?:ion)?)=(.*)$/i;
const LEADER_ENV = /LEADER_?ELECT/i;
/** Go's strconv.ParseBool false values, which pflag uses for `--flag=value`. */
const FALSE = /^(0|f|F|FALSE|false|False)$/;
/** An environment variable that tells the software how many replicas it runs as: `ARGOCD_CONTROLLER_REPLICAS`. */
const REPLICA_COUNT_ENV = /(^|_)REPLICAS$/i;
/** Access modes under which several nodes may mount one volume (Kubernetes docs, Persistent Volumes › Access Modes). */
const SHARED_MODES: ReadonlySet<string> = new Set(['ReadWriteMany', 'ReadOnlyMany']);

/**
 * Why a one-replica workload must stay at one, judged from what it is:
 * - leader election switched off (a flag `=false`, or a `*LEADER_ELECT*` variable set to false):
 *   a second replica would run the same control loops at the same time;
 * - a PersistentVolumeClaim shared by all its pods (not a StatefulSet's per-replica claim) that
 *   only one node can attach: ReadWriteOnce or ReadWriteOncePod in the set, or, when the claim
 *   is not in the set, a Deployment that stops its pod before starting the next (`Recreate`,
 *   the strategy such a claim needs). A second pod on another node waits forever for the volume;
 * - the pods are told their replica count (`*_REPLICAS` equal to `spec.replicas`): the software
 *   splits its work into that many shards, so another replica is another shard, not a standby.
 * Undefined for everything else, including workloads that run more than one replica.
 */
export function singleByDesign(object: K8sObject, cluster: ClusterIndex): SingleByDesign | undefined {
  const template = object.podTemplate;
  if (!template || cluster.lowestReplicas(object) !== 1) return undefined;
  const containers = containersOf(template).filter((container) => container.role !== 'init');
  for (const container of containers) {
    for (const key of ['command', 'args'] as const) {
      const items = asArray(container.value[key]);
      for (let index = 0; index < items.length; index++) {
        const item = items[index];
        const match = typeof item === 'string' ? LEADER_FLAG.exec(item) : null;
        if (match && FALSE.test(match[2] ?? '')) {
          return { reason: 'no-leader-election', what: `runs with leader election disabled (${item as string})`, path: [...container.path, key, index] };
        }
      }
    }
  }
  for (const container of containers) {
    for (const [index, variable] of asArray(container.value['env']).entries()) {
      const name = asString(dig(variable, 'name'));
      const value = asString(dig(variable, 'value'));
      if (name === undefined || value === undefined) continue;
      const path = [...container.path, 'env', index];
      if (LEADER_ENV.test(name) && FALSE.test(value)) return { reason: 'no-leader-election', what: `runs with leader election disabled (${name}=${value})`, path };
      if (REPLICA_COUNT_ENV.test(name) && value.trim() === '1') {
        return { reason: 'shard-count', what: `tells its pods that it runs ${value.trim()} replica (${name}=${value}), so each replica is a shard of the work, not a standby`, path };
      }
    }
  }
  return singleAttachClaim(object, template.spec, template.specPath, cluster);
}

function singleAttachClaim(object: K8sObject, spec: Record<string, unknown>, specPath: Path, cluster: ClusterIndex): SingleByDesign | undefined {
  const recreate = object.kind === 'Deployment' && asString(object.get('spec', 'strategy', 'type')) === 'Recreate';
  for (const [index, volume] of asArray(spec['volumes']).entries()) {
    const claimName = asString(dig(volume, 'persistentVolumeClaim', 'claimName'));
    if (claimName === undefined) continue;
    const claim = cluster.find('PersistentVolumeClaim', object.namespaceOrDefault, claimName, object);
    const modes = asArray(claim?.get('spec', 'accessModes')).filter((mode): mode is string => typeof mode === 'string');
    const path = [...specPath, 'volumes', index, 'persistentVolumeClaim', 'claimName'];
    if (modes.length > 0 && modes.some((mode) => SHARED_MODES.has(mode))) continue;
    if (modes.length > 0) {
      return { reason: 'single-attach-claim', what: `mounts PersistentVolumeClaim "${claimName}" (${modes.join(', ')}), which one node at a time can attach`, path };
    }
    if (recreate) {
      return { reason: 'single-attach-claim', what: `mounts PersistentVolumeClaim "${claimName}" and stops its pod before starting the next (strategy Recreate)`, path };
    }
  }
  return undefined;
}
