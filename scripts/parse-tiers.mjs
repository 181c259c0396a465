#!/usr/bin/env node
// Which parse tier takes which share of a folder of YAML/JSON (ARCHITECTURE.md quotes it for
// ../shared/corpus). Runs on the build in dist/: `npm run build && node scripts/parse-tiers.mjs <dir>`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { scanYaml } = await import(join(root, 'dist/src/parse/scan-yaml.js'));
const { withLineFeeds } = await import(join(root, 'dist/src/parse/yaml.js'));
const { DEFAULT_LIMITS } = await import(join(root, 'dist/src/parse/limits.js'));

const directory = process.argv[2] ?? join(root, '../shared/corpus');
const files = readdirSync(directory, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(ya?ml|json)$/.test(name));
const tiers = { scanner: { files: 0, bytes: 0 }, full: { files: 0, bytes: 0 } };
for (const name of files) {
  const raw = readFileSync(join(directory, name), 'utf8');
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const tier = scanYaml(withLineFeeds(text), DEFAULT_LIMITS) ? tiers.scanner : tiers.full;
  tier.files++;
  tier.bytes += text.length;
}
const bytes = Object.values(tiers).reduce((sum, tier) => sum + tier.bytes, 0);
for (const [name, tier] of Object.entries(tiers)) {
  console.log(`${name.padEnd(8)} ${String(tier.files).padStart(6)} files (${((100 * tier.files) / files.length).toFixed(1)}%), ${((100 * tier.bytes) / bytes).toFixed(1)}% of bytes`);
}
