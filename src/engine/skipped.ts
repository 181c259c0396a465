import type { DocumentHandle } from '../parse/source.js';
import { asString, isMap } from '../model/access.js';
import { isJsonPatch, kustomizationFiles, type SkipReason } from '../model/fragment.js';
import { isKustomization } from '../model/kustomize.js';
import type { KustomizeBuilds } from '../model/kustomize-builds.js';
import type { K8sObject } from '../model/object.js';

/**
 * What the run did not lint as objects, and why: documents that are not Kubernetes objects
 * (counted as they arrive) and fragments (counted at the end, when every kustomization of the
 * run has said which files are its patches).
 */
export class SkippedDocuments {
  private readonly notObjects = new Map<SkipReason, number>();
  /** Files that a kustomization of the run patches with, `/`-separated. */
  private readonly patchFiles = new Set<string>();
  /** Files that a kustomization of the run builds from. */
  private readonly resourceFiles = new Set<string>();

  /** `builds` learns the run's kustomizations and JSON6902 patch files, for the replica counts they set. */
  constructor(private readonly builds: KustomizeBuilds) {}

  /**
   * Takes a document in. Returns false for one that holds no Kubernetes object: a list
   * (a JSON6902 patch, an Ansible playbook, test data), a scalar, or a map with neither
   * `apiVersion` nor `kind` (a workflow, a compose file, Helm values).
   */
  note(doc: DocumentHandle): boolean {
    const value = doc.value;
    if (!isMap(value)) {
      const jsonPatch = isJsonPatch(value);
      if (jsonPatch) this.builds.addJsonPatch(doc.file.path, value);
      this.count(this.notObjects, jsonPatch ? 'json6902-patch' : 'not-kubernetes');
      return false;
    }
    const kind = asString(value['kind']);
    const kustomization = isKustomization(value, doc.file.path);
    if (kustomization) {
      const { patches, resources } = kustomizationFiles(value, doc.file.path);
      for (const path of patches) this.patchFiles.add(path);
      for (const path of resources) this.resourceFiles.add(path);
      this.builds.addKustomization(doc.file.path, value);
    }
    if (kind !== undefined || asString(value['apiVersion']) !== undefined) return true;
    // `kind` that is not a string beside `metadata`: an object written wrong, which the input checks report.
    if (Object.hasOwn(value, 'kind') && isMap(value['metadata'])) return true;
    // A kustomization may leave out apiVersion and kind; it is a file ballast reads, not a stray one.
    if (!kustomization) this.count(this.notObjects, 'not-kubernetes');
    return false;
  }

  /**
   * Applies what the kustomizations seen so far say about the objects: those of a patch file
   * are fragments; one of a resource file that lacks only its selector is whole (kustomize's
   * `commonLabels` or `labels` add the selector). Returns the objects whose verdict changed.
   */
  settle(objects: readonly K8sObject[]): { patched: K8sObject[]; completed: K8sObject[] } {
    const patched: K8sObject[] = [];
    const completed: K8sObject[] = [];
    if (this.patchFiles.size === 0 && this.resourceFiles.size === 0) return { patched, completed };
    for (const object of objects) {
      const path = object.doc.file.path.replace(/\\/g, '/');
      if (this.patchFiles.has(path)) {
        if (object.fragment === 'kustomize-patch') continue;
        object.markFragment('kustomize-patch');
        patched.push(object);
      } else if (object.fragment === 'no-selector' && this.resourceFiles.has(path)) {
        object.markFragment(undefined);
        completed.push(object);
      }
    }
    return { patched, completed };
  }

  /** Counts by reason, or undefined when nothing was skipped. */
  summary(objects: readonly K8sObject[]): Partial<Record<SkipReason, number>> | undefined {
    const counts = new Map(this.notObjects);
    for (const object of objects) {
      const reason = object.fragment;
      if (reason !== undefined) this.count(counts, reason);
    }
    if (counts.size === 0) return undefined;
    return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  private count(counts: Map<SkipReason, number>, reason: SkipReason): void {
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
}
