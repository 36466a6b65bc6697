/**
 * Where the API lives, on a static host and on `formulary serve` alike. Every path is site-relative
 * (starts with `/`); a file path is the same without the leading slash.
 */

/** Root of version 1 of the JSON API. */
export const API_V1 = '/api/v1';
/** Items per static index page (`index.json`, `index-2.json`, …). */
export const INDEX_PAGE_SIZE = 500;
/** The bulk download: one drug document per line, gzip. */
export const BULK_PATH = `${API_V1}/bulk.ndjson.gz`;
/** The OpenAPI 3.1 document and its readable page. */
export const OPENAPI_PATH = '/api/openapi.json';
export const API_DOCS_PATH = '/api/docs/';
/** Server-only routes. */
export const LIST_PATH = `${API_V1}/drugs`;
export const SEARCH_V1_PATH = `${API_V1}/search`;
export const SEARCH_CONTRACT_PATH = '/api/search';
/** `POST`: a dose worked out from a drug's structured regimen (issue 6's contract). */
export const DOSE_PATH = '/api/dose';
/** The interaction check of 2–10 drugs by id (server). */
export const INTERACTIONS_PATH = `${API_V1}/interactions`;
export const FHIR_BASE = '/fhir';
export const FHIR_MEDICATION_KNOWLEDGE = `${FHIR_BASE}/MedicationKnowledge`;

/** `/api/v1/index.json` for page 1, `/api/v1/index-<n>.json` after it. */
export function indexPagePath(page: number): string {
  return page <= 1 ? `${API_V1}/index.json` : `${API_V1}/index-${page}.json`;
}

/** `/api/v1/drugs/<id>.json`: one drug document. */
export function drugPath(id: string): string {
  return `${API_V1}/drugs/${id}.json`;
}

/** `/fhir/MedicationKnowledge/<fhir id>`. */
export function fhirPath(fhirId: string): string {
  return `${FHIR_MEDICATION_KNOWLEDGE}/${fhirId}`;
}

/** The output file of a site path (no leading slash). */
export const fileOf = (sitePath: string): string => sitePath.replace(/^\/+/, '');
