import type { Finding, InternalError, LintResult, RelatedLocation, Severity, SeverityOrOff } from '../types.js';
import { SEVERITY_RANK } from '../types.js';
import { DEFAULT_LIMITS, parseBytes, parseText, tooLarge, type InputLimits } from '../parse/index.js';
import { SourceFile, type DocumentHandle, type OffsetRange, type ParsedFile } from '../parse/source.js';
import { isMap } from '../model/access.js';
import { ClusterIndex } from '../model/cluster.js';
import { objectsOf, type K8sObject, type Location } from '../model/object.js';
import { builtinRules } from '../../rules/index.js';
import { activateRules, reportSeverity, type ActiveRule, type BallastConfig } from './config.js';
import type { AnyRule, ReportDescriptor, RuleContext } from './rule.js';
import { DEFAULT_KUBERNETES_VERSION, type LintSettings } from './settings.js';
import { applySuppressions } from './suppress.js';

/** A file's contents as text, as raw bytes (decoded and checked here), or already parsed. */
export type LintInput =
  | { path: string; text: string }
  | { path: string; bytes: Uint8Array }
  /** Already-parsed documents (e.g. objects another tool holds); positions point at line 1. */
  | { path: string; documents: readonly unknown[] }
  /** A file the caller did not read because it is over the size limit. */
  | { path: string; size: number };

export interface LintOptions {
  /** A validated config (see `loadConfig`). */
  config?: BallastConfig;
  /** Extra rules (plugins), run beside the built-in ones. */
  rules?: readonly AnyRule[];
  /** Severity per rule id, over the config (the CLI's `--rule`). */
  ruleOverrides?: Readonly<Record<string, SeverityOrOff>>;
  kubernetesVersion?: string;
  limits?: Partial<InputLimits>;
  /** Run only these rules (input rules always run); for focused checks and tests. */
  only?: readonly string[];
}

/** Lints every input together: cross-document rules see all of them. Pure and synchronous. */
export function lint(inputs: readonly LintInput[], options: LintOptions = {}): LintResult {
  const limits: InputLimits = { ...DEFAULT_LIMITS, ...options.limits };
  return lintParsed(
    inputs.map((input) => parseInput(input, limits)),
    options,
  );
}

/** Lints files parsed elsewhere (e.g. on worker threads); `lint` parses and calls this. */
export function lintParsed(files: readonly ParsedFile[], options: LintOptions = {}): LintResult {
  const linter = new Linter(options);
  linter.add(files);
  return linter.finish();
}

/** Thrown when an object-level check reaches for the rest of the set while files are still arriving. */
class NeedsWholeSet extends Error {}
const NEEDS_WHOLE_SET = new NeedsWholeSet('this check looks across documents');

interface RuleState {
  entry: ActiveRule;
  report: (descriptor: ReportDescriptor<string>) => void;
  /** The context while files arrive: reaching for other documents throws NeedsWholeSet. */
  context: RuleContext;
  /** Set once `checkObject` has reached for the cluster, the object list or the documents. */
  crossDocument: boolean;
  /** Objects already checked while files were arriving. */
  checked: Set<K8sObject>;
}

/**
 * Lints files as they arrive. Object-level checks run on each new object at once (so they
 * overlap with parsing on other threads); a check that turns out to look across documents is
 * deferred, and it and every set-level `check` run in `finish`, over all objects in path order,
 * so the result does not depend on the order in which files arrived.
 */
export class Linter {
  private readonly allRules: readonly AnyRule[];
  private readonly active: ReadonlyMap<string, ActiveRule>;
  private readonly settings: LintSettings;
  private readonly collector: Collector;
  private readonly files: ParsedFile[] = [];
  private readonly documents: DocumentHandle[] = [];
  private readonly objects: K8sObject[] = [];
  /** Each document's objects, made once: checks and suppressions must see the same instances. */
  private readonly objectsOf = new Map<DocumentHandle, K8sObject[]>();
  private readonly states: RuleState[] = [];
  private readonly internalErrors: InternalError[] = [];
  private readonly cluster: ClusterIndex;

