import { z } from 'zod';
import { KindSchema } from '../model/index.js';
import type { Catalog } from '../catalog/types.js';
import { normalizeName } from './normalize.js';

/** Bumped whenever the serialized shape of {@link NamesIndex} changes. */
export const NAMES_INDEX_VERSION = 1;

/**
 * One page in the names index. Keys are one letter because the file is shipped to browsers
 * (`search/names.json`, read by `assets/search.js`).
 */
export const NamesItemSchema = z.object({
  /** Page title. */
  t: z.string(),
  /** Site path of the page (`pagePath`), starts and ends with `/`. */
  u: z.string(),
  /** Page kind. */
  k: KindSchema,
  /** Normalized names (see `normalizeName`), unique, the title's first: title, generic name, brand
   * names, synonyms, ingredients, aliases. Never empty strings. */
  n: z.array(z.string()),
  /** Display names parallel to `n`: `d[i]` is the name as first written that normalizes to `n[i]`.
   * Optional so that an index written without it still loads; then `n` is shown instead. */
  d: z.array(z.string()).optional(),
  /** 1 when the page (or the generic it belongs to) is banned. */
  b: z.union([z.literal(0), z.literal(1)]),
});
export type NamesItem = z.infer<typeof NamesItemSchema>;

/** The names index: a plain JSON value, `JSON.parse(JSON.stringify(index))` deep-equals `index`. */
export const NamesIndexSchema = z.object({
  v: z.literal(NAMES_INDEX_VERSION),
  items: z.array(NamesItemSchema),
});
export type NamesIndex = z.infer<typeof NamesIndexSchema>;

/**
 * One item per catalog entry, in catalog order (sorted by title).
 *
 * @example
 * const index = buildNamesIndex(catalog);
 * await writeFile(join(out, 'search/names.json'), JSON.stringify(index));
 */
export function buildNamesIndex(catalog: Catalog): NamesIndex {
  const items = catalog.entries.map((entry): NamesItem => {
    const m = entry.monograph;
    const { n, d } = uniqueNames([
      m.title,
      m.genericName,
      ...m.brandNames,
      ...m.synonyms,
      ...m.ingredients,
      ...m.aliases,
    ]);
    return { t: m.title, u: entry.url, k: m.kind, n, d, b: entry.banned.value ? 1 : 0 };
  });
  return { v: NAMES_INDEX_VERSION, items };
}

/** Normalize and dedupe, keeping the first display form of each normalized name. */
function uniqueNames(names: readonly (string | null)[]): { n: string[]; d: string[] } {
  const n: string[] = [];
  const d: string[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (name === null) continue;
    const key = normalizeName(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    n.push(key);
    d.push(name.trim());
  }
  return { n, d };
}

export type ParseNamesIndexResult = { ok: true; index: NamesIndex } | { ok: false; message: string };

/**
 * Validate a names index read from disk (`JSON.parse` output). A wrong version or shape is
 * returned as data, never thrown.
 */
export function parseNamesIndex(value: unknown): ParseNamesIndexResult {
  const parsed = NamesIndexSchema.safeParse(value);
  if (parsed.success) return { ok: true, index: parsed.data };
  const version = typeof value === 'object' && value !== null && 'v' in value ? (value as { v: unknown }).v : undefined;
  if (version !== undefined && version !== NAMES_INDEX_VERSION) {
    return {
      ok: false,
      message: `names index has version ${JSON.stringify(version)}, this engine reads version ${NAMES_INDEX_VERSION}; rebuild the site`,
    };
  }
  return { ok: false, message: `names index is malformed: ${z.prettifyError(parsed.error)}` };
}

/** An index with no items, for a site without `search/names.json`. */
export function emptyNamesIndex(): NamesIndex {
  return { v: NAMES_INDEX_VERSION, items: [] };
}
