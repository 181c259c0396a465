/**
 * The package as a user gets it: built into a staging copy (the working tree's dist/ is not
 * touched, the steps of `npm run build`), packed with `npm pack`, installed from the tarball into a
 * fresh project, loaded by name from ESM and from CommonJS (`require`), type-checked from
 * TypeScript both ways, and run through its bin, with a plugin.
 * Dependencies come from the npm cache (`--prefer-offline`); the test skips, saying why, only
 * when npm cannot get them at all.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { childEnv } from './support/child-env.js';

const root = resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; files: string[] };
const work = mkdtempSync(join(tmpdir(), 'ballast-package-'));
const consumer = join(work, 'consumer');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const OFFLINE_ERRORS = /ENOTCACHED|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|network/i;

let skipReason: string | undefined;
let packedFiles: string[] = [];

function run(command: string, args: readonly string[], cwd: string, input?: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'], timeout: 120_000, env: childEnv() });
}

function stderrOf(error: unknown): string {
  const detail = error as { stderr?: string; message?: string };
  return `${detail.stderr ?? ''}${detail.message ?? ''}`;
}

beforeAll(() => {
  const stage = join(work, 'stage');
  mkdirSync(stage);
  cpSync(join(root, 'package.json'), join(stage, 'package.json'));
  // Whatever `files` ships, except dist/, which is built fresh below.
  for (const entry of manifest.files) {
    const path = entry.replace(/\/$/, '');
    if (entry.startsWith('!') || path === 'dist' || !existsSync(join(root, path))) continue;
    cpSync(join(root, path), join(stage, path), { recursive: true });
  }
  run(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', join(stage, 'dist')], root);
  run(process.execPath, [join(root, 'scripts/bundle-cli.mjs')], stage);
  run(process.execPath, [join(root, 'scripts/build-cjs.mjs'), '--dist', join(stage, 'dist')], root);
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], stage)) as { filename: string; files: { path: string }[] }[];
  if (!packed) throw new Error('npm pack produced no tarball');
  packedFiles = packed.files.map((file) => file.path);

  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { [manifest.name]: `file:../${packed.filename}` } }));
  try {
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], consumer);
  } catch (error) {
    if (!OFFLINE_ERRORS.test(stderrOf(error))) throw error;
    skipReason = `npm could not install the dependencies (offline and not in the npm cache): ${stderrOf(error).split('\n')[0] ?? ''}`;
  }
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package', () => {
  it('ships the build, types, schema and docs, and no tests or test tooling', () => {
    expect(packedFiles).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/node.js', 'dist/src/node.d.ts', 'dist/bin/ballast.js', 'docs/rules/README.md']));
    // `ballast/testing` (dist/src/testing/) is the fixture runner for plugin authors; tests and fixtures stay home.
    expect(packedFiles).toEqual(expect.arrayContaining(['dist/src/testing/index.js', 'dist/src/testing/index.d.ts']));
    expect(packedFiles.filter((path) => /\.test\.|(^|\/)testing\/(?!index|rule-tester|fixture-cases)|^fixtures\/|^test\//.test(path))).toEqual([]);
    // The config schema editors point `$schema` at, once generated.
    if (existsSync(join(root, 'schema/ballast-config.schema.json'))) expect(packedFiles).toContain('schema/ballast-config.schema.json');
  });

  it('imports by name from ESM and lints', (context) => {
    if (skipReason) return context.skip(skipReason);
    const script = `
      import { lint, lintText, formatters, rules, VERSION, defineRule } from 'ballast';
      import { lintFiles } from 'ballast/node';
      const text = 'apiVersion: apps/v1\\nkind: Deployment\\nmetadata: { name: api }\\nspec: { replicas: 1, selector: { matchLabels: { app: api } }, template: { metadata: { labels: { app: api } }, spec: { containers: [{ name: api, image: api:1 }] } } }\\n';
      const result = lintText(text, 'api.yaml', { only: ['replicas-min'] });
      const sarif = JSON.parse(formatters.sarif(result));
      const parsed = lint([{ path: 'objects', documents: [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 1, selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'x', image: 'x:1' }] } } } }] }], { only: ['replicas-min'] });
      console.log(JSON.stringify({ version: VERSION, rules: rules.length, ids: result.findings.map((f) => f.ruleId), sarif: sarif.version,
        parsed: parsed.findings.length, lintFiles: typeof lintFiles, defineRule: typeof defineRule }));
    `;
    const output = JSON.parse(run(process.execPath, ['--input-type=module', '-e', script], consumer)) as Record<string, unknown>;
    expect(output).toEqual({ version: manifest.version, rules: builtinRules.length, ids: ['replicas-min'], sarif: '2.1.0', parsed: 1, lintFiles: 'function', defineRule: 'function' });
  });

  it('loads by name from CommonJS with require() and lints', (context) => {
    if (skipReason) return context.skip(skipReason);
    writeFileSync(
      join(consumer, 'consumer.cjs'),
      `const { lintText, formatters, rules, VERSION, loadConfig } = require('ballast');
      const result = lintText('apiVersion: apps/v1\\nkind: Deployment\\nmetadata: { name: api }\\nspec: { replicas: 1, selector: { matchLabels: { app: api } }, template: { metadata: { labels: { app: api } }, spec: { containers: [{ name: api, image: api:1 }] } } }\\n', 'api.yaml', { only: ['replicas-min'] });
      loadConfig('extends: strict').then((config) => console.log(JSON.stringify({ version: VERSION, rules: rules.length, ids: result.findings.map((f) => f.ruleId),
        sarif: JSON.parse(formatters.sarif(result)).version, extends: config.extends, esm: typeof require('ballast/package.json').exports['.'].import })));`,
    );
    const output = JSON.parse(run(process.execPath, ['consumer.cjs'], consumer)) as Record<string, unknown>;
    expect(output).toEqual({ version: manifest.version, rules: builtinRules.length, ids: ['replicas-min'], sarif: '2.1.0', extends: 'strict', esm: 'object' });
    expect(packedFiles).toEqual(expect.arrayContaining(['dist/cjs/index.js', 'dist/cjs/package.json', 'dist/cjs/src/index.d.ts']));
  });

  it('type-checks a CommonJS TypeScript consumer against the declarations for require()', (context) => {
    if (skipReason) return context.skip(skipReason);
    mkdirSync(join(consumer, 'cjs'));
    writeFileSync(join(consumer, 'cjs/package.json'), '{ "type": "commonjs" }');
    writeFileSync(
      join(consumer, 'cjs/tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: [], skipLibCheck: false }, files: ['consumer.ts'] }),
    );
    // A CommonJS module (package type commonjs): `import` compiles to require(), so TypeScript resolves the "require" condition.
    writeFileSync(
      join(consumer, 'cjs/consumer.ts'),
      `import { lintText, type Finding, type LintResult } from 'ballast';
const result: LintResult = lintText('kind: Deployment', 'a.yaml');
const first: Finding | undefined = result.findings[0];
// @ts-expect-error: severities are a closed set
const wrong: Finding['severity'] = 'fatal';
export = { first, wrong };
`,
    );
    expect(() => run(process.execPath, [tsc, '-p', 'tsconfig.json'], join(consumer, 'cjs'))).not.toThrow();
  });

  it('type-checks a TypeScript consumer against the shipped declarations', (context) => {
    if (skipReason) return context.skip(skipReason);
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: [], skipLibCheck: false }, files: ['consumer.ts'] }),
    );
    writeFileSync(
      join(consumer, 'consumer.ts'),
      `import { defineRule, lint, formatters, type Finding, type LintResult, type SarifLog } from 'ballast';

const rule = defineRule<'missing', { label: string }>({
  meta: {
    id: 'team-label-missing', scope: 'object', category: 'workload', severity: 'warning', summary: 's', rationale: 'r', fix: 'f',
    appliesTo: ['Deployment'], since: '0.1.0', messages: { missing: '{{object}} has no {{label}} label.' },
    options: { schema: { label: { type: 'string' } }, defaults: { label: 'team' } },
  },
  checkObject(object, context) {
    const label: string = context.options.label;
    if (!(label in object.labels)) context.report({ at: object.at('metadata'), object, messageId: 'missing', data: { object: object.describe(), label } });
    // @ts-expect-error: a report can only use a messageId the rule declares
    context.report({ at: object.at('metadata'), messageId: 'nope' });    // @ts-expect-error: an object rule has no cross-document lookups
    void context.cluster;
  },
});

const result: LintResult = lint([{ path: 'a.yaml', text: 'kind: Deployment' }], { rules: [rule] });
const first: Finding | undefined = result.findings[0];
const line: number | undefined = first?.start.line;
const log: SarifLog = JSON.parse(formatters.sarif(result)) as SarifLog;
// @ts-expect-error: severities are a closed set
const wrong: Finding['severity'] = 'fatal';
export { line, log, wrong };
`,
    );
    expect(() => run(process.execPath, [tsc, '-p', 'tsconfig.json'], consumer)).not.toThrow();
  });

  it('runs its bin, loading a plugin from a config file', (context) => {
    if (skipReason) return context.skip(skipReason);
    cpSync(join(root, 'examples/plugin'), join(consumer, 'plugin'), { recursive: true });
    const bin = join(consumer, 'node_modules/.bin/ballast');
    expect(run(bin, ['--version'], consumer).trim()).toBe(manifest.version);
    let output = '';
    try {
      run(bin, ['--config', 'plugin/.ballast.yaml', '--format', 'json', 'plugin/fixtures/team-label-missing/unlabelled.yaml'], consumer);
    } catch (error) {
      output = (error as { stdout: string; status: number }).stdout;
      expect((error as { status: number }).status).toBe(1);
    }
    const findings = (JSON.parse(output) as { findings: { ruleId: string; severity: string; line: number }[] }).findings.filter((finding) => finding.ruleId === 'example/team-label-missing');
    expect(findings.map((finding) => [finding.severity, finding.line])).toEqual([
      ['error', 6],
      ['error', 25],
    ]);
  });
});
