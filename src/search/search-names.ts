import type { Kind } from '../model/index.js';
import { typoBudget } from './edit-distance.js';
import { forEachWordWithin, hasWord, lowerBound } from './fuzzy-words.js';
import type { NamesIndex, NamesItem } from './names-index.js';
import { MAX_INGREDIENT_WORDS, MAX_RANKED_LENGTH, namesTable, type NamesTable, type RowSet } from './names-table.js';
import { MAX_QUERY_LENGTH, parseQuery } from './query.js';
import { RangeMin } from './range-min.js';

export { MAX_QUERY_LENGTH };
/** Results returned when no limit is given. */
export const DEFAULT_SEARCH_LIMIT = 20;

/**
 * How a page matched, best first:
 * - `exact`: the query is one of the page's names (title, generic, brand, the page's own synonyms);
 * - `synonym`: the query is an international name from the curated synonyms (see `synonymSource`);
 * - `combination`: the query names the page's ingredients, in any order and with any separators;
 * - `prefix`: one of the page's names starts with the query;
 * - `contains`: the page's ingredients include every drug the query names, and others;
 * - `word-prefix`: a word inside one of the page's names starts with the query;
 * - `fuzzy`: the same as one of the above but for typos (see `distance`). Never the answer on its own:
 *   show it as "Did you mean …?" (`NamesLookup.didYouMean`);
 * - `generic`: the generic or combination page of a brand page that matched by name (`exact` to
 *   `prefix`), listed right after that brand when the query did not find it otherwise ("crocin 650"
 *   finds Crocin 650, then Paracetamol); `matched` is the brand's name that matched.
 * The first three rank together, above all others.
 */
export type MatchHow = 'exact' | 'synonym' | 'combination' | 'prefix' | 'contains' | 'word-prefix' | 'fuzzy' | 'generic';
const HOWS = ['exact', 'synonym', 'combination', 'prefix', 'contains', 'word-prefix', 'fuzzy'] as const satisfies readonly MatchHow[];
const EXACT = 0;
const SYNONYM = 1;
const COMBINATION = 2;
const PREFIX = 3;
const CONTAINS = 4;
const WORD_PREFIX = 5;
const FUZZY = 6;
/** Ranking tier of each `HOWS` entry. */
const TIER: readonly number[] = [0, 0, 0, 1, 2, 3, 4];

/** One search hit as a results list shows it: the server and the CLI produce it, the site renders it. */
export interface SearchResultView {
  slug: string;
  kind: Kind;
  title: string;
  url: string;
  /** Higher is better; results come in non-increasing score order. */
  score: number;
  /** The name that matched, as written (a brand, a synonym, the title…), e.g. `"Campath"`. */
  matched: string;
  how: MatchHow;
  /** Edits between the query and `matched` (summed over words and ingredients); only for `fuzzy`. */
  distance?: number;
  /** Why an international name matched: the source of its synonym group. */
  synonymSource?: string;
  banned: boolean;
  /** For a brand: the generic or combination page it is a brand of. */
  generic?: { title: string; url: string };
}

/** One page found by `lookupNames`. */
export interface NameMatch {
  item: NamesItem;
  slug: string;
  kind: Kind;
  title: string;
  url: string;
  banned: boolean;
  /** The name that matched as written (e.g. `Campath` for the query `campath`); the title for `combination` and `contains`. */
  matched: string;
  /** Higher is better, non-increasing along the results: 5 minus the rank code scaled to below 5. */
  score: number;
  how: MatchHow;
  /** Only for `fuzzy`: the number of edits. */
  distance?: number;
  /** When a name from the curated synonyms made the match: where the synonym comes from. */
  synonymSource?: string;
  /** For a brand: its generic or combination page (the names index's `p`). */
  generic?: { title: string; url: string };
}

/** The view of a name match. */
export const toResultView = (m: NameMatch): SearchResultView => {
  const view: SearchResultView = { slug: m.slug, kind: m.kind, title: m.title, url: m.url, score: m.score, matched: m.matched, how: m.how, banned: m.banned };
  if (m.distance !== undefined) view.distance = m.distance;
  if (m.synonymSource !== undefined) view.synonymSource = m.synonymSource;
  if (m.generic !== undefined) view.generic = m.generic;
  return view;
};

export interface LookupOptions {
  /** At most this many results (default {@link DEFAULT_SEARCH_LIMIT}). */
  limit?: number;
}

