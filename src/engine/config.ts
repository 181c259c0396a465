import type { Severity, SeverityOrOff } from '../types.js';
import type { AnyRule } from './rule.js';
import type { ClusterFacts } from './settings.js';

export type PresetName = 'recommended' | 'strict' | 'all';
export const PRESETS: readonly PresetName[] = ['recommended', 'strict', 'all'];

export interface RuleSetting {
  severity?: SeverityOrOff;
  options?: Record<string, unknown>;
}

/** The shape of `.ballast.yaml` (validated by `loadConfig` against the shipped JSON schema). */
export interface BallastConfig {
  extends?: PresetName;
  rules?: Record<string, SeverityOrOff | RuleSetting>;
  ignore?: string[];
  cluster?: ClusterFacts;
  /** Module specifiers of extra rules; resolved by the Node entry point, not the library. */
  plugins?: string[];
  /** Whether the Node entry point renders Kustomize overlays and Helm charts (default: when the tools are on PATH). */
  render?: boolean | RenderSettings;
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
export function activateRules(
  rules: readonly AnyRule[],
  config: BallastConfig | undefined,
  overrides: Readonly<Record<string, SeverityOrOff>> = {},
): ActiveRule[] {
  const preset = config?.extends ?? 'recommended';
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
