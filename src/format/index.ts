import { formatGithub } from './github.js';
import { formatJson, formatJsonChunks } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
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
 * The output in pieces, for writing as they are made: JSON comes in pieces of a thousand findings
 * (a run with a million makes more text than one string can hold); the others come whole.
 */
export function formatChunks(format: FormatName, result: LintResult, options: FormatOptions): Iterable<string> {
  return format === 'json' ? formatJsonChunks(result, options) : [formatters[format](result, options)];
}

export type { FormatOptions, Formatter } from './types.js';
export type { SarifLog } from './sarif.js';
