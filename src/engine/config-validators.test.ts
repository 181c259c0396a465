import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { configSchema } from './config-schema.js';
import { AJV_OPTIONS, optionsSchema } from './options-compiler.js';
import { builtinOptionValidators, validateConfigSchema } from './config-validators.generated.js';
// @ts-expect-error -- a plain JavaScript module of the build scripts, without types.
import { configValidatorsSource } from '../../scripts/lib/config-validators.mjs';

describe('generated config validators', () => {
  it('are what scripts/generate.mjs writes from the current schema and rules (run `npm run generate` when this fails)', () => {
    const expected = (configValidatorsSource as (...args: unknown[]) => string)(configSchema, builtinRules, { ajvOptions: AJV_OPTIONS, optionsSchema });
    expect(readFileSync(new URL('./config-validators.generated.ts', import.meta.url), 'utf8')).toBe(expected);
  });

  it('give the errors ajv.compile gives for the same schemas', () => {
    const ajv = new Ajv(AJV_OPTIONS);
    const compiled = ajv.compile(configSchema);
    const configs: unknown[] = [
      { rules: { 'replicas-min': 'loud' } },
      { rules: { 'replicas-min': { severity: 'warning', extra: 1 } } },
      { exclude: [{}] },
      { extends: 'base.txt' },
      { limits: { maxFileSize: 'lots' } },
      { cluster: { nodes: [{ name: 3 }] } },
      { overrides: [{ rules: {} }] },
      { nope: true },
      [],
    ];
    for (const config of configs) {
      const generated = validateConfigSchema as unknown as { (data: unknown): boolean; errors?: unknown };
      expect(generated(config)).toBe(compiled(config));
      expect(generated.errors).toEqual(compiled.errors);
    }
    for (const rule of builtinRules) {
      const schema = rule.meta.options?.schema;
      if (!schema) continue;
      const generated = (builtinOptionValidators as Record<string, { (data: unknown): boolean; errors?: unknown }>)[rule.meta.id];
      const fromAjv = ajv.compile(optionsSchema(schema));
      for (const options of [{ nope: 1 }, Object.fromEntries(Object.keys(schema).map((key) => [key, -1])), Object.fromEntries(Object.keys(schema).map((key) => [key, 'x'])), 'x']) {
        expect(generated?.(options), rule.meta.id).toBe(fromAjv(options));
        expect(generated?.errors, rule.meta.id).toEqual(fromAjv.errors);
      }
    }
  });
});
