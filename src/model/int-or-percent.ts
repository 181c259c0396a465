import { asInteger } from './access.js';

export interface IntOrPercent {
  value: number;
  percent: boolean;
}

/**
 * An IntOrString count such as PDB `minAvailable` or rollout `maxUnavailable`: a non-negative
 * integer, or a string of digits and `%` (IsValidPercent in apimachinery validation). Anything
 * else is rejected by the API and read as undefined.
 */
export function parseIntOrPercent(value: unknown): IntOrPercent | undefined {
  const integer = asInteger(value);
  if (integer !== undefined) return integer >= 0 ? { value: integer, percent: false } : undefined;
  if (typeof value !== 'string' || !/^[0-9]{1,9}%$/.test(value)) return undefined;
  return { value: Number(value.slice(0, -1)), percent: true };
}

/**
 * intstr.GetScaledValueFromIntOrPercent: a percentage of `total`, rounded up or down; an
 * integer as is. Integer arithmetic: ceil(value × total / 100) without float drift.
 */
export function scaledValue(count: IntOrPercent, total: number, roundUp: boolean): number {
  if (!count.percent) return count.value;
  const product = count.value * total;
  return roundUp ? Math.ceil(product / 100) : Math.floor(product / 100);
}

/** As written: `3` or `25%`. */
export function formatIntOrPercent(count: IntOrPercent): string {
  return count.percent ? `${count.value}%` : String(count.value);
}
