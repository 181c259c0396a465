import type { Severity, SeverityOrOff } from '../types.js';
import type { AnyRule } from './rule.js';
import type { ClusterFacts } from './settings.js';
import type { ObjectExclusion } from './exclude.js';

export type { ObjectExclusion } from './exclude.js';

export type PresetName = 'recommended' | 'strict' | 'all';
export const PRESETS: readonly PresetName[] = ['recommended', 'strict', 'all'];

export interface RuleSetting {
  severity?: SeverityOrOff;
  options?: Record<string, unknown>;
}

/** The shape of `.ballast.yaml` (validated by `loadConfig` against the shipped JSON schema). */
export interface BallastConfig {
  /**
   * A preset (`PresetName`), or the path of a config file to start from, which the Node entry point
   * resolves: the config it returns has that file's preset here.
   */
  extends?: string;
  rules?: Record<string, SeverityOrOff | RuleSetting>;
  ignore?: string[];
  cluster?: ClusterFacts;
  /** Module specifiers of extra rules; resolved by the Node entry point, not the library. */
  plugins?: string[];
  /** Whether the Node entry point renders Kustomize overlays and Helm charts (default: when the tools are on PATH). */
  render?: boolean | RenderSettings;
  /** Objects not to lint, by kind, namespace and name (globs with `*`). */
  exclude?: ObjectExclusion[];
  /** Rules and exclusions for the files that globs (relative to the config file) match. */
  overrides?: ConfigOverride[];
  /**
   * Input limits for the Node entry point (`--max-file-size` wins), and the most findings a report
   * holds: a number for every format, or per format (`--max-results` wins; 0 for all).
   */
  limits?: { maxFileSize?: string | number; maxDepth?: number; maxAliasNodes?: number; maxResults?: number | Partial<Record<'stylish' | 'json' | 'sarif' | 'github' | 'junit', number>> };
}

const UNITS: Readonly<Record<string, number>> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
export const BYTE_SIZE_PATTERN = '^\\s*\\d+(\\.\\d+)?\\s*([kKmMgG](i?[bB])?|[bB])?\\s*$';

/** A size as `20MB`, `512KiB`, `10M` (all binary: 1 MB is 1024 KB, as ballast reports sizes) or a number of bytes; undefined when it is none. */
export function byteSize(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = match ? UNITS[(match[2] ?? '').toLowerCase()] : undefined;
  return match && unit !== undefined ? Math.floor(Number(match[1]) * unit) : undefined;
}

export interface ConfigOverride {
  files: string | string[];
  rules?: Record<string, SeverityOrOff | RuleSetting>;
  exclude?: ObjectExclusion[];
}

export interface RenderSettings {
  enabled?: boolean;
  /** Values files passed to `helm template`, relative to the config file. */
  helmValues?: string[];
}

export interface ActiveRule {
  rule: AnyRule;
  /** Severity the user chose explicitly (config or `--rule`), which overrides graded reports. */
  forced: Severity | undefined;
  preset: PresetName;
  options: Record<string, unknown>;
}

const RAISE: Readonly<Record<Severity, Severity>> = { info: 'warning', warning: 'error', error: 'error' };

export function presetSeverity(preset: PresetName, rule: AnyRule): SeverityOrOff {
  if (preset === 'all') return rule.meta.severity;
  if (rule.meta.recommended === false) return 'off';
  return preset === 'strict' ? RAISE[rule.meta.severity] : rule.meta.severity;
}

/** Severity of one report: an explicit choice wins; otherwise the rule's grading, raised by `strict`. */
export function reportSeverity(active: ActiveRule, graded: Severity | undefined): Severity {
  if (active.forced) return active.forced;
  const base = graded ?? active.rule.meta.severity;
  return active.preset === 'strict' ? RAISE[base] : base;
}

/** Which rules run, at what severity and with which options. */
export function activateRules(rules: readonly AnyRule[], config: BallastConfig | undefined, overrides: Readonly<Record<string, SeverityOrOff>> = {}): ActiveRule[] {
  // A config that extends a file has the preset of that file once the Node entry point has read it.
  const preset = PRESETS.find((name) => name === config?.extends) ?? 'recommended';
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    const setting = normalizeSetting(config?.rules?.[rule.meta.id]);
    const chosen = overrides[rule.meta.id] ?? setting.severity;
    const severity = chosen ?? presetSeverity(preset, rule);
    if (severity === 'off') continue;
    active.push({
      rule,
      forced: chosen === undefined || chosen === 'off' ? undefined : chosen,
      preset,
      options: { ...(rule.meta.options?.defaults ?? {}), ...(setting.options ?? {}) },
    });
  }
  return active;
}

function normalizeSetting(setting: SeverityOrOff | RuleSetting | undefined): RuleSetting {
  if (setting === undefined) return {};
  return typeof setting === 'string' ? { severity: setting } : setting;
}
