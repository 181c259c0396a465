/**
 * Exact Kubernetes resource.Quantity values.
 *
 * Ported from k8s.io/apimachinery/pkg/api/resource/quantity.go
 * (parseQuantityString, ParseQuantity) and suffix.go (suffixHandler.interpret),
 * kubernetes/apimachinery commit 357557a670d84c30ef3b5355f02c11d8aba5a941.
 *
 * Values are rationals over BigInt so that "1Gi" and "1024Mi" compare equal
 * and sums never drift the way float64 would (0.1 + 0.2 cores must equal 300m,
 * or a Guaranteed pod would be misreported as Burstable).
 */

export interface Quantity {
  readonly num: bigint;
  /** Always > 0n; the fraction is kept in lowest terms. */
  readonly den: bigint;
}

export type QuantityKind = 'memory' | 'cpu' | 'plain';

/** Longest string accepted; keeps BigInt work bounded on hostile input. */
export const MAX_QUANTITY_LENGTH = 64;
/** Largest |n| accepted in an `e<n>` exponent, for the same reason. */
export const MAX_DECIMAL_EXPONENT = 60;

export const ZERO: Quantity = Object.freeze({ num: 0n, den: 1n });

const NANO_DEN = 1_000_000_000n;
const MILLI_DEN = 1_000n;
// ParseQuantity silently caps binary-suffixed values at 2^63-1 ("8Ei").
const MAX_BINARY_SI = (1n << 63n) - 1n;

const DECIMAL_SUFFIX_EXPONENT: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

const BINARY_SUFFIX_EXPONENT: Readonly<Record<string, number>> = {
  Ki: 10,
  Mi: 20,
  Gi: 30,
  Ti: 40,
  Pi: 50,
  Ei: 60,
};

// Largest first, so formatting picks the biggest suffix that fits.
const BINARY_SUFFIXES_DESC: readonly (readonly [string, bigint])[] = [
  ['Ei', 1n << 60n],
  ['Pi', 1n << 50n],
  ['Ti', 1n << 40n],
  ['Gi', 1n << 30n],
  ['Mi', 1n << 20n],
  ['Ki', 1n << 10n],
];

const DECIMAL_SUFFIXES_DESC: readonly (readonly [string, bigint])[] = [
  ['E', 10n ** 18n],
  ['P', 10n ** 15n],
  ['T', 10n ** 12n],
  ['G', 10n ** 9n],
  ['M', 10n ** 6n],
  ['k', 10n ** 3n],
];

// <signedNumber> then the raw suffix. Requiring a digit on one side of the
// point rejects ".", "+" and "-", which the Go scanner lets through as 0 but
// which the documented grammar (and any sane manifest) never contains.
const QUANTITY_RE = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(.*)$/;
const EXPONENT_SUFFIX_RE = /^[eE]([+-]?[0-9]+)$/;

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Builds a normalized quantity; throws only on a zero denominator (a programming error). */
export function makeQuantity(num: bigint, den: bigint = 1n): Quantity {
  if (den === 0n) throw new RangeError('Quantity denominator must not be zero');
  let n = num;
  let d = den;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (n === 0n) return ZERO;
  const g = gcd(n, d);
  return g === 1n ? { num: n, den: d } : { num: n / g, den: d / g };
}

/** Rounds away from zero to a multiple of 1/unitDen, as inf.RoundUp / Quantity.RoundUp do. */
function roundAwayFromZero(q: Quantity, unitDen: bigint): Quantity {
  const scaled = q.num * unitDen;
  if (scaled % q.den === 0n) return q;
  const truncated = scaled / q.den; // BigInt division truncates toward zero
  return makeQuantity(q.num < 0n ? truncated - 1n : truncated + 1n, unitDen);
}

/**
 * Rounds away from zero to whole millis. The API server does this to every
 * ResourceList when it defaults a Pod (SetDefaults_ResourceList), so two
 * values that differ only below 1m are equal once stored.
 */
export function roundUpToMilli(q: Quantity): Quantity {
  return roundAwayFromZero(q, MILLI_DEN);
}

