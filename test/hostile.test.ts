import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFiles } from '../src/node.js';
import type { LintResult } from '../src/types.js';
import { BUILT_CLI } from './global-setup.js';

/**
 * Hostile and broken files, linted in one run beside a good one: each yields an input finding
 * with its file and line, no rule fails, and the good file's findings are all still there.
 * The big cases are generated here rather than committed.
 */
const directory = mkdtempSync(join(tmpdir(), 'ballast-hostile-'));
const deployment =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: good\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: x}}\n    spec: {containers: [{name: x, image: "x:1"}]}\n';
const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (let level = 1; level < 10; level++)
  laughs.push(
    `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9)
      .fill(`*${String.fromCharCode(96 + level)}`)
      .join(',')}]`,
  );

const cases: Record<string, string | Uint8Array> = {
  'good.yaml': deployment,
  'alias-bomb.yaml': `${laughs.join('\n')}\n`,
  'deep-flow.yaml': `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
  'deep-block.yaml': `${'- '.repeat(10_000)}x\n`,
  'huge.yaml': `# ${'x'.repeat(1024)}\n`.repeat(50 * 1024),
  'long-line.yaml': `a: ${'y'.repeat(1024 * 1024)}\n`,
  'invalid-utf8.yaml': Buffer.concat([Buffer.from('a: 1\nb: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]),
  'binary.yaml': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00]),
  'bom-in-middle.yaml': 'a: 1\n\uFEFFb: 2\n',
  'tabs.yaml': 'spec:\n\treplicas: 1\n',
  'dashes-only.yaml': '---\n',
  'scalar.yaml': 'just a string\n',
  'list.yaml': '- a\n- b\n',
  'unterminated.yaml': 'metadata:\n  name: "api\n---\nkind: Pod\n',
  'kind-not-string.yaml': 'apiVersion: v1\nkind: 5\nmetadata: {name: k}\n---\napiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: [Pod], metadata: {name: p}}\n',
  'undefined-alias.yaml': 'a: 1\nb: *nowhere\n',
  'flow-root-split.yaml': `${'[\n'.repeat(20_000)}${']\n'.repeat(20_000)}`,
  'proto.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: p\n  __proto__: { polluted: true }\n  constructor: { prototype: { polluted: true } }\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: x}}\n    spec: {containers: [{name: x, image: "x:1"}]}\n',
};

/** Latin-1 `é` alone is not UTF-8: Node sees the name with U+FFFD, under which the file cannot be opened. */
const BAD_NAME = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('.yaml')]);

