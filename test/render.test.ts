/**
 * Rendering in the Node layer with the real `kubectl kustomize` (or `kustomize build`): overlays are
 * linted as rendered and findings land on the bases, patches and components a user edits.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Linter } from '../src/engine/lint.js';
import { DEFAULT_LIMITS } from '../src/parse/limits.js';
import { discoverFiles, parseFiles } from '../src/node.js';
import { findExecutable, renderInputs } from '../src/node-render.js';
import type { LintResult } from '../src/types.js';

const fixtures = resolve(import.meta.dirname, 'fixtures');
const kustomize = findExecutable('kustomize') ?? findExecutable('kubectl');

async function lintRendered(paths: string[], path?: string): Promise<{ result: LintResult; notes: string[] }> {
  const notes: string[] = [];
  const files = await discoverFiles(paths, { cwd: fixtures });
  const rendering = renderInputs(files, { cwd: fixtures, limits: DEFAULT_LIMITS, note: (message) => notes.push(message), ...(path !== undefined ? { path } : {}) });
  const linter = new Linter();
  linter.add(rendering.parsed);
  linter.add(await parseFiles(rendering.files, fixtures));
  return { result: rendering.attribute(linter.finish()), notes };
}

/** The 1-based line of the first line of a fixture file that contains `text`. */
function lineOf(file: string, text: string): number {
  return (
    readFileSync(join(fixtures, file), 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(text)) + 1
  );
}

function where(result: LintResult, ruleId: string): string[] {
  return result.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => `${finding.file}:${finding.start.line} ${finding.object?.namespace ?? ''}/${finding.object?.name ?? ''}`);
}

describe.skipIf(!kustomize)('Kustomize overlays, rendered for real (skipped: no kubectl or kustomize on PATH)', async () => {
  const { result } = kustomize ? await lintRendered(['kustomize']) : { result: undefined as never };

  it('reports a field set by an overlay patch on the patch', () => {
    expect(where(result, 'replicas-min')).toEqual([`kustomize/overlays/prod/replicas.yaml:${lineOf('kustomize/overlays/prod/replicas.yaml', 'replicas: 1')} prod/prod-web`]);
  });

  it('reports a field added by a component JSON 6902 patch on that patch', () => {
    expect(where(result, 'probe-port-unknown')).toEqual([`kustomize/components/probes/startup-probe.yaml:${lineOf('kustomize/components/probes/startup-probe.yaml', 'port: metrics')} prod/prod-web`]);
  });

  it('reports a field of the base on the base, once per overlay that renders it, with the namespace the overlay gives', () => {
    const line = lineOf('kustomize/base/deployment.yaml', 'image: nginx:latest');
    expect(where(result, 'image-tag-mutable')).toEqual([`kustomize/base/deployment.yaml:${line} prod/prod-web`, `kustomize/base/deployment.yaml:${line} staging/web`]);
  });

  it('sees the rendered objects together: the base PDB covers each overlay after the namespace transform', () => {
    expect(where(result, 'pdb-missing')).toEqual([]);
  });

  it('does not lint bases, patches and components on their own', () => {
    expect(result.findings.filter((finding) => finding.object?.namespace === undefined && finding.ruleId !== 'not-rendered')).toEqual([]);
    expect(result.findings.some((finding) => finding.ruleId === 'invalid-field-type')).toBe(false);
  });

  it("turns a failed render into one finding on the kustomization.yaml with kustomize's message", () => {
    const failures = result.findings.filter((finding) => finding.ruleId === 'not-rendered');
    expect(failures.map((finding) => [finding.file, finding.severity, finding.messageId])).toEqual([['kustomize/broken/kustomization.yaml', 'error', 'failed']]);
    expect(failures[0]?.message).toContain('missing.yaml');
  });
});

describe('without a kustomize binary', () => {
  it('says so once and lints the files as they are', async () => {
    const files = await discoverFiles(['kustomize'], { cwd: fixtures });
    const notes: string[] = [];
    const rendering = renderInputs(files, { cwd: fixtures, limits: DEFAULT_LIMITS, note: (message) => notes.push(message), path: '' });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/no kustomize or kubectl on PATH/);
    expect(rendering.files).toEqual(files);
    expect(rendering.parsed).toEqual([]);
  });
});

describe('Helm charts', () => {
  const bin = mkdtempSync(join(tmpdir(), 'ballast-helm-'));
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  it('skips a chart with one info note naming the command that renders it when helm is not on PATH', async () => {
    const { result } = await lintRendered(['helm'], '');
    expect(result.findings.map((finding) => [finding.file, finding.ruleId, finding.severity])).toEqual([['helm/web/Chart.yaml', 'not-rendered', 'info']]);
    expect(result.findings[0]?.message).toContain('helm template helm/web | ballast -');
  });

  it('renders a chart with helm template when helm is on PATH, and reports on the templates', async () => {
    // A stand-in for helm (not installed here) that prints what `helm template web helm/web` prints.
    writeFileSync(
      join(bin, 'helm'),
      `#!/bin/sh\ncat <<'EOF'\n---\n# Source: web/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27.0\nEOF\n`,
    );
    chmodSync(join(bin, 'helm'), 0o755);
    const { result } = await lintRendered(['helm'], bin);
    expect(where(result, 'replicas-min')).toEqual(['helm/web/templates/deployment.yaml:6 /web']);
    expect(result.findings.some((finding) => finding.ruleId === 'parse-error' || finding.ruleId === 'not-rendered')).toBe(false);
  });

  it("ends helm's options at --, so a chart named like an option cannot add one (--post-renderer runs a program)", async () => {
    const charts = mkdtempSync(join(tmpdir(), 'ballast-charts-'));
    try {
      mkdirSync(join(charts, 'evil', 'templates'), { recursive: true });
      writeFileSync(join(charts, 'evil', 'Chart.yaml'), 'apiVersion: v2\nname: --post-renderer=./pwn.sh\nversion: 1.0.0\n');
      writeFileSync(join(charts, 'evil', 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
      mkdirSync(join(charts, 'web', 'templates'), { recursive: true });
      writeFileSync(join(charts, 'web', 'Chart.yaml'), 'apiVersion: v2\nname: web\nversion: 1.0.0\n');
      writeFileSync(join(charts, 'web', 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
      // A stand-in for helm that records its arguments, one per line.
      writeFileSync(join(bin, 'helm'), `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done >> ${JSON.stringify(join(charts, 'argv'))}\necho '---' >> ${JSON.stringify(join(charts, 'argv'))}\n`);
      chmodSync(join(bin, 'helm'), 0o755);
      const files = await discoverFiles(['.'], { cwd: charts });
      renderInputs(files, { cwd: charts, limits: DEFAULT_LIMITS, helmValues: ['values.yaml'], note: () => undefined, path: bin });
      const calls = readFileSync(join(charts, 'argv'), 'utf8')
        .split('---\n')
        .filter(Boolean)
        .map((call) => call.trimEnd().split('\n'));
      expect(calls.map((argv) => argv.slice(0, 4))).toEqual([
        ['template', '--values', join(charts, 'values.yaml'), '--'],
        ['template', '--values', join(charts, 'values.yaml'), '--'],
      ]);
      expect(calls.map((argv) => argv.slice(4))).toEqual([
        ['release', join(charts, 'evil')],
        ['web', join(charts, 'web')],
      ]);
    } finally {
      rmSync(charts, { recursive: true, force: true });
    }
  });
});
