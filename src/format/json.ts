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
  return [...formatJsonChunks(result, options)].join('');
}

/** Findings per piece of `formatJsonChunks`. */
const CHUNK_FINDINGS = 1000;

/**
 * The JSON output in pieces, byte for byte what `JSON.stringify(…, null, 2)` of the whole gives:
 * a million findings make more text than one JavaScript string can hold (~512 MB), so the
 * command writes the pieces as they come.
 */
export function* formatJsonChunks(result: LintResult, options: FormatOptions = {}): Generator<string> {
  const findings = result.findings.filter((finding) => options.showSuppressed || !finding.suppressed);
  let chunk = `{\n  "version": ${JSON_FORMAT_VERSION},\n  "findings": [`;
  for (const [index, finding] of findings.entries()) {
    chunk += `${index === 0 ? '' : ','}\n    ${indented(JSON.stringify(toJsonFinding(finding), null, 2), '    ')}`;
    if ((index + 1) % CHUNK_FINDINGS === 0) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}${findings.length === 0 ? '' : '\n  '}],\n  "summary": ${indented(JSON.stringify(result.summary, null, 2), '  ')}\n}\n`;
}

/** Lines after the first indented: JSON text has no raw line breaks inside strings, so this is safe. */
function indented(json: string, indent: string): string {
  return json.replaceAll('\n', `\n${indent}`);
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
