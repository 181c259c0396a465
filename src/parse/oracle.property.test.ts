import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manifestYaml, unusualYaml } from '../../test/oracle/generate.js';
import { ballastReads, oracleReads, oracleUnavailable, runOracle } from '../../test/oracle/oracle.js';
import { expectSameAsFullParser } from '../../test/oracle/tiers.js';
import { DEFAULT_LIMITS } from './limits.js';
import { scanYaml } from './scan-yaml.js';
import { parseYamlFile } from './yaml.js';

const unavailable = oracleUnavailable();
// A fixed seed keeps CI deterministic; BALLAST_FUZZ_SEED explores further.
const seed = Number(process.env['BALLAST_FUZZ_SEED'] ?? 17);

describe.each([
  // Anything a person or a template might write; the scanner takes few of these whole.
  { name: 'unusual YAML (tabs, Unicode white space, odd indentation, every spelling)', arbitrary: unusualYaml, taken: 25, aliased: 0 },
  // Well-formed manifests with anchors, aliases and tabs, which the scanner reads itself.
  { name: 'manifests with anchors, aliases and tab-set-off comments', arbitrary: manifestYaml, taken: 250, aliased: 120 },
])('$name (test/oracle/generate.ts)', ({ arbitrary, taken: minimum, aliased: minimumAliased }) => {
  const texts = fc.sample(arbitrary, { numRuns: 1500, seed });

  it('gives the scanner and the full parser the same values and positions', () => {
    let taken = 0;
    let aliased = 0;
    for (const text of texts) {
      // Where `yaml` refuses what go-yaml reads (`[-, a]`), the scanner may read more; the
      // oracle test below holds it to Kubernetes' reading.
      if (parseYamlFile('x.yaml', text, DEFAULT_LIMITS, { fast: false }).problems.some((problem) => problem.ruleId === 'parse-error')) continue;
      if (!expectSameAsFullParser(text, JSON.stringify(text), scanYaml)) continue;
      taken++;
      if (/: \*|- \*/.test(text)) aliased++;
    }
    expect(taken).toBeGreaterThan(minimum);
    expect(aliased).toBeGreaterThanOrEqual(minimumAliased);
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
