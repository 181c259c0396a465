import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { streamFiles } from '../src/node.js';
import type { ParsedFile } from '../src/parse/source.js';

/**
 * A file ballast cannot read is a finding with its file and line, and the other files are still
 * linted (issue 18: an unreadable file or a name that is not valid UTF-8 was only a stderr line,
 * and a run over nothing else passed).
 */
const directory = mkdtempSync(join(tmpdir(), 'ballast-unreadable-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
mkdirSync(join(directory, '.git'));
const cli = resolve(import.meta.dirname, '../dist/bin/ballast.js');
const deployment =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: "nginx:1.27"}]\n';

/** Run through sh, so that `$(printf …)` can pass a name that is not UTF-8 as the hook passes it: as bytes. */
function ballast(args: string): { code: number; findings: { ruleId: string; file: string; line: number; message: string }[]; stderr: string } {
  const run = spawnSync('sh', ['-c', `"$0" "$1" --format json ${args}`, process.execPath, cli], { cwd: directory, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
  return { code: run.status ?? 2, findings: run.stdout ? (JSON.parse(run.stdout) as { findings: never[] }).findings : [], stderr: run.stderr };
}

describe('a file that cannot be read', () => {
  it('is a parse-error finding on its first line, and the other files are still parsed', async () => {
    writeFileSync(join(directory, 'ok.yaml'), 'kind: ConfigMap\n');
    const parsed: ParsedFile[] = [];
    await streamFiles(['gone.yaml', 'ok.yaml'], (files) => parsed.push(...files), { cwd: directory });
    const byPath = new Map(parsed.map((file) => [file.file.path, file]));
    expect(byPath.get('gone.yaml')?.problems).toEqual([{ ruleId: 'parse-error', messageId: 'unreadable', data: { reason: 'ENOENT' }, range: [0, 0], document: 0 }]);
    expect(byPath.get('ok.yaml')?.problems).toEqual([]);
  });

  // Linux file names are bytes: 0xE9 alone (Latin-1 é) is not UTF-8.
  const badName = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('.yaml')]);
  mkdirSync(join(directory, 'walked'));
  writeFileSync(Buffer.concat([Buffer.from(join(directory, 'walked/')), badName]), deployment);
  writeFileSync(join(directory, 'walked', 'web.yaml'), deployment);

  it('a walked file whose name is not valid UTF-8 is a finding with its file and line; the rest is linted, and the run fails', () => {
    const run = ballast('walked');
    const unreadable = run.findings.filter((finding) => finding.ruleId === 'parse-error');
    expect(unreadable).toEqual([expect.objectContaining({ file: 'walked/caf\uFFFD.yaml', line: 1, message: expect.stringContaining('not valid UTF-8') as string })]);
    expect(run.findings.some((finding) => finding.file === 'walked/web.yaml' && finding.ruleId === 'replicas-min')).toBe(true);
    expect(run.code).toBe(1);
  });

  it('so is one named on the command line (a pre-commit hook passes staged names as they are): no exit 2', () => {
    const run = ballast('"$(printf \'walked/caf\\351.yaml\')" walked/web.yaml');
    expect(run.findings.filter((finding) => finding.ruleId === 'parse-error').map((finding) => `${finding.file}:${finding.line}`)).toEqual(['walked/caf\uFFFD.yaml:1']);
    expect(run.code).toBe(1);
  });
});
