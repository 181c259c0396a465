/**
 * The command line: argv → files → lint → format → stdout, exit code. Nothing else. `bin/cli.ts`
 * runs it as the `ballast` command; the GitHub Action (action/main.ts) runs it in its own process.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { pathToFileURL } from 'node:url';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { VERSION } from '../src/project.js';
import { ConfigError } from '../src/engine/config-error.js';
import { closest } from '../src/model/did-you-mean.js';
import { atOrAbove } from '../src/engine/lint.js';
import { nodeReport } from '../src/engine/node-report.js';
import type { AnyRule } from '../src/engine/rule.js';
import { ruleSet } from '../src/engine/rule-set.js';
import { compareKubeVersions, DEFAULT_KUBERNETES_VERSION, isValidKubeVersion } from '../src/engine/settings.js';
import { explainRule } from '../src/format/explain.js';
import { escapeControl, withoutWorkflowCommands } from '../src/format/escape.js';
import { formatters } from '../src/format/index.js';
import { formatNodeReport } from '../src/format/node-allocatable.js';
import { outputTargets, resultCaps, writeOutputs, type ResultCaps } from '../src/node-output.js';
import { renderInputs } from '../src/node-render.js';
import { ConfigResolver, readConfigChain } from '../src/node-config.js';
import { lintScoped } from '../src/node-scope.js';
import { applyBaselineFile } from '../src/node-baseline.js';
import { discoverFiles, findConfigFile, neighbourFiles, parseFiles, sizeFiles, UsageError, type LeftOut, type LoadedConfig, type SizedFile } from '../src/node.js';
import { DEFAULT_LIMITS, type InputLimits } from '../src/parse/limits.js';
import { tooLarge } from '../src/parse/index.js';
import { byteSize, type BallastConfig } from '../src/engine/config.js';
import { parseSplitting } from '../src/render/helm-stream.js';
import type { LintResult, Severity, SeverityOrOff } from '../src/types.js';

const HELP = `Usage: ballast [options] [paths|globs|-]...

Lints Kubernetes manifests, kubelet and kubeadm configuration for stability and availability.
Directories are walked for *.yaml, *.yml and *.json (respecting .gitignore); "-" reads stdin.

Options:
  -f, --format <name>        stylish (default), json, sarif, github, junit; repeatable, each with its own
                             --output-file (--format sarif -o out.sarif --format stylish)
  -o, --output-file <file>   write the --format before it to this file instead of stdout
      --only <id,...>        run only these rules (input rules always run)
      --no-fix               leave the fix lines out of the stylish report
      --max-results <n>      the most findings a report holds, the most severe kept, with a notice of the
                             rest; <format>=<n> for one format, 0 for all (default: sarif 25000, github
                             1000, the others all; config: limits.maxResults)
      --max-file-size <size> largest file read, e.g. 20MB (default: walked files up to 10 MB, named files
                             and stdin whatever their size; config: limits.maxFileSize)
  -c, --config <file>        config file (default: nearest .ballast.yaml upwards)
      --rule <id=severity>   set a rule to off|info|warning|error (repeatable)
      --fail-on <severity>   exit 1 at findings of this severity or above (default: error)
      --kube-version <x.y>   Kubernetes version the cluster runs (default: config, else a linted kubeadm
                             ClusterConfiguration's, else the newest known)
      --threads <n|auto>     threads for reading and parsing (default auto: more than one only from 8 MB of input)
      --list-rules           list every rule with its category and default severity (--format json: as JSON)
      --explain <rule-id>    print what a rule checks, why, and how to fix it
      --explain-node <path>  print the allocatable arithmetic of the kubelet files under <path> (and under
                             every other path given) for each node group in cluster.nodes (capacity,
                             reservations, eviction, result)
  -q, --quiet                report errors only
      --show-suppressed      also print findings hidden by suppressions
      --stdin-filename <p>   name to report for "-"
      --all                  lint the whole working directory instead of the paths given (for pre-commit)
      --no-render            lint Kustomize and Helm files as they are instead of rendering them first
      --baseline <file>      findings recorded there are not reported (default: .ballast-baseline.json if present)
      --write-baseline       record every current finding in the baseline file, so that later runs report only new ones
      --prune-baseline       drop the baseline's entries whose findings are fixed
      --color, --no-color    force colours on or off (default: on for a terminal)
  -v, --version              print the version
  -h, --help                 print this help

With GITHUB_ACTIONS=true and no --format, findings are also printed as GitHub annotations.

Exit codes: 0 no findings at or above --fail-on, 1 findings at or above it, 2 usage, config or internal error.`;

const SEVERITIES: readonly string[] = ['error', 'warning', 'info'];

/** What another entry that runs the command in its own process.(the GitHub Action) may change. */
export interface Embedding {
  /**
   * Sees the result before anything is reported or decided, and may narrow it (the Action's
   * `only-changed`); `caps` are the run's caps on results per format (`--max-results`, config).
   */
  review?: (result: LintResult, rules: readonly AnyRule[], caps: ResultCaps) => LintResult;
  /** Annotations on the diff in GitHub Actions (default: when GITHUB_ACTIONS=true and no --format is given). */
  annotate?: boolean;
  /** Whether a config's `plugins` may load: code from the repository (default: yes). */
  allowPlugins?: boolean;
}

