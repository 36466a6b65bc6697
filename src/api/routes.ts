import type { z } from 'zod';
import { FhirBundleSchema, MedicationKnowledgeSchema, OperationOutcomeSchema } from './fhir-schemas.js';
import { DoseResponseSchema } from '../clinical/index.js';
import { API_DOCS_PATH, API_V1, BULK_PATH, DOSE_PATH, FHIR_MEDICATION_KNOWLEDGE, INTERACTIONS_PATH, LIST_PATH, OPENAPI_PATH, SEARCH_CONTRACT_PATH, SEARCH_V1_PATH } from './paths.js';
import { FhirReadQuerySchema, FhirSearchQuerySchema, InteractionsQuerySchema, ListQuerySchema, NoQuerySchema, SearchQuerySchema } from './query-schemas.js';
import { ApiDrugSchema, ApiIndexPageSchema, ApiListResponseSchema, DoseProblemSchema, DoseRequestSchema, InteractionsResponseSchema, ProblemSchema } from './schemas.js';
import { SearchResponseSchema } from './search-schemas.js';

/** A response body: a schema, or a kind of body no schema describes. */
export type BodyDoc = { type: string; schema: z.ZodType } | { type: string; shape: 'binary' | 'object' | 'html'; description: string };

export interface ResponseDoc {
  description: string;
  body?: BodyDoc;
  /** Response headers worth naming (beyond the ones every response has). */
  headers?: readonly string[];
}

/** One documented operation (GET unless told; HEAD is the same without a body). */
export interface RouteDoc {
  /** OpenAPI path, `{param}` for path parameters. */
  path: string;
  /** `post` for the one operation that takes a body (`POST /api/dose`). */
  method?: 'get' | 'post';
  /** The JSON body a `post` takes. */
  requestBody?: { schema: z.ZodType; description: string };
  operationId: string;
  summary: string;
  description: string;
  tag: 'catalog' | 'search' | 'fhir' | 'clinical' | 'meta';
  /** Also written by `formulary build`, so a static host serves it too. */
  static: boolean;
  pathParams?: readonly { name: string; description: string; pattern?: string }[];
  query: z.ZodObject;
  /** Whether parameters not in `query` are rejected with 400. */
  strictQuery: boolean;
  responses: Readonly<Record<string, ResponseDoc>>;
}

const JSON_TYPE = 'application/json';
const FHIR_TYPE = 'application/fhir+json';
const problem = (description: string): ResponseDoc => ({ description, body: { type: 'application/problem+json', schema: ProblemSchema } });
const fhirError = (description: string): ResponseDoc => ({ description, body: { type: FHIR_TYPE, schema: OperationOutcomeSchema } });
const CACHED = ['ETag', 'Cache-Control'] as const;
const LIMITED = ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'] as const;

/** Errors any API route may answer. */
const COMMON_ERRORS: Readonly<Record<string, ResponseDoc>> = {
  '304': { description: 'Not modified: the `If-None-Match` tag still matches.', headers: CACHED },
  '400': problem('A parameter is unknown, repeated, too long or not valid; `detail` says which and what is accepted.'),
  '414': problem('The URL is longer than the server accepts.'),
  '429': { ...problem('Too many requests from this client: wait the `Retry-After` seconds.'), headers: ['Retry-After', ...LIMITED] },
};
const FHIR_ERRORS: Readonly<Record<string, ResponseDoc>> = {
  '304': COMMON_ERRORS['304']!,
  '400': fhirError('A search parameter is unknown or not valid.'),
  '414': fhirError('The URL is longer than the server accepts.'),
  '429': { ...fhirError('Too many requests from this client: wait the `Retry-After` seconds.'), headers: ['Retry-After', ...LIMITED] },
};
const UNAVAILABLE = problem('The site was built without the API files (`api/v1/index.json`): rebuild it.');

/**
 * Every API operation, documented once: the OpenAPI document and the docs page are written from
 * this list, and the contract tests check that the server answers each of them.
 */
