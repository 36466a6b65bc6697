import { createHash } from 'node:crypto';
import { entryKey, type Catalog } from '../catalog/index.js';
import type { CatalogEntry, Kind } from '../model/index.js';

/**
 * API ids: the page's slug, except when a page of another kind has the same slug. Compositions
 * keep the bare slug first, then combinations, then brands; a later kind gets `<kind>.<slug>`
 * (slugs never contain a dot, so this never meets another slug).
 */
export const API_ID_PATTERN = /^[a-z0-9][a-z0-9.-]{0,254}$/;
const KIND_PRIORITY: readonly Kind[] = ['composition', 'combination', 'medicine'];

/** A FHIR `id`: 1–64 of `A–Z a–z 0–9 - .` (FHIR R4 datatype `id`). */
export const FHIR_ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

export interface ApiIds {
  /** `kind:slug` → API id. */
  byKey: Map<string, string>;
  of(entry: CatalogEntry): string;
}

/**
 * Ids already worked out, per entries array. An array changed in place keeps its ids: only
 * `replaceBrands` does that, and it keeps every entry's kind and slug (all an id depends on).
 */
const known = new WeakMap<readonly CatalogEntry[], ApiIds>();

/**
 * The API id of every catalog entry (worked out once per catalog). Throws on an entry whose slug
 * cannot be an id (a programmer error upstream).
 */
export function apiIds(catalog: Pick<Catalog, 'entries'>): ApiIds {
  let ids = known.get(catalog.entries);
  if (ids === undefined) {
    ids = idsOf(catalog.entries);
    known.set(catalog.entries, ids);
  }
  return ids;
}

function idsOf(entries: readonly CatalogEntry[]): ApiIds {
  const bySlug = new Map<string, CatalogEntry[]>();
  for (const e of entries) {
    const list = bySlug.get(e.monograph.slug);
    if (list) list.push(e);
    else bySlug.set(e.monograph.slug, [e]);
  }
  const byKey = new Map<string, string>();
  for (const [slug, entries] of bySlug) {
    const sorted = [...entries].sort((a, b) => KIND_PRIORITY.indexOf(a.monograph.kind) - KIND_PRIORITY.indexOf(b.monograph.kind));
    sorted.forEach((e, i) => {
      const id = i === 0 ? slug : `${e.monograph.kind}.${slug}`;
      if (!API_ID_PATTERN.test(id)) throw new Error(`api: the slug "${slug}" cannot be an API id`);
      byKey.set(entryKey(e.monograph.kind, slug), id);
    });
  }
  return {
    byKey,
    of(entry) {
      const id = byKey.get(entryKey(entry.monograph.kind, entry.monograph.slug));
      if (id === undefined) throw new Error(`api: no id for "${entry.monograph.kind}:${entry.monograph.slug}"`);
      return id;
    },
  };
}

/**
 * The FHIR id of an API id: the same when it fits FHIR's 64 characters, else its first 55
 * characters and 8 hex digits of its sha256 (so long combination slugs stay distinct and stable).
 *
 * @example fhirId('paracetamol') // 'paracetamol'
 */
export function fhirId(apiId: string): string {
  if (FHIR_ID_PATTERN.test(apiId)) return apiId;
  const head = apiId.slice(0, 55).replace(/[^A-Za-z0-9\-.]/g, '-').replace(/[-.]+$/, '');
  return `${head}-${createHash('sha256').update(apiId).digest('hex').slice(0, 8)}`;
}
