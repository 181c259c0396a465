/** Command-line options for repository use: outputs, rule selection, limits. Run through the built command. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = resolve(import.meta.dirname, '../dist/bin/ballast.js');
const workspace = mkdtempSync(join(tmpdir(), 'ballast-options-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));
mkdirSync(join(workspace, '.git'));

function ballast(args: readonly string[], input = ''): { code: number; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: workspace, input, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1' } });
  return { code: run.status ?? 2, stdout: run.stdout, stderr: run.stderr };
}

const deployment =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: "nginx:latest"}]\n';
writeFileSync(join(workspace, 'web.yaml'), deployment);

describe('outputs', () => {
  it('writes several formats from one run: SARIF to a file, stylish to the terminal', () => {
    const run = ballast(['--format', 'sarif', '--output-file', 'out.sarif', '--format', 'stylish', 'web.yaml']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^web\.yaml\n/);
    expect((JSON.parse(readFileSync(join(workspace, 'out.sarif'), 'utf8')) as { version: string }).version).toBe('2.1.0');
  });

  it('does not follow a symlink planted at an output path', () => {
    writeFileSync(join(workspace, 'precious.txt'), 'keep');
    symlinkSync(join(workspace, 'precious.txt'), join(workspace, 'report.json'));
    expect(ballast(['--format', 'json', '-o', 'report.json', 'web.yaml']).code).toBe(0);
    expect(readFileSync(join(workspace, 'precious.txt'), 'utf8')).toBe('keep');
    expect(readFileSync(join(workspace, 'report.json'), 'utf8')).toMatch(/"findings"/);
  });

  it('refuses two formats on standard output', () => {
    expect(ballast(['--format', 'json', '--format', 'stylish', 'web.yaml'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/only one --format/) as unknown });
  });

  it('ends the stylish report with findings per rule, and leaves fixes out with --no-fix', () => {
    const run = ballast(['--no-fix', 'web.yaml']);
    expect(run.stdout).not.toContain('fix:');
    expect(run.stdout).toMatch(/\nby rule: [a-z-]+ \d+(, [a-z-]+ \d+)*\n[✖⚠]/);
  });
});

describe('caps on results (issue 18: 60 KB of YAML made 30,010 SARIF results; GitHub rejects over 25,000)', () => {
  const twenty = Array.from({ length: 20 }, (_, index) => deployment.replace('name: web}', `name: web${index}}`)).join('---\n');
  writeFileSync(join(workspace, 'many.yaml'), twenty);

  it('--max-results caps one format, names the file on stderr, and keeps the exit code', () => {
    const whole = ballast(['--format', 'json', 'many.yaml']);
    const total = (JSON.parse(whole.stdout) as { findings: unknown[] }).findings.length;
    expect(total).toBeGreaterThan(20);
    const run = ballast(['--max-results', 'sarif=5', '--format', 'sarif', '-o', 'capped.sarif', '--format', 'json', 'many.yaml']);
    expect(run.code).toBe(whole.code);
    const log = JSON.parse(readFileSync(join(workspace, 'capped.sarif'), 'utf8')) as { runs: { results: unknown[]; invocations: { toolExecutionNotifications?: { message: { text: string } }[] }[] }[] };
    expect(log.runs[0]?.results).toHaveLength(5);
    expect(log.runs[0]?.invocations[0]?.toolExecutionNotifications?.[0]?.message.text).toContain(`${total - 5} more findings are not in this report`);
    expect(run.stderr).toContain(`capped.sarif holds the 5 most severe of ${total} findings`);
    // The other format is not capped.
    expect((JSON.parse(run.stdout) as { findings: unknown[] }).findings).toHaveLength(total);
  });

  it('takes the cap from the config, and --max-results 0 lifts it', () => {
    writeFileSync(join(workspace, 'capped.yaml'), 'limits:\n  maxResults: {stylish: 3}\n');
    const capped = ballast(['--config', 'capped.yaml', 'many.yaml']);
    expect(capped.stdout).toMatch(/more findings are not in this report: it holds the 3 most severe of \d+/);
    expect(ballast(['--config', 'capped.yaml', '--max-results', '0', 'many.yaml']).stdout).not.toContain('not in this report');
  });

  it('refuses a cap that is not a number of findings', () => {
    for (const value of ['--max-results=-1', '--max-results=lots', '--max-results=xml=3'])
      expect(ballast([value, 'web.yaml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--max-results takes') as unknown });
  });
});

describe('rule selection', () => {
  it('runs only the rules --only names', () => {
    const run = ballast(['--only', 'replicas-min', '--format', 'json', 'web.yaml']);
    expect((JSON.parse(run.stdout) as { findings: { ruleId: string }[] }).findings.map((finding) => finding.ruleId)).toEqual(['replicas-min']);
    expect(ballast(['--only', 'replica-min', 'web.yaml'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown rule "replica-min"/) as unknown });
  });

  it('lists the rules as JSON', () => {
    const rules = JSON.parse(ballast(['--list-rules', '--format', 'json']).stdout) as { id: string; severity: string; recommended: boolean }[];
    expect(rules.find((rule) => rule.id === 'replicas-min')).toMatchObject({ severity: 'warning', recommended: true });
  });
});

describe('limits', () => {
  const big = `${deployment}---\n${`# ${'x'.repeat(1000)}\n`.repeat(11_000)}`;
  mkdirSync(join(workspace, 'walked'));
  writeFileSync(join(workspace, 'walked/big.yaml'), big);

  it('skips a file over 10 MB found by walking, naming the option that would include it', () => {
    const run = ballast(['--only', 'replicas-min', '--format', 'json', 'walked']);
    const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; message: string }[] }).findings;
    expect(findings.map((finding) => finding.ruleId)).toEqual(['input-limit']);
    expect(findings[0]?.message).toMatch(/--max-file-size/);
  });

  it('reads a file named on the command line, and standard input, whatever their size', () => {
    const ids = (text: string): string[] => (JSON.parse(text) as { findings: { ruleId: string }[] }).findings.map((finding) => finding.ruleId);
    expect(ids(ballast(['--only', 'replicas-min', '--format', 'json', 'walked/big.yaml']).stdout)).toEqual(['replicas-min']);
    expect(ids(ballast(['--only', 'replicas-min', '--format', 'json', '-'], big).stdout)).toEqual(['replicas-min']);
  });

  it('applies a limit that is set to every file, from the flag or the config', () => {
    const ids = (text: string): string[] => (JSON.parse(text) as { findings: { ruleId: string }[] }).findings.map((finding) => finding.ruleId);
    expect(ids(ballast(['--max-file-size', '1KB', '--only', 'replicas-min', '--format', 'json', 'walked/big.yaml']).stdout)).toEqual(['input-limit']);
    expect(ids(ballast(['--max-file-size', '20MB', '--only', 'replicas-min', '--format', 'json', 'walked']).stdout)).toEqual(['replicas-min']);
    writeFileSync(join(workspace, '.ballast.yaml'), 'limits:\n  maxFileSize: 1KiB\n');
    expect(ids(ballast(['--only', 'replicas-min', '--format', 'json', '-'], big).stdout)).toEqual(['input-limit']);
    rmSync(join(workspace, '.ballast.yaml'));
    expect(ballast(['--max-file-size', 'lots', 'web.yaml'])).toMatchObject({ code: 2 });
  });
});
