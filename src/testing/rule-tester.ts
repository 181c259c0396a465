/**
 * The fixture runner the built-in rules use, for plugin authors too (ESLint's RuleTester is the
 * model): point it at a folder of fixtures and it registers one test per case with the test
 * framework in use, plus one that every message of a rule with fixtures is produced by one.
 */
import { deepStrictEqual, ok } from 'node:assert/strict';
import { resolve } from 'node:path';
import { lint } from '../engine/lint.js';
import { validateConfig } from '../engine/load-config.js';
import { optionsCompiler } from '../engine/options-compiler.js';
import type { AnyRule } from '../engine/rule.js';
import { ruleSet } from '../engine/rule-set.js';
import type { Finding, InternalError } from '../types.js';
import { loadFixtureCases, type Expectation, type FixtureCase } from './fixture-cases.js';

type Block = (name: string, body: () => void) => void;

export interface RuleTesterOptions {
  /** Plugin rules under test; the built-in rules are always there. */
  rules?: readonly AnyRule[];
  /** What file paths in findings and `expect` entries are relative to (default: the working directory). */
  cwd?: string;
  /** `rule-id/messageId` of messages no fixture can produce, tested elsewhere (exempt from the every-message check). */
  producedElsewhere?: readonly string[];
  /** The test framework's `describe` and `it` (default: `RuleTester.describe`/`it`, then globals, then run at once). */
  describe?: Block;
  it?: Block;
}

export interface FixtureOutcome {
  /** `file:line rule-id[/messageId][@severity]`, sorted: messageId and severity only where the expectation names them. */
  expected: string[];
  actual: string[];
  /** The unsuppressed findings of the rules under test. */
  findings: Finding[];
  internalErrors: InternalError[];
}

/** Lints one fixture case with the rules it names and compares the findings with its expectations. */
export function runFixtureCase(fixture: FixtureCase, rules: readonly AnyRule[] = []): FixtureOutcome {
  const config = fixture.config ? validateConfig(fixture.config, { rules, compileOptions: optionsCompiler() }) : undefined;
  const result = lint(
    fixture.files.map((file) => ({ path: file.path, bytes: file.bytes })),
    {
      rules,
      only: fixture.rules,
      ...(config ? { config } : {}),
      ...(fixture.kubeVersion ? { kubernetesVersion: fixture.kubeVersion } : {}),
      ...(fixture.limits ? { limits: fixture.limits } : {}),
    },
  );
  const findings = result.findings.filter((finding) => fixture.rules.includes(finding.ruleId) && !finding.suppressed);
  const wants = (field: 'messageId' | 'severity'): Set<string> => new Set(fixture.expectations.filter((entry) => entry[field]).map((entry) => key({ ...entry, messageId: undefined, severity: undefined })));
  const wantsMessageId = wants('messageId');
  const wantsSeverity = wants('severity');
  const actual = findings.map((finding) => {
    const at = key({ file: finding.file, line: finding.start.line, ruleId: finding.ruleId });
    return key({
      file: finding.file,
      line: finding.start.line,
      ruleId: finding.ruleId,
      messageId: wantsMessageId.has(at) ? finding.messageId : undefined,
      severity: wantsSeverity.has(at) ? finding.severity : undefined,
    });
  });
  return { expected: fixture.expectations.map(key).sort(), actual: actual.sort(), findings, internalErrors: result.internalErrors };
}

/** Checks an outcome: no rule failed, every finding is inside its file, and the findings are the expected ones. */
export function assertFixtureOutcome(fixture: FixtureCase, outcome: FixtureOutcome): void {
  deepStrictEqual(outcome.internalErrors, [], `${fixture.name}: a rule failed`);
  for (const finding of outcome.findings) {
    const lines = fixture.files.find((file) => file.path === finding.file)?.text.split('\n') ?? [''];
    ok(finding.start.line >= 1 && finding.start.line <= lines.length && finding.start.column >= 1, `${fixture.name}: ${finding.ruleId} points outside ${finding.file}`);
    const line = lines[finding.start.line - 1] ?? '';
    ok(
      finding.ruleId === 'parse-error' || startsToken(line, finding.start.column - 1),
      `${fixture.name}: ${finding.ruleId} at ${finding.file}:${finding.start.line}:${finding.start.column} does not point at the start of a key or value: ${JSON.stringify(line)}`,
    );
  }
  deepStrictEqual(outcome.actual, outcome.expected, `${fixture.name}: findings differ from the # expect comments`);
}

