/** A word of a command line with where it was written. */
export interface ShellWord {
  word: string;
  /** [start, end) of the word in the text, quotes included. */
  start: number;
  end: number;
  /** For each character of `word`, its index in the text (quotes and escapes removed). */
  chars: number[];
}

/** Splits a flag-string such as `KUBELET_KUBEADM_ARGS="--a=1 --b 2"`, honouring quotes. */
export function splitShellWords(text: string): ShellWord[] {
  const words: ShellWord[] = [];
  let index = 0;
  while (index < text.length) {
    while (index < text.length && /\s/.test(text[index] ?? '')) index++;
    if (index >= text.length) break;
    const start = index;
    let word = '';
    const chars: number[] = [];
    const take = (at: number): void => {
      word += text[at] ?? '';
      chars.push(at);
    };
    let quote: string | undefined;
    while (index < text.length) {
      const char = text[index] ?? '';
      if (quote) {
        if (char === quote) quote = undefined;
        else if (char === '\\' && quote === '"' && index + 1 < text.length) take(++index);
        else take(index);
      } else if (char === '"' || char === "'") {
        quote = char;
      } else if (/\s/.test(char)) {
        break;
      } else if (char === '\\' && index + 1 < text.length) {
        take(++index);
      } else {
        take(index);
      }
      index++;
    }
    words.push({ word, start, end: index, chars });
  }
  return words;
}
