/**
 * Container probes as the kubelet runs them.
 *
 * Defaults from kubernetes/kubernetes pkg/apis/core/v1/defaults.go: SetDefaults_Probe replaces a
 * zero (or omitted) timeoutSeconds with 1, periodSeconds with 10, successThreshold with 1 and
 * failureThreshold with 3 (initialDelaySeconds stays 0); SetDefaults_HTTPGetAction defaults
 * `path` to `/` and `scheme` to `HTTP`. Named ports are resolved by the kubelet against the
 * probing container's own `ports` only (pkg/probe/util.go ResolveContainerPort, findPortByName).
 */
import type { Path } from '../types.js';
import { asArray, asInteger, asString, isMap, type PlainMap } from './access.js';
import type { ContainerRef } from './workload.js';

export const PROBE_KINDS = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

/** The four mutually exclusive handlers of a probe (core/v1 ProbeHandler). */
export const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
export type ProbeHandler = (typeof PROBE_HANDLERS)[number];

export const TIMING_FIELDS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;
export type TimingField = (typeof TIMING_FIELDS)[number];
export type ProbeTiming = Record<TimingField, number>;

export const PROBE_DEFAULTS: Readonly<ProbeTiming> = {
  initialDelaySeconds: 0,
  timeoutSeconds: 1,
  periodSeconds: 10,
  successThreshold: 1,
  failureThreshold: 3,
};

export interface ProbeRef {
  kind: ProbeKind;
  value: PlainMap;
  /** Path of the probe, relative to the object. */
  path: Path;
}

/** The probes a container declares, in liveness, readiness, startup order. */
export function probesOf(container: ContainerRef): ProbeRef[] {
  const probes: ProbeRef[] = [];
  for (const kind of PROBE_KINDS) {
    const value = container.value[kind];
    if (isMap(value)) probes.push({ kind, value, path: [...container.path, kind] });
  }
  return probes;
}

/** Handlers present on a probe; an explicit `null` is absent to the API, as a nil pointer. */
export function handlersOf(probe: PlainMap): ProbeHandler[] {
  return PROBE_HANDLERS.filter((handler) => isMap(probe[handler]));
}

/**
 * Timing with API defaults applied. A value the API would reject for its type (a string, a
 * fraction) is read as omitted; negative values are kept so callers can report them.
 */
export function probeTiming(probe: PlainMap): ProbeTiming {
  const timing = { ...PROBE_DEFAULTS };
  for (const field of TIMING_FIELDS) {
    const value = asInteger(probe[field]);
    if (value !== undefined && value !== 0) timing[field] = value;
  }
  return timing;
}

export function hasNegativeTiming(timing: ProbeTiming): boolean {
  return TIMING_FIELDS.some((field) => timing[field] < 0);
}

/**
 * Seconds from container start until a probe that never succeeds reaches its failure
 * threshold: `initialDelaySeconds + failureThreshold × periodSeconds`.
 */
export function firstFailureWindow(timing: ProbeTiming): number {
  return timing.initialDelaySeconds + timing.failureThreshold * timing.periodSeconds;
}

/** The port a network handler probes (`httpGet.port`, `tcpSocket.port`, `grpc.port`). */
export function probePort(probe: PlainMap): { handler: 'httpGet' | 'tcpSocket' | 'grpc'; value: unknown; path: Path } | undefined {
  for (const handler of ['httpGet', 'tcpSocket', 'grpc'] as const) {
    const action = probe[handler];
    if (isMap(action)) return { handler, value: action['port'], path: [handler, 'port'] };
  }
  return undefined;
}

/**
 * IANA service name as the API accepts for a named port (apimachinery IsValidPortName): 1-15
 * of `[a-z0-9-]`, at least one letter, no leading, trailing or doubled hyphen. A quoted number
 * such as `"8080"` fails it and is rejected by validation.
 */
export function isValidPortName(name: string): boolean {
  return name.length > 0 && name.length <= 15 && /^[a-z0-9-]+$/.test(name) && /[a-z]/.test(name) && !name.includes('--') && !name.startsWith('-') && !name.endsWith('-');
}

export interface DeclaredPort {
  containerPort: number | undefined;
  /** Path of the `ports[]` entry, relative to the object. */
  path: Path;
}

/** Named ports a container declares, by name (the first declaration of a name wins). */
export function namedPortsOf(container: ContainerRef): Map<string, DeclaredPort> {
  const ports = new Map<string, DeclaredPort>();
  asArray(container.value['ports']).forEach((port, index) => {
    const name = asString(isMap(port) ? port['name'] : undefined);
    if (name === undefined || ports.has(name)) return;
    ports.set(name, { containerPort: asInteger(isMap(port) ? port['containerPort'] : undefined), path: [...container.path, 'ports', index] });
  });
  return ports;
}

/**
 * A canonical form of a probe for comparison: defaults applied and a named port replaced by
 * the number it resolves to, so `port: http` and `port: 8080` compare equal when `http` is 8080.
 */
export function canonicalProbe(probe: PlainMap, container: ContainerRef): string {
  const ports = namedPortsOf(container);
  const handlers: Record<string, unknown> = {};
  for (const handler of handlersOf(probe)) {
    const action = { ...(probe[handler] as PlainMap) };
    const port = action['port'];
    if (typeof port === 'string') action['port'] = ports.get(port)?.containerPort ?? port;
    if (handler === 'httpGet') {
      // `||`, not `??`: defaulting replaces empty strings too.
      action['path'] = asString(action['path']) || '/';
      action['scheme'] = asString(action['scheme']) || 'HTTP';
      action['host'] = asString(action['host']) ?? '';
      action['httpHeaders'] = asArray(action['httpHeaders']);
    }
    if (handler === 'tcpSocket') action['host'] = asString(action['host']) ?? '';
    if (handler === 'grpc') action['service'] = asString(action['service']) ?? '';
    handlers[handler] = action;
  }
  return stableStringify({ handlers, timing: probeTiming(probe) });
}

/** JSON with object keys sorted, so key order in the manifest does not matter. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (isMap(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableStringify(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
