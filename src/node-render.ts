/**
 * Rendering for the Node layer: Kustomize overlays through `kustomize build` or `kubectl
 * kustomize`, Helm charts through `helm template`, when those are on PATH. The rendered output
 * is linted in place of the bases, patches and templates it was made from, and findings are
 * moved back to the files a user edits (see render/attribute.ts).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml, parseAllDocuments, type Document } from 'yaml';
import type { Finding, LintResult, Position, RelatedLocation } from './types.js';
import { compareFindings } from './engine/collector.js';
import { parseText } from './parse/index.js';
import type { InputLimits } from './parse/limits.js';
import { SourceFile, type InputProblem, type ParsedFile } from './parse/source.js';
import { locateIn, locateInJsonPatch, pathAt, SourceDocuments, type SourceSpot } from './render/attribute.js';
import { parseSplitting } from './render/helm-stream.js';
import { LineIndex } from './parse/lines.js';

export const KUSTOMIZATION_NAMES: readonly string[] = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export interface RenderOptions {
  cwd: string;
  limits: InputLimits;
  /** Values files for `helm template`, relative to `cwd` (the config's `render.helmValues`). */
  helmValues?: readonly string[];
  /** Where to say, once, that a renderer is missing. */
  note?: (message: string) => void;
  /** The PATH to look for renderers on (default: the process's). */
  path?: string;
}

export interface Rendering {
  /** The files still to lint as they are. */
  files: string[];
  /** Rendered output, and notes on what could not be rendered. */
  parsed: ParsedFile[];
  /** Moves findings on rendered output to the bases, patches and templates they come from. */
  attribute(result: LintResult): LintResult;
}

/**
 * Renders the Kustomize overlays (roots no other kustomization of the run refers to) and Helm
 * charts among `files` (paths relative to `cwd`). What an overlay refers to, and every file of a
 * chart, is then linted only through the render.
 */
export function renderInputs(files: readonly string[], options: RenderOptions): Rendering {
  const { cwd } = options;
  const absolute = new Map(files.map((file) => [resolve(cwd, file), file]));
  const skip = new Set<string>();
  const parsed: ParsedFile[] = [];
  const overlays = new Map<string, RenderedOverlay>();
  const display = (path: string): string => {
    const shown = relative(cwd, path);
    return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? path : shown;
  };

  const charts = topmost([...absolute.keys()].filter((file) => basename(file) === 'Chart.yaml').map(dirname));
  if (charts.length > 0) {
    const helm = findExecutable('helm', options.path);
    for (const chart of charts) {
      for (const file of absolute.keys()) if (inside(file, chart)) skip.add(file);
      parsed.push(...renderChart(chart, helm, display, options));
    }
  }

  const roots = new Map<string, Kustomization>();
  for (const file of absolute.keys()) {
    if (skip.has(file) || !KUSTOMIZATION_NAMES.includes(basename(file))) continue;
    const kustomization = readKustomization(dirname(file));
    if (kustomization) roots.set(kustomization.dir, kustomization);
  }
  if (roots.size > 0) {
    const binary = findKustomize(options.path);
    if (!binary) {
      options.note?.('no kustomize or kubectl on PATH: Kustomize overlays are not rendered; bases are linted as plain manifests and patches are skipped');
    } else {
      const referenced = new Set<string>();
      for (const root of roots.values()) for (const dir of root.roots) referenced.add(dir);
      for (const root of roots.values()) {
        // A Component cannot be built on its own; it is linted through the overlays that use it.
        if (referenced.has(root.dir) || root.kind === 'Component') continue;
        for (const file of closure(root)) skip.add(file);
        const result = renderOverlay(root, binary, display(root.file), options);
        if ('failure' in result) parsed.push(result.failure);
        else {
          parsed.push(result.parsed);
          overlays.set(result.parsed.file.path, result);
        }
      }
    }
  }

  return {
    files: files.filter((file) => !skip.has(resolve(cwd, file))),
    parsed,
    attribute: (result) => (overlays.size === 0 ? result : attributeFindings(result, overlays, display)),
  };
}

interface Kustomization {
  dir: string;
  file: string;
  kind: string | undefined;
  /** Directories with a kustomization that this one builds on (resources, bases, components). */
  roots: string[];
  /** Files it reads: resources, patches, generator inputs. */
  files: string[];
  patches: PatchReference[];
}

interface PatchReference {
  file: string;
  target?: { kind?: string; name?: string };
}