function parseQuantityString(str: string): Quantity | undefined {
  if (str.length === 0 || str.length > MAX_QUANTITY_LENGTH) return undefined;
  const m = QUANTITY_RE.exec(str);
  if (m === null) return undefined;
  const sign = m[1] ?? '';
  const intDigits = m[2] ?? '';
  const fracDigits = m[3] ?? '';
  const suffix = m[4] ?? '';
  if (intDigits.length === 0 && fracDigits.length === 0) return undefined;

  let exponent10 = 0;
  let exponent2 = 0;
  let binary = false;
  // hasOwn: a suffix such as "constructor" must not find Object.prototype.
  const dec = Object.hasOwn(DECIMAL_SUFFIX_EXPONENT, suffix) ? DECIMAL_SUFFIX_EXPONENT[suffix] : undefined;
  const bin = Object.hasOwn(BINARY_SUFFIX_EXPONENT, suffix) ? BINARY_SUFFIX_EXPONENT[suffix] : undefined;
  if (dec !== undefined) {
    exponent10 = dec;
  } else if (bin !== undefined) {
    exponent2 = bin;
    binary = true;
  } else {
    const e = EXPONENT_SUFFIX_RE.exec(suffix);
    if (e === null || e[1] === undefined) return undefined;
    const parsed = Number.parseInt(e[1], 10);
    if (!Number.isSafeInteger(parsed) || Math.abs(parsed) > MAX_DECIMAL_EXPONENT) return undefined;
    exponent10 = parsed;
  }

  let num = BigInt(intDigits + fracDigits);
  let den = 10n ** BigInt(fracDigits.length);
  if (exponent10 > 0) num *= 10n ** BigInt(exponent10);
  if (exponent10 < 0) den *= 10n ** BigInt(-exponent10);
  if (exponent2 > 0) num *= 1n << BigInt(exponent2);
  if (sign === '-') num = -num;

  // ParseQuantity keeps nothing finer than 1n and rounds away from zero, so
  // "0.1n" is 1n: asking for some resource never rounds down to none.
  let q = roundAwayFromZero(makeQuantity(num, den), NANO_DEN);
  if (binary && abs(q.num) > MAX_BINARY_SI * q.den) {
    q = makeQuantity(q.num < 0n ? -MAX_BINARY_SI : MAX_BINARY_SI);
  }
  return q;
}

/**
 * Manifests repeat a handful of quantities ("100m", "128Mi") thousands of times, and several
 * rules read each one; quantities are immutable, so one parse can serve them all. Bounded: a
 * set of files with endless distinct values starts the cache afresh instead of growing it.
 */
const parsedQuantities = new Map<string, Quantity | undefined>();
const PARSED_QUANTITIES_MAX = 4096;

function parseCachedQuantity(str: string): Quantity | undefined {
  const cached = parsedQuantities.get(str);
  if (cached !== undefined || parsedQuantities.has(str)) return cached;
  if (parsedQuantities.size >= PARSED_QUANTITIES_MAX) parsedQuantities.clear();
  const parsed = parseQuantityString(str);
  parsedQuantities.set(str, parsed);
  return parsed;
}

/**
 * Parses a Kubernetes quantity. Strings follow the apimachinery grammar
 * (sign, digits with optional point, binary/decimal suffix or e-exponent);
 * numbers and bigints come from YAML scalars like `cpu: 0.5` and are read
 * through their shortest decimal form, which is exactly what the user wrote.
 * Anything else, including surrounding whitespace, yields undefined.
 */
export function parseQuantity(input: unknown): Quantity | undefined {
  if (typeof input === 'string') return parseCachedQuantity(input);
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return undefined;
    // String() gives the shortest round-tripping decimal, e.g. "0.1" or
    // "1e+21"; both are valid quantity syntax, so one parser serves both.
    return parseQuantityString(String(input));
  }
  if (typeof input === 'bigint') return parseQuantityString(input.toString());
  return undefined;
}

const PERCENT_RE = /^\+?([0-9]*)(?:\.([0-9]*))?%$/;

/**
 * Parses an eviction-threshold percentage such as "10%" or "2.5%" into the
 * percentage value (10, 2.5). Range checks (e.g. > 100%) are left to callers
 * because what is acceptable depends on the setting being linted.
 */
export function parsePercentage(input: unknown): Quantity | undefined {
  if (typeof input !== 'string' || input.length === 0 || input.length > MAX_QUANTITY_LENGTH) return undefined;
  const m = PERCENT_RE.exec(input);
  if (m === null) return undefined;
  const intDigits = m[1] ?? '';
  const fracDigits = m[2] ?? '';
  if (intDigits.length === 0 && fracDigits.length === 0) return undefined;
  return makeQuantity(BigInt(intDigits + fracDigits), 10n ** BigInt(fracDigits.length));
}

export function compareQuantity(a: Quantity, b: Quantity): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function equalQuantity(a: Quantity, b: Quantity): boolean {
  return compareQuantity(a, b) === 0;
}

