import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, fileParsers, parseBytes, parseText, tooLarge, type FileParser } from './index.js';
import type { ParsedFile } from './source.js';
import { SourceFile } from './source.js';

const bytes = (...parts: (string | number[])[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'utf8')] : part)));

function only(parsed: ParsedFile): { ruleId: string; messageId: string; line: number; column: number } {
  expect(parsed.problems).toHaveLength(1);
  const problem = parsed.problems[0];
  if (!problem) throw new Error('no problem');
  return { ruleId: problem.ruleId, messageId: problem.messageId, ...parsed.file.lines.position(problem.range[0]) };
}

describe('parseBytes', () => {
  it('decodes UTF-8, multi-byte characters included', () => {
    const parsed = parseBytes('a.yaml', bytes('city: München\nemoji: "🚢"\n'));
    expect(parsed.problems).toEqual([]);
    expect({ ...(parsed.documents[0]?.value as object) }).toEqual({ city: 'München', emoji: '🚢' });
  });

  it('strips a UTF-8 byte-order mark', () => {
    const parsed = parseBytes('a.yaml', bytes([0xef, 0xbb, 0xbf], 'a: 1\n'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.file.text).toBe('a: 1\n');
  });

  it.each([
    ['a Latin-1 byte', [0xfc], 7],
    ['a lone continuation byte', [0x80], 7],
    ['a truncated sequence', [0xe2, 0x82], 7],
    ['an overlong encoding', [0xc0, 0xaf], 7],
    ['an overlong three-byte encoding', [0xe0, 0x80, 0xaf], 7],
    ['a UTF-16 surrogate (CESU-8)', [0xed, 0xa0, 0x80], 7],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 7],
  ])('reports %s at the line and column where decoding fails', (_name, bad, column) => {
    const parsed = parseBytes('a.yaml', bytes('a: 1\nb: 2\ncity: ', bad, 'nchen\nd: 4\n'));
    expect(only(parsed)).toEqual({ ruleId: 'parse-error', messageId: 'encoding', line: 3, column });
    expect(parsed.documents).toEqual([]);
    expect(parsed.documentCount).toBe(1);
  });

  it('reports a NUL byte as a binary file at its line', () => {
    const parsed = parseBytes('logo.yaml', bytes('a: 1\nb: ', [0x00, 0x01, 0xff]));
    expect(only(parsed)).toEqual({ ruleId: 'parse-error', messageId: 'binary', line: 2, column: 4 });
    expect(parsed.documents).toEqual([]);
  });

  it('refuses a file over maxFileBytes without decoding it', () => {
    const parsed = parseBytes('big.yaml', bytes('a: 1\n', [0xff]), { ...DEFAULT_LIMITS, maxFileBytes: 5 });
    expect(only(parsed)).toEqual({ ruleId: 'input-limit', messageId: 'fileSize', line: 1, column: 1 });
    expect(parseBytes('ok.yaml', bytes('a: 1\n'), { ...DEFAULT_LIMITS, maxFileBytes: 5 }).problems).toEqual([]);
  });
});

describe('parseText', () => {
  it('refuses text over the limit', () => {
    const parsed = parseText('big.yaml', 'a: 1\n'.repeat(10), { ...DEFAULT_LIMITS, maxFileBytes: 20 });
    expect(only(parsed)).toMatchObject({ ruleId: 'input-limit', messageId: 'fileSize' });
  });

  it('hands a file to the first registered parser that matches it', () => {
    const seen: string[] = [];
    const custom: FileParser = {
      matches: (path) => path.endsWith('.custom'),
      parse: (path, text) => {
        seen.push(path);
        return { file: new SourceFile(path, text), documentCount: 0, documents: [], problems: [], comments: [] };
      },
    };
    fileParsers.unshift(custom);
    try {
      expect(parseText('x.custom', 'not: [yaml').problems).toEqual([]);
      expect(parseText('x.yaml', 'a: 1\n').documents).toHaveLength(1);
    } finally {
      fileParsers.splice(fileParsers.indexOf(custom), 1);
    }
    expect(seen).toEqual(['x.custom']);
  });
});

describe('tooLarge', () => {
  it('names the size and the limit in readable units', () => {
    expect(tooLarge('a.yaml', 15 * 1024 * 1024, DEFAULT_LIMITS).problems[0]?.data).toEqual({ size: '15.0 MB', limit: '10.0 MB' });
    expect(tooLarge('a.yaml', 250, { ...DEFAULT_LIMITS, maxFileBytes: 100 }).problems[0]?.data).toEqual({ size: '250 bytes', limit: '100 bytes' });
    expect(tooLarge('a.yaml', 3 * 1024, { ...DEFAULT_LIMITS, maxFileBytes: 2048 }).problems[0]?.data).toEqual({ size: '3.0 KB', limit: '2.0 KB' });
  });
});
