import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { formatJson } from '../src/format/json.js';
import { BUILT_CLI } from './global-setup.js';

/**
 * Enough files for the CLI to parse on a worker thread and on this one, and lint batches as
 * they arrive: the output must be byte for byte what linting the same files in one call gives.
 */
const directory = mkdtempSync(join(tmpdir(), 'ballast-parallel-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

it('parsing on worker threads gives exactly the single-threaded result', () => {
  const files: string[] = [];
  for (let index = 0; index < 120; index++) {
    const team = `team-${index % 7}`;
    mkdirSync(join(directory, team), { recursive: true });
    const path = join(directory, team, `app-${index}.yaml`);
    const hpa =
      index % 3 === 0
        ? `---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: app-${index - 1}, namespace: ${team} }\nspec: { scaleTargetRef: { kind: Deployment, name: app-${index - 1} }, minReplicas: 2, maxReplicas: 4 }\n`
        : '';
    const anchors = index % 10 === 0 ? 'x-defaults: &defaults { cpu: 100m }\n' : '';
    // Values JSON cannot carry: such files cross threads as text and are parsed again.
    const odd = index % 13 === 0 ? `x-ratio: ${['.nan', '-.inf', '-0.0'][index % 3] ?? ''}\n` : '';
    writeFileSync(
      path,
      `${anchors}${odd}apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${index}\n  namespace: ${team}\nspec:\n  replicas: ${index % 4}\n  selector: { matchLabels: { app: app-${index} } }\n  template:\n    metadata: { labels: { app: app-${index} } }\n    spec:\n      containers:\n        - name: app\n          image: app:${index % 5 === 0 ? 'latest' : '1.0'}\n${hpa}`,
    );
    files.push(path);
  }
  const run = spawnSync(process.execPath, [BUILT_CLI, '--threads', '2', '--format', 'json', '.'], { cwd: directory, encoding: 'utf8', maxBuffer: 1 << 28 });
  expect(run.stderr).toBe('');
  expect(run.status).not.toBe(2);
  const cli = run.stdout;
  const inProcess = lint(files.map((path) => ({ path: relative(directory, path), text: readFileSync(path, 'utf8') })));
  expect(cli).toBe(formatJson(inProcess));
});

it('gives rules the same values on every thread: parsed maps have one prototype', () => {
  const plugin = mkdtempSync(join(tmpdir(), 'ballast-parallel-plugin-'));
  try {
    // A plugin that reads a map directly, as plugins may: `toString` is absent from a parsed map.
    writeFileSync(
      join(plugin, 'probe.mjs'),
      "export default { meta: { id: 'probe/inherited', category: 'workload', severity: 'info', summary: 's', rationale: 'r', fix: 'f', appliesTo: ['*'], since: '0.1.0', messages: { seen: '{{kind}} toString {{inherited}}' } }, checkObject(object, context) { context.report({ at: object.at(), object, messageId: 'seen', data: { kind: object.kind, inherited: typeof object.value.toString } }); } };\n",
    );
    writeFileSync(join(plugin, '.ballast.yaml'), 'plugins: ["./probe.mjs"]\n');
    // Enough text for the worker threads to take a share before this thread has parsed it all.
    const data = Array.from({ length: 40 }, (_, key) => `  key${key}: value-${key}-abcdefghijklmnopqrstuvwxyz\n`).join('');
    for (let index = 0; index < 400; index++) writeFileSync(join(plugin, `cm-${index}.yaml`), `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cm-${index} }\ndata:\n${data}`);
    const messages = (threads: string): string[] => {
      const run = spawnSync(process.execPath, [BUILT_CLI, '--threads', threads, '--rule', 'probe/inherited=error', '--format', 'json', '.'], { cwd: plugin, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; message: string }[] }).findings;
      return findings.filter((finding) => finding.ruleId === 'probe/inherited').map((finding) => finding.message);
    };
    const parallel = messages('2');
    expect(parallel).toHaveLength(400);
    expect(new Set(parallel)).toEqual(new Set(['ConfigMap toString undefined']));
    expect(messages('1')).toEqual(parallel);
  } finally {
    rmSync(plugin, { recursive: true, force: true });
  }
});
