/**
 * Fragments: documents that are a piece of an object, merged over the whole elsewhere (a
 * Kustomize patch, a kubelet drop-in), not an object the API server would receive as written.
 * Per-object rules do not judge them (the engine skips them); cross-document lookups still see
 * what they say, and the run's summary counts them by reason.
 */
import type { SourceFile } from '../parse/source.js';
import { asArray, asString, dig, isMap } from './access.js';
import type { K8sObject } from './object.js';

export type FragmentReason =
  /** Listed under `patches`, `patchesStrategicMerge` or `patchesJson6902` of a kustomization in the run. */
  | 'kustomize-patch'
  /** Carries a strategic-merge-patch directive (`$patch`, `$retainKeys`, `$setElementOrder/…`, `$deleteFromPrimitiveList/…`). */
  | 'patch-directive'
  /** A workload kind without the pod template every such object has. */
  | 'no-pod-template'
  /** A controller whose pods nothing could select: no `spec.selector` where one is required, or no template labels. */
  | 'no-selector'
  /** A pod (or pod template) without containers: the API server requires at least one. */
  | 'no-containers'
  /** A KubeletConfiguration in a drop-in directory (`--config-dir`, `kubelet.conf.d/`), merged over the main config. */
  | 'kubelet-drop-in';

/** Why a document was not linted as an object: a fragment, a JSON6902 patch file, or not Kubernetes at all. */
export type SkipReason = FragmentReason | 'json6902-patch' | 'not-kubernetes';

/** Workload kinds that always carry a pod template (`spec.template`, or `spec.jobTemplate…` for CronJob). */
const TEMPLATED_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob']);

/** Controllers whose pods are picked by `spec.selector`: they must have one, or template labels it defaults from. */
const SELECTING_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);

/**
 * apps/v1 and apps/v1beta2 require `spec.selector` (no defaulting from the template since
 * apps/v1beta2, kubernetes/kubernetes#50164); older groups and ReplicationControllers default it
 * from the template labels.
 */
const SELECTOR_REQUIRED_VERSIONS: ReadonlySet<string> = new Set(['apps/v1', 'apps/v1beta2']);

/** A directory of configuration drop-ins, merged over a main file in name order. */
const DROP_IN_DIRECTORY = /(^|\/)[^/]*\.conf\.d\//;

export function isDropInPath(path: string): boolean {
  return DROP_IN_DIRECTORY.test(path.replace(/\\/g, '/'));
}

/** Why the object is a fragment, judged from the object alone (kustomize patches are marked by the engine). */
export function intrinsicFragmentReason(object: K8sObject): FragmentReason | undefined {
  if (mayHoldDirective(object.doc.file) && hasPatchDirective(object.value)) return 'patch-directive';
  if (object.kind === 'KubeletConfiguration' && object.group === 'kubelet.config.k8s.io' && isDropInPath(object.doc.file.path)) return 'kubelet-drop-in';
  if (!TEMPLATED_KINDS.has(object.kind) && object.kind !== 'Pod') return undefined;
  const template = object.podTemplate;
  if (!template) return object.kind === 'Pod' ? 'no-containers' : 'no-pod-template';
  if (asArray(template.spec['containers']).length === 0) return 'no-containers';
  if (SELECTING_KINDS.has(object.kind) && !hasSelector(object)) return 'no-selector';
  return undefined;
}

/**
 * A controller selects its pods by labels of its template: the API server rejects one whose
 * template has none (the selector must match them, or defaults to them).
 */
function hasSelector(object: K8sObject): boolean {
  if (Object.keys(object.podTemplate?.labels ?? {}).length === 0) return false;
  return isMap(object.get('spec', 'selector')) || !SELECTOR_REQUIRED_VERSIONS.has(object.apiVersion);
}

/**
 * Whether a JSON document is a JSON6902 patch: a list of operations (RFC 6902), which
 * Kustomize's `patchesJson6902` and `patches` apply to a target named elsewhere.
 */
export function isJsonPatch(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  return value.every((operation) => isMap(operation) && JSON_PATCH_OPS.has(asString(operation['op']) ?? '') && typeof operation['path'] === 'string');
}

const JSON_PATCH_OPS: ReadonlySet<string> = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

/** Cheap pre-check on the text, once per file: most files hold no `$` at all. */
const directiveHint = new WeakMap<SourceFile, boolean>();

function mayHoldDirective(file: SourceFile): boolean {
  let hint = directiveHint.get(file);
  if (hint === undefined) {
    // Already-parsed inputs have no text: look at their values.
    hint = file.text === '' || /\$(patch|retainKeys|setElementOrder\/|deleteFromPrimitiveList\/)/.test(file.text);
    directiveHint.set(file, hint);
  }
  return hint;
}

/** Strategic-merge-patch directives (k8s.io/apimachinery/pkg/util/strategicpatch/patch.go). */
function isDirectiveKey(key: string): boolean {
  return key === '$patch' || key === '$retainKeys' || key.startsWith('$setElementOrder/') || key.startsWith('$deleteFromPrimitiveList/');
}

function hasPatchDirective(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (Array.isArray(value)) return value.some((item) => hasPatchDirective(item, depth + 1));
  if (!isMap(value)) return false;
  for (const key of Object.keys(value)) {
    if (isDirectiveKey(key) || hasPatchDirective(value[key], depth + 1)) return true;
  }
  return false;
}

/** The files a kustomization names (paths as in the run, `/`-separated), by role. */
export interface KustomizationFiles {
  /** `patchesStrategicMerge` entries that name files, and the `path` of `patches` and `patchesJson6902` entries. */
  patches: string[];
  /** `resources` entries that name files (kustomize completes them: `commonLabels` adds selectors). */
  resources: string[];
}

/** The files a kustomization patches with or builds from, resolved against its directory. */
export function kustomizationFiles(kustomization: unknown, kustomizationPath: string): KustomizationFiles {
  const files: KustomizationFiles = { patches: [], resources: [] };
  if (!isMap(kustomization)) return files;
  const directory = dirname(kustomizationPath.replace(/\\/g, '/'));
  const add = (list: string[], path: string | undefined): void => {
    // An entry may also be an inline patch or a remote URL: a file name has neither.
    if (path !== undefined && !path.includes('\n') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) list.push(joinPath(directory, path.trim()));
  };
  for (const entry of asArray(kustomization['patchesStrategicMerge'])) add(files.patches, asString(entry));
  for (const key of ['patches', 'patchesJson6902']) {
    for (const entry of asArray(kustomization[key])) add(files.patches, asString(dig(entry, 'path')));
  }
  for (const entry of asArray(kustomization['resources'])) add(files.resources, asString(entry));
  return files;
}

/** Kustomize reads `kustomization.yaml`, `kustomization.yml` or `Kustomization` in a directory. */
export function isKustomizationPath(path: string): boolean {
  return /(^|[/\\])(kustomization\.ya?ml|Kustomization)$/.test(path);
}

function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** Joins and normalises `.` and `..` segments, as the run's file paths are written. */
export function joinPath(directory: string, relative: string): string {
  const rooted = relative.startsWith('/') || (directory.startsWith('/') && !relative.startsWith('/'));
  const parts: string[] = [];
  for (const segment of (relative.startsWith('/') ? relative : `${directory}/${relative}`).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') parts.push(segment);
    else if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (!rooted) parts.push('..');
  }
  return `${rooted ? '/' : ''}${parts.join('/')}`;
}
