/**
 * Facts about ballast itself that outputs name: the version (SARIF's tool.driver) and where
 * the rule documentation lives. Constants, not package.json reads, because the library does no
 * I/O; src/project.test.ts keeps them equal to package.json.
 */
export const VERSION = '0.1.0';

export const REPOSITORY_URL = 'https://github.com/ballast-lint/ballast';

/**
 * One stable base for every link to a rule's page (SARIF helpUri, the docs index, README).
 * The `main` branch, not a tag: rule IDs are a public contract, so the page of a rule keeps its
 * address across releases.
 */
export const RULE_DOCS_BASE = `${REPOSITORY_URL}/blob/main/docs/rules`;

export function ruleDocsUrl(ruleId: string, base: string = RULE_DOCS_BASE): string {
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(ruleId)}.md`;
}