/** The answer to one query. */
export interface NamesLookup {
  results: NameMatch[];
  /**
   * The name to offer as "Did you mean …?" when the best result is only a typo match (`fuzzy`);
   * `null` when the best result is a real match or there is none.
   */
  didYouMean: string | null;
}

/**
 * Find pages by name, case- and accent-insensitively (see `normalizeName`). Ranking, best first:
 * 1. the query is a page's name, an international synonym of it, or the page's ingredients
 *    (`clavulanic acid + amoxicillin`, `paracetamol caffeine`, `amlodipine/telmisartan`);
 * 2. a name starts with the query; 3. combinations that contain every drug the query names;
 * 4. a word inside a name starts with the query; 5. typos, only when nothing matched in 1 and 2:
 *    whole words within 1 edit (4–7 letters) or 2 (8 and more), optimal string alignment distance,
 *    fewest edits first.
 * Only word starts count: `dol` never finds `bopindolol`. One result per page (its best name); ties
 * go to the shorter name, then to the page's own title, then to curated synonyms before brands and
 * other names, then by title and URL.
 *
 * @example
 * lookupNames(index, 'acetaminophen').results[0] // { title: 'Paracetamol', how: 'synonym', matched: 'Acetaminophen', synonymSource: '…' }
 * lookupNames(index, 'paracetmol').didYouMean // 'Paracetamol'
 */
export function lookupNames(index: NamesIndex, query: string, options: LookupOptions = {}): NamesLookup {
  const max = Math.floor(options.limit ?? DEFAULT_SEARCH_LIMIT);
  const parsed = parseQuery(query);
  if (parsed.text === '' || !(max > 0)) return { results: [], didYouMean: null };
  const table = namesTable(index);
  const run = new Run(index, table);
  run.names(parsed.text, max);
  const exact = run.segments(parsed.parts, false);
  if (exact !== null) run.combinations(exact);
  // Typos only when nothing really matches: no look-alike names under a real answer.
  if (!run.hasRealMatch()) {
    // One word can only be one drug, and one drug with a typo finds no combinations.
    if (exact === null && parsed.parts.flat().length > 1) {
      const fuzzy = run.segments(parsed.parts, true);
      if (fuzzy !== null) run.combinations(fuzzy);
    }
    run.fuzzyNames(parsed.text);
  }
  const results = withGenerics(run.top(max), index, max);
  const best = results[0];
  return { results, didYouMean: best !== undefined && best.how === 'fuzzy' ? best.matched : null };
}

/** Name matches whose brand page's generic is listed after it (see `generic` in {@link MatchHow}). */
const LEADS_TO_GENERIC: ReadonlySet<MatchHow> = new Set(['exact', 'synonym', 'combination', 'prefix']);

/**
 * `results` with, right after each brand page found by name, its generic or combination page when
 * the query did not find that page itself; at most `max` results.
 */
function withGenerics(results: NameMatch[], index: NamesIndex, max: number): NameMatch[] {
  if (!results.some((r) => r.item.p !== undefined && LEADS_TO_GENERIC.has(r.how))) return results;
  const listed = new Set(results.map((r) => r.url));
  const out: NameMatch[] = [];
  for (const r of results) {
    out.push(r);
    const p = r.item.p;
    const generic = p === undefined || !LEADS_TO_GENERIC.has(r.how) ? undefined : index.items[p];
    if (generic === undefined || listed.has(generic.u)) continue;
    listed.add(generic.u);
    out.push({ ...pageOf(generic), matched: r.matched, score: r.score, how: 'generic' });
  }
  return out.slice(0, max);
}

/**
 * Build the lookup structures of `index` now rather than on its first query (they are kept while
 * the index object lives). The browser calls it as soon as the index arrives.
 */
export function prepareNamesIndex(index: NamesIndex): void {
  namesTable(index);
}

/**
 * The results of {@link lookupNames} alone.
 *
 * @example searchNames(index, 'campath')[0] // { title: 'Alemtuzumab', matched: 'Campath', how: 'exact', … }
 */
export function searchNames(index: NamesIndex, query: string, limit: number = DEFAULT_SEARCH_LIMIT): NameMatch[] {
  return lookupNames(index, query, { limit }).results;
}

/**
 * The rank code of a hit: smaller is better. Fits in 31 bits. Tier, then `sub`, then `nameClass`: 0 for the page's title
 * (and combination matches), 1 for a name from the curated synonyms, 2 for the page's other names
 * (brands and the alternate names monographs list, which are noisier than curated synonyms).
 */
