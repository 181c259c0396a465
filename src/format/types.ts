import type { LintResult } from '../types.js';

export interface FormatOptions {
  /** ANSI colours (the CLI decides from the TTY and `--color`; the formatter never looks). */
  color?: boolean;
  /** Include suppressed findings, marked as such. */
  showSuppressed?: boolean;
  /** Rule metadata lookups for formats that describe rules (SARIF). */
  ruleDocsBase?: string;
}

export type Formatter = (result: LintResult, options?: FormatOptions) => string;
