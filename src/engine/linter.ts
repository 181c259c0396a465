import type { InternalError, LintResult, Summary } from '../types.js';
import type { DocumentHandle, ParsedFile } from '../parse/source.js';
import { asString, describeValue, isMap } from '../model/access.js';
import { ClusterIndex } from '../model/cluster.js';
import { KustomizeBuilds } from '../model/kustomize-builds.js';
import { misTypedKinds, objectsOf, type K8sObject } from '../model/object.js';
import { isDeploymentLike } from '../model/workload.js';
import { activateRules, type ActiveRule } from './config.js';
import { Collector, compareFindings, compareText, countSeverity } from './collector.js';
import type { LintOptions } from './lint.js';
import type { RuleScope } from './rule.js';
import type { AnyRule, ObjectContext, ReportDescriptor, SetContext } from './rule.js';
import { DEFAULT_KUBERNETES_VERSION, type LintSettings } from './settings.js';
import { ruleSet } from './rule-set.js';
import { SkippedDocuments } from './skipped.js';
import { isKustomization, KustomizeNamespaces } from '../model/kustomize.js';
import { applySuppressions } from './suppress.js';
import { templateAsNote } from '../render/template.js';
import { objectExclusion } from './exclude.js';

/** Whether a rule that declares `kinds` judges the object; custom resources with a Deployment's pod template count as Deployments. */
function appliesTo(kinds: ReadonlySet<string>, object: K8sObject): boolean {
  return kinds.has(object.kind) || (kinds.has('Deployment') && isDeploymentLike(object));
}

interface RuleState {
  entry: ActiveRule;
  /** `object` rules run as files arrive; `set` rules in `finish` (see `RuleScope`). */
  scope: RuleScope;
  report: (descriptor: ReportDescriptor<string>) => void;
  /** What an `object` rule gets: no cross-document lookups (reaching for them is an internal error). */
  objectContext: ObjectContext;
  /** The kinds in the rule's `appliesTo`; undefined for `*`. */
  kinds: ReadonlySet<string> | undefined;
  /** What an `object` rule's current check reached for against its declared scope. */
  outOfScope: string | undefined;
  /** Whether that was reported: once per rule. */
  outOfScopeReported: boolean;
  /** How many objects, in arrival order (a prefix: they are checked in that order), this rule has checked. */
  checkedPrefix: number;
}

/**
 * Lints files as they arrive. The checks of `object` rules run on each new object at once (so
 * they overlap with parsing on other threads); those of `set` rules run in `finish`, over all
 * objects in path order, so the result does not depend on the order in which files arrived.
 */
export class Linter {
  private readonly allRules: readonly AnyRule[];
  private readonly active: ReadonlyMap<string, ActiveRule>;
  /** Replaced, never edited, when the files name the Kubernetes version (`adoptClusterVersion`). */
  private settings: LintSettings;
  /** Whether the Kubernetes version was chosen by the caller (else it may come from the files). */
  private readonly explicitVersion: boolean;
  private readonly collector: Collector;
  private readonly files: ParsedFile[] = [];
  private readonly documents: DocumentHandle[] = [];
  /** Each document's objects, made once: checks and suppressions must see the same instances. */
  private readonly objectsOf = new Map<DocumentHandle, K8sObject[]>();
  /** Each object's place in arrival order, the order in which `add` checked them. */
  private readonly arrival = new Map<K8sObject, number>();
  private readonly states: RuleState[] = [];
  private readonly internalErrors: InternalError[] = [];
  private readonly objects: K8sObject[] = [];
  private readonly cluster: ClusterIndex;
  private readonly builds = new KustomizeBuilds();
  private readonly skipped = new SkippedDocuments(this.builds);
  /** The namespaces the run's kustomizations give the files they build. */
  private readonly kustomize = new KustomizeNamespaces();
  /** The config's `exclude`: objects that are neither checked nor seen by other objects' checks. */
  private readonly excluded: ((object: K8sObject) => boolean) | undefined;
  /** Files read only as context (see `addContext`), and their objects. */
  private readonly contextFiles = new Set<string>();
  private readonly contextObjects = new Set<K8sObject>();