export function addQuantity(a: Quantity, b: Quantity): Quantity {
  if (a.den === b.den) return makeQuantity(a.num + b.num, a.den);
  return makeQuantity(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function subQuantity(a: Quantity, b: Quantity): Quantity {
  return addQuantity(a, negQuantity(b));
}

export function negQuantity(q: Quantity): Quantity {
  return q.num === 0n ? ZERO : { num: -q.num, den: q.den };
}

export function mulQuantity(a: Quantity, factor: Quantity | bigint): Quantity {
  if (typeof factor === 'bigint') return makeQuantity(a.num * factor, a.den);
  return makeQuantity(a.num * factor.num, a.den * factor.den);
}

export function isZero(q: Quantity): boolean {
  return q.num === 0n;
}

export function isNegative(q: Quantity): boolean {
  return q.num < 0n;
}

export function isPositive(q: Quantity): boolean {
  return q.num > 0n;
}

export function maxQuantity(a: Quantity, b: Quantity): Quantity {
  return compareQuantity(a, b) >= 0 ? a : b;
}

export function minQuantity(a: Quantity, b: Quantity): Quantity {
  return compareQuantity(a, b) <= 0 ? a : b;
}

/**
 * Exact decimal digits of q, or undefined when the denominator has a prime
 * factor other than 2 or 5. Parsed values never do, but a caller can build
 * such a Quantity by hand.
 */
function toDecimalString(q: Quantity): string | undefined {
  let d = q.den;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  if (d !== 1n) return undefined;
  const places = Math.max(twos, fives);
  const scaled = abs(q.num) * (10n ** BigInt(places) / q.den);
  let digits = scaled.toString();
  let out: string;
  if (places === 0) {
    out = digits;
  } else {
    digits = digits.padStart(places + 1, '0');
    const intPart = digits.slice(0, digits.length - places);
    const fracPart = digits.slice(digits.length - places).replace(/0+$/, '');
    out = fracPart.length > 0 ? `${intPart}.${fracPart}` : intPart;
  }
  return q.num < 0n ? `-${out}` : out;
}

function plainString(q: Quantity): string {
  return toDecimalString(q) ?? `${q.num}/${q.den}`;
}

/** For display and ratios only: the nearest double, never used for comparisons. */
export function quantityToNumber(q: Quantity): number {
  const s = toDecimalString(q);
  return s !== undefined ? Number(s) : Number(q.num) / Number(q.den);
}

function isIntegral(q: Quantity): boolean {
  return q.den === 1n;
}

function hasAtMostOneDecimal(q: Quantity): boolean {
  return 10n % q.den === 0n;
}

function formatMemory(q: Quantity): string {
  const magnitude = q.num < 0n ? negQuantity(q) : q;
  const sign = q.num < 0n ? '-' : '';
  // The largest suffix with a value >= 1 is what a human reads naturally;
  // allow one decimal there ("1.5Gi") but not below it, where "1536Mi"
  // beats "1572864Ki"-style noise.
  let natural = true;
  // Past 2^63-1 a binary suffix would be capped on parse, so only decimal is faithful.
  const binaryFits = magnitude.num <= MAX_BINARY_SI * magnitude.den;
  for (const [suffix, factor] of binaryFits ? BINARY_SUFFIXES_DESC : []) {
    const scaled = makeQuantity(magnitude.num, magnitude.den * factor);
    if (compareQuantity(scaled, makeQuantity(1n)) < 0) continue;
    if (isIntegral(scaled) || (natural && hasAtMostOneDecimal(scaled))) {
      return `${sign}${plainString(scaled)}${suffix}`;
    }
    natural = false;
  }
  // Values like 1G are exact in decimal SI but not in binary.
  for (const [suffix, factor] of DECIMAL_SUFFIXES_DESC) {
    const scaled = makeQuantity(magnitude.num, magnitude.den * factor);
    if (isIntegral(scaled) && scaled.num !== 0n) return `${sign}${scaled.num}${suffix}`;
  }
  return plainString(q);
}

function formatCpu(q: Quantity): string {
  const magnitude = q.num < 0n ? negQuantity(q) : q;
  if (compareQuantity(magnitude, makeQuantity(1n)) < 0 && !isZero(q)) {
    const millis = mulQuantity(q, 1000n);
    if (isIntegral(millis)) return `${millis.num}m`;
  }
  return plainString(q);
}

/**
 * Human-readable form. memory: binary suffixes ("1.5Gi", "512Mi");
 * cpu: millicores below one core ("500m"), plain cores above ("1.5");
 * plain: exact decimal. Every output parses back to the same value,
 * except hand-built non-decimal fractions, which print as "n/d".
 */
export function formatQuantity(q: Quantity, kind: QuantityKind = 'plain'): string {
  switch (kind) {
    case 'memory':
      return formatMemory(q);
    case 'cpu':
      return formatCpu(q);
    case 'plain':
      return plainString(q);
  }
}
