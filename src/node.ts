/**
 * The Node.js side of the library: finding, reading and configuring. Everything else in src/
 * is pure; this module is where files and the working directory come in.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BallastConfig } from './engine/config.js';
import { ConfigError } from './engine/config-error.js';
import { loadConfig } from './engine/config-loader.js';
import { lintParsed, type LintOptions } from './engine/lint.js';
import { DEFAULT_LIMITS, type InputLimits } from './parse/limits.js';
import { parseBytes, parseText, tooLarge } from './parse/index.js';
import type { ParsedFile } from './parse/source.js';
import { fromWire, toWire, transferablesOf, type WireFile } from './parse/wire.js';
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

/** Below this many files a thread pool costs more to start than it saves. */
const PARALLEL_MIN_FILES = 48;

/**
 * Reads and parses files, spreading the work over worker threads when there are enough of
 * them: parsing is most of the cost of a run, and rules need every file parsed before the
 * cross-document ones can start. A few files are parsed here, with no pool to pay for.
 */
export async function parseFiles(paths: readonly string[], cwd: string = process.cwd(), limits: Partial<InputLimits> = {}): Promise<ParsedFile[]> {
  const effective: InputLimits = { ...DEFAULT_LIMITS, ...limits };
  const threads = Math.min(availableParallelism(), Math.floor(paths.length / (PARALLEL_MIN_FILES / 2)));
  if (threads < 2) return paths.map((path) => parseOne(path, resolve(cwd, path), effective));

  // Deal files round-robin by size so that each thread gets a similar amount of text.
  const sized = paths.map((path, order) => ({ path, absolute: resolve(cwd, path), order, size: statSync(resolve(cwd, path)).size }));
  const shares: (typeof sized)[] = Array.from({ length: threads }, () => []);
  [...sized].sort((a, b) => b.size - a.size).forEach((file, index) => shares[index % threads]?.push(file));
  const results = await Promise.all(shares.map((files) => runWorker(files, effective)));
  const byPath = new Map<string, WireFile>();
  for (const wire of results.flat()) byPath.set(wire.path, wire);
  return paths.map((path) => {
    const wire = byPath.get(path);
    if (!wire) throw new Error(`worker returned no result for ${path}`);
    return wire.reparse ? parseText(wire.path, wire.text, effective) : fromWire(wire);
  });
}

function parseOne(path: string, absolute: string, limits: InputLimits): ParsedFile {
  const size = statSync(absolute).size;
  return size > limits.maxFileBytes ? tooLarge(path, size, limits) : parseBytes(path, readFileSync(absolute), limits);
}

interface ParseJob {
  ballastParseJob: true;
  files: { path: string; absolute: string }[];
  limits: InputLimits;
}

/** This module is also the workers' entry point, so that only it and bin/ do I/O. */
function runWorker(files: readonly { path: string; absolute: string }[], limits: InputLimits): Promise<WireFile[]> {
  return new Promise((done, fail) => {
    const received: WireFile[] = [];
    const job: ParseJob = { ballastParseJob: true, files: files.map(({ path, absolute }) => ({ path, absolute })), limits };
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    worker.on('message', (batch: WireFile[]) => received.push(...batch));
    worker.on('error', fail);
    worker.on('exit', (code) => (code === 0 ? done(received) : fail(new Error(`parse worker exited with code ${code}`))));
  });
}

/** Finds, reads and lints files for Node callers: `await lintFiles(['k8s/'])`. */
export async function lintFiles(patterns: readonly string[], options: LintOptions & DiscoverOptions = {}): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd();
  const paths = await discoverFiles(patterns, { cwd, ignore: options.ignore ?? options.config?.ignore ?? [] });
  return lintParsed(await parseFiles(paths, cwd, options.limits), options);
}

const PARSE_BATCH = 64;

/** Worker side: parse this thread's share of files and post them back in batches. */
function runParseJob(job: ParseJob): void {
  let batch: WireFile[] = [];
  const flush = (): void => {
    parentPort?.postMessage(batch, transferablesOf(batch));
    batch = [];
  };
  for (const { path, absolute } of job.files) {
    batch.push(toWire(parseOne(path, absolute, job.limits)));
    if (batch.length === PARSE_BATCH) flush();
  }
  flush();
}

if (!isMainThread && (workerData as Partial<ParseJob> | null)?.ballastParseJob) runParseJob(workerData as ParseJob);