export async function main(argv: readonly string[], embedding: Embedding = {}): Promise<number> {
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    tokens: true,
    options: {
      format: { type: 'string', short: 'f', multiple: true },
      'output-file': { type: 'string', short: 'o', multiple: true },
      only: { type: 'string' },
      'no-fix': { type: 'boolean' },
      'max-results': { type: 'string', multiple: true },
      'max-file-size': { type: 'string' },
      config: { type: 'string', short: 'c' },
      rule: { type: 'string', multiple: true },
      'fail-on': { type: 'string' },
      'kube-version': { type: 'string' },
      threads: { type: 'string' },
      'list-rules': { type: 'boolean' },
      explain: { type: 'string' },
      'explain-node': { type: 'string', multiple: true },
      quiet: { type: 'boolean', short: 'q' },
      'show-suppressed': { type: 'boolean' },
      'stdin-filename': { type: 'string' },
      all: { type: 'boolean' },
      'no-render': { type: 'boolean' },
      baseline: { type: 'string' },
      'write-baseline': { type: 'boolean' },
      'prune-baseline': { type: 'boolean' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      version: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
    },
  });

  if (values.help) return print(HELP);
  if (values.version) return print(VERSION);

  // The catalogue needs no config: a config's plugins are code, loaded only to lint.
  if (values['list-rules']) return print(listRules(ruleSet(), values.format?.at(-1) ?? 'stylish'));
  if (values.explain !== undefined) {
    const known = ruleSet();
    const rule = known.find((candidate) => candidate.meta.id === values.explain);
    if (!rule)
      throw new UsageError(
        `unknown rule: ${values.explain}${didYouMean(
          values.explain,
          known.map((candidate) => candidate.meta.id),
        )} (see --list-rules; a plugin's rules are documented by the plugin)`,
      );
    return print(explainRule(rule).trimEnd());
  }

  const cwd = process.cwd();
  const configPath = values.config ?? findConfigFile(cwd);
  const lints = values['explain-node'] === undefined;
  const configOptions = { plugins: lints, allowPlugins: embedding.allowPlugins ?? true };
  const loaded: LoadedConfig | undefined = configPath ? await readConfigChain(configPath, configOptions) : undefined;
  const rules = ruleSet(loaded?.plugins);
  // A file left out for safety is named, once, and the run goes on (never exit 2 for a file's content).
  const onSkip = (path: string, reason: string): void => {
    process.stderr.write(logLine(`ballast: skipped ${escapeControl(path)}: ${escapeControl(reason)}\n`));
  };
  const leftOut: LeftOut = {};
  const discovery = { cwd, ignore: loaded?.config.ignore ?? [], onSkip, leftOut, ...(configPath ? { ignoreBase: dirname(resolve(cwd, configPath)) } : {}) };

  const targets = outputTargets(tokens);
  const caps = resultCaps(values['max-results'] ?? [], loaded?.config.limits);
  const failOn = (values['fail-on'] ?? 'error') as Severity;
  if (!SEVERITIES.includes(failOn)) throw new UsageError(`--fail-on takes error, warning or info, not "${failOn}"`);
  const kubernetesVersion = values['kube-version'];
  if (kubernetesVersion !== undefined && !isValidKubeVersion(kubernetesVersion)) throw new UsageError(`--kube-version takes a version like 1.31, not "${kubernetesVersion}"`);
  if (kubernetesVersion !== undefined) warnOfUnknownVersion(kubernetesVersion);
  const ruleOverrides = parseRuleOverrides(values.rule ?? [], new Set(rules.map((rule) => rule.meta.id)));
  if (values['explain-node'] !== undefined) {
    // `--explain-node a b`: b is a positional, and explained too (it used to be dropped without a word).
    const paths = await discoverFiles([...values['explain-node'], ...positionals], discovery);
    const report = nodeReport(await parseFiles(paths, cwd), { ...(loaded ? { config: loaded.config } : {}), ...(kubernetesVersion !== undefined ? { kubernetesVersion } : {}) });
    return print(formatNodeReport(report).trimEnd());
  }
  // A hook passes the staged files; --all trades them for the whole tree, so cross-document rules see every object.
  if (values.all) positionals.splice(0, positionals.length, '.');
  if (positionals.length === 0) throw new UsageError('no paths given (try "ballast ." or "ballast --help")');

  const filePatterns = positionals.filter((pattern) => pattern !== '-');
  const limits = inputLimits(values['max-file-size'], loaded?.config.limits);
  const only = values.only === undefined ? undefined : parseOnly(values.only, new Set(rules.map((rule) => rule.meta.id)));
  const found = filePatterns.length > 0 ? await discoverFiles(filePatterns, discovery) : [];
  if (filePatterns.length > 0 && found.length === 0 && !positionals.includes('-')) {
    // A clean summary over no files must not read as a pass: say what left everything out.
    process.stderr.write(`ballast: nothing to lint: no file found${leftOutNote(leftOut)}; files named explicitly are always linted, whatever .gitignore says\n`);
  }
  const renderSetting = loaded?.config.render;
  const render = !values['no-render'] && renderSetting !== false && (typeof renderSetting !== 'object' || renderSetting.enabled !== false);
  const rendering = render
    ? renderInputs(found, {
        cwd,
        limits: limits.limits,
        helmValues: (typeof renderSetting === 'object' ? (renderSetting.helmValues ?? []) : []).map((file) => resolve(dirname(resolve(cwd, configPath ?? '.')), file)),
        note: (message) => process.stderr.write(`ballast: ${message}\n`),
      })
    : undefined;
  const sized = sizeFiles(rendering?.files ?? found, cwd);
  const relaunched = relaunchWithRoom(sized);
  if (relaunched !== undefined) return relaunched;
  // Only walking keeps a default cap; files named on the command line and standard input are read whatever their size.
  const named = new Set(filePatterns.map((pattern) => resolve(cwd, pattern)));
  const walkedTooLarge = limits.chosen ? [] : sized.filter((file) => !named.has(file.absolute) && file.size > DEFAULT_LIMITS.maxFileBytes);
  const files = walkedTooLarge.length === 0 ? sized : sized.filter((file) => !walkedTooLarge.includes(file));
  const extra = [
    ...(rendering?.parsed ?? []),
    ...walkedTooLarge.map((file) => tooLarge(file.path, file.size, DEFAULT_LIMITS)),
    ...(positionals.includes('-') ? parseSplitting(values['stdin-filename'] ?? '-', readFileSync(0), limits.limits) : []),
  ];
  // Named files only (a hook's staged files): the rest of their directories is context for absence rules.
  const namedOnly = filePatterns.length > 0 && filePatterns.every((pattern) => statSync(resolve(cwd, pattern), { throwIfNoEntry: false })?.isFile() === true);
  const context = namedOnly ? sizeFiles(neighbourFiles(found, cwd), cwd) : [];
  const linted = await lintScoped(files, extra, new ConfigResolver(cwd, values.config, configOptions), {
    // Discovery applied this config's `ignore` to every file found.
    ...(configPath ? { ignoreApplied: resolve(cwd, configPath) } : {}),
    ...(context.length > 0 ? { contextFiles: context } : {}),
    limits: limits.limits,
    ...(only ? { only } : {}),
    ruleOverrides,
    ...(kubernetesVersion !== undefined ? { kubernetesVersion } : {}),
    cwd,
    threads: parseThreads(values.threads),
  });
  const finished = rendering ? rendering.attribute(linted) : linted;
  const baselined = applyBaselineFile(finished, values, cwd, [...found, ...(positionals.includes('-') ? [values['stdin-filename'] ?? '-'] : [])]);
  const reviewed = embedding.review ? embedding.review(baselined.result, rules, caps) : baselined.result;
  const result = Object.keys(leftOut).length > 0 ? { ...reviewed, summary: { ...reviewed.summary, skippedFiles: leftOut } } : reviewed;
  // Decided before --quiet hides anything: quiet changes what is shown, not whether the run fails.
  const failed = result.findings.some((finding) => !finding.suppressed && atOrAbove(finding.severity, failOn));
  let hidden = 0;
  if (values.quiet) {
    // Errors, and whatever fails the run: a run that exits 1 never looks clean.
    const shown = (severity: Severity): boolean => severity === 'error' || atOrAbove(severity, failOn);
    // The summary must describe what is shown: without this it counted the warnings it hid.
    hidden = (shown('warning') ? 0 : result.summary.warnings) + (shown('info') ? 0 : result.summary.infos);
    result.findings = result.findings.filter((finding) => shown(finding.severity));
    result.summary = { ...result.summary, ...(shown('warning') ? {} : { warnings: 0 }), ...(shown('info') ? {} : { infos: 0 }) };
  }

  const color = values['no-color'] ? false : (values.color ?? colorFromEnvironment());
  const formatOptions = { color, failOn, showSuppressed: values['show-suppressed'] ?? false, showFix: !values['no-fix'], rules, rootUri: pathToFileURL(cwd).href };
  // Only --format github writes workflow commands; in Actions every other line is kept from holding one.
  const capped = writeOutputs(targets, result, formatOptions, caps, cwd, (chunk, format) => process.stdout.write(format === 'github' || !IN_ACTIONS ? chunk : withoutWorkflowCommands(chunk, format)));
  for (const note of capped) process.stderr.write(logLine(`ballast: ${escapeControl(note)}\n`));
  const readable = targets.some((target) => target.file === undefined && target.format === 'stylish');
  // A clean-looking summary must not hide that something was filtered out.
  if (hidden > 0 && readable) process.stdout.write(`(${hidden} warning and info finding${hidden === 1 ? '' : 's'} hidden by --quiet)\n`);
  if (baselined.note) (readable ? process.stdout : process.stderr).write(`${baselined.note}\n`);
  // In GitHub Actions the log keeps the readable report and the findings also become annotations on the diff.
  if (values.format === undefined && (embedding.annotate ?? IN_ACTIONS)) process.stdout.write(formatters.github(result, { ...formatOptions, maxResults: caps.github }));
  for (const error of result.internalErrors) {
    process.stderr.write(logLine(`ballast: internal error in rule ${escapeControl(error.ruleId)}${error.file ? ` on ${escapeControl(error.file)}` : ''}: ${escapeControl(error.message)}\n`));
  }
  if (result.internalErrors.length > 0) return 2;
  return failed ? 1 : 0;
}