function readKustomization(dir: string): Kustomization | undefined {
  const name = KUSTOMIZATION_NAMES.find((candidate) => existsSync(join(dir, candidate)));
  if (!name) return undefined;
  const file = join(dir, name);
  let value: unknown;
  try {
    value = parseYaml(readFileSync(file, 'utf8'), { logLevel: 'silent' });
  } catch {
    value = undefined;
  }
  const spec = isObject(value) ? value : {};
  const kustomization: Kustomization = { dir, file, kind: typeof spec['kind'] === 'string' ? spec['kind'] : undefined, roots: [], files: [], patches: [] };
  const local = (entry: unknown): string | undefined => (typeof entry === 'string' && !entry.includes('\n') && !/^[a-z]+:\/\/|^git@|^github\.com\//.test(entry) ? resolve(dir, entry) : undefined);
  const take = (entry: unknown): void => {
    const path = local(entry);
    if (path === undefined) return;
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) kustomization.roots.push(path);
    else kustomization.files.push(path);
  };
  for (const key of ['resources', 'bases', 'components', 'crds', 'configurations', 'transformers', 'generators', 'validators']) list(spec[key]).forEach(take);
  for (const entry of list(spec['patchesStrategicMerge'])) {
    const path = local(entry);
    if (path !== undefined) kustomization.patches.push({ file: path });
  }
  for (const entry of [...list(spec['patches']), ...list(spec['patchesJson6902'])]) {
    const path = isObject(entry) ? local(entry['path']) : undefined;
    if (path === undefined || !isObject(entry)) continue;
    const target = isObject(entry['target']) ? entry['target'] : undefined;
    kustomization.patches.push({
      file: path,
      ...(target ? { target: { ...(typeof target['kind'] === 'string' ? { kind: target['kind'] } : {}), ...(typeof target['name'] === 'string' ? { name: target['name'] } : {}) } } : {}),
    });
  }
  for (const generator of [...list(spec['configMapGenerator']), ...list(spec['secretGenerator'])]) {
    if (!isObject(generator)) continue;
    for (const entry of [...list(generator['files']), ...list(generator['envs']), generator['env']]) {
      if (typeof entry === 'string') take(entry.slice(entry.indexOf('=') + 1));
    }
  }
  for (const entry of list(spec['replacements'])) if (isObject(entry)) take(entry['path']);
  if (isObject(spec['openapi'])) take(spec['openapi']['path']);
  for (const patch of kustomization.patches) kustomization.files.push(patch.file);
  return kustomization;
}

/** Every file an overlay reads, its own kustomization and those it builds on included. */
function closure(root: Kustomization): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (kustomization: Kustomization): void => {
    if (seen.has(kustomization.dir)) return;
    seen.add(kustomization.dir);
    files.add(kustomization.file);
    for (const file of kustomization.files) files.add(file);
    for (const dir of kustomization.roots) {
      const inner = readKustomization(dir);
      if (inner) visit(inner);
    }
  };
  visit(root);
  return files;
}

interface RenderedOverlay {
  parsed: ParsedFile;
  /** The rendered text's documents, for the path at a finding's position. */
  documents: Document.Parsed[];
  lines: LineIndex;
  /** The directory the build ran from: origin paths are relative to it. */
  buildDir: string;
  sources: Map<string, SourceDocuments | null>;
}

/**
 * Builds the overlay through a kustomization of our own in a temporary directory that refers to it
 * and asks for origin annotations, so that the user's files are neither changed nor needed to ask.
 */
function renderOverlay(root: Kustomization, binary: string[], shownPath: string, options: RenderOptions): RenderedOverlay | { failure: ParsedFile } {
  const buildDir = mkdtempSync(join(tmpdir(), 'ballast-kustomize-'));
  try {
    writeFileSync(join(buildDir, 'kustomization.yaml'), `resources:\n  - ${JSON.stringify(relative(buildDir, root.dir).split(sep).join('/'))}\nbuildMetadata: [originAnnotations, transformerAnnotations]\n`);
    // Options end at `--` wherever ballast builds a command line (the build directory is its own, but the habit is the guard).
    const run = spawnSync(binary[0] ?? '', [...binary.slice(1), '--', buildDir], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, timeout: 120_000 });
    if (run.status !== 0 || run.error) {
      const detail = run.error ? run.error.message : kustomizeMessage(run.stderr, root.dir);
      return { failure: note(shownPath, readText(root.file), { ruleId: 'not-rendered', messageId: 'failed', data: { tool: basename(binary[0] ?? 'kustomize'), what: 'overlay', detail }, range: [0, 0], document: 0 }) };
    }
    const parsed = parseText(shownPath, run.stdout, { ...options.limits, maxFileBytes: Math.max(options.limits.maxFileBytes, run.stdout.length) });
    const documents = parseAllDocuments(run.stdout, { prettyErrors: false }) as Document.Parsed[];
    return { parsed, documents: Array.isArray(documents) ? documents : [documents], lines: new LineIndex(run.stdout), buildDir, sources: new Map() };
  } finally {
    rmSync(buildDir, { recursive: true, force: true });
  }
}

/**
 * kubectl wraps kustomize's error in a log line, and the error starts with the build of our own
 * kustomization; the user needs the rest, with paths relative to their overlay.
 */
