import { parseBytes, parseText } from '../parse/index.js';
import type { InputLimits } from '../parse/limits.js';
import type { ParsedFile } from '../parse/source.js';

/** One template's share of a rendered Helm stream. */
export interface RenderedTemplate {
  /** The template path from its `# Source:` comment, e.g. `app/templates/deployment.yaml`. */
  path: string;
  /** Its rendered documents; line 1 is the line after the first `# Source:` comment. */
  text: string;
}

const SOURCE = /^# Source: (\S.*?)\s*$/;
const SEPARATOR = /^---\s*(#.*)?$/;
const SOURCE_BYTES = '# Source: ';
const SOURCE_PATTERN = new TextEncoder().encode(SOURCE_BYTES);

/**
 * Splits `helm template` output into the templates it came from: Helm writes each rendered
 * document as `---`, `# Source: <chart>/templates/<file>`, the document. Documents of the same
 * template are joined in order; text before the first `# Source:` keeps the stream's own path.
 * Undefined when the text is not such a stream.
 */
export function splitHelmStream(text: string, path: string): RenderedTemplate[] | undefined {
  if (!text.includes(SOURCE_BYTES)) return undefined;
  const lines = text.split('\n');
  const byPath = new Map<string, string[][]>();
  let current: string[] = [];
  let currentPath = path;
  let sawSource = false;
  const flush = (): void => {
    if (current.every((line) => line.trim() === '')) return;
    const documents = byPath.get(currentPath) ?? [];
    documents.push(current);
    byPath.set(currentPath, documents);
  };
  const sourceAt = (index: number): RegExpExecArray | null => SOURCE.exec((lines[index] ?? '').replace(/\r$/, ''));
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    // A `---` followed by `# Source:` starts a template's document; so does a `# Source:` at the top.
    const opens = SEPARATOR.test(line.replace(/\r$/, '')) && sourceAt(index + 1) !== null;
    const source = opens ? sourceAt(++index) : current.every((text) => text.trim() === '') ? sourceAt(index) : null;
    if (source) {
      flush();
      sawSource = true;
      currentPath = source[1] ?? path;
      current = [];
      continue;
    }
    current.push(line);
  }
  flush();
  if (!sawSource) return undefined;
  return [...byPath].map(([templatePath, documents]) => ({ path: templatePath, text: documents.map((lines) => lines.join('\n')).join('\n---\n') }));
}

/**
 * A file's contents parsed as one file, or, for a rendered Helm stream, as one file per template,
 * so that findings name the template and a `# ballast-ignore-file` in one template stays there.
 */
export function parseSplitting(path: string, input: string | Uint8Array, limits: InputLimits, rename: (source: string) => string = (source) => source): ParsedFile[] {
  if (typeof input !== 'string') {
    // Decoded here only when the bytes may be a stream: plain files go the usual way.
    if (!includesBytes(input, SOURCE_PATTERN)) return [parseBytes(path, input, limits)];
    const parsed = parseBytes(path, input, limits);
    if (parsed.problems.some((problem) => problem.ruleId !== 'parse-error' || problem.messageId !== 'syntax')) return [parsed];
    input = parsed.file.text;
  }
  const templates = input.length <= limits.maxFileBytes ? splitHelmStream(input, path) : undefined;
  if (!templates) return [parseText(path, input, limits)];
  return templates.map((template) => parseText(template.path === path ? path : rename(template.path), template.text, limits));
}

function includesBytes(bytes: Uint8Array, pattern: Uint8Array): boolean {
  const first = pattern[0] ?? 0;
  for (let at = bytes.indexOf(first); at !== -1; at = bytes.indexOf(first, at + 1)) {
    let k = 1;
    while (k < pattern.length && bytes[at + k] === pattern[k]) k++;
    if (k === pattern.length) return true;
  }
  return false;
}