let result: LintResult;
beforeAll(async () => {
  for (const [name, contents] of Object.entries(cases)) writeFileSync(join(directory, name), contents);
  writeFileSync(Buffer.concat([Buffer.from(`${directory}/`), BAD_NAME]), deployment);
  result = await lintFiles(
    [...Object.keys(cases), 'caf\uFFFD.yaml'].map((name) => join(directory, name)),
    { cwd: directory },
  );
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const inputRules = new Set(['parse-error', 'input-limit', 'invalid-field-type', 'duplicate-key']);
function inputFindings(file: string) {
  return result.findings.filter((finding) => finding.file.endsWith(file) && inputRules.has(finding.ruleId));
}

describe('hostile input', () => {
  it('breaks no rule and loses no finding of the good file', () => {
    expect(result.internalErrors).toEqual([]);
    expect(result.findings.some((finding) => finding.file.endsWith('good.yaml') && finding.ruleId === 'replicas-min')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  const expected: Record<string, { rule: string; line: number }> = {
    'alias-bomb.yaml': { rule: 'input-limit', line: 6 },
    'deep-flow.yaml': { rule: 'input-limit', line: 1 },
    'deep-block.yaml': { rule: 'input-limit', line: 1 },
    'huge.yaml': { rule: 'input-limit', line: 1 },
    'invalid-utf8.yaml': { rule: 'parse-error', line: 2 },
    'binary.yaml': { rule: 'parse-error', line: 1 },
    'bom-in-middle.yaml': { rule: 'parse-error', line: 2 },
    'tabs.yaml': { rule: 'parse-error', line: 2 },
    'unterminated.yaml': { rule: 'parse-error', line: 2 },
    'kind-not-string.yaml': { rule: 'invalid-field-type', line: 2 },
    'undefined-alias.yaml': { rule: 'parse-error', line: 2 },
    'flow-root-split.yaml': { rule: 'input-limit', line: 501 },
    'caf\uFFFD.yaml': { rule: 'parse-error', line: 1 },
  };
  for (const [file, { rule, line }] of Object.entries(expected)) {
    it(`${file}: ${rule} on line ${line}`, () => {
      const found = inputFindings(file);
      expect(found.map((finding) => `${finding.ruleId}@${finding.start.line}`)).toContain(`${rule}@${line}`);
    });
  }

  it('a 1 MB line, a file of only "---", a scalar and a list are read without complaint', () => {
    expect(inputFindings('long-line.yaml')).toEqual([]);
    expect(inputFindings('dashes-only.yaml')).toEqual([]);
    // Not Kubernetes objects: skipped quietly and counted.
    expect(inputFindings('scalar.yaml')).toEqual([]);
    expect(inputFindings('list.yaml')).toEqual([]);
    expect(result.summary.skipped?.['not-kubernetes']).toBeGreaterThanOrEqual(2);
  });

  it('keys like __proto__ stay data', () => {
    expect(result.findings.some((finding) => finding.file.endsWith('proto.yaml') && finding.ruleId === 'replicas-min')).toBe(true);
  });

  it('the document after an unterminated quote is still linted', () => {
    expect(result.summary.documents).toBeGreaterThan(Object.keys(cases).length);
  });
});

describe('many objects', () => {
  // More objects than one call takes arguments (~125,000 in a plain `node`): `push(...all)`
  // overflowed the stack, so a run over a million documents failed at the end.
  it('the command lints 200,000 objects in two Lists without a stack overflow', () => {
    const list = (from: number): string => {
      const items: string[] = [];
      for (let index = from; index < from + 100_000; index++) items.push(`{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c${index}"}}`);
      return `{"apiVersion":"v1","kind":"List","items":[\n${items.join(',\n')}\n]}\n`;
    };
    writeFileSync(join(directory, 'many-a.json'), list(0));
    writeFileSync(join(directory, 'many-b.json'), list(100_000));
    const run = spawnSync(process.execPath, [BUILT_CLI, '--format', 'json', 'many-a.json', 'many-b.json'], { cwd: directory, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { summary: { documents: number } }).summary.documents).toBe(2);
  });
});

describe('a run larger than the default heap', () => {
  it('starts again with a heap sized to its input instead of dying out of memory', () => {
    const big = join(directory, 'big');
    mkdirSync(big);
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'BALLAST_HEAP_SIZED'));
    const containers = Array.from({ length: 40 }, (_, index) => `      - name: c${index}\n        image: registry.example/team/app-${index}:1.0\n        env: [{ name: A, value: "${'x'.repeat(60)}" }]\n`).join('');
    for (let index = 0; index < 1000; index++) {
      writeFileSync(
        join(big, `app-${index}.yaml`),
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${index}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n      containers:\n${containers}`,
      );
    }
    // A small heap stands in for a huge input: these 6.7 MB of YAML need more than 20 MB.
    const run = (extra: Record<string, string>) =>
      spawnSync(process.execPath, ['--max-old-space-size=20', BUILT_CLI, '--format', 'json', '--threads', '1', 'big'], { cwd: directory, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...env, ...extra } });
    const sized = run({});
    expect(sized.stderr).toBe('');
    expect(sized.status).toBe(0);
    const output = JSON.parse(sized.stdout) as { findings: unknown[]; summary: { files: number } };
    expect(output.summary.files).toBe(1000);
    expect(output.findings.length).toBeGreaterThan(10_000);
    const unsized = run({ BALLAST_HEAP_SIZED: '1' });
    expect(unsized.status).not.toBe(0);
    expect(unsized.stderr).toContain('heap out of memory');
  });
});
