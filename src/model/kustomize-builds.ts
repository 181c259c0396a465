/**
 * What the kustomizations of a run do to the replica counts of the objects they build: a base
 * Deployment left at one replica that every overlay patches up to three runs three. Per-object
 * rules skip patches as fragments (fragment.ts); the replica rules ask here what the builds say.
 *
 * Read from kustomize's own fields (https://kubectl.docs.kubernetes.io/references/kustomize/):
 * `resources` (files, or directories holding a kustomization, built recursively),
 * `patchesStrategicMerge`, `patchesJson6902` and `patches` (a file or an inline `patch`, with an
 * optional `target` of kind, name, namespace; a strategic-merge patch without one targets its own
 * kind and name), and the `replicas` transformer (`name`, `count`), which runs after the patches;
 * and the `images` transformer (`name`, `newName`, `newTag`, `digest`), which rewrites the
 * image of every container whose image name (without tag or digest) is `name`.
 */
import { parseAllDocuments } from 'yaml';
import { asArray, asInteger, asString, dig, isMap, type PlainMap } from './access.js';
import { joinPath } from './fragment.js';
import type { K8sObject } from './object.js';
import { REPLICATED_KINDS } from './workload.js';

/** One replica count a kustomization sets on the objects it selects. */
interface Override {
  /** Undefined: any kind that scales by `spec.replicas` (the replicas transformer). */
  kind: string | undefined;
  name: RegExp;
  namespace: string | undefined;
  replicas: number;
}

/** An `images` entry of a kustomization. */
export interface ImageOverride {
  name: string;
  newTag: string | undefined;
  digest: string | undefined;
}

/** What the run's kustomizations do to one object, per kustomization that builds it. */
interface Built {
  replicas: Map<K8sObject, number>;
  images: Map<K8sObject, (readonly ImageOverride[])[]>;
}

interface Kustomization {
  directory: string;
  value: PlainMap;
}

export class KustomizeBuilds {
  private readonly kustomizations = new Map<string, Kustomization>();
  private readonly jsonPatches = new Map<string, unknown>();
  private built: Built | undefined;

  /** A kustomization of the run, by its file path. */
  addKustomization(path: string, value: PlainMap): void {
    const directory = directoryOf(normalise(path));
    this.kustomizations.set(directory, { directory, value });
    this.built = undefined;
  }

  /** A JSON6902 patch file of the run (a top-level list of operations). */
  addJsonPatch(path: string, operations: unknown): void {
    this.jsonPatches.set(normalise(path), operations);
    this.built = undefined;
  }

  /**
   * The highest replica count a kustomization of the run builds the object with, when one sets
   * it (by a patch or its `replicas` field); undefined when none does.
   */
  replicasFor(object: K8sObject, objects: readonly K8sObject[]): number | undefined {
    if (this.kustomizations.size === 0) return undefined;
    this.built ??= this.compute(objects);
    return this.built.replicas.get(object);
  }

  /** The `images` entries of each kustomization of the run that builds the object. */
  imagesFor(object: K8sObject, objects: readonly K8sObject[]): readonly (readonly ImageOverride[])[] {
    if (this.kustomizations.size === 0) return [];
    this.built ??= this.compute(objects);
    return this.built.images.get(object) ?? [];
  }

  private compute(objects: readonly K8sObject[]): Built {
    const built: Built = { replicas: new Map(), images: new Map() };
    const byFile = new Map<string, K8sObject[]>();
    for (const object of objects) {
      const path = normalise(object.doc.file.path);
      const list = byFile.get(path);
      if (list) list.push(object);
      else byFile.set(path, [object]);
    }
    for (const kustomization of this.kustomizations.values()) {
      const overrides = this.overridesOf(kustomization, byFile);
      const images = imagesOf(kustomization.value);
      if (overrides.length === 0 && images.length === 0) continue;
      for (const path of this.members(kustomization, new Set())) {
        for (const object of byFile.get(path) ?? []) {
          if (object.fragment !== undefined) continue;
          if (images.length > 0 && object.podTemplate) {
            const list = built.images.get(object);
            if (list) list.push(images);
            else built.images.set(object, [images]);
          }
          if (!REPLICATED_KINDS.has(object.kind)) continue;
          // The last override that matches wins, as kustomize applies them in order.
          let replicas: number | undefined;
          for (const override of overrides) if (matches(override, object)) replicas = override.replicas;
          if (replicas !== undefined) built.replicas.set(object, Math.max(replicas, built.replicas.get(object) ?? 0));
        }
      }
    }
    return built;
  }

  /** Files a kustomization builds from, through the kustomizations of the directories it names. */
  private members(kustomization: Kustomization, seen: Set<string>): string[] {
    if (seen.has(kustomization.directory)) return [];
    seen.add(kustomization.directory);
    const files: string[] = [];
    // `bases` is the older name of directory resources.
    for (const entry of [...asArray(kustomization.value['resources']), ...asArray(kustomization.value['bases'])]) {
      const resource = asString(entry);
      if (resource === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(resource)) continue;
      const path = joinPath(kustomization.directory, resource.trim());
      const nested = this.kustomizations.get(path);
      if (nested) files.push(...this.members(nested, seen));
      else files.push(path);
    }
    return files;
  }

