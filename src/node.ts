/**
 * The Node.js side of the library: finding, reading and configuring. Everything else in src/
 * is pure; this module is where files and the working directory come in.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Dirent } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BallastConfig } from './engine/config.js';
import { ConfigError } from './engine/config-error.js';
import { loadConfig } from './engine/config-loader.js';
import { Linter, type LintOptions } from './engine/lint.js';
import { DEFAULT_LIMITS, type InputLimits } from './parse/limits.js';
import { parseText } from './parse/index.js';
import type { ParsedFile } from './parse/source.js';
import { fromWire } from './parse/wire.js';
import { claimFiles, readAndParse, type ParseJob, type SizedFile, type WorkerBatch } from './node-parse-worker.js';

export type { SizedFile } from './node-parse-worker.js';
import type { AnyRule } from './engine/rule.js';
import type { FileSkipReason, LintResult } from './types.js';

export const CONFIG_FILE_NAMES = ['.ballast.yaml', '.ballast.yml', '.ballast.json'];

/** What a directory walk picks up: manifests, plus kubelet files known by name. */
export const WALK_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json'];

/**
 * Kubelet flags and drop-ins, by the names kubeadm, systemd and distributions give them, as
 * `parent/name` suffixes (`*` for any name ending in the rest); a looser pattern (any *.env or
 * *.conf) would pull in unrelated files.
 */
export const WALK_KUBELET_FILES: readonly string[] = [
  'kubeadm-flags.env',
  'kubelet.service',
  'kubelet.service.d/*.conf',
  'kubelet.conf.d/*.conf',
  'default/kubelet',
  'sysconfig/kubelet',
  'kubernetes/kubelet',
  'kubelet.env',
];

/** Whether a directory walk takes this file: a manifest by extension, or a kubelet file by name. */
export function isWalkedFile(path: string): boolean {
  const name = basename(path);
  if (WALK_EXTENSIONS.includes(extname(name))) return true;
  const parent = basename(dirname(path));
  return WALK_KUBELET_FILES.some((pattern) => {
    const [first = '', second] = pattern.split('/');
    if (second === undefined) return name === first;
    if (parent !== first) return false;
    return second.startsWith('*') ? name.endsWith(second.slice(1)) : name === second;
  });
}

/** A path that does not exist, a glob that matches nothing: the caller's mistake (exit 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * The nearest config file from `cwd` upwards, if any, up to the repository root (the folder
 * holding `.git`): a config above it belongs to someone else, and its plugins would run code the
 * repository never chose. Outside any repository the search goes up to the filesystem root.
 */
export function findConfigFile(cwd: string): string | undefined {
  let directory = resolve(cwd);
  const top = repositoryRoot(directory);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(directory, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(directory);
    if (parent === directory || directory === top) return undefined;
    directory = parent;
  }
}

export interface LoadedConfig {
  config: BallastConfig;
  /** Rules from the config's `plugins`, loaded relative to the config file. */
  plugins: AnyRule[];
}

export interface ReadConfigOptions {
  /**
   * Load the config's `plugins` (default true). A config with plugins is code: the command line
   * loads them only for commands that lint, never to list or explain rules.
   */
  plugins?: boolean;
  /**
   * `false` (the GitHub Action's default: the config may come from the pull request): a config
   * that lists plugins is refused rather than run, or read without them and then failing on their rules.
   */
  allowPlugins?: boolean;
}

/**
 * Reads and validates a config file, then loads its plugins: only once the config is valid,
 * and only from files inside the config's repository or from installed packages.
 */
export async function readConfigFile(path: string, extraRules: readonly AnyRule[] = [], options: ReadConfigOptions = {}): Promise<LoadedConfig> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError('cannot read the config file', path);
  }
  // Validated before any plugin loads; rule IDs only a plugin defines are checked once it has.
  const unchecked = await loadConfig(text, { path, rules: extraRules, pluginsPending: true });
  const specifiers = unchecked.plugins ?? [];
  if (options.allowPlugins === false && specifiers.length > 0) {
    throw new ConfigError(`lists plugins (${specifiers.join(', ')}): they are code from the repository, and were not allowed to load (the GitHub Action loads them with \`allow-plugins: true\`)`, path);
  }
  if (specifiers.length === 0 || options.plugins === false) {
    const config = specifiers.length === 0 ? await loadConfig(text, { path, rules: extraRules }) : unchecked;
    return { config, plugins: [] };
  }
  const plugins = await loadPlugins(specifiers, dirname(resolve(path)));
  const config = await loadConfig(text, { path, rules: [...extraRules, ...plugins] });
  return { config, plugins };
}

