import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { Formatter } from './types.js';

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github' | 'junit';

/** Built-in output formats by name; each is a pure function from a result to text. */
export const formatters: Readonly<Record<FormatName, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
};

export type { FormatOptions, Formatter } from './types.js';
export type { SarifLog } from './sarif.js';
