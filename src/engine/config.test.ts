import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import type { Severity } from '../types.js';
import { activateRules, presetSeverity, reportSeverity, PRESETS } from './config.js';
import type { AnyRule } from './rule.js';

function fake(id: string, severity: Severity, recommended?: boolean): AnyRule {
  return {
    meta: {
      id,
      scope: 'object',
      category: 'workload',
      severity,
      summary: id,
      rationale: id,
      fix: id,
      appliesTo: ['*'],
      since: '0.1.0',
      messages: {},
      options: { schema: { min: { type: 'integer' } }, defaults: { min: 2, keep: true } },
      ...(recommended === undefined ? {} : { recommended }),
    },
    checkObject: () => undefined,
  };
}

const rules = [fake('an-error', 'error'), fake('a-warning', 'warning'), fake('an-info', 'info'), fake('opt-in', 'warning', false)];

describe('presets', () => {
  it('lists the presets', () => {
    expect(PRESETS).toEqual(['recommended', 'strict', 'all']);
  });

  it.each([
    ['recommended', ['error', 'warning', 'info', 'off']],
    ['strict', ['error', 'error', 'warning', 'off']],
    ['all', ['error', 'warning', 'info', 'warning']],
  ] as const)('%s maps default severities', (preset, expected) => {
    expect(rules.map((rule) => presetSeverity(preset, rule))).toEqual(expected);
  });

  it('gives every built-in rule its default severity in recommended and raises it in strict', () => {
    for (const rule of builtinRules) {
      if (rule.meta.recommended === false) continue;
      expect(presetSeverity('recommended', rule)).toBe(rule.meta.severity);
      expect(presetSeverity('strict', rule)).toBe(rule.meta.severity === 'info' ? 'warning' : 'error');
      expect(presetSeverity('all', rule)).toBe(rule.meta.severity);
    }
  });
});

describe('activateRules', () => {
  const summary = (active: ReturnType<typeof activateRules>): Record<string, unknown> =>
    Object.fromEntries(active.map((entry) => [entry.rule.meta.id, { forced: entry.forced, preset: entry.preset, options: entry.options }]));

  it('starts from recommended and leaves opt-in rules off', () => {
    expect(summary(activateRules(rules, undefined))).toEqual({
      'an-error': { forced: undefined, preset: 'recommended', options: { min: 2, keep: true } },
      'a-warning': { forced: undefined, preset: 'recommended', options: { min: 2, keep: true } },
      'an-info': { forced: undefined, preset: 'recommended', options: { min: 2, keep: true } },
    });
  });

  it('turns on every rule with all', () => {
    expect(Object.keys(summary(activateRules(rules, { extends: 'all' })))).toEqual(['an-error', 'a-warning', 'an-info', 'opt-in']);
  });

  it('applies per-rule severity (string or object form) and options over the defaults', () => {
    const active = summary(
      activateRules(rules, {
        extends: 'strict',
        rules: { 'an-error': 'off', 'a-warning': { severity: 'info', options: { min: 5 } }, 'an-info': { options: { min: 3 } }, 'opt-in': 'error' },
      }),
    );
    expect(active).toEqual({
      'a-warning': { forced: 'info', preset: 'strict', options: { min: 5, keep: true } },
      'an-info': { forced: undefined, preset: 'strict', options: { min: 3, keep: true } },
      'opt-in': { forced: 'error', preset: 'strict', options: { min: 2, keep: true } },
    });
  });

  it('lets command-line overrides win over the config', () => {
    const active = summary(activateRules(rules, { rules: { 'an-error': 'off', 'a-warning': 'error' } }, { 'an-error': 'warning', 'a-warning': 'off' }));
    expect(Object.keys(active)).toEqual(['an-error', 'an-info']);
    expect(active['an-error']).toMatchObject({ forced: 'warning' });
  });
});

describe('reportSeverity', () => {
  const [anError, aWarning, anInfo] = rules as [AnyRule, AnyRule, AnyRule];

  it('uses the grading, else the default, raised by strict; a forced severity wins', () => {
    expect(reportSeverity({ rule: aWarning, forced: undefined, preset: 'recommended', options: {} }, undefined)).toBe('warning');
    expect(reportSeverity({ rule: aWarning, forced: undefined, preset: 'recommended', options: {} }, 'info')).toBe('info');
    expect(reportSeverity({ rule: anInfo, forced: undefined, preset: 'strict', options: {} }, undefined)).toBe('warning');
    expect(reportSeverity({ rule: aWarning, forced: undefined, preset: 'strict', options: {} }, 'info')).toBe('warning');
    expect(reportSeverity({ rule: anError, forced: undefined, preset: 'strict', options: {} }, undefined)).toBe('error');
    expect(reportSeverity({ rule: anError, forced: 'info', preset: 'strict', options: {} }, 'error')).toBe('info');
  });
});