/**
 * A plugin module's default export (or `rules` export) is one rule or a list of rules. A
 * specifier is a path (relative to `baseDirectory`) to a file inside the repository that holds
 * `baseDirectory` (the folder itself outside any repository), symlinks resolved; or the name of
 * an installed package. URLs (`data:`, `http:`, `file:`...) are refused: a pull request that
 * changes the config must not be able to run code from anywhere else.
 */
export async function loadPlugins(specifiers: readonly string[], baseDirectory: string): Promise<AnyRule[]> {
  const rules: AnyRule[] = [];
  for (const specifier of specifiers) {
    const target = pluginTarget(specifier, baseDirectory);
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

/** An npm package name, optionally with a path into the package (`@team/rules`, `rules/extra.js`). */
const PACKAGE_SPECIFIER = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w./-]+)?$/i;

/** What to import for a plugin specifier, or a ConfigError saying why it may not be loaded. */
function pluginTarget(specifier: string, baseDirectory: string): string {
  if (specifier.startsWith('.') || isAbsolute(specifier)) {
    const boundary = realpathOrSelf(repositoryRoot(resolve(baseDirectory)) ?? resolve(baseDirectory));
    let real: string;
    try {
      real = realpathSync(resolve(baseDirectory, specifier));
    } catch {
      throw new ConfigError(`cannot load plugin "${specifier}": no such file`, 'plugins');
    }
    if (!isInside(real, boundary)) throw new ConfigError(`plugin "${specifier}" is outside the repository (${boundary}); plugins load only from the repository or installed packages`, 'plugins');
    return pathToFileURL(real).href;
  }
  if (!PACKAGE_SPECIFIER.test(specifier) || specifier.includes('..')) {
    throw new ConfigError(`plugin "${specifier}" is neither a file in the repository nor an installed package name (URLs such as data: or https: are refused)`, 'plugins');
  }
  return specifier;
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Whether `path` is `root` or below it (both absolute, symlinks resolved). */
export function isInside(path: string, root: string): boolean {
  const rest = relative(root, path);
  return rest === '' || (rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest));
}

function isRule(value: unknown): value is AnyRule {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Partial<AnyRule>;
  return typeof candidate.meta?.id === 'string' && (typeof candidate.check === 'function' || typeof candidate.checkObject === 'function');
}

export interface DiscoverOptions {
  cwd?: string;
  /** Globs of files to leave out, whether walked, matched or named (the config's `ignore`). */
  ignore?: readonly string[];
  /** The directory `ignore` globs are relative to: the config file's (default: cwd). */
  ignoreBase?: string;
  /**
   * A file or folder left out for safety (a symlink out of the walked folder, a looping link,
   * a device or pipe, a /proc, /sys or /dev target); the walk goes on without it.
   */
  onSkip?: (path: string, reason: string) => void;
  /** Filled with how many files were left out, by reason, for a run to say why it lints nothing. */
  leftOut?: LeftOut;
}

/**
 * Files a discovery left out, by reason: excluded by a .gitignore (`gitignore`) or the config's
 * `ignore` (`ignore`), hidden (a dot file or folder, `hidden`; `.git` itself is not counted),
 * refused for safety (`unsafe`: a symlink out, a device, a /proc target), and, counted only when
 * nothing was found, files of a walk that are not YAML, JSON or a kubelet file (`not-manifest`).
 */
export type LeftOut = Partial<Record<FileSkipReason, number>>;

function countLeftOut(leftOut: LeftOut | undefined, reason: keyof LeftOut, count = 1): void {
  if (leftOut && count > 0) leftOut[reason] = (leftOut[reason] ?? 0) + count;
}

/** Kernel and device trees: a regular-looking file there may be endless (/proc/self/pagemap reports size 0). */
const SPECIAL_TREES = ['/proc', '/sys', '/dev'];

function isSpecialTarget(real: string): boolean {
  return SPECIAL_TREES.some((tree) => isInside(real, tree));
}

/**
 * Expands paths, directories and globs into files, as paths relative to `cwd` (what findings
 * show). Explicit files are taken whatever their extension; directories are walked for
 * manifests respecting .gitignore. globby loads only when a walk or glob needs it.
 */
