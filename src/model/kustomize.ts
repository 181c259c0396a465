/**
 * The namespace a kustomization gives the objects it builds. Kustomize's `namespace:` sets
 * `metadata.namespace` on every namespaced object of the build, overriding what the file says,
 * and reaches through its `resources` into the bases (directories with a kustomization of their
 * own); when several kustomizations on the way set one, the outermost wins (checked with
 * `kubectl kustomize`: a base's `namespace: a` under an overlay's `namespace: b` builds into `b`;
 * sigs.k8s.io/kustomize, api/filters/namespace). A file built by several kustomizations that
 * disagree (overlays per environment over one base) has no one namespace: the run cannot tell
 * which, so it is treated as not naming one (scope.ts then matches it within its directory tree).
 */
import { asArray, asString, isMap } from './access.js';
import { CLUSTER_SCOPED_KINDS } from './cluster.js';
import { isKustomizationPath, joinPath, kustomizationFiles } from './fragment.js';
import type { K8sObject } from './object.js';

interface Build {
  namespace: string | undefined;
  /** Resource entries resolved against the kustomization's directory: files, or directories of bases. */
  entries: string[];
}

/** Whether a document is a kustomization: by its file name, or by its kind. */
export function isKustomization(value: unknown, path: string): boolean {
  if (isKustomizationPath(path)) return true;
  if (!isMap(value)) return false;
  const kind = asString(value['kind']);
  return (kind === 'Kustomization' || kind === 'Component') && (asString(value['apiVersion'])?.startsWith('kustomize.config.k8s.io/') ?? false);
}

/** What `namespace` kustomizations seen so far give each file they build. */
export class KustomizeNamespaces {
  /** Kustomizations by their directory (`/`-separated). */
  private readonly builds = new Map<string, Build>();

  add(kustomization: unknown, path: string): void {
    if (!isMap(kustomization)) return;
    const normalised = path.replace(/\\/g, '/');
    const directory = joinPath(normalised.slice(0, Math.max(0, normalised.lastIndexOf('/'))), '.');
    const namespace = asString(kustomization['namespace']);
    const entries = kustomizationFiles(kustomization, normalised).resources;
    // `bases` is the older name of directory resources.
    for (const base of asArray(kustomization['bases'])) {
      const entry = asString(base);
      if (entry !== undefined && !/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) entries.push(joinPath(directory, entry.trim()));
    }
    this.builds.set(directory, { namespace: namespace === '' ? undefined : namespace, entries });
  }

  /**
   * The namespace each built file is deployed into: a name, or null when the kustomizations that
   * build it disagree (or one keeps what the file says while another overrides it). Files no
   * kustomization with a namespace reaches are left out.
   */
  private resolve(): Map<string, string | null> {
    const nested = new Set<string>();
    for (const build of this.builds.values()) for (const entry of build.entries) if (this.builds.has(entry)) nested.add(entry);
    // Each build that no other kustomization of the run includes is a root `kustomize build` runs on
    // (kustomizations that only include each other are a cycle kustomize refuses to build).
    const perFile = new Map<string, Set<string | undefined>>();
    for (const root of this.builds.keys()) {
      if (nested.has(root)) continue;
      this.walk(root, undefined, new Set(), perFile);
    }
    const resolved = new Map<string, string | null>();
    for (const [file, namespaces] of perFile) {
      if (namespaces.size === 1 && !namespaces.has(undefined)) resolved.set(file, [...namespaces][0] as string);
      else if (namespaces.size > 1) resolved.set(file, null);
    }
    return resolved;
  }

  /**
   * Gives each namespaced object the namespace its kustomizations build it into (cluster-scoped
   * kinds keep none, as kustomize leaves them). Returns the objects whose namespace changed.
   */
  applyTo(objects: readonly K8sObject[]): K8sObject[] {
    if (this.builds.size === 0) return [];
    const resolved = this.resolve();
    const moved: K8sObject[] = [];
    for (const object of objects) {
      if (CLUSTER_SCOPED_KINDS.has(object.kind)) continue;
      const namespace = resolved.get(object.doc.file.path.replace(/\\/g, '/'));
      if (object.deployInto(namespace)) moved.push(object);
    }
    return moved;
  }

  private walk(directory: string, outer: string | undefined, seen: Set<string>, perFile: Map<string, Set<string | undefined>>): void {
    const build = this.builds.get(directory);
    if (!build || seen.has(directory)) return;
    seen.add(directory);
    // The outermost namespace wins: an overlay's overrides its bases'.
    const namespace = outer ?? build.namespace;
    for (const entry of build.entries) {
      if (this.builds.has(entry)) this.walk(entry, namespace, seen, perFile);
      else {
        let namespaces = perFile.get(entry);
        if (!namespaces) perFile.set(entry, (namespaces = new Set()));
        namespaces.add(namespace);
      }
    }
    seen.delete(directory);
  }
}
