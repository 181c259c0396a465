/** Adopting ballast on a repository with findings: the baseline file through the built command. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = resolve(import.meta.dirname, '../dist/bin/ballast.js');
const workspace = mkdtempSync(join(tmpdir(), 'ballast-baseline-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

function ballast(...args: string[]): { code: number; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cli, '--rule', 'pdb-missing=off', ...args], { cwd: workspace, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1' } });
  return { code: run.status ?? 2, stdout: run.stdout, stderr: run.stderr };
}

const deployment = (replicas: number, image: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: ${image}\n          resources:\n            requests: {cpu: 100m, memory: 64Mi}\n            limits: {memory: 64Mi}\n          readinessProbe: {httpGet: {path: /, port: 80}}\n          livenessProbe: {httpGet: {path: /, port: 81}}\n`;

describe('baseline through the command line', () => {
  it('write → no findings → new problem → one finding → fix → prune', () => {
    writeFileSync(join(workspace, 'web.yaml'), deployment(1, 'nginx:1.27.0'));
    const before = ballast('--format', 'json', 'web.yaml');
    const ruleIds = (text: string): string[] => (JSON.parse(text) as { findings: { ruleId: string }[] }).findings.map((finding) => finding.ruleId);
    expect(ruleIds(before.stdout)).toContain('replicas-min');

    const written = ballast('--write-baseline', 'web.yaml');
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/wrote \d+ findings? to \.ballast-baseline\.json/);
    expect(existsSync(join(workspace, '.ballast-baseline.json'))).toBe(true);

    // Picked up without a flag; lines moved by an edit above do not bring findings back.
    writeFileSync(join(workspace, 'web.yaml'), `# owned by team web\n${deployment(1, 'nginx:1.27.0')}`);
    const clean = ballast('--format', 'json', 'web.yaml');
    expect(ruleIds(clean.stdout)).toEqual([]);
    expect(clean.stderr).toMatch(/hidden by the baseline \.ballast-baseline\.json/);

    writeFileSync(join(workspace, 'web.yaml'), deployment(1, 'nginx:latest'));
    expect(ruleIds(ballast('--format', 'json', 'web.yaml').stdout)).toEqual(['image-tag-mutable']);

    writeFileSync(join(workspace, 'web.yaml'), deployment(3, 'nginx:1.27.0'));
    const fixed = ballast('web.yaml');
    expect(fixed.stdout).toMatch(/replicas-min in web\.yaml.*--prune-baseline/);
    const pruned = ballast('--prune-baseline', 'web.yaml');
    expect(pruned.stdout).toMatch(/pruned 1 fixed finding/);
    const entries = (JSON.parse(readFileSync(join(workspace, '.ballast-baseline.json'), 'utf8')) as { findings: { ruleId: string }[] }).findings;
    expect(entries.map((entry) => entry.ruleId)).not.toContain('replicas-min');

    writeFileSync(join(workspace, 'web.yaml'), deployment(1, 'nginx:1.27.0'));
    expect(ruleIds(ballast('--format', 'json', 'web.yaml').stdout)).toEqual(['replicas-min']);
  });

  it('takes --baseline <file> (what the Action passes) and refuses one that does not exist', () => {
    writeFileSync(join(workspace, 'other.yaml'), deployment(1, 'nginx:1.27.0'));
    expect(ballast('--baseline', 'ci/none.json', 'other.yaml')).toMatchObject({ code: 2, stderr: expect.stringMatching(/no such baseline/) as unknown });
    expect(ballast('--baseline', 'adopt.json', '--write-baseline', 'other.yaml').code).toBe(0);
    expect(ballast('--baseline', 'adopt.json', 'other.yaml').code).toBe(0);
  });

  it('replaces a symlink at the baseline path instead of writing through it', () => {
    const target = join(workspace, 'victim.txt');
    writeFileSync(target, 'keep');
    symlinkSync(target, join(workspace, 'linked.json'));
    expect(ballast('--baseline', 'linked.json', '--write-baseline', 'other.yaml').code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('keep');
  });

  it('reports a baseline that is not one as a usage error', () => {
    writeFileSync(join(workspace, 'broken.json'), '{"version": 1}');
    expect(ballast('--baseline', 'broken.json', 'other.yaml')).toMatchObject({ code: 2, stderr: expect.stringMatching(/cannot read the baseline/) as unknown });
  });
});
