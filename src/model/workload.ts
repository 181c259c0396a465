import type { Path } from '../types.js';
import { asArray, asString, dig, isMap, stringMap, type PlainMap } from './access.js';
import type { K8sObject, Location } from './object.js';

/** Kinds whose pod template sits at `spec.template` (DeploymentLike in kube-linter's terms). */
const TEMPLATE_AT_SPEC_TEMPLATE = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job']);

/** Kinds that scale by `spec.replicas`. */
export const REPLICATED_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

export interface PodTemplate {
  /** The pod spec (`spec` of a Pod, `spec.template.spec` of a Deployment...). */
  spec: PlainMap;
  /** Path of the pod spec, relative to the object. */
  specPath: Path;
  /** Labels the pods will carry (template metadata; the object's own for a Pod). */
  labels: Record<string, string>;
  metadataPath: Path;
  annotations: Record<string, string>;
}

export function podTemplateOf(object: K8sObject): PodTemplate | undefined {
  const kind = object.kind;
  if (kind === 'Pod') return make(object, [], ['spec']);
  if (kind === 'PodTemplate') return make(object, ['template'], ['template', 'spec']);
  if (kind === 'CronJob') return make(object, ['spec', 'jobTemplate', 'spec', 'template'], ['spec', 'jobTemplate', 'spec', 'template', 'spec']);
  if (TEMPLATE_AT_SPEC_TEMPLATE.has(kind)) return make(object, ['spec', 'template'], ['spec', 'template', 'spec']);
  // Custom resources that embed a full pod template where Deployment does (Argo Rollouts,
  // OpenKruise CloneSets...) are linted like one; other custom kinds are left alone.
  if (Array.isArray(dig(object.value, 'spec', 'template', 'spec', 'containers'))) {
    return make(object, ['spec', 'template'], ['spec', 'template', 'spec']);
  }
  return undefined;
}

function make(object: K8sObject, templatePath: Path, specPath: Path): PodTemplate | undefined {
  const spec = dig(object.value, ...specPath);
  if (!isMap(spec)) return undefined;
  const metadataPath = [...templatePath, 'metadata'];
  const metadata = dig(object.value, ...metadataPath);
  return { spec, specPath, labels: stringMap(dig(metadata, 'labels')), metadataPath, annotations: stringMap(dig(metadata, 'annotations')) };
}

/**
 * A custom resource linted like a Deployment: a kind ballast does not know that embeds a full
 * pod template where Deployment does (Argo Rollouts, OpenKruise CloneSets...). Rules that apply
 * to Deployments apply to these too.
 */
export function isDeploymentLike(object: K8sObject): boolean {
  const { kind } = object;
  return kind !== 'Pod' && kind !== 'PodTemplate' && kind !== 'CronJob' && !TEMPLATE_AT_SPEC_TEMPLATE.has(kind) && object.podTemplate !== undefined;
}

/** Runs to completion rather than serving: Jobs, CronJobs and Pods that are not restarted. */
export function isBatch(object: K8sObject): boolean {
  if (object.kind === 'Job' || object.kind === 'CronJob') return true;
  if (object.kind === 'Pod') {
    const policy = asString(dig(object.value, 'spec', 'restartPolicy'));
    return policy === 'Never' || policy === 'OnFailure';
  }
  return false;
}

/**
 * Pods a Job controller runs to completion (Jobs, and CronJobs through their Jobs): a pod that
 * fails, evicted or OOM-killed included, is replaced until `backoffLimit` is spent.
 */
export function isJobManaged(object: K8sObject): boolean {
  return object.kind === 'Job' || object.kind === 'CronJob';
}

export type ContainerRole = 'app' | 'init' | 'sidecar';

export interface ContainerRef {
  value: PlainMap;
  name: string;
  role: ContainerRole;
  /** Path of the container, relative to the object. */
  path: Path;
}

/**
 * Every container of a pod template in Kubernetes' order: init containers (a restartable
 * init container, `restartPolicy: Always`, is a sidecar that runs for the pod's life), then
 * app containers. Ephemeral containers are debugging tools, not part of the workload.
 */
export function containersOf(template: PodTemplate): readonly ContainerRef[] {
  // Most workload rules walk the same containers; list them once per template.
  let refs = containerCache.get(template);
  if (refs) return refs;
  refs = listContainers(template);
  containerCache.set(template, refs);
  return refs;
}

const containerCache = new WeakMap<PodTemplate, readonly ContainerRef[]>();

function listContainers(template: PodTemplate): ContainerRef[] {
  const refs: ContainerRef[] = [];
  const collect = (key: 'initContainers' | 'containers'): void => {
    asArray(template.spec[key]).forEach((value, index) => {
      if (!isMap(value)) return;
      const role: ContainerRole = key === 'containers' ? 'app' : asString(value['restartPolicy']) === 'Always' ? 'sidecar' : 'init';
      refs.push({ value, name: asString(value['name']) ?? `#${index}`, role, path: [...template.specPath, key, index] });
    });
  };
  collect('initContainers');
  collect('containers');
  return refs;
}

/**
 * Where a finding about a container as a whole (a missing probe, request or limit) points: its
 * `name` key, the line that names it in every layout (kubectl writes keys in alphabetical
 * order, so `name` is not always first); a suppression comment above the container's first line
 * applies as well. A container without a name is shown by its first key.
 */
export function containerLocation(object: K8sObject, container: ContainerRef): { at: Location; subject: Location } {
  return { at: object.at(...container.path, 'name'), subject: object.at(...container.path) };
}

/** Containers that run for the pod's whole life: app containers and sidecars. */
export function longRunningContainers(template: PodTemplate): readonly ContainerRef[] {
  return containersOf(template).filter((container) => container.role !== 'init');
}
