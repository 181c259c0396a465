import { Lexer } from 'yaml';
import type { SourceFile, SuppressionComment } from './source.js';

const SUPPRESSION_COMMENT = /#\s*ballast-ignore-(next-line|file)\b([^\n\r]*)/g;

/**
 * Finds `# ballast-ignore-next-line a,b -- reason` and `# ballast-ignore-file a` comments in a
 * line-based file, where every `#` starts a comment (flag files).
 */
export function scanSuppressionComments(file: SourceFile): SuppressionComment[] {
  if (!file.text.includes('ballast-ignore-')) return [];
  return commentsIn(file, file.text, 0);
}

/** `yaml`'s lexer marks structure with these characters, which are not in the text. */
const LEXER_MARKS = new Set(['\x02', '\x18', '\x1f']);

/**
 * The same comments in YAML, from real comments only: the words inside a block scalar or a
 * quoted string are data (a ConfigMap holding a script, say) and must not silence a file.
 */
export function scanYamlSuppressionComments(file: SourceFile, source = file.text): SuppressionComment[] {
  if (!source.includes('ballast-ignore-')) return [];
  const comments: SuppressionComment[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(source)) {
    if (LEXER_MARKS.has(token)) continue;
    if (token.charCodeAt(0) === 35 /* # */ && token.includes('ballast-ignore-')) comments.push(...commentsIn(file, token, offset));
    offset += token.length;
  }
  return comments;
}

function commentsIn(file: SourceFile, text: string, base: number): SuppressionComment[] {
  const comments: SuppressionComment[] = [];
  for (const match of text.matchAll(SUPPRESSION_COMMENT)) {
    const start = base + match.index;
    const [ruleText = '', reason] = (match[2] ?? '').split(/\s--\s/, 2);
    comments.push({
      scope: match[1] === 'file' ? 'file' : 'next-line',
      // A further `#` starts a trailing comment, not more rule IDs.
      rules: (ruleText.split('#')[0] ?? '').split(/[\s,]+/).filter((rule) => rule.length > 0 && rule !== '*'),
      ...(reason ? { reason: reason.trim() } : {}),
      range: [start, start + match[0].length],
      line: file.lines.position(start).line,
    });
  }
  return comments;
}
