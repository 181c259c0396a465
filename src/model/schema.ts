import type { Path } from '../types.js';
import { closest } from './did-you-mean.js';
import { isMap } from './access.js';

/**
 * The subset of JSON schema used to describe configuration kinds (KubeletConfiguration,
 * kubeadm kinds): enough to find unknown fields and wrong types, walked directly over the
 * parsed value so every issue keeps its path (and so its line and column).
 */
export interface SchemaNode {
  type?: SchemaType | readonly SchemaType[];
  properties?: Readonly<Record<string, SchemaNode>>;
  /** `false`: no other keys (unknown-field); a schema: the type of every other value (maps). */
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  description?: string;
}

export type SchemaType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

export type SchemaIssue = { kind: 'unknown'; path: Path; key: string; suggestion?: string } | { kind: 'type'; path: Path; expected: string; value: unknown };

/** Walks `value` against `schema` and lists unknown keys and wrong types, in document order. */
export function checkAgainstSchema(value: unknown, schema: SchemaNode, path: Path = [], issues: SchemaIssue[] = []): SchemaIssue[] {
  if (value === null || value === undefined) return issues;
  const types = schema.type === undefined ? undefined : Array.isArray(schema.type) ? (schema.type as readonly SchemaType[]) : [schema.type as SchemaType];
  if (types && !types.some((type) => matchesSchemaType(value, type))) {
    issues.push({ kind: 'type', path, expected: types.map((type) => SCHEMA_TYPE_NAMES[type]).join(' or '), value });
    return issues;
  }
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((item, index) => checkAgainstSchema(item, schema.items as SchemaNode, [...path, index], issues));
    return issues;
  }
  if (!isMap(value)) return issues;
  const properties = schema.properties ?? {};
  for (const key of Object.keys(value)) {
    const child = Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
    if (child) {
      checkAgainstSchema(value[key], child, [...path, key], issues);
    } else if (schema.additionalProperties === false) {
      const suggestion = closest(key, propertyNames(properties));
      issues.push({ kind: 'unknown', path: [...path, key], key, ...(suggestion ? { suggestion } : {}) });
    } else if (isMap(schema.additionalProperties)) {
      checkAgainstSchema(value[key], schema.additionalProperties, [...path, key], issues);
    }
  }
  return issues;
}

const propertyNamesOf = new WeakMap<object, string[]>();

/** The property names of a schema, listed once (20,000 unknown keys each listed them again). */
function propertyNames(properties: Readonly<Record<string, SchemaNode>>): string[] {
  let names = propertyNamesOf.get(properties);
  if (!names) propertyNamesOf.set(properties, (names = Object.keys(properties)));
  return names;
}

/** How messages name a schema type: YAML words, not JSON's. */
export const SCHEMA_TYPE_NAMES: Readonly<Record<SchemaType, string>> = {
  object: 'mapping',
  array: 'list',
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  null: 'null',
};

/** Whether a parsed value is of a JSON-schema type (integers are numbers with no fraction). */
export function matchesSchemaType(value: unknown, type: SchemaType): boolean {
  switch (type) {
    case 'object':
      return isMap(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
  }
}
