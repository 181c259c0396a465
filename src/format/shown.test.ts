import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Finding, LintResult, Severity } from '../types.js';
import { formatChunks, formatters, type FormatName } from './index.js';
import { formatJsonChunks } from './json.js';
import { formatSarifChunks, toSarif } from './sarif.js';
import { DEFAULT_MAX_RESULTS, shownFindings } from './shown.js';
import { formatStylishChunks } from './stylish.js';

/** Findings made up directly: the formats only read them, and a hundred thousand lint slowly. */
function finding(index: number, severity: Severity, suppressed = false): Finding {
  return {
    ruleId: severity === 'error' ? 'limit-below-request' : 'replicas-min',
    messageId: 'm',
    severity,
    message: `finding ${index} :: ##[error] in "quotes" <and> & more`,
    file: `deploy/f${index % 7}.yaml`,
    start: { line: index + 1, column: 1 },
    end: { line: index + 1, column: 5 },
    document: 0,
    object: { kind: 'Deployment', name: `d${index}`, namespace: 'prod' },
    ...(suppressed ? { suppressed: { kind: 'comment' as const } } : {}),
  };
}

function resultOf(findings: Finding[]): LintResult {
  return {
    findings,
    summary: { files: 7, documents: findings.length, errors: 0, warnings: 0, infos: 0, suppressed: 0 },
    internalErrors: [],
  };
}

/** 60 KB of YAML made 30,010 SARIF results; GitHub code scanning rejects a run over 25,000. */
const severities: Severity[] = ['info', 'warning', 'error'];
const many = resultOf(Array.from({ length: 30_010 }, (_, index) => finding(index, severities[index % 3] ?? 'info')));

describe('the cap on results', () => {
  it('keeps the most severe findings, each group in report order', () => {
    const findings = [finding(0, 'info'), finding(1, 'error'), finding(2, 'warning'), finding(3, 'error'), finding(4, 'warning'), finding(5, 'info')];
    const { findings: kept, truncation } = shownFindings(resultOf(findings), { maxResults: 3 });
    expect(kept.map((entry) => entry.start.line)).toEqual([2, 3, 4]);
    expect(truncation).toEqual({ shown: 3, total: 6 });
    // Suppressed findings rank below every live one, whatever their severity.
    const shownSuppressed = shownFindings(resultOf([finding(0, 'error', true), finding(1, 'info')]), { maxResults: 1, showSuppressed: true });
    expect(shownSuppressed.findings.map((entry) => entry.start.line)).toEqual([2]);
  });

  it('is off at 0, and when the report fits', () => {
    expect(shownFindings(many, { maxResults: 0 }).truncation).toBeUndefined();
    expect(shownFindings(many, { maxResults: 30_010 }).truncation).toBeUndefined();
    expect(shownFindings(many, {}).findings).toHaveLength(30_010);
  });

  it('by default caps SARIF at the 25,000 results GitHub accepts and says so in the log', () => {
    const log = toSarif(many, { maxResults: DEFAULT_MAX_RESULTS['sarif'] ?? 0 });
    const run = log.runs[0];
    expect(run?.results).toHaveLength(25_000);
    expect(run?.results.filter((result) => result.level === 'note')).toHaveLength(25_000 - 2 * 10_003);
    expect(run?.invocations[0]).toMatchObject({
      executionSuccessful: true,
      toolExecutionNotifications: [{ level: 'warning', message: { text: expect.stringContaining('5,010 more findings are not in this report') as string } }],
    });
  });

  it('each format says what it left out', () => {
    const small = resultOf(Array.from({ length: 5 }, (_, index) => finding(index, 'warning')));
    const text = (format: FormatName): string => [...formatChunks(format, small, { maxResults: 2 })].join('');
    expect(text('stylish')).toContain('3 more findings are not in this report: it holds the 2 most severe of 5');
    expect(text('github').trimEnd().split('\n')).toHaveLength(3);
    expect(text('github')).toMatch(/\n::warning title=ballast::3 more findings are not in this report/);
    expect(JSON.parse(text('json'))).toMatchObject({ truncated: { shown: 2, total: 5 } });
    expect((JSON.parse(text('json')) as { findings: unknown[] }).findings).toHaveLength(2);
    const junit = new XMLParser({ ignoreAttributes: false }).parse(text('junit')) as { testsuites: Record<string, string> };
    expect(junit.testsuites['@_tests']).toBe('3');
    expect(junit.testsuites['@_skipped']).toBe('1');
    expect(text('junit')).toContain('<skipped message="3 more findings are not in this report');
  });
});

describe('large reports are written in pieces', () => {
  it('SARIF pieces are byte for byte the whole log, with or without results', () => {
    for (const findings of [[], [finding(0, 'error')], Array.from({ length: 7 }, (_, index) => finding(index, 'warning'))]) {
      const result = resultOf(findings);
      const whole = `${JSON.stringify(toSarif(result, { rootUri: 'file:///repo' }), null, 2)}\n`;
      const pieces = [...formatSarifChunks(result, { rootUri: 'file:///repo' }, 3)];
      expect(pieces.join('')).toBe(whole);
      expect(pieces.length).toBe(findings.length === 0 ? 1 : Math.ceil(findings.length / 3) + 1);
    }
  });

  it('no piece of an uncapped SARIF, JSON, JUnit or stylish report holds more than a bounded number of results', () => {
    // SARIF over 512 MB was one JSON.stringify: exit 2. Here the pieces stay small whatever the total.
    for (const format of ['sarif', 'json', 'junit', 'stylish'] as const) {
      const pieces = format === 'json' ? [...formatJsonChunks(many, {}, 1_000)] : format === 'stylish' ? [...formatStylishChunks(many, {}, 1_000)] : [...formatChunks(format, many, { maxResults: 0 })];
      expect(pieces.length, format).toBeGreaterThan(7);
      const largest = Math.max(...pieces.map((piece) => piece.length));
      const total = pieces.reduce((sum, piece) => sum + piece.length, 0);
      expect(largest, format).toBeLessThan(total / 5);
    }
  });

  it('the string formatters give what the pieces give', () => {
    for (const format of ['json', 'sarif', 'junit', 'stylish'] as const) {
      const result = resultOf(Array.from({ length: 4 }, (_, index) => finding(index, 'error')));
      expect(formatters[format](result, { maxResults: 3 })).toBe([...formatChunks(format, result, { maxResults: 3 })].join(''));
    }
  });
});
