/**
 * The GitHub Action run the way the runner runs it: `node bundle/action.js` from a checkout of
 * the action with no node_modules (the bundle is built fresh from the sources into a scratch
 * copy, so this tests the code as it is, not the committed bundle), with the GITHUB_* files and
 * the INPUT_* variables the runner sets (every input action.yml declares, with its default when
 * the workflow gives none; hyphens kept, as in `INPUT_FAIL-ON`), in a scratch workspace.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { childEnv } from './support/child-env.js';

interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string; steps?: unknown };
}

const root = resolve(import.meta.dirname, '..');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as Action;
const scratch = mkdtempSync(join(tmpdir(), 'ballast-action-'));
const checkout = join(scratch, 'action');
let runs = 0;

beforeAll(() => {
  mkdirSync(checkout);
  for (const file of ['action.yml', 'package.json']) cpSync(join(root, file), join(checkout, file));
  execFileSync(process.execPath, [join(root, 'scripts/bundle.mjs'), '--outdir', join(checkout, 'bundle')], { cwd: root, stdio: 'pipe' });
}, 60_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Outcome {
  status: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}

function workspaceWith(files: Record<string, string>): string {
  const workspace = join(scratch, `workspace-${(runs += 1)}`);
  mkdirSync(workspace);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, name)), { recursive: true });
    writeFileSync(join(workspace, name), text);
  }
  return workspace;
}

function runAction(inputs: Record<string, string>, workspace: string, env: Record<string, string> = {}): Outcome {
  const runner = mkdtempSync(join(scratch, 'runner-'));
  const outputFile = join(runner, 'output');
  const summaryFile = join(runner, 'step-summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const variables = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [`INPUT_${name.toUpperCase()}`, inputs[name] ?? input.default ?? '']));
  const result = spawnSync(process.execPath, [join(checkout, action.runs.main)], {
    cwd: workspace,
    env: childEnv({ ...variables, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: runner, ...env }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, outputs: readOutputs(outputFile), summary: readFileSync(summaryFile, 'utf8'), workspace };
}

/** GITHUB_OUTPUT in the runner's `name<<delimiter` form. */
function readOutputs(path: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^([\w-]+)<<(.+)$/.exec(lines[index] ?? '');
    if (!match) continue;
    const end = lines.indexOf(match[2] ?? '', index + 1);
    outputs[match[1] ?? ''] = lines.slice(index + 1, end).join('\n');
    index = end;
  }
  return outputs;
}

const annotations = (stdout: string): string[] => stdout.split('\n').filter((line) => line.startsWith('::'));

const WARNING_ONLY =
  'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: tool }\nspec:\n  selector: { matchLabels: { app: tool } }\n  template:\n    metadata: { labels: { app: tool } }\n    spec:\n      containers:\n        - name: tool\n          image: registry.example.com/tool:1.2.0\n          resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }\n';
const CLEAN = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndata: { mode: fast }\n';
const examples = (): Record<string, string> => ({
  'examples/web-app.yaml': readFileSync(join(root, 'examples/web-app.yaml'), 'utf8'),
  'examples/resilient-app.yaml': readFileSync(join(root, 'examples/resilient-app.yaml'), 'utf8'),
});

interface SarifLog {
  version: string;
  runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
}

