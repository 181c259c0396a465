#!/usr/bin/env node
// Bundles the command line into one file (dist/bin/ballast.js, from tsc's output of bin/cli.ts):
// start-up is then one file to read and compile instead of resolving ~130 modules, which is
// most of what a pre-commit run on one file costs. The parse workers of large runs get a bundle
// of their own (dist/bin/node-parse-worker.js, beside the command that starts them). The library (dist/src) stays unbundled for
// importers. ajv and globby stay external: they are loaded only when a config or a walk needs them.
//
// Without esbuild (an install that omits optional dependencies has no platform binary), the
// unbundled command stays (dist/bin/ballast.js runs dist/bin/cli.js): it works the same, only its
// start-up is slower.
import { chmodSync, writeFileSync } from 'node:fs';
import { nodeBundle } from './lib/esbuild-options.mjs';

const COMMAND = 'dist/bin/ballast.js';
writeFileSync(COMMAND, "#!/usr/bin/env node\nimport './cli.js';\n");
chmodSync(COMMAND, 0o755);
let build;
try {
  ({ build } = await import('esbuild'));
} catch (error) {
  console.warn(`ballast: not bundling the command (${error instanceof Error ? error.message.split('\n')[0] : error})`);
  process.exit(0);
}

// The worker threads of large runs start from their own small bundle: the parser only.
const bundles = [
  { entryPoints: ['dist/bin/cli.js'], outfile: COMMAND },
  { entryPoints: ['dist/src/node-parse-worker.js'], outfile: 'dist/bin/node-parse-worker.js' },
];
try {
  for (const bundle of bundles) {
    await build({ ...nodeBundle, ...bundle, allowOverwrite: true, external: ['ajv', 'globby'] });
  }
} catch (error) {
  console.warn(`ballast: not bundling the command (${error instanceof Error ? error.message.split('\n')[0] : error})`);
}
