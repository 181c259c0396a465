import { asString, dig } from './access.js';
import type { K8sObject } from './object.js';

/**
 * Cross-document lookups over every object of the run. Each index is built once, on first
 * use, in one pass over the objects: cross-document rules stay linear in the number of objects.
 */
export class ClusterIndex {
  private kinds: Map<string, K8sObject[]> | undefined;
  private hpaTargets: Map<string, K8sObject[]> | undefined;

  constructor(readonly objects: readonly K8sObject[]) {}

  /** Objects of a kind, in input order. */
  ofKind(kind: string): readonly K8sObject[] {
    if (!this.kinds) {
      this.kinds = new Map();
      for (const object of this.objects) push(this.kinds, object.kind, object);
    }
    return this.kinds.get(kind) ?? [];
  }

  /** HorizontalPodAutoscalers in the object's namespace whose `scaleTargetRef` names it. */
  hpasFor(object: K8sObject): readonly K8sObject[] {
    if (!this.hpaTargets) {
      this.hpaTargets = new Map();
      for (const hpa of this.ofKind('HorizontalPodAutoscaler')) {
        const kind = asString(hpa.get('spec', 'scaleTargetRef', 'kind'));
        const name = asString(hpa.get('spec', 'scaleTargetRef', 'name'));
        if (kind && name) push(this.hpaTargets, targetKey(hpa.namespaceOrDefault, kind, name), hpa);
      }
    }
    if (object.name === undefined) return [];
    return this.hpaTargets.get(targetKey(object.namespaceOrDefault, object.kind, object.name)) ?? [];
  }
}

/** `spec.minReplicas` of an HPA; the API defaults it to 1. */
export function hpaMinReplicas(hpa: K8sObject): number {
  const value = dig(hpa.value, 'spec', 'minReplicas');
  return typeof value === 'number' && Number.isInteger(value) ? value : 1;
}

function targetKey(namespace: string, kind: string, name: string): string {
  return `${namespace}\u0000${kind}\u0000${name}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
