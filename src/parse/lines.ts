import type { Position } from '../types.js';

/**
 * Offsets → 1-based line/column. Built on first use only: most files produce no finding,
 * and scanning every file for newlines up front would be wasted work on the hot path.
 */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  position(offset: number): Position {
    const starts = (this.starts ??= computeLineStarts(this.text));
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (starts[low] ?? 0) + 1 };
  }

  /** Offset of the first character of a 1-based line (end of text past the last line). */
  lineStart(line: number): number {
    const starts = (this.starts ??= computeLineStarts(this.text));
    return starts[line - 1] ?? this.text.length;
  }

  /** Offset just past the last character of a 1-based line, before its CR/LF. */
  lineEnd(line: number): number {
    let end = line < this.lineCount() ? this.lineStart(line + 1) - 1 : this.text.length;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13 /* \r */ && end <= this.text.length) end -= 1;
    return Math.max(end, this.lineStart(line));
  }

  lineCount(): number {
    return (this.starts ??= computeLineStarts(this.text)).length;
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  let index = text.indexOf('\n');
  while (index !== -1) {
    starts.push(index + 1);
    index = text.indexOf('\n', index + 1);
  }
  return starts;
}