  constructor(options: LintOptions = {}) {
    this.allRules = [...builtinRules, ...(options.rules ?? [])];
    const selected = options.only ? this.allRules.filter((rule) => rule.meta.category === 'input' || options.only?.includes(rule.meta.id)) : this.allRules;
    this.active = new Map(activateRules(selected, options.config, options.ruleOverrides).map((entry) => [entry.rule.meta.id, entry]));
    this.settings = {
      kubernetesVersion: options.kubernetesVersion ?? options.config?.cluster?.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
      cluster: options.config?.cluster ?? {},
    };
    this.collector = new Collector(this.active);
    // Filled in `finish`, once every object is known; built lazily by the first rule that asks.
    this.cluster = new ClusterIndex(this.objects);
    const whileArriving = (): never => {
      throw NEEDS_WHOLE_SET;
    };
    for (const entry of this.active.values()) {
      if (!entry.rule.check && !entry.rule.checkObject) continue;
      const report = (descriptor: ReportDescriptor<string>): void => this.collector.report(entry, descriptor);
      const context: RuleContext = {
        options: entry.options,
        settings: this.settings,
        report,
        get objects(): readonly K8sObject[] {
          return whileArriving();
        },
        get documents(): readonly DocumentHandle[] {
          return whileArriving();
        },
        get cluster(): ClusterIndex {
          return whileArriving();
        },
      };
      this.states.push({ entry, report, context, crossDocument: false, checked: new Set() });
    }
  }

  add(files: readonly ParsedFile[]): void {
    const fresh: K8sObject[] = [];
    for (const parsed of files) {
      this.files.push(parsed);
      for (const problem of parsed.problems) {
        this.collector.add(problem.ruleId, problem.messageId, problem.data, parsed.file, problem.document, problem.range);
      }
      for (const doc of parsed.documents) {
        if (doc.value === null) continue;
        if (!isMap(doc.value)) {
          const shape = Array.isArray(doc.value) ? 'a list' : 'a scalar';
          this.collector.add('invalid-field-type', 'notObject', { shape }, parsed.file, doc.index, doc.locate([]));
          continue;
        }
        const objects = objectsOf(doc);
        this.documents.push(doc);
        this.objectsOf.set(doc, objects);
        fresh.push(...objects);
      }
    }
    for (const state of this.states) {
      const { rule } = state.entry;
      if (!rule.checkObject || state.crossDocument) continue;
      for (const object of fresh) {
        const mark = this.collector.findings.length;
        try {
          rule.checkObject(object, state.context);
          state.checked.add(object);
        } catch (error) {
          if (error instanceof NeedsWholeSet) {
            // What it reported for this object before asking is reported again in `finish`.
            this.collector.discardFrom(mark);
            state.crossDocument = true;
            break;
          }
          this.fail(rule, error, object);
          state.checked.add(object);
        }
      }
    }
  }

  finish(): LintResult {
    this.files.sort((a, b) => compareText(a.file.path, b.file.path));
    const order = new Map(this.files.map((parsed, index) => [parsed.file, index]));
    const byPosition = (a: { doc: DocumentHandle }, b: { doc: DocumentHandle }): number =>
      (order.get(a.doc.file) ?? 0) - (order.get(b.doc.file) ?? 0) || a.doc.index - b.doc.index;
    this.documents.sort((a, b) => byPosition({ doc: a }, { doc: b }));
    this.objects.push(...this.documents.flatMap((doc) => this.objectsOf.get(doc) ?? []));
    for (const state of this.states) {
      const { rule } = state.entry;
      const context: RuleContext = {
        options: state.entry.options,
        settings: this.settings,
        report: state.report,
        objects: this.objects,
        documents: this.documents,
        cluster: this.cluster,
      };
      if (rule.checkObject) {
        for (const object of this.objects) {
          if (state.checked.has(object)) continue;
          try {
            rule.checkObject(object, context);
          } catch (error) {
            this.fail(rule, error, object);
          }
        }
      }
      if (rule.check) {
        try {
          rule.check(context);
        } catch (error) {
          this.fail(rule, error);
        }
      }
    }

    const knownRules = new Set(this.allRules.map((rule) => rule.meta.id));
    const findings = applySuppressions(this.collector, this.files, this.objects, this.active, (ruleId) => knownRules.has(ruleId));
    findings.sort(compareFindings);
    return {
      findings,
      summary: {
        files: this.files.length,
        documents: this.files.reduce((sum, parsed) => sum + parsed.documentCount, 0),
        errors: count(findings, 'error'),
        warnings: count(findings, 'warning'),
        infos: count(findings, 'info'),
        suppressed: findings.filter((finding) => finding.suppressed).length,
      },
      internalErrors: this.internalErrors,
    };
  }

