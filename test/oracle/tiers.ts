import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import type { Path } from '../../src/types.js';
import { DEFAULT_LIMITS, type InputLimits } from '../../src/parse/limits.js';
import { locateInTable, locateKeyInTable } from '../../src/parse/positions.js';
import type { FastFile } from '../../src/parse/scan-yaml.js';
import { parseYamlFile, withLineFeeds } from '../../src/parse/yaml.js';

function* pathsOf(value: unknown, prefix: Path = []): Generator<Path> {
  yield prefix;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) yield* pathsOf(value[index], [...prefix, index]);
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) yield* pathsOf((value as Record<string, unknown>)[key], [...prefix, key]);
  }
}

/**
 * The fast path either declines a text or gives exactly what the full parser gives: the same
 * documents, values, and range for every path into them (of the node, and of the key that holds it). Returns whether it took the text.
 */
export function expectSameAsFullParser(text: string, name: string, parse: (text: string, limits: InputLimits) => FastFile | undefined): boolean {
  const full = parseYamlFile(name, text, DEFAULT_LIMITS, { fast: false });
  // Characters outside YAML's printable set refuse the file before any path parses it.
  if (full.problems.some((problem) => problem.messageId === 'control')) return false;
  const fast = parse(withLineFeeds(text.replace(/^\uFEFF/, '')), DEFAULT_LIMITS);
  if (!fast) return false;
  // A stray byte-order mark is reported before any path parses; every path reads past it.
  const problems = full.problems.filter((problem) => problem.messageId !== 'byteOrderMark');
  expect(problems, `${name}: the fast path took a text the full parser rejects`).toEqual([]);
  expect(fast.documentCount, name).toBe(full.documentCount);
  const nonEmpty = full.documents.filter((doc) => doc.value !== null);
  expect(
    fast.documents.filter((doc) => doc.value !== null).map((doc) => doc.index),
    name,
  ).toEqual(nonEmpty.map((doc) => doc.index));
  for (const reference of nonEmpty) {
    const doc = fast.documents.find((candidate) => candidate.index === reference.index);
    if (!doc) throw new Error('unreachable: indices compared above');
    // node's deep equality: vitest's treats an own `constructor` key as the object's class.
    expect(isDeepStrictEqual(doc.value, reference.value), `${name} document ${doc.index}: ${JSON.stringify(doc.value)} vs ${JSON.stringify(reference.value)}`).toBe(true);
    for (const path of pathsOf(doc.value)) {
      expect(locateInTable(doc.positions, doc.value, path), `${name} document ${doc.index} at ${JSON.stringify(path)}`).toEqual(reference.locate(path));
      expect(locateKeyInTable(doc.positions, doc.value, path), `${name} document ${doc.index}, key of ${JSON.stringify(path)}`).toEqual(reference.locateKey?.(path));
    }
  }
  return true;
}
