/**
 * In GitHub Actions the runner reads every line ballast prints, and takes a line as a workflow
 * command when it starts (after blanks) with `::`, or holds `##[` (actions/runner
 * ActionCommand.cs). File, directory and object names come from the pull request, so no line
 * may hold a command except the annotations `--format github` (and the default report) writes.
 * A property test over hostile names, each run through the built CLI with GITHUB_ACTIONS=true.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

const cli = resolve(import.meta.dirname, '../dist/bin/ballast.js');
const directory = mkdtempSync(join(tmpdir(), 'ballast-actions-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** What the runner would take as a command in a line (TryParseV2 trims leading white space; TryParse looks anywhere). */
function isCommand(line: string): boolean {
  return /^\s*::/.test(line) || line.includes('##[');
}

/** The annotations ballast itself writes: a known command, escaped properties, a rule ID as title. */
const ANNOTATION = /^::(error|warning|notice) (file=[^,:\r\n]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,)?title=[a-z0-9-]+( \(suppressed\))?::[^\r\n]*$/;

const pieces = [
  '::',
  '::stop-commands::tok',
  '::error::forged',
  '::add-mask::x',
  '##[stop-commands]t',
  '##[error]',
  '\n',
  '\r',
  '\r\n',
  '\u001b[31m',
  '\u001b]8;;http://x\u0007',
  '\u009b',
  ' ',
  '\t',
  '\u00a0',
  '\u2028',
  '%0A',
  ',',
  'a',
  'x.yaml',
  '\u202e',
];
const hostile = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

let counter = 0;

/** A Deployment that draws findings (one replica, no requests), named as given (a YAML scalar). */
function deployment(name: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: web:1.0}]\n`;
}

function run(args: readonly string[], cwd: string): { stdout: string; stderr: string; status: number | null } {
  const child = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: 'true', NO_COLOR: '1', BALLAST_DEBUG: '' } });
  return { stdout: child.stdout, stderr: child.stderr, status: child.status };
}

describe('GITHUB_ACTIONS=true: no line of output can start a workflow command', () => {
  it('over hostile file, directory and object names, in every format', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostile, hostile, hostile), { minLength: 4, maxLength: 8 }), (cases) => {
        const root = join(directory, `case-${counter++}`);
        cases.forEach(([folder, file, name], index) => {
          // Path separators cannot be in a name; the rest of each hostile string can.
          const folderPath = join(root, `${index}${folder.replaceAll('/', '_')}`);
          mkdirSync(folderPath, { recursive: true });
          writeFileSync(join(folderPath, `${file.replaceAll('/', '_')}.yaml`), deployment(JSON.stringify(name)));
        });
        for (const format of [undefined, 'stylish', 'json', 'sarif', 'junit', 'github']) {
          const { stdout, stderr, status } = run([...(format ? ['--format', format] : []), '.'], root);
          expect([0, 1], stderr).toContain(status);
          expect(stdout).toContain('replicas-min');
          for (const line of `${stdout}\n${stderr}`.split(/\r\n|\r|\n/)) {
            if (!isCommand(line)) continue;
            // Only the annotations ballast means to write, in the modes that write them.
            expect(format === undefined || format === 'github', `${format ?? 'default'}: ${JSON.stringify(line)}`).toBe(true);
            expect(line, `${format ?? 'default'}: ${JSON.stringify(line)}`).toMatch(ANNOTATION);
          }
        }
      }),
      { numRuns: 5 },
    );
  }, 300_000);

  it('a directory named ::stop-commands:: and an object name that forges ::error are shown escaped', () => {
    const root = join(directory, 'named');
    mkdirSync(join(root, '::stop-commands::x'), { recursive: true });
    writeFileSync(join(root, '::stop-commands::x', 'a.yaml'), deployment('"web\\n::error file=x::forged ##[add-mask]y \\u001b[2J"'));
    const { stdout } = run(['--format', 'stylish', '.'], root);
    expect(stdout).toContain('\\u003a:stop-commands::x/a.yaml');
    expect(stdout).toContain('web\\n::error file=x::forged ##\\u005badd-mask]y \\u001b[2J');
    expect(stdout).not.toContain('\u001b');
  });
});
