import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addQuantity,
  compareQuantity,
  equalQuantity,
  formatQuantity,
  isNegative,
  isPositive,
  isZero,
  makeQuantity,
  maxQuantity,
  minQuantity,
  mulQuantity,
  negQuantity,
  parsePercentage,
  parseQuantity,
  quantityToNumber,
  roundUpToMilli,
  subQuantity,
  ZERO,
} from './quantity.js';
import type { Quantity } from './quantity.js';

function q(input: unknown): Quantity {
  const parsed = parseQuantity(input);
  if (parsed === undefined) throw new Error(`test setup: ${String(input)} did not parse`);
  return parsed;
}

function frac(num: bigint, den: bigint = 1n): Quantity {
  return makeQuantity(num, den);
}

describe('parseQuantity: valid forms', () => {
  // Expected values as exact fractions.
  const cases: readonly [unknown, bigint, bigint][] = [
    ['0', 0n, 1n],
    ['1', 1n, 1n],
    ['+1', 1n, 1n],
    ['-1', -1n, 1n],
    ['-0', 0n, 1n],
    ['007', 7n, 1n],
    ['.5', 1n, 2n],
    ['5.', 5n, 1n],
    ['0.5', 1n, 2n],
    ['-.5', -1n, 2n],
    ['1.5', 3n, 2n],
    ['100m', 1n, 10n],
    ['1n', 1n, 1_000_000_000n],
    ['1u', 1n, 1_000_000n],
    ['1k', 1000n, 1n],
    ['1M', 1_000_000n, 1n],
    ['1G', 1_000_000_000n, 1n],
    ['1T', 10n ** 12n, 1n],
    ['1P', 10n ** 15n, 1n],
    ['1E', 10n ** 18n, 1n],
    ['1Ki', 1024n, 1n],
    ['1Mi', 1n << 20n, 1n],
    ['1Gi', 1n << 30n, 1n],
    ['1Ti', 1n << 40n, 1n],
    ['1Pi', 1n << 50n, 1n],
    ['1Ei', 1n << 60n, 1n],
    ['1.5Gi', 3n << 29n, 1n],
    ['.5Ki', 512n, 1n],
    ['1.G', 1_000_000_000n, 1n], // the Go scanner explicitly allows "1.G"
    ['1e3', 1000n, 1n],
    ['1E3', 1000n, 1n],
    ['1e+3', 1000n, 1n],
    ['1.5e9', 1_500_000_000n, 1n],
    ['12E-3', 3n, 250n],
    ['12e-03', 3n, 250n],
    ['1e0', 1n, 1n],
    ['-2e2', -200n, 1n],
    ['1e60', 10n ** 60n, 1n],
    ['1e-60', 1n, 1_000_000_000n], // rounded up to one nano, as ParseQuantity does
    ['0.1n', 1n, 1_000_000_000n],
    ['1.5n', 2n, 1_000_000_000n],
    ['-0.1n', -1n, 1_000_000_000n], // rounding is away from zero
    ['8Ei', (1n << 63n) - 1n, 1n], // binary SI is capped at 2^63-1
    ['-8Ei', -((1n << 63n) - 1n), 1n],
    ['9E', 9n * 10n ** 18n, 1n], // decimal SI is not capped
    [2, 2n, 1n],
    [0.5, 1n, 2n],
    [0.1, 1n, 10n],
    [-3, -3n, 1n],
    [-0, 0n, 1n],
    [1e21, 10n ** 21n, 1n], // String(1e21) === '1e+21'
    [1.5e-7, 150n, 1_000_000_000n],
    [12345678901234567890n, 12345678901234567890n, 1n],
  ];
  it.each(cases)('%s', (input, num, den) => {
    expect(parseQuantity(input)).toEqual(frac(num, den));
  });
});

describe('parseQuantity: invalid forms', () => {
  const cases: readonly unknown[] = [
    '',
    ' ',
    ' 1',
    '1 ',
    '1 Gi',
    '1.2.3',
    '1GB',
    '1gi',
    '1K',
    '1KI',
    'Gi',
    'm',
    '.',
    '+',
    '-',
    '--1',
    '+-1',
    '0x10',
    '1e',
    '1E+',
    '1e1.5',
    '1ee3',
    '1Ki3',
    '1e61',
    '1e-61',
    '1e99999999999999999999',
    'NaN',
    'Infinity',
    '1_000',
    '١',
    '1'.repeat(65),
    '1%',
    '1constructor',
    '1toString',
    '1__proto__',
    NaN,
    Infinity,
    -Infinity,
    1e300, // exponent beyond the cap
    null,
    undefined,
    true,
    {},
    [],
    ['1'],
    { value: '1' },
  ];
  it.each(cases.map((c) => [c] as const))('%s', (input) => {
    expect(parseQuantity(input)).toBeUndefined();
  });

  it('accepts exactly 64 characters and rejects 65', () => {
    expect(parseQuantity('1'.repeat(64))).toEqual(frac(BigInt('1'.repeat(64))));
    expect(parseQuantity('1'.repeat(65))).toBeUndefined();
  });
});

