/**
 * The command line as users run it: the built `node dist/bin/ballast.js` in a child process
 * (test/global-setup.ts builds it first), with real files, stdin, exit codes and streams.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist/bin/ballast.js');
const corpus = [resolve('/work/shared/corpus'), resolve(root, '../shared/corpus')].find((candidate) => existsSync(candidate));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function withoutForceColor(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'FORCE_COLOR'));
}

function ballast(args: readonly string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [cli, ...args],
      {
        cwd: options.cwd ?? workspace,
        // A CI runner's GITHUB_ACTIONS would add annotations to stdout; colours stay off off a TTY.
        // FORCE_COLOR from the test runner would colour every run.
        env: { ...withoutForceColor(process.env), GITHUB_ACTIONS: '', BALLAST_DEBUG: '', NO_COLOR: '', ...options.env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(options.input ?? '');
  });
}

const workspace = mkdtempSync(join(tmpdir(), 'ballast-cli-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/**
 * The workspace's config turns off every rule but the input rules and the two these tests are
 * about, so that rules added later do not change what the tests see.
 */
const KEPT = new Set(['replicas-min', 'limit-below-request']);
const FOCUS = `rules:\n${builtinRules
  .filter((rule) => rule.meta.category !== 'input' && !KEPT.has(rule.meta.id))
  .map((rule) => `  ${rule.meta.id}: "off"\n`)
  .join('')}`;

