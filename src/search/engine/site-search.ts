import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Kind } from '../../model/index.js';
import { openFulltextIndex, type FulltextFacets, type FulltextIndex } from '../fulltext/index.js';
import { emptyNamesIndex, parseNamesIndex, type NamesIndex } from '../names-index.js';
import { DEFAULT_SEARCH_LIMIT, lookupNames } from '../search-names.js';
import { alternativesOf, defaultAbbreviations, isTypedAbbreviation, type AbbreviationTable } from './abbreviations.js';
import { mergeTiers, textSlots, type SearchHit } from './merge.js';

/** Where a built site keeps its two search tiers. */
export const NAMES_FILE = join('search', 'names.json');
export const FULLTEXT_FILE = join('search', 'fulltext.db');
/** Largest `limit` a caller may ask for. */
export const MAX_SEARCH_LIMIT = 100;

export interface SiteSearchOptions {
  limit?: number;
  kind?: Kind;
  banned?: boolean;
}

/** The answer to one query (the shape of `GET /api/search` and of each `formulary search --json` line). */
export interface SearchResponse {
  query: string;
  results: SearchHit[];
  /** The name to offer as "Did you mean …?" when the best result is only a typo match. */
  didYouMean: string | null;
  /** Pages the text tier matched (an estimate when `totalExact` is false) plus the name matches
   * not among the text tier's first `limit` results: a page matched by both beyond those counts twice. */
  total: number;
  totalExact: boolean;
  /** Counts over the text tier's matches; null when the site has no full-text index. */
  facets: FulltextFacets | null;
}

export interface SiteSearch {
  /**
   * Answer a query. A repeated query (same text and options, same search files) gets the same
   * response object again from a cache: treat responses as read-only.
   */
  search(query: string, options?: SiteSearchOptions): SearchResponse;
  /** What is missing or broken in the site's search files (empty when both tiers loaded). */
  problems(): string[];
  close(): void;
}

interface Loaded<T> {
  value: T;
  problem: string | null;
  key: string;
}

/**
 * Search a built site: the names tier (`search/names.json`) and, when the build wrote it, the
 * full-text tier (`search/fulltext.db`), merged by `mergeTiers`. Files that change on disk (a
 * rebuild) are reopened on the next query; missing or broken files are reported by `problems()`
 * and that tier answers nothing — never a throw.
 *
 * @example
 * const s = openSiteSearch('dist');
 * s.search('campath').results[0] // { title: 'Alemtuzumab', matched: 'Campath', how: 'exact', … }
 */
export interface OpenSiteSearchOptions {
  /** Abbreviations expanded in full-text queries (default: the bundled `data/search/abbreviations.json`). */
  abbreviations?: AbbreviationTable;
  /** Hears each problem once, when a search file is (re)loaded and is missing or broken. */
  onProblem?: (problem: string) => void;
  /**
   * Responses kept for repeated queries, least recently used dropped first (default
   * {@link SEARCH_CACHE_ENTRIES}; 0 keeps none: benchmarks of the engine itself). The cache is
   * emptied when a search file changes on disk.
   */
  cacheEntries?: number;
}

/**
 * Default size of the response cache. Readers' queries repeat (the same drug names, typed the
 * same way), and a full-text query costs ~3 ms of CPU on the real corpora against ~0.1 ms to
 * answer from the cache (bench:api). 4,096 responses of ~5 KB each: ~20 MB at most.
 */
export const SEARCH_CACHE_ENTRIES = 4096;
/** Longer queries are answered but not cached (no one types them twice). */
const CACHE_MAX_QUERY = 200;

