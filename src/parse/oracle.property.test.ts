import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unusualYaml } from '../../test/oracle/generate.js';
import { ballastReads, oracleReads, oracleUnavailable, runOracle } from '../../test/oracle/oracle.js';
import { expectSameAsFullParser } from '../../test/oracle/tiers.js';
import { DEFAULT_LIMITS } from './limits.js';
import { scanYaml } from './scan-yaml.js';
import { parseYamlFile } from './yaml.js';

const unavailable = oracleUnavailable();
// A fixed seed keeps CI deterministic; BALLAST_FUZZ_SEED explores further.
const seed = Number(process.env['BALLAST_FUZZ_SEED'] ?? 17);
const texts = fc.sample(unusualYaml, { numRuns: 1500, seed });

describe('unusual YAML (tabs, Unicode white space, odd indentation, every spelling; test/oracle/generate.ts)', () => {
  it('gives the scanner and the full parser the same values and positions', () => {
    let taken = 0;
    for (const text of texts) {
      // Where `yaml` refuses what go-yaml reads (`[-, a]`), the scanner may read more; the
      // oracle test below holds it to Kubernetes' reading.
      if (parseYamlFile('x.yaml', text, DEFAULT_LIMITS, { fast: false }).problems.some((problem) => problem.ruleId === 'parse-error')) continue;
      if (expectSameAsFullParser(text, JSON.stringify(text), scanYaml)) taken++;
    }
    expect(taken).toBeGreaterThan(25);
  });

  it.skipIf(unavailable !== undefined)(`never reads other values than Kubernetes' decoder${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
    const results = runOracle(texts);
    const misreads: { text: string; kubernetes: unknown; ballast: unknown }[] = [];
    const refusals: string[] = [];
    texts.forEach((text, index) => {
      const kubernetes = normalized(oracleReads(results[index]));
      for (const fast of [true, false]) {
        const ballast = normalized(ballastReads(text, fast));
        if (ballast === 'error') {
          if (kubernetes !== 'error' && fast) refusals.push(text);
        } else if (!equal(ballast, kubernetes)) {
          misreads.push({ text, kubernetes, ballast });
        }
      }
    });
    misreads.sort((a, b) => a.text.length - b.text.length);
    // A silent misread is the defect; a parse-error where Kubernetes reads the text is a known,
    // documented difference (README, "How YAML is read") and must stay rare.
    expect(misreads.slice(0, 3)).toEqual([]);
    expect(
      refusals.length / texts.length,
      refusals
        .slice(0, 5)
        .map((text) => JSON.stringify(text))
        .join('\n'),
    ).toBeLessThan(0.03);
  });
});

/** JSON has one zero; go-yaml writes a float -0.0 as -0 and ballast's wire as 0. */
function normalized(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) => (Object.is(item, -0) ? 0 : item)) as unknown;
}

function equal(a: unknown, b: unknown): boolean {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
}
