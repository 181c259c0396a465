import { builtinRules } from '../../rules/index.js';
import type { AnyRule } from '../engine/rule.js';
import { REPOSITORY_URL, ruleDocsUrl, VERSION } from '../project.js';
import type { Finding, LintResult, Position, Severity } from '../types.js';
import { fingerprint } from './fingerprint.js';
import { shownFindings, truncationNotice, type Truncation } from './shown.js';
import type { FormatOptions } from './types.js';

/**
 * SARIF 2.1.0 (OASIS), the format GitHub code scanning and other dashboards import. Only the
 * parts ballast fills are typed here; src/format/sarif.test.ts checks the output with
 * Microsoft's SARIF validator.
 */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
/** Paths in findings are relative to the working directory the CLI ran in: the repository root in CI. */
export const SOURCE_ROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'ballastObject/v1';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Readonly<Record<Severity, SarifLevel>> = { error: 'error', warning: 'warning', info: 'note' };

interface Text {
  text: string;
}

interface PhysicalLocation {
  artifactLocation: { uri: string; uriBaseId?: string };
  region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
}

export interface SarifReportingDescriptor {
  id: string;
  name: string;
  shortDescription: Text;
  fullDescription: Text;
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel; enabled: boolean };
  properties: { category: string; tags: string[] };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: Text;
  locations: { physicalLocation: PhysicalLocation; logicalLocations?: { name: string; fullyQualifiedName: string; kind: string }[] }[];
  relatedLocations?: { id: number; physicalLocation: PhysicalLocation; message: Text }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: 'inSource'; justification?: string }[];
}

interface Notification {
  level: 'error' | 'warning';
  message: Text;
  associatedRule?: { id: string; index?: number };
}

