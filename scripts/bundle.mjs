#!/usr/bin/env node
// Builds bundle/, committed to the repository: the GitHub Action (bundle/action.js, action.yml's
// entry) and the command the pre-commit hook runs (bundle/ballast.js), with every dependency
// inside, so both run from a plain checkout with no install and no build. Built straight from the
// TypeScript sources; shared code goes into chunk files beside them, and the parse workers of
// large runs start from bundle/node-parse-worker.js, which the code finds beside itself.
//
//   node scripts/bundle.mjs                  rewrite bundle/
//   node scripts/bundle.mjs --check          exit 1 when bundle/ is not what the sources build (CI)
//   node scripts/bundle.mjs --outdir <dir>   build elsewhere (the tests build a fresh one)
//
// The output depends only on the sources and the locked dependency versions, so CI rebuilds it
// and compares byte for byte.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { nodeBundle } from './lib/esbuild-options.mjs';

const root = resolve(import.meta.dirname, '..');
const committed = join(root, 'bundle');
const { values } = parseArgs({ options: { check: { type: 'boolean' }, outdir: { type: 'string' } } });
const outdir = values.check ? mkdtempSync(join(tmpdir(), 'ballast-bundle-')) : resolve(values.outdir ?? committed);

rmSync(outdir, { recursive: true, force: true });
await build({
  ...nodeBundle,
  absWorkingDir: root,
  entryPoints: { action: 'action/main.ts', ballast: 'bin/cli.ts', 'node-parse-worker': 'src/node-parse-worker.ts' },
  outdir,
  splitting: true,
  chunkNames: '[name]-[hash]',
});
chmodSync(join(outdir, 'ballast.js'), 0o755);

if (values.check) {
  const differences = compare(outdir, committed);
  rmSync(outdir, { recursive: true, force: true });
  if (differences.length > 0) {
    console.error(`bundle/ is not what the sources build (${differences.join(', ')}): run \`npm run bundle\` and commit bundle/.`);
    process.exit(1);
  }
}

function compare(built, expected) {
  const names = (directory) => {
    try {
      return readdirSync(directory).sort();
    } catch {
      return [];
    }
  };
  const all = new Set([...names(built), ...names(expected)]);
  return [...all].filter((name) => {
    try {
      return !readFileSync(join(built, name)).equals(readFileSync(join(expected, name)));
    } catch {
      return true;
    }
  });
}
