import { describe, expect, it } from 'vitest';
import { splitShellWords } from './shell-words.js';

describe('splitShellWords', () => {
  it('splits on whitespace, honouring quotes and escapes, with offsets', () => {
    const text = `--a=1  "--b=two words" '--c=x"y' --d=e\\ f --e="q\\"r"`;
    expect(splitShellWords(text).map(({ word, start, end }) => [word, text.slice(start, end)])).toEqual([
      ['--a=1', '--a=1'],
      ['--b=two words', '"--b=two words"'],
      ['--c=x"y', `'--c=x"y'`],
      ['--d=e f', '--d=e\\ f'],
      ['--e=q"r', '--e="q\\"r"'],
    ]);
  });

  it('maps every character of a word back to the text', () => {
    const text = 'x "ab"c';
    const [, word] = splitShellWords(text);
    expect(word?.word).toBe('abc');
    expect(word?.chars.map((index) => text[index])).toEqual(['a', 'b', 'c']);
  });

  it('gives nothing for blank text', () => {
    expect(splitShellWords('  \t\n')).toEqual([]);
  });
});
