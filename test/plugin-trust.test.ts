/**
 * A config in a pull request is untrusted input until it validates, and its `plugins` are code
 * (issue 18): they load only after validation, only for commands that lint, and only from files
 * inside the repository or installed packages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { readConfigFile } from '../src/node.js';

const cli = resolve(import.meta.dirname, '../dist/bin/ballast.js');
const outside = mkdtempSync(join(tmpdir(), 'ballast-outside-'));
const repository = mkdtempSync(join(tmpdir(), 'ballast-trust-'));
afterAll(() => {
  rmSync(repository, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});
mkdirSync(join(repository, '.git'));
const marker = join(repository, 'plugin-ran');

/** A plugin that leaves a file behind when it is imported, and exports one rule. */
function plugin(directory: string): string {
  const path = join(directory, 'plugin.mjs');
  writeFileSync(
    path,
    `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport default { meta: { id: 'team/rule', category: 'workload', severity: 'warning', summary: 's', rationale: 'r', fix: 'f', appliesTo: ['*'], since: '0.1.0', messages: {} }, check() {} };\n`,
  );
  return path;
}
plugin(repository);
plugin(outside);
writeFileSync(join(repository, 'app.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');

function config(text: string): string {
  const path = join(repository, '.ballast.yaml');
  writeFileSync(path, text);
  return path;
}

function run(args: readonly string[]) {
  const child = spawnSync(process.execPath, [cli, ...args], { cwd: repository, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1' } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

beforeEach(() => rmSync(marker, { force: true }));

describe('plugins from a config', () => {
  it('load from a file inside the repository, for a lint run', async () => {
    const loaded = await readConfigFile(config('plugins: ["./plugin.mjs"]\nrules: { team/rule: error }\n'));
    expect(loaded.plugins.map((rule) => rule.meta.id)).toEqual(['team/rule']);
    expect(existsSync(marker)).toBe(true);
  });

  it('do not load when the config does not validate (the config is checked first)', async () => {
    await expect(readConfigFile(config('plugins: ["./plugin.mjs"]\nrulez: {}\n'))).rejects.toThrow(/unknown property "rulez"/);
    expect(existsSync(marker)).toBe(false);
  });

  it('are refused as data:, http(s): or file: URLs', async () => {
    for (const url of ['data:text/javascript,export default []', 'https://example.com/p.mjs', 'http://example.com/p.mjs', `file://${join(repository, 'plugin.mjs')}`, 'node:fs']) {
      await expect(readConfigFile(config(`plugins: [${JSON.stringify(url)}]\n`)), url).rejects.toThrow(/neither a file in the repository nor an installed package/);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('are refused outside the repository: an absolute path, ../, or a symlink out of it', async () => {
    symlinkSync(join(outside, 'plugin.mjs'), join(repository, 'linked.mjs'));
    for (const specifier of [join(outside, 'plugin.mjs'), `../${join(outside, 'plugin.mjs').split('/').slice(-2).join('/')}`, './linked.mjs']) {
      await expect(readConfigFile(config(`plugins: [${JSON.stringify(specifier)}]\n`)), specifier).rejects.toThrow(/outside the repository/);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('are not loaded for --list-rules, --explain, --help or --version', () => {
    config('plugins: ["./plugin.mjs"]\n');
    for (const args of [['--list-rules'], ['--explain', 'replicas-min'], ['--help'], ['--version']]) {
      expect(run(args).code, args.join(' ')).toBe(0);
      expect(existsSync(marker), args.join(' ')).toBe(false);
    }
    expect(run(['app.yaml']).code).toBe(0);
    expect(existsSync(marker)).toBe(true);
  });
});