function kustomizeMessage(stderr: string, overlay: string): string {
  const quoted = /err="((?:[^"\\]|\\.)*)"/.exec(stderr);
  let text = (quoted ? quoted[1]?.replace(/\\"/g, '"') : stderr.replace(/^Error: /m, '')) ?? stderr;
  const recursed = `recursed accumulation of path '${overlay}': `;
  if (text.includes(recursed)) text = text.slice(text.indexOf(recursed) + recursed.length);
  const message = text
    .split(overlay + sep)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return message.length > 500 ? `${message.slice(0, 500)}…` : message || 'it exited with an error';
}

/** What helm accepts as a release name (pkg/chartutil ValidateReleaseName: DNS labels, at most 53 characters). */
const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function renderChart(chart: string, helm: string | undefined, display: (path: string) => string, options: RenderOptions): ParsedFile[] {
  const chartFile = join(chart, 'Chart.yaml');
  const text = readText(chartFile);
  const chartSpec = safeParse(text);
  const name = isObject(chartSpec) && typeof chartSpec['name'] === 'string' ? chartSpec['name'] : basename(chart);
  const command = `helm template ${display(chart)} | ballast -`;
  if (!helm) return [note(display(chartFile), text, { ruleId: 'not-rendered', messageId: 'chart', data: { chart: name, command }, range: [0, 0], document: 0, severity: 'info' })];
  const values = (options.helmValues ?? []).flatMap((file) => ['--values', resolve(options.cwd, file)]);
  // The chart's name comes from the repository: `name: --post-renderer=./x.sh` would make helm run a
  // program. Options end at `--`, and a name helm would refuse as a release name is not passed at all.
  const release = RELEASE_NAME.test(name) && name.length <= 53 ? name : 'release';
  const run = spawnSync(helm, ['template', ...values, '--', release, chart], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, timeout: 120_000 });
  if (run.status !== 0 || run.error) {
    const detail = (run.error?.message ?? run.stderr.replace(/^Error: /, '')).replace(/\s+/g, ' ').trim().slice(0, 500);
    return [note(display(chartFile), text, { ruleId: 'not-rendered', messageId: 'failed', data: { tool: 'helm', what: 'chart', detail }, range: [0, 0], document: 0 })];
  }
  // `# Source: <name>/templates/x.yaml` names the chart by its name; findings belong in its folder.
  const prefix = `${name}/`;
  const rename = (source: string): string => display(join(chart, source.startsWith(prefix) ? source.slice(prefix.length) : source));
  const limits = { ...options.limits, maxFileBytes: Math.max(options.limits.maxFileBytes, run.stdout.length) };
  return parseSplitting(display(chartFile), run.stdout, limits, rename);
}

function note(path: string, text: string, problem: InputProblem): ParsedFile {
  return { file: new SourceFile(path, text), documentCount: 0, documents: [], problems: [problem], comments: [] };
}

function attributeFindings(result: LintResult, overlays: ReadonlyMap<string, RenderedOverlay>, display: (path: string) => string): LintResult {
  const findings = result.findings.map((finding) => {
    const overlay = overlays.get(finding.file);
    if (!overlay) return finding;
    const spot = traceField(overlay, finding.start, finding.end);
    const moved: Finding = { ...finding };
    if (spot) {
      Object.assign(moved, { file: display(spot.spot.path), start: spot.spot.start, end: spot.spot.end, document: spot.document });
    } else {
      // Not traceable to a file: the overlay's kustomization.yaml, naming the rendered object.
      const object = finding.object ? ` (rendered ${finding.object.kind}${finding.object.name ? `/${finding.object.name}` : ''})` : '';
      Object.assign(moved, { start: { line: 1, column: 1 }, end: { line: 1, column: 1 }, document: 0, message: `${finding.message}${object}` });
    }
    if (finding.related) moved.related = finding.related.map((related) => relocateRelated(related, overlays, display));
    return moved;
  });
  return { ...result, findings: findings.sort(compareFindings) };
}

function relocateRelated(related: RelatedLocation, overlays: ReadonlyMap<string, RenderedOverlay>, display: (path: string) => string): RelatedLocation {
  const overlay = overlays.get(related.file);
  const spot = overlay && traceField(overlay, related.start, related.end);
  return spot ? { ...related, file: display(spot.spot.path), start: spot.spot.start, end: spot.spot.end } : related;
}

/**
 * The source of the field at `position` of the rendered output: the last patch applied to the
 * object that writes that very field, else the resource file the object came from (at the
 * field, or the nearest part of it that is written there).
 */
