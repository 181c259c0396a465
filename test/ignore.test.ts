import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { discoverFiles } from '../src/node.js';

/**
 * The config's `ignore` globs are relative to the config file and apply to every file, named
 * ones included: a pre-commit hook names each staged file, Helm templates among them.
 */
const root = mkdtempSync(join(tmpdir(), 'ballast-ignore-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'charts/shop/templates'), { recursive: true });
mkdirSync(join(root, 'deploy'), { recursive: true });
writeFileSync(join(root, 'charts/shop/templates/deployment.yaml'), 'replicas: {{ .Values.replicas }}\n');
writeFileSync(join(root, 'deploy/api.yaml'), 'kind: Deployment\n');
const ignore = ['charts/**/templates/**'];

it('drops a named file that an ignore glob matches', async () => {
  const files = await discoverFiles(['charts/shop/templates/deployment.yaml', 'deploy/api.yaml'], { cwd: root, ignore, ignoreBase: root });
  expect(files).toEqual(['deploy/api.yaml']);
});

it('matches ignore globs from the config directory, whatever the working directory', async () => {
  const files = await discoverFiles(['.'], { cwd: join(root, 'charts'), ignore, ignoreBase: root });
  expect(files).toEqual([]);
  expect(await discoverFiles(['.'], { cwd: root, ignore, ignoreBase: root })).toEqual(['deploy/api.yaml']);
});

it('keeps files outside the config directory', async () => {
  const files = await discoverFiles([join(root, 'deploy/api.yaml')], { cwd: root, ignore: ['**'], ignoreBase: join(root, 'charts') });
  expect(files).toEqual(['deploy/api.yaml']);
});
