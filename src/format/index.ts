import { formatGithub } from './github.js';
import { formatJson, formatJsonChunks } from './json.js';
import { formatJunit, formatJunitChunks } from './junit.js';
import { formatSarif, formatSarifChunks } from './sarif.js';
import { formatStylish, formatStylishChunks } from './stylish.js';
import type { LintResult } from '../types.js';
import type { FormatOptions, Formatter } from './types.js';

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github' | 'junit';

/** Built-in output formats by name; each is a pure function from a result to text. */
export const formatters: Readonly<Record<FormatName, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
};

/**
 * The output in pieces, for writing as they are made: a run with a million findings makes more
 * text than one string can hold (~512 MB), which ended the run with exit 2. JSON, SARIF, JUnit
 * and the readable report come in pieces; annotations come whole (capped at 1,000 by default).
 */
export function formatChunks(format: FormatName, result: LintResult, options: FormatOptions): Iterable<string> {
  if (format === 'json') return formatJsonChunks(result, options);
  if (format === 'sarif') return formatSarifChunks(result, options);
  if (format === 'junit') return formatJunitChunks(result, options);
  if (format === 'stylish') return formatStylishChunks(result, options);
  return [formatters[format](result, options)];
}

export type { FormatOptions, Formatter } from './types.js';
export type { SarifLog } from './sarif.js';
export { DEFAULT_MAX_RESULTS } from './shown.js';
