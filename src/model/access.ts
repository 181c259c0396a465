/**
 * Safe readers over parsed YAML. Every field of user input may hold the wrong type, so rules
 * read through these and treat a wrong type as absent (the `invalid-field-type` rule reports it).
 */

import { isMap, newPlainMap, type PlainMap } from '../parse/plain-map.js';

export { isMap, type PlainMap };

export function asMap(value: unknown): PlainMap | undefined {
  return isMap(value) ? value : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A finite number; numeric strings are not numbers to the Kubernetes API either. */
export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function asInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** Own property lookup only: `get(x, 'constructor')` never reaches Object.prototype. */
export function field(value: unknown, key: string): unknown {
  if (!isMap(value) || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
  return value[key];
}

export function dig(value: unknown, ...keys: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof key === 'number') current = Array.isArray(current) ? current[key] : undefined;
    else current = field(current, key);
    if (current === undefined) return undefined;
  }
  return current;
}

/** String-valued entries of a map such as labels or matchLabels; other values are skipped. */
export function stringMap(value: unknown): Record<string, string> {
  const result = newPlainMap<string>();
  if (!isMap(value)) return result;
  for (const key of Object.keys(value)) {
    const entry = value[key];
    if (typeof entry === 'string') result[key] = entry;
    else if (typeof entry === 'number' || typeof entry === 'boolean') result[key] = String(entry);
  }
  return result;
}

/** A value as a message names it: `the integer 5`, `a list`, `the string "…"` (cut at 40 characters). */ export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isMap(value)) return 'a mapping';
  if (typeof value === 'string') return `the string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${String(value)}`;
  return 'null';
}
