/**
 * Kubelet eviction thresholds as the kubelet parses them (pkg/kubelet/eviction/helpers.go
 * parseThresholdStatement, parseGracePeriods, parseMinimumReclaims; kubernetes commit
 * 008b3652959ca58af8be3fb5b6ecfe9ae7638282).
 */
import { compareKubeVersions } from './settings.js';
import { parseGoDuration } from './duration.js';
import { isPositive, parsePercentage, parseQuantity, compareQuantity, makeQuantity, type Quantity } from './quantity.js';

/** The signals `validSignal` accepts: the keys of signalToResource in helpers.go. */
export const EVICTION_SIGNALS: readonly string[] = [
  'memory.available',
  'allocatableMemory.available',
  'nodefs.available',
  'nodefs.inodesFree',
  'imagefs.available',
  'imagefs.inodesFree',
  'containerfs.available',
  'containerfs.inodesFree',
  'pid.available',
];

/** The hard-eviction signals the kubelet sets by default; all must be kept when overriding. */
export const DEFAULT_HARD_SIGNALS = ['memory.available', 'nodefs.available', 'imagefs.available', 'nodefs.inodesFree'] as const;

/**
 * Linux DefaultEvictionHard (pkg/kubelet/eviction/defaults_linux.go). imagefs.inodesFree joined
 * the defaults with kubernetes/kubernetes#121834, first released in 1.30.
 */
export function defaultEvictionHard(kubernetesVersion: string): Record<string, string> {
  const defaults: Record<string, string> = {
    'memory.available': '100Mi',
    'nodefs.available': '10%',
    'nodefs.inodesFree': '5%',
    'imagefs.available': '15%',
  };
  if (compareKubeVersions(kubernetesVersion, '1.30') >= 0) defaults['imagefs.inodesFree'] = '5%';
  return defaults;
}

/** mergeDefaultEvictionSettings arrived with kubernetes/kubernetes#127577, in 1.33. */
export const MERGE_DEFAULT_EVICTION_SINCE = '1.33';

export function supportsMergeDefaultEviction(kubernetesVersion: string): boolean {
  return compareKubeVersions(kubernetesVersion, MERGE_DEFAULT_EVICTION_SINCE) >= 0;
}

export type ThresholdProblem = 'signal' | 'malformed' | 'negativePercent' | 'percentOver100' | 'notPositive';

export type ParsedThreshold = { kind: 'disabled' } | { kind: 'percent'; percent: Quantity } | { kind: 'quantity'; quantity: Quantity };

/**
 * A hard or soft threshold value. `0%` and `100%` are accepted and mean "no threshold"; any
 * other percentage must lie in [0%, 100%]; a quantity must be positive.
 */
export function parseThreshold(signal: string, value: string | undefined): ParsedThreshold | ThresholdProblem {
  if (value === undefined) return 'malformed';
  if (!EVICTION_SIGNALS.includes(signal)) return 'signal';
  if (value.endsWith('%')) {
    if (value === '0%' || value === '100%') return { kind: 'disabled' };
    if (/^-/.test(value) && parsePercentage(value.slice(1)) !== undefined) return 'negativePercent';
    const percent = parsePercentage(value);
    if (percent === undefined) return 'malformed';
    if (compareQuantity(percent, makeQuantity(100n)) > 0) return 'percentOver100';
    return { kind: 'percent', percent };
  }
  const quantity = parseQuantity(value);
  if (quantity === undefined) return 'malformed';
  if (!isPositive(quantity)) return 'notPositive';
  return { kind: 'quantity', quantity };
}

export type GracePeriodProblem = 'signal' | 'malformed' | 'negative';

export function parseGracePeriod(signal: string, value: string | undefined): number | GracePeriodProblem {
  if (value === undefined) return 'malformed';
  if (!EVICTION_SIGNALS.includes(signal)) return 'signal';
  const nanoseconds = parseGoDuration(value);
  if (nanoseconds === undefined) return 'malformed';
  return nanoseconds < 0 ? 'negative' : nanoseconds;
}

export type ReclaimProblem = 'signal' | 'malformed' | 'negative';

/** Minimum reclaim: a percentage must be positive, a quantity not negative. */
export function checkMinimumReclaim(signal: string, value: string | undefined): ReclaimProblem | undefined {
  if (value === undefined) return 'malformed';
  if (!EVICTION_SIGNALS.includes(signal)) return 'signal';
  if (value.endsWith('%')) {
    const percent = parsePercentage(value);
    if (percent === undefined) return /^-/.test(value) ? 'negative' : 'malformed';
    return isPositive(percent) ? undefined : 'negative';
  }
  const quantity = parseQuantity(value);
  if (quantity === undefined) return 'malformed';
  return quantity.num < 0n ? 'negative' : undefined;
}
