/**
 * Fixture discovery for the fixture runner (`ballast/testing`) and the docs generator. A case is a file in
 * fixtures/<rule-id>/, or a folder there whose files are linted together. Lines that must carry
 * a finding end with `# expect: <rule-id>[/messageId][@severity][, ...]` (`# expect+N:` for N lines below);
 * options go in a header comment `# ballast-test: { rules: [...], config: {...}, kubeVersion }`.
 * A folder may hold `_case.yaml` with the same options plus `expect: ["file:line rule-id"]`,
 * for formats that cannot carry comments (JSON, env files without `#`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { BallastConfig } from '../engine/config.js';
import type { InputLimits } from '../parse/limits.js';

export interface Expectation {
  file: string;
  line: number;
  ruleId: string;
  messageId?: string;
  /** The reported severity, for rules that grade their cases. */
  severity?: string;
}

export interface FixtureFile {
  path: string;
  /** Raw contents: linted as bytes, so encoding cases are fixtures too. */
  bytes: Uint8Array;
  text: string;
}

export interface FixtureCase {
  /** Rule folder the case belongs to. */
  ruleId: string;
  name: string;
  files: FixtureFile[];
  rules: string[];
  config?: BallastConfig;
  kubeVersion?: string;
  limits?: Partial<InputLimits>;
  expectations: Expectation[];
}

interface CaseOptions {
  rules?: string[];
  config?: BallastConfig;
  kubeVersion?: string;
  limits?: Partial<InputLimits>;
  expect?: string[];
}

const EXPECT = /#\s*expect(?:\+(\d+))?:\s*([^\n\r#]+)/g;
const HEADER = /^#\s*ballast-test:\s*(.+)$/m;
const CASE_FILE = '_case.yaml';

/**
 * `ruleIds` are the ids of the rules under test that are namespaced (a plugin's `acme/some-rule`):
 * their folder is named without the namespace (`some-rule`), and an `expect` item that names one
 * is read as that id rather than as `acme` with message `some-rule`.
 */
export function loadFixtureCases(root: string, cwd: string, ruleIds: readonly string[] = []): FixtureCase[] {
  const known = new Set(ruleIds);
  const cases: FixtureCase[] = [];
  for (const folder of readdirSync(root).sort()) {
    const ruleDir = join(root, folder);
    if (!statSync(ruleDir).isDirectory()) continue;
    const ruleId = ruleIds.find((id) => id.endsWith(`/${folder}`)) ?? folder;
    for (const entry of readdirSync(ruleDir).sort()) {
      const full = join(ruleDir, entry);
      const paths = statSync(full).isDirectory() ? listFiles(full) : [full];
      const files = paths
        .filter((path) => !path.endsWith(CASE_FILE))
        .map((path) => {
          const bytes = readFileSync(path);
          return { path: relative(cwd, path), bytes, text: bytes.toString('utf8') };
        });
      const caseFile = paths.find((path) => path.endsWith(CASE_FILE));
      cases.push(buildCase(ruleId, known, entry, files, caseFile ? readFileSync(caseFile, 'utf8') : undefined, caseFile ? relative(cwd, full) : undefined));
    }
  }
  return cases;
}

function listFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .map((name) => join(directory, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

function buildCase(ruleId: string, known: ReadonlySet<string>, name: string, files: FixtureFile[], caseText: string | undefined, caseDir: string | undefined): FixtureCase {
  let options: CaseOptions = {};
  if (caseText !== undefined) options = parse(caseText) as CaseOptions;
  else {
    for (const file of files) {
      const header = HEADER.exec(file.text);
      if (header?.[1]) {
        options = parse(header[1]) as CaseOptions;
        break;
      }
    }
  }
  const expectations = files.flatMap((file) => expectationsIn(file, known));
  for (const entry of options.expect ?? []) {
    const match = /^(.+):(\d+)\s+([\w/-]+)$/.exec(entry.trim());
    if (!match) throw new Error(`${name}: bad expect entry "${entry}" (want "file:line rule-id")`);
    expectations.push({ file: caseDir ? join(caseDir, match[1] ?? '') : (match[1] ?? ''), line: Number(match[2]), ...expectedRule(match[3] ?? '', known) });
  }
  return {
    ruleId,
    name,
    files,
    rules: options.rules ?? [ruleId],
    ...(options.config ? { config: options.config } : {}),
    ...(options.kubeVersion ? { kubeVersion: options.kubeVersion } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    expectations,
  };
}

/** `rule-id` or `plugin/rule-id`, then `/messageId` and `@severity` if given. */
function expectedRule(item: string, known: ReadonlySet<string>): { ruleId: string; messageId?: string; severity?: string } {
  const [, name = '', severity] = /^([^@]*)(?:@(\w+))?$/.exec(item) ?? [];
  const graded = severity ? { severity } : {};
  const cut = name.lastIndexOf('/');
  if (known.has(name) || cut < 0) return { ruleId: name, ...graded };
  return { ruleId: name.slice(0, cut), messageId: name.slice(cut + 1), ...graded };
}

function expectationsIn(file: FixtureFile, known: ReadonlySet<string>): Expectation[] {
  const found: Expectation[] = [];
  const lines = file.text.split('\n');
  lines.forEach((line, index) => {
    for (const match of line.matchAll(EXPECT)) {
      const offset = Number(match[1] ?? 0);
      for (const item of (match[2] ?? '').split(',')) {
        const trimmed = item.trim();
        if (trimmed) found.push({ file: file.path, line: index + 1 + offset, ...expectedRule(trimmed, known) });
      }
    }
  });
  return found;
}
