export interface InputLimits {
  /** Largest file read, in bytes. */
  maxFileBytes: number;
  /** Deepest nesting of mappings and sequences converted into values. */
  maxDepth: number;
  /** Most nodes that aliases may expand to in one document (defuses "billion laughs"). */
  maxAliasNodes: number;
}

export const DEFAULT_LIMITS: Readonly<InputLimits> = {
  maxFileBytes: 10 * 1024 * 1024,
  maxDepth: 200,
  maxAliasNodes: 100_000,
};

/**
 * The `yaml` package recurses while composing and, on very deep input, aborts the whole
 * process from inside the regular-expression engine (not a catchable error). Text nested
 * beyond these bounds is therefore refused before it reaches the parser.
 */
export const MAX_FLOW_DEPTH = 500;
const MAX_INDENT_COLUMNS = 1000;

/** Offset of the first place where nesting goes beyond what the parser survives, if any. */
export function findExcessiveNesting(text: string): number | undefined {
  let flowDepth = 0;
  let lineStart = true;
  let indent = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      // Block nesting shows as indentation, including compact "- - -" and "? " indicators.
      if (c === 32 || c === 9 || c === 45 /* - */ || c === 63 /* ? */) {
        if (++indent > MAX_INDENT_COLUMNS) return i;
        continue;
      }
      lineStart = false;
      // A line starting at column 0 is a new top-level node: no flow collection spans it, so
      // stray brackets in earlier plain scalars must not accumulate.
      if (indent === 0 && c !== 93 && c !== 125) flowDepth = 0;
    }
    if (quote !== 0) {
      if (c === quote) quote = 0;
      continue;
    }
    if (c === 35 /* # */ && (i === 0 || text.charCodeAt(i - 1) <= 32)) {
      const eol = text.indexOf('\n', i);
      if (eol === -1) break;
      i = eol - 1;
    } else if (flowDepth > 0 && (c === 34 || c === 39)) {
      quote = c;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++flowDepth > MAX_FLOW_DEPTH) return i;
    } else if ((c === 93 || c === 125) && flowDepth > 0) {
      flowDepth--;
    }
  }
  return undefined;
}