export interface SarifLog {
  $schema: string;
  version: typeof SARIF_VERSION;
  runs: {
    tool: { driver: { name: string; fullName: string; version: string; semanticVersion: string; informationUri: string; rules: SarifReportingDescriptor[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: Notification[] }[];
    originalUriBaseIds?: Record<string, { uri: string }>;
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
  }[];
}

export function formatSarif(result: LintResult, options: FormatOptions = {}): string {
  return [...formatSarifChunks(result, options)].join('');
}

/**
 * The log in pieces of `chunkResults` results, byte for byte `JSON.stringify(toSarif(…), null, 2)`:
 * a run with a million findings makes more text than one JavaScript string can hold (~512 MB),
 * which ended the run with exit 2, so the command writes the pieces as they come. Results are made
 * a piece at a time too: the whole list of result objects is never held.
 */
export function* formatSarifChunks(result: LintResult, options: FormatOptions = {}, chunkResults = 1_000): Generator<string> {
  const { results, count, ...log } = sarifParts(result, options);
  // `results` is the last property of the one run: what surrounds it comes from stringifying the log without results.
  const empty = JSON.stringify({ ...log, runs: [{ ...log.runs[0], results: [] }] }, null, 2);
  const marker = empty.lastIndexOf('"results": []');
  const head = `${empty.slice(0, marker)}"results": [`;
  const tail = `]${empty.slice(marker + '"results": ['.length + 1)}\n`;
  if (count === 0) {
    yield `${head}${tail}`;
    return;
  }
  let prefix = head;
  for (let from = 0; from < count; from += chunkResults) {
    // A slice stringified as a list is `[\n  {…},\n  {…}\n]`: keep what is between the brackets, three levels deeper.
    const list = JSON.stringify(results(from, Math.min(count, from + chunkResults)), null, 2);
    yield `${prefix}${from === 0 ? '' : ','}\n        ${list.slice(4, -2).replaceAll('\n', '\n      ')}`;
    prefix = '';
  }
  yield `\n      ${tail}`;
}

/**
 * The log as an object. Every known rule is listed (not only those that fired) so that a
 * consumer can tell "checked and clean" from "not checked" and close fixed alerts. Suppressed
 * findings follow `showSuppressed` like the other formats: GitHub code scanning does not
 * dismiss alerts for results that carry `suppressions`, so emitting them by default would open
 * alerts for what the user deliberately silenced.
 */
export function toSarif(result: LintResult, options: FormatOptions = {}): SarifLog {
  const { results, count, ...log } = sarifParts(result, options);
  const run = log.runs[0];
  return { ...log, runs: [{ ...run, results: results(0, count) }] };
}

type SarifRun = SarifLog['runs'][number];

/** The log without its results, and a maker of results `from`..`to` (so that they can be made a piece at a time). */
function sarifParts(
  result: LintResult,
  options: FormatOptions,
): { $schema: string; version: typeof SARIF_VERSION; runs: [Omit<SarifRun, 'results'>]; results: (from: number, to: number) => SarifResult[]; count: number } {
  const descriptors = ruleDescriptors(options.rules ?? builtinRules, result.findings, options.ruleDocsBase);
  const indexById = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));
  const { findings: shown, truncation } = shownFindings(result, options);
  const fingerprints = fingerprintsOf(shown);
  const fixById = new Map((options.rules ?? builtinRules).map((rule) => [rule.meta.id, rule.meta.fix]));
  const toResult = (finding: Finding, index: number): SarifResult => ({
    ruleId: finding.ruleId,
    ruleIndex: indexById.get(finding.ruleId) ?? -1,
    level: LEVEL[finding.severity],
    message: { text: resultMessage(finding, fixById.get(finding.ruleId)) },
    locations: [{ physicalLocation: physicalLocation(finding.file, finding.start, finding.end), ...logicalLocations(finding) }],
    ...(finding.related?.length
      ? {
          relatedLocations: finding.related.map((related, relatedIndex) => ({
            id: relatedIndex + 1,
            physicalLocation: physicalLocation(related.file, related.start, related.end),
            message: { text: related.message },
          })),
        }
      : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[index] ?? '' },
    ...(finding.suppressed ? { suppressions: [{ kind: 'inSource' as const, ...(finding.suppressed.reason ? { justification: finding.suppressed.reason } : {}) }] } : {}),
  });
  return {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: { driver: { name: 'ballast', fullName: `ballast ${VERSION}`, version: VERSION, semanticVersion: VERSION, informationUri: REPOSITORY_URL, rules: descriptors } },
        invocations: [invocation(result, indexById, truncation)],
        ...(options.rootUri ? { originalUriBaseIds: { [SOURCE_ROOT]: { uri: withTrailingSlash(options.rootUri) } } } : {}),
        columnKind: 'utf16CodeUnits',
      },
    ],
    results: (from, to) => shown.slice(from, to).map((finding, offset) => toResult(finding, from + offset)),
    count: shown.length,
  };
}

/** A rule that threw is a tool execution notification tied to that rule; the run did not complete. */
function invocation(result: LintResult, indexById: ReadonlyMap<string, number>, truncation: Truncation | undefined): SarifRun['invocations'][number] {
  // A capped run still succeeded; the notice says what the log leaves out.
  const notices: Notification[] = truncation ? [{ level: 'warning', message: { text: truncationNotice(truncation) } }] : [];
  if (result.internalErrors.length === 0) return { executionSuccessful: true, ...(notices.length > 0 ? { toolExecutionNotifications: notices } : {}) };
  return {
    executionSuccessful: false,
    toolExecutionNotifications: [
      ...result.internalErrors.map((error): Notification => {
        const index = indexById.get(error.ruleId);
        return {
          level: 'error',
          message: { text: `Rule ${error.ruleId} failed${error.file ? ` on ${error.file}` : ''}: ${error.message}` },
          associatedRule: { id: error.ruleId, ...(index !== undefined ? { index } : {}) },
        };
      }),
      ...notices,
    ],
  };
}

/** The rule's own fix is in its help text; a fix specific to this report goes into the message. */
function resultMessage(finding: Finding, ruleFix: string | undefined): string {
  return finding.fix && finding.fix !== ruleFix ? `${finding.message} Fix: ${finding.fix}` : finding.message;
}

const BUILTIN_IDS = new Set(builtinRules.map((rule) => rule.meta.id));

/** Where a rule's page is: a plugin's `docs`, a built-in rule's page in docs/rules, else nowhere. */
export function ruleHelpUri(rule: AnyRule, docsBase?: string): string | undefined {
  return rule.meta.docs ?? (BUILTIN_IDS.has(rule.meta.id) ? ruleDocsUrl(rule.meta.id, docsBase) : undefined);
}

