import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../src/node.js';

/**
 * The shared corpus of real third-party configuration: ballast runs over all of it, and its
 * summary (files, documents, findings per rule) is pinned, so a change in what ballast reports
 * on real files is a deliberate, reviewed change. After such a change, run
 * `UPDATE_CORPUS_SUMMARY=1 npx vitest run test/corpus.test.ts` and review the diff.
 */
const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '../shared/corpus');
const pinned = resolve(import.meta.dirname, 'corpus-summary.json');

describe('shared corpus', () => {
  it.skipIf(!existsSync(corpus))('lints every file without internal errors, and its summary is as pinned (skipped when ../shared/corpus is absent)', async () => {
    const result = await lintFiles([corpus], { cwd: root });
    expect(result.internalErrors).toEqual([]);
    const byRule: Record<string, number> = {};
    for (const finding of result.findings) byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
    const summary = {
      files: result.summary.files,
      documents: result.summary.documents,
      findings: result.findings.length,
      byRule: Object.fromEntries(Object.entries(byRule).sort(([a], [b]) => a.localeCompare(b))),
    };
    if (process.env['UPDATE_CORPUS_SUMMARY'] === '1') writeFileSync(pinned, `${JSON.stringify(summary, null, 2)}\n`);
    expect(summary).toEqual(JSON.parse(readFileSync(pinned, 'utf8')));
  });
});