describe('the GitHub Action', () => {
  it('is a JavaScript action that runs its committed bundle with the runner’s Node.js, and uses no other action', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'bundle/action.js' });
    expect(existsSync(join(root, 'bundle/action.js'))).toBe(true);
    expect(Object.keys(action.inputs).sort()).toEqual(['allow-plugins', 'annotate', 'args', 'baseline', 'config', 'fail-on', 'only-changed', 'paths', 'sarif-file', 'working-directory'].sort());
    expect(Object.keys(action.outputs).sort()).toEqual(['errors', 'infos', 'sarif-file', 'suppressed', 'warnings']);
  });

  it('writes SARIF, annotations, a summary and outputs, and fails at errors', () => {
    const outcome = runAction({ paths: 'examples/web-app.yaml\nexamples/resilient-app.yaml', 'sarif-file': 'reports/ballast.sarif' }, workspaceWith(examples()));
    expect(outcome.status).toBe(1);
    // The readable report, then the annotations.
    expect(outcome.stdout).toMatch(/examples\/web-app\.yaml\n\s+8:13\s+warning/);
    expect(outcome.stdout).toMatch(/^::error file=examples\/web-app\.yaml,line=28,col=23,endLine=28,endColumn=\d+,title=limit-below-request::Container "web" limits memory/m);
    const sarif = JSON.parse(readFileSync(join(outcome.workspace, 'reports/ballast.sarif'), 'utf8')) as SarifLog;
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0]?.results ?? [];
    expect(outcome.outputs).toEqual({
      errors: String(results.filter((result) => result.level === 'error').length),
      warnings: String(results.filter((result) => result.level === 'warning').length),
      infos: String(results.filter((result) => result.level === 'note').length),
      suppressed: '0',
      'sarif-file': 'reports/ballast.sarif',
    });
    expect(outcome.outputs['errors']).toBe('1');
    expect(annotations(outcome.stdout)).toHaveLength(results.length);
    expect(outcome.summary).toMatch(/^### ballast: 1 error, \d+ warnings, \d+ infos?\n\n\| Rule \| Severity \| Findings \| Files \|/);
    expect(outcome.summary).toContain('| [limit-below-request](https://github.com/ballast-lint/ballast/blob/main/docs/rules/limit-below-request.md) | error | 1 | 1 |');
    // The worst first: the error heads the findings table.
    expect(outcome.summary).toMatch(/\| Severity \| Rule \| Location \| Message \|\n\| --- \| --- \| --- \| --- \|\n\| error \| limit-below-request \| examples/);
  });

  it('passes under fail-on error with warnings only, fails under fail-on warning, and can skip the SARIF file and the annotations', () => {
    const workspace = workspaceWith({ 'warn.yaml': WARNING_ONLY });
    const outcome = runAction({ paths: 'warn.yaml', 'sarif-file': '' }, workspace);
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toMatch(/^::warning file=warn\.yaml/m);
    expect(outcome.outputs['sarif-file']).toBe('');
    expect(outcome.outputs['errors']).toBe('0');
    expect(Number(outcome.outputs['warnings'])).toBeGreaterThan(0);
    expect(existsSync(join(workspace, 'ballast.sarif'))).toBe(false);
    expect(runAction({ paths: 'warn.yaml', 'fail-on': 'warning' }, workspace).status).toBe(1);
    const quiet = runAction({ paths: 'warn.yaml', annotate: 'false' }, workspace);
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).toMatch(/warn\.yaml\n\s+\d+:\d+\s+warning/);
    expect(annotations(quiet.stdout)).toEqual([]);
  });

  it('passes extra options through `args`, quoted words kept whole', () => {
    const workspace = workspaceWith({ 'warn.yaml': WARNING_ONLY });
    const outcome = runAction({ paths: 'warn.yaml', args: '--rule "replicas-min=off" --quiet' }, workspace);
    expect(outcome.status).toBe(0);
    expect(annotations(outcome.stdout)).toEqual([]);
    expect(outcome.stdout).toContain('hidden by --quiet');
  });

  it('reports a clean run', () => {
    const outcome = runAction({ paths: 'ok.yaml' }, workspaceWith({ 'ok.yaml': CLEAN }));
    expect(outcome.status).toBe(0);
    expect(outcome.summary).toBe('### ballast: 0 errors, 0 warnings, 0 infos\n\nNo findings.\n');
  });

  it('fails a config or usage error with one message and no SARIF file, removing one left from before', () => {
    for (const [inputs, message] of [
      [{ config: 'bad.yaml' }, /^::error title=ballast::.*bad\.yaml.*extends/],
      [{ 'fail-on': 'fatal' }, /^::error title=ballast::--fail-on takes error, warning or info, not "fatal"$/],
      [{ paths: 'missing/' }, /^::error title=ballast::.*missing/],
      [{ annotate: 'maybe' }, /^::error title=ballast::input "annotate" takes true or false, not "maybe"$/],
      [{ args: '--rule "unclosed' }, /^::error title=ballast::input "args" has an unclosed "$/],
    ] as const) {
      const workspace = workspaceWith({ 'bad.yaml': 'extends: lenient\n', 'ok.yaml': CLEAN, 'ballast.sarif': 'stale' });
      const outcome = runAction(inputs, workspace);
      expect(outcome.status, JSON.stringify(inputs)).toBe(2);
      expect(annotations(outcome.stdout), JSON.stringify(inputs)).toEqual([expect.stringMatching(message)]);
      expect(existsSync(join(workspace, 'ballast.sarif')), JSON.stringify(inputs)).toBe(false);
      expect(outcome.outputs).toEqual({});
    }
  });

  it('loads a config’s plugins only when allow-plugins is true', () => {
    const workspace = workspaceWith({});
    cpSync(join(root, 'examples/plugin'), workspace, { recursive: true });
    const refused = runAction({ paths: 'fixtures/team-label-missing' }, workspace);
    expect(refused.status).toBe(2);
    expect(annotations(refused.stdout)).toEqual([expect.stringMatching(/^::error title=ballast::.*lists plugins \(\.\/index\.mjs\).*allow-plugins: true/)]);
    const allowed = runAction({ paths: 'fixtures/team-label-missing', 'allow-plugins': 'true' }, workspace);
    expect(allowed.status).toBe(1);
    expect(allowed.stdout).toMatch(/^::error file=fixtures\/team-label-missing\/unlabelled\.yaml,.*title=example\/team-label-missing::/m);
  });

  it('runs in working-directory and reports paths from the repository root', () => {
    const workspace = workspaceWith({ 'deploy/prod/warn.yaml': WARNING_ONLY, 'deploy/.ballast.yaml': 'rules:\n  readiness-probe-missing: off\n' });
    const outcome = runAction({ 'working-directory': 'deploy', paths: 'prod' }, workspace);
    expect(outcome.status).toBe(0);
    // The config found from the working directory applies.
    expect(annotations(outcome.stdout)).toEqual([expect.stringMatching(/^::warning file=deploy\/prod\/warn\.yaml,.*title=liveness-probe-missing::/)]);
    const sarif = JSON.parse(readFileSync(join(workspace, 'ballast.sarif'), 'utf8')) as SarifLog;
    expect(sarif.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('deploy/prod/warn.yaml');
  });

  it('writes the SARIF file in place of a symlink the pull request planted, never through it', () => {
    const workspace = workspaceWith({ 'ok.yaml': CLEAN, 'victim.txt': 'precious\n' });
    symlinkSync(join(workspace, 'victim.txt'), join(workspace, 'ballast.sarif'));
    expect(runAction({ paths: 'ok.yaml' }, workspace).status).toBe(0);
    expect(readFileSync(join(workspace, 'victim.txt'), 'utf8')).toBe('precious\n');
    expect(lstatSync(join(workspace, 'ballast.sarif')).isSymbolicLink()).toBe(false);
    expect((JSON.parse(readFileSync(join(workspace, 'ballast.sarif'), 'utf8')) as SarifLog).version).toBe('2.1.0');
  });

  it('fails with one message when the SARIF file cannot be written', () => {
    const workspace = workspaceWith({ 'ok.yaml': CLEAN, 'reports/ballast.sarif/keep': '' });
    const outcome = runAction({ paths: 'ok.yaml', 'sarif-file': 'reports/ballast.sarif' }, workspace);
    expect(outcome.status).toBe(2);
    expect(annotations(outcome.stdout)).toEqual([expect.stringMatching(/^::error title=ballast::cannot write the SARIF file reports\/ballast\.sarif: /)]);
    expect(outcome.outputs).toEqual({});
  });

  it('escapes Markdown and HTML from names and paths in the job summary', () => {
    const hostile = '<img src=x onerror=alert(1)>|[x](https://evil.example)';
    const workspace = workspaceWith({ 'a|[b](https://evil.example)<i>.yaml': WARNING_ONLY.replace('name: tool }', `name: "${hostile}" }`) });
    const outcome = runAction({ paths: '.' }, workspace);
    expect(outcome.status).toBe(0);
    const rows = outcome.summary.split('\n').filter((line) => line.startsWith('| '));
    expect(rows.length).toBeGreaterThan(2);
    expect(outcome.summary).not.toMatch(/<img|<i>|\[x\]|\[b\]/);
    expect(outcome.summary).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;\\|\\[x\\]\\(https\\://evil\\.example\\)');
    // Every row keeps its four or five cells: no `|` from a name splits one.
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length, row).toBeOneOf([6, 7]);
  });
});

