/**
 * The rule registry holds together: rules/index.ts lists every rule file, alphabetically; every
 * rule's metadata is complete; every rule has fixtures that fire and fixtures that do not; and
 * every rule of the starting catalogue (RULES.md), when it is at hand, is still registered: rule IDs
 * are a public contract. The generated docs/rules are the catalogue now, so rules added since and
 * severities re-graded since are documented there, not in RULES.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { loadFixtureCases } from '../../test/support/fixtures.js';
import type { AnyRule } from './rule.js';

const root = resolve(import.meta.dirname, '../..');
const rulesDirectory = resolve(root, 'rules');
const ruleFiles = readdirSync(rulesDirectory)
  .filter((name) => name.endsWith('.ts') && name !== 'index.ts' && !name.endsWith('.test.ts'))
  .map((name) => name.slice(0, -'.ts'.length))
  .sort();
const ids = builtinRules.map((rule) => rule.meta.id);
const cases = loadFixtureCases(resolve(root, 'fixtures'), root);
const catalogue = [resolve('/work/shared/RULES.md'), resolve(root, '../shared/RULES.md')].find((path) => existsSync(path));

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CATEGORIES = ['workload', 'node', 'control-plane', 'addon', 'input'];
const SEVERITIES = ['error', 'warning', 'info'];

describe('rules/index.ts', () => {
  it('registers exactly the rule files in rules/, alphabetically', () => {
    expect(ids).toEqual(ruleFiles);
  });

  it('imports them alphabetically, one import per rule', () => {
    const source = readFileSync(resolve(rulesDirectory, 'index.ts'), 'utf8');
    const imported = [...source.matchAll(/^import \w+ from '\.\/([\w-]+)\.js';$/gm)].map((match) => match[1]);
    expect(imported).toEqual(ruleFiles);
  });

  it('has no two rules with one ID', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each(ruleFiles)('rule %s', (file) => {
  const rule = builtinRules.find((candidate) => candidate.meta.id === file);

  it('is the default export of its file', async () => {
    const module = (await import(resolve(rulesDirectory, `${file}.ts`))) as { default?: AnyRule };
    expect(module.default).toBeDefined();
    expect(module.default?.meta.id).toBe(file);
    expect(rule).toBe(module.default);
  });

  it('has complete metadata', () => {
    expect(rule).toBeDefined();
    if (!rule) return;
    const { meta } = rule;
    expect(meta.id).toMatch(KEBAB);
    expect(CATEGORIES).toContain(meta.category);
    expect(SEVERITIES).toContain(meta.severity);
    for (const text of [meta.summary, meta.rationale, meta.fix]) expect(text.trim().length).toBeGreaterThan(10);
    expect(meta.since).toMatch(/^\d+\.\d+\.\d+$/);
    expect(meta.appliesTo.length).toBeGreaterThan(0);
    for (const kind of meta.appliesTo) expect(kind.trim()).not.toBe('');
    const messages = Object.entries(meta.messages);
    expect(messages.length).toBeGreaterThan(0);
    for (const [messageId, text] of messages) {
      expect(messageId).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(text.trim().length).toBeGreaterThan(10);
    }
    expect(typeof rule.check === 'function' || typeof rule.checkObject === 'function' || meta.category === 'input').toBe(true);
    if (meta.options) {
      for (const name of Object.keys(meta.options.defaults)) expect(Object.keys(meta.options.schema)).toContain(name);
    }
  });

  it('has fixtures that fire and fixtures that do not', () => {
    const own = cases.filter((fixture) => fixture.ruleId === file);
    expect(own.length, `fixtures/${file}/ has no cases`).toBeGreaterThan(0);
    expect(
      own.some((fixture) => fixture.expectations.some((expectation) => expectation.ruleId === file)),
      `fixtures/${file}/ has no case where the rule reports`,
    ).toBe(true);
    expect(
      own.some((fixture) => fixture.rules.includes(file) && !fixture.expectations.some((expectation) => expectation.ruleId === file)),
      `fixtures/${file}/ has no case where the rule stays silent`,
    ).toBe(true);
  });
});

describe('RULES.md', () => {
  /** IDs of every catalogue table row that starts with a backquoted ID. */
  const listed = catalogue ? [...readFileSync(catalogue, 'utf8').matchAll(/^\|\s*`([a-z0-9-]+)`\s*\|/gm)].map((match) => match[1] ?? '') : [];

  it.skipIf(!catalogue)('keeps every rule ID the catalogue lists (skipped when ../shared/RULES.md is absent)', () => {
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((id) => !ids.includes(id))).toEqual([]);
  });
});
