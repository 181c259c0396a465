import type { Category, Severity } from '../types.js';
import type { DocumentHandle } from '../parse/source.js';
import type { K8sObject, Location } from '../model/object.js';
import type { ClusterIndex } from '../model/cluster.js';
import type { LintSettings } from './settings.js';

/** JSON-schema fragment describing a rule's options (validated with the config). */
export type OptionsSchema = Record<string, unknown>;

export interface RuleMeta<MessageId extends string = string> {
  /** Public contract: equal to the file name in rules/ and to RULES.md; `<plugin>/<rule>` for a plugin's rule. */
  id: string;
  category: Category;
  /** Severity in the `recommended` preset. */
  severity: Severity;
  summary: string;
  /** Why it breaks stability or availability: the failure it prevents. */
  rationale: string;
  fix: string;
  /**
   * The kinds the rule judges (`['*']` for all). The engine enforces it: `checkObject` runs only on
   * these, and reports about other kinds are dropped. Custom resources that embed a pod template
   * where Deployment does (Argo Rollouts...) count as `Deployment`.
   */
  appliesTo: readonly string[];
  since: string;
  /** Message templates keyed by id; `{{name}}` placeholders are filled from report data. */
  messages: Readonly<Record<MessageId, string>>;
  /** JSON schema of `options` (properties of an object) and their defaults. */
  options?: { schema: Record<string, OptionsSchema>; defaults: Record<string, unknown> };
  /** Off unless a preset or the config enables it; `all` enables every rule. */
  recommended?: boolean;
  /** URL of the rule's documentation, for plugin rules (built-in rules link to docs/rules/<id>.md). */
  docs?: string;
}

export interface RelatedReport {
  at: Location;
  message: string;
}

export interface ReportDescriptor<MessageId extends string> {
  at: Location;
  messageId: MessageId;
  data?: Readonly<Record<string, string | number>>;
  /** The object the finding is about: names it in output and lets its annotations suppress. */
  object?: K8sObject;
  /** Overrides `meta.fix` when the remedy depends on the case. */
  fix?: string;
  /** For rules whose catalogue entry grades cases (e.g. warning, info when only close). */
  severity?: Severity;
  /**
   * The node the finding is about when `at` points inside it (a container, when `at` is its
   * `name`): a `ballast-ignore-next-line` comment above the subject's first line suppresses the
   * finding too.
   */
  subject?: Location;
  related?: readonly RelatedReport[];
}

export interface RuleContext<MessageId extends string = string, Options = Record<string, unknown>> {
  readonly options: Options;
  readonly objects: readonly K8sObject[];
  readonly documents: readonly DocumentHandle[];
  readonly settings: LintSettings;
  /**
   * Cross-document lookups, built once per run on first use. In `checkObject`, reaching for this,
   * `objects` or `documents` means the check looks across documents: the engine stops it (with an
   * exception) and runs it again once every file has arrived, whether or not the rule catches it.
   */
  readonly cluster: ClusterIndex;
  /**
   * Whether a rule runs in this lint. A rule whose finding another rule's subsumes (one finding
   * per root cause) stays silent only when that other rule runs and so reports it.
   */
  isEnabled(ruleId: string): boolean;
  report(descriptor: ReportDescriptor<MessageId>): void;
}

/**
 * A rule reads the model and reports by path. `checkObject` runs once per object (the engine
 * isolates failures per object); `check` runs once per run, for rules that look across objects.
 */
export interface Rule<MessageId extends string = string, Options = Record<string, unknown>> {
  meta: RuleMeta<MessageId>;
  check?(context: RuleContext<MessageId, Options>): void;
  checkObject?(object: K8sObject, context: RuleContext<MessageId, Options>): void;
}

/** Typed so that a report can only name a messageId the rule declares. */
export function defineRule<MessageId extends string, Options = Record<string, unknown>>(
  rule: Rule<MessageId, Options>,
): Rule<MessageId, Options> {
  return rule;
}

/** A rule as the engine holds it, whatever its message ids and options. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<string, any>;
