import type { AnyRule } from './rule.js';
import { configSchema } from './config-schema.js';

/**
 * schema/ballast-config.schema.json, what editors read (`# yaml-language-server: $schema=…`): the
 * validation schema plus every rule id with its summary and, for rules with options, each option
 * with its type and default, so that editors complete and check them. Written by `npm run generate`.
 */
export function editorSchema(rules: readonly AnyRule[]): string {
  const ruleSetting = configSchema.properties.rules.additionalProperties;
  const schema = {
    ...configSchema,
    definitions: { ruleSetting },
    properties: {
      ...configSchema.properties,
      rules: {
        ...configSchema.properties.rules,
        properties: Object.fromEntries([...rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id)).map((rule) => [rule.meta.id, ruleEntry(rule)])),
      },
    },
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function ruleEntry(rule: AnyRule): Record<string, unknown> {
  const description = `${rule.meta.summary} (default: ${rule.meta.severity})`;
  const options = rule.meta.options;
  if (!options) return { allOf: [{ $ref: '#/definitions/ruleSetting' }], description };
  const properties = Object.fromEntries(Object.entries(options.schema).map(([name, schema]) => [name, Object.hasOwn(options.defaults, name) ? { ...schema, default: options.defaults[name] } : schema]));
  const severity = configSchema.properties.rules.additionalProperties.anyOf[0];
  return {
    description,
    anyOf: [severity, { type: 'object', additionalProperties: false, properties: { severity, options: { type: 'object', additionalProperties: false, properties } } }],
  };
}