  /** Replica counts the kustomization's patches and `replicas` field set, in kustomize's order. */
  private overridesOf(kustomization: Kustomization, byFile: ReadonlyMap<string, readonly K8sObject[]>): Override[] {
    const { value, directory } = kustomization;
    const overrides: Override[] = [];
    const patchContent = (entry: unknown): unknown[] => {
      const path = asString(isMap(entry) ? entry['path'] : entry);
      const inline = asString(isMap(entry) ? entry['patch'] : undefined) ?? (path?.includes('\n') ? path : undefined);
      if (inline !== undefined) return parseInline(inline);
      if (path === undefined) return [];
      const file = joinPath(directory, path.trim());
      const operations = this.jsonPatches.get(file);
      if (operations !== undefined) return [operations];
      return (byFile.get(file) ?? []).map((object) => object.value);
    };
    const add = (entry: unknown): void => {
      const target = isMap(entry) ? entry['target'] : undefined;
      for (const content of patchContent(entry)) {
        const override = Array.isArray(content) ? jsonPatchOverride(content, target) : strategicMergeOverride(content, target);
        if (override) overrides.push(override);
      }
    };
    asArray(value['patchesStrategicMerge']).forEach(add);
    asArray(value['patchesJson6902']).forEach(add);
    asArray(value['patches']).forEach(add);
    for (const entry of asArray(value['replicas'])) {
      const name = asString(dig(entry, 'name'));
      const count = asInteger(dig(entry, 'count'));
      if (name !== undefined && count !== undefined) overrides.push({ kind: undefined, name: exactly(name), namespace: undefined, replicas: count });
    }
    return overrides;
  }
}

function imagesOf(kustomization: PlainMap): ImageOverride[] {
  const images: ImageOverride[] = [];
  for (const entry of asArray(kustomization['images'])) {
    const name = asString(dig(entry, 'name'));
    if (name !== undefined) images.push({ name, newTag: scalar(dig(entry, 'newTag')), digest: asString(dig(entry, 'digest')) });
  }
  return images;
}

/** `newTag: 1.20` is read as a number by YAML; kustomize takes it as the text written. */
function scalar(value: unknown): string | undefined {
  return typeof value === 'number' ? String(value) : asString(value);
}

/** A strategic-merge patch that sets `spec.replicas`: its target, or its own kind and name. */
function strategicMergeOverride(patch: unknown, target: unknown): Override | undefined {
  const replicas = asInteger(dig(patch, 'spec', 'replicas'));
  if (replicas === undefined) return undefined;
  if (isMap(target)) return targetOverride(target, replicas);
  const name = asString(dig(patch, 'metadata', 'name'));
  if (name === undefined) return undefined;
  return { kind: asString(dig(patch, 'kind')), name: exactly(name), namespace: asString(dig(patch, 'metadata', 'namespace')), replicas };
}

/** A JSON6902 patch whose last `add`/`replace` of `/spec/replicas` sets a count; it needs a target. */
function jsonPatchOverride(operations: readonly unknown[], target: unknown): Override | undefined {
  if (!isMap(target)) return undefined;
  let replicas: number | undefined;
  for (const operation of operations) {
    const op = asString(dig(operation, 'op'));
    if ((op === 'add' || op === 'replace') && asString(dig(operation, 'path')) === '/spec/replicas') replicas = asInteger(dig(operation, 'value')) ?? replicas;
  }
  return replicas === undefined ? undefined : targetOverride(target, replicas);
}

/**
 * A `target` selects by kind, name (a regular expression in kustomize, anchored) and namespace;
 * one that selects by labels or annotations alone, or names nothing, is not followed.
 */
function targetOverride(target: PlainMap, replicas: number): Override | undefined {
  const name = asString(target['name']);
  if (name === undefined) return undefined;
  let pattern: RegExp;
  try {
    pattern = new RegExp(`^(?:${name})$`);
  } catch {
    pattern = exactly(name);
  }
  return { kind: asString(target['kind']), name: pattern, namespace: asString(target['namespace']), replicas };
}

function matches(override: Override, object: K8sObject): boolean {
  if (override.kind !== undefined && override.kind !== object.kind) return false;
  if (override.namespace !== undefined && object.namespace !== undefined && override.namespace !== object.namespace) return false;
  return object.name !== undefined && override.name.test(object.name);
}

/** The documents of an inline patch; nothing when it does not parse. */
function parseInline(text: string): unknown[] {
  try {
    return parseAllDocuments(text)
      .filter((doc) => doc.errors.length === 0)
      .map((doc) => doc.toJS({ maxAliasCount: 100 }) as unknown);
  } catch {
    return [];
  }
}

function exactly(name: string): RegExp {
  return new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

function normalise(path: string): string {
  return path.replace(/\\/g, '/');
}

function directoryOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}
