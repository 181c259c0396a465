import type { Finding, Path, RelatedLocation, Severity } from '../types.js';
import { SEVERITY_RANK } from '../types.js';
import type { OffsetRange, SourceFile } from '../parse/source.js';
import { rangeOf, type K8sObject, type Location } from '../model/object.js';
import { reportSeverity, type ActiveRule } from './config.js';
import type { ReportDescriptor } from './rule.js';

/** Turns reports into positioned findings. Also used for engine-made findings (input, suppressions). */
export class Collector {
  readonly findings: Finding[] = [];
  /** The object each finding is about, for annotation suppressions. */
  readonly objects = new Map<Finding, K8sObject>();
  /** First line of the node a finding is about, where it differs from the finding's own line. */
  readonly subjectLines = new Map<Finding, number>();

  constructor(private readonly active: ReadonlyMap<string, ActiveRule>) {}

  report(entry: ActiveRule, descriptor: ReportDescriptor<string>): void {
    const { at, object } = descriptor;
    const finding = this.build(entry, descriptor.messageId, descriptor.data ?? {}, at.doc.file, at.doc.index, rangeOf(at), descriptor.severity);
    if (descriptor.fix !== undefined) finding.fix = descriptor.fix;
    if (at.path.length > 0) finding.field = fieldPath(at.path);
    if (object) {
      finding.object = object.ref();
      this.objects.set(finding, object);
    }
    if (descriptor.subject) {
      const line = descriptor.subject.doc.file.lines.position(rangeOf(descriptor.subject)[0]).line;
      if (line !== finding.start.line) this.subjectLines.set(finding, line);
    }
    if (descriptor.related?.length) finding.related = descriptor.related.map((related) => relatedLocation(related.at, related.message));
    this.findings.push(finding);
  }

  /** Takes a finding made elsewhere (another thread's linter), with the object it is about here. */
  adopt(finding: Finding, object: K8sObject | undefined): void {
    this.findings.push(finding);
    if (object) this.objects.set(finding, object);
  }

  /** Drops findings that `test` picks (checks that are rerun). */
  discardWhere(test: (finding: Finding) => boolean): void {
    let kept = 0;
    for (const finding of this.findings) {
      if (test(finding)) {
        this.objects.delete(finding);
        this.subjectLines.delete(finding);
      } else this.findings[kept++] = finding;
    }
    this.findings.length = kept;
  }

  /** Drops the findings reported since `length` (a check that is rerun later). */
  discardFrom(length: number): void {
    for (const finding of this.findings.splice(length)) {
      this.objects.delete(finding);
      this.subjectLines.delete(finding);
    }
  }

  add(ruleId: string, messageId: string, data: Readonly<Record<string, string | number>>, file: SourceFile, document: number, range: OffsetRange, graded?: Severity): void {
    const entry = this.active.get(ruleId);
    if (!entry) return;
    const finding = this.build(entry, messageId, data, file, document, range, graded);
    this.fromInput.add(finding);
    this.findings.push(finding);
  }

  /** Whether a finding came from reading the input (parse problems), not from a rule's check. */
  isInputProblem(finding: Finding): boolean {
    return this.fromInput.has(finding);
  }

  private readonly fromInput = new Set<Finding>();

  private build(entry: ActiveRule, messageId: string, data: Readonly<Record<string, string | number>>, file: SourceFile, document: number, range: OffsetRange, graded: Severity | undefined): Finding {
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

function fieldPath(path: Path): string {
  let text = '';
  for (const segment of path) text += typeof segment === 'number' ? `[${segment}]` : text === '' ? segment : `.${segment}`;
  return text;
}

function relatedLocation(at: Location, message: string): RelatedLocation {
  const [start, end] = rangeOf(at);
  const lines = at.doc.file.lines;
  return { file: at.doc.file.path, start: lines.position(start), end: lines.position(end), message };
}

const PLACEHOLDER = /(\{\{\s*(\w+)\s*\}\})/;
/** Each message template split once: text, placeholder as written, its key, text, … (split keeps the groups). */
const templateParts = new Map<string, readonly string[]>();

export function fillTemplate(template: string, data: Readonly<Record<string, string | number>>): string {
  let parts = templateParts.get(template);
  if (parts === undefined) {
    parts = template.split(PLACEHOLDER);
    templateParts.set(template, parts);
  }
  let message = parts[0] ?? '';
  for (let index = 1; index < parts.length; index += 3) {
    const key = parts[index + 1] ?? '';
    const value = Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined;
    message += (value === undefined ? parts[index] : String(value)) + (parts[index + 2] ?? '');
  }
  return message;
}

export function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.file, b.file) || a.start.line - b.start.line || a.start.column - b.start.column || compareText(a.ruleId, b.ruleId) || compareText(a.message, b.message);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function countSeverity(findings: readonly Finding[], severity: Severity): number {
  return findings.filter((finding) => !finding.suppressed && finding.severity === severity).length;
}

export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}