  constructor(options: LintOptions = {}) {
    this.allRules = ruleSet(options.rules);
    const selected = options.only ? this.allRules.filter((rule) => rule.meta.category === 'input' || options.only?.includes(rule.meta.id)) : this.allRules;
    this.active = new Map(activateRules(selected, options.config, options.ruleOverrides).map((entry) => [entry.rule.meta.id, entry]));
    this.explicitVersion = (options.kubernetesVersion ?? options.config?.cluster?.kubernetesVersion) !== undefined;
    this.settings = {
      kubernetesVersion: options.kubernetesVersion ?? options.config?.cluster?.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
      cluster: options.config?.cluster ?? {},
    };
    this.collector = new Collector(this.active);
    this.excluded = objectExclusion(options.config?.exclude);
    // Filled in `finish`, once every object is known; built lazily by the first rule that asks.
    this.cluster = new ClusterIndex(this.objects, this.settings.cluster, this.builds);
    for (const entry of this.active.values()) {
      if (!entry.rule.check && !entry.rule.checkObject) continue;
      const kinds = entry.rule.meta.appliesTo.includes('*') ? undefined : new Set(entry.rule.meta.appliesTo);
      // A rule judges only the kinds it declares, whoever wrote it: a report about another kind is dropped.
      const report = (descriptor: ReportDescriptor<string>): void => {
        if (kinds && descriptor.object && !appliesTo(kinds, descriptor.object)) return;
        this.collector.report(entry, descriptor);
      };
      const currentSettings = (): LintSettings => this.settings;
      // A rule runs only after the constructor, so `state` below exists whenever these are read.
      const outOfScope = (name: string): never => {
        state.outOfScope = name;
        throw new Error(`declares scope 'object' but reads context.${name}: declare scope 'set' to look across documents`);
      };
      const objectContext: ObjectContext & Partial<Record<'objects' | 'documents' | 'cluster', unknown>> = {
        options: entry.options,
        get settings(): LintSettings {
          return currentSettings();
        },
        isEnabled: this.isEnabled,
        report,
        // Absent from the type; a JavaScript rule that reaches for them anyway fails loudly, even if it catches this.
        get objects(): never {
          return outOfScope('objects');
        },
        get documents(): never {
          return outOfScope('documents');
        },
        get cluster(): never {
          return outOfScope('cluster');
        },
      };
      // A JavaScript plugin rule without `scope` looks across documents: the choice that is never wrong.
      const scope = entry.rule.meta.scope === 'object' ? 'object' : 'set';
      const state: RuleState = { entry, scope, report, objectContext, kinds, outOfScope: undefined, outOfScopeReported: false, checkedPrefix: 0 };
      this.states.push(state);
    }
  }

  private readonly isEnabled = (ruleId: string): boolean => this.active.has(ruleId);

  /** Takes files in and runs the object-level checks on their objects. */
  add(files: readonly ParsedFile[]): void {
    const fresh: K8sObject[] = [];
    for (const arrived of files) {
      const parsed = templateAsNote(arrived);
      for (const problem of parsed.problems) {
        this.collector.add(problem.ruleId, problem.messageId, problem.data, parsed.file, problem.document, problem.range, problem.severity);
      }
      for (const object of this.register(parsed)) fresh.push(object);
    }
    this.skipped.settle(fresh);
    for (const object of fresh) this.arrival.set(object, this.arrival.size);
    for (const state of this.states) {
      const { rule } = state.entry;
      if (state.scope !== 'object' || !rule.checkObject) continue;
      for (const object of fresh) {
        if (judges(rule, object) && (!state.kinds || appliesTo(state.kinds, object))) this.checkObject(state, object, state.objectContext);
        state.checkedPrefix++;
      }
    }
  }