export const API_ROUTES: readonly RouteDoc[] = [
  {
    path: `${API_V1}/index.json`,
    operationId: 'getIndexFirstPage',
    summary: 'Catalog list, first page (static)',
    description: `The catalog as a paged list, ${'`'}next${'`'} links to the following pages (\`index-2.json\`, …). Written by \`formulary build\`; served as a file.`,
    tag: 'catalog',
    static: true,
    query: NoQuerySchema,
    strictQuery: false,
    responses: { '200': { description: 'The first page.', body: { type: JSON_TYPE, schema: ApiIndexPageSchema }, headers: CACHED }, '304': COMMON_ERRORS['304']!, '404': problem('The site has no API files.') },
  },
  {
    path: `${API_V1}/index-{page}.json`,
    operationId: 'getIndexPage',
    summary: 'Catalog list, page 2 onwards (static)',
    description: 'A later page of the static list; follow `next` from `index.json` rather than building these names.',
    tag: 'catalog',
    static: true,
    pathParams: [{ name: 'page', description: 'Page number, 2 or more.', pattern: '^[1-9][0-9]*$' }],
    query: NoQuerySchema,
    strictQuery: false,
    responses: { '200': { description: 'The page.', body: { type: JSON_TYPE, schema: ApiIndexPageSchema }, headers: CACHED }, '304': COMMON_ERRORS['304']!, '404': problem('No such page.') },
  },
  {
    path: `${API_V1}/drugs/{id}.json`,
    operationId: 'getDrug',
    summary: 'One drug by id or slug',
    description:
      'The full normalized monograph. On the server an old slug (a page renamed because its file name was unsafe), a slug whose id differs, or the path without `.json` answers 301 to the canonical document.',
    tag: 'catalog',
    static: true,
    pathParams: [{ name: 'id', description: 'API id (usually the page slug).' }],
    query: NoQuerySchema,
    strictQuery: true,
    responses: {
      '200': { description: 'The drug.', body: { type: JSON_TYPE, schema: ApiDrugSchema }, headers: CACHED },
      '301': { description: 'An old or other name of the drug: `Location` is the canonical document.', headers: ['Location'] },
      ...COMMON_ERRORS,
      '404': problem('No drug has this id, slug or old slug.'),
      '503': UNAVAILABLE,
    },
  },
  {
    path: BULK_PATH,
    operationId: 'getBulk',
    summary: 'Every drug document (gzip NDJSON)',
    description: 'One `ApiDrug` per line, UTF-8, gzip-compressed, in catalog order. For bulk use; rebuilt with the site.',
    tag: 'catalog',
    static: true,
    query: NoQuerySchema,
    strictQuery: false,
    responses: {
      '200': { description: 'The file.', body: { type: 'application/gzip', shape: 'binary', description: 'gzip of NDJSON lines, each an ApiDrug.' }, headers: CACHED },
      '304': COMMON_ERRORS['304']!,
      '404': problem('The site has no bulk file.'),
      '429': COMMON_ERRORS['429']!,
    },
  },
  {
    path: LIST_PATH,
    operationId: 'listDrugs',
    summary: 'List drugs with filters and cursor paging (server)',
    description: 'Filters combine (all must hold). Pages follow the static index order; pass `nextCursor` back as `cursor` with the same filters.',
    tag: 'catalog',
    static: false,
    query: ListQuerySchema,
    strictQuery: true,
    responses: { '200': { description: 'A page of entries.', body: { type: JSON_TYPE, schema: ApiListResponseSchema }, headers: [...CACHED, 'Link'] }, ...COMMON_ERRORS, '503': UNAVAILABLE },
  },
  {
    path: SEARCH_V1_PATH,
    operationId: 'searchV1',
    summary: 'Search (server)',
    description: 'The site search (names, synonyms, combinations, full text, typos) with the same response as `/api/search`; unknown parameters are rejected.',
    tag: 'search',
    static: false,
    query: SearchQuerySchema,
    strictQuery: true,
    responses: { '200': { description: 'Results.', body: { type: JSON_TYPE, schema: SearchResponseSchema }, headers: CACHED }, ...COMMON_ERRORS },
  },
  {
    path: SEARCH_CONTRACT_PATH,
    operationId: 'search',
    summary: 'Search (server; the original contract)',
    description: 'As `/api/v1/search`, but parameters it does not know are ignored, as they always were.',
    tag: 'search',
    static: false,
    query: SearchQuerySchema,
    strictQuery: false,
    responses: { '200': { description: 'Results.', body: { type: JSON_TYPE, schema: SearchResponseSchema }, headers: CACHED }, ...COMMON_ERRORS },
  },
  {
    path: `${FHIR_MEDICATION_KNOWLEDGE}/{id}`,
    operationId: 'readMedicationKnowledge',
    summary: 'FHIR R4 MedicationKnowledge of one drug (server)',
    description: 'FHIR read. The id is the API id when it fits FHIR (64 characters of `A-Za-z0-9-.`), else a shortened form with a hash; an API id or slug answers 301 to it.',
    tag: 'fhir',
    static: false,
    pathParams: [{ name: 'id', description: 'FHIR id.' }],
    query: FhirReadQuerySchema,
    strictQuery: true,
    responses: {
      '200': { description: 'The resource.', body: { type: FHIR_TYPE, schema: MedicationKnowledgeSchema }, headers: CACHED },
      '301': { description: 'An API id or slug of the drug: `Location` is the FHIR read URL.', headers: ['Location'] },
      ...FHIR_ERRORS,
      '404': fhirError('No drug has this id.'),
      '503': fhirError('The site was built without the API files: rebuild it.'),
    },
  },
  {
    path: FHIR_MEDICATION_KNOWLEDGE,
    operationId: 'searchMedicationKnowledge',
    summary: 'FHIR R4 Bundle of every MedicationKnowledge (server)',
    description:
      'A searchset Bundle of all drugs (optionally only `active` or `inactive` ones), in index order: every entry in one Bundle up to 10,000, pages linked by `next` beyond that or with a smaller `_count`.',
    tag: 'fhir',
    static: false,
    query: FhirSearchQuerySchema,
    strictQuery: true,
    responses: {
      '200': { description: 'The Bundle.', body: { type: FHIR_TYPE, schema: FhirBundleSchema }, headers: CACHED },
      ...FHIR_ERRORS,
      '503': fhirError('The site was built without the API files: rebuild it.'),
    },
  },
  {
    path: INTERACTIONS_PATH,
    operationId: 'checkInteractions',
    summary: 'Interaction check of 2–10 drugs (server)',
    description:
      'Every pair of the drugs, flagged where one monograph\'s interaction statements name the other: by name, by its class, or by a group the other\'s own monograph puts it in (live vaccines, QT-prolonging drugs, CYP3A4 inhibitors…), with the sentence, file and line; and ingredients both contain. A brand speaks through its generic, a combination through its ingredients. An empty `findings` means no interaction was found in these monographs, never that the pair is safe.',
    tag: 'clinical',
    static: false,
    query: InteractionsQuerySchema,
    strictQuery: true,
    responses: {
      '200': { description: 'The check.', body: { type: JSON_TYPE, schema: InteractionsResponseSchema }, headers: CACHED },
      ...COMMON_ERRORS,
      '404': problem('An id is not in the catalog; `detail` names it.'),
      '503': UNAVAILABLE,
    },
  },
  {
    path: DOSE_PATH,
    method: 'post',
    operationId: 'calculateDose',
    summary: 'Work out a dose from a drug\'s regimen (server)',
    description:
      'Arithmetic on one regimen of the drug\'s `regimens` (per kg: × weight; per m²: × body surface area, Mosteller unless `bsa` says `dubois`; fixed: as written), with the formula, the rounding, the text\'s daily maximum as a cap and the source sentence. Drugs of a site built without `--regimens` have none: the answer is then a 422 `no-regimens`. Not medical advice.',
    tag: 'clinical',
    static: false,
    query: NoQuerySchema,
    strictQuery: true,
    requestBody: { schema: DoseRequestSchema, description: 'Which drug and regimen, and the person\'s weight and height.' },
    responses: {
      '200': { description: 'The dose.', body: { type: JSON_TYPE, schema: DoseResponseSchema } },
      '400': problem('The body is not JSON, or not a DoseRequest (unknown field, wrong type); `detail` says what.'),
      '404': problem('No drug has this slug or id.'),
      '413': problem('The body is larger than the server accepts (1 KiB).'),
      '415': problem('The body is not `application/json`.'),
      '422': { description: 'No dose: `code` says why (no regimens, a regimen must be chosen, weight or height missing or out of range…), `detail` what to do.', body: { type: 'application/problem+json', schema: DoseProblemSchema } },
      '429': COMMON_ERRORS['429']!,
      '503': UNAVAILABLE,
    },
  },
  {
    path: OPENAPI_PATH,
    operationId: 'getOpenApi',
    summary: 'This OpenAPI 3.1 document',
    description: 'Generated from the zod schemas the server and the build use.',
    tag: 'meta',
    static: true,
    query: NoQuerySchema,
    strictQuery: false,
    responses: { '200': { description: 'The document.', body: { type: JSON_TYPE, shape: 'object', description: 'An OpenAPI 3.1 document.' }, headers: CACHED }, '304': COMMON_ERRORS['304']! },
  },
  {
    path: API_DOCS_PATH,
    operationId: 'getApiDocs',
    summary: 'Readable API documentation',
    description: 'This document as an HTML page (no scripts).',
    tag: 'meta',
    static: true,
    query: NoQuerySchema,
    strictQuery: false,
    responses: { '200': { description: 'The page.', body: { type: 'text/html', shape: 'html', description: 'An HTML page.' }, headers: CACHED }, '304': COMMON_ERRORS['304']! },
  },
];
