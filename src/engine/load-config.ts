import type { ErrorObject } from 'ajv';
import { parseYamlFile } from '../parse/yaml.js';
import { DEFAULT_LIMITS } from '../parse/limits.js';
import type { BallastConfig } from './config.js';
import type { AnyRule } from './rule.js';
import { ruleSet } from './rule-set.js';
import { ConfigError } from './config-error.js';
import { closest } from '../model/did-you-mean.js';
import { isMap } from '../model/access.js';
import { isNegative, parseQuantity } from '../model/quantity.js';
import { builtinOptionValidators, validateConfigSchema, validateNoOptions } from './config-validators.generated.js';

export interface LoadConfigOptions {
  /** Name used in error messages, usually the config file's path. */
  path?: string;
  /** Plugin rules whose IDs and options are valid in `rules:`. */
  rules?: readonly AnyRule[];
  /**
   * The config's plugins are not loaded yet: rule IDs that are not known are left for the
   * validation that follows loading them (plugins load only from a config that validates).
   */
  pluginsPending?: boolean;
  /**
   * Compiles a plugin rule's options schema (`compileOptionsSchema` of options-compiler.ts, which
   * loads ajv): the config schema and the built-in rules' options are validated by code generated
   * at build time, so a run without plugin options never loads ajv.
   */
  compileOptions?: (properties: Record<string, unknown>) => Validator;
}

/** What ajv's validators are to this module, generated or compiled: a test that keeps its errors. */
interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const GENERATED_OPTIONS: Readonly<Record<string, Validator | undefined>> = builtinOptionValidators;

/** Validates a config given as YAML/JSON text or as an object; throws `ConfigError`. */
export function validateConfig(source: string | object, options: LoadConfigOptions = {}): BallastConfig {
  const path = options.path ?? '.ballast.yaml';
  let value: unknown = source;
  let locate = (_pointer: string): string => path;
  if (typeof source === 'string') {
    const parsed = parseYamlFile(path, source, DEFAULT_LIMITS);
    const problem = parsed.problems[0];
    if (problem) {
      const at = parsed.file.lines.position(problem.range[0]);
      throw new ConfigError(`not valid YAML (${problem.ruleId})`, `${path}:${at.line}:${at.column}`);
    }
    const doc = parsed.documents[0];
    value = offAsSeverity(doc?.value ?? {});
    if (doc) {
      locate = (pointer) => {
        const at = parsed.file.lines.position(doc.locate(pointerPath(pointer))[0]);
        return `${path}:${at.line}:${at.column}`;
      };
    }
  }

  const validate: Validator = validateConfigSchema;
  if (!validate(value)) throw schemaError(validate.errors, locate);
  const config = value as BallastConfig;

  checkNodeQuantities(config, locate);
  const rules = new Map(ruleSet(options.rules, locate('/plugins')).map((rule) => [rule.meta.id, rule]));
  const sections: [string, NonNullable<BallastConfig['rules']>][] = [
    ['/rules', config.rules ?? {}],
    ...(config.overrides ?? []).map((override, index): [string, NonNullable<BallastConfig['rules']>] => [`/overrides/${index}/rules`, override.rules ?? {}]),
  ];
  for (const [at, section] of sections) {
    for (const [id, setting] of Object.entries(section)) {
      const rule = rules.get(id);
      if (!rule && options.pluginsPending) continue;
      if (!rule) {
        const suggestion = closest(id, [...rules.keys()]);
        throw new ConfigError(`unknown rule "${id}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`, locate(`${at}/${pointerKey(id)}`));
      }
      if (typeof setting === 'string' || !setting.options) continue;
      const validateOptions = optionsValidator(rule, options.compileOptions);
      const field = `${at.slice(1).replaceAll('/', '.')}.${id}.options`;
      if (!validateOptions(setting.options)) throw schemaError(validateOptions.errors, (pointer) => locate(`${at}/${pointerKey(id)}/options${pointer}`), field);
    }
  }
  return config;
}

/**
 * Node capacities and reservations are quantities: one the kubelet would not read (`32GB`, `-8`)
 * is a mistake to name here, not a node group that silently drops out of the arithmetic.
 */
function checkNodeQuantities(config: BallastConfig, locate: (pointer: string) => string): void {
  for (const [index, group] of (config.cluster?.nodes ?? []).entries()) {
    for (const field of ['capacity', 'kubeReserved', 'systemReserved'] as const) {
      for (const [resource, value] of Object.entries(group[field] ?? {})) {
        const quantity = parseQuantity(value);
        if (quantity !== undefined && !isNegative(quantity)) continue;
        const problem = quantity === undefined ? 'is not a Kubernetes quantity (e.g. 8, 500m, 32Gi)' : 'must not be negative';
        throw new ConfigError(`cluster.nodes.${index}.${field}.${resource} ${JSON.stringify(value)} ${problem}`, locate(`/cluster/nodes/${index}/${field}/${pointerKey(resource)}`));
      }
    }
  }
}

/** The validator of a rule's options: generated for the built-in rules and for rules that take none, compiled for a plugin's. */
function optionsValidator(rule: AnyRule, compile: LoadConfigOptions['compileOptions']): Validator {
  const schema = rule.meta.options?.schema;
  // Plugin rule ids are namespaced (`<plugin>/<rule>`, see rule-set.ts): an id without a `/` is built in.
  const generated = rule.meta.id.includes('/') ? undefined : GENERATED_OPTIONS[rule.meta.id];
  if (generated && schema) return generated;
  if (!schema) return validateNoOptions;
  if (!compile) throw new Error(`rule ${rule.meta.id} has an options schema and no compiler was given for it`);
  return compile(schema);
}

function schemaError(errors: ErrorObject[] | null | undefined, locate: (pointer: string) => string, prefix = ''): ConfigError {
  const error = errors?.[0];
  if (!error) return new ConfigError('invalid configuration', locate(''));
  let pointer = error.instancePath;
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty?: unknown }).additionalProperty);
    pointer = `${pointer}/${extra}`;
    message = `unknown property "${extra}"`;
  } else if (error.keyword === 'enum') {
    message = `must be one of ${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
  }
  const field = [prefix, pointerPath(pointer).join('.')].filter(Boolean).join('.') || '(root)';
  return new ConfigError(`${field} ${message}`, locate(pointer));
}

/** A key as one JSON-pointer segment: a plugin rule's id holds a `/`. */
function pointerKey(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** JSON pointer → path; digits become indexes, which also find a mapping key of the same digits. */
function pointerPath(pointer: string): (string | number)[] {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')));
}

/**
 * The config is read like a manifest, as YAML 1.1, where a bare `off` is the boolean false; as
 * a rule's severity it can only mean "off".
 */
function offAsSeverity(config: unknown): unknown {
  if (!isMap(config)) return config;
  const overrides = Array.isArray(config['overrides']) ? (config['overrides'] as unknown[]) : [];
  for (const section of [config, ...overrides]) {
    const rules = isMap(section) ? section['rules'] : undefined;
    if (!isMap(rules)) continue;
    for (const id of Object.keys(rules)) {
      const setting = rules[id];
      if (setting === false) rules[id] = 'off';
      else if (isMap(setting) && setting['severity'] === false) setting['severity'] = 'off';
    }
  }
  return config;
}
