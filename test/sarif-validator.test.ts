/**
 * Checks ballast's SARIF with Microsoft's SARIF validator (@microsoft/sarif-multitool, a
 * self-contained .NET binary shipped in the npm package): the schema, the SARIF rules, and the
 * GitHub code scanning ingestion rules (test/sarif/github-policy.xml).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { lint } from '../src/engine/lint.js';
import { defineRule } from '../src/engine/rule.js';
import { validateConfig } from '../src/engine/load-config.js';
import { toSarif, type SarifLog } from '../src/format/sarif.js';
import { discoverFiles } from '../src/node.js';
import { loadFixtureCases } from './support/fixtures.js';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '../shared/corpus');
const policy = join(root, 'test/sarif/github-policy.xml');
const work = mkdtempSync(join(tmpdir(), 'ballast-sarif-'));

/** GitHub's published limits per run ("SARIF results exceed soft limits"); the validator's GH1004 knows older ones. */
const GITHUB_MAX_RESULTS = 25_000;
const GITHUB_MAX_RULES = 25_000;

function validatorBinary(): string | undefined {
  try {
    const binary = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

interface Problem {
  level: string;
  ruleId: string;
  text: string;
}

function validate(binary: string, files: readonly string[]): Problem[] {
  const report = join(work, `report-${Date.now()}.sarif`);
  execFileSync(binary, ['validate', '--config', policy, '--rule-kind', 'Sarif;Gh;Ghas', '--log', 'ForceOverwrite', '--output', report, ...files], {
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  const log = JSON.parse(readFileSync(report, 'utf8')) as { runs: { results?: { level?: string; ruleId: string; message: { text?: string } }[] }[] };
  return (log.runs[0]?.results ?? []).map((result) => ({ level: result.level ?? 'warning', ruleId: result.ruleId, text: result.message.text ?? '' }));
}

function write(name: string, log: SarifLog): string {
  expect(log.runs[0]?.results.length ?? 0).toBeLessThanOrEqual(GITHUB_MAX_RESULTS);
  expect(log.runs[0]?.tool.driver.rules.length ?? 0).toBeLessThanOrEqual(GITHUB_MAX_RULES);
  const path = join(work, `${name.replace(/[^\w.-]+/g, '_')}.sarif`);
  writeFileSync(path, JSON.stringify(log));
  return path;
}

const binary = validatorBinary();
const missing = binary ? undefined : '@microsoft/sarif-multitool is not installed for this platform (npm ci installs it on Linux, macOS and Windows)';

afterAll(() => {
  if (!process.env.KEEP) rmSync(work, { recursive: true, force: true });
});

describe('SARIF validator', () => {
  it('accepts the SARIF of every fixture case, suppressed findings included', (context) => {
    if (!binary) return context.skip(missing);
    const cases = loadFixtureCases(join(root, 'fixtures'), root);
    // One log for all cases: the validator pays about 0.2 s per file, and every case's run has the same driver.
    const logs = cases.map((fixture) => {
      const config = fixture.config ? validateConfig(fixture.config) : undefined;
      const result = lint(
        fixture.files.map((file) => ({ path: file.path, bytes: file.bytes })),
        { only: fixture.rules, ...(config ? { config } : {}), ...(fixture.kubeVersion ? { kubernetesVersion: fixture.kubeVersion } : {}), ...(fixture.limits ? { limits: fixture.limits } : {}) },
      );
      return toSarif(result, { showSuppressed: true, rootUri: pathToFileURL(root).href });
    });
    const [combined] = logs;
    const run = combined?.runs[0];
    if (!combined || !run) throw new Error('no fixture cases');
    run.results = logs.flatMap((log) => log.runs[0]?.results ?? []);
    // A rule that throws: the run reports it as a tool execution notification.
    const failing = defineRule<'never'>({
      meta: {
        id: 'example/always-throws',
        scope: 'object',
        category: 'workload',
        severity: 'error',
        summary: 's',
        rationale: 'r',
        fix: 'f',
        appliesTo: ['*'],
        since: '0.1.0',
        messages: { never: 'never' },
        docs: 'https://example.com/always-throws',
      },
      checkObject() {
        throw new Error('boom');
      },
    });
    const crashed = toSarif(lint([{ path: 'a.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n' }], { rules: [failing], only: ['example/always-throws'] }), {
      rules: [...builtinRules, failing],
    });
    run.invocations = crashed.runs[0]?.invocations ?? [];
    run.tool.driver.rules = crashed.runs[0]?.tool.driver.rules ?? [];
    expect(run.invocations[0]?.executionSuccessful).toBe(false);
    expect(run.results.some((result) => result.suppressions)).toBe(true);
    expect(run.results.some((result) => result.relatedLocations)).toBe(true);
    expect(validate(binary, [write('fixtures', combined)])).toEqual([]);
  });

  it('accepts the SARIF of the real-world corpus', async (context) => {
    if (!binary) return context.skip(missing);
    if (!existsSync(corpus)) return context.skip(`no corpus at ${corpus}`);
    const cwd = dirname(corpus);
    const paths = await discoverFiles(['corpus'], { cwd });
    const result = lint(paths.map((path) => ({ path, bytes: readFileSync(join(cwd, path)) })));
    expect(result.findings.length).toBeGreaterThan(0);
    const file = write('corpus', toSarif(result, { showSuppressed: true, rootUri: pathToFileURL(cwd).href }));
    expect(validate(binary, [file])).toEqual([]);
  });

  it('reports what it finds (the validator is really checking)', (context) => {
    if (!binary) return context.skip(missing);
    const broken = toSarif(
      lint(
        [
          {
            path: 'a.yaml',
            text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: a }\nspec: { replicas: 1, selector: { matchLabels: { app: a } }, template: { metadata: { labels: { app: a } }, spec: { containers: [{ name: a, image: "a:1" }] } } }\n',
          },
        ],
        { only: ['replicas-min'] },
      ),
    );
    const result = broken.runs[0]?.results[0];
    if (result) result.locations[0] = { physicalLocation: { artifactLocation: { uri: 'https://example.com/a.yaml' } } } as never;
    expect(validate(binary, [write('broken', broken)]).map((problem) => problem.ruleId)).toEqual(expect.arrayContaining(['GH1003', 'GH1005']));
  });
});
