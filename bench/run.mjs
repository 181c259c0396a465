#!/usr/bin/env node
// Benchmarks as ratios against baselines measured in the same run, alternating A and B so
// that machine noise hits both alike. Wall time and peak RSS come from GNU time (/usr/bin/time).
//
//   node bench/run.mjs [throughput|styles|startup|scale|action|all] [--runs N]
//
// throughput: ballast --format json over the generated corpus vs parsing it with `yaml` alone
// styles:     the same, over the corpus rewritten in flow, JSON, anchored and tab-commented styles
// startup:    ballast on one small file vs `node -e ''`
// scale:      ballast over the 1x and 10x corpora (cost should grow ~10x, not 100x)
// action:     the GitHub Action's entry (bundle/action.js) run as the runner runs it (GITHUB_*
//             environment, INPUT_* variables with action.yml's defaults, the workspace as working
//             directory) on a 100-file repository, vs `node -e ''`; and on the same repository set up
//             as repositories usually are (a git root, a .gitignore, a .ballast.yaml with rule settings,
//             options and ignore globs)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '5' } } });
const which = positionals[0] ?? 'all';
const runs = Number(values.runs);
const root = join(import.meta.dirname, '..');
const bin = join(root, 'dist/bin/ballast.js');
if (!existsSync(bin)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

function corpus(scale) {
  const directory = join(tmpdir(), 'ballast-bench', `x${scale}`);
  if (!existsSync(directory)) execFileSync('node', [join(root, 'bench/generate.mjs'), '--scale', String(scale)], { stdio: 'inherit' });
  return directory;
}

/** One run: wall seconds and peak resident memory in MB. */
function measure(command, { cwd = root, env = process.env } = {}) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', ...command], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = result.stderr.trim().split('\n').at(-1) ?? '';
  const [seconds, kilobytes] = last.split(' ').map(Number);
  if (!Number.isFinite(seconds)) throw new Error(`could not time ${command.join(' ')}: ${result.stderr}`);
  return { seconds, mb: kilobytes / 1024, status: result.status };
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

function compare(name, a, b, options) {
  measure(a, options);
  measure(b, options); // warm-up: file cache, JIT caches
  const as = [];
  const bs = [];
  for (let i = 0; i < runs; i++) {
    as.push(measure(a, options));
    bs.push(measure(b, options));
  }
  const ratios = as.map((run, i) => run.seconds / bs[i].seconds);
  const row = {
    name,
    a: median(as.map((r) => r.seconds)),
    b: median(bs.map((r) => r.seconds)),
    ratio: median(ratios),
    peakMbA: Math.max(...as.map((r) => r.mb)),
    peakMbB: Math.max(...bs.map((r) => r.mb)),
  };
  console.log(`${name}: A ${row.a.toFixed(3)} s, B ${row.b.toFixed(3)} s, median A/B ${row.ratio.toFixed(2)}, peak A ${row.peakMbA.toFixed(0)} MB, B ${row.peakMbB.toFixed(0)} MB`);
  return row;
}

const rows = [];
if (which === 'throughput' || which === 'all') {
  const directory = corpus(1);
  rows.push(compare('throughput (ballast json vs yaml parse, 1x)', ['node', bin, '--format', 'json', directory], ['node', join(root, 'bench/baseline-parse.mjs'), directory]));
}
if (which === 'styles' || which === 'all') {
  // The same objects written in other styles (bench/restyle.mjs), each against its own baseline.
  const one = corpus(1);
  if (!existsSync(`${one}-tabs`)) execFileSync('node', [join(root, 'bench/restyle.mjs'), '--from', one], { stdio: 'inherit' });
  for (const style of ['flow', 'json', 'anchors', 'tabs']) {
    const directory = `${one}-${style}`;
    rows.push(compare(`throughput, ${style} style (ballast json vs yaml parse, 1x)`, ['node', bin, '--format', 'json', directory], ['node', join(root, 'bench/baseline-parse.mjs'), directory]));
  }
}
if (which === 'startup' || which === 'all') {
  const small = join(root, 'bench/out/one-small-file.yaml');
  mkdirSync(join(root, 'bench/out'), { recursive: true });
  writeFileSync(small, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  LOG_LEVEL: info\n');
  rows.push(compare('startup (ballast one file vs node -e "")', ['node', bin, small], ['node', '-e', '']));
}
if (which === 'scale' || which === 'all') {
  const one = corpus(1);
  const ten = corpus(10);
  rows.push(compare('scale (10x corpus vs 1x corpus)', ['node', bin, '--format', 'json', ten], ['node', bin, '--format', 'json', one]));
}
if (which === 'action' || which === 'all') {
  const workspace = join(tmpdir(), 'ballast-bench', 'action-repo');
  if (!existsSync(workspace)) execFileSync('node', [join(root, 'bench/generate.mjs'), '--files', '100', '--out', workspace], { stdio: 'inherit' });
  const runner = join(tmpdir(), 'ballast-bench', 'action-runner');
  mkdirSync(runner, { recursive: true });
  for (const name of ['output', 'step-summary']) writeFileSync(join(runner, name), '');
  writeFileSync(join(runner, 'event.json'), '{}');
  // The runner sets every input action.yml declares, with its default when the workflow gives none.
  const { inputs } = parseYaml(readFileSync(join(root, 'action.yml'), 'utf8'));
  const env = {
    ...process.env,
    ...Object.fromEntries(Object.entries(inputs).map(([name, input]) => [`INPUT_${name.toUpperCase()}`, input.default ?? ''])),
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(runner, 'event.json'),
    GITHUB_OUTPUT: join(runner, 'output'),
    GITHUB_STEP_SUMMARY: join(runner, 'step-summary'),
    RUNNER_TEMP: runner,
  };
  rows.push(compare('action (bundle/action.js on a 100-file repository vs node -e "")', ['node', join(root, 'bundle/action.js')], ['node', '-e', ''], { cwd: workspace, env }));
  // The same files in a repository as usually set up: config loading, .gitignore and ignore globs are part of the run.
  const configured = `${workspace}-configured`;
  if (!existsSync(configured)) {
    cpSync(workspace, configured, { recursive: true });
    mkdirSync(join(configured, '.git'));
    writeFileSync(join(configured, '.gitignore'), 'ballast.sarif\nnode_modules/\n*.tmp\n');
    writeFileSync(
      join(configured, '.ballast.yaml'),
      'cluster:\n  kubernetesVersion: "1.31"\nrules:\n  image-tag-mutable: error\n  anti-affinity-missing: info\n  eviction-toleration-long:\n    severity: warning\n    options:\n      maxSeconds: 600\nignore:\n  - "**/testdata/**"\n',
    );
  }
  rows.push(
    compare('action on the configured repository (config, .gitignore, ignore globs) vs node -e ""', ['node', join(root, 'bundle/action.js')], ['node', '-e', ''], {
      cwd: configured,
      env: { ...env, GITHUB_WORKSPACE: configured },
    }),
  );
  // What the Action adds to linting: the same repository through the bare command.
  rows.push(
    compare('action vs the bare command (bundle/ballast.js --format sarif .)', ['node', join(root, 'bundle/action.js')], ['node', join(root, 'bundle/ballast.js'), '--format', 'sarif', '.'], { cwd: workspace, env }),
  );
}
mkdirSync(join(root, 'bench/out'), { recursive: true });
writeFileSync(join(root, 'bench/out/last-run.json'), `${JSON.stringify({ date: new Date().toISOString(), runs, rows }, null, 2)}\n`);
