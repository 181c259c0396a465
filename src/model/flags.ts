import type { Path } from '../types.js';
import { asArray, asString, isMap } from './access.js';

/** One command-line flag with where it was written, so findings point at it. */
export interface Flag {
  /** Without leading dashes: `leader-elect`. */
  name: string;
  /** `undefined` for a bare boolean flag (`--leader-elect` means true). */
  value: string | undefined;
  /** Path of the item (in `command`/`args`) or the extraArgs entry that holds the flag. */
  path: Path;
}

/**
 * Flags from a container's `command` and `args` (static pods), in both `--flag=value` and
 * `--flag value` forms. A value is taken from the next item only when it is not itself a flag.
 * The path is the list item of the flag name: findings point there.
 */
export function flagsOfContainer(container: unknown, containerPath: Path): Flag[] {
  const flags: Flag[] = [];
  for (const key of ['command', 'args'] as const) {
    const items = asArray(isMap(container) ? container[key] : undefined);
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      if (typeof item !== 'string' || !item.startsWith('-') || item === '-' || item === '--') continue;
      const body = item.replace(/^--?/, '');
      const path = [...containerPath, key, index];
      const equals = body.indexOf('=');
      if (equals !== -1) {
        flags.push({ name: body.slice(0, equals), value: body.slice(equals + 1), path });
        continue;
      }
      const next = items[index + 1];
      if (typeof next === 'string' && !next.startsWith('-')) {
        flags.push({ name: body, value: next, path });
        index++;
      } else {
        flags.push({ name: body, value: undefined, path });
      }
    }
  }
  return flags;
}

/**
 * kubeadm `extraArgs` / `kubeletExtraArgs`: a map in v1beta2/v1beta3, a list of
 * `{name, value}` in v1beta4 (where a name may repeat). Both become flags with paths.
 */
export function extraArgsFlags(value: unknown, basePath: Path): Flag[] {
  if (Array.isArray(value)) {
    const flags: Flag[] = [];
    asArray(value).forEach((entry, index) => {
      const name = asString(isMap(entry) ? entry['name'] : undefined);
      if (name === undefined) return;
      flags.push({ name: name.replace(/^--?/, ''), value: scalarText(isMap(entry) ? entry['value'] : undefined), path: [...basePath, index] });
    });
    return flags;
  }
  if (!isMap(value)) return [];
  return Object.keys(value).map((name) => ({ name: name.replace(/^--?/, ''), value: scalarText(value[name]), path: [...basePath, name] }));
}

/** Boolean flag semantics: bare flag is true; Go's strconv.ParseBool accepts 1/t/T/TRUE/true/True. */
export function flagBoolean(flag: Flag): boolean | undefined {
  if (flag.value === undefined) return true;
  if (/^(1|t|T|TRUE|true|True)$/.test(flag.value)) return true;
  if (/^(0|f|F|FALSE|false|False)$/.test(flag.value)) return false;
  return undefined;
}

/** The last occurrence wins, as in the components' flag parsing. */
export function lastFlag(flags: readonly Flag[], name: string): Flag | undefined {
  for (let index = flags.length - 1; index >= 0; index--) {
    if (flags[index]?.name === name) return flags[index];
  }
  return undefined;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
