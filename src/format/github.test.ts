import { describe, expect, it } from 'vitest';
import { lintText } from '../engine/lint.js';
import type { Finding, LintResult } from '../types.js';
import { escapeData, escapeProperty, formatGithub } from './github.js';

function resultOf(findings: Finding[]): LintResult {
  return { findings, summary: { files: 1, documents: 1, errors: 0, warnings: 0, infos: 0, suppressed: 0 }, internalErrors: [] };
}

const base: Finding = {
  ruleId: 'replicas-min',
  messageId: 'tooFew',
  severity: 'warning',
  message: 'Deployment "api" runs 1 replica(s).',
  file: 'deploy/api.yaml',
  start: { line: 7, column: 13 },
  end: { line: 7, column: 14 },
  document: 0,
};

describe('github', () => {
  it('writes one workflow command per finding, with the position and the rule as title', () => {
    const text = formatGithub(
      lintText(
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: x}}\n    spec: {containers: [{name: x, image: "x:1"}]}\n',
        'deploy/api.yaml',
        { only: ['replicas-min'] },
      ),
    );
    expect(text).toBe(
      '::warning file=deploy/api.yaml,line=5,col=13,endLine=5,endColumn=14,title=replicas-min::Deployment "api" runs 1 replica(s), fewer than 2: a single pod failure or rollout takes it down.%0AFix: Set `spec.replicas` to at least 2 (3 for quorum-based software), or let a HorizontalPodAutoscaler with `minReplicas` ≥ 2 manage the scale.\n',
    );
  });

  it('maps error, warning and info to error, warning and notice', () => {
    const text = formatGithub(resultOf([{ ...base, severity: 'error' }, base, { ...base, severity: 'info' }]));
    expect(text.split('\n').map((line) => line.split(' ')[0])).toEqual(['::error', '::warning', '::notice', '']);
  });

  it('escapes like @actions/core: %, CR and LF in data; also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('C:\\k8s\\a,b%.yaml\n')).toBe('C%3A\\k8s\\a%2Cb%25.yaml%0A');
    const text = formatGithub(resultOf([{ ...base, file: 'dir,with:odd%/a.yaml', ruleId: 'plugin:rule', message: 'a: b, 100%\nsecond line' }]));
    expect(text).toBe('::warning file=dir%2Cwith%3Aodd%25/a.yaml,line=7,col=13,endLine=7,endColumn=14,title=plugin%3Arule::a: b, 100%25%0Asecond line\n');
  });

  it('annotates the run, not a file, for stdin; suppressed findings only when asked, as notices', () => {
    expect(formatGithub(resultOf([{ ...base, file: '-' }]))).toBe(`::warning title=replicas-min::${base.message}\n`);
    const suppressed = { ...base, severity: 'error' as const, suppressed: { kind: 'annotation' as const } };
    expect(formatGithub(resultOf([suppressed]))).toBe('');
    expect(formatGithub(resultOf([suppressed]), { showSuppressed: true })).toMatch(/^::notice .*title=replicas-min \(suppressed\)::/);
  });
});
