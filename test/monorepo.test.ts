/**
 * A platform repository with one folder per cluster: configs cascade (the nearest .ballast.yaml
 * applies, `extends` a parent file, `overrides` by glob), each declared cluster is linted as a set of
 * its own with its own facts, and exclusions by namespace hold. Run through the built command.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findConfigFile } from '../src/node.js';
import { globToRegExp } from '../src/node-config.js';

const cli = resolve(import.meta.dirname, '../dist/bin/ballast.js');
const monorepo = resolve(import.meta.dirname, 'fixtures/monorepo');

interface JsonFinding {
  ruleId: string;
  messageId?: string;
  file: string;
  severity: string;
  name?: string;
}

function ballast(cwd: string, ...args: string[]): { code: number; findings: JsonFinding[]; stderr: string } {
  const run = spawnSync(process.execPath, [cli, '--format', 'json', ...args], { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
  const findings = run.stdout ? (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings : [];
  return { code: run.status ?? 2, findings, stderr: run.stderr };
}

describe('a monorepo of two clusters', () => {
  const { findings } = ballast(monorepo, '.');
  const of = (ruleId: string): string[] => findings.filter((finding) => finding.ruleId === ruleId).map((finding) => `${finding.file} ${finding.severity}`);

  it('keeps cross-document findings inside each cluster: a PDB in one cluster does not cover the other', () => {
    expect(of('pdb-missing')).toEqual(['clusters/large/web.yaml warning']);
  });

  it('judges each cluster against its own Kubernetes version', () => {
    // autoscaling/v2beta2 was removed in 1.26: an error on the 1.30 cluster, a deprecation on the 1.24 one.
    expect(of('api-version-removed')).toEqual(['clusters/large/web.yaml error', 'clusters/small/web.yaml warning']);
  });

  it('judges each cluster against its own node sizes', () => {
    // 3 CPUs per pod: more than the small cluster's 2-CPU nodes, well within the large one's 16.
    expect(of('requests-exceed-allocatable')).toEqual(['clusters/small/web.yaml error']);
  });

  it('applies overrides by glob relative to their config file', () => {
    expect(of('replicas-min')).toEqual([]);
    expect(of('liveness-probe-missing')).toEqual(['clusters/large/batch/worker.yaml warning']);
  });

  it('inherits exclusions through extends: objects in sandbox-* namespaces are not linted', () => {
    expect(findings.filter((finding) => finding.file === 'clusters/large/sandbox.yaml')).toEqual([]);
  });

  it('uses the same configs when run from inside one cluster', () => {
    const inside = ballast(join(monorepo, 'clusters/small'), '.');
    expect(inside.findings.map((finding) => finding.ruleId).sort()).toEqual(['api-version-removed', 'hpa-replicas-conflict', 'requests-exceed-allocatable']);
  });
});

describe('config discovery', () => {
  const root = mkdtempSync(join(tmpdir(), 'ballast-configs-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const deployment =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n      containers: [{name: a, image: "a:1.0.0"}]\n';

  it('never reads a config above the repository root', () => {
    writeFileSync(join(root, '.ballast.yaml'), 'plugins: ["./evil.mjs"]\n');
    mkdirSync(join(root, 'repo/.git'), { recursive: true });
    mkdirSync(join(root, 'repo/apps'), { recursive: true });
    expect(findConfigFile(join(root, 'repo/apps'))).toBeUndefined();
    writeFileSync(join(root, 'repo/apps/a.yaml'), deployment);
    const run = ballast(join(root, 'repo'), 'apps');
    expect(run.stderr).toBe('');
    expect(run.findings.map((finding) => finding.ruleId)).toContain('replicas-min');
  });

  it('applies the nearest config below the working directory to the files under it', () => {
    writeFileSync(join(root, 'repo/apps/.ballast.yaml'), 'rules:\n  replicas-min: off\n');
    expect(ballast(join(root, 'repo'), 'apps').findings.map((finding) => finding.ruleId)).not.toContain('replicas-min');
  });

  it('reports an extends cycle as a config error', () => {
    writeFileSync(join(root, 'repo/apps/.ballast.yaml'), 'extends: ./other.yaml\n');
    writeFileSync(join(root, 'repo/apps/other.yaml'), 'extends: ./.ballast.yaml\n');
    const run = ballast(join(root, 'repo'), 'apps/a.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/extends goes round in a circle/);
  });
});

describe('globToRegExp', () => {
  it.each([
    ['batch/**', 'batch/a/b.yaml', true],
    ['batch/**', 'other/batch/a.yaml', false],
    ['*.yaml', 'deep/down/x.yaml', true],
    ['apps/*.yaml', 'apps/x.yaml', true],
    ['apps/*.yaml', 'apps/sub/x.yaml', false],
    ['apps', 'apps/sub/x.yaml', true],
    ['**/jobs/*.yaml', 'a/b/jobs/x.yaml', true],
    ['job?.yaml', 'job1.yaml', true],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(globToRegExp(pattern).test(path)).toBe(expected);
  });
});
