import type { ParsedFile } from '../parse/source.js';

/** A Go (Helm), Jinja or similar template action: `{{ .Values.x }}`, `{{- include "x" . }}`. */
const TEMPLATE_ACTION = /\{\{.*?\}\}/;

/**
 * A file that does not parse and holds template actions is a template, not a broken manifest:
 * its parse errors say nothing about what it renders to. It becomes one note at the first action,
 * and none of its documents are judged (those that happen to parse are templates too).
 */
export function templateAsNote(parsed: ParsedFile): ParsedFile {
  if (!parsed.problems.some((problem) => problem.ruleId === 'parse-error')) return parsed;
  const action = TEMPLATE_ACTION.exec(parsed.file.text);
  if (!action) return parsed;
  const range = [action.index, action.index + action[0].length] as const;
  return { ...parsed, documents: [], problems: [{ ruleId: 'not-rendered', messageId: 'template', data: {}, range, document: 0, severity: 'info' }] };
}
