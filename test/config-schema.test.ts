/**
 * schema/ballast-config.schema.json is what editors read (`# yaml-language-server: $schema=…`):
 * the validation schema plus every rule ID with its summary, for completion. It is generated;
 * this test fails when it is stale, and `npm run docs` rewrites it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { configSchema } from '../src/engine/config-schema.js';

const file = resolve(import.meta.dirname, '../schema/ballast-config.schema.json');
const ruleSetting = configSchema.properties.rules.additionalProperties;
const schema = {
  ...configSchema,
  definitions: { ruleSetting },
  properties: {
    ...configSchema.properties,
    rules: {
      ...configSchema.properties.rules,
      properties: Object.fromEntries(
        [...builtinRules]
          .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
          .map((rule) => [rule.meta.id, { allOf: [{ $ref: '#/definitions/ruleSetting' }], description: `${rule.meta.summary} (default: ${rule.meta.severity})` }]),
      ),
    },
  },
};
const text = `${JSON.stringify(schema, null, 2)}\n`;

it.runIf(process.env['BALLAST_WRITE_DOCS'] === '1')('schema/ballast-config.schema.json is written', () => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
});

it.skipIf(process.env['BALLAST_WRITE_DOCS'] === '1')('schema/ballast-config.schema.json is current (run `npm run docs`)', () => {
  expect(readFileSync(file, 'utf8')).toBe(text);
});
