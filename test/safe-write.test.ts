import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { writeFileSafely } from '../src/node.js';

const directory = mkdtempSync(join(tmpdir(), 'ballast-safe-write-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

it('replaces a symlink planted at the output path instead of writing through it', () => {
  const victim = join(directory, 'victim.txt');
  writeFileSync(victim, 'precious\n');
  const output = join(directory, 'ballast.sarif');
  symlinkSync(victim, output);
  writeFileSafely(output, '{"version":"2.1.0"}\n');
  expect(readFileSync(victim, 'utf8')).toBe('precious\n');
  expect(lstatSync(output).isSymbolicLink()).toBe(false);
  expect(readFileSync(output, 'utf8')).toBe('{"version":"2.1.0"}\n');
});

it('writes chunks in order and leaves no temporary file behind', () => {
  const output = join(directory, 'report.txt');
  writeFileSafely(output, ['a', 'b', 'c']);
  expect(readFileSync(output, 'utf8')).toBe('abc');
  expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
});

it('fails on a directory in the way and leaves no temporary file behind', () => {
  const output = join(directory, 'taken');
  mkdirSync(output);
  mkdirSync(join(output, 'inside'));
  expect(() => writeFileSafely(output, 'x')).toThrow();
  expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
});
