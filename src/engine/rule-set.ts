import { builtinRules } from '../../rules/index.js';
import { ConfigError } from './config-error.js';
import type { AnyRule } from './rule.js';

/**
 * `<plugin>/<rule>`: a plugin's rules live in its own namespace, so they can neither replace a
 * built-in rule nor one of another plugin's. Whitespace and commas would split the id in
 * suppression comments and annotations.
 */
const NAMESPACED = /^[^\s,/]+(?:\/[^\s,/]+)+$/;

/**
 * The built-in rules and the extra (plugin) ones, as every run and config validation see them.
 * Throws `ConfigError` when an extra rule's id is not namespaced or when two rules share an id:
 * the later one would otherwise silently replace the earlier (a plugin's `replicas-min`, say).
 */
export function ruleSet(extra: readonly AnyRule[] = [], where = 'plugins'): readonly AnyRule[] {
  if (extra.length === 0) return builtinRules;
  const seen = new Set(builtinRules.map((rule) => rule.meta.id));
  for (const rule of extra) {
    const { id } = rule.meta;
    if (!NAMESPACED.test(id)) {
      const clash = seen.has(id) ? ` (the built-in rule "${id}" has it)` : '';
      throw new ConfigError(`plugin rule id "${id}" is not namespaced${clash}: name it "<plugin>/${id}"`, where);
    }
    if (seen.has(id)) throw new ConfigError(`two plugin rules have the id "${id}": each id names one rule`, where);
    seen.add(id);
  }
  return [...builtinRules, ...extra];
}
