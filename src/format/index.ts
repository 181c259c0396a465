import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';
import type { Formatter } from './types.js';

export type FormatName = 'stylish' | 'json';

/** Built-in output formats by name; each is a pure function from a result to text. */
export const formatters: Readonly<Record<FormatName, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
};

export type { FormatOptions, Formatter } from './types.js';
