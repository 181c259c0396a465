/**
 * Which objects of a run can share a namespace. An object with `metadata.namespace` is in that
 * namespace wherever its file is. One without is deployed into whatever namespace its tool
 * gives it (kustomize `namespace:`, an Argo CD or Flux application, `kubectl -n`), so it is not
 * "in default" together with every other namespace-less object of the run: it shares a namespace
 * only with objects of its own directory tree — the same directory, an ancestor or a descendant —
 * never with those of an unrelated directory (another project linted in the same run).
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
 * Whether two objects that name the same namespace (or leave it out, which the index keys as
 * `default`) can really be in one: both name it, or they sit in one directory tree.
 */
export function inScope(a: K8sObject, b: K8sObject): boolean {
  if (a.namespace !== undefined && b.namespace !== undefined) return true;
  return sameTree(directoryOf(a), directoryOf(b));
}

/**
 * Narrows lists of one namespace to what an object can see. The result for a list and a place
 * is made once and handed out again, so callers that cache by list keep doing so.
 */
export class ScopedLists {
  private readonly cache = new WeakMap<readonly unknown[], Map<string, readonly unknown[]>>();
  private readonly explicit = new WeakMap<readonly unknown[], boolean>();

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
      const filtered = list.filter((item) => inScope(from, objectOf(item)));
      scoped = filtered.length === list.length ? list : filtered;
      byPlace.set(key, scoped);
    }
    return scoped;
  }
}
