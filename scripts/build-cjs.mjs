#!/usr/bin/env node
// The CommonJS build of the library, for `require('ballast')` (part of `npm run build`, after tsc):
// dist/cjs/index.js, one file bundled from tsc's ESM output with the dependencies left to
// require(), and the type declarations copied beside it. dist/cjs/package.json says
// "type": "commonjs", so TypeScript reads those declarations as CommonJS ones (a require()
// consumer may not take ESM declarations). `ballast/node` (file discovery, worker threads) stays
// ESM-only. As with any dual package, classes are two copies: an error thrown by the CommonJS
// build is not `instanceof` the ESM build's class.
//
//   node scripts/build-cjs.mjs [--dist <dir>]   (default: dist/)
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { values } = parseArgs({ options: { dist: { type: 'string' } } });
const dist = resolve(values.dist ?? join(import.meta.dirname, '..', 'dist'));
const out = join(dist, 'cjs');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'package.json'), '{ "type": "commonjs" }\n');
await build({
  entryPoints: [join(dist, 'src/index.js')],
  outfile: join(out, 'index.js'),
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
});
for (const directory of ['src', 'rules']) {
  cpSync(join(dist, directory), join(out, directory), { recursive: true, filter: (path) => !/\.js$/.test(path) });
}