/**
 * Whether `index` in `line` starts a token — a key, a value, `-`, a bracket, a comment, or a flag's
 * value in a kubelet flags file — so that every fixture checks a finding's column, not only its line.
 * A parse error points at the offending character, wherever it is, so it is not held to this.
 */
function startsToken(line: string, index: number): boolean {
  if (index === 0) return true;
  const char = line[index];
  if (char === undefined || /\s/.test(char)) return false;
  return /[\s[{,:="'\ufeff]/.test(line[index - 1] ?? '');
}

export class RuleTester {
  /** Set these to your framework's `describe` and `it` once, as with ESLint's RuleTester. */
  static describe: Block | undefined;
  static it: Block | undefined;

  private readonly rules: readonly AnyRule[];
  private readonly cwd: string;
  private readonly producedElsewhere: ReadonlySet<string>;
  private readonly describe: Block;
  private readonly it: Block;

  constructor(options: RuleTesterOptions = {}) {
    this.rules = options.rules ?? [];
    this.cwd = resolve(options.cwd ?? '.');
    this.producedElsewhere = new Set(options.producedElsewhere ?? []);
    const globals = globalThis as { describe?: Block; it?: Block };
    const now: Block = (_name, body) => body();
    this.describe = options.describe ?? RuleTester.describe ?? globals.describe ?? now;
    this.it = options.it ?? RuleTester.it ?? globals.it ?? now;
  }

  /** Registers a test for each fixture case in `directory` (one folder per rule, named by its id without the namespace). */
  run(directory: string): FixtureCase[] {
    const cases = loadFixtureCases(
      resolve(this.cwd, directory),
      this.cwd,
      this.rules.map((rule) => rule.meta.id),
    );
    const produced = new Map<string, Set<string>>();
    this.describe(directory, () => {
      this.it('has fixture cases', () => ok(cases.length > 0, `no fixture cases in ${directory}`));
      // The engine runs a rule without a scope as a set rule; its author should have said which.
      for (const rule of this.rules) {
        this.it(`${rule.meta.id} declares its scope`, () => ok(['object', 'set'].includes(rule.meta.scope), `${rule.meta.id}: meta.scope must be 'object' or 'set'`));
      }
      for (const fixture of cases) {
        this.it(`${fixture.ruleId} / ${fixture.name}`, () => {
          const outcome = runFixtureCase(fixture, this.rules);
          for (const finding of outcome.findings) {
            const ids = produced.get(finding.ruleId) ?? new Set<string>();
            ids.add(finding.messageId);
            produced.set(finding.ruleId, ids);
          }
          assertFixtureOutcome(fixture, outcome);
        });
      }
      // Last, so that every case has run (frameworks run tests in the order they are registered).
      this.it('produces every message of the rules it has fixtures for', () => {
        const missing: string[] = [];
        for (const rule of ruleSet(this.rules)) {
          if (!cases.some((fixture) => fixture.ruleId === rule.meta.id)) continue;
          for (const messageId of Object.keys(rule.meta.messages)) {
            const name = `${rule.meta.id}/${messageId}`;
            if (!produced.get(rule.meta.id)?.has(messageId) && !this.producedElsewhere.has(name)) missing.push(name);
          }
        }
        deepStrictEqual(missing, [], 'messages that no fixture produces');
      });
    });
    return cases;
  }
}

function key(entry: Expectation | { file: string; line: number; ruleId: string; messageId: string | undefined; severity: string | undefined }): string {
  return `${entry.file}:${entry.line} ${entry.ruleId}${entry.messageId ? `/${entry.messageId}` : ''}${entry.severity ? `@${entry.severity}` : ''}`;
}