function ruleDescriptors(rules: readonly AnyRule[], findings: readonly Finding[], docsBase: string | undefined): SarifReportingDescriptor[] {
  const seen = new Set<string>();
  const descriptors: SarifReportingDescriptor[] = [];
  for (const rule of rules) {
    if (seen.has(rule.meta.id)) continue;
    seen.add(rule.meta.id);
    descriptors.push(describeRule(rule, ruleHelpUri(rule, docsBase)));
  }
  // A finding from a rule the caller did not list (a plugin passed to lint but not here) still needs a descriptor.
  for (const finding of findings) {
    if (seen.has(finding.ruleId)) continue;
    seen.add(finding.ruleId);
    descriptors.push(unknownRule(finding.ruleId));
  }
  return descriptors;
}

function describeRule(rule: AnyRule, url: string | undefined): SarifReportingDescriptor {
  const { meta } = rule;
  const link = url ? `\n\nDocumentation: ${url}` : '';
  const markdownLink = url ? `\n\n[Documentation](${url})` : '';
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.summary },
    fullDescription: { text: meta.rationale },
    help: {
      text: `${meta.summary}\n\nWhy: ${meta.rationale}\n\nFix: ${meta.fix}${link}`,
      markdown: `**${meta.summary}**\n\n${meta.rationale}\n\n**Fix:** ${meta.fix}${markdownLink}`,
    },
    ...(url ? { helpUri: url } : {}),
    defaultConfiguration: { level: LEVEL[meta.severity], enabled: meta.recommended !== false },
    properties: { category: meta.category, tags: ['kubernetes', meta.category] },
  };
}

function unknownRule(id: string): SarifReportingDescriptor {
  const text = `Reported by ${id}.`;
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text },
    fullDescription: { text },
    help: { text, markdown: text },
    defaultConfiguration: { level: 'warning', enabled: true },
    properties: { category: 'plugin', tags: ['kubernetes'] },
  };
}

/**
 * Code scanning matches a result to an existing alert by `partialFingerprints`. Line numbers
 * are left out on purpose: adding a container above a Deployment moves every finding below it,
 * and a line-based fingerprint would close and reopen all of them. What identifies a finding
 * across edits is the rule, the file, the Kubernetes object it is about and the kind of
 * problem (messageId); findings that share all of these (one per container, say) are told apart
 * by their order within the object, which unrelated edits elsewhere do not change.
 */
function fingerprintsOf(findings: readonly Finding[]): string[] {
  const occurrences = new Map<string, number>();
  return findings.map((finding) => {
    const object = finding.object;
    const identity = object ? [object.kind, object.namespace ?? '', object.name ?? ''] : [`document ${finding.document}`];
    const key = [finding.ruleId, finding.file, ...identity, finding.messageId].join('\u0000');
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    return `${fingerprint(key)}:${occurrence}`;
  });
}

function logicalLocations(finding: Finding): { logicalLocations?: { name: string; fullyQualifiedName: string; kind: string }[] } {
  const object = finding.object;
  if (!object?.name) return {};
  const qualified = [object.namespace, object.kind, object.name].filter((part) => part !== undefined && part !== '').join('/');
  return { logicalLocations: [{ name: object.name, fullyQualifiedName: qualified, kind: 'resource' }] };
}

function physicalLocation(file: string, start: Position, end: Position): PhysicalLocation {
  return {
    artifactLocation: artifactLocation(file),
    region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
  };
}

/** Relative paths resolve against %SRCROOT%; absolute ones (files outside the cwd) become file: URIs. */
function artifactLocation(file: string): PhysicalLocation['artifactLocation'] {
  const path = file.replaceAll('\\', '/');
  const drive = /^[A-Za-z]:\//.test(path);
  if (path.startsWith('/') || drive) return { uri: `file://${drive ? '/' : ''}${encodePath(path)}` };
  return { uri: encodePath(path), uriBaseId: SOURCE_ROOT };
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment, index) => (index === 0 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
}

function withTrailingSlash(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