function rankCode(tier: number, sub: number, length: number, nameClass: number): number {
  // The name's class before its length: typing "atorv" lists Atorvastatin (the title) before the
  // shorter brand "Atorvaliq" of another page.
  return ((tier * 1024 + Math.min(sub, 1023)) * 3 + nameClass) * (MAX_RANKED_LENGTH + 1) + Math.min(length, MAX_RANKED_LENGTH);
}
const FIRST_CONTAINS_CODE = rankCode(2, 0, 0, 0);
const CODE_SCALE = 1024 * (MAX_RANKED_LENGTH + 1) * 3;

/** Greater than every character of a normalized name (`[a-z0-9 ]`). */
const AFTER_ALL = '{';
/** Ranges up to this many rows (plus 4 per result wanted) are scanned rather than taken best first. */
const SCAN_ROWS = 256;
/** Words whose typo candidates are kept between queries. */
const CANDIDATE_CACHE_SIZE = 4096;

/** One drug of a query, resolved to an ingredient. */
interface Segment {
  id: number;
  /** The resolvable name it was taken for (normalized). */
  name: string;
  distance: number;
}

/** The best split of the words from some position on: its typos, its drugs, its first drug, where the rest starts. */
interface Split {
  distance: number;
  count: number;
  first: Segment | null;
  rest: number;
}

/** The state of one query over a table's scratch arrays. */
class Run {
  readonly found: number[] = [];
  readonly generation: number;
  /** Joined synonym sources of combination hits; `bestSource` -2 - k points at `sources[k]`. */
  readonly sources: string[] = [];

  constructor(
    readonly index: NamesIndex,
    readonly table: NamesTable,
  ) {
    this.generation = ++table.generation;
  }

  /** Record a hit; keep the better of two hits on one item. `source`: a group index, -2 - k for `sources[k]`, or -1. */
  consider(item: number, code: number, name: number, how: number, distance: number, source: number): void {
    const t = this.table;
    if (t.seen[item] !== this.generation) {
      t.seen[item] = this.generation;
      this.found.push(item);
    } else if (!(code < t.bestCode[item]! || (code === t.bestCode[item] && name < t.bestName[item]!))) {
      return;
    }
    t.bestCode[item] = code;
    t.bestName[item] = name;
    t.bestHow[item] = how;
    t.bestDistance[item] = Math.min(distance, 255);
    t.bestSource[item] = source;
  }

  /**
   * Names equal to `q`, starting with it, or with a word starting with it. A huge range (a short
   * prefix) is not scanned: its rows are taken best first until `max` pages are found, as nothing
   * after them can be among the best `max`.
   */
  names(q: string, max: number): void {
    const { starts, inner } = this.table;
    const lo = lowerBound(starts.keys, q);
    const hi = lowerBound(starts.keys, q + AFTER_ALL, lo);
    let r = lo;
    for (; r < hi && starts.keys[r] === q; r++) {
      const how = starts.nameClass[r] === 1 ? SYNONYM : EXACT;
      this.row(starts, r, how);
    }
    this.range(starts, r, hi, PREFIX, max);
    const innerLo = lowerBound(inner.keys, q);
    this.range(inner, innerLo, lowerBound(inner.keys, q + AFTER_ALL, innerLo), WORD_PREFIX, max);
  }

  private range(set: RowSet, lo: number, hi: number, how: number, max: number): void {
    if (hi - lo <= SCAN_ROWS + 4 * max) {
      for (let r = lo; r < hi; r++) this.row(set, r, how);
      return;
    }
    const pages = new Set<number>();
    set.order ??= new RangeMin(set.rank);
    set.order.forEachAscending(lo, hi, (r) => {
      this.row(set, r, how);
      pages.add(set.item[r]!);
      return pages.size < max;
    });
  }

  private row(set: RowSet, r: number, how: number): void {
    const item = set.item[r]!;
    const name = set.name[r]!;
    const cls = set.nameClass[r]!;
    const source = cls === 1 ? this.groupOfName(item, name) : -1;
    this.consider(item, rankCode(TIER[how]!, 0, set.length[r]!, cls), name, how, 0, source);
  }