export async function discoverFiles(patterns: readonly string[], options: DiscoverOptions = {}): Promise<string[]> {
  const cwd = options.cwd ?? process.cwd();
  const found = new Set<string>();
  const notManifests: (() => number)[] = [];
  const skip = (path: string, reason: string): void => {
    countLeftOut(options.leftOut, 'unsafe');
    options.onSkip?.(display(cwd, path), reason);
  };
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(absolute, { throwIfNoEntry: false });
    } catch (error) {
      skip(absolute, `cannot follow it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      continue;
    }
    if (stats?.isFile()) {
      // Named explicitly, a file is linted whatever .gitignore says; a symlink the repository holds may still not lead out of it.
      const refusal = namedFileRefusal(absolute, cwd);
      if (refusal) skip(absolute, refusal);
      else found.add(absolute);
      continue;
    }
    if (stats?.isDirectory()) {
      const walk = await walkDirectory(absolute, skip, options.leftOut);
      for (const file of walk.files) found.add(file);
      notManifests.push(walk.notManifests);
      continue;
    }
    if (stats) {
      skip(absolute, 'not a regular file');
      continue;
    }
    if (pattern.includes('\uFFFD')) {
      // A name that is not valid UTF-8 (a hook passes staged names as they are) arrives with U+FFFD
      // and cannot be opened under it: reading it reports a finding instead of ending the run.
      found.add(absolute);
      continue;
    }
    const { globby, isDynamicPattern } = await import('globby');
    if (!isDynamicPattern(pattern)) throw new UsageError(`no such file or directory: ${pattern}`);
    const matched = await globby(pattern, { cwd, gitignore: true, absolute: true });
    if (matched.length === 0) throw new UsageError(`no files match: ${pattern}`);
    for (const file of matched) found.add(file);
  }
  const kept = await withoutIgnored([...found], options.ignore ?? [], options.ignoreBase ?? cwd);
  countLeftOut(options.leftOut, 'ignore', found.size - kept.length);
  // Matching every other file against .gitignore costs as much as the walk: done only for a run that finds nothing.
  if (kept.length === 0) for (const count of notManifests) countLeftOut(options.leftOut, 'not-manifest', count());
  return kept.sort().map((file) => display(cwd, file));
}

/**
 * The files a directory walk takes (see `isWalkedFile`), skipping dot files and folders and what
 * .gitignore files exclude. Walked with readdir rather than globby: on a tree of 2,000 manifests
 * this takes ~15 ms against ~200 ms, a noticeable part of a run. globby's gitignore matcher is
 * loaded only when a .gitignore applies (in the tree or above it).
 */
async function walkDirectory(root: string, skip: (path: string, reason: string) => void, leftOut: LeftOut | undefined): Promise<{ files: string[]; notManifests: () => number }> {
  const files: string[] = [];
  let gitignores = hasGitignoreAbove(root);
  const seen = new Set<string>();
  /** Files the walk does not take for their name (counted only for a run that finds nothing). */
  const others: string[] = [];
  // The walk stays inside the folder it was given: a symlink in a pull request could otherwise
  // bring any readable file of the runner into findings and SARIF.
  const boundary = realpathOrSelf(root);
  const visit = (directory: string): void => {
    let real: string;
    let entries: Dirent[];
    try {
      real = realpathSync(directory);
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      skip(directory, `cannot read the folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      return;
    }
    if (seen.has(real)) return; // a symlink cycle
    seen.add(real);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) {
        if (entry.name === '.gitignore') gitignores = true;
        else if (entry.name !== '.git') countLeftOut(leftOut, 'hidden');
        continue;
      }
      const path = join(directory, entry.name);
      let stats: Pick<Dirent, 'isDirectory' | 'isFile'> = entry;
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(path);
          stats = statSync(target);
        } catch (error) {
          skip(path, `a symlink that cannot be followed (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
          continue;
        }
        if (!isInside(target, boundary)) {
          if (stats.isDirectory() || isWalkedFile(path)) skip(path, `a symlink out of the walked folder (to ${target})`);
          continue;
        }
      }
      if (stats.isDirectory()) visit(path);
      else if (!isWalkedFile(path)) others.push(path);
      else if (stats.isFile()) files.push(path);
      else skip(path, 'not a regular file');
    }
  };
  visit(root);
  if (!gitignores) return { files, notManifests: () => others.length };
  // From the repository root, so that the .gitignore files above the walked folder apply too.
  const { isGitIgnoredSync } = await import('globby');
  const ignored = isGitIgnoredSync({ cwd: repositoryRoot(root) ?? root });
  const kept = files.filter((file) => !ignored(file));
  countLeftOut(leftOut, 'gitignore', files.length - kept.length);
  return { files: kept, notManifests: () => others.filter((file) => !ignored(file)).length };
}

/**
 * Why a file named on the command line is not read, if it is not: a kernel or device file, or a
 * symlink inside the repository (or working folder) that leads out of it, such as one a pull
 * request adds among the files a hook passes.
 */
function namedFileRefusal(absolute: string, cwd: string): string | undefined {
  const real = realpathOrSelf(absolute);
  if (isSpecialTarget(real)) return `a kernel or device file (${real})`;
  if (real === absolute) return undefined;
  const boundary = realpathOrSelf(repositoryRoot(resolve(cwd)) ?? resolve(cwd));
  const linkInside = isInside(realpathOrSelf(dirname(absolute)), boundary);
  return linkInside && !isInside(real, boundary) ? `a symlink out of the repository (to ${real})` : undefined;
}

/** Whether a .gitignore in a folder above `directory` (up to the repository root) may apply. */
function hasGitignoreAbove(directory: string): boolean {
  const top = repositoryRoot(directory);
  if (top === undefined || top === directory) return false;
  for (let current = dirname(directory); ; current = dirname(current)) {
    if (existsSync(join(current, '.gitignore'))) return true;
    if (current === top) return false;
  }
}

/** The nearest folder at or above `directory` that holds `.git`. */
function repositoryRoot(directory: string): string | undefined {
  for (let current = directory; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}

/**
 * Drops the files that the config's `ignore` globs match, relative to the config's directory.
 * Named files are dropped too: a pre-commit hook passes every staged file by name, templates
 * included, and `ignore` is where users say which ones are not manifests.
 */
export async function withoutIgnored(files: readonly string[], ignore: readonly string[], base: string): Promise<string[]> {
  if (ignore.length === 0) return [...files];
  const { globby, convertPathToPattern } = await import('globby');
  const inside = files.filter((file) => !relative(base, file).startsWith('..'));
  const candidates = inside.map((file) => convertPathToPattern(relative(base, file)));
  const survivors = new Set((await globby(candidates, { cwd: base, ignore: [...ignore], dot: true, absolute: true })).map((file) => resolve(file)));
  return files.filter((file) => relative(base, file).startsWith('..') || survivors.has(file));
}

function display(cwd: string, absolute: string): string {
  const path = relative(cwd, absolute);
  return path === '' || path.startsWith('..') ? absolute : path;
}

/**
 * Below this much text, parsing on another thread saves less than starting it costs (measured
 * on two cores: even at 4 MB, 11% faster at 11 MB; a pre-commit run on a few files never starts one).
 */
const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;

export interface StreamOptions {
  cwd?: string;
  limits?: Partial<InputLimits>;
  /** Threads to use, this one included; `auto` (default) by the amount of text and the cores. */
  threads?: number | 'auto';
}

/**
 * Reads and parses files and hands them to `sink` in batches, in no fixed order. A large run
 * reads and parses on worker threads while this thread takes in what they send (the checks
 * that `sink` runs cost more than parsing, so this thread does those); a few files are parsed
 * here, with no thread to pay for.
 */
export async function streamFiles(paths: readonly (string | SizedFile)[], sink: (files: ParsedFile[]) => void, options: StreamOptions = {}): Promise<void> {
  const cwd = options.cwd ?? process.cwd();
  const effective: InputLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const sized = paths.map((entry) => (typeof entry === 'string' ? sizeFile(entry, cwd) : entry));
  const total = sized.reduce((sum, file) => sum + file.size, 0);
  const wanted = options.threads === undefined || options.threads === 'auto' ? (total >= PARALLEL_MIN_BYTES ? availableParallelism() : 1) : options.threads;
  // Run from TypeScript sources (tests), the worker module cannot be started.
  const workers = import.meta.url.endsWith('.js') ? Math.min(wanted - 1, paths.length) : 0;
  // A file that cannot be read (removed since it was found, a folder's permissions) comes as a `parse-error` finding; the run goes on.
  const parseHere = (files: readonly SizedFile[]): ParsedFile[] => files.flatMap((file) => readAndParse(file, effective));
  if (workers < 1) {
    sink(parseHere(sized));
    return;
  }
  let received = false;
  const receive = (batch: WorkerBatch): void => {
    received = true;
    sink(batch.files.map((wire) => (wire.reparse ? parseText(wire.path, wire.text, effective) : fromWire(wire))));
  };
  const job: ParseJob = { ballastParseJob: true, files: sized, limits: effective, cursor: new SharedArrayBuffer(4) };
  const running = Promise.all(Array.from({ length: workers }, () => runWorker(job, receive)));
  // This thread parses too whenever nothing has come in to check: while the workers start, and
  // whenever they fall behind. What they send is taken in between (setImmediate lets it in).
  const cursor = new Int32Array(job.cursor);
  for (;;) {
    await new Promise((resolve) => setImmediate(resolve));
    if (received) {
      received = false;
      continue;
    }
    const share = claimFiles(sized, cursor, LOCAL_SHARE_BYTES);
    if (share.length === 0) break;
    sink(parseHere(share));
  }
  await running;
}

/** This thread takes small shares: it has the checks to run as soon as batches come in. */
const LOCAL_SHARE_BYTES = 64 * 1024;

/**
 * Each path with its size, from one stat that both the decision to start threads and the size
 * limit use. A file gone since it was found keeps size 0; reading it then reports it as unreadable.
 */
export function sizeFiles(paths: readonly string[], cwd: string = process.cwd()): SizedFile[] {
  return paths.map((path) => sizeFile(path, cwd));
}

function sizeFile(path: string, cwd: string): SizedFile {
  const absolute = resolve(cwd, path);
  return { path, absolute, size: statSync(absolute, { throwIfNoEntry: false })?.size ?? 0 };
}

/** All files parsed, in the order of `paths`. */
export async function parseFiles(paths: readonly string[], cwd: string = process.cwd(), limits: Partial<InputLimits> = {}): Promise<ParsedFile[]> {
  const byPath = new Map<string, ParsedFile>();
  await streamFiles(paths, (files) => files.forEach((file) => byPath.set(file.file.path, file)), { cwd, limits });
  return paths.flatMap((path) => byPath.get(path) ?? []);
}

/**
 * Reads, parses and lints `paths` into `linter`, parsing on worker threads when there are many;
 * with `context`, the files only inform cross-document rules (see `Linter.addContext`).
 */
export async function lintInto(linter: Linter, paths: readonly (string | SizedFile)[], options: StreamOptions & { context?: boolean } = {}): Promise<void> {
  await streamFiles(paths, (files) => (options.context ? linter.addContext(files) : linter.add(files)), options);
}

/**
 * The other manifests of the directories the given files are in (what a walk of each directory,
 * not its subdirectories, would take), as paths in the same form. A pre-commit hook passes only
 * the staged files: rules that conclude something is missing (no PodDisruptionBudget, no
 * autoscaler, no pods for a Service) must see what sits beside them before they say so.
 */
export function neighbourFiles(files: readonly string[], cwd: string = process.cwd()): string[] {
  const given = new Set(files.map((file) => resolve(cwd, file)));
  const neighbours = new Set<string>();
  for (const directory of new Set([...given].map((file) => dirname(file)))) {
    let entries: Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isFile() && !entry.name.startsWith('.') && isWalkedFile(path) && !given.has(path)) neighbours.add(path);
    }
  }
  return [...neighbours].sort().map((file) => display(cwd, file));
}

/** Each worker takes files from the job's shared cursor until none are left. */
function runWorker(job: ParseJob, receive: (batch: WorkerBatch) => void): Promise<void> {
  return new Promise((done, fail) => {
    const worker = new Worker(new URL('./node-parse-worker.js', import.meta.url), { workerData: job });
    worker.on('message', receive);
    worker.on('error', fail);
    worker.on('exit', (code) => (code === 0 ? done() : fail(new Error(`parse worker exited with code ${code}`))));
  });
}

/** Finds, reads and lints files for Node callers: `await lintFiles(['k8s/'])`. */
export async function lintFiles(patterns: readonly string[], options: LintOptions & DiscoverOptions = {}): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd();
  const paths = await discoverFiles(patterns, { cwd, ignore: options.ignore ?? options.config?.ignore ?? [], ...(options.ignoreBase ? { ignoreBase: options.ignoreBase } : {}) });
  const linter = new Linter(options);
  await lintInto(linter, paths, { ...options, cwd });
  return linter.finish();
}

/**
 * Writes an output file (SARIF, a report) as a new file renamed over `path`. In CI the
 * directory is the checked-out pull request: a symlink planted at `path` is replaced by the
 * file, never followed to overwrite whatever it points at. The new file is created exclusively
 * (`wx`), so a symlink raced in under its random name is refused too.
 */
export function writeFileSafely(path: string, contents: string | Uint8Array | Iterable<string>): void {
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const descriptor = openSync(temporary, 'wx', 0o644);
  try {
    try {
      // writeFileSync on a descriptor writes at its position and loops over partial writes.
      const chunks = typeof contents === 'string' || contents instanceof Uint8Array ? [contents] : contents;
      for (const chunk of chunks) writeFileSync(descriptor, chunk);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