describe('exact equality across suffixes', () => {
  const equal: readonly [unknown, unknown][] = [
    ['1Gi', '1024Mi'],
    ['1Gi', '1073741824'],
    ['1Gi', '1048576Ki'],
    ['1.5Gi', '1536Mi'],
    ['0.5', '500m'],
    [0.5, '500m'],
    ['1e3', '1k'],
    ['1E3', '1000'],
    ['1', '1000m'],
    [1, '1000000u'],
    ['1m', '1000000n'],
    ['1Ti', '1024Gi'],
    ['1Ei', '1024Pi'],
    ['12E-3', '12m'],
    ['1.5e9', '1.5G'],
    ['0', '0Gi'],
    ['0', '-0m'],
  ];
  it.each(equal)('%s == %s', (a, b) => {
    expect(compareQuantity(q(a), q(b))).toBe(0);
    expect(q(a)).toEqual(q(b));
  });

  const ordered: readonly [unknown, unknown][] = [
    ['1G', '1Gi'],
    ['999m', '1'],
    ['1Mi', '1.1Mi'],
    ['-1', '0'],
    ['1n', '1u'],
    ['1000Mi', '1Gi'],
  ];
  it.each(ordered)('%s < %s', (a, b) => {
    expect(compareQuantity(q(a), q(b))).toBe(-1);
    expect(compareQuantity(q(b), q(a))).toBe(1);
  });
});

describe('arithmetic', () => {
  it('adds without floating point drift', () => {
    expect(addQuantity(q(0.1), q(0.2))).toEqual(q('300m'));
    expect(addQuantity(q('512Mi'), q('512Mi'))).toEqual(q('1Gi'));
    expect(addQuantity(q('1'), q('-1'))).toEqual(ZERO);
  });

  it('subtracts', () => {
    expect(subQuantity(q('1Gi'), q('1Mi'))).toEqual(q('1023Mi'));
    expect(subQuantity(q('100m'), q('1'))).toEqual(q('-900m'));
  });

  it('multiplies by integers and quantities', () => {
    expect(mulQuantity(q('250m'), 4n)).toEqual(q('1'));
    expect(mulQuantity(q('1Gi'), 0n)).toEqual(ZERO);
    expect(mulQuantity(q('2Gi'), q('0.5'))).toEqual(q('1Gi'));
    expect(mulQuantity(q('3'), -2n)).toEqual(q('-6'));
  });

  it('classifies sign', () => {
    expect([isZero(ZERO), isPositive(ZERO), isNegative(ZERO)]).toEqual([true, false, false]);
    expect([isZero(q('1n')), isPositive(q('1n')), isNegative(q('1n'))]).toEqual([false, true, false]);
    expect([isZero(q('-1n')), isPositive(q('-1n')), isNegative(q('-1n'))]).toEqual([false, false, true]);
  });

  it('max and min', () => {
    expect(maxQuantity(q('1Gi'), q('1G'))).toEqual(q('1Gi'));
    expect(maxQuantity(q('-1'), ZERO)).toEqual(ZERO);
    expect(minQuantity(q('1Gi'), q('1G'))).toEqual(q('1G'));
  });

  it('negates', () => {
    expect(negQuantity(q('1Gi'))).toEqual(q('-1Gi'));
    expect(negQuantity(ZERO)).toEqual(ZERO);
  });

  it('normalizes fractions', () => {
    expect(makeQuantity(2n, 4n)).toEqual({ num: 1n, den: 2n });
    expect(makeQuantity(2n, -4n)).toEqual({ num: -1n, den: 2n });
    expect(makeQuantity(0n, -7n)).toEqual(ZERO);
    expect(() => makeQuantity(1n, 0n)).toThrow(RangeError);
    expect(Object.isFrozen(ZERO)).toBe(true);
  });

  it('rounds up to whole millis like SetDefaults_ResourceList', () => {
    expect(roundUpToMilli(q('100u'))).toEqual(q('1m'));
    expect(roundUpToMilli(q('1001u'))).toEqual(q('2m'));
    expect(roundUpToMilli(q('-1u'))).toEqual(q('-1m'));
    expect(roundUpToMilli(q('1m'))).toEqual(q('1m'));
    expect(roundUpToMilli(ZERO)).toEqual(ZERO);
  });

  it('converts to number for display only', () => {
    expect(quantityToNumber(q('1.5Gi'))).toBe(1610612736);
    expect(quantityToNumber(q('100m'))).toBe(0.1);
    expect(quantityToNumber(q('-2.5'))).toBe(-2.5);
    expect(quantityToNumber(makeQuantity(1n, 3n))).toBeCloseTo(1 / 3, 15);
  });

  it('equalQuantity agrees with compareQuantity', () => {
    expect(equalQuantity(q('1Gi'), q('1024Mi'))).toBe(true);
    expect(equalQuantity(q('1G'), q('1Gi'))).toBe(false);
  });
});