function write(path: string, text: string): string {
  const full = join(workspace, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

const GOOD = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 3
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.0.0
          readinessProbe: { httpGet: { path: /ready, port: 8080 } }
          livenessProbe: { httpGet: { path: /healthz, port: 8080 } }
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 128Mi }
`;
const WARNING_ONLY = GOOD.replace('replicas: 3', 'replicas: 1');
const WITH_ERROR = GOOD.replace('limits: { memory: 128Mi }', 'limits: { memory: 64Mi }');

write('.ballast.yaml', FOCUS);
write('good.yaml', GOOD);
write('warning.yaml', WARNING_ONLY);
write('error.yaml', WITH_ERROR);

/** A failure is one line on stderr: `ballast: <message>`, never a stack trace. */
function expectOneLineError(run: Run, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^ballast: /);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe.concurrent('exit codes', () => {
  it('0 for a clean file', async () => {
    const run = await ballast(['good.yaml']);
    expect(run).toEqual({ code: 0, stdout: '✔ no problems in 1 file, 1 document\n', stderr: '' });
  });

  it('0 for warnings only, 1 with --fail-on warning', async () => {
    const run = await ballast(['warning.yaml']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('warning.yaml\n  6:13  warning  Deployment "api" runs 1 replica(s)');
    expect(run.stderr).toBe('');
    expect((await ballast(['--fail-on', 'warning', 'warning.yaml'])).code).toBe(1);
    expect((await ballast(['--fail-on', 'info', 'good.yaml'])).code).toBe(0);
  });

  it('1 for an error', async () => {
    const run = await ballast(['error.yaml', 'good.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('error.yaml\n  18:31  error    Container "api" limits memory to 64Mi, below its request of 128Mi');
    expect(run.stdout).toContain('✖ 1 problem (1 error, 0 warnings, 0 infos) in 2 files, 2 documents');
  });

  it('2 with one line for a missing path', async () => {
    expectOneLineError(await ballast(['good.yaml', 'nope.yaml']), /no such file or directory: nope\.yaml/);
    expectOneLineError(await ballast(['nothing-*.yaml']), /no files match: nothing-\*\.yaml/);
  });

  it('2 with one line for usage mistakes', async () => {
    expectOneLineError(await ballast(['--rule', 'replica-min=off', 'good.yaml']), /unknown rule "replica-min"/);
    expectOneLineError(await ballast(['--rule', 'replicas-min=loud', 'good.yaml']), /severity must be off, info, warning or error/);
    expectOneLineError(await ballast(['--fail-on', 'warnings', 'good.yaml']), /--fail-on takes error, warning or info, not "warnings"/);
    expectOneLineError(await ballast(['--format', 'xml', 'good.yaml']), /unknown format: xml/);
    expectOneLineError(await ballast(['--frobnicate', 'good.yaml']), /frobnicate/);
    expectOneLineError(await ballast(['--formt', 'json', 'good.yaml']), /^ballast: unknown option --formt; did you mean "--format"\? \(see --help\)$/);
    expectOneLineError(await ballast(['--rule', 'replica-min=off', 'good.yaml']), /unknown rule "replica-min"; did you mean "replicas-min"\?/);
    expectOneLineError(await ballast(['--explain', 'replica-min']), /unknown rule: replica-min; did you mean "replicas-min"\?/);
    expectOneLineError(await ballast([]), /no paths given/);
    expectOneLineError(await ballast(['--explain', 'no-such-rule']), /unknown rule: no-such-rule/);
  });

  it('2 with file:line for a bad config, given or discovered', async () => {
    write('bad-config/.ballast.yaml', 'extends: recommended\nrules:\n  replicas-min:\n    options: { min: two }\n');
    write('bad-config/app.yaml', GOOD);
    expectOneLineError(await ballast(['app.yaml'], { cwd: join(workspace, 'bad-config') }), /\.ballast\.yaml:4:21: rules\.replicas-min\.options\.min must be integer$/);
    write('configs/typo.yaml', 'rules:\n  replica-min: off\n');
    expectOneLineError(await ballast(['--config', 'configs/typo.yaml', 'good.yaml']), /^ballast: configs\/typo\.yaml:2:16: unknown rule "replica-min"; did you mean "replicas-min"\?$/);
    expectOneLineError(await ballast(['--config', 'configs/missing.yaml', 'good.yaml']), /configs\/missing\.yaml: cannot read the config file/);
  });

  it('2 with file:line for a node capacity that is not a quantity', async () => {
    write('nodes/.ballast.yaml', 'cluster:\n  nodes:\n    - name: workers\n      capacity: { cpu: "8", memory: 32GB }\n');
    write('nodes/app.yaml', GOOD);
    expectOneLineError(await ballast(['app.yaml'], { cwd: join(workspace, 'nodes') }), /\.ballast\.yaml:4:37: cluster\.nodes\.0\.capacity\.memory "32GB" is not a Kubernetes quantity/);
    write('nodes/.ballast.yaml', 'cluster:\n  nodes:\n    - name: workers\n      capacity: { cpu: "-8", memory: 32Gi }\n');
    expectOneLineError(await ballast(['app.yaml'], { cwd: join(workspace, 'nodes') }), /\.ballast\.yaml:4:24: cluster\.nodes\.0\.capacity\.cpu "-8" must not be negative$/);
  });

  it('2 when a plugin rule would take the id of a built-in rule', async () => {
    write(
      'shadow/rule.mjs',
      "export default { meta: { id: 'replicas-min', category: 'workload', severity: 'warning', summary: 's', rationale: 'r', fix: 'f', appliesTo: ['*'], since: '0.1.0', messages: {} }, checkObject() {} };\n",
    );
    write('shadow/.ballast.yaml', 'plugins: ["./rule.mjs"]\n');
    write('shadow/app.yaml', GOOD);
    expectOneLineError(
      await ballast(['app.yaml'], { cwd: join(workspace, 'shadow') }),
      /\.ballast\.yaml:1:1: plugin rule id "replicas-min" is not namespaced \(the built-in rule "replicas-min" has it\): name it "<plugin>\/replicas-min"$/,
    );
  });

  it('2 when a rule fails, naming it', async () => {
    write(
      'plugin/fragile.mjs',
      "export default { meta: { id: 'acme/fragile', category: 'workload', severity: 'warning', summary: 's', rationale: 'r', fix: 'f', appliesTo: ['*'], since: '0.1.0', messages: {} }, checkObject() { throw new Error('kaput'); } };\n",
    );
    write('plugin/.ballast.yaml', `plugins: ["./fragile.mjs"]\n${FOCUS}`);
    write('plugin/app.yaml', GOOD);
    const run = await ballast(['app.yaml'], { cwd: join(workspace, 'plugin') });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('ballast: internal error in rule acme/fragile on app.yaml: kaput\n');
  });
});

describe.concurrent('input and output', () => {
  it('reads stdin for -, named by --stdin-filename', async () => {
    const named = await ballast(['--format', 'json', '--stdin-filename', 'deploy/api.yaml', '-'], { input: WARNING_ONLY });
    expect(named.code).toBe(0);
    const report = JSON.parse(named.stdout) as { findings: { file: string; ruleId: string; line: number }[] };
    expect(report.findings.map((finding) => [finding.file, finding.ruleId, finding.line])).toEqual([['deploy/api.yaml', 'replicas-min', 6]]);
    const anonymous = await ballast(['-'], { input: WITH_ERROR });
    expect(anonymous.code).toBe(1);
    expect(anonymous.stdout.startsWith('-\n')).toBe(true);
  });

  it('prints the JSON contract with --format json', async () => {
    const run = await ballast(['--format', 'json', 'warning.yaml', 'error.yaml', 'good.yaml']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { version: number; findings: Record<string, unknown>[]; summary: Record<string, number> };
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({ files: 3, documents: 3, errors: 1, warnings: 1, infos: 0, suppressed: 0 });
    expect(report.findings.map((finding) => `${String(finding['file'])}:${String(finding['line'])} ${String(finding['ruleId'])}`)).toEqual(['error.yaml:18 limit-below-request', 'warning.yaml:6 replicas-min']);
    expect(report.findings[1]).toMatchObject({ severity: 'warning', column: 13, endLine: 6, endColumn: 14, document: 0, kind: 'Deployment', name: 'api' });
  });

  it('shows only errors with --quiet, and counts only them', async () => {
    const run = await ballast(['--quiet', 'warning.yaml', 'error.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('limit-below-request');
    expect(run.stdout).not.toContain('replicas-min');
    expect(run.stdout).toContain('✖ 1 problem (1 error, 0 warnings, 0 infos) in 2 files, 2 documents');
    expect(await ballast(['-q', 'warning.yaml'])).toMatchObject({ code: 0, stdout: '✔ no problems in 1 file, 1 document\n(1 warning and info finding hidden by --quiet)\n' });
    // Quiet hides warnings; it does not stop them from failing a run that asked to fail on them,
    // and then it shows them: a run that exits 1 never prints "no problems".
    const failing = await ballast(['-q', '--fail-on', 'warning', 'warning.yaml']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('replicas-min');
    expect(failing.stdout).not.toContain('no problems');
  });

  it('sets rule severities with --rule', async () => {
    expect((await ballast(['--rule', 'replicas-min=error', 'warning.yaml'])).code).toBe(1);
    const off = await ballast(['--rule', 'limit-below-request=off', 'error.yaml']);
    expect(off).toMatchObject({ code: 0, stdout: '✔ no problems in 1 file, 1 document\n' });
  });

  it('colours with --color and not with --no-color', async () => {
    expect((await ballast(['--color', 'warning.yaml'])).stdout).toContain('\u001b[');
    expect((await ballast(['--no-color', 'warning.yaml'])).stdout).not.toContain('\u001b[');
    expect((await ballast(['warning.yaml'], { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await ballast(['warning.yaml'], { env: { FORCE_COLOR: '' } })).stdout).toContain('\u001b[');
    expect((await ballast(['warning.yaml'], { env: { FORCE_COLOR: '0' } })).stdout).not.toContain('\u001b[');
    expect((await ballast(['--no-color', 'warning.yaml'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });
});

describe.concurrent('versions and reports', () => {
  it('says when --kube-version is newer than any release it knows', async () => {
    const run = await ballast(['--kube-version', '1.99', 'good.yaml']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^ballast: Kubernetes 1\.99 is newer than the newest release ballast knows \(1\.\d+\)/);
    expect((await ballast(['--kube-version', '1.30', 'good.yaml'])).stderr).toBe('');
  });

  it('JUnit fails only the testcases with findings at or above --fail-on', async () => {
    const warnings = await ballast(['--format', 'junit', 'warning.yaml']);
    expect(warnings.code).toBe(0);
    expect(warnings.stdout).toContain('failures="0"');
    expect(warnings.stdout).toContain('<system-out>warning.yaml:6:13 warning');
    const strict = await ballast(['--format', 'junit', '--fail-on', 'warning', 'warning.yaml']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/<testsuites name="ballast" tests="\d+" failures="[1-9]/);
  });
});

describe.concurrent('information', () => {
  it('--list-rules lists every rule once, with category and severity', async () => {
    const run = await ballast(['--list-rules']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(/\s+/)[0]).sort()).toEqual(builtinRules.map((rule) => rule.meta.id).sort());
    expect(lines.find((line) => line.startsWith('replicas-min '))).toMatch(/^replicas-min\s+workload\s+warning\s+A replicated workload runs fewer than/);
  });

  it('--explain prints what a rule checks, why, how to fix it, and its options', async () => {
    const run = await ballast(['--explain', 'replicas-min']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^replicas-min \(workload, default warning\)\n\nA replicated workload runs fewer than `min` replicas/);
    expect(run.stdout).toContain('\nWhy:\n');
    expect(run.stdout).toContain('\nFix:\n');
    expect(run.stdout).toContain('Applies to: Deployment, StatefulSet, ReplicaSet, ReplicationController');
    expect(run.stdout).toContain('  min (integer, default 2)');
  });

  it('--explain-node explains the kubelet files under every path given', async () => {
    write('nodes/a/kubelet.yaml', 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nkubeReserved: { cpu: 100m, memory: 1Gi }\n');
    write('nodes/b/kubelet.yaml', 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nsystemReserved: { cpu: 200m, memory: 2Gi }\n');
    for (const args of [
      ['--explain-node', 'nodes/a', 'nodes/b'],
      ['--explain-node', 'nodes/a', '--explain-node', 'nodes/b'],
    ]) {
      const run = await ballast(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Kubelet settings from nodes/a/kubelet.yaml');
      expect(run.stdout).toContain('Kubelet settings from nodes/b/kubelet.yaml');
    }
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(await ballast(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect((await ballast(['-v'])).stdout).toBe(`${version}\n`);
  });

  it('stops quietly when the reader closes the pipe early (ballast … | head)', () => {
    const many = Array.from(
      { length: 400 },
      (_, index) =>
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${index}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: x}}\n    spec: {containers: [{name: x, image: "x:1"}]}\n`,
    ).join('---\n');
    const file = write('many.yaml', many);
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" --format json "${file}" | head -c 10`], { encoding: 'utf8' });
    expect(run.stdout).toBe('{\n  "versi');
    expect(run.stderr).toBe('');
  });

  it('--help prints usage and the exit codes', async () => {
    const run = await ballast(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: ballast \[options\]/);
    expect(run.stdout).toContain('Exit codes: 0');
    for (const option of ['--format', '--config', '--rule', '--fail-on', '--list-rules', '--explain', '--quiet', '--stdin-filename', '--version']) expect(run.stdout).toContain(option);
  });
});