  /** Combinations whose ingredients are (or include) the drugs of `segments`. */
  combinations(segments: readonly Segment[]): void {
    if (segments.length === 0) return;
    const ids = [...new Set(segments.map((s) => s.id))];
    const total = segments.reduce((sum, s) => sum + s.distance, 0);
    // One drug with a typo: the typo match of its own page is the suggestion; no combinations.
    if (ids.length < 2 && total > 0) return;
    const t = this.table;
    let smallest = t.ingredientItems[ids[0]!]!;
    for (const id of ids) if (t.ingredientItems[id]!.length < smallest.length) smallest = t.ingredientItems[id]!;
    for (const item of smallest) {
      const own = t.itemIngredientIds[item]!;
      if (!ids.every((id) => own.includes(id))) continue;
      const extra = own.length - ids.length;
      let how: number;
      let sub: number;
      if (total > 0) {
        how = FUZZY;
        sub = Math.min(total, 31) * 32 + Math.min(extra, 31);
      } else {
        how = extra === 0 ? COMBINATION : CONTAINS;
        sub = extra === 0 ? 1 : extra;
      }
      const sources: string[] = [];
      for (const s of segments) {
        const group = t.ingredientGroup[s.id]!;
        if (group < 0 || t.itemIngredientNames[item]!.includes(s.name)) continue;
        const text = this.index.syn[group]!.s;
        if (!sources.includes(text)) sources.push(text);
      }
      let source = -1;
      if (sources.length > 0) {
        source = -2 - this.sources.length;
        this.sources.push(sources.join('; '));
      }
      this.consider(item, rankCode(TIER[how]!, sub, t.names[item]![0]!.length, 0), 0, how, total, source);
    }
  }

  /** Whether some page matched without typos, exactly or by prefix (tiers 0 and 1). */
  hasRealMatch(): boolean {
    for (const item of this.found) if (this.table.bestCode[item]! < FIRST_CONTAINS_CODE) return true;
    return false;
  }

  /** Whole names whose words are each within the typo budget of the query's words. */
  fuzzyNames(q: string): void {
    const words = q.split(' ');
    const lists = words.map((w) => this.wordCandidates(w));
    if (lists.some((l) => l.size === 0)) return;
    const { starts } = this.table;
    const keys = starts.keys;
    const walk = (i: number, prefix: string, distance: number): void => {
      for (const [word, d] of lists[i]!) {
        const text = i === 0 ? word : `${prefix} ${word}`;
        if (i < words.length - 1) {
          const probe = text + ' ';
          if (!(keys[lowerBound(keys, probe)]?.startsWith(probe) ?? false)) continue;
          walk(i + 1, text, distance + d);
          continue;
        }
        if (distance + d === 0) continue; // an exact match, found by `names`
        for (let r = lowerBound(keys, text); r < keys.length && keys[r] === text; r++) {
          const item = starts.item[r]!;
          const name = starts.name[r]!;
          const cls = starts.nameClass[r]!;
          const source = cls === 1 ? this.groupOfName(item, name) : -1;
          this.consider(item, rankCode(4, Math.min(distance + d, 31) * 32, starts.length[r]!, cls), name, FUZZY, distance + d, source);
        }
      }
    };
    walk(0, '', 0);
  }

  /** Vocabulary words within the typo budget of `word` (the word itself at 0 when it is one). */
  wordCandidates(word: string): Map<string, number> {
    const cache = this.table.candidateCache;
    let found = cache.get(word);
    if (found !== undefined) return found;
    found = new Map();
    const { vocab } = this.table;
    const budget = typoBudget(word);
    if (budget === 0) {
      if (hasWord(vocab, word)) found.set(word, 0);
    } else {
      const into = found;
      forEachWordWithin(vocab, word, budget, (w, d) => into.set(w, d));
    }
    if (cache.size >= CANDIDATE_CACHE_SIZE) cache.clear();
    cache.set(word, found);
    return found;
  }

  /**
   * Split each part of the query into drugs: the split with the fewest typos, then the fewest drugs,
   * then the longest first drug; `null` when some part cannot be read as drugs. Without `typos`,
   * only exact (or synonym) drug names count.
   */
  segments(parts: readonly string[][], typos: boolean): Segment[] | null {
    const all: Segment[] = [];
    for (const words of parts) {
      // best[i]: the best split of words[i..]; filled from the end.
      const best = new Array<Split | null>(words.length + 1).fill(null);
      best[words.length] = { distance: 0, count: 0, first: null, rest: words.length };
      for (let i = words.length - 1; i >= 0; i--) {
        for (let len = Math.min(MAX_INGREDIENT_WORDS, words.length - i); len >= 1; len--) {
          const tail = best[i + len]!;
          if (tail === null) continue;
          const cur = best[i]!;
          const count = 1 + tail.count;
          // The most typos this drug may have and still make a better split (below 0: none can).
          const slack = cur === null ? (typos ? Number.POSITIVE_INFINITY : 0) : cur.distance - tail.distance - (count < cur.count ? 0 : 1);
          if (slack < 0) continue;
          const seg = this.resolve(words.slice(i, i + len), slack);
          if (seg !== null) best[i] = { distance: seg.distance + tail.distance, count, first: seg, rest: i + len };
        }
      }
      for (let at = 0; at < words.length; ) {
        const step = best[at]!;
        if (step === null || step.first === null) return null;
        all.push(step.first);
        at = step.rest;
      }
    }
    return all;
  }

