/**
 * Which objects of a run can share a namespace. An object whose namespace the run knows — written
 * in `metadata.namespace`, or given by a kustomization that builds it (kustomize.ts) — is in that
 * namespace wherever its file is. One without is deployed into whatever namespace its tool gives
 * it (an Argo CD or Flux application, `kubectl -n`), so it is not "in default" together with every
 * other namespace-less object of the run. It shares a namespace only with objects of its own
 * directory tree, and a repository's folders say which:
 *
 *  - the same directory: one unit, applied together;
 *  - an ancestor and a descendant: one unit (an app's folder with its policies, autoscalers or
 *    Services in a subfolder), unless the descendant is an application of its own: when the
 *    ancestor folder holds namespace-less workloads (objects that run pods) and a folder on the
 *    way down to the descendant holds both workloads and the Services that route to them, they
 *    are two apps deployed apart (an example and its `production_cluster/` variant, each with its
 *    own same-named Service). A subfolder of workloads alone is a variant or a part of the app
 *    above it, applied next to that app's Services (a `legacy/` set of ReplicationControllers
 *    behind the guestbook's Services; kustomize bases beside the install rendered from them);
 *  - siblings and unrelated folders: never (other projects linted in the same run).
 */
import type { SourceFile } from '../parse/source.js';
import type { K8sObject } from './object.js';

const directories = new WeakMap<SourceFile, string>();

/** The directory of the object's file, `/`-separated (`''` for a file in the working directory). */
export function directoryOf(object: K8sObject): string {
  const file = object.doc.file;
  let directory = directories.get(file);
  if (directory === undefined) {
    const path = file.path.replace(/\\/g, '/');
    const slash = path.lastIndexOf('/');
    directory = slash === -1 ? '' : path.slice(0, slash);
    directories.set(file, directory);
  }
  return directory;
}

/** The same directory, or one inside the other. */
export function sameTree(a: string, b: string): boolean {
  if (a === b || a === '' || b === '') return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.startsWith(short) && (long[short.length] === '/' || short.endsWith('/'));
}

/**
 * Of several same-named objects (copies of one application linted together: overlays, examples,
 * vendored charts), those nearest `anchor`, the object that names them: in its file, else in its
 * directory, else all of them when they share one directory; undefined when copies in different
 * places remain, as the set cannot tell which one is meant.
 */
export function nearest<T extends K8sObject>(anchor: K8sObject, candidates: readonly T[]): readonly T[] | undefined {
  const sameFile = candidates.filter((object) => object.doc.file === anchor.doc.file);
  if (sameFile.length > 0) return sameFile;
  const sameDirectory = candidates.filter((object) => directoryOf(object) === directoryOf(anchor));
  if (sameDirectory.length > 0) return sameDirectory;
  return new Set(candidates.map(directoryOf)).size <= 1 ? candidates : undefined;
}

/**
 * Objects grouped by the folder trees they sit in: folders one of which holds the other share a
 * group, unrelated folders (siblings, other projects) never do. Groups keep the input order.
 */
export function byFolderTree<T extends K8sObject>(objects: readonly T[]): T[][] {
  // With `/` sorting first, a folder's descendants follow it directly: each top-most folder opens a group.
  const directories = [...new Set(objects.map(directoryOf))].sort((a, b) => {
    const [x, y] = [a.replace(/\//g, '\u0000'), b.replace(/\//g, '\u0000')];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const groupOf = new Map<string, number>();
  let top: string | undefined;
  let count = 0;
  for (const directory of directories) {
    if (top === undefined || !sameTree(top, directory)) {
      top = directory;
      count++;
    }
    groupOf.set(directory, count);
  }
  // Numbered by first appearance, so that groups come in input order.
  const order = new Map<number, T[]>();
  for (const object of objects) {
    const tree = groupOf.get(directoryOf(object)) ?? 0;
    let group = order.get(tree);
    if (!group) order.set(tree, (group = []));
    group.push(object);
  }
  return [...order.values()];
}

function parentOf(directory: string): string {
  return directory.slice(0, Math.max(0, directory.lastIndexOf('/')));
}

/**
 * The namespace scope of one run: whether two objects that name the same namespace (or leave it
 * out, which the index keys as `default`) can really be in one, and lists narrowed to what an
 * object can see. A narrowed list is made once per list and place and handed out again, so
 * callers that cache by list keep doing so.
 */
export class NamespaceScope {
  private readonly cache = new WeakMap<readonly unknown[], Map<string, readonly unknown[]>>();
  private readonly explicit = new WeakMap<readonly unknown[], boolean>();
  private folders: { workloads: Set<string>; applications: Set<string> } | undefined;

  /** `objects` may still be filling up; it is read on first use. */
  constructor(private readonly objects: readonly K8sObject[]) {}

  /** Both know their namespace, or they sit in one directory tree of one application (see above). */
  inScope(a: K8sObject, b: K8sObject): boolean {
    if (a.namespace !== undefined && b.namespace !== undefined) return true;
    const first = directoryOf(a);
    const second = directoryOf(b);
    if (first === second) return true;
    if (!sameTree(first, second)) return false;
    const [upper, lower] = first.length < second.length ? [first, second] : [second, first];
    return !this.separateApplications(upper, lower);
  }

  /** Whether the ancestor folder holds workloads and a folder down to the descendant is an application of its own. */
  private separateApplications(upper: string, lower: string): boolean {
    const { workloads, applications } = (this.folders ??= this.classifyFolders());
    if (!workloads.has(upper)) return false;
    for (let directory = lower; directory.length > upper.length; directory = parentOf(directory)) {
      if (applications.has(directory)) return true;
    }
    return false;
  }

  /** Folders holding namespace-less workloads, and those of them that also hold namespace-less Services. */
  private classifyFolders(): { workloads: Set<string>; applications: Set<string> } {
    const workloads = new Set<string>();
    const services = new Set<string>();
    // Patches and other fragments complete an object elsewhere, and an object that names its own
    // namespace (a monitoring add-on beside an app's autoscaler) is deployed apart: neither makes
    // a folder an application of namespace-less objects.
    for (const object of this.objects) {
      if (object.fragment !== undefined || object.namespace !== undefined) continue;
      if (object.podTemplate) workloads.add(directoryOf(object));
      else if (object.kind === 'Service') services.add(directoryOf(object));
    }
    return { workloads, applications: new Set([...workloads].filter((directory) => services.has(directory))) };
  }

  within<T>(from: K8sObject, list: readonly T[], objectOf: (item: T) => K8sObject): readonly T[] {
    if (list.length === 0) return list;
    let allNamed = this.explicit.get(list);
    if (allNamed === undefined) this.explicit.set(list, (allNamed = list.every((item) => objectOf(item).namespace !== undefined)));
    if (allNamed && from.namespace !== undefined) return list;
    const key = `${from.namespace === undefined ? '?' : '!'}${directoryOf(from)}`;
    let byPlace = this.cache.get(list);
    if (!byPlace) this.cache.set(list, (byPlace = new Map<string, readonly unknown[]>()));
    let scoped = byPlace.get(key) as readonly T[] | undefined;
    if (!scoped) {
      const filtered = list.filter((item) => this.inScope(from, objectOf(item)));
      scoped = filtered.length === list.length ? list : filtered;
      byPlace.set(key, scoped);
    }
    return scoped;
  }
}
