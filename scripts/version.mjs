#!/usr/bin/env node
// The `version` script of package.json, run by `npm version X.Y.Z` after it writes the version to
// package.json, the one place a version is set: copies it into src/project.ts (the library does no
// I/O, so it cannot read package.json), rebuilds bundle/ (SARIF names the version), and fails
// unless CHANGELOG.md has a `## X.Y.Z` section. npm then commits these with package.json and tags
// the commit vX.Y.Z.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (!new RegExp(`^## ${version.replaceAll('.', '\\.')}(\\s|$)`, 'm').test(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'))) {
  console.error(`CHANGELOG.md has no "## ${version}" section: move the Unreleased entries there first.`);
  process.exit(1);
}
const project = join(root, 'src/project.ts');
writeFileSync(project, readFileSync(project, 'utf8').replace(/export const VERSION = '[^']*';/, `export const VERSION = '${version}';`));
execFileSync('npm', ['run', 'bundle'], { cwd: root, stdio: 'inherit' });
execFileSync('git', ['add', 'src/project.ts', 'bundle'], { cwd: root, stdio: 'inherit' });
