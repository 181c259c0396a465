import type { BallastConfig } from './config.js';
import type { LoadConfigOptions } from './load-config.js';

export type { LoadConfigOptions };

/**
 * Validates a config given as YAML/JSON text or as an object, and throws `ConfigError` naming
 * the file, line and field of the first mistake. Async so that the validators load only for
 * callers that have a config, and ajv only when a plugin rule's options need compiling: a plain
 * run starts without them.
 */
export async function loadConfig(source: string | object, options: LoadConfigOptions = {}): Promise<BallastConfig> {
  const { validateConfig } = await import('./load-config.js');
  const compiles = options.rules?.some((rule) => rule.meta.options?.schema !== undefined) ?? false;
  const compileOptions = compiles ? (await import('./options-compiler.js')).optionsCompiler() : undefined;
  return validateConfig(source, { ...options, ...(compileOptions ? { compileOptions } : {}) });
}
