import type { BallastConfig } from './config.js';
import type { LoadConfigOptions } from './load-config.js';

export type { LoadConfigOptions };

/**
 * Validates a config given as YAML/JSON text or as an object, and throws `ConfigError` naming
 * the file, line and field of the first mistake. Async so that ajv and the schema load only
 * for callers that have a config: a plain run starts without them.
 */
export async function loadConfig(source: string | object, options: LoadConfigOptions = {}): Promise<BallastConfig> {
  const { validateConfig } = await import('./load-config.js');
  return validateConfig(source, options);
}
