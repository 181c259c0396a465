import type { ObjectRef, Path } from '../types.js';
import type { DocumentHandle, OffsetRange } from '../parse/source.js';
import { asString, dig, isMap, stringMap, type PlainMap } from './access.js';
import { intrinsicFragmentReason, type FragmentReason } from './fragment.js';
import { podTemplateOf, type PodTemplate } from './workload.js';

/** Where a rule points: a path inside one document. */
export interface Location {
  doc: DocumentHandle;
  path: Path;
  /** Point at the key that holds the node rather than at the node (a finding about the field's name). */
  key?: boolean;
}

/** The range a location points at in its document's text. */
export function rangeOf(location: Location): OffsetRange {
  const { doc, path } = location;
  return location.key && doc.locateKey ? doc.locateKey(path) : doc.locate(path);
}

/**
 * One Kubernetes object: a document, or an item of a `List`. Paths given to `at` and `get`
 * are relative to the object, so rules never care whether it came from a List.
 */
export class K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string | undefined;
  /** The namespace as written; `undefined` when omitted. Output names the object by it. */
  readonly writtenNamespace: string | undefined;
  /** What the run's kustomizations say (see kustomize.ts): a namespace, null when they disagree, undefined when none builds it. */
  private deployed: string | null | undefined;
  private template: PodTemplate | null | undefined;
  private fragmentReason: FragmentReason | null | undefined;

  constructor(
    readonly doc: DocumentHandle,
    readonly value: PlainMap,
    readonly basePath: Path = [],
  ) {
    this.apiVersion = asString(value['apiVersion']) ?? '';
    this.kind = asString(value['kind']) ?? '';
    this.name = asString(dig(value, 'metadata', 'name')) ?? kubeadmName(value, this.apiVersion);
    this.writtenNamespace = asString(dig(value, 'metadata', 'namespace'));
  }

  /**
   * The namespace the object is deployed into, as far as the run shows: the `namespace:` of the
   * kustomization that builds it, else as written; undefined when neither says (see
   * `namespaceOrDefault`) or when kustomizations building it disagree.
   */
  get namespace(): string | undefined {
    return this.deployed === undefined ? this.writtenNamespace : (this.deployed ?? undefined);
  }

  /** Records what the run's kustomizations say about the namespace; returns whether it changed. */
  deployInto(namespace: string | null | undefined): boolean {
    const before = this.namespace;
    this.deployed = namespace;
    return this.namespace !== before;
  }

  /** Kubernetes puts namespaced objects without a namespace into `default`. */
  get namespaceOrDefault(): string {
    return this.namespace ?? 'default';
  }

  get labels(): Record<string, string> {
    return stringMap(dig(this.value, 'metadata', 'labels'));
  }

  get annotations(): Record<string, string> {
    return stringMap(dig(this.value, 'metadata', 'annotations'));
  }

  /** API group without version: `apps` for `apps/v1`, `` for the core group `v1`. */
  get group(): string {
    const slash = this.apiVersion.indexOf('/');
    return slash === -1 ? '' : this.apiVersion.slice(0, slash);
  }

  get(...path: Path): unknown {
    return dig(this.value, ...path);
  }

  at(...path: Path): Location {
    return { doc: this.doc, path: this.basePath.length === 0 ? path : [...this.basePath, ...path] };
  }

  /** Like `at`, but pointing at the key that names the field, not at its value. */
  keyAt(...path: Path): Location {
    return { ...this.at(...path), key: true };
  }

  /** The pod template this object carries (Pod, workloads, CronJob, PodTemplate), if any. */
  get podTemplate(): PodTemplate | undefined {
    if (this.template === undefined) this.template = podTemplateOf(this) ?? null;
    return this.template ?? undefined;
  }

  /**
   * Why this is a piece of an object rather than a whole one (a patch, a drop-in…), or
   * undefined for a whole object. The engine runs no per-object rule on a fragment except the
   * input checks; cross-document lookups still read it.
   */
  get fragment(): FragmentReason | undefined {
    if (this.fragmentReason === undefined) this.fragmentReason = intrinsicFragmentReason(this) ?? null;
    return this.fragmentReason ?? undefined;
  }

  /**
   * Overrides the object's own verdict with what only the whole run shows: a kustomization
   * lists its file as a patch, or as a resource it completes (undefined: a whole object).
   */
  markFragment(reason: FragmentReason | undefined): void {
    this.fragmentReason = reason ?? null;
  }

  ref(): ObjectRef {
    const ref: ObjectRef = { kind: this.kind };
    if (this.apiVersion) ref.apiVersion = this.apiVersion;
    if (this.name !== undefined) ref.name = this.name;
    if (this.writtenNamespace !== undefined) ref.namespace = this.writtenNamespace;
    return ref;
  }

  /** `Deployment "api"` — how messages name an object. */
  describe(): string {
    return this.name === undefined ? this.kind : `${this.kind} "${this.name}"`;
  }
}

/**
 * The objects of a document: the document itself, or the items of a `List`/`*List`
 * (each keeps its own position through its base path).
 */
export function objectsOf(doc: DocumentHandle): K8sObject[] {
  const value = doc.value;
  if (!isMap(value)) return [];
  const kind = asString(value['kind']);
  const items = value['items'];
  if (kind !== undefined && kind.endsWith('List') && Array.isArray(items)) {
    const objects: K8sObject[] = [];
    items.forEach((item, index) => {
      if (isMap(item) && typeof item['kind'] === 'string') objects.push(new K8sObject(doc, item, ['items', index]));
    });
    return objects;
  }
  if (kind === undefined && asString(value['apiVersion']) === undefined) return [];
  return [new K8sObject(doc, value)];
}

/**
 * The `kind` fields of a document that are present but not strings, with their values: on a mapping
 * written as an object (a string `apiVersion` or a `metadata` mapping), and on each item of a List.
 * Such an object names no kind, so `objectsOf` leaves a List item out and no rule judges the rest.
 */
export function misTypedKinds(doc: DocumentHandle): { path: Path; value: unknown }[] {
  const value = doc.value;
  if (!isMap(value)) return [];
  const found: { path: Path; value: unknown }[] = [];
  const check = (map: PlainMap, base: Path): void => {
    if (Object.hasOwn(map, 'kind') && typeof map['kind'] !== 'string') found.push({ path: [...base, 'kind'], value: map['kind'] });
  };
  if (asString(value['apiVersion']) !== undefined || isMap(value['metadata'])) check(value, []);
  const kind = value['kind'];
  const items = value['items'];
  if (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(items)) {
    items.forEach((item, index) => {
      if (isMap(item)) check(item, ['items', index]);
    });
  }
  return found;
}

/**
 * kubeadm's node configurations have no metadata: the node they configure names them
 * (`nodeRegistration.name`), and a ClusterConfiguration its `clusterName`.
 */
function kubeadmName(value: PlainMap, apiVersion: string): string | undefined {
  if (!apiVersion.startsWith('kubeadm.k8s.io/')) return undefined;
  return asString(dig(value, 'nodeRegistration', 'name')) ?? asString(value['clusterName']);
}
