import { describe, expect, it } from 'vitest';
import { lint } from '../engine/lint.js';
import type { LintResult } from '../types.js';
import { formatStylish } from './stylish.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[\d+(;\d+)*m/;

function result(): LintResult {
  return lint(
    [
      {
        path: 'b.yaml',
        text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: x}}\n    spec: {containers: [{name: x, image: "x:1"}]}\n---\na: 1\na: 2\n',
      },
      {
        path: 'a.yaml',
        text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: quiet\n  annotations: { ballast/ignore: replicas-min }\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: x}}\n    spec: {containers: [{name: x, image: "x:1"}]}\n',
      },
    ],
    { only: ['replicas-min'] },
  );
}

describe('formatStylish', () => {
  it('groups findings under their file with line:column, severity, message, rule and fix', () => {
    expect(formatStylish(result()).split('\n')).toEqual([
      'b.yaml',
      '  5:13  warning  Deployment "api" runs 1 replica(s), fewer than 2: a single pod failure or rollout takes it down.  replicas-min',
      '        fix: Set `spec.replicas` to at least 2 (3 for quorum-based software), or let a HorizontalPodAutoscaler with `minReplicas` ≥ 2 manage the scale.',
      '  12:1  error    The key "a" appears more than once in this mapping.  duplicate-key',
      '        fix: Remove one of the two entries, keeping the value you mean.',
      '',
      'by rule: duplicate-key 1, replicas-min 1',
      '✖ 2 problems (1 error, 1 warning, 0 infos) in 2 files, 3 documents, 1 suppressed, skipped 1 (1 not-kubernetes)',
      '',
    ]);
  });

  it('leaves the fixes out when asked (--no-fix), and counts findings per rule, most first', () => {
    const text = formatStylish(result(), { showFix: false });
    expect(text).not.toContain('fix:');
    expect(text).toContain('  12:1  error    The key "a" appears more than once in this mapping.  duplicate-key\n\nby rule: duplicate-key 1, replicas-min 1\n');
  });

  it('writes no colour codes unless asked, and colours when asked', () => {
    expect(formatStylish(result(), { color: false })).not.toMatch(ANSI);
    const coloured = formatStylish(result(), { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(new RegExp(ANSI.source, 'g'), '')).toBe(formatStylish(result()));
  });

  it('shows suppressed findings, marked, when asked', () => {
    const text = formatStylish(result(), { showSuppressed: true });
    expect(text).toContain('a.yaml\n  7:13  suppressed  Deployment "quiet" runs 1 replica(s)');
  });

  it('says so when there is nothing to report', () => {
    expect(formatStylish(lint([{ path: 'ok.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n' }]))).toBe('✔ no problems in 1 file, 1 document\n');
  });

  it('shows related locations under the finding', () => {
    const withRelated: LintResult = {
      ...result(),
      findings: [
        {
          ruleId: 'x-rule',
          messageId: 'm',
          severity: 'info',
          message: 'Something.',
          file: 'c.yaml',
          start: { line: 3, column: 5 },
          end: { line: 3, column: 9 },
          document: 0,
          related: [{ file: 'd.yaml', start: { line: 12, column: 3 }, end: { line: 12, column: 4 }, message: 'the other side' }],
        },
      ],
      summary: { files: 2, documents: 2, errors: 0, warnings: 0, infos: 1, suppressed: 0 },
    };
    expect(formatStylish(withRelated)).toBe('c.yaml\n  3:5  info     Something.  x-rule\n       see d.yaml:12:3 the other side\n\nby rule: x-rule 1\n⚠ 1 problem (0 errors, 0 warnings, 1 info) in 2 files, 2 documents\n');
  });

  it('says what was skipped, by reason, most first', () => {
    const result: LintResult = {
      findings: [],
      summary: { files: 3, documents: 4, errors: 0, warnings: 0, infos: 0, suppressed: 0, skipped: { 'kustomize-patch': 1, 'not-kubernetes': 2 } },
      internalErrors: [],
    };
    expect(formatStylish(result)).toBe('✔ no problems in 3 files, 4 documents, skipped 3 (2 not-kubernetes, 1 kustomize-patch)\n');
  });
});
