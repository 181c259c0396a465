/** Public types shared by every layer. Re-exported from src/index.ts. */
import type { SkipReason } from './model/fragment.js';

export type { FragmentReason, SkipReason } from './model/fragment.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** 1-based line and column; columns count UTF-16 code units, as SARIF and editors do. */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A step into a parsed document: a mapping key or a sequence index. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export type Category = 'workload' | 'node' | 'control-plane' | 'addon' | 'input';

export interface ObjectRef {
  apiVersion?: string;
  kind: string;
  name?: string;
  namespace?: string;
}

export interface RelatedLocation {
  file: string;
  start: Position;
  end: Position;
  message: string;
}

export interface Suppression {
  kind: 'annotation' | 'comment';
  reason?: string;
}

export interface Finding {
  ruleId: string;
  /** Key into the rule's `meta.messages`; stable across wording changes, so tests compare it. */
  messageId: string;
  severity: Severity;
  message: string;
  fix?: string;
  file: string;
  start: Position;
  end: Position;
  /** 0-based index of the YAML document in its file. */
  document: number;
  /** The field the finding is about within its object, e.g. `spec.template.spec.containers[0]` (a baseline's key, with no line number). */
  field?: string;
  object?: ObjectRef;
  related?: RelatedLocation[];
  /** Set when a suppression matched; such findings do not count towards the exit code. */
  suppressed?: Suppression;
}

export interface Summary {
  files: number;
  documents: number;
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
  /**
   * Documents and objects not linted as objects, by reason: fragments (patches, drop-ins,
   * workloads without a pod template…), JSON6902 patch files and non-Kubernetes YAML. Absent
   * when nothing was skipped.
   */
  skipped?: Partial<Record<SkipReason, number>>;
  /**
   * Files the command's discovery left out, by reason (see `LeftOut` in `ballast/node`): set by the
   * CLI, absent when none. The library, given its inputs, leaves it out.
   */
  skippedFiles?: Partial<Record<FileSkipReason, number>>;
}

/** Why a walk or the config left a file out: .gitignore, the config's `ignore`, a dot name, refused for safety, not a manifest. */
export type FileSkipReason = 'gitignore' | 'ignore' | 'hidden' | 'unsafe' | 'not-manifest';

/** A rule that threw. The engine keeps going; the CLI turns these into exit code 2. */
export interface InternalError {
  ruleId: string;
  file?: string;
  message: string;
}

export interface LintResult {
  findings: Finding[];
  summary: Summary;
  internalErrors: InternalError[];
}
