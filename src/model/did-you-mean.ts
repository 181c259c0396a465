/**
 * "Did you mean" hints, for unknown fields of a manifest (model), unknown keys of a config
 * (engine) and unknown options or rule ids on the command line (bin): the lowest layer that uses it owns it.
 */

/** Words longer than this get no hint: no field name is, and the distance costs length². */
const LONGEST_HINTED = 100;

/** The candidate within edit distance 3, for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > LONGEST_HINTED) return undefined;
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: most candidates are ruled out unread.
    if (Math.abs(word.length - candidate.length) >= bestDistance) continue;
    const distance = editDistance(word, candidate, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Two reused rows of the distance table: words are at most LONGEST_HINTED long, candidates field names. */
let rows = [new Int32Array(128), new Int32Array(128)] as const;

/** Levenshtein distance, or `limit` as soon as every path through the table reaches it. */
function editDistance(a: string, b: string, limit: number): number {
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let lowest = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] as number) + (code === b.charCodeAt(j - 1) ? 0 : 1);
      const remove = (previous[j] as number) + 1;
      const insert = (current[j - 1] as number) + 1;
      const cell = substitute < remove ? (substitute < insert ? substitute : insert) : remove < insert ? remove : insert;
      current[j] = cell;
      if (cell < lowest) lowest = cell;
    }
    if (lowest >= limit) return limit;
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}
