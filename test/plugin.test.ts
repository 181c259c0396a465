/**
 * The plugin hook, end to end: the example plugin in examples/plugin (whose own test runs its
 * fixtures through `ballast/testing`) loads through a config file's `plugins:` with its options
 * validated like a built-in rule's, and the engine holds plugin rules to their contract.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/engine/config-error.js';
import { lint } from '../src/engine/lint.js';
import { loadConfig } from '../src/engine/config-loader.js';
import { defineRule, type AnyRule, type SetContext } from '../src/engine/rule.js';
import type { ClusterIndex } from '../src/model/cluster.js';
import type { K8sObject } from '../src/model/object.js';
import { toSarif } from '../src/format/sarif.js';
import { loadPlugins, readConfigFile } from '../src/node.js';
import { loadFixtureCases } from './support/fixtures.js';

const root = resolve(import.meta.dirname, '..');
const pluginDirectory = join(root, 'examples/plugin');
const { rules } = (await import(join(pluginDirectory, 'index.mjs'))) as { rules: AnyRule[] };
const cases = loadFixtureCases(
  join(pluginDirectory, 'fixtures'),
  root,
  rules.map((rule) => rule.meta.id),
);

describe('example plugin', () => {
  it('has fixtures that fail and pass', () => {
    expect(cases.some((fixture) => fixture.expectations.length > 0)).toBe(true);
    expect(cases.some((fixture) => fixture.expectations.length === 0)).toBe(true);
  });

  it('loads through a config file: plugins, severity and options', async () => {
    const loaded = await readConfigFile(join(pluginDirectory, '.ballast.yaml'));
    expect(loaded.plugins.map((rule) => rule.meta.id)).toEqual(['example/team-label-missing']);
    const file = cases.find((fixture) => fixture.name === 'unlabelled.yaml')?.files[0];
    if (!file) throw new Error('fixture unlabelled.yaml is missing');
    const result = lint([{ path: file.path, text: file.text }], { config: loaded.config, rules: loaded.plugins });
    const own = result.findings.filter((finding) => finding.ruleId === 'example/team-label-missing');
    expect(own.map((finding) => [finding.severity, finding.start.line])).toEqual([
      ['error', 6],
      ['error', 25],
    ]);
    // Built-in rules still run beside the plugin.
    expect(result.findings.some((finding) => finding.ruleId !== 'example/team-label-missing')).toBe(true);
    // SARIF describes the plugin's rule with its own documentation link.
    const sarif = toSarif(result, { rules: loaded.plugins });
    expect(sarif.runs[0]?.tool.driver.rules.find((rule) => rule.id === 'example/team-label-missing')?.helpUri).toBe('https://example.com/ballast-plugin-example/team-label-missing');
  });

  it('rejects what is not a rule module, and options the plugin does not declare', async () => {
    await expect(loadPlugins(['./fixtures/team-label-missing/labelled.yaml'], pluginDirectory)).rejects.toThrow(ConfigError);
    await expect(loadPlugins(['./no-such-plugin.mjs'], pluginDirectory)).rejects.toThrow(/cannot load plugin/);
    await expect(loadConfig('rules:\n  example/team-label-missing: { options: { colour: blue } }\n', { rules })).rejects.toThrow(ConfigError);
    await expect(loadConfig('rules:\n  example/team-label-missing: error\n')).rejects.toThrow(ConfigError);
  });
});

/** A plugin rule that reports every object it is given, as `id`. */
function reporter(id: string, appliesTo: readonly string[] = ['*']): AnyRule {
  return defineRule({
    meta: { id, scope: 'object', category: 'workload', severity: 'error', summary: 's', rationale: 'r', fix: 'f', appliesTo, since: '0.1.0', messages: { seen: 'seen {{kind}}' } },
    checkObject(object, context) {
      context.report({ at: object.at(), object, messageId: 'seen', data: { kind: object.kind } });
    },
  });
}

describe('plugin rules cannot take another rule’s place', () => {
  const deployment =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\nspec: { replicas: 1, selector: { matchLabels: { app: api } }, template: { metadata: { labels: { app: api } }, spec: { containers: [{ name: api, image: "api:1" }] } } }\n';

  it('rejects a plugin rule with a built-in id instead of silently replacing the built-in', async () => {
    expect(() => lint([{ path: 'a.yaml', text: deployment }], { rules: [reporter('replicas-min')] })).toThrow(/plugin rule id "replicas-min" is not namespaced \(the built-in rule "replicas-min" has it\)/);
    await expect(loadConfig('rules:\n  replicas-min: error\n', { rules: [reporter('replicas-min')] })).rejects.toThrow(ConfigError);
  });

  it('rejects two plugin rules with one id, and ids without a namespace', () => {
    expect(() => lint([], { rules: [reporter('acme/seen'), reporter('acme/seen')] })).toThrow(/two plugin rules have the id "acme\/seen"/);
    expect(() => lint([], { rules: [reporter('seen')] })).toThrow(ConfigError);
    expect(lint([{ path: 'a.yaml', text: deployment }], { rules: [reporter('acme/seen'), reporter('other/seen')], only: ['acme/seen', 'other/seen'] }).findings.map((finding) => finding.ruleId)).toEqual([
      'acme/seen',
      'other/seen',
    ]);
  });
});

