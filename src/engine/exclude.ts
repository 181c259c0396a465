import type { K8sObject } from '../model/object.js';

/** An entry of the config's `exclude`: objects matching every field given are not linted. */
export interface ObjectExclusion {
  kind?: string;
  namespace?: string;
  name?: string;
}

/**
 * A test for the config's `exclude` entries. Values are globs where `*` stands for any run of
 * characters (`sandbox-*`); an object without a namespace is in `default` when its kind is namespaced.
 */
export function objectExclusion(entries: readonly ObjectExclusion[] | undefined): ((object: K8sObject) => boolean) | undefined {
  if (!entries || entries.length === 0) return undefined;
  const tests = entries.map((entry) => {
    const kind = entry.kind !== undefined ? glob(entry.kind) : undefined;
    const namespace = entry.namespace !== undefined ? glob(entry.namespace) : undefined;
    const name = entry.name !== undefined ? glob(entry.name) : undefined;
    return (object: K8sObject): boolean =>
      (kind === undefined || kind.test(object.kind)) && (namespace === undefined || namespace.test(object.namespaceOrDefault)) && (name === undefined || (object.name !== undefined && name.test(object.name)));
  });
  return (object) => tests.some((test) => test(object));
}

function glob(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}