  /** Runs one rule's `checkObject` on one object; reports from a check that broke its declared scope are dropped. */
  private checkObject(state: RuleState, object: K8sObject, context: ObjectContext | SetContext): void {
    const { rule } = state.entry;
    const mark = this.collector.findings.length;
    state.outOfScope = undefined;
    try {
      (rule.checkObject as (object: K8sObject, context: ObjectContext | SetContext) => void)(object, context);
    } catch (error) {
      if (state.outOfScope === undefined) this.fail(rule, error, object);
    }
    // Set by the context's getters during the call (the compiler cannot see that).
    const reached = state.outOfScope as string | undefined;
    if (reached === undefined) return;
    // Whether or not the rule caught the error, what it concluded without the lookup is not trusted.
    this.collector.discardFrom(mark);
    if (state.outOfScopeReported) return;
    state.outOfScopeReported = true;
    this.fail(rule, new Error(`declares scope 'object' but reads context.${reached}: declare scope 'set' to look across documents`), object);
  }

  /**
   * Takes files in as context only: their objects feed cross-document lookups (a
   * PodDisruptionBudget or HPA beside the staged file a hook passes), but no rule judges them,
   * no finding points into them, and the summary does not count them.
   */
  addContext(files: readonly ParsedFile[]): void {
    for (const parsed of files) {
      this.contextFiles.add(parsed.file.path);
      for (const doc of parsed.documents) {
        if (!isMap(doc.value)) continue;
        if (isKustomization(doc.value, doc.file.path)) this.kustomize.add(doc.value, doc.file.path);
        const ofDoc = objectsOf(doc);
        this.documents.push(doc);
        this.objectsOf.set(doc, ofDoc);
        for (const object of ofDoc) this.contextObjects.add(object);
      }
    }
  }

  finish(): LintResult {
    this.files.sort((a, b) => compareText(a.file.path, b.file.path));
    const order = new Map(this.files.map((parsed, index) => [parsed.file, index]));
    this.documents.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.index - b.index);
    for (const doc of this.documents) for (const object of this.objectsOf.get(doc) ?? []) this.objects.push(object);
    this.adoptClusterVersion();
    // Objects that arrived before the kustomization naming their file were judged on their own: redo that.
    const { patched, completed } = this.skipped.settle(this.objects);
    // Objects a kustomization builds into another namespace than they say were judged as written: redo them.
    const movedFiles = new Set(this.kustomize.applyTo(this.objects).map((object) => object.doc.file.path));
    const refiled = new Set([...patched.map((object) => object.doc.file.path), ...movedFiles]);
    if (refiled.size > 0) {
      this.collector.discardWhere((finding) => refiled.has(finding.file) && !this.collector.isInputProblem(finding) && this.active.get(finding.ruleId)?.rule.meta.category !== 'input');
    }
    const redo = new Set([...completed, ...(movedFiles.size > 0 ? this.objects.filter((object) => movedFiles.has(object.doc.file.path)) : [])]);

    for (const state of this.states) {
      const { rule } = state.entry;
      const context: ObjectContext | SetContext =
        state.scope === 'object'
          ? state.objectContext
          : { options: state.entry.options, settings: this.settings, isEnabled: this.isEnabled, report: state.report, objects: this.objects, documents: this.documents, cluster: this.cluster };
      if (rule.checkObject) {
        // The common case, every object already checked as it arrived: nothing to look up.
        const allChecked = state.checkedPrefix >= this.objects.length && redo.size === 0;
        for (const object of allChecked ? [] : this.objects) {
          const place = this.arrival.get(object);
          const checked = place !== undefined && place < state.checkedPrefix && !(redo.has(object) && rule.meta.category !== 'input');
          if (checked || !judges(rule, object) || this.contextObjects.has(object) || (state.kinds && !appliesTo(state.kinds, object))) continue;
          this.checkObject(state, object, context);
        }
      }
      if (rule.check && state.scope === 'set') {
        try {
          rule.check(context as SetContext);
        } catch (error) {
          this.fail(rule, error);
        }
      }
    }