describe('the engine holds plugin rules to their contract', () => {
  const deployment = (name: string): string =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: ${name}, labels: { app: ${name} } }\nspec:\n  replicas: 2\n  selector: { matchLabels: { app: ${name} } }\n  template:\n    metadata: { labels: { app: ${name} } }\n    spec: { containers: [{ name: app, image: app:1 }] }\n`;
  const cronJob =
    'apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: nightly }\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate: { spec: { template: { spec: { restartPolicy: OnFailure, containers: [{ name: job, image: job:1 }] } } } }\n';
  const rollout = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: { name: canary }\nspec:\n  template:\n    spec: { containers: [{ name: app, image: app:1 }] }\n';

  it('runs a rule only on the kinds in its appliesTo (custom resources with a pod template count as Deployments)', () => {
    const result = lint([{ path: 'a.yaml', text: `${deployment('api')}---\n${cronJob}---\n${rollout}` }], { rules: [reporter('acme/deployments', ['Deployment'])], only: ['acme/deployments'] });
    expect(result.findings.map((finding) => finding.message)).toEqual(['seen Deployment', 'seen Rollout']);
  });

  it('drops what a set-level rule reports about kinds outside its appliesTo', () => {
    const seen = reporter('acme/set', ['Deployment']);
    const everything: AnyRule = {
      meta: { ...seen.meta, scope: 'set' },
      check(context) {
        for (const object of context.objects) context.report({ at: object.at(), object, messageId: 'seen', data: { kind: object.kind } });
      },
    };
    const result = lint([{ path: 'a.yaml', text: `${deployment('api')}---\n${cronJob}` }], { rules: [everything], only: ['acme/set'] });
    expect(result.findings.map((finding) => finding.message)).toEqual(['seen Deployment']);
  });

  describe('a rule declares its scope; none learns it from an exception', () => {
    const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: api }\nspec: { minAvailable: 1, selector: { matchLabels: { app: api } } }\n';
    const text = `${deployment('api')}---\n${pdb}---\n${deployment('web')}`;
    const meta = {
      id: 'acme/pdb',
      category: 'workload',
      severity: 'error',
      summary: 's',
      rationale: 'r',
      fix: 'f',
      appliesTo: ['Deployment'],
      since: '0.1.0',
      messages: { none: '{{object}} has no PodDisruptionBudget' },
    } as const;
    /** A plugin author's defensive habit: a lookup wrapped in try/catch (it used to swallow the engine's deferral). */
    function careful(object: K8sObject, context: { readonly cluster?: ClusterIndex; report: SetContext<'none'>['report'] }): void {
      let budgets: readonly unknown[] = [];
      try {
        budgets = context.cluster?.pdbsFor(object) ?? [];
      } catch {
        // the defensive habit
      }
      if (budgets.length === 0) context.report({ at: object.at(), object, messageId: 'none', data: { object: object.describe() } });
    }

    it('a set rule wrapping context.cluster in try/catch sees the whole set, the PodDisruptionBudget after the Deployment included', () => {
      const rule = defineRule<'none'>({ meta: { ...meta, scope: 'set' }, checkObject: careful });
      const result = lint([{ path: 'a.yaml', text }], { rules: [rule], only: ['acme/pdb'] });
      expect(result.internalErrors).toEqual([]);
      expect(result.findings.map((finding) => finding.message)).toEqual(['Deployment "web" has no PodDisruptionBudget']);
    });

    it('a JavaScript rule that leaves scope out is a set rule', () => {
      const rule = { meta, checkObject: careful } as unknown as AnyRule;
      const result = lint([{ path: 'a.yaml', text }], { rules: [rule], only: ['acme/pdb'] });
      expect(result.internalErrors).toEqual([]);
      expect(result.findings.map((finding) => finding.message)).toEqual(['Deployment "web" has no PodDisruptionBudget']);
    });

    it('an object rule that reaches for the set is an internal error, once, and its conclusions are dropped even when it catches', () => {
      const rule = { meta: { ...meta, scope: 'object' }, checkObject: careful } as unknown as AnyRule;
      const result = lint([{ path: 'a.yaml', text }], { rules: [rule], only: ['acme/pdb'] });
      expect(result.findings).toEqual([]);
      expect(result.internalErrors).toEqual([{ ruleId: 'acme/pdb', file: 'a.yaml', message: "declares scope 'object' but reads context.cluster: declare scope 'set' to look across documents" }]);
    });

    it('an object rule has no cross-document lookups in its type', () => {
      defineRule<'none'>({
        meta: { ...meta, scope: 'object' },
        checkObject(object, context) {
          // @ts-expect-error -- an object rule's context has no cluster
          void context.cluster;
          // @ts-expect-error -- nor objects
          void context.objects;
          context.report({ at: object.at(), object, messageId: 'none', data: { object: object.describe() } });
        },
      });
    });
  });
});
