import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { loadFixtureCases, type Expectation } from '../../test/support/fixtures.js';
import { lint } from './lint.js';
import { validateConfig } from './load-config.js';

const root = resolve(import.meta.dirname, '../..');
const cases = loadFixtureCases(resolve(root, 'fixtures'), root);
const exercised = new Map<string, Set<string>>();
/** Messages only the Node layer's renderer reports (it runs kustomize and helm); test/render.test.ts produces them. */
const RENDERER_MESSAGES = new Set(['not-rendered/chart', 'not-rendered/failed']);

function key(entry: Expectation): string {
  return `${entry.file}:${entry.line} ${entry.ruleId}${entry.messageId ? `/${entry.messageId}` : ''}${entry.severity ? `@${entry.severity}` : ''}`;
}

describe('fixtures', () => {
  it('finds fixture cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const fixture of cases) {
    it(`${fixture.ruleId} / ${fixture.name}`, () => {
      const config = fixture.config ? validateConfig(fixture.config) : undefined;
      const result = lint(
        fixture.files.map((file) => ({ path: file.path, bytes: file.bytes })),
        {
          only: fixture.rules,
          ...(config ? { config } : {}),
          ...(fixture.kubeVersion ? { kubernetesVersion: fixture.kubeVersion } : {}),
          ...(fixture.limits ? { limits: fixture.limits } : {}),
        },
      );
      expect(result.internalErrors).toEqual([]);
      const underTest = result.findings.filter((finding) => fixture.rules.includes(finding.ruleId) && !finding.suppressed);
      for (const finding of underTest) {
        const ids = exercised.get(finding.ruleId) ?? new Set<string>();
        ids.add(finding.messageId);
        exercised.set(finding.ruleId, ids);
        const lineCount = fixture.files.find((file) => file.path === finding.file)?.text.split('\n').length ?? 1;
        expect(finding.start.line).toBeGreaterThanOrEqual(1);
        expect(finding.start.line).toBeLessThanOrEqual(lineCount);
        expect(finding.start.column).toBeGreaterThanOrEqual(1);
      }
      // A finding is compared on its messageId or severity only where the expectation names one.
      const wants = (field: 'messageId' | 'severity'): Set<string> =>
        new Set(fixture.expectations.filter((entry) => entry[field]).map((entry) => `${entry.file}:${entry.line} ${entry.ruleId}`));
      const wantsMessageId = wants('messageId');
      const wantsSeverity = wants('severity');
      const actual = underTest
        .map((finding) => {
          const base = { file: finding.file, line: finding.start.line, ruleId: finding.ruleId };
          const at = key(base);
          return key({ ...base, ...(wantsMessageId.has(at) ? { messageId: finding.messageId } : {}), ...(wantsSeverity.has(at) ? { severity: finding.severity } : {}) });
        })
        .sort();
      expect(actual).toEqual(fixture.expectations.map(key).sort());
    });
  }

  afterAll(() => {
    // Every message a rule declares must be produced by some fixture: a message no case reaches is untested.
    const missing: string[] = [];
    for (const rule of builtinRules) {
      if (!cases.some((fixture) => fixture.ruleId === rule.meta.id)) continue;
      for (const messageId of Object.keys(rule.meta.messages)) {
        if (!exercised.get(rule.meta.id)?.has(messageId) && !RENDERER_MESSAGES.has(`${rule.meta.id}/${messageId}`)) missing.push(`${rule.meta.id}/${messageId}`);
      }
    }
    expect(missing, 'messages that no fixture produces').toEqual([]);
  });
});