describe('parsePercentage', () => {
  const valid: readonly [string, Quantity][] = [
    ['10%', frac(10n)],
    ['2.5%', frac(5n, 2n)],
    ['0%', ZERO],
    ['100%', frac(100n)],
    ['.5%', frac(1n, 2n)],
    ['5.%', frac(5n)],
    ['+7%', frac(7n)],
    ['150%', frac(150n)], // range checks belong to the caller
  ];
  it.each(valid)('%s', (input, expected) => {
    expect(parsePercentage(input)).toEqual(expected);
  });

  const invalid: readonly unknown[] = ['10', '-10%', '%', '.%', 'ten%', '10 %', ' 10%', '10%%', '1e1%', '10Mi%', 10, null, undefined, {}, `${'1'.repeat(64)}%`];
  it.each(invalid.map((c) => [c] as const))('rejects %s', (input) => {
    expect(parsePercentage(input)).toBeUndefined();
  });
});

describe('formatQuantity', () => {
  const memory: readonly [string, string][] = [
    ['1Gi', '1Gi'],
    ['1.5Gi', '1.5Gi'],
    ['1536Mi', '1.5Gi'],
    ['512Mi', '512Mi'],
    ['100Mi', '100Mi'],
    ['1000Mi', '1000Mi'],
    ['1100Mi', '1100Mi'], // 1.07Gi would need more than one decimal
    ['1.25Gi', '1280Mi'],
    ['2Ti', '2Ti'],
    ['1Ki', '1Ki'],
    ['1G', '1G'], // exact in decimal SI, not in binary
    ['128974848', '123Mi'],
    ['129e6', '129M'],
    ['512', '512'],
    ['1500', '1500'],
    ['0', '0'],
    ['-1.5Gi', '-1.5Gi'],
    ['500m', '0.5'],
    ['1e21', '1000E'],
    ['9223372036854775808', '9223372036854775808'], // past the binary SI cap
  ];
  it.each(memory)('memory %s -> %s', (input, expected) => {
    expect(formatQuantity(q(input), 'memory')).toBe(expected);
  });

  const cpu: readonly [unknown, string][] = [
    ['500m', '500m'],
    [0.5, '500m'],
    ['100m', '100m'],
    ['1m', '1m'],
    ['1', '1'],
    ['1500m', '1.5'],
    ['2', '2'],
    ['2.25', '2.25'],
    ['1001m', '1.001'],
    ['0', '0'],
    ['-250m', '-250m'],
    ['500u', '0.0005'],
  ];
  it.each(cpu)('cpu %s -> %s', (input, expected) => {
    expect(formatQuantity(q(input), 'cpu')).toBe(expected);
  });

  const plain: readonly [unknown, string][] = [
    ['1Gi', '1073741824'],
    ['1.5', '1.5'],
    ['-12m', '-0.012'],
    ['1n', '0.000000001'],
    ['1e21', '1000000000000000000000'],
    ['0', '0'],
  ];
  it.each(plain)('plain %s -> %s', (input, expected) => {
    expect(formatQuantity(q(input), 'plain')).toBe(expected);
    expect(formatQuantity(q(input))).toBe(expected);
  });

  it('prints hand-built non-decimal fractions as n/d', () => {
    expect(formatQuantity(makeQuantity(1n, 3n))).toBe('1/3');
  });
});

// Quantities the parser can produce: multiples of 1n with bounded magnitude.
const arbNanoQuantity = fc.tuple(fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }), fc.integer({ min: 0, max: 9 })).map(([n, places]) => makeQuantity(n, 10n ** BigInt(places)));

