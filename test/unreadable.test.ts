import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { streamFiles } from '../src/node.js';
import type { ParsedFile } from '../src/parse/source.js';

/** A file that is gone by the time it is read is named once, and the other files are still parsed. */
const directory = mkdtempSync(join(tmpdir(), 'ballast-unreadable-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

it('skips a file it cannot read and parses the rest', async () => {
  writeFileSync(join(directory, 'ok.yaml'), 'kind: ConfigMap\n');
  const parsed: ParsedFile[] = [];
  const skipped: string[] = [];
  await streamFiles(['gone.yaml', 'ok.yaml'], (files) => parsed.push(...files), { cwd: directory, onUnreadable: (path, reason) => skipped.push(`${path} ${reason}`) });
  expect(skipped).toEqual(['gone.yaml ENOENT']);
  expect(parsed.map((file) => file.file.path)).toEqual(['ok.yaml']);
});

it('without a handler, stops with an error that names the file', async () => {
  await expect(streamFiles(['gone.yaml'], () => undefined, { cwd: directory })).rejects.toThrow('cannot read gone.yaml: ENOENT');
});