export function openSiteSearch(siteDir: string, options: OpenSiteSearchOptions = {}): SiteSearch {
  const abbreviations = options.abbreviations ?? defaultAbbreviations();
  const report = options.onProblem ?? (() => {});
  const namesPath = join(siteDir, NAMES_FILE);
  const textPath = join(siteDir, FULLTEXT_FILE);
  let names: Loaded<NamesIndex> | null = null;
  let text: Loaded<FulltextIndex | null> | null = null;
  const cacheEntries = Math.max(0, Math.floor(options.cacheEntries ?? SEARCH_CACHE_ENTRIES));
  const cache = new Map<string, SearchResponse>();
  let cacheFiles = '';

  const current = (): { names: Loaded<NamesIndex>; text: Loaded<FulltextIndex | null> } => {
    const nk = fileKey(namesPath);
    if (names?.key !== nk) {
      names = { ...loadNames(namesPath), key: nk };
      if (names.problem !== null) report(names.problem);
    }
    const tk = fileKey(textPath);
    if (text?.key !== tk) {
      text?.value?.close();
      const opened = tk === 'missing' ? { problem: `${FULLTEXT_FILE} is missing: searching names only (rebuild the site to search the text)` } : openFulltextIndex(textPath);
      text = 'problem' in opened ? { value: null, problem: opened.problem, key: tk } : { value: opened, problem: null, key: tk };
      if (text.problem !== null) report(text.problem);
    }
    return { names, text };
  };

  /** The two tiers' answers, merged. */
  const answer = (tiers: ReturnType<typeof current>, query: string, options: SiteSearchOptions, limit: number): SearchResponse => {
    const keep = (h: { kind: Kind; banned: boolean }): boolean =>
      (options.kind === undefined || h.kind === options.kind) && (options.banned === undefined || h.banned === options.banned);
    const filtered = options.kind !== undefined || options.banned !== undefined;
    const lookup = lookupNames(tiers.names.value, query, { limit: filtered ? limit * 5 : limit });
    const names = { ...lookup, results: lookup.results.filter(keep) };
    const textFirst = isTypedAbbreviation(abbreviations, query);
    // Only the text hits the merged page can show get a snippet (its costly part): not the pages
    // the names tier shows (they keep their places among the text's `limit`, so the page is the
    // one merging every hit gives), not more than the slots the names leave. An abbreviation
    // ("T2DM", "CLL", "ACE inhibitor") also searches the text for what it stands for.
    const shown = new Set(names.results.map((r) => r.url));
    const found =
      tiers.text.value?.search(query, { ...options, limit, exclude: shown, maxResults: textSlots(names, limit, textFirst), alternatives: alternativesOf(abbreviations, query) }) ??
      null;
    const text = found?.results ?? [];
    const merged = mergeTiers({ names, text, limit, textFirst });
    // Name matches among the text tier's results were counted there already.
    const namesOnly = shown.size - (found?.excluded ?? 0);
    return {
      query,
      results: merged.results,
      didYouMean: merged.didYouMean,
      total: (found?.total ?? 0) + namesOnly,
      totalExact: found?.exact ?? true,
      facets: found?.facets ?? null,
    };
  };

  return {
    search(query, options = {}) {
      const limit = Math.max(1, Math.min(MAX_SEARCH_LIMIT, Math.floor(options.limit ?? DEFAULT_SEARCH_LIMIT) || DEFAULT_SEARCH_LIMIT));
      const tiers = current();
      const files = `${tiers.names.key} ${tiers.text.key}`;
      if (files !== cacheFiles) {
        cache.clear();
        cacheFiles = files;
      }
      const key = cacheEntries > 0 && typeof query === 'string' && query.length <= CACHE_MAX_QUERY ? `${limit} ${options.kind ?? ''} ${options.banned ?? ''} ${query}` : null;
      const cached = key === null ? undefined : cache.get(key);
      if (cached !== undefined && key !== null) {
        cache.delete(key); // most recently used last
        cache.set(key, cached);
        return cached;
      }
      const response = answer(tiers, query, options, limit);
      if (key !== null) {
        cache.set(key, response);
        if (cache.size > cacheEntries) cache.delete(cache.keys().next().value!);
      }
      return response;
    },
    problems() {
      const tiers = current();
      return [tiers.names.problem, tiers.text.problem].filter((p): p is string => p !== null);
    },
    close() {
      text?.value?.close();
      text = null;
      cache.clear();
    },
  };
}

/** Changes when the file is replaced or rewritten. */
function fileKey(path: string): string {
  try {
    const st = statSync(path);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

function loadNames(path: string): { value: NamesIndex; problem: string | null } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'is missing' : `could not be read (${err.message})`;
    return { value: emptyNamesIndex(), problem: `${NAMES_FILE} ${why}: rebuild the site` };
  }
  const parsed = parseNamesIndex(json);
  return parsed.ok ? { value: parsed.index, problem: null } : { value: emptyNamesIndex(), problem: parsed.message };
}