  /**
   * The ingredient `words` name: exactly, by synonym, or within the typo budget of each word; only
   * answers with at most `slack` typos (the caller has no use for others).
   */
  resolve(words: readonly string[], slack: number): Segment | null {
    const t = this.table;
    const key = words.join(' ');
    const id = t.resolvable.get(key);
    if (id !== undefined) return { id, name: key, distance: 0 };
    if (slack < 1) return null;
    let best: Segment | null = null;
    for (const [first, d0] of this.wordCandidates(words[0]!)) {
      for (const name of t.resolvableByFirstWord.get(first) ?? []) {
        const parts = name.split(' ');
        if (parts.length !== words.length) continue;
        let distance = d0;
        for (let j = 1; j < parts.length && distance >= 0; j++) {
          const d = this.wordCandidates(words[j]!).get(parts[j]!);
          distance = d === undefined ? -1 : distance + d;
        }
        if (distance < 0 || distance > slack) continue;
        const cand = { id: t.resolvable.get(name)!, name, distance };
        if (best === null || betterResolution(t, cand, best)) best = cand;
      }
    }
    return best;
  }

  groupOfName(item: number, name: number): number {
    const it = this.index.items[item]!;
    return it.y?.[name - this.table.firstSynonym[item]!] ?? -1;
  }

  /** The best `max` hits, in order. */
  top(max: number): NameMatch[] {
    const t = this.table;
    const items = this.index.items;
    let kept = this.found;
    if (kept.length > max) {
      const codes = Int32Array.from(kept, (i) => t.bestCode[i]!);
      const threshold = kthSmallest(codes, max - 1);
      kept = kept.filter((i) => t.bestCode[i]! <= threshold);
    }
    kept.sort((a, b) => t.bestCode[a]! - t.bestCode[b]! || compare(items[a]!.n[0]!, items[b]!.n[0]!) || compare(items[a]!.u, items[b]!.u));
    return kept.slice(0, max).map((i): NameMatch => {
      const item = items[i]!;
      const how = HOWS[t.bestHow[i]!]!;
      const match: NameMatch = {
        ...pageOf(item),
        matched: item.n[t.bestName[i]!]!,
        score: Math.round((5 - t.bestCode[i]! / CODE_SCALE) * 1e6) / 1e6,
        how,
      };
      if (how === 'fuzzy') match.distance = t.bestDistance[i]!;
      const generic = item.p === undefined ? undefined : items[item.p];
      if (generic !== undefined) match.generic = { title: generic.n[0]!, url: generic.u };
      const source = t.bestSource[i]!;
      if (source >= 0) match.synonymSource = this.index.syn[source]!.s;
      else if (source <= -2) match.synonymSource = this.sources[-2 - source]!;
      return match;
    });
  }
}

/** The page fields of a match, from its names-index item. */
const pageOf = (item: NamesItem): Pick<NameMatch, 'item' | 'slug' | 'kind' | 'title' | 'url' | 'banned'> => ({
  item,
  slug: slugOf(item.u),
  kind: item.k,
  title: item.n[0]!,
  url: item.u,
  banned: item.b === 1,
});

/** Fewer typos, then the drug in more combinations, then the name. */
function betterResolution(t: NamesTable, a: Segment, b: Segment): boolean {
  if (a.distance !== b.distance) return a.distance < b.distance;
  const pa = t.ingredientItems[a.id]!.length;
  const pb = t.ingredientItems[b.id]!.length;
  if (pa !== pb) return pa > pb;
  return a.name < b.name;
}

/** The last path segment of a page URL: `/composition/combination/a-b/` → `a-b`. */
function slugOf(url: string): string {
  const parts = url.split('/').filter((p) => p !== '');
  return parts[parts.length - 1] ?? '';
}

/** The k-th smallest value (0-based) of `values`, which it reorders. */
function kthSmallest(values: Int32Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const x = values[i]!;
        values[i] = values[j]!;
        values[j] = x;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
