/**
 * Go `time.ParseDuration`, which the kubelet uses for every duration it reads (metav1.Duration
 * fields, `evictionSoftGracePeriod` values, duration flags): a signed sequence of decimal
 * numbers with units ns, us (µs), ms, s, m, h; `0` alone is allowed.
 */
const UNIT_NANOSECONDS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const PART = /^([0-9]*(?:\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)/;

/** Nanoseconds, or undefined when Go would reject the text. */
export function parseGoDuration(text: string): number | undefined {
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  while (rest !== '') {
    const match = PART.exec(rest);
    const digits = match?.[1] ?? '';
    if (!match || digits === '' || digits === '.') return undefined;
    total += Number(digits) * (UNIT_NANOSECONDS[match[2] ?? ''] ?? 0);
    rest = rest.slice(match[0].length);
  }
  return sign * total;
}
