/**
 * Plain scalars and mapping keys resolved as Kubernetes resolves them: go-yaml v2 (through
 * sigs.k8s.io/yaml) decoding into interface{}, then YAMLToJSON's key conversion. Source:
 * gopkg.in/yaml.v2 resolve.go (`resolve`) and sigs.k8s.io/yaml yaml.go
 * (`convertToJSONableObject`); test/oracle/yaml2json.go runs the real thing in the tests.
 * Both parse tiers use these functions, so they cannot disagree on a scalar.
 */
export type PlainScalar = string | number | boolean | null;

/** The exact spellings go-yaml looks up in a table before trying numbers (resolve.go, `resolveMap`). */
const TABLE = new Map<string, PlainScalar>();
for (const [value, spellings] of [
  [true, 'y Y yes Yes YES true True TRUE on On ON'],
  [false, 'n N no No NO false False FALSE off Off OFF'],
  [null, '~ null Null NULL'],
  [Number.NaN, '.nan .NaN .NAN'],
  [Number.POSITIVE_INFINITY, '.inf .Inf .INF +.inf +.Inf +.INF'],
  [Number.NEGATIVE_INFINITY, '-.inf -.Inf -.INF'],
] as const) {
  for (const spelling of spellings.split(' ')) TABLE.set(spelling, value);
}
TABLE.set('', null);

/** strconv.ParseInt(s, 0, 64)'s syntax once go-yaml has removed underscores. */
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
/** go-yaml's `yamlStyleFloat`. */
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** strconv.ParseFloat's syntax for text starting with `.` (underscores only between digits). */
const GO_DOT_FLOAT = /^\.[0-9](?:_?[0-9])*(?:[eE][-+]?[0-9](?:_?[0-9])*)?$/;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** What go-yaml makes of a plain scalar, with the Go type where JSON would lose it. */
type Resolved = { kind: 'string' | 'bool' | 'null'; value: PlainScalar } | { kind: 'int'; value: number; exact: bigint; unsigned: boolean } | { kind: 'float'; value: number };

function resolve(source: string): Resolved {
  const first = source.charCodeAt(0);
  const isDigit = first >= 48 && first <= 57;
  const isSign = first === 43 || first === 45;
  const isDot = first === 46;
  // Only these first characters lead go-yaml to try anything but a string (its `resolveTable`).
  if (!isDigit && !isSign && !isDot && !'yYnNtTfFoO~'.includes(source.charAt(0)) && source !== '') return { kind: 'string', value: source };
  const known = TABLE.get(source);
  if (known !== undefined || TABLE.has(source)) {
    if (typeof known === 'number') return { kind: 'float', value: known };
    return { kind: typeof known === 'boolean' ? 'bool' : 'null', value: known ?? null };
  }
  if (isDot) {
    if (GO_DOT_FLOAT.test(source)) {
      const value = Number(source.replace(/_/g, ''));
      if (Number.isFinite(value)) return { kind: 'float', value };
    }
    return { kind: 'string', value: source };
  }
  if (!isDigit && !isSign) return { kind: 'string', value: source };
  const plain = source.includes('_') ? source.replace(/_/g, '') : source;
  if (GO_INT.test(plain)) {
    const exact = parseGoInt(plain);
    if (exact >= INT64_MIN && exact <= INT64_MAX) return { kind: 'int', value: Number(exact), exact, unsigned: false };
    // ParseUint takes no sign.
    if (isDigit && exact <= UINT64_MAX) return { kind: 'int', value: Number(exact), exact, unsigned: true };
  }
  if (GO_FLOAT.test(plain)) {
    const value = Number(plain);
    // Beyond float64's range ParseFloat fails and go-yaml keeps the text.
    if (Number.isFinite(value)) return { kind: 'float', value };
  }
  return { kind: 'string', value: source };
}

function parseGoInt(plain: string): bigint {
  const negative = plain.charCodeAt(0) === 45;
  const digits = plain.charCodeAt(0) === 43 || negative ? plain.slice(1) : plain;
  const prefix = digits.slice(0, 2).toLowerCase();
  let magnitude: bigint;
  if (prefix === '0x' || prefix === '0o' || prefix === '0b') magnitude = BigInt(`0${prefix.charAt(1)}${digits.slice(2)}`);
  else if (digits.length > 1 && digits.charCodeAt(0) === 48) magnitude = BigInt(`0o${digits.slice(1)}`);
  else magnitude = BigInt(digits);
  return negative ? -magnitude : magnitude;
}

/** The value of an untagged plain scalar (integers beyond 2^53 become the nearest double, as JSON.parse makes them). */
export function resolvePlain(source: string): PlainScalar {
  return resolve(source).value;
}

/**
 * The JSON key Kubernetes makes of a plain scalar key, or undefined where YAMLToJSON fails
 * ("unsupported map key": null, and integers only uint64 holds).
 */
export function resolveKey(source: string): string | undefined {
  const resolved = resolve(source);
  switch (resolved.kind) {
    case 'string':
      return source;
    case 'bool':
      return String(resolved.value);
    case 'null':
      return undefined;
    case 'int':
      return resolved.unsigned ? undefined : resolved.exact.toString();
    case 'float':
      return goFloat32Key(resolved.value);
  }
}

/** strconv.FormatFloat(f, 'g', -1, 32) with go-yaml's names for the non-finite values. */
export function goFloat32Key(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Number.POSITIVE_INFINITY) return '.inf';
  if (value === Number.NEGATIVE_INFINITY) return '-.inf';
  const single = Math.fround(value);
  // Beyond float32 the conversion gives ±Inf, which YAMLToJSON renames.
  if (!Number.isFinite(single)) return single > 0 ? '.inf' : '-.inf';
  if (single === 0) return Object.is(single, -0) ? '-0' : '0';
  // The shortest decimal that reads back as the same float32.
  let digits = '';
  let exponent = 0;
  for (let precision = 1; precision <= 9; precision++) {
    const text = Math.abs(single).toExponential(precision - 1);
    if (Math.fround(Number(text)) === Math.abs(single)) {
      const [mantissa = '', power = '0'] = text.split('e');
      digits = mantissa.replace('.', '');
      exponent = Number(power);
      break;
    }
  }
  const sign = single < 0 ? '-' : '';
  // Shortest formatting switches to %e below 1e-4 and from 1e6 on (ftoa.go: eprec = 6).
  if (exponent < -4 || exponent >= 6) {
    const mantissa = digits.length > 1 ? `${digits.charAt(0)}.${digits.slice(1)}` : digits;
    const abs = Math.abs(exponent);
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}
