import type { Finding, LintResult } from '../types.js';
import type { FormatOptions } from './types.js';

/** Bumped on any breaking change to the JSON output (see DESIGN.md, "JSON output contract"). */
export const JSON_FORMAT_VERSION = 1;

export interface JsonFinding {
  ruleId: string;
  severity: Finding['severity'];
  message: string;
  fix?: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  document: number;
  kind?: string;
  name?: string;
  namespace?: string;
  /** Cross-document evidence, positioned the same flat way as the finding itself. */
  related?: { file: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
  suppressed?: Finding['suppressed'];
}

export function formatJson(result: LintResult, options: FormatOptions = {}): string {
  const findings = result.findings.filter((finding) => options.showSuppressed || !finding.suppressed).map(toJsonFinding);
  return `${JSON.stringify({ version: JSON_FORMAT_VERSION, findings, summary: result.summary }, null, 2)}\n`;
}

export function toJsonFinding(finding: Finding): JsonFinding {
  // Assigned one by one rather than spread: this runs for every finding of a large run.
  const json = { ruleId: finding.ruleId, severity: finding.severity, message: finding.message } as JsonFinding;
  if (finding.fix !== undefined) json.fix = finding.fix;
  json.file = finding.file;
  json.line = finding.start.line;
  json.column = finding.start.column;
  json.endLine = finding.end.line;
  json.endColumn = finding.end.column;
  json.document = finding.document;
  if (finding.object) {
    json.kind = finding.object.kind;
    if (finding.object.name !== undefined) json.name = finding.object.name;
    if (finding.object.namespace !== undefined) json.namespace = finding.object.namespace;
  }
  if (finding.related?.length) {
    json.related = finding.related.map((related) => ({
      file: related.file,
      line: related.start.line,
      column: related.start.column,
      endLine: related.end.line,
      endColumn: related.end.column,
      message: related.message,
    }));
  }
  if (finding.suppressed) json.suppressed = finding.suppressed;
  return json;
}
