import type { Category, Severity } from '../types.js';
import type { DocumentHandle } from '../parse/source.js';
import type { K8sObject, Location } from '../model/object.js';
import type { ClusterIndex } from '../model/cluster.js';
import type { LintSettings } from './settings.js';

/** JSON-schema fragment describing a rule's options (validated with the config). */
export type OptionsSchema = Record<string, unknown>;

/**
 * What a rule judges. `object`: each object on its own, so its `checkObject` runs as files arrive
 * (overlapping with parsing on other threads) and its context has no cross-document lookups.
 * `set`: the linted set as a whole; its `checkObject` and `check` run once every file has
 * arrived, with `cluster`, `objects` and `documents`.
 */
export type RuleScope = 'object' | 'set';

export interface RuleMeta<MessageId extends string = string> {
  /** Public contract: equal to the file name in rules/ and to RULES.md; `<plugin>/<rule>` for a plugin's rule. */
  id: string;
  /**
   * Declared, never discovered: an `object` rule that reaches for `cluster`, `objects` or
   * `documents` is an internal error. A JavaScript plugin rule that leaves it out is a `set` rule.
   */
  scope: RuleScope;
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

/** What every check gets: its options, the run's settings, and a way to report. */
export interface ObjectContext<MessageId extends string = string, Options = Record<string, unknown>> {
  readonly options: Options;
  readonly settings: Readonly<LintSettings>;
  /**
   * Whether a rule runs in this lint. A rule whose finding another rule's subsumes (one finding
   * per root cause) stays silent only when that other rule runs and so reports it.
   */
  isEnabled(ruleId: string): boolean;
  report(descriptor: ReportDescriptor<MessageId>): void;
}

/** The context of a `set` rule: every object and document of the run, and lookups across them. */
export interface SetContext<MessageId extends string = string, Options = Record<string, unknown>> extends ObjectContext<MessageId, Options> {
  readonly objects: readonly K8sObject[];
  readonly documents: readonly DocumentHandle[];
  /** Cross-document lookups (and the pictures built from the whole set), each built on first use. */
  readonly cluster: ClusterIndex;
}

/** A rule that judges each object on its own: `checkObject` runs as soon as the object arrives. */
export interface ObjectRule<MessageId extends string = string, Options = Record<string, unknown>> {
  meta: RuleMeta<MessageId> & { scope: 'object' };
  checkObject?(object: K8sObject, context: ObjectContext<MessageId, Options>): void;
  check?: never;
}

/**
 * A rule that judges objects against the rest of the set: `checkObject` runs once per object and
 * `check` once per run, both after every file has arrived.
 */
export interface SetRule<MessageId extends string = string, Options = Record<string, unknown>> {
  meta: RuleMeta<MessageId> & { scope: 'set' };
  check?(context: SetContext<MessageId, Options>): void;
  checkObject?(object: K8sObject, context: SetContext<MessageId, Options>): void;
}

/**
 * A rule reads the model and reports by path. `checkObject` runs once per object (the engine
 * isolates failures per object); `check` runs once per run. Rules without either carry the
 * metadata of findings the parser or the engine makes.
 */
export type Rule<MessageId extends string = string, Options = Record<string, unknown>> = ObjectRule<MessageId, Options> | SetRule<MessageId, Options>;

/**
 * Typed so that a report can only name a messageId the rule declares, and so that an `object`
 * rule's context has no cross-document lookups (one overload per scope: TypeScript picks the
 * context from `meta.scope`).
 */
export function defineRule<MessageId extends string, Options = Record<string, unknown>>(rule: ObjectRule<MessageId, Options>): ObjectRule<MessageId, Options>;
export function defineRule<MessageId extends string, Options = Record<string, unknown>>(rule: SetRule<MessageId, Options>): SetRule<MessageId, Options>;
export function defineRule<MessageId extends string, Options>(rule: Rule<MessageId, Options>): Rule<MessageId, Options> {
  return rule;
}

/** A rule as the engine holds it, whatever its message ids and options. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<string, any>;