  private fail(rule: AnyRule, error: unknown, object?: K8sObject): void {
    this.internalErrors.push({
      ruleId: rule.meta.id,
      ...(object ? { file: object.doc.file.path } : {}),
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Lints one text, e.g. an editor buffer or stdin. */
export function lintText(text: string, path = '-', options: LintOptions = {}): LintResult {
  return lint([{ path, text }], options);
}

function parseInput(input: LintInput, limits: InputLimits): ParsedFile {
  if ('text' in input) return parseText(input.path, input.text, limits);
  if ('bytes' in input) return parseBytes(input.path, input.bytes, limits);
  if ('documents' in input) return parsedDocuments(input.path, input.documents);
  return tooLarge(input.path, input.size, limits);
}

function parsedDocuments(path: string, values: readonly unknown[]): ParsedFile {
  const file = new SourceFile(path, '');
  const documents = values.map((value, index): DocumentHandle => ({ file, index, value, locate: () => [0, 0] }));
  return { file, documentCount: values.length, documents, problems: [], comments: [] };
}

/** Turns reports into positioned findings. Also used for engine-made findings (input, suppressions). */
export class Collector {
  readonly findings: Finding[] = [];
  /** The object each finding is about, for annotation suppressions. */
  readonly objects = new Map<Finding, K8sObject>();

  constructor(private readonly active: ReadonlyMap<string, ActiveRule>) {}

  report(entry: ActiveRule, descriptor: ReportDescriptor<string>): void {
    const { at, object } = descriptor;
    const finding = this.build(entry, descriptor.messageId, descriptor.data ?? {}, at.doc.file, at.doc.index, at.doc.locate(at.path), descriptor.severity);
    if (descriptor.fix !== undefined) finding.fix = descriptor.fix;
    if (object) {
      finding.object = object.ref();
      this.objects.set(finding, object);
    }
    if (descriptor.related?.length) finding.related = descriptor.related.map((related) => relatedLocation(related.at, related.message));
    this.findings.push(finding);
  }

  /** Drops the findings reported since `length` (a check that is rerun later). */
  discardFrom(length: number): void {
    for (const finding of this.findings.splice(length)) this.objects.delete(finding);
  }

  add(ruleId: string, messageId: string, data: Readonly<Record<string, string | number>>, file: SourceFile, document: number, range: OffsetRange): void {
    const entry = this.active.get(ruleId);
    if (entry) this.findings.push(this.build(entry, messageId, data, file, document, range, undefined));
  }

  private build(
    entry: ActiveRule,
    messageId: string,
    data: Readonly<Record<string, string | number>>,
    file: SourceFile,
    document: number,
    range: OffsetRange,
    graded: Severity | undefined,
  ): Finding {
    const meta = entry.rule.meta;
    const template = (meta.messages as Record<string, string | undefined>)[messageId] ?? messageId;
    return {
      ruleId: meta.id,
      messageId,
      severity: reportSeverity(entry, graded),
      message: fillTemplate(template, data),
      fix: meta.fix,
      file: file.path,
      start: file.lines.position(range[0]),
      end: file.lines.position(range[1]),
      document,
    };
  }
}

function relatedLocation(at: Location, message: string): RelatedLocation {
  const [start, end] = at.doc.locate(at.path);
  const lines = at.doc.file.lines;
  return { file: at.doc.file.path, start: lines.position(start), end: lines.position(end), message };
}

export function fillTemplate(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => {
    const value = Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined;
    return value === undefined ? whole : String(value);
  });
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.start.line - b.start.line ||
    a.start.column - b.start.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function count(findings: readonly Finding[], severity: Severity): number {
  return findings.filter((finding) => !finding.suppressed && finding.severity === severity).length;
}

export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}