    if (this.contextFiles.size > 0) this.collector.discardWhere((finding) => this.contextFiles.has(finding.file));
    const judged = this.contextObjects.size > 0 ? this.objects.filter((object) => !this.contextObjects.has(object)) : this.objects;
    const knownRules = new Set(this.allRules.map((rule) => rule.meta.id));
    const findings = applySuppressions(this.collector, this.files, judged, this.active, (ruleId) => knownRules.has(ruleId));
    findings.sort(compareFindings);
    const summary: Summary = {
      files: this.files.length,
      documents: this.files.reduce((sum, parsed) => sum + parsed.documentCount, 0),
      errors: countSeverity(findings, 'error'),
      warnings: countSeverity(findings, 'warning'),
      infos: countSeverity(findings, 'info'),
      suppressed: findings.filter((finding) => finding.suppressed).length,
    };
    const skipped = this.skipped.summary(judged);
    if (skipped) summary.skipped = skipped;
    return { findings, summary, internalErrors: this.internalErrors };
  }

  /**
   * With no version configured, the cluster's own kubeadm ClusterConfiguration says which
   * Kubernetes it runs (when the set holds exactly one). Checks made under the default version are then
   * redone: rare (only kubeadm files name a version) and cheap (such sets are small).
   */
  private adoptClusterVersion(): void {
    if (this.explicitVersion) return;
    // Only for a set that describes one cluster: with several, whose version would apply to the rest?
    const configs = this.objects.filter((object) => object.kind === 'ClusterConfiguration' && object.apiVersion.startsWith('kubeadm.k8s.io/'));
    if (configs.length !== 1) return;
    const match = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(asString(configs[0]?.get('kubernetesVersion')) ?? '');
    const version = match ? `${match[1]}.${match[2]}` : undefined;
    if (version === undefined || version === this.settings.kubernetesVersion) return;
    this.settings = { ...this.settings, kubernetesVersion: version };
    this.collector.discardWhere((finding) => !this.collector.isInputProblem(finding));
    this.arrival.clear();
    for (const state of this.states) {
      state.checkedPrefix = 0;
      state.outOfScopeReported = false;
    }
    this.internalErrors.length = 0;
  }

  /** Records a file's documents and objects; documents that hold no object are only counted. */
  private register(parsed: ParsedFile): K8sObject[] {
    this.files.push(parsed);
    const objects: K8sObject[] = [];
    for (const doc of parsed.documents) {
      for (const { path, value } of misTypedKinds(doc)) {
        const data = { field: path.join('.'), expected: 'a string', actual: describeValue(value) };
        this.collector.add('invalid-field-type', 'wrongType', data, parsed.file, doc.index, doc.locate(path));
      }
      if (doc.value !== null && isKustomization(doc.value, doc.file.path)) this.kustomize.add(doc.value, doc.file.path);
      if (doc.value === null || !this.skipped.note(doc)) continue;
      const ofDoc = this.excluded ? objectsOf(doc).filter((object) => !this.excluded?.(object)) : objectsOf(doc);
      this.documents.push(doc);
      this.objectsOf.set(doc, ofDoc);
      for (const object of ofDoc) objects.push(object);
    }
    return objects;
  }

  private fail(rule: AnyRule, error: unknown, object?: K8sObject): void {
    this.internalErrors.push({
      ruleId: rule.meta.id,
      ...(object ? { file: object.doc.file.path } : {}),
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Per-object rules judge whole objects; on a fragment only the input checks (field types, names) run. */
function judges(rule: AnyRule, object: K8sObject): boolean {
  return object.fragment === undefined || rule.meta.category === 'input';
}
