import type { CST } from 'yaml';

/** A place where go-yaml refuses the stream's document structure, in the document at `document`. */
export interface StructureRefusal {
  document: number;
  offset: number;
  message: string;
}

/**
 * go-yaml's rules for documents in a stream where `yaml` (YAML 1.2) is more lenient, found on
 * the top-level CST tokens (parserc.go `yaml_parser_parse_document_start`, scannerc.go
 * `yaml_parser_scan_directive`):
 * - the first document is implicit unless it starts with `---`, and `...` is no node content:
 *   a stream that opens with `...` is refused;
 * - after `...` only more `...` (skipped, no document), directives or `---` may follow: a bare
 *   document there is refused;
 * - a directive needs a document with `---` after it;
 * - `%TAG` handles hold for the next document only.
 * Returns the documents `yaml` made of skipped `...` markers, and the first refusal.
 */
export function goDocumentStructure(tokens: readonly CST.Token[], text: string): { skipped: Set<number>; refusal: StructureRefusal | undefined } {
  const skipped = new Set<number>();
  const namedHandles = /![\w-]+!/.test(text);
  let index = -1;
  let ended = false;
  let directive: number | undefined;
  let handles = new Set<string>();
  const refuse = (document: number, offset: number, message: string): { skipped: Set<number>; refusal: StructureRefusal } => ({ skipped, refusal: { document, offset, message } });
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at];
    if (!token) continue;
    if (token.type === 'directive') {
      directive ??= token.offset;
      const handle = /^%TAG[ \t]+(\S+)/.exec(token.source)?.[1];
      if (handle) handles.add(handle);
      continue;
    }
    if (token.type === 'doc-end') {
      // `yaml` gives a `...` no document of its own only when it closes one.
      if (index === -1) return refuse(0, token.offset, 'a "..." document end before any document, which Kubernetes\' YAML decoder refuses');
      ended = true;
      continue;
    }
    if (token.type !== 'document') continue;
    index++;
    const explicit = token.start.some((part) => part.type === 'doc-start');
    if (!explicit) {
      const onlyAnEnd = token.value === undefined && tokens[at + 1]?.type === 'doc-end';
      if (index === 0 && onlyAnEnd) return refuse(index, tokens[at + 1]?.offset ?? token.offset, 'a stream that opens with "...", which Kubernetes\' YAML decoder refuses');
      if (ended && onlyAnEnd) {
        skipped.add(index);
        continue;
      }
      if (ended) return refuse(index, token.offset, 'a document after "..." without "---", which Kubernetes\' YAML decoder refuses');
      if (directive !== undefined) return refuse(index, directive, 'a directive without "---" after it, which Kubernetes\' YAML decoder refuses');
    }
    const undeclared = namedHandles ? undeclaredTag(token, handles) : undefined;
    if (undeclared !== undefined) return refuse(index, undeclared, "a tag handle not declared by a %TAG directive of its own document, which Kubernetes' YAML decoder refuses");
    ended = false;
    directive = undefined;
    handles = new Set();
  }
  if (directive !== undefined) return refuse(index + 1, directive, "a directive with no document after it, which Kubernetes' YAML decoder refuses");
  return { skipped, refusal: undefined };
}

/** Offset of a tag with a named handle (`!x!a`) that `handles` does not declare. */
function undeclaredTag(document: CST.Document, handles: ReadonlySet<string>): number | undefined {
  const stack: unknown[] = [document];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (next === null || typeof next !== 'object') continue;
    if (Array.isArray(next)) {
      stack.push(...(next as unknown[]));
      continue;
    }
    const token = next as { type?: string; source?: string; offset?: number };
    if (token.type === 'tag' && typeof token.source === 'string') {
      const handle = /^![\w-]+!/.exec(token.source)?.[0];
      if (handle && !handles.has(handle)) return token.offset;
    }
    for (const value of Object.values(next)) if (value !== null && typeof value === 'object') stack.push(value);
  }
  return undefined;
}
