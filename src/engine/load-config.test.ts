import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { closest } from '../model/did-you-mean.js';
import { loadConfig } from './config-loader.js';
import { validateConfig } from './load-config.js';
import { optionsCompiler } from './options-compiler.js';
import type { AnyRule } from './rule.js';

/** The ConfigError thrown for `text`, as `where` and the message after it. */
function failure(source: string | object, options: Parameters<typeof validateConfig>[1] = { path: 'conf/.ballast.yaml' }): { where: string; message: string } {
  try {
    validateConfig(source, options);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    expect(error.message.startsWith(`${error.where}: `)).toBe(true);
    return { where: error.where, message: error.message.slice(error.where.length + 2) };
  }
  throw new Error('the config was accepted');
}

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/** A plugin rule whose only interesting part is its options schema. */
function pluginRule(id: string, options: AnyRule['meta']['options']): AnyRule {
  return {
    meta: { id, scope: 'object', category: 'workload', severity: 'info', summary: 's', rationale: 'r', fix: 'f', appliesTo: ['*'], since: '0.1.0', messages: {}, options },
    checkObject: () => undefined,
  };
}

describe('validateConfig', () => {
  it('accepts a full config and returns it as written', () => {
    const text = lines(
      'extends: strict',
      'rules:',
      '  replicas-min: { severity: error, options: { min: 3 } }',
      '  liveness-probe-missing: off',
      'ignore: ["charts/**/templates/**"]',
      'cluster:',
      '  kubernetesVersion: "1.31"',
      '  controlPlaneNodes: 3',
      '  nodes: [{ name: worker, count: 6, capacity: { cpu: "8", memory: 32Gi } }]',
    );
    expect(validateConfig(text)).toEqual({
      extends: 'strict',
      rules: { 'replicas-min': { severity: 'error', options: { min: 3 } }, 'liveness-probe-missing': 'off' },
      ignore: ['charts/**/templates/**'],
      cluster: { kubernetesVersion: '1.31', controlPlaneNodes: 3, nodes: [{ name: 'worker', count: 6, capacity: { cpu: '8', memory: '32Gi' } }] },
    });
  });

  it('reads a bare `off` as the severity, although YAML 1.1 makes it a boolean', () => {
    expect(validateConfig(lines('rules:', '  replicas-min: off', '  qos-besteffort: { severity: off }', '  cpu-request-missing: "off"'))).toEqual({
      rules: { 'replicas-min': 'off', 'qos-besteffort': { severity: 'off' }, 'cpu-request-missing': 'off' },
    });
    expect(failure(lines('rules:', '  replicas-min: on')).message).toBe('rules.replicas-min must be one of "off", "info", "warning", "error"');
  });

  it('treats an empty file as an empty config', () => {
    expect(validateConfig('')).toEqual({});
    expect(validateConfig('# only comments\n')).toEqual({});
  });

  it('accepts each preset', () => {
    for (const preset of ['recommended', 'strict', 'all']) expect(validateConfig(`extends: ${preset}\n`)).toEqual({ extends: preset });
  });

  it('names an unknown rule, with a suggestion, at its line', () => {
    expect(failure(lines('extends: recommended', 'rules:', '  liveness-probe-missing: warning', '  replica-min: error'))).toEqual({
      where: 'conf/.ballast.yaml:4:16',
      message: 'unknown rule "replica-min"; did you mean "replicas-min"?',
    });
    expect(failure(lines('rules:', '  completely-different: error'))).toEqual({ where: 'conf/.ballast.yaml:2:25', message: 'unknown rule "completely-different"' });
  });

  it('names an option of the wrong type at its value', () => {
    expect(failure(lines('rules:', '  replicas-min:', '    severity: warning', '    options:', '      min: two'))).toEqual({
      where: 'conf/.ballast.yaml:5:12',
      message: 'rules.replicas-min.options.min must be integer',
    });
    expect(failure(lines('rules:', '  replicas-min: { options: { min: 0 } }'))).toEqual({
      where: 'conf/.ballast.yaml:2:35',
      message: 'rules.replicas-min.options.min must be >= 1',
    });
  });

  it('names an unknown option at its key', () => {
    expect(failure(lines('rules:', '  replicas-min:', '    options: { mni: 3 }'))).toEqual({
      where: 'conf/.ballast.yaml:3:21',
      message: 'rules.replicas-min.options.mni unknown property "mni"',
    });
  });

  it('lists the allowed values of a bad severity or preset', () => {
    expect(failure(lines('rules:', '  replicas-min: fatal'))).toEqual({
      where: 'conf/.ballast.yaml:2:17',
      message: 'rules.replicas-min must be one of "off", "info", "warning", "error"',
    });
    expect(failure(lines('# team config', 'extends: recommend'))).toEqual({
      where: 'conf/.ballast.yaml:2:10',
      message: 'extends must be one of "recommended", "strict", "all"',
    });
  });

  it('names unknown top-level and nested keys', () => {
    expect(failure(lines('rule:', '  replicas-min: off'))).toEqual({ where: 'conf/.ballast.yaml:1:1', message: 'rule unknown property "rule"' });
    expect(failure(lines('cluster:', '  kubernetesVersion: "1.30"', '  controlPlane: 3'))).toEqual({
      where: 'conf/.ballast.yaml:3:17',
      message: 'cluster.controlPlane unknown property "controlPlane"',
    });
  });

  it('checks types and patterns of cluster facts', () => {
    expect(failure(lines('cluster:', '  kubernetesVersion: latest')).message).toMatch(/^cluster\.kubernetesVersion must match pattern/);
    expect(failure(lines('cluster:', '  controlPlaneNodes: "3"'))).toEqual({ where: 'conf/.ballast.yaml:2:22', message: 'cluster.controlPlaneNodes must be integer' });
    expect(failure(lines('cluster:', '  nodes:', '    - count: 3'))).toEqual({ where: 'conf/.ballast.yaml:3:7', message: "cluster.nodes.0 must have required property 'name'" });
  });

  it('rejects a config that is not a mapping', () => {
    expect(failure('- extends: strict\n').message).toBe('(root) must be object');
    expect(failure(lines('rules: [replicas-min]'))).toEqual({ where: 'conf/.ballast.yaml:1:1', message: 'rules must be object' });
  });

  it('reports text that is not YAML at the position of the mistake', () => {
    expect(failure(lines('extends: strict', 'rules:', '  replicas-min: [error'))).toEqual({ where: 'conf/.ballast.yaml:4:1', message: 'not valid YAML (parse-error)' });
    expect(failure(lines('extends: strict', 'extends: all'))).toEqual({ where: 'conf/.ballast.yaml:2:1', message: 'not valid YAML (duplicate-key)' });
  });

  it('validates objects too, naming the path given', () => {
    expect(validateConfig({ extends: 'all' })).toEqual({ extends: 'all' });
    expect(failure({ rules: { 'replicas-min': 'loud' } }, { path: 'api options' })).toEqual({
      where: 'api options',
      message: 'rules.replicas-min must be one of "off", "info", "warning", "error"',
    });
  });

  it('accepts the IDs and options of plugin rules it is given', () => {
    const plugin = pluginRule('acme/team-label', { schema: { label: { type: 'string' } }, defaults: { label: 'team' } });
    const text = lines('rules:', '  acme/team-label: { severity: warning, options: { label: owner } }');
    expect(failure(text).message).toMatch(/^unknown rule "acme\/team-label"/);
    // A plugin's options schema is compiled with ajv (the built-in rules' validators are generated).
    const compileOptions = optionsCompiler();
    expect(validateConfig(text, { rules: [plugin], compileOptions })).toEqual({ rules: { 'acme/team-label': { severity: 'warning', options: { label: 'owner' } } } });
    expect(failure(lines('rules:', '  acme/team-label: { options: { label: 3 } }'), { rules: [plugin], compileOptions })).toEqual({
      where: '.ballast.yaml:2:40',
      message: 'rules.acme/team-label.options.label must be string',
    });
  });
});

