import { describe, expect, it } from 'vitest';
import { LineIndex } from './lines.js';

describe('LineIndex', () => {
  const index = new LineIndex('ab\ncd\r\n\nlast');

  it('turns offsets into 1-based lines and columns', () => {
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(1)).toEqual({ line: 1, column: 2 });
    expect(index.position(2)).toEqual({ line: 1, column: 3 });
    expect(index.position(3)).toEqual({ line: 2, column: 1 });
    expect(index.position(5)).toEqual({ line: 2, column: 3 });
    expect(index.position(7)).toEqual({ line: 3, column: 1 });
    expect(index.position(8)).toEqual({ line: 4, column: 1 });
    expect(index.position(12)).toEqual({ line: 4, column: 5 });
  });

  it('clamps offsets outside the text', () => {
    expect(index.position(-5)).toEqual({ line: 1, column: 1 });
    expect(index.position(1000)).toEqual({ line: 4, column: 5 });
  });

  it('knows where lines start and end, without their CR or LF', () => {
    expect(index.lineCount()).toBe(4);
    expect([1, 2, 3, 4].map((line) => index.lineStart(line))).toEqual([0, 3, 7, 8]);
    expect([1, 2, 3, 4].map((line) => index.lineEnd(line))).toEqual([2, 5, 7, 12]);
    expect(index.lineStart(99)).toBe(12);
  });

  it('handles empty text and a trailing newline', () => {
    expect(new LineIndex('').position(0)).toEqual({ line: 1, column: 1 });
    expect(new LineIndex('').lineCount()).toBe(1);
    const trailing = new LineIndex('a\n');
    expect(trailing.lineCount()).toBe(2);
    expect(trailing.position(2)).toEqual({ line: 2, column: 1 });
  });

  it('counts columns in UTF-16 code units, as editors and SARIF do', () => {
    expect(new LineIndex('🚢: x').position(4)).toEqual({ line: 1, column: 5 });
  });
});
