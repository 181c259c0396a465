/**
 * Which configuration applies to each file of a repository: the nearest `.ballast.yaml` above the
 * file (never above the repository root), with its `overrides` for the file's path; and which
 * declared cluster the file belongs to: the nearest folder above it whose config has `cluster:`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PRESETS, type BallastConfig, type ConfigOverride } from './engine/config.js';
import { ConfigError } from './engine/config-error.js';
import { findConfigFile, readConfigFile, type LoadedConfig, type ReadConfigOptions } from './node.js';

/** A config file with the files it extends merged in, and whether it declares a cluster itself. */
export interface ResolvedConfig extends LoadedConfig {
  declaresCluster: boolean;
}

/**
 * Reads a config file and the config files it `extends` (a path relative to it): the parent's
 * settings first, this file's over them (rules one by one; cluster, ignore and render replaced;
 * exclusions and plugins added). `overrides` stay with the file that has them: their globs are
 * relative to it. A cycle is a config error.
 */
export async function readConfigChain(path: string, options: ReadConfigOptions = {}, seen: readonly string[] = []): Promise<ResolvedConfig> {
  const absolute = resolve(path);
  if (seen.includes(absolute)) throw new ConfigError(`extends goes round in a circle: ${[...seen, absolute].join(' → ')}`, path);
  const extended = extendsPath(absolute);
  if (extended === undefined) {
    const own = await readConfigFile(path, [], options);
    return { ...own, declaresCluster: own.config.cluster !== undefined };
  }
  if (!existsSync(extended)) throw new ConfigError(`extends: no such config file ${extended}`, path);
  const parent = await readConfigChain(extended, options, [...seen, absolute]);
  // The parent's plugins are known while this file is validated: it may configure their rules.
  const own = await readConfigFile(path, parent.plugins, options);
  const mine = own.config;
  const config: BallastConfig = {
    ...parent.config,
    ...mine,
    extends: parent.config.extends ?? 'recommended',
    rules: { ...parent.config.rules, ...mine.rules },
    exclude: [...(parent.config.exclude ?? []), ...(mine.exclude ?? [])],
  };
  if (mine.overrides === undefined) delete config.overrides;
  return { config, plugins: [...parent.plugins, ...own.plugins], declaresCluster: mine.cluster !== undefined };
}

/** The file a config's `extends` names, when it names a file rather than a preset. */
function extendsPath(path: string): string | undefined {
  let value: unknown;
  try {
    value = parseYaml(readFileSync(path, 'utf8'), { logLevel: 'silent' });
  } catch {
    return undefined; // validation reports it
  }
  const extended = value !== null && typeof value === 'object' ? (value as { extends?: unknown }).extends : undefined;
  if (typeof extended !== 'string' || (PRESETS as readonly string[]).includes(extended)) return undefined;
  return resolve(dirname(path), extended);
}

/** The configuration of a group of files that are linted alike. */
export interface FileScope {
  /** Files with the same config file and the same matching overrides share a key. */
  key: string;
  /** The config file that applies (undefined: none). */
  configPath: string | undefined;
  config: BallastConfig | undefined;
  plugins: LoadedConfig['plugins'];
  /** The folder of the config that declares the cluster the file is in; undefined outside any. */
  cluster: string | undefined;
  /** The cluster's facts, from the config that declares it. */
  clusterConfig: BallastConfig | undefined;
}

export class ConfigResolver {
  private readonly nearest = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, Promise<ResolvedConfig>>();

  /**
   * `explicit`: a config named with `--config`, which then applies to every file (no cascade);
   * `cwd`: the working directory, whose config applies to standard input.
   */
  constructor(
    private readonly cwd: string,
    private readonly explicit?: string,
    private readonly options: ReadConfigOptions = {},
  ) {}

  /** The config file that applies to files in `directory`. */
  configFileFor(directory: string): string | undefined {
    if (this.explicit !== undefined) return resolve(this.cwd, this.explicit);
    let found = this.nearest.get(directory);
    if (!this.nearest.has(directory)) {
      found = findConfigFile(directory);
      this.nearest.set(directory, found);
    }
    return found;
  }

  load(path: string): Promise<ResolvedConfig> {
    let loading = this.loaded.get(path);
    if (!loading) {
      loading = readConfigChain(path, this.options);
      this.loaded.set(path, loading);
    }
    return loading;
  }

  /** The scope of a file given relative to the working directory (or `-`, standard input). */
  async scopeOf(file: string): Promise<FileScope> {
    const absolute = resolve(this.cwd, file === '-' ? '.' : file);
    const directory = file === '-' ? absolute : dirname(absolute);
    const path = this.configFileFor(directory);
    const loaded = path !== undefined ? await this.load(path) : undefined;
    const cluster = await this.clusterOf(directory);
    if (!loaded || path === undefined) return { key: '', configPath: undefined, config: undefined, plugins: [], cluster: cluster?.directory, clusterConfig: cluster?.config };
    const base = dirname(path);
    const matching = (loaded.config.overrides ?? []).flatMap((override, index) => (overrideApplies(override, base, absolute) ? [index] : []));
    const config = matching.length === 0 ? loaded.config : withOverrides(loaded.config, matching);
    return { key: `${path}\u0000${matching.join(',')}`, configPath: path, config, plugins: loaded.plugins, cluster: cluster?.directory, clusterConfig: cluster?.config };
  }

  /** The nearest config at or above `directory` that declares a cluster (with `--config`, that one if it does). */
  private async clusterOf(directory: string): Promise<{ directory: string; config: BallastConfig } | undefined> {
    for (let path = this.configFileFor(directory); path !== undefined;) {
      const { config, declaresCluster } = await this.load(path);
      if (declaresCluster) return { directory: dirname(path), config };
      if (this.explicit !== undefined) return undefined;
      const parent = dirname(dirname(path));
      if (parent === dirname(path)) return undefined;
      path = this.configFileFor(parent);
    }
    return undefined;
  }
}

function overrideApplies(override: ConfigOverride, base: string, file: string): boolean {
  const path = relative(base, file).split(sep).join('/');
  if (path.startsWith('../')) return false;
  const patterns = typeof override.files === 'string' ? [override.files] : override.files;
  return patterns.some((pattern) => globToRegExp(pattern).test(path));
}

/** The config with the matching overrides' rules laid over its own, in order. */
function withOverrides(config: BallastConfig, indexes: readonly number[]): BallastConfig {
  const rules = { ...config.rules };
  const exclude = [...(config.exclude ?? [])];
  for (const index of indexes) {
    const override = config.overrides?.[index];
    Object.assign(rules, override?.rules ?? {});
    exclude.push(...(override?.exclude ?? []));
  }
  return { ...config, rules, exclude };
}

/** `**` any folders, `*` any run of characters but `/`, `?` one; a pattern without `/` matches a name at any depth. */
export function globToRegExp(pattern: string): RegExp {
  const anchored = pattern.includes('/') ? pattern.replace(/^\.?\//, '') : `**/${pattern}`;
  let source = '';
  for (let index = 0; index < anchored.length; index++) {
    const char = anchored[index] ?? '';
    if (char === '*' && anchored[index + 1] === '*') {
      const slash = anchored[index + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      index += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}(?:/.*)?$`);
}
