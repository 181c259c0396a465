import type { Finding, LintResult } from '../types.js';
import { shownFindings, truncationNotice } from './shown.js';
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

/**
 * The JSON output in pieces of `chunkFindings` findings, byte for byte what `JSON.stringify(…, null, 2)`
 * of the whole gives: a million findings make more text than one JavaScript string can hold
 * (~512 MB), so the command writes the pieces as they come. Up to one piece's worth, the whole is
 * stringified at once, which is several times faster than stitching pieces.
 */
export function* formatJsonChunks(result: LintResult, options: FormatOptions = {}, chunkFindings = 100_000): Generator<string> {
  const { findings, truncation } = shownFindings(result, options);
  // Only a capped report has `truncated`: how many findings it holds of how many (the summary counts all).
  const truncated = truncation ? { ...truncation, message: truncationNotice(truncation) } : undefined;
  if (findings.length <= chunkFindings) {
    yield `${JSON.stringify({ version: JSON_FORMAT_VERSION, findings: findings.map(toJsonFinding), summary: result.summary, ...(truncated ? { truncated } : {}) }, null, 2)}\n`;
    return;
  }
  let chunk = `{\n  "version": ${JSON_FORMAT_VERSION},\n  "findings": [`;
  for (let from = 0; from < findings.length; from += chunkFindings) {
    // A slice stringified as a list is `[\n  {…},\n  {…}\n]`: keep what is between the brackets, one level deeper.
    const list = JSON.stringify(findings.slice(from, from + chunkFindings).map(toJsonFinding), null, 2);
    yield `${chunk}${from === 0 ? '' : ','}\n  ${indented(list.slice(2, -2), '  ')}`;
    chunk = '';
  }
  const after = truncated ? `,\n  "truncated": ${indented(JSON.stringify(truncated, null, 2), '  ')}` : '';
  yield `\n  ],\n  "summary": ${indented(JSON.stringify(result.summary, null, 2), '  ')}${after}\n}\n`;
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
