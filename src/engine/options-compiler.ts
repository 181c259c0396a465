import { Ajv, type ValidateFunction } from 'ajv';

/**
 * ajv, for what cannot be validated by the code generated at build time
 * (config-validators.generated.ts, written by scripts/generate.mjs from the same options and
 * schemas): a plugin rule's options schema. Loaded only by a config that sets such options.
 */
export const AJV_OPTIONS = { allErrors: false, strict: false } as const;

/** A rule's options are an object of the properties its schema names, and no others. */
export function optionsSchema(properties: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'object', additionalProperties: false, properties };
}

/** A compiler for one config's validation (one ajv instance, as the validation of one config had before). */
export function optionsCompiler(): (properties: Record<string, unknown>) => ValidateFunction {
  const ajv = new Ajv(AJV_OPTIONS);
  return (properties) => ajv.compile(optionsSchema(properties));
}
