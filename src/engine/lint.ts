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
  const allRules = [...builtinRules, ...(options.rules ?? [])];
  const selected = options.only ? allRules.filter((rule) => rule.meta.category === 'input' || options.only?.includes(rule.meta.id)) : allRules;
  const active = new Map(activateRules(selected, options.config, options.ruleOverrides).map((entry) => [entry.rule.meta.id, entry]));
  const settings: LintSettings = {
    kubernetesVersion: options.kubernetesVersion ?? options.config?.cluster?.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
    cluster: options.config?.cluster ?? {},
  };

  const collector = new Collector(active);
  const documents: DocumentHandle[] = [];
  for (const parsed of files) {
    for (const problem of parsed.problems) {
      collector.add(problem.ruleId, problem.messageId, problem.data, parsed.file, problem.document, problem.range);
    }
    for (const doc of parsed.documents) {
      if (doc.value === null) continue;
      if (!isMap(doc.value)) {
        const shape = Array.isArray(doc.value) ? 'a list' : 'a scalar';
        collector.add('invalid-field-type', 'notObject', { shape }, parsed.file, doc.index, doc.locate([]));
        continue;
      }
      documents.push(doc);
    }
  }

  const objects = documents.flatMap(objectsOf);
  const cluster = new ClusterIndex(objects);
  const internalErrors: InternalError[] = [];
  for (const entry of active.values()) {
    const { rule } = entry;
    if (!rule.check && !rule.checkObject) continue;
    const context: RuleContext = {
      options: entry.options,
      objects,
      documents,
      settings,
      cluster,
      report: (descriptor) => collector.report(entry, descriptor),
    };
    const fail = (error: unknown, object?: K8sObject): void => {
      internalErrors.push({
        ruleId: rule.meta.id,
        ...(object ? { file: object.doc.file.path } : {}),
        message: error instanceof Error ? error.message : String(error),
      });
    };
    if (rule.checkObject) {
      for (const object of objects) {
        try {
          rule.checkObject(object, context);
        } catch (error) {
          fail(error, object);
        }
      }
    }
    if (rule.check) {
      try {
        rule.check(context);
      } catch (error) {
        fail(error);
      }
    }
  }

  const knownRules = new Set(allRules.map((rule) => rule.meta.id));
  const findings = applySuppressions(collector, files, objects, active, (ruleId) => knownRules.has(ruleId));
  findings.sort(compareFindings);
  return {
    findings,
    summary: {
      files: files.length,
      documents: files.reduce((sum, parsed) => sum + parsed.documentCount, 0),
      errors: count(findings, 'error'),
      warnings: count(findings, 'warning'),
      infos: count(findings, 'info'),
      suppressed: findings.filter((finding) => finding.suppressed).length,
    },
    internalErrors,
  };
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
