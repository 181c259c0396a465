import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../../src/parse/limits.js';
import { parseYamlFile } from '../../src/parse/yaml.js';

/**
 * Kubernetes' YAML decoder as a test oracle: yaml2json.go (go-yaml v2 plus sigs.k8s.io/yaml's
 * JSON conversion), built from Debian's golang-go and golang-gopkg-yaml.v2-dev into a temporary
 * directory once per test process. `.ci/run` installs both packages.
 */
export interface OracleResult {
  /** One JSON value per document (null for an empty one). */
  docs?: unknown[];
  /** Set when Kubernetes would reject the text. */
  error?: string;
}

const GOPATH = '/usr/share/gocode';
const YAML_V2 = join(GOPATH, 'src/gopkg.in/yaml.v2');
const SOURCE = join(import.meta.dirname, 'yaml2json.go');

let binary: string | undefined;

/** Why the oracle cannot run here, or undefined when it can. */
export function oracleUnavailable(): string | undefined {
  if (spawnSync('go', ['version'], { encoding: 'utf8' }).status !== 0) return 'the Go toolchain is absent (apt-get install golang-go)';
  if (!existsSync(YAML_V2)) return `go-yaml v2 source is absent at ${YAML_V2} (apt-get install golang-gopkg-yaml.v2-dev)`;
  return undefined;
}

function build(): string {
  if (binary) return binary;
  const directory = mkdtempSync(join(tmpdir(), 'ballast-oracle-'));
  const cache = join(tmpdir(), 'ballast-go-cache');
  mkdirSync(cache, { recursive: true });
  const output = join(directory, 'yaml2json');
  execFileSync('go', ['build', '-o', output, SOURCE], {
    env: { ...process.env, GOPATH, GO111MODULE: 'off', GOCACHE: cache, GOFLAGS: '', CGO_ENABLED: '0' },
    stdio: 'pipe',
  });
  binary = output;
  return output;
}

/** Decodes each text as Kubernetes does, all in one process run. */
export function runOracle(texts: readonly string[]): OracleResult[] {
  const output = execFileSync(build(), { input: JSON.stringify(texts), maxBuffer: 1 << 30, encoding: 'utf8' });
  return (JSON.parse(output) as OracleResult[]).map((result) => (result.error === undefined ? { docs: result.docs ?? [] } : result));
}

/** What ballast reads: a JSON value per document (null for empty ones), or 'error' when it reports the text. */
export function ballastReads(text: string, fast = true): unknown[] | 'error' {
  const parsed = parseYamlFile('oracle.yaml', text, DEFAULT_LIMITS, { fast });
  if (parsed.problems.some((problem) => problem.ruleId === 'parse-error' || problem.ruleId === 'input-limit')) return 'error';
  const docs: unknown[] = Array.from({ length: parsed.documentCount }, () => null);
  for (const doc of parsed.documents) docs[doc.index] = JSON.parse(JSON.stringify(doc.value)) as unknown;
  return docs;
}

/** What the oracle reads, in the same form. */
export function oracleReads(result: OracleResult | undefined): unknown[] | 'error' {
  return result?.error === undefined ? (result?.docs ?? []) : 'error';
}
