import type { FormatName } from './index.js';

/**
 * Characters that must not reach a terminal or a log as themselves: C0 and C1 controls (ESC
 * starts ANSI and OSC sequences that recolour, retitle or hide text), line breaks (a newline in
 * an object name would forge a line of output) and the bidirectional overrides that reorder
 * what is shown. Tab is left alone.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** Text from files (names, paths, values in messages) with unsafe characters shown as escapes (`\n`, `\u001b`). */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (character) => (character === '\n' ? '\\n' : character === '\r' ? '\\r' : `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/**
 * Output that GitHub Actions reads as log lines, made incapable of holding a workflow command.
 * The runner takes a line as a command when, after leading blanks, it starts with `::`, or when
 * `##[` appears anywhere in it followed by a known command (actions/runner ActionCommand.cs:
 * TryParseV2, then the legacy TryParse); `::stop-commands::` in a file name would silence every
 * later annotation. Each format writes the same text in its own escape, so nothing is lost:
 * JSON `\u005b`, XML `&#91;`, and in human-readable text `\u003a` / `\u005b`.
 */
export function withoutWorkflowCommands(text: string, format: Exclude<FormatName, 'github'>): string {
  const bracket = format === 'json' || format === 'sarif' ? '\\u005b' : format === 'junit' ? '&#91;' : '\\u005b';
  const colon = format === 'junit' ? '&#58;' : '\\u003a';
  return text.replace(/^([^\S\r\n]*):(?=:)/gm, `$1${colon}`).replaceAll('##[', `##${bracket}`);
}
