/**
 * Taint/toleration matching, ported from k8s.io/api core/v1 toleration.go (ToleratesTaint) and
 * component-helpers scheduling/corev1 GetMatchingTolerations: an empty effect matches every
 * effect, an empty key with `Exists` matches every key, an empty operator means `Equal`.
 */
import type { Path } from '../types.js';
import { asArray, asInteger, asString, isMap, type PlainMap } from './access.js';
import type { PodTemplate } from './workload.js';

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface TolerationRef {
  value: PlainMap;
  index: number;
  /** Path of the toleration, relative to the object. */
  path: Path;
}

export function tolerationsOf(template: PodTemplate): TolerationRef[] {
  const refs: TolerationRef[] = [];
  asArray(template.spec['tolerations']).forEach((value, index) => {
    if (isMap(value)) refs.push({ value, index, path: [...template.specPath, 'tolerations', index] });
  });
  return refs;
}

export function toleratesTaint(toleration: PlainMap, taint: Taint): boolean {
  const effect = asString(toleration['effect']) ?? '';
  if (effect !== '' && effect !== taint.effect) return false;
  const key = asString(toleration['key']) ?? '';
  if (key !== '' && key !== taint.key) return false;
  const operator = asString(toleration['operator']) ?? '';
  if (operator === 'Exists') return true;
  if (operator === '' || operator === 'Equal') return (asString(toleration['value']) ?? '') === (taint.value ?? '');
  return false;
}

/** The toleration the taint manager uses for a taint: the first one that tolerates it. */
export function firstToleration(tolerations: readonly TolerationRef[], taint: Taint): TolerationRef | undefined {
  return tolerations.find((toleration) => toleratesTaint(toleration.value, taint));
}

/** `tolerationSeconds`; `forever` when omitted; undefined when of a type the API rejects. */
export function tolerationSeconds(toleration: PlainMap): number | 'forever' | undefined {
  const seconds = toleration['tolerationSeconds'];
  return seconds === undefined || seconds === null ? 'forever' : asInteger(seconds);
}
