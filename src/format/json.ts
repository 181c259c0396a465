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
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    ...(finding.fix !== undefined ? { fix: finding.fix } : {}),
    file: finding.file,
    line: finding.start.line,
    column: finding.start.column,
    endLine: finding.end.line,
    endColumn: finding.end.column,
    document: finding.document,
    ...(finding.object ? { kind: finding.object.kind } : {}),
    ...(finding.object?.name !== undefined ? { name: finding.object.name } : {}),
    ...(finding.object?.namespace !== undefined ? { namespace: finding.object.namespace } : {}),
    ...(finding.related?.length
      ? {
          related: finding.related.map((related) => ({
            file: related.file,
            line: related.start.line,
            column: related.start.column,
            endLine: related.end.line,
            endColumn: related.end.column,
            message: related.message,
          })),
        }
      : {}),
    ...(finding.suppressed ? { suppressed: finding.suppressed } : {}),
  };
}
