import type { Finding } from '../types.js';
import type { ParsedFile, SuppressionComment } from '../parse/source.js';
import { documentIndexAt } from '../parse/yaml.js';
import type { K8sObject } from '../model/object.js';
import type { ActiveRule } from './config.js';
import type { Collector } from './collector.js';

export const IGNORE_ANNOTATION = 'ballast/ignore';
export const IGNORE_REASON_ANNOTATION = 'ballast/ignore-reason';
const UNUSED = 'unused-suppression';

interface Directive {
  rules: readonly string[];
  used: Set<string>;
}

/**
 * Marks findings matched by a suppression (comments in the file, or the `ballast/ignore`
 * annotation on the object) and reports suppressions that matched nothing, so stale ones
 * do not silently hide the next real problem.
 */
export function applySuppressions(collector: Collector, files: readonly ParsedFile[], objects: readonly K8sObject[], active: ReadonlyMap<string, ActiveRule>, isKnownRule: (ruleId: string) => boolean): Finding[] {
  const comments = new Map<string, FileComments>();
  for (const parsed of files) {
    if (parsed.comments.length > 0) comments.set(parsed.file.path, new FileComments(parsed.comments));
  }
  const annotations = new Map<K8sObject, Directive>();
  for (const object of objects) {
    // A fragment's annotation lands on the object it is merged into, which is not judged here.
    if (object.fragment !== undefined) continue;
    const value = object.annotations[IGNORE_ANNOTATION];
    if (value !== undefined) annotations.set(object, { rules: splitRules(value), used: new Set() });
  }

  for (const finding of collector.findings) {
    if (finding.ruleId === UNUSED) continue;
    const comment = comments.get(finding.file)?.suppressing(finding, collector.subjectLines.get(finding));
    if (comment) finding.suppressed ??= { kind: 'comment', ...(comment.reason ? { reason: comment.reason } : {}) };
    const object = collector.objects.get(finding);
    const directive = object && annotations.get(object);
    if (object && directive && matches(directive, finding.ruleId)) {
      const reason = object.annotations[IGNORE_REASON_ANNOTATION];
      finding.suppressed ??= { kind: 'annotation', ...(reason ? { reason } : {}) };
    }
  }

  const isActive = (ruleId: string): boolean => active.has(ruleId);
  for (const parsed of files) {
    for (const { comment, directive } of comments.get(parsed.file.path)?.entries ?? []) {
      for (const [messageId, rule] of unusedEntries(directive, isActive, isKnownRule)) {
        collector.add(UNUSED, messageId, { rule, where: 'comment' }, parsed.file, documentIndexAt(parsed.file.text, comment.range[0]), comment.range);
      }
    }
  }
  for (const [object, directive] of annotations) {
    const location = object.at('metadata', 'annotations', IGNORE_ANNOTATION);
    for (const [messageId, rule] of unusedEntries(directive, isActive, isKnownRule)) {
      collector.add(UNUSED, messageId, { rule, where: 'annotation' }, object.doc.file, object.doc.index, location.doc.locate(location.path));
    }
  }
  return collector.findings;
}

interface CommentEntry {
  comment: SuppressionComment;
  directive: Directive;
}

/**
 * A file's suppression comments, looked up by the line they govern: matching every finding
 * against every comment of its file was quadratic (1.76 MB: over 100 s).
 */
class FileComments {
  readonly entries: readonly CommentEntry[];
  private readonly fileWide: CommentEntry[] = [];
  private readonly byLine = new Map<number, CommentEntry[]>();
  /** Per rule, the first file-wide comment that matches it (null: none); all that match are marked used when first asked. */
  private readonly fileWideFirst = new Map<string, CommentEntry | null>();

  constructor(comments: readonly SuppressionComment[]) {
    this.entries = comments.map((comment) => ({ comment, directive: { rules: comment.rules, used: new Set<string>() } }));
    for (const entry of this.entries) {
      if (entry.comment.scope === 'file') this.fileWide.push(entry);
      else {
        const governed = entry.comment.line + 1;
        const list = this.byLine.get(governed);
        if (list) list.push(entry);
        else this.byLine.set(governed, [entry]);
      }
    }
  }

  /**
   * The first comment (in file order) that suppresses the finding: file-wide, or above its line
   * or above the first line of its subject (a container); every comment that matches it is marked used.
   */
  suppressing(finding: Finding, subjectLine?: number): SuppressionComment | undefined {
    let first = this.firstFileWide(finding.ruleId);
    const lines = subjectLine === undefined ? [finding.start.line] : [finding.start.line, subjectLine];
    for (const line of lines) {
      for (const entry of this.byLine.get(line) ?? []) {
        if (matches(entry.directive, finding.ruleId) && (!first || entry.comment.range[0] < first.comment.range[0])) first = entry;
      }
    }
    return first?.comment;
  }

  private firstFileWide(ruleId: string): CommentEntry | undefined {
    let first = this.fileWideFirst.get(ruleId);
    if (first === undefined) {
      first = null;
      for (const entry of this.fileWide) if (matches(entry.directive, ruleId)) first ??= entry;
      this.fileWideFirst.set(ruleId, first);
    }
    return first ?? undefined;
  }
}

function splitRules(value: string): string[] {
  return value.split(/[\s,]+/).filter((rule) => rule.length > 0 && rule !== '*');
}

function matches(directive: Directive, ruleId: string): boolean {
  if (directive.rules.length === 0) {
    directive.used.add('*');
    return true;
  }
  if (!directive.rules.includes(ruleId)) return false;
  directive.used.add(ruleId);
  return true;
}

/** [messageId, rule] pairs for the parts of a directive that suppressed nothing. */
function unusedEntries(directive: Directive, isActive: (id: string) => boolean, isKnown: (id: string) => boolean): [string, string][] {
  if (directive.rules.length === 0) return directive.used.size === 0 ? [['unused', '*']] : [];
  const entries: [string, string][] = [];
  for (const rule of directive.rules) {
    if (!isKnown(rule)) entries.push(['unknownRule', rule]);
    // A suppression for a rule that is switched off cannot match; that is the user's choice, not staleness.
    else if (isActive(rule) && !directive.used.has(rule)) entries.push(['unused', rule]);
  }
  return entries;
}