function traceField(overlay: RenderedOverlay, from: Position, to: Position): { spot: SourceSpot; document: number } | undefined {
  const offset = overlay.lines.lineStart(from.line) + from.column - 1;
  const end = overlay.lines.lineStart(to.line) + to.column - 1;
  const document = overlay.documents.find((candidate) => candidate.range[0] <= offset && offset <= candidate.range[2]);
  if (!document) return undefined;
  const rendered: unknown = document.toJS({ maxAliasCount: 100 });
  if (!isObject(rendered)) return undefined;
  const path = pathAt(document.contents, offset, end);
  const kind = typeof rendered['kind'] === 'string' ? rendered['kind'] : '';
  const metadata = isObject(rendered['metadata']) ? rendered['metadata'] : {};
  const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
  const annotations = isObject(metadata['annotations']) ? metadata['annotations'] : {};
  const origin = safeParse(annotations['config.kubernetes.io/origin']);
  const transformations = safeParse(annotations['alpha.config.kubernetes.io/transformations']);

  const patchFiles: PatchReference[] = [];
  for (const step of Array.isArray(transformations) ? transformations : []) {
    const by = isObject(step) && isObject(step['configuredBy']) ? step['configuredBy']['kind'] : undefined;
    if (!isObject(step) || typeof step['configuredIn'] !== 'string' || typeof by !== 'string' || !by.startsWith('Patch')) continue;
    const kustomization = readKustomization(dirname(resolve(overlay.buildDir, step['configuredIn'])));
    for (const patch of kustomization?.patches ?? []) {
      if (patch.target?.kind !== undefined && patch.target.kind !== kind) continue;
      if (patch.target?.name !== undefined && !name.includes(patch.target.name)) continue;
      if (!patchFiles.some((known) => known.file === patch.file)) patchFiles.push(patch);
    }
  }
  for (const patch of patchFiles.reverse()) {
    const source = sourceOf(overlay, patch.file);
    if (!source) continue;
    const inPatch = isSequenceFile(source) ? locateInJsonPatch(source, path, rendered) : withDocument(source, kind, name, path, rendered);
    if (inPatch?.exact) return { spot: inPatch, document: 0 };
  }
  const originPath = isObject(origin) && typeof origin['path'] === 'string' ? resolve(overlay.buildDir, origin['path']) : undefined;
  if (originPath !== undefined) {
    const source = sourceOf(overlay, originPath);
    const found = source?.objectDocument(kind, name);
    const spot = source && found && locateIn(source, found, path, rendered);
    if (source && found && spot) return { spot, document: source.documents.indexOf(found) };
  }
  // A generated object (ConfigMap, Secret): the kustomization that configures the generator.
  const configuredIn = isObject(origin) && typeof origin['configuredIn'] === 'string' ? resolve(overlay.buildDir, origin['configuredIn']) : undefined;
  const generator = configuredIn !== undefined ? sourceOf(overlay, configuredIn) : undefined;
  const first = generator?.documents[0];
  const spot = generator && first && locateIn(generator, first, [], undefined);
  return spot ? { spot, document: 0 } : undefined;
}

function withDocument(source: SourceDocuments, kind: string, name: string, path: readonly (string | number)[], rendered: unknown): SourceSpot | undefined {
  const document = source.objectDocument(kind, name);
  return document ? locateIn(source, document, path, rendered) : undefined;
}

function isSequenceFile(source: SourceDocuments): boolean {
  return Array.isArray(source.documents[0]?.toJS({ maxAliasCount: 100 }));
}

function sourceOf(overlay: RenderedOverlay, path: string): SourceDocuments | undefined {
  let source = overlay.sources.get(path);
  if (source === undefined) {
    const text = readText(path);
    source = text === '' ? null : new SourceDocuments(path, text);
    overlay.sources.set(path, source);
  }
  return source ?? undefined;
}

/** `kustomize build` if it is on PATH, else `kubectl kustomize` (kubectl has Kustomize built in). */
function findKustomize(path?: string): string[] | undefined {
  const kustomize = findExecutable('kustomize', path);
  if (kustomize) return [kustomize, 'build'];
  const kubectl = findExecutable('kubectl', path);
  return kubectl ? [kubectl, 'kustomize'] : undefined;
}

/**
 * An executable on PATH. Only absolute PATH entries: a relative one (`.`, an empty entry) would
 * run a binary of that name from the repository being linted.
 */
export function findExecutable(name: string, path: string = process.env['PATH'] ?? ''): string | undefined {
  for (const directory of path.split(delimiter)) {
    if (!isAbsolute(directory)) continue;
    const candidate = join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Directories not inside another of the list. */
function topmost(directories: readonly string[]): string[] {
  return directories.filter((directory) => !directories.some((other) => other !== directory && inside(directory, other)));
}

function inside(path: string, directory: string): boolean {
  return path.startsWith(directory.endsWith(sep) ? directory : directory + sep);
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function safeParse(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return parseYaml(value, { logLevel: 'silent' }) as unknown;
  } catch {
    return undefined;
  }
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
