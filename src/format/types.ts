import type { Severity } from '../types.js';
import type { AnyRule } from '../engine/rule.js';
import type { LintResult } from '../types.js';

export interface FormatOptions {
  /** ANSI colours (the CLI decides from the TTY and `--color`; the formatter never looks). */
  color?: boolean;
  /** Include suppressed findings, marked as such. */
  showSuppressed?: boolean;
  /** Print each finding's fix (stylish; default true): off for compact output. */
  showFix?: boolean;
  /** Every rule of the run, plugins included, for formats that describe rules (SARIF); default the built-in ones. */
  rules?: readonly AnyRule[];
  /** Base URL of the built-in rules' pages (default: docs/rules on the main branch of the repository). */
  ruleDocsBase?: string;
  /** `file:` URI of the directory finding paths are relative to (SARIF's %SRCROOT%); the CLI passes its cwd. */
  rootUri?: string;
  /** The severity from which a finding fails the run (`--fail-on`); JUnit reports only those as failures (default: all). */
  failOn?: Severity;
  /**
   * At most this many findings in the report, the most severe kept, with a notice saying how many
   * were left out (0 or undefined: all). The CLI fills it per format (see `DEFAULT_MAX_RESULTS`).
   */
  maxResults?: number;
}

export type Formatter = (result: LintResult, options?: FormatOptions) => string;
