import type { Kind } from '../model/index.js';
import type { NamesIndex, NamesItem } from './names-index.js';
import { normalizeName } from './normalize.js';

/** Longest query looked at; the rest is ignored. */
export const MAX_QUERY_LENGTH = 200;
/** Results returned when no limit is given. */
export const DEFAULT_SEARCH_LIMIT = 20;

export type MatchHow = 'exact' | 'prefix' | 'word-prefix';

/** One search hit as a results list shows it: the server produces it, the site renders it. */
export interface SearchResultView {
  title: string;
  url: string;
  kind: Kind;
  /** The name that matched, as written (a brand, a synonym, the title…), e.g. `"Campath"`. */
  matched: string;
  banned: boolean;
}

/** The view of a name match. */
export const toResultView = (m: NameMatch): SearchResultView => ({ title: m.item.t, url: m.item.u, kind: m.item.k, matched: m.matched, banned: m.item.b === 1 });

export interface NameMatch {
  item: NamesItem;
  /** The name that matched as written (e.g. `Campath` for the query `campath`). */
  matched: string;
  /** Higher is better: 3 exact, 2 prefix, 1 word-prefix, plus a fraction that favours shorter names. */
  score: number;
  how: MatchHow;
}

/** Names longer than this rank as if they had this length (it bounds the ranking codes). */
const MAX_RANKED_LENGTH = 4095;
const HOW_BY_RANK: readonly MatchHow[] = ['exact', 'prefix', 'word-prefix'];

/**
 * Find pages whose names match `query`, case- and accent-insensitively (see `normalizeName`):
 * a name equal to the query, then names starting with it, then names with a word starting with it.
 * One result per page (its best name); ties go to the shorter name, then to pages matched by their
 * own title (so `paracetamol` lists the Paracetamol page before combinations containing it), then
 * to the title, then the URL. The index is treated as immutable: a lookup table is built for it
 * on first use and kept while the index object lives.
 *
 * @example
 * searchNames(index, 'campath')[0] // { item: { t: 'Alemtuzumab', … }, matched: 'Campath', how: 'exact', … }
 */
export function searchNames(index: NamesIndex, query: string, limit: number = DEFAULT_SEARCH_LIMIT): NameMatch[] {
  const q = normalizeName(query.slice(0, MAX_QUERY_LENGTH));
  const max = Math.floor(limit);
  if (q === '' || !(max > 0)) return [];
  const table = lookupTable(index);
  const { keys, row } = table;

  // Pass 1: the best name of each item among the word-start suffixes that start with q.
  // `code` orders a match: rank (exact, prefix, word-prefix), then name length, then title first.
  const generation = ++table.generation;
  const found: number[] = [];
  for (let i = lowerBound(keys, q); i < keys.length && keys[i]!.startsWith(q); i++) {
    const item = row.item[i]!;
    const name = row.name[i]!;
    const rank = row.atStart[i] === 1 ? (keys[i]!.length === q.length ? 0 : 1) : 2;
    const code = ((rank * (MAX_RANKED_LENGTH + 1) + row.length[i]!) << 1) | (name === 0 ? 0 : 1);
    if (table.seen[item] !== generation) {
      table.seen[item] = generation;
      table.bestCode[item] = code;
      table.bestName[item] = name;
      found.push(item);
    } else if (code < table.bestCode[item]! || (code === table.bestCode[item] && name < table.bestName[item]!)) {
      table.bestCode[item] = code;
      table.bestName[item] = name;
    }
  }

  // Pass 2: keep the items whose code is within the best `max` (a counting pass, no full sort),
  // then sort only those.
  let kept = found;
  if (found.length > max) {
    const counts = new Uint32Array(3 * (MAX_RANKED_LENGTH + 1) * 2);
    for (const item of found) counts[table.bestCode[item]!]!++;
    let threshold = 0;
    for (let total = 0; threshold < counts.length; threshold++) {
      total += counts[threshold]!;
      if (total >= max) break;
    }
    kept = found.filter((item) => table.bestCode[item]! <= threshold);
  }
  kept.sort(
    (a, b) =>
      table.bestCode[a]! - table.bestCode[b]! ||
      compare(index.items[a]!.t, index.items[b]!.t) ||
      compare(index.items[a]!.u, index.items[b]!.u),
  );

  return kept.slice(0, max).map((i) => {
    const item = index.items[i]!;
    const name = table.bestName[i]!;
    const code = table.bestCode[i]!;
    const rank = Math.floor((code >> 1) / (MAX_RANKED_LENGTH + 1));
    const length = item.n[name]!.length;
    return {
      item,
      matched: item.d?.[name] ?? item.n[name]!,
      score: 3 - rank + 1 / (1 + length),
      how: HOW_BY_RANK[rank]!,
    };
  });
}

/**
 * Every word start of every name, as the suffix from there, sorted: the rows matching a prefix
 * query are one range, found by binary search. Plus per-item scratch arrays for the query.
 */
interface LookupTable {
  keys: string[];
  row: {
    item: Int32Array;
    name: Int32Array;
    /** 1 when the key is the whole name (word start at 0). */
    atStart: Uint8Array;
    /** Length of the whole name, capped at MAX_RANKED_LENGTH. */
    length: Int32Array;
  };
  /** Scratch, valid where `seen[item] === generation`. */
  generation: number;
  seen: Int32Array;
  bestCode: Int32Array;
  bestName: Int32Array;
}

const tables = new WeakMap<NamesIndex, LookupTable>();

function lookupTable(index: NamesIndex): LookupTable {
  const cached = tables.get(index);
  if (cached) return cached;
  // Group rows by key first: names repeat a lot (an ingredient in hundreds of combinations), so
  // there are far fewer distinct keys to sort than rows.
  const byKey = new Map<string, number[]>();
  index.items.forEach((it, i) => {
    it.n.forEach((n, j) => {
      for (let p = 0; ; ) {
        const key = n.slice(p);
        const rows = byKey.get(key);
        if (rows === undefined) byKey.set(key, [i, j, p === 0 ? 1 : 0]);
        else rows.push(i, j, p === 0 ? 1 : 0);
        const space = n.indexOf(' ', p);
        if (space === -1) break;
        p = space + 1;
      }
    });
  });
  const distinct = [...byKey.keys()].sort(); // default order: UTF-16 code units, as `<`
  let size = 0;
  for (const rows of byKey.values()) size += rows.length / 3;
  const table: LookupTable = {
    keys: new Array<string>(size),
    row: { item: new Int32Array(size), name: new Int32Array(size), atStart: new Uint8Array(size), length: new Int32Array(size) },
    generation: 0,
    seen: new Int32Array(index.items.length),
    bestCode: new Int32Array(index.items.length),
    bestName: new Int32Array(index.items.length),
  };
  let r = 0;
  for (const key of distinct) {
    const rows = byKey.get(key)!;
    for (let k = 0; k < rows.length; k += 3, r++) {
      const item = rows[k]!;
      const name = rows[k + 1]!;
      table.keys[r] = key;
      table.row.item[r] = item;
      table.row.name[r] = name;
      table.row.atStart[r] = rows[k + 2]!;
      table.row.length[r] = Math.min(index.items[item]!.n[name]!.length, MAX_RANKED_LENGTH);
    }
  }
  tables.set(index, table);
  return table;
}

function lowerBound(keys: readonly string[], q: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
