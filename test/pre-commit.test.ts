/**
 * The pre-commit hook through the real `pre-commit` tool: `pre-commit try-repo` installs this
 * repository the way users' hooks do (a clone; the hook is `language: script`, so nothing is
 * installed or built: it runs the committed bundle, bundle/ballast.js) and runs the `ballast`
 * hook on a temporary git repository's files. The working tree is snapshotted into a temporary
 * repository first, with bundle/ built fresh from the sources, so the test covers uncommitted
 * changes too (try-repo alone would take only what is committed).
 *
 * Skipped, saying so, when pre-commit is not installed; .ci/run installs it.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { childEnv } from './support/child-env.js';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'ballast-pre-commit-'));
const env = childEnv({ GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com' });

const BAD = `apiVersion: apps/v1
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
          resources:
            requests: { cpu: 100m, memory: 1Gi }
            limits: { memory: 512Mi }
`;
const CLEAN = BAD.replace('memory: 512Mi', 'memory: 1Gi');
// Warnings only: no readiness probe, no PodDisruptionBudget.
const WARNINGS = CLEAN.replace('replicas: 3', 'replicas: 1');

function unavailable(): string | undefined {
  try {
    execFileSync('pre-commit', ['--version'], { stdio: 'ignore' });
  } catch {
    return 'pre-commit is not installed (apt-get install pre-commit; .ci/run does it)';
  }
  try {
    execFileSync('git', ['ls-files', '--error-unmatch', 'package.json'], { cwd: root, stdio: 'ignore' });
  } catch {
    return 'not a git checkout: pre-commit installs hooks from git repositories';
  }
  return undefined;
}

/** The working tree (tracked and untracked, minus ignored files) as a one-commit repository. */
function snapshot(): string {
  const target = join(work, 'ballast');
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  for (const path of listed.split('\0')) {
    if (!path || !existsSync(join(root, path))) continue;
    mkdirSync(dirname(join(target, path)), { recursive: true });
    cpSync(join(root, path), join(target, path));
  }
  execFileSync(process.execPath, [join(root, 'scripts/bundle.mjs'), '--outdir', join(target, 'bundle')], { cwd: root, stdio: 'pipe' });
  git(target, 'init', '-q');
  git(target, 'add', '-A');
  git(target, 'commit', '-q', '-m', 'snapshot');
  return target;
}

function project(name: string, files: Record<string, string>): string {
  const directory = join(work, name);
  mkdirSync(directory);
  git(directory, 'init', '-q');
  for (const [file, text] of Object.entries(files)) writeFileSync(join(directory, file), text);
  git(directory, 'add', '-A');
  git(directory, 'commit', '-q', '-m', 'files');
  return directory;
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, env, stdio: 'ignore' });
}

async function tryRepo(repository: string, cwd: string, ...files: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('pre-commit', ['try-repo', repository, 'ballast', '--files', ...files], { cwd, env, timeout: 240_000, maxBuffer: 16 << 20 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

let snapshotted: string | undefined;
/** One snapshot for the tests that install the hook (it builds bundle/). */
function repositorySnapshot(): string {
  snapshotted ??= snapshot();
  return snapshotted;
}

describe('pre-commit hook', () => {
  it('fails with the error shown on a bad file, and passes showing the warnings of a file with only warnings', async (context) => {
    const reason = unavailable();
    if (reason) return context.skip(reason);
    const repository = repositorySnapshot();
    const [bad, warnings, clean] = await Promise.all([
      tryRepo(repository, project('bad', { 'deploy.yaml': BAD }), 'deploy.yaml'),
      tryRepo(repository, project('warnings', { 'deploy.yaml': WARNINGS }), 'deploy.yaml'),
      tryRepo(repository, project('clean', { 'deploy.yaml': CLEAN }), 'deploy.yaml'),
    ]);
    expect(bad.output).toMatch(/ballast\.+Failed/);
    expect(bad.output).toContain('deploy.yaml');
    expect(bad.output).toMatch(/16:\d+\s+error\s+Container "api" limits memory to 512Mi, below its request of 1Gi.*limit-below-request/);
    expect(bad.code).toBe(1);
    // pre-commit shows a passing hook's output only for `verbose: true` hooks.
    expect(warnings.output).toMatch(/ballast\.+Passed/);
    expect(warnings.output).toMatch(/6:\d+\s+warning\s+Deployment "api" runs 1 replica\(s\).*replicas-min/);
    expect(warnings.output).toMatch(/\d+ problems? \(0 errors, [1-9]\d* warnings?/);
    expect(warnings.code).toBe(0);
    expect(clean.output).toMatch(/ballast\.+Passed/);
    expect(clean.code).toBe(0);
  }, 300_000);

  it('reads the .ballast-baseline.json of the repository: recorded findings pass the hook, a new one fails it', async (context) => {
    const reason = unavailable();
    if (reason) return context.skip(reason);
    const repository = repositorySnapshot();
    const cli = join(root, 'dist/bin/ballast.js'); // built by test/global-setup.ts
    // A repository that adopted ballast with a known error recorded in its baseline, as the README says to.
    const directory = project('baseline', { 'deploy.yaml': BAD });
    const written = spawnSync(process.execPath, [cli, '--write-baseline', 'deploy.yaml'], { cwd: directory, env, encoding: 'utf8' });
    expect(`${written.stdout}${written.stderr}`).toContain('to .ballast-baseline.json');
    git(directory, 'add', '-A');
    git(directory, 'commit', '-q', '-m', 'baseline');
    writeFileSync(join(directory, 'new.yaml'), BAD.replace('name: api', 'name: worker'));
    git(directory, 'add', '-A');

    const recorded = await tryRepo(repository, directory, 'deploy.yaml');
    expect(recorded.output).toMatch(/ballast\.+Passed/);
    expect(recorded.output).toContain('hidden by the baseline .ballast-baseline.json');
    expect(recorded.output).not.toContain('limit-below-request');
    expect(recorded.code).toBe(0);
    const added = await tryRepo(repository, directory, 'deploy.yaml', 'new.yaml');
    expect(added.output).toMatch(/ballast\.+Failed/);
    expect(added.output).toMatch(/^new\.yaml\n(?:.+\n)*?\s+16:\d+\s+error\s+Container "api" limits memory to 512Mi, below its request of 1Gi/m);
    expect(added.output).not.toMatch(/^deploy\.yaml$/m);
    expect(added.code).toBe(1);
  }, 300_000);

  it('offers --all for whole-repository checks: the file names pre-commit passes give way to the working tree', () => {
    const cli = join(root, 'dist/bin/ballast.js'); // built by test/global-setup.ts
    const directory = project('all', { 'staged.yaml': CLEAN, 'other.yaml': BAD });
    const run = (...args: string[]): string[] => {
      const { stdout } = spawnSync(process.execPath, [cli, '--format', 'json', ...args], { cwd: directory, env, encoding: 'utf8' });
      const { findings } = JSON.parse(stdout) as { findings: { file: string; ruleId: string }[] };
      return findings.filter((finding) => finding.ruleId === 'limit-below-request').map((finding) => finding.file);
    };
    expect(run('staged.yaml')).toEqual([]);
    expect(run('--all', 'staged.yaml')).toEqual(['other.yaml']);
  });
});