describe('loadConfig', () => {
  it('resolves to the validated config and rejects with a ConfigError', async () => {
    await expect(loadConfig('extends: all\n', { path: 'x.yaml' })).resolves.toEqual({ extends: 'all' });
    await expect(loadConfig('extends: most\n', { path: 'x.yaml' })).rejects.toThrow(new ConfigError('extends must be one of "recommended", "strict", "all"', 'x.yaml:1:10'));
  });

  it('loads ajv only for a plugin rule that has an options schema, and validates its options with it', async () => {
    const plugin = pluginRule('acme/replicas', { schema: { min: { type: 'integer', minimum: 1 } }, defaults: { min: 2 } });
    await expect(loadConfig(lines('rules:', '  acme/replicas: { options: { min: 0 } }'), { rules: [plugin] })).rejects.toThrow('rules.acme/replicas.options.min must be >= 1');
    expect(() => validateConfig(lines('rules:', '  acme/replicas: { options: { min: 0 } }'), { rules: [plugin] })).toThrow('no compiler was given');
  });
});

describe('closest', () => {
  it('suggests the nearest candidate within three edits', () => {
    expect(closest('replica-min', ['replicas-min', 'readiness-probe-missing'])).toBe('replicas-min');
    expect(closest('qos-best-effort', ['qos-besteffort', 'replicas-min'])).toBe('qos-besteffort');
    expect(closest('memory', ['replicas-min'])).toBeUndefined();
    expect(closest('x', [])).toBeUndefined();
  });
});