describe('the only-changed input', () => {
  const DEPLOYMENT =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\nspec:\n  replicas: 3\n  selector: { matchLabels: { app: api } }\n  template:\n    metadata: { labels: { app: api } }\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/api:1.0.0\n          resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }\n';
  const PDB = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: api }\nspec:\n  minAvailable: 2\n  selector: { matchLabels: { app: api } }\n';
  const git = (cwd: string, ...args: string[]): string => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd, encoding: 'utf8', env: childEnv() }).trim();

  /** A pull request as actions/checkout leaves it: the merge commit checked out, fetched with depth `depth`. */
  function pullRequest(depth: number): { workspace: string; event: string } {
    const origin = workspaceWith({ 'old.yaml': WARNING_ONLY, 'pdb.yaml': PDB });
    git(origin, 'init', '-q', '-b', 'main');
    git(origin, 'add', '-A');
    git(origin, 'commit', '-q', '-m', 'base');
    const base = git(origin, 'rev-parse', 'HEAD');
    git(origin, 'checkout', '-q', '-b', 'feature');
    writeFileSync(join(origin, 'api.yaml'), DEPLOYMENT);
    git(origin, 'add', '-A');
    git(origin, 'commit', '-q', '-m', 'add api');
    const head = git(origin, 'rev-parse', 'HEAD');
    git(origin, 'checkout', '-q', 'main');
    git(origin, 'merge', '-q', '--no-ff', '-m', 'merge', head);
    const merge = git(origin, 'rev-parse', 'HEAD');
    const workspace = join(scratch, `clone-${(runs += 1)}`);
    git(scratch, 'clone', '-q', `--depth=${depth}`, `file://${origin}`, workspace);
    expect(git(workspace, 'rev-parse', 'HEAD')).toBe(merge);
    const event = join(workspace, '..', `event-${runs}.json`);
    writeFileSync(event, JSON.stringify({ pull_request: { number: 7, base: { sha: base }, head: { sha: head } } }));
    return { workspace, event };
  }

  it('reports only the files the pull request changes, while cross-document rules see the whole tree', () => {
    const { workspace, event } = pullRequest(2);
    const everything = runAction({ paths: '.' }, workspace, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event });
    const files = (stdout: string): string[] => [...new Set(annotations(stdout).map((line) => /file=([^,]+)/.exec(line)?.[1]))].sort() as string[];
    expect(files(everything.stdout)).toEqual(['api.yaml', 'old.yaml']);
    const changed = runAction({ paths: '.', 'only-changed': 'true' }, workspace, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event });
    expect(files(changed.stdout)).toEqual(['api.yaml']);
    // The PodDisruptionBudget in an unchanged file still counts for the changed Deployment, and so it
    // does when only api.yaml is named: the rest of its directory is read as context.
    expect(runAction({ paths: 'api.yaml' }, workspace).stdout).not.toContain('pdb-missing');
    expect(changed.stdout).not.toContain('pdb-missing');
    expect(changed.summary).toMatch(/^### ballast: .* in the 1 file this pull request changes\n/);
    const sarif = JSON.parse(readFileSync(join(workspace, 'ballast.sarif'), 'utf8')) as SarifLog;
    expect(new Set(sarif.runs[0]?.results.map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri))).toEqual(new Set(['api.yaml']));
  });

  it('says why and reports every file when the checkout cannot tell what changed', () => {
    const { workspace, event } = pullRequest(1);
    const outcome = runAction({ paths: '.', 'only-changed': 'true' }, workspace, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event });
    expect(annotations(outcome.stdout)[0]).toMatch(/^::warning title=ballast only-changed::Reporting findings in every file: .*fetch-depth: 2/);
    expect(outcome.stdout).toContain('file=old.yaml');
    const push = runAction({ paths: '.', 'only-changed': 'true' }, workspace, { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event.replace(/event-\d+/, 'push') });
    expect(annotations(push.stdout)[0]).toMatch(/^::warning title=ballast only-changed::Reporting findings in every file/);
  });
});
