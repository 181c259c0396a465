/**
 * The Node.js side of the library: finding, reading and configuring. Everything else in src/
 * is pure; this module is where files and the working directory come in.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BallastConfig } from './engine/config.js';
import { ConfigError } from './engine/config-error.js';
import { loadConfig } from './engine/config-loader.js';
import { lint, type LintInput, type LintOptions } from './engine/lint.js';
import { DEFAULT_LIMITS } from './parse/limits.js';
import type { AnyRule } from './engine/rule.js';
import type { LintResult } from './types.js';

export const CONFIG_FILE_NAMES = ['.ballast.yaml', '.ballast.yml', '.ballast.json'];

/** What a directory walk picks up: manifests, plus kubelet files known by name. */
export const WALK_PATTERNS: string[] = ['**/*.yaml', '**/*.yml', '**/*.json'];

/** A path that does not exist, a glob that matches nothing: the caller's mistake (exit 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The nearest config file from `cwd` upwards, if any. */
export function findConfigFile(cwd: string): string | undefined {
  let directory = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(directory, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

export interface LoadedConfig {
  config: BallastConfig;
  /** Rules from the config's `plugins`, loaded relative to the config file. */
  plugins: AnyRule[];
}

/** Reads, validates and resolves the plugins of a config file. */
export async function readConfigFile(path: string, extraRules: readonly AnyRule[] = []): Promise<LoadedConfig> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError('cannot read the config file', path);
  }
  const raw = await loadConfig(text, { path, rules: extraRules });
  const plugins = await loadPlugins(raw.plugins ?? [], dirname(resolve(path)));
  // Validate again now that the plugins' rule IDs and options are known.
  const config = plugins.length > 0 ? await loadConfig(text, { path, rules: [...extraRules, ...plugins] }) : raw;
  return { config, plugins };
}

/** A plugin module's default export (or `rules` export) is one rule or a list of rules. */
export async function loadPlugins(specifiers: readonly string[], baseDirectory: string): Promise<AnyRule[]> {
  const rules: AnyRule[] = [];
  for (const specifier of specifiers) {
    const target = specifier.startsWith('.') || isAbsolute(specifier) ? pathToFileURL(resolve(baseDirectory, specifier)).href : specifier;
    let module: { default?: unknown; rules?: unknown };
    try {
      module = (await import(target)) as { default?: unknown; rules?: unknown };
    } catch (error) {
      throw new ConfigError(`cannot load plugin "${specifier}": ${error instanceof Error ? error.message : String(error)}`, 'plugins');
    }
    const exported = module.rules ?? module.default;
    const list = Array.isArray(exported) ? exported : [exported];
    for (const rule of list) {
      if (!isRule(rule)) throw new ConfigError(`plugin "${specifier}" does not export rules ({ meta, check | checkObject })`, 'plugins');
      rules.push(rule);
    }
  }
  return rules;
}

function isRule(value: unknown): value is AnyRule {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Partial<AnyRule>;
  return typeof candidate.meta?.id === 'string' && (typeof candidate.check === 'function' || typeof candidate.checkObject === 'function');
}

export interface DiscoverOptions {
  cwd?: string;
  /** Globs (relative to cwd) of files to leave out of walks and glob matches. */
  ignore?: readonly string[];
}

/**
 * Expands paths, directories and globs into files, as paths relative to `cwd` (what findings
 * show). Explicit files are taken whatever their extension; directories are walked for
 * manifests respecting .gitignore. globby loads only when a walk or glob needs it.
 */
export async function discoverFiles(patterns: readonly string[], options: DiscoverOptions = {}): Promise<string[]> {
  const cwd = options.cwd ?? process.cwd();
  const files = new Set<string>();
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    const stats = statSync(absolute, { throwIfNoEntry: false });
    if (stats?.isFile()) {
      files.add(display(cwd, absolute));
      continue;
    }
    const { globby, isDynamicPattern } = await import('globby');
    if (stats?.isDirectory()) {
      const found = await globby(WALK_PATTERNS, { cwd: absolute, gitignore: true, dot: false, absolute: true, ignore: relativeIgnores(options.ignore, cwd, absolute) });
      for (const file of found.sort()) files.add(display(cwd, file));
      continue;
    }
    if (!isDynamicPattern(pattern)) throw new UsageError(`no such file or directory: ${pattern}`);
    const found = await globby(pattern, { cwd, gitignore: true, absolute: true, ignore: [...(options.ignore ?? [])] });
    if (found.length === 0) throw new UsageError(`no files match: ${pattern}`);
    for (const file of found.sort()) files.add(display(cwd, file));
  }
  return [...files];
}

/** Config `ignore` globs are relative to the cwd; a walk of a subdirectory needs them relative to it. */
function relativeIgnores(ignore: readonly string[] | undefined, cwd: string, directory: string): string[] {
  const prefix = relative(cwd, directory);
  if (!ignore || ignore.length === 0) return [];
  if (prefix === '') return [...ignore];
  return ignore.flatMap((glob) => (glob.startsWith('**/') ? [glob] : glob.startsWith(`${prefix}/`) ? [glob.slice(prefix.length + 1)] : []));
}

function display(cwd: string, absolute: string): string {
  const path = relative(cwd, absolute);
  return path === '' || path.startsWith('..') ? absolute : path;
}

/** Reads files as bytes (the library checks the encoding); over-size files are not read. */
export function readInputs(paths: readonly string[], cwd: string = process.cwd(), maxFileBytes = DEFAULT_LIMITS.maxFileBytes): LintInput[] {
  return paths.map((path): LintInput => {
    const absolute = resolve(cwd, path);
    const size = statSync(absolute).size;
    if (size > maxFileBytes) return { path, size };
    return { path, bytes: readFileSync(absolute) };
  });
}

/** Finds, reads and lints files for Node callers: `await lintFiles(['k8s/'])`. */
export async function lintFiles(patterns: readonly string[], options: LintOptions & DiscoverOptions = {}): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd();
  const paths = await discoverFiles(patterns, { cwd, ignore: options.ignore ?? options.config?.ignore ?? [] });
  return lint(readInputs(paths, cwd, options.limits?.maxFileBytes), options);
}
