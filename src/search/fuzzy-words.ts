/**
 * Words of a vocabulary within a few edits of a query word, without comparing the query to every
 * word. The vocabulary is kept sorted per word length, and each length that can match is walked as
 * an implicit trie (neighbours share prefixes): one row of the edit-distance table per character of
 * the current prefix, only the cells within `max` of the diagonal, and every word under a prefix
 * that cannot end within the budget is skipped with a galloping search. Knowing the length of the
 * words below a prefix makes that test strong: a prefix of `i` characters that is `d` edits from the
 * query's first `j` characters still needs at least `|(length - i) - (m - j)|` more.
 * Distances are optimal string alignment distances, as `editDistance` computes them.
 */

const BIG = 0x3fffffff;
let rowsBuffer = new Int32Array(256);
let pathBuffer = new Int32Array(64);

/** Distinct words by length, each list sorted by `<`. */
export interface Vocabulary {
  byLength: string[][];
}

/** The vocabulary of these words (duplicates and empty strings are dropped). */
export function vocabularyOf(words: Iterable<string>): Vocabulary {
  const byLength: string[][] = [];
  for (const w of new Set(words)) {
    if (w === '') continue;
    while (byLength.length <= w.length) byLength.push([]);
    byLength[w.length]!.push(w);
  }
  for (const list of byLength) list.sort();
  return { byLength };
}

/** Whether `word` is in the vocabulary. */
export function hasWord(vocab: Vocabulary, word: string): boolean {
  const list = vocab.byLength[word.length];
  return list !== undefined && list[lowerBound(list, word)] === word;
}

/**
 * Call `visit(word, distance)` for every word of `vocab` whose distance to `word` is at most `max`,
 * shortest words first, then in sorted order.
 *
 * @example
 * forEachWordWithin(vocabularyOf(['amoxicillin', 'ampicillin']), 'amoxycillin', 2, (w, d) => …) // ('amoxicillin', 1)
 */
export function forEachWordWithin(vocab: Vocabulary, word: string, max: number, visit: (word: string, distance: number) => void): void {
  const from = Math.max(1, word.length - max);
  const to = Math.min(vocab.byLength.length - 1, word.length + max);
  for (let length = from; length <= to; length++) walk(vocab.byLength[length]!, length, word, max, visit);
}

/** `forEachWordWithin` over words that all have `length` characters. */
function walk(words: readonly string[], length: number, word: string, max: number, visit: (word: string, distance: number) => void): void {
  const m = word.length;
  const width = m + 2;
  if (rowsBuffer.length < (length + 1) * width) rowsBuffer = new Int32Array((length + 1) * width);
  if (pathBuffer.length < length + 1) pathBuffer = new Int32Array(length + 1);
  const rows = rowsBuffer;
  const path = pathBuffer;
  for (let j = 0; j <= m + 1; j++) rows[j] = j <= max ? j : BIG;
  const tail = length - m; // (length - i) - (m - j) = tail - i + j
  let have = 0; // rows 0..have are valid for path[0..have)
  let k = 0;
  while (k < words.length) {
    const w = words[k]!;
    let depth = 0;
    while (depth < have && path[depth] === w.charCodeAt(depth)) depth++;
    have = depth;
    let pruned = -1; // length of a prefix under which nothing can match
    while (have < length) {
      const c = w.charCodeAt(have);
      path[have] = c;
      const i = have + 1;
      const at = i * width;
      const up = at - width;
      const up2 = up - width;
      const pc = i > 1 ? path[i - 2]! : -1;
      const lo = i - max > 1 ? i - max : 1;
      const hi = i + max < m ? i + max : m;
      rows[at + lo - 1] = lo === 1 ? i : BIG;
      // The least this prefix can end with: each cell plus the length difference still to make up.
      let bound = lo === 1 ? i + Math.abs(tail - i) : BIG;
      for (let j = lo; j <= hi; j++) {
        const cq = word.charCodeAt(j - 1);
        let v = rows[up + j - 1]! + (c === cq ? 0 : 1);
        const del = rows[up + j]! + 1;
        if (del < v) v = del;
        const ins = rows[at + j - 1]! + 1;
        if (ins < v) v = ins;
        if (pc === cq && j > 1 && c === word.charCodeAt(j - 2)) {
          const t = rows[up2 + j - 2]! + 1;
          if (t < v) v = t;
        }
        rows[at + j] = v;
        const rest = tail - i + j;
        const b = v + (rest < 0 ? -rest : rest);
        if (b < bound) bound = b;
      }
      if (hi < m) rows[at + hi + 1] = BIG;
      have = i;
      if (bound > max) {
        pruned = i;
        break;
      }
    }
    if (pruned >= 0) {
      k = skipPrefix(words, k, w, pruned);
      have = pruned - 1;
      continue;
    }
    const d = rows[length * width + m]!;
    if (d <= max) visit(w, d);
    k++;
  }
}

/** The first index after `k` whose word does not start with `w`'s first `len` characters (words from `k` on are sorted). */
function skipPrefix(vocab: readonly string[], k: number, w: string, len: number): number {
  // Gallop: skipped ranges are usually short. Invariant: vocab[lo] shares the prefix, vocab[hi] does not (or is past the end).
  let lo = k;
  let step = 1;
  let hi = k + 1;
  while (hi < vocab.length && sharesPrefix(vocab[hi]!, w, len)) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > vocab.length) hi = vocab.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (sharesPrefix(vocab[mid]!, w, len)) lo = mid;
    else hi = mid;
  }
  return hi;
}

function sharesPrefix(v: string, w: string, len: number): boolean {
  if (v.length < len) return false;
  for (let c = len - 1; c >= 0; c--) if (v.charCodeAt(c) !== w.charCodeAt(c)) return false;
  return true;
}

/** First index in `[from, keys.length)` whose key is not below `q`. */
export function lowerBound(keys: readonly string[], q: string, from = 0): number {
  let lo = from;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
