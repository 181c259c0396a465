#!/usr/bin/env node
// Writes what is generated from the rules: docs/rules/ (metadata and fixtures),
// schema/ballast-config.schema.json (with each rule's options) and the config's validators as
// code (src/engine/config-validators.generated.ts, see scripts/lib/config-validators.mjs). Runs on the build in dist/:
// `npm run generate` builds first. With --check it writes nothing and exits 1 on any
// difference (CI runs `npm run generate:check`).
// The kubelet/kubeadm field schemas come from Kubernetes' Go sources, which are not in the
// repository: scripts/gen-kubelet-schema.mjs and gen-kubeadm-schemas.mjs (see scripts/README.md).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const { builtinRules } = await import(join(root, 'dist/rules/index.js'));
const { renderRuleDocs } = await import(join(root, 'dist/src/docs.js'));
const { editorSchema } = await import(join(root, 'dist/src/engine/editor-schema.js'));
const { loadFixtureCases } = await import(join(root, 'dist/src/testing/fixture-cases.js'));
const { configSchema } = await import(join(root, 'dist/src/engine/config-schema.js'));
const { AJV_OPTIONS, optionsSchema } = await import(join(root, 'dist/src/engine/options-compiler.js'));
const { configValidatorsSource } = await import(join(root, 'scripts/lib/config-validators.mjs'));

/** Generated files by path from the repository root; `null` marks a stale page to remove. */
const wanted = new Map([
  ['schema/ballast-config.schema.json', editorSchema(builtinRules)],
  ['src/engine/config-validators.generated.ts', configValidatorsSource(configSchema, builtinRules, { ajvOptions: AJV_OPTIONS, optionsSchema })],
]);
const pages = renderRuleDocs(builtinRules, loadFixtureCases(join(root, 'fixtures'), root));
for (const [name, text] of pages) wanted.set(`docs/rules/${name}`, text);
for (const name of readdirSync(join(root, 'docs/rules'))) if (name.endsWith('.md') && !pages.has(name)) wanted.set(`docs/rules/${name}`, null);

const stale = [];
for (const [path, text] of wanted) {
  const file = join(root, path);
  let current = null;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // Missing: written below, or reported as stale.
  }
  if (current === text) continue;
  stale.push(path);
  if (check) continue;
  if (text === null) rmSync(file);
  else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
if (check && stale.length > 0) {
  process.stderr.write(`generated files are out of date (run \`npm run generate\`):\n${stale.map((path) => `  ${path}\n`).join('')}`);
  process.exit(1);
}
process.stdout.write(check ? 'generated files are current\n' : `${stale.length === 0 ? 'nothing to write' : `wrote ${stale.length} file(s)`}\n`);
