/** ballast's public API: pure functions, text or objects in, findings out. */
export { lint, lintText, type LintInput, type LintOptions } from './engine/lint.js';
export { loadConfig, type LoadConfigOptions } from './engine/config-loader.js';
export { ConfigError } from './engine/config-error.js';
export { type BallastConfig, type PresetName, type RuleSetting, PRESETS } from './engine/config.js';
export { defineRule, type Rule, type RuleMeta, type RuleContext, type ReportDescriptor, type AnyRule } from './engine/rule.js';
export { type ClusterFacts, type NodeGroup, type LintSettings, DEFAULT_KUBERNETES_VERSION } from './engine/settings.js';
export { formatters, type FormatName, type FormatOptions, type Formatter } from './format/index.js';
export { explainRule } from './format/explain.js';
export { builtinRules as rules } from '../rules/index.js';
export { K8sObject, type Location } from './model/object.js';
export { ClusterIndex } from './model/cluster.js';
export { parseQuantity, compareQuantity, formatQuantity, type Quantity } from './model/quantity.js';
export { computeQosClass, type QosClass } from './model/qos.js';
export type * from './types.js';
