/**
 * Linting a repository whose folders have configs of their own and hold several clusters: each
 * declared cluster is linted as a set of its own (cross-document rules and cluster facts stay
 * inside it), and each file is judged under the config that applies to it (see node-config.ts).
 * A run with one config and no declared clusters is one set, streamed as before.
 */
import { dirname } from 'node:path';
import type { BallastConfig } from './engine/config.js';
import { compareFindings, countSeverity } from './engine/collector.js';
import { Linter, type LintOptions } from './engine/lint.js';
import type { ParsedFile } from './parse/source.js';
import type { Finding, InternalError, LintResult } from './types.js';
import type { ConfigResolver, FileScope } from './node-config.js';
import { lintInto, streamFiles, withoutIgnored, type SizedFile, type StreamOptions } from './node.js';

export interface ScopedLintOptions extends StreamOptions {
  ruleOverrides?: LintOptions['ruleOverrides'];
  only?: LintOptions['only'];
  kubernetesVersion?: string;
  /** Files read as context only (the neighbours of named files, see `neighbourFiles`): seen by cross-document rules, never reported. */
  contextFiles?: readonly SizedFile[];
  /**
   * The config file (absolute path) whose `ignore` the caller already applied to `files` (the
   * command's discovery does): its files are not matched against the same globs again, which cost
   * a run with `ignore` a second glob match of every file.
   */
  ignoreApplied?: string;
}

interface Group {
  files: SizedFile[];
  parsed: ParsedFile[];
  scopes: Map<string, FileScope>;
}

interface Part {
  findings: Finding[];
  files: number;
  documents: number;
  skipped?: LintResult['summary']['skipped'];
  internalErrors: InternalError[];
}

/** Lints `files` (read and parsed here) and `parsed` (rendered output, standard input), each in its scope. */
export async function lintScoped(files: readonly SizedFile[], parsed: readonly ParsedFile[], resolver: ConfigResolver, options: ScopedLintOptions): Promise<LintResult> {
  const scopeOf = new Map<string, FileScope>();
  for (const path of new Set([...files.map((file) => file.path), ...parsed.map((file) => file.file.path)])) scopeOf.set(path, await resolver.scopeOf(path));
  const kept = await withoutNestedIgnores(files, scopeOf, options.ignoreApplied);

  const groups = new Map<string, Group>();
  const groupOf = (path: string): Group => {
    const scope = scopeOf.get(path) as FileScope;
    let group = groups.get(scope.cluster ?? '');
    if (!group) {
      group = { files: [], parsed: [], scopes: new Map() };
      groups.set(scope.cluster ?? '', group);
    }
    group.scopes.set(scope.key, scope);
    return group;
  };
  for (const file of kept) groupOf(file.path).files.push(file);
  for (const file of parsed) groupOf(file.file.path).parsed.push(file);

  const context: ParsedFile[] = [];
  if (options.contextFiles?.length) await streamFiles(options.contextFiles, (batch) => context.push(...batch), options);
  const parts: Part[] = [];
  for (const group of groups.values()) {
    const lintOptions = (scope: FileScope): LintOptions => {
      const config = linterConfig(scope);
      return {
        ...(config ? { config } : {}),
        rules: scope.plugins,
        ...(options.ruleOverrides ? { ruleOverrides: options.ruleOverrides } : {}),
        ...(options.only ? { only: options.only } : {}),
        ...(options.kubernetesVersion !== undefined ? { kubernetesVersion: options.kubernetesVersion } : {}),
      };
    };
    const scopes = [...group.scopes.values()];
    if (scopes.length === 1) {
      const linter = new Linter(lintOptions(scopes[0] as FileScope));
      linter.add(group.parsed);
      await lintInto(linter, group.files, options);
      linter.addContext(context);
      const result = linter.finish();
      parts.push({ findings: result.findings, files: result.summary.files, documents: result.summary.documents, skipped: result.summary.skipped, internalErrors: result.internalErrors });
      continue;
    }
    // Several configs in one set: every config's checks see the whole set, and report on its own files.
    const all = [...group.parsed];
    await streamFiles(group.files, (batch) => all.push(...batch), options);
    parts.push({ findings: [], files: all.length, documents: all.reduce((sum, file) => sum + file.documentCount, 0), internalErrors: [] });
    for (const [index, scope] of scopes.entries()) {
      const linter = new Linter(lintOptions(scope));
      linter.add(all);
      linter.addContext(context);
      const result = linter.finish();
      // What was skipped is the same set whichever config looked: counted once.
      if (index === 0) parts.push({ findings: [], files: 0, documents: 0, skipped: result.summary.skipped, internalErrors: [] });
      const own = (finding: Finding): boolean => (scopeOf.get(finding.file) ?? scopes[0])?.key === scope.key;
      parts.push({ findings: result.findings.filter(own), files: 0, documents: 0, internalErrors: result.internalErrors });
    }
  }
  const findings = parts.flatMap((part) => part.findings).sort(compareFindings);
  const skipped: NonNullable<LintResult['summary']['skipped']> = {};
  for (const part of parts) {
    for (const [reason, count] of Object.entries(part.skipped ?? {}) as [keyof typeof skipped, number][]) skipped[reason] = (skipped[reason] ?? 0) + count;
  }
  return {
    findings,
    summary: {
      ...(Object.keys(skipped).length > 0 ? { skipped } : {}),
      files: parts.reduce((sum, part) => sum + part.files, 0),
      documents: parts.reduce((sum, part) => sum + part.documents, 0),
      errors: countSeverity(findings, 'error'),
      warnings: countSeverity(findings, 'warning'),
      infos: countSeverity(findings, 'info'),
      suppressed: findings.filter((finding) => finding.suppressed).length,
    },
    internalErrors: parts.flatMap((part) => part.internalErrors),
  };
}

/** A file's config, with the facts of the cluster it is in (declared by the nearest config that has them). */
function linterConfig(scope: FileScope): BallastConfig | undefined {
  const cluster = scope.clusterConfig?.cluster ?? scope.config?.cluster;
  if (!scope.config) return cluster ? { cluster } : undefined;
  return cluster ? { ...scope.config, cluster } : scope.config;
}

/** The `ignore` of a config below the working directory applies to the files under it too. */
async function withoutNestedIgnores(files: readonly SizedFile[], scopes: ReadonlyMap<string, FileScope>, applied: string | undefined): Promise<SizedFile[]> {
  const byConfig = new Map<string, SizedFile[]>();
  const kept: SizedFile[] = [];
  for (const file of files) {
    const scope = scopes.get(file.path);
    if (!scope?.configPath || !scope.config?.ignore?.length || scope.configPath === applied) kept.push(file);
    else {
      const group = byConfig.get(scope.configPath);
      if (group) group.push(file);
      else byConfig.set(scope.configPath, [file]);
    }
  }
  for (const [configPath, group] of byConfig) {
    const ignore = scopes.get(group[0]?.path ?? '')?.config?.ignore ?? [];
    const survivors = new Set(
      await withoutIgnored(
        group.map((file) => file.absolute),
        ignore,
        dirname(configPath),
      ),
    );
    kept.push(...group.filter((file) => survivors.has(file.absolute)));
  }
  return kept;
}
