/**
 * docs/rules/ is generated from rule metadata and fixtures by `npm run generate` (which also
 * removes pages of deleted rules). This test fails when it is stale.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { renderRuleDocs } from '../src/docs.js';
import { loadFixtureCases } from './support/fixtures.js';

const root = resolve(import.meta.dirname, '..');
const directory = join(root, 'docs/rules');
const cases = loadFixtureCases(join(root, 'fixtures'), root);
const pages = renderRuleDocs(builtinRules, cases);

function onDisk(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(directory, { withFileTypes: true })) {
    if (name.isFile() && name.name.endsWith('.md')) files.set(name.name, readFileSync(join(directory, name.name), 'utf8'));
  }
  return files;
}

describe('docs/rules', () => {
  it('is current (run `npm run generate` after changing a rule or its fixtures)', () => {
    mkdirSync(directory, { recursive: true });
    const current = onDisk();
    expect([...current.keys()].sort(), 'pages in docs/rules').toEqual([...pages.keys()].sort());
    for (const [name, text] of pages) expect(current.get(name), `docs/rules/${name}`).toBe(text);
  });

  it('has a page for every rule, linked from the index', () => {
    const index = pages.get('README.md') ?? '';
    for (const rule of builtinRules) {
      expect(pages.has(`${rule.meta.id}.md`)).toBe(true);
      expect(index).toContain(`[${rule.meta.id}](${rule.meta.id}.md)`);
    }
  });
});
