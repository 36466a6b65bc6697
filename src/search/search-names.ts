import type { NamesIndex, NamesItem } from './names-index.js';
import { normalizeName } from './normalize.js';

/** Longest query looked at; the rest is ignored. */
export const MAX_QUERY_LENGTH = 200;
/** Results returned when no limit is given. */
export const DEFAULT_SEARCH_LIMIT = 20;

export type MatchHow = 'exact' | 'prefix' | 'word-prefix';

export interface NameMatch {
  item: NamesItem;
  /** The name that matched as written (e.g. `Campath` for the query `campath`). */
  matched: string;
  /** Higher is better: 3 exact, 2 prefix, 1 word-prefix, plus a fraction that favours shorter names. */
  score: number;
  how: MatchHow;
}

const RANK: Record<MatchHow, number> = { exact: 3, prefix: 2, 'word-prefix': 1 };

/**
 * Find pages whose names match `query`, case- and accent-insensitively (see `normalizeName`):
 * a name equal to the query, then names starting with it, then names with a word starting with it.
 * One result per page (its best name); ties go to the shorter name, then to pages matched by their
 * own title (so `paracetamol` lists the Paracetamol page before combinations containing it), then
 * to the title, then the URL.
 * The index is treated as immutable: a lookup table is built for it on first use and kept while
 * the index object lives.
 *
 * @example
 * searchNames(index, 'campath')[0] // { item: { t: 'Alemtuzumab', … }, matched: 'Campath', how: 'exact', … }
 */
export function searchNames(index: NamesIndex, query: string, limit: number = DEFAULT_SEARCH_LIMIT): NameMatch[] {
  const q = normalizeName(query.slice(0, MAX_QUERY_LENGTH));
  const max = Math.floor(limit);
  if (q === '' || !(max > 0)) return [];
  const table = lookupTable(index);

  // Best name per item among all word-start suffixes that start with q.
  const best = new Map<number, { rank: number; name: number; length: number }>();
  for (let i = lowerBound(table.keys, q); i < table.keys.length; i++) {
    const key = table.keys[i]!;
    if (!key.startsWith(q)) break;
    const item = table.item[i]!;
    const name = table.name[i]!;
    const length = index.items[item]!.n[name]!.length;
    const rank = table.atStart[i] === 1 ? (key.length === q.length ? RANK.exact : RANK.prefix) : RANK['word-prefix'];
    const seen = best.get(item);
    if (seen === undefined || rank > seen.rank || (rank === seen.rank && (length < seen.length || (length === seen.length && name < seen.name)))) {
      best.set(item, { rank, name, length });
    }
  }

  const candidates = [...best].map(([item, m]) => ({ item: index.items[item]!, ...m }));
  candidates.sort(
    (a, b) =>
      b.rank - a.rank ||
      a.length - b.length ||
      Number(a.name !== 0) - Number(b.name !== 0) ||
      compare(a.item.t, b.item.t) ||
      compare(a.item.u, b.item.u),
  );
  return candidates.slice(0, max).map(({ item, rank, name, length }) => ({
    item,
    matched: item.d?.[name] ?? item.n[name]!,
    score: rank + 1 / (1 + length),
    how: rank === RANK.exact ? 'exact' : rank === RANK.prefix ? 'prefix' : 'word-prefix',
  }));
}

/** Every word start of every name, as the suffix from there, sorted: a prefix query is one range. */
interface LookupTable {
  keys: string[];
  item: Int32Array;
  name: Int32Array;
  /** 1 when the key is the whole name (word start at 0). */
  atStart: Uint8Array;
}

const tables = new WeakMap<NamesIndex, LookupTable>();

function lookupTable(index: NamesIndex): LookupTable {
  const cached = tables.get(index);
  if (cached) return cached;
  const rows: { key: string; item: number; name: number; atStart: number }[] = [];
  index.items.forEach((it, item) => {
    it.n.forEach((n, name) => {
      for (let p = 0; ; ) {
        rows.push({ key: n.slice(p), item, name, atStart: p === 0 ? 1 : 0 });
        const space = n.indexOf(' ', p);
        if (space === -1) break;
        p = space + 1;
      }
    });
  });
  rows.sort((a, b) => compare(a.key, b.key));
  const table: LookupTable = {
    keys: rows.map((r) => r.key),
    item: Int32Array.from(rows, (r) => r.item),
    name: Int32Array.from(rows, (r) => r.name),
    atStart: Uint8Array.from(rows, (r) => r.atStart),
  };
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