describe('properties', () => {
  it('memory format round-trips for Mi and Gi multiples', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 40n), max: 1n << 40n }), fc.constantFrom(1n << 20n, 1n << 30n, 3n << 19n), (k, unit) => {
        const value = makeQuantity(k * unit);
        const text = formatQuantity(value, 'memory');
        expect(parseQuantity(text)).toEqual(value);
      }),
    );
  });

  it('plain and cpu formats round-trip any parseable value', () => {
    fc.assert(
      fc.property(arbNanoQuantity, (value) => {
        expect(parseQuantity(formatQuantity(value, 'plain'))).toEqual(value);
        expect(parseQuantity(formatQuantity(value, 'cpu'))).toEqual(value);
        expect(parseQuantity(formatQuantity(value, 'memory'))).toEqual(value);
      }),
    );
  });

  it('binary suffix scaling is exact', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1n << 32n }), (n) => {
        expect(parseQuantity(`${n}Gi`)).toEqual(parseQuantity(`${n * 1024n}Mi`));
        expect(parseQuantity(`${n}Mi`)).toEqual(parseQuantity(`${n * 1024n}Ki`));
        expect(parseQuantity(`${n}k`)).toEqual(parseQuantity(`${n}e3`));
      }),
    );
  });

  it('numbers parse like their decimal string', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (n) => {
        expect(parseQuantity(n)).toEqual(parseQuantity(String(n)));
      }),
    );
  });

  it('sub undoes add', () => {
    fc.assert(
      fc.property(arbNanoQuantity, arbNanoQuantity, (a, b) => {
        expect(subQuantity(addQuantity(a, b), b)).toEqual(a);
        expect(addQuantity(a, b)).toEqual(addQuantity(b, a));
      }),
    );
  });

  it('compare is antisymmetric, reflexive and consistent with subtraction', () => {
    fc.assert(
      fc.property(arbNanoQuantity, arbNanoQuantity, (a, b) => {
        expect(compareQuantity(a, b)).toBe(-compareQuantity(b, a) || 0);
        expect(compareQuantity(a, a)).toBe(0);
        const diff = subQuantity(a, b);
        expect(compareQuantity(a, b)).toBe(isZero(diff) ? 0 : isPositive(diff) ? 1 : -1);
      }),
    );
  });

  it('compare is transitive', () => {
    fc.assert(
      fc.property(arbNanoQuantity, arbNanoQuantity, arbNanoQuantity, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(compareQuantity);
        if (x === undefined || y === undefined || z === undefined) throw new Error('unreachable');
        expect(compareQuantity(x, z)).toBeLessThanOrEqual(0);
        expect(maxQuantity(maxQuantity(a, b), c)).toEqual(z);
      }),
    );
  });

  it('never throws and always yields normalized values for arbitrary strings', () => {
    const quantityish = fc.stringMatching(/^[+-]?[0-9]{0,5}\.?[0-9]{0,5}([eE][+-]?[0-9]{0,3}|[numkKMGTPEi]{0,2})$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), quantityish), (s) => {
        const parsed = parseQuantity(s);
        if (parsed !== undefined) {
          expect(parsed.den > 0n).toBe(true);
          expect(makeQuantity(parsed.num, parsed.den)).toEqual(parsed);
          expect((parsed.num * 1_000_000_000n) % parsed.den === 0n).toBe(true);
        }
        parsePercentage(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true }), (v) => {
        parseQuantity(v);
        parsePercentage(v);
      }),
    );
  });

  it('stays fast on hostile input', () => {
    const start = performance.now();
    for (let i = 0; i < 1000; i++) {
      parseQuantity(`${'9'.repeat(60)}e60`);
      parseQuantity(`${'9'.repeat(10_000)}`);
      parseQuantity(`1e${'9'.repeat(50)}`);
    }
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('parseQuantity: repeated values', () => {
  it('answers the same for a value seen before, also after many distinct values have passed', () => {
    const first = parseQuantity('1536Mi');
    for (let index = 0; index < 10_000; index++) expect(parseQuantity(`${index}m`)).toEqual(makeQuantity(BigInt(index), 1000n));
    expect(parseQuantity('1536Mi')).toEqual(first);
    expect(parseQuantity('1.5Gi')).toEqual(first);
    expect(parseQuantity('1.5Gx')).toBeUndefined();
    expect(parseQuantity('1.5Gx')).toBeUndefined();
  });
});