/**
 * Peak heap per byte of input, with room: every object stays in memory until the cross-document
 * checks have seen them all (measured: 110 MB of YAML peak at 1.1 GB resident; inputs dense in
 * findings need more).
 */
const HEAP_BYTES_PER_INPUT_BYTE = 10;

/**
 * Node's default heap limit (a quarter of the memory, at most 4 GB here) would end a run over some
 * 300 MB of YAML with a fatal out-of-memory crash. Such a run starts the command again with the
 * limit at most of the machine's memory (a limit, not an allocation), and returns its exit code.
 */
function relaunchWithRoom(files: readonly SizedFile[]): number | undefined {
  if (process.env['BALLAST_HEAP_SIZED'] === '1') return undefined;
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  const limit = getHeapStatistics().heap_size_limit;
  const room = totalmem() * 0.8;
  if (bytes * HEAP_BYTES_PER_INPUT_BYTE < limit * 0.75 || room <= limit) return undefined;
  const child = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${Math.floor(room / 2 ** 20)}`, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, BALLAST_HEAP_SIZED: '1' },
  });
  return child.status ?? 2;
}

/** `--only a,b`: the rules to run (input rules always run). */
function parseOnly(value: string, known: ReadonlySet<string>): string[] {
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  for (const id of ids) if (!known.has(id)) throw new UsageError(`--only: unknown rule "${id}" (see --list-rules)`);
  if (ids.length === 0) throw new UsageError('--only takes a comma-separated list of rule IDs');
  return ids;
}

/**
 * `--max-file-size`, else the config's `limits`. Without a size chosen, files are read whatever
 * their size (`chosen` false: the caller caps walked files at the default).
 */
function inputLimits(flag: string | undefined, config: BallastConfig['limits']): { limits: InputLimits; chosen: boolean } {
  const size = flag ?? config?.maxFileSize;
  const bytes = size === undefined ? undefined : byteSize(size);
  if (size !== undefined && bytes === undefined) throw new UsageError(`--max-file-size takes a size like 20MB or 64MiB, not "${String(size)}"`);
  return {
    limits: {
      maxFileBytes: bytes ?? Number.POSITIVE_INFINITY,
      maxDepth: config?.maxDepth ?? DEFAULT_LIMITS.maxDepth,
      maxAliasNodes: config?.maxAliasNodes ?? DEFAULT_LIMITS.maxAliasNodes,
    },
    chosen: bytes !== undefined,
  };
}

function parseThreads(value: string | undefined): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 1) throw new UsageError(`--threads takes a whole number of threads or "auto", not "${value}"`);
  return threads;
}

function parseRuleOverrides(entries: readonly string[], known: ReadonlySet<string>): Record<string, SeverityOrOff> {
  const overrides: Record<string, SeverityOrOff> = {};
  for (const entry of entries) {
    const [id = '', severity = ''] = entry.split('=', 2);
    if (!known.has(id)) throw new UsageError(`--rule ${entry}: unknown rule "${id}"${didYouMean(id, [...known])}`);
    if (severity !== 'off' && !SEVERITIES.includes(severity)) throw new UsageError(`--rule ${entry}: severity must be off, info, warning or error`);
    overrides[id] = severity as SeverityOrOff;
  }
  return overrides;
}

function listRules(rules: readonly AnyRule[], format: string): string {
  if (format === 'json') {
    const entries = rules.map(({ meta }) => ({ id: meta.id, category: meta.category, severity: meta.severity, recommended: meta.recommended !== false, summary: meta.summary, fix: meta.fix, since: meta.since }));
    return JSON.stringify(entries, null, 2);
  }
  if (format !== 'stylish') throw new UsageError(`--list-rules prints stylish or json, not ${format}`);
  const width = Math.max(...rules.map((rule) => rule.meta.id.length));
  return [...rules]
    .sort((a, b) => a.meta.category.localeCompare(b.meta.category) || a.meta.id.localeCompare(b.meta.id))
    .map((rule) => `${rule.meta.id.padEnd(width)}  ${rule.meta.category.padEnd(13)}  ${rule.meta.severity.padEnd(7)}  ${rule.meta.summary}`)
    .join('\n');
}

const LEFT_OUT: Readonly<Record<keyof LeftOut, string>> = {
  gitignore: 'by .gitignore',
  ignore: "by the config's ignore",
  hidden: 'hidden (a dot name)',
  unsafe: 'refused for safety (named above)',
  'not-manifest': 'not YAML, JSON or a kubelet file',
};

/** `; left out: 3 by .gitignore, 2 hidden (a dot name)`: why a run found nothing, by reason. */
function leftOutNote(leftOut: LeftOut): string {
  const parts = (Object.keys(LEFT_OUT) as (keyof LeftOut)[]).filter((reason) => (leftOut[reason] ?? 0) > 0).map((reason) => `${leftOut[reason]} ${LEFT_OUT[reason]}`);
  return parts.length > 0 ? `; left out: ${parts.join(', ')}` : '';
}

/** Whether the output is read by the GitHub Actions runner, which takes some lines as commands. */
const IN_ACTIONS = process.env['GITHUB_ACTIONS'] === 'true';

/** A line of plain text for stdout or stderr, unable to hold a workflow command when the runner reads it. */
export function logLine(text: string): string {
  return IN_ACTIONS ? withoutWorkflowCommands(text, 'stylish') : text;
}

/**
 * FORCE_COLOR wins over the terminal check and NO_COLOR, as in Node and most CLIs: set (even
 * empty) it turns colours on, `0` or `false` turns them off.
 */
function colorFromEnvironment(): boolean {
  const force = process.env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return process.stdout.isTTY && !process.env['NO_COLOR'];
}

/** A version past the newest ballast knows is judged as that one: say so rather than pretend. */
function warnOfUnknownVersion(version: string): void {
  if (compareKubeVersions(version, DEFAULT_KUBERNETES_VERSION) <= 0) return;
  process.stderr.write(`ballast: Kubernetes ${version} is newer than the newest release ballast knows (${DEFAULT_KUBERNETES_VERSION}); what changed after ${DEFAULT_KUBERNETES_VERSION} is not checked\n`);
}

function didYouMean(word: string, candidates: readonly string[]): string {
  const suggestion = closest(word, candidates);
  return suggestion ? `; did you mean "${suggestion}"?` : '';
}

/** parseArgs names an unknown option in a long sentence: one line, with the nearest option --help lists. */
function unknownOption(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error) || error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return undefined;
  const option = /'(-[^']*)'/.exec(error.message)?.[1];
  if (option === undefined) return undefined;
  return `unknown option ${option}${didYouMean(
    option,
    [...HELP.matchAll(/--[a-z][a-z-]*/g)].map((match) => match[0]),
  )} (see --help)`;
}

function print(text: string): number {
  process.stdout.write(logLine(`${text}\n`));
  return 0;
}

/** The one line a run that could not lint ends with (exit 2): usage and config errors as they are, anything else as internal. */
export function describeFailure(error: unknown): string {
  const known = error instanceof UsageError || error instanceof ConfigError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
  const message = unknownOption(error) ?? (error instanceof Error ? error.message : String(error));
  return `${known ? '' : 'internal error: '}${escapeControl(message)}`;
}
