import { defineRule } from '../src/engine/rule.js';
import { asArray, asBoolean, isMap } from '../src/model/access.js';
import { parseGoDuration } from '../src/model/duration.js';
import { configField, flagLocation, flagsNamed, mapSetting, type KubeletNode } from '../src/model/kubelet.js';
import { flagBoolean } from '../src/model/flags.js';
import { SETTINGS, type SettingSpec } from '../src/model/kubelet-settings.js';
import { equalQuantity, parseQuantity } from '../src/model/quantity.js';

export default defineRule<'conflict'>({
  meta: {
    id: 'kubelet-flag-conflict',
    scope: 'set',
    category: 'node',
    severity: 'info',
    summary: 'The same kubelet setting is given as a flag and as a config field with different values; the flag wins.',
    rationale:
      'The kubelet reads its config file and then re-applies the command-line flags over it (cmd/kubelet/app/server.go kubeletConfigFlagPrecedence), so a flag silently overrides the reviewed config field: the config file says one thing, the node does another, and the next person to change the config sees no effect. Map flags such as --kube-reserved and --eviction-hard replace the whole map, not single keys.',
    fix: 'Set the value in one place — preferably the KubeletConfiguration — and remove the flag (or make them agree).',
    appliesTo: ['KubeletConfiguration', 'KubeletFlags', 'InitConfiguration', 'JoinConfiguration'],
    since: '0.1.0',
    messages: {
      conflict: '`--{{flag}}={{flagValue}}` overrides `{{field}}: {{configValue}}` from the KubeletConfiguration: the kubelet uses the flag.',
    },
  },
  check(context) {
    for (const node of context.cluster.kubeletNodes) {
      if (node.configs.length === 0) continue;
      for (const spec of SETTINGS) {
        const refs = flagsNamed(node, spec.flag);
        const last = refs[refs.length - 1];
        const config = configField(node, spec.field);
        if (!last || !config || same(node, spec, config.value)) continue;
        context.report({
          at: flagLocation(last),
          object: last.object,
          messageId: 'conflict',
          data: { flag: spec.flag, flagValue: refs.map((ref) => ref.flag.value ?? 'true').join(','), field: spec.field, configValue: show(config.value) },
          related: [{ at: config.at, message: `${spec.field} in the KubeletConfiguration` }],
        });
      }
    }
  },
});

/** Whether the flag's effective value equals the config field, compared as the kubelet reads both. */
function same(node: KubeletNode, spec: SettingSpec, configValue: unknown): boolean {
  const refs = flagsNamed(node, spec.flag);
  const last = refs[refs.length - 1];
  if (!last) return true;
  const text = last.flag.value;
  switch (spec.kind) {
    case 'map':
    case 'thresholds': {
      const flag = mapSetting(node, spec.field);
      if (!isMap(configValue) || !flag) return false;
      const keys = Object.keys(configValue);
      if (keys.length !== flag.entries.length) return false;
      return flag.entries.every((entry) => keys.includes(entry.key) && sameScalar(entry.value, configValue[entry.key]));
    }
    case 'list': {
      const flag = refs
        .flatMap((ref) =>
          (ref.flag.value ?? '')
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean),
        )
        .sort();
      const config = asArray(configValue).map(scalar).sort();
      return flag.length === config.length && flag.every((item, index) => item === config[index]);
    }
    case 'bool':
      return flagBoolean(last.flag) === asBoolean(configValue);
    case 'int':
      return text !== undefined && Number(text) === configValue;
    case 'duration':
      return typeof configValue === 'string' && text !== undefined && parseGoDuration(text) === parseGoDuration(configValue);
    case 'string':
      return text === configValue;
  }
}

function sameScalar(flag: string | undefined, config: unknown): boolean {
  if (flag === undefined) return false;
  const text = typeof config === 'string' || typeof config === 'number' ? String(config) : undefined;
  if (text === undefined) return false;
  if (text === flag) return true;
  const left = parseQuantity(flag);
  const right = parseQuantity(text);
  return left !== undefined && right !== undefined && equalQuantity(left, right);
}

function show(value: unknown): string {
  if (isMap(value))
    return Object.keys(value)
      .map((key) => `${key}=${scalar(value[key])}`)
      .join(',');
  if (Array.isArray(value)) return `[${value.map(scalar).join(', ')}]`;
  return scalar(value);
}

function scalar(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : (JSON.stringify(value) ?? '');
}
