/**
 * A repository from a pull request may hold symlinks, pipes and a .gitignore meant to hide
 * files (issue 18): walks stay inside the folder they were given, special files are skipped
 * with a note, a link that cannot be followed is a note and not exit 2, and files named
 * explicitly are linted whatever .gitignore says.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverFiles, lintFiles } from '../src/node.js';
import { readAndParse } from '../src/node-parse-worker.js';
import { DEFAULT_LIMITS } from '../src/parse/limits.js';

const cli = resolve(import.meta.dirname, '../dist/bin/ballast.js');
const outside = mkdtempSync(join(tmpdir(), 'ballast-secret-'));
const repository = mkdtempSync(join(tmpdir(), 'ballast-walk-'));
afterAll(() => {
  rmSync(repository, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});
const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\n';
mkdirSync(join(repository, '.git'));
mkdirSync(join(repository, 'k8s'));
writeFileSync(join(repository, 'k8s', 'app.yaml'), manifest);
writeFileSync(join(outside, 'secret.yaml'), 'apiVersion: v1\nkind: Secret\nmetadata: {name: TOPSECRET}\n');
symlinkSync(join(outside, 'secret.yaml'), join(repository, 'k8s', 'leak.yaml'));
symlinkSync(outside, join(repository, 'k8s', 'elsewhere'));
symlinkSync('/proc/self/pagemap', join(repository, 'k8s', 'pagemap.yaml'));
symlinkSync('loop-b.yaml', join(repository, 'k8s', 'loop-a.yaml'));
symlinkSync('loop-a.yaml', join(repository, 'k8s', 'loop-b.yaml'));
symlinkSync(join(repository, 'k8s', 'app.yaml'), join(repository, 'k8s', 'alias.yaml'));
execFileSync('mkfifo', [join(repository, 'k8s', 'pipe.yaml')]);

async function walk(patterns: readonly string[]): Promise<{ files: string[]; skipped: string[] }> {
  const skipped: string[] = [];
  const files = await discoverFiles(patterns, { cwd: repository, onSkip: (path, reason) => skipped.push(`${path}: ${reason}`) });
  return { files, skipped };
}

describe('walking a folder from a pull request', () => {
  it('takes the files inside it and skips, with a note, links out of it, loops, pipes and kernel files', async () => {
    const { files, skipped } = await walk(['k8s']);
    expect(files).toEqual(['k8s/alias.yaml', 'k8s/app.yaml']);
    expect(skipped.sort()).toEqual([
      expect.stringMatching(/^k8s\/elsewhere: a symlink out of the walked folder/),
      expect.stringMatching(/^k8s\/leak\.yaml: a symlink out of the walked folder/),
      expect.stringMatching(/^k8s\/loop-a\.yaml: a symlink that cannot be followed \(ELOOP\)/),
      expect.stringMatching(/^k8s\/loop-b\.yaml: a symlink that cannot be followed \(ELOOP\)/),
      expect.stringMatching(/^k8s\/pagemap\.yaml: a symlink out of the walked folder/),
      'k8s/pipe.yaml: not a regular file',
    ]);
  });

  it('refuses named files that are kernel files, pipes or links out of the repository', async () => {
    const { files, skipped } = await walk(['k8s/leak.yaml', 'k8s/pagemap.yaml', 'k8s/pipe.yaml', 'k8s/loop-a.yaml', 'k8s/app.yaml']);
    expect(files).toEqual(['k8s/app.yaml']);
    expect(skipped).toHaveLength(4);
  });

  it('lints what it may and exits 0 or 1, never 2, and the secret never shows', () => {
    const run = spawnSync(process.execPath, [cli, '--format', 'json', 'k8s', 'k8s/leak.yaml'], { cwd: repository, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
    expect([0, 1]).toContain(run.status);
    expect(run.stdout).not.toContain('TOPSECRET');
    expect(run.stderr).toContain('skipped k8s/leak.yaml');
  });

  it('lints a file named explicitly even when a .gitignore would hide it, and says when nothing was linted', async () => {
    const hidden = mkdtempSync(join(tmpdir(), 'ballast-ignored-'));
    try {
      mkdirSync(join(hidden, '.git'));
      writeFileSync(join(hidden, '.gitignore'), '*\n');
      writeFileSync(join(hidden, 'deploy.yaml'), manifest);
      expect((await lintFiles(['deploy.yaml'], { cwd: hidden })).summary.files).toBe(1);
      const run = spawnSync(process.execPath, [cli, '.'], { cwd: hidden, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
      expect(run.stderr).toMatch(/nothing to lint/);
    } finally {
      rmSync(hidden, { recursive: true, force: true });
    }
  });

  it('a run that lints nothing says how many files each rule left out, on stderr and in the JSON summary', () => {
    const tree = mkdtempSync(join(tmpdir(), 'ballast-nothing-'));
    try {
      mkdirSync(join(tree, '.git'));
      mkdirSync(join(tree, 'k8s'));
      writeFileSync(join(tree, '.gitignore'), 'k8s/generated-*.yaml\n');
      writeFileSync(join(tree, '.ballast.yaml'), 'ignore: ["k8s/vendor-*.yaml"]\n');
      for (const name of ['generated-a.yaml', 'generated-b.yaml', 'vendor-a.yaml', 'README.md', 'Makefile', '.hidden.yaml']) writeFileSync(join(tree, 'k8s', name), manifest);
      symlinkSync('/etc/hostname', join(tree, 'k8s', 'out.yaml'));
      const run = spawnSync(process.execPath, [cli, '--format', 'json', 'k8s'], { cwd: tree, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
      expect(run.status).toBe(0);
      expect(run.stderr).toContain("nothing to lint: no file found; left out: 2 by .gitignore, 1 by the config's ignore, 1 hidden (a dot name), 1 refused for safety (named above), 2 not YAML, JSON or a kubelet file");
      const summary = (JSON.parse(run.stdout) as { summary: { files: number; skippedFiles?: Record<string, number> } }).summary;
      expect(summary).toMatchObject({ files: 0, skippedFiles: { gitignore: 2, ignore: 1, hidden: 1, unsafe: 1, 'not-manifest': 2 } });
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('reads no more than the size limit from a file whose size is not what stat says, and never a pipe', () => {
    const limits = { ...DEFAULT_LIMITS, maxFileBytes: 64 };
    const parsed = readAndParse({ path: 'maps', absolute: '/proc/self/maps', size: 0 }, limits);
    expect(parsed.flatMap((file) => file.problems.map((problem) => problem.ruleId))).toEqual(['input-limit']);
    const pipe = readAndParse({ path: 'pipe.yaml', absolute: join(repository, 'k8s', 'pipe.yaml'), size: 0 }, limits);
    expect(pipe.flatMap((file) => file.problems)).toEqual([expect.objectContaining({ ruleId: 'parse-error', messageId: 'unreadable', data: { reason: 'not a regular file' } })]);
  });

  it('takes every name after -- as a file, as the pre-commit hook passes them (a file named --config=x.yaml stays a file)', () => {
    writeFileSync(join(repository, '--config=evil.yaml'), manifest);
    writeFileSync(join(repository, '--explain-node=x.yaml'), manifest);
    const run = spawnSync(process.execPath, [cli, '--format', 'json', '--', '--config=evil.yaml', '--explain-node=x.yaml'], { cwd: repository, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as { summary: { files: number } }).summary.files).toBe(2);
  });
});
