/**
 * API versions that Kubernetes stopped serving, per kind.
 *
 * Removal versions and replacements: the Deprecated API Migration Guide
 * (kubernetes/website content/en/docs/reference/using-api/deprecation-guide.md, sections
 * v1.16 to v1.32). Deprecation versions: the API server's deprecation warnings ("policy/v1beta1
 * PodDisruptionBudget is deprecated in v1.21+, unavailable in v1.25+"), cross-checked with
 * FairwindsOps/pluto versions.yaml. Alpha versions are off by default and not listed.
 */
import { compareKubeVersions } from './settings.js';

export interface Replacement {
  apiVersion: string;
  /** First release that serves it. */
  since: string;
}

export interface ApiVersionRemoval {
  apiVersion: string;
  kind: string;
  deprecatedIn: string;
  removedIn: string;
  /**
   * Successors, oldest first (one may itself be removed later: the newest one the target
   * serves is recommended); empty when the API was dropped without one (PodSecurityPolicy).
   */
  replacements: readonly Replacement[];
}

const APPS_V1: readonly Replacement[] = [{ apiVersion: 'apps/v1', since: '1.9' }];
const FLOWCONTROL: readonly Replacement[] = [
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', since: '1.23' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', since: '1.26' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1', since: '1.29' },
];
const HPA: readonly Replacement[] = [
  { apiVersion: 'autoscaling/v2beta2', since: '1.12' },
  { apiVersion: 'autoscaling/v2', since: '1.23' },
];
const INGRESS: readonly Replacement[] = [
  { apiVersion: 'networking.k8s.io/v1beta1', since: '1.14' },
  { apiVersion: 'networking.k8s.io/v1', since: '1.19' },
];

function group(apiVersion: string, kinds: readonly string[], deprecatedIn: string, removedIn: string, replacements: readonly Replacement[]): ApiVersionRemoval[] {
  return kinds.map((kind) => ({ apiVersion, kind, deprecatedIn, removedIn, replacements }));
}

const one = (apiVersion: string, since: string): readonly Replacement[] => [{ apiVersion, since }];

export const API_VERSION_REMOVALS: readonly ApiVersionRemoval[] = [
  // v1.16
  ...group('extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet'], '1.9', '1.16', APPS_V1),
  ...group('extensions/v1beta1', ['NetworkPolicy'], '1.9', '1.16', one('networking.k8s.io/v1', '1.8')),
  ...group('extensions/v1beta1', ['PodSecurityPolicy'], '1.10', '1.16', one('policy/v1beta1', '1.10')),
  ...group('apps/v1beta1', ['Deployment', 'StatefulSet', 'ReplicaSet', 'ControllerRevision'], '1.9', '1.16', APPS_V1),
  ...group('apps/v1beta2', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'], '1.9', '1.16', APPS_V1),
  // v1.22
  ...group('admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], '1.16', '1.22', one('admissionregistration.k8s.io/v1', '1.16')),
  ...group('apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], '1.16', '1.22', one('apiextensions.k8s.io/v1', '1.16')),
  ...group('apiregistration.k8s.io/v1beta1', ['APIService'], '1.19', '1.22', one('apiregistration.k8s.io/v1', '1.10')),
  ...group('authentication.k8s.io/v1beta1', ['TokenReview'], '1.19', '1.22', one('authentication.k8s.io/v1', '1.6')),
  ...group('authorization.k8s.io/v1beta1', ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SubjectAccessReview'], '1.19', '1.22', one('authorization.k8s.io/v1', '1.6')),
  ...group('certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], '1.19', '1.22', one('certificates.k8s.io/v1', '1.19')),
  ...group('coordination.k8s.io/v1beta1', ['Lease'], '1.19', '1.22', one('coordination.k8s.io/v1', '1.14')),
  ...group('extensions/v1beta1', ['Ingress'], '1.14', '1.22', INGRESS),
  ...group('networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], '1.19', '1.22', one('networking.k8s.io/v1', '1.19')),
  ...group('rbac.authorization.k8s.io/v1beta1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], '1.17', '1.22', one('rbac.authorization.k8s.io/v1', '1.8')),
  ...group('scheduling.k8s.io/v1beta1', ['PriorityClass'], '1.14', '1.22', one('scheduling.k8s.io/v1', '1.14')),
  ...group('storage.k8s.io/v1beta1', ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], '1.19', '1.22', one('storage.k8s.io/v1', '1.19')),
  // v1.25
  ...group('batch/v1beta1', ['CronJob'], '1.21', '1.25', one('batch/v1', '1.21')),
  ...group('discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.21', '1.25', one('discovery.k8s.io/v1', '1.21')),
  ...group('events.k8s.io/v1beta1', ['Event'], '1.19', '1.25', one('events.k8s.io/v1', '1.19')),
  ...group('autoscaling/v2beta1', ['HorizontalPodAutoscaler'], '1.22', '1.25', HPA),
  ...group('policy/v1beta1', ['PodDisruptionBudget'], '1.21', '1.25', one('policy/v1', '1.21')),
  ...group('policy/v1beta1', ['PodSecurityPolicy'], '1.21', '1.25', []),
  ...group('node.k8s.io/v1beta1', ['RuntimeClass'], '1.22', '1.25', one('node.k8s.io/v1', '1.20')),
  // v1.26
  ...group('flowcontrol.apiserver.k8s.io/v1beta1', ['FlowSchema', 'PriorityLevelConfiguration'], '1.23', '1.26', FLOWCONTROL),
  ...group('autoscaling/v2beta2', ['HorizontalPodAutoscaler'], '1.23', '1.26', one('autoscaling/v2', '1.23')),
  // v1.27
  ...group('storage.k8s.io/v1beta1', ['CSIStorageCapacity'], '1.24', '1.27', one('storage.k8s.io/v1', '1.24')),
  // v1.29
  ...group('flowcontrol.apiserver.k8s.io/v1beta2', ['FlowSchema', 'PriorityLevelConfiguration'], '1.26', '1.29', FLOWCONTROL.slice(1)),
  // v1.32
  ...group('flowcontrol.apiserver.k8s.io/v1beta3', ['FlowSchema', 'PriorityLevelConfiguration'], '1.29', '1.32', one('flowcontrol.apiserver.k8s.io/v1', '1.29')),
];

const BY_KEY = new Map(API_VERSION_REMOVALS.map((entry) => [`${entry.apiVersion}\u0000${entry.kind}`, entry]));

export interface ApiVersionStatus {
  status: 'removed' | 'deprecated';
  entry: ApiVersionRemoval;
  /** What to migrate to at the target version; undefined when nothing replaces it. */
  replacement: string | undefined;
}

/** Whether `apiVersion`/`kind` is gone, or only deprecated, in Kubernetes `target`. */
export function apiVersionStatus(apiVersion: string, kind: string, target: string): ApiVersionStatus | undefined {
  const entry = BY_KEY.get(`${apiVersion}\u0000${kind}`);
  if (!entry) return undefined;
  const removed = compareKubeVersions(target, entry.removedIn) >= 0;
  if (!removed && compareKubeVersions(target, entry.deprecatedIn) < 0) return undefined;
  // The newest successor the target serves; the first one if the target predates them all.
  const served = entry.replacements.filter((replacement) => compareKubeVersions(target, replacement.since) >= 0);
  const replacement = (served[served.length - 1] ?? entry.replacements[0])?.apiVersion;
  return { status: removed ? 'removed' : 'deprecated', entry, replacement };
}
