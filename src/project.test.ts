import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_URL, ruleDocsUrl, VERSION } from './project.js';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string; homepage?: string; repository?: { url?: string } };

describe('project facts', () => {
  it('match package.json', () => {
    expect(VERSION).toBe(manifest.version);
    expect(manifest.homepage).toBe(`${REPOSITORY_URL}#readme`);
    expect(manifest.repository?.url).toBe(`git+${REPOSITORY_URL}.git`);
  });

  it('have a CHANGELOG section for the version', () => {
    const changelog = readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8');
    expect(changelog).toMatch(new RegExp(`^## ${VERSION.replaceAll('.', '\\.')}(\\s|$)`, 'm'));
  });

  it('link a rule to its generated page', () => {
    expect(ruleDocsUrl('replicas-min')).toBe(`${REPOSITORY_URL}/blob/main/docs/rules/replicas-min.md`);
    expect(ruleDocsUrl('replicas-min', 'https://example.com/docs/')).toBe('https://example.com/docs/replicas-min.md');
  });
});
