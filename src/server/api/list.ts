import { z } from 'zod';
import { API_VERSION, compareOrderKeys, LIST_LIMIT_DEFAULT, LIST_PATH, type ApiListResponse, type ListQuery } from '../../api/index.js';
import { normalizeName } from '../../search/index.js';
import { HttpError } from '../http-error.js';
import type { ApiData } from './api-data.js';

const CursorSchema = z.tuple([z.literal(1), z.string().max(400), z.string().max(300)]);

/** An opaque cursor: the sort key of the last entry shown (stable across rebuilds: no entry is skipped or repeated). */
export function encodeCursor(key: readonly [string, string]): string {
  return Buffer.from(JSON.stringify([1, key[0], key[1]]), 'utf8').toString('base64url');
}

/** The sort key in a cursor, or a 400 for anything this server did not write. */
export function decodeCursor(cursor: string): [string, string] {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    json = null;
  }
  const parsed = CursorSchema.safeParse(json);
  if (!parsed.success) throw new HttpError(400, 'cursor: not a cursor this server wrote; start again without it');
  return [parsed.data[1], parsed.data[2]];
}

/**
 * One page of the entries that pass every filter, after the cursor, in index order; `total` counts
 * every match. `class` and `company` compare normalized names (case, accents and punctuation
 * ignored): equal to the class label, or the words in order inside the text.
 */
export function listPage(data: ApiData, query: ListQuery): ApiListResponse {
  const classWords = query.class === undefined ? null : wordsOf(query.class, 'class');
  const companyWords = query.company === undefined ? null : wordsOf(query.company, 'company');
  const banned = query.banned === undefined ? null : query.banned === 'true';
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  const start = after === null ? 0 : firstAfter(data.keys, after);
  const filtered = query.kind !== undefined || banned !== null || classWords !== null || companyWords !== null || query.letter !== undefined;

  const keep = (i: number): boolean => {
    const item = data.items[i]!;
    if (query.kind !== undefined && item.kind !== query.kind) return false;
    if (banned !== null && item.banned !== banned) return false;
    if (query.letter !== undefined && item.letter !== query.letter) return false;
    const norm = data.norm[i]!;
    if (classWords !== null && norm.classLabel !== classWords && !containsWords(norm.drugClass, classWords)) return false;
    if (companyWords !== null && !containsWords(norm.company, companyWords)) return false;
    return true;
  };

  const page: number[] = [];
  let total = 0;
  let more = false;
  if (!filtered) {
    total = data.items.length;
    for (let i = start; i < data.items.length && page.length < query.limit; i++) page.push(i);
    more = start + page.length < data.items.length;
  } else {
    for (let i = 0; i < data.items.length; i++) {
      if (!keep(i)) continue;
      total++;
      if (i < start) continue;
      if (page.length < query.limit) page.push(i);
      else more = true;
    }
  }
  const last = page.at(-1);
  const nextCursor = more && last !== undefined ? encodeCursor(data.keys[last]!) : null;
  return {
    apiVersion: API_VERSION,
    total,
    limit: query.limit,
    items: page.map((i) => data.items[i]!),
    nextCursor,
    next: nextCursor === null ? null : nextUrl(query, nextCursor),
  };
}

/** Index of the first key after `key` (keys are sorted). */
function firstAfter(keys: readonly (readonly [string, string])[], key: readonly [string, string]): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareOrderKeys(keys[mid]!, key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function wordsOf(value: string, name: string): string {
  const words = normalizeName(value);
  if (words === '') throw new HttpError(400, `${name}: give at least one letter or digit`);
  return words;
}

/** `haystack` contains the words of `needle` in order, at word boundaries (both normalized). */
function containsWords(haystack: string, needle: string): boolean {
  return haystack !== '' && ` ${haystack} `.includes(` ${needle} `);
}

function nextUrl(query: ListQuery, cursor: string): string {
  const params = new URLSearchParams();
  if (query.kind !== undefined) params.set('kind', query.kind);
  if (query.banned !== undefined) params.set('banned', query.banned);
  if (query.class !== undefined) params.set('class', query.class);
  if (query.company !== undefined) params.set('company', query.company);
  if (query.letter !== undefined) params.set('letter', query.letter);
  if (query.limit !== LIST_LIMIT_DEFAULT) params.set('limit', String(query.limit));
  params.set('cursor', cursor);
  return `${LIST_PATH}?${params.toString()}`;
}
