import { z } from 'zod';
import { KindSchema } from '../model/index.js';
import type { SearchResponse } from '../search/engine/index.js';
import { API_SCHEMAS, described } from './schemas.js';

/**
 * The shape of `GET /api/search` (issue 3's contract) as a schema, for the OpenAPI document and
 * the tests. The engine defines it as a TypeScript interface (`SearchResponse`); the check at the
 * bottom of this file fails the type-check if the two ever differ, so this is not a second
 * definition that can drift.
 */
export const SearchHitSchema = z
  .object({
    slug: z.string(),
    kind: KindSchema,
    title: z.string(),
    url: z.string(),
    score: described(z.number(), 'Higher is better; results come in non-increasing score order.'),
    matched: described(z.string(), 'The name or text that matched, as written.'),
    how: described(z.enum(['exact', 'synonym', 'combination', 'prefix', 'contains', 'word-prefix', 'fuzzy', 'generic', 'text']), 'Why the page matched.'),
    distance: described(z.number().exactOptional(), 'Edits between the query and `matched` (only for `fuzzy`).'),
    synonymSource: described(z.string().exactOptional(), 'Why an international name matched: the source of its synonym group.'),
    banned: z.boolean(),
    generic: described(z.object({ title: z.string(), url: z.string() }).exactOptional(), 'For a brand: the generic or combination page it is a brand of.'),
    snippet: described(z.string().exactOptional(), 'Escaped text of the matching passage; only `<mark>` tags are markup.'),
  })
  .register(API_SCHEMAS, { id: 'SearchHit', description: 'One search result.' });

export const SearchFacetsSchema = z
  .object({
    kind: z.record(z.string(), z.number()),
    banned: z.object({ yes: z.number(), no: z.number() }),
    class: z.record(z.string(), z.number()),
    company: z.record(z.string(), z.number()),
  })
  .register(API_SCHEMAS, { id: 'SearchFacets', description: 'Counts over the full-text matches: by kind, banned, drug class label and company (the 50 most frequent).' });

export const SearchResponseSchema = z
  .object({
    query: z.string(),
    results: z.array(SearchHitSchema),
    didYouMean: described(z.string().nullable(), 'The name to offer as "Did you mean …?" when the best result is only a typo match.'),
    total: z.number(),
    totalExact: z.boolean(),
    facets: described(SearchFacetsSchema.nullable(), 'Null when the site has no full-text index.'),
  })
  .register(API_SCHEMAS, { id: 'SearchResponse', description: 'The answer to one search query (the contract of `GET /api/search`).' });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time proof that the schema and the engine's interface are the same type. */
export const SEARCH_SCHEMA_MATCHES_ENGINE: Same<z.infer<typeof SearchResponseSchema>, SearchResponse> = true;
