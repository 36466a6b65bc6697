/**
 * Damerau–Levenshtein distance in its optimal string alignment form: insertions, deletions,
 * substitutions and transpositions of two adjacent characters each cost 1 (no substring is edited
 * twice). Plus the typo budget of a query word.
 */

/** Words shorter than this must match exactly. */
export const MIN_FUZZY_LENGTH = 4;
/** Words at least this long may have two typos. */
export const TWO_TYPOS_LENGTH = 8;

/**
 * How many edits a query word may be away from a name's word: 0 below 4 characters or when it has
 * a digit (strengths like `650` must match exactly), 1 for 4–7, 2 for 8 and more.
 *
 * @example typoBudget('dolo') // 1
 */
export function typoBudget(word: string): number {
  if (word.length < MIN_FUZZY_LENGTH || /[0-9]/.test(word)) return 0;
  return word.length < TWO_TYPOS_LENGTH ? 1 : 2;
}

const BIG = 0x3fffffff;
let rowsA = new Int32Array(64);
let rowsB = new Int32Array(64);
let rowsC = new Int32Array(64);

/**
 * The optimal string alignment distance of `a` and `b`, or `max + 1` as soon as it is known to be
 * larger than `max`. Only the cells within `max` of the diagonal are computed, and the loop stops
 * at the first row whose minimum exceeds `max` (row minima never decrease).
 *
 * @example
 * editDistance('paracetamol', 'paracetmaol') // 1 (a transposition)
 * editDistance('tazocin', 'pentazocine', 2) // 3, i.e. "more than 2"
 */
export function editDistance(a: string, b: string, max: number = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (max < 1) return max + 1; // a !== b: at least one edit
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return Math.max(n, m);
  const band = Math.min(Math.max(n, m), max);
  if (rowsA.length < m + 2) {
    rowsA = new Int32Array(m + 2);
    rowsB = new Int32Array(m + 2);
    rowsC = new Int32Array(m + 2);
  }
  let prev2 = rowsA;
  let prev = rowsB;
  let cur = rowsC;
  for (let j = 0; j <= m + 1; j++) prev[j] = j <= band ? j : BIG;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(m, i + band);
    const ca = a.charCodeAt(i - 1);
    const pa = i > 1 ? a.charCodeAt(i - 2) : -1;
    cur[lo - 1] = lo === 1 ? i : BIG;
    let rowMin = cur[lo - 1]!;
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ca === cb ? 0 : 1);
      const del = prev[j]! + 1;
      if (del < v) v = del;
      const ins = cur[j - 1]! + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && pa === cb) {
        const t = prev2[j - 2]! + 1;
        if (t < v) v = t;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) cur[hi + 1] = BIG;
    if (rowMin > max) return max + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  const d = prev[m]!;
  return d > max ? max + 1 : d;
}
