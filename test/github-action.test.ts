/**
 * action.yml run the way a runner would, minus the network: each `run:` step of the composite
 * action is executed with bash, `${{ inputs.* }}` and `${{ github.action_path }}` filled in, in
 * a scratch workspace with fake GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. The setup-node and
 * install steps are skipped: the test uses this checkout's build (dist/, kept current by test/global-setup.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { childEnv } from './support/child-env.js';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const root = resolve(import.meta.dirname, '..');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as Action;
const scratch = mkdtempSync(join(tmpdir(), 'ballast-action-'));
let runs = 0;

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Outcome {
  status: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}

function runAction(inputs: Record<string, string>, files: Record<string, string> = {}): Outcome {
  const workspace = join(scratch, `workspace-${(runs += 1)}`);
  cpSync(join(root, 'examples'), join(workspace, 'examples'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(workspace, name), text);
  const outputFile = join(workspace, '.github-output');
  const summaryFile = join(workspace, '.github-step-summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const values = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, inputs[name] ?? input.default ?? '']));
  const expand = (text: string): string =>
    text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_whole, expression: string) => {
      if (expression === 'github.action_path') return root;
      const input = /^inputs\.([\w-]+)$/.exec(expression)?.[1];
      if (input !== undefined && input in values) return values[input] ?? '';
      throw new Error(`action.yml uses an expression the test does not know: ${expression}`);
    });

  let last = { status: 0, stdout: '', stderr: '' };
  for (const step of action.runs.steps) {
    if (step.uses !== undefined || step.id === 'install' || step.run === undefined) continue;
    const env = childEnv({ GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: scratch });
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = expand(value);
    const cwd = step['working-directory'] ? expand(step['working-directory']) : workspace;
    const result = spawnSync('bash', ['-e', '-c', expand(step.run)], { cwd, env, encoding: 'utf8', timeout: 60_000 });
    last = { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
    if (last.status !== 0) break;
  }
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('=', 2) as [string, string]),
  );
  return { ...last, outputs, summary: readFileSync(summaryFile, 'utf8'), workspace };
}

describe('GitHub Action', () => {
  it('is a composite action that sets up Node, installs, and lints with its inputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps[0]?.uses).toMatch(/^actions\/setup-node@v\d+$/);
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'config', 'fail-on', 'sarif-file']));
    for (const output of Object.values(action.outputs)) expect(output.value).toMatch(/^\$\{\{ steps\.lint\.outputs\.[\w-]+ \}\}$/);
  });

  it('writes SARIF, annotations, a summary table and outputs, and fails at errors', () => {
    const outcome = runAction({ paths: 'examples/web-app.yaml\nexamples/resilient-app.yaml', 'sarif-file': 'reports/ballast.sarif' });
    expect(outcome.status).toBe(1);
    // The readable report, then the annotations.
    expect(outcome.stdout).toMatch(/examples\/web-app\.yaml\n\s+8:13\s+warning/);
    expect(outcome.stdout).toMatch(/^::error file=examples\/web-app\.yaml,line=28,col=23,endLine=28,endColumn=\d+,title=limit-below-request::Container "web" limits memory/m);
    const sarif = JSON.parse(readFileSync(join(outcome.workspace, 'reports/ballast.sarif'), 'utf8')) as { version: string; runs: { results: { ruleId: string; level: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0]?.results ?? [];
    expect(outcome.outputs).toEqual({
      errors: String(results.filter((result) => result.level === 'error').length),
      warnings: String(results.filter((result) => result.level === 'warning').length),
      infos: String(results.filter((result) => result.level === 'note').length),
      'sarif-file': 'reports/ballast.sarif',
    });
    expect(outcome.outputs['errors']).toBe('1');
    expect(outcome.summary).toMatch(/^### ballast: 1 error, \d+ warnings, \d+ infos?\n\n\| Severity \| Rule \| File \| Line \| Message \|/);
    expect(outcome.summary).toContain('| error | [limit-below-request](https://github.com/ballast-lint/ballast/blob/main/docs/rules/limit-below-request.md) | `examples/web-app.yaml` | 28 |');
    expect(outcome.summary.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Severity'))).toHaveLength(results.length);
  });

  it('passes under fail-on error with warnings only, and can skip the SARIF file', () => {
    const warningsOnly = {
      'warn.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: { name: tool }\nspec:\n  containers:\n    - name: tool\n      image: registry.example.com/tool:1.2.0\n      resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }\n',
    };
    const outcome = runAction({ paths: 'warn.yaml', 'sarif-file': '' }, warningsOnly);
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toMatch(/^::warning file=warn\.yaml/m);
    expect(outcome.outputs['sarif-file']).toBeUndefined();
    expect(outcome.outputs['errors']).toBe('0');
    expect(runAction({ paths: 'warn.yaml', 'fail-on': 'warning' }, warningsOnly).status).toBe(1);
  });

  it('reports a clean run, and fails with exit 2 on a bad config', () => {
    const clean = runAction({ paths: 'ok.yaml' }, { 'ok.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndata: { mode: fast }\n' });
    expect(clean.status).toBe(0);
    expect(clean.summary).toBe('### ballast: 0 errors, 0 warnings, 0 infos\n\nNo findings.\n');
    const broken = runAction({ paths: 'examples', config: 'bad.yaml' }, { 'bad.yaml': 'extends: lenient\n' });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^ballast: .*bad\.yaml/m);
    expect(broken.stdout).toContain('::error title=ballast::ballast could not run (exit 2)');
  });

  it('keeps machine formats clean: no annotations when --format is given', () => {
    const result = spawnSync(process.execPath, [join(root, 'dist/bin/ballast.js'), '--format', 'json', 'examples/web-app.yaml'], {
      cwd: root,
      env: childEnv({ GITHUB_ACTIONS: 'true' }),
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
  });
});
