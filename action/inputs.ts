/**
 * The Action's inputs as the runner passes them: `INPUT_<NAME>` environment variables, the name
 * upper-cased with spaces as underscores and hyphens kept (`INPUT_FAIL-ON`), as @actions/core reads them.
 */
export interface ActionInputs {
  paths: string[];
  config: string;
  failOn: string;
  baseline: string;
  args: string[];
  workingDirectory: string;
  annotate: boolean;
  onlyChanged: boolean;
  allowPlugins: boolean;
}

export class InputError extends Error {
  override name = 'InputError';
}

export function readInput(env: NodeJS.ProcessEnv, name: string, fallback = ''): string {
  return (env[`INPUT_${name.replaceAll(' ', '_').toUpperCase()}`] ?? fallback).trim();
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const text = (name: string, fallback = ''): string => readInput(env, name, fallback);
  const flag = (name: string, fallback: boolean): boolean => {
    const value = text(name).toLowerCase();
    if (value === '') return fallback;
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw new InputError(`input "${name}" takes true or false, not "${value}"`);
  };
  const paths = splitWords(text('paths'), 'paths');
  return {
    paths: paths.length > 0 ? paths : ['.'],
    config: text('config'),
    failOn: text('fail-on', 'error'),
    baseline: text('baseline'),
    args: splitWords(text('args'), 'args'),
    workingDirectory: text('working-directory', '.'),
    annotate: flag('annotate', true),
    onlyChanged: flag('only-changed', false),
    allowPlugins: flag('allow-plugins', false),
  };
}

/**
 * Words separated by spaces or new lines; '…' and "…" keep spaces in a word. Nothing is
 * expanded (no variables, no globs: ballast matches globs itself), so an input is never shell code.
 */
export function splitWords(value: string, name: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const character of value) {
    if (quote !== undefined) {
      if (character === quote) quote = undefined;
      else word += character;
    } else if (character === '"' || character === "'") {
      quote = character;
      word ??= '';
    } else if (/\s/.test(character)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + character;
    }
  }
  if (quote !== undefined) throw new InputError(`input "${name}" has an unclosed ${quote}`);
  if (word !== undefined) words.push(word);
  return words;
}

/** The command line the Action runs: the user's extra flags first, then its own, then `--` and the paths. */
export function commandLine(inputs: ActionInputs): string[] {
  const argv = [...inputs.args, '--fail-on', inputs.failOn];
  if (inputs.config) argv.push('--config', inputs.config);
  if (inputs.baseline) argv.push('--baseline', inputs.baseline);
  return [...argv, '--', ...inputs.paths];
}
