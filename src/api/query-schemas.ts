import { z } from 'zod';
import { KindSchema } from '../model/index.js';
import { MAX_SEARCH_LIMIT } from '../search/engine/index.js';
import { MAX_QUERY_LENGTH } from '../search/index.js';
import { LETTERS } from '../site/text.js';
import { described } from './schemas.js';

/**
 * Query parameters of the server's API routes: the one definition used to parse requests and to
 * write the OpenAPI document's parameters. Values arrive as strings; parameters not listed are
 * rejected by the server (except on `GET /api/search`, whose contract predates the rule).
 */

export const LIST_LIMIT_DEFAULT = 100;
export const LIST_LIMIT_MAX = 1000;
/** Longest filter value (`class`, `company`) accepted. */
export const FILTER_MAX_LENGTH = 100;
/** Longest `cursor` accepted (cursors the server writes are far shorter). */
export const CURSOR_MAX_LENGTH = 600;

const BooleanText = z.enum(['true', 'false']);

export const ListQuerySchema = z.object({
  kind: described(KindSchema.optional(), 'Only entries of this kind.'),
  banned: described(BooleanText.optional(), 'Only banned (`true`) or only not banned (`false`) entries; brands inherit the status.'),
  class: described(
    z.string().min(1).max(FILTER_MAX_LENGTH).optional(),
    'Drug class: entries whose class label (as in search facets) is this, or whose class text contains these words in this order (case and accents ignored).',
  ),
  company: described(z.string().min(1).max(FILTER_MAX_LENGTH).optional(), 'Company of a brand: the name, or words of it in order (case and accents ignored).'),
  letter: described(z.enum(LETTERS as [string, ...string[]]).optional(), 'Browse letter of the title: `a`–`z`, or `0-9` for titles starting with anything else.'),
  cursor: described(z.string().min(1).max(CURSOR_MAX_LENGTH).optional(), 'Opaque: the `nextCursor` of the previous page (with the same filters).'),
  limit: described(z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_DEFAULT), `Entries per page (1–${LIST_LIMIT_MAX}).`),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;

/** `GET /api/search` and `GET /api/v1/search` (issue 3's contract: names, types and defaults). */
export const SearchQuerySchema = z.object({
  q: described(z.string().max(MAX_QUERY_LENGTH * 4, `q is longer than ${MAX_QUERY_LENGTH * 4} characters`).default(''), 'The query: a name, brand, synonym, combination, or words of the text.'),
  kind: described(KindSchema.optional(), 'Only results of this kind.'),
  limit: described(z.coerce.number().int().min(1).max(MAX_SEARCH_LIMIT).default(20), `Results (1–${MAX_SEARCH_LIMIT}).`),
  banned: described(
    BooleanText.transform((v) => v === 'true').optional(),
    'Only banned (`true`) or only not banned (`false`) results.',
  ),
});

/** Largest FHIR Bundle page: every entry of a catalog of the expected size in one Bundle, a huge one in pages. */
export const FHIR_BUNDLE_MAX = 10_000;

/** `GET /fhir/MedicationKnowledge`. */
export const FhirSearchQuerySchema = z.object({
  _format: described(z.enum(['json', 'application/json', 'application/fhir+json']).optional(), 'Only JSON is served.'),
  status: described(z.enum(['active', 'inactive']).optional(), 'Only active or only inactive (banned or discontinued) medications.'),
  _count: described(z.coerce.number().int().min(1).max(FHIR_BUNDLE_MAX).default(FHIR_BUNDLE_MAX), `Entries per Bundle (1–${FHIR_BUNDLE_MAX}; by default all, up to that many).`),
  _page: described(z.coerce.number().int().min(1).max(1_000_000).default(1), 'Page of the search (follow the Bundle\'s `next` link).'),
});

/** `GET /fhir/MedicationKnowledge/<id>`. */
export const FhirReadQuerySchema = FhirSearchQuerySchema.pick({ _format: true });

/** Routes that take no query parameters. */
export const NoQuerySchema = z.object({});

/** `GET /api/v1/interactions`: the drugs to check, by API id. */
export const InteractionsQuerySchema = z.object({
  ids: described(
    z
      .string()
      .max(2000)
      .transform((v) => [...new Set(v.split(',').map((x) => x.trim()).filter((x) => x !== ''))])
      .pipe(z.array(z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'an id is lowercase letters, digits, dots and hyphens')).min(2, 'give at least 2 ids').max(10, 'give at most 10 ids')),
    'API ids of 2 to 10 drugs, separated by commas (from the list or a search): generics, brands or combinations.',
  ),
});