describe('files and config discovery', () => {
  it('walks a directory for manifests, respecting .gitignore', async () => {
    const repo = join(workspace, 'repo');
    mkdirSync(repo, { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: repo });
    write('repo/.gitignore', 'ignored/\n*.generated.yaml\n');
    write('repo/a.yaml', WARNING_ONLY);
    write('repo/sub/b.yml', WARNING_ONLY);
    write(
      'repo/sub/deeper/c.json',
      JSON.stringify({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'c' },
        spec: { replicas: 1, selector: { matchLabels: { app: 'c' } }, template: { metadata: { labels: { app: 'c' } }, spec: { containers: [{ name: 'c', image: 'c:1' }] } } },
      }),
    );
    write('repo/ignored/x.yaml', WARNING_ONLY);
    write('repo/sub/d.generated.yaml', WARNING_ONLY);
    write('repo/notes.txt', 'not: yaml: at: all');
    write('repo/sub/.gitignore', 'local.yaml\n');
    write('repo/sub/local.yaml', WARNING_ONLY);
    const run = await ballast(['--format', 'json', '.'], { cwd: repo });
    const report = JSON.parse(run.stdout) as { findings: { file: string; ruleId: string }[]; summary: { files: number } };
    expect(report.summary.files).toBe(3);
    expect([...new Set(report.findings.map((finding) => finding.file))]).toEqual(['a.yaml', 'sub/b.yml', 'sub/deeper/c.json']);
    const fromAbove = JSON.parse((await ballast(['--format', 'json', 'repo/sub'], { cwd: workspace })).stdout) as { findings: { file: string }[] };
    expect([...new Set(fromAbove.findings.map((finding) => finding.file))]).toEqual(['repo/sub/b.yml', 'repo/sub/deeper/c.json']);
  });

  it('finds .ballast.yaml upwards from the working directory', async () => {
    write('project/.ballast.yaml', FOCUS.replace('rules:\n', 'rules:\n  replicas-min: error\n'));
    write('project/team/service/app.yaml', WARNING_ONLY);
    const nested = await ballast(['app.yaml'], { cwd: join(workspace, 'project/team/service') });
    expect(nested.code).toBe(1);
    expect(nested.stdout).toContain('6:13  error    Deployment "api" runs 1 replica(s)');
    // --config wins over the discovered file.
    write('project/relaxed.yaml', FOCUS.replace('rules:\n', 'rules:\n  replicas-min: "off"\n'));
    const given = await ballast(['--config', '../../relaxed.yaml', 'app.yaml'], { cwd: join(workspace, 'project/team/service') });
    expect(given).toMatchObject({ code: 0, stdout: '✔ no problems in 1 file, 1 document\n' });
  });
});

describe('shared corpus', () => {
  it.skipIf(corpus === undefined)('lints the whole corpus with --format json: exit 0 or 1, valid JSON, nothing on stderr (skipped when /work/shared/corpus and ../shared/corpus are absent)', async () => {
    const run = await ballast(['--format', 'json', corpus ?? ''], { cwd: root });
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    const report = JSON.parse(run.stdout) as { version: number; summary: { files: number; documents: number } };
    expect(report.version).toBe(1);
    expect(report.summary.files).toBeGreaterThan(300);
    expect(report.summary.documents).toBeGreaterThan(report.summary.files);
  });
});
