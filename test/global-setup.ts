/**
 * Builds dist/ before the tests when it is missing or older than the sources, so the CLI tests
 * (bin/ballast.test.ts) run the command as users get it: `node dist/bin/ballast.js`, the bundled command.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const BUILT_CLI = join(root, 'dist/bin/ballast.js');

function newestSource(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt(): number {
  try {
    return statSync(BUILT_CLI).mtimeMs;
  } catch {
    return 0;
  }
}

export default function setup(): void {
  const sources = Math.max(...['src', 'rules', 'bin'].map((directory) => newestSource(join(root, directory))), statSync(join(root, 'tsconfig.build.json')).mtimeMs);
  if (builtAt() >= sources) return;
  // The same two steps as `npm run build`: tsc, then the bundle of the command line users run.
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  const bundled = spawnSync(process.execPath, [join(root, 'scripts/bundle-cli.mjs')], { cwd: root, encoding: 'utf8' });
  const build = { stdout: compiled.stdout + bundled.stdout, stderr: compiled.stderr + bundled.stderr };
  // tsc emits even when it reports type errors (those are the typecheck step's to fail on);
  // a build that produced no CLI cannot be tested at all.
  if (builtAt() < sources) throw new Error(`npm run build did not produce ${BUILT_CLI}:\n${build.stdout}${build.stderr}`);
}
