/** ballast's public API: pure functions, text or objects in, findings out. */
export { lint, lintText, type LintInput, type LintOptions } from './engine/lint.js';
export { loadConfig, type LoadConfigOptions } from './engine/config-loader.js';
export { ConfigError } from './engine/config-error.js';
export { type BallastConfig, type PresetName, type RuleSetting, PRESETS } from './engine/config.js';
export { defineRule, type Rule, type ObjectRule, type SetRule, type RuleMeta, type RuleScope, type ObjectContext, type SetContext, type ReportDescriptor, type AnyRule } from './engine/rule.js';
export { type ClusterFacts, type NodeGroup, type LintSettings, DEFAULT_KUBERNETES_VERSION } from './engine/settings.js';
export { formatters, type FormatName, type FormatOptions, type Formatter, type SarifLog } from './format/index.js';
export { explainRule } from './format/explain.js';
export { builtinRules as rules } from '../rules/index.js';
export { K8sObject, type Location } from './model/object.js';
export { ClusterIndex } from './model/cluster.js';
export { parseQuantity, compareQuantity, formatQuantity, type Quantity } from './model/quantity.js';
export { computeQosClass, type QosClass } from './model/qos.js';
// Node allocatable per declared node group, after the kubelet settings in the linted files.
export { nodeAllocatables, type NodeAllocatable, type ResourceName } from './model/allocatable.js';
export { kubeletNodes, type KubeletNode } from './model/kubelet.js';
export { nodeReport, type NodeReport } from './engine/node-report.js';
export { formatNodeReport } from './format/node-allocatable.js';
// For plugin rules: the same safe readers and workload helpers the built-in rules use.
export { isMap, asMap, asArray, asString, asNumber, asInteger, asBoolean, field, dig, stringMap, type PlainMap } from './model/access.js';
export { containersOf, longRunningContainers, isBatch, type PodTemplate, type ContainerRef, type ContainerRole } from './model/workload.js';
export { renderRuleDoc, renderRuleDocs, renderRuleIndex, pickExamples, type ExampleCase, type RuleExamples } from './docs.js';
export { VERSION, RULE_DOCS_BASE, ruleDocsUrl } from './project.js';
export type * from './types.js';
