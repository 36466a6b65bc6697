/**
 * The JSON API (issue 7): static files written by the build, the shapes (zod) they and the server
 * share, the OpenAPI document written from those shapes, and FHIR R4 views of the catalog.
 */
export { apiFiles, apiDocFiles, apiDrugFiles, apiIndexFiles, staleApiFiles, indexPages, type ApiFile } from './files.js';
export { apiIds, fhirId, API_ID_PATTERN, FHIR_ID_PATTERN, type ApiIds } from './ids.js';
export { toApiDrug } from './drug-document.js';
export { toListItem, listOrderKey, compareOrderKeys } from './list-item.js';
export { openApiDocument, type OpenApiOptions } from './openapi.js';
export { renderApiDocs } from './docs-page.js';
export { API_ROUTES, type RouteDoc, type ResponseDoc } from './routes.js';
export { toMedicationKnowledge, toBundle, fhirContext, operationOutcome, type FhirContext } from './fhir.js';
export { parseStrengths } from './strength.js';
export * from './paths.js';
export {
  API_SCHEMAS,
  API_VERSION,
  ApiIdSchema,
  ApiDrugSchema,
  ApiLinkSchema,
  ApiLinksSchema,
  ApiListItemSchema,
  ApiIndexPageSchema,
  ApiListResponseSchema,
  ProblemSchema,
  DoseProblemSchema,
  DoseRequestSchema,
  InteractionsResponseSchema,
  type InteractionsResponse,
  type ApiDrug,
  type ApiLink,
  type ApiListItem,
  type ApiIndexPage,
  type ApiListResponse,
  type Problem,
} from './schemas.js';
export { SearchResponseSchema, SearchHitSchema, SearchFacetsSchema } from './search-schemas.js';
export { MedicationKnowledgeSchema, FhirBundleSchema, OperationOutcomeSchema, type MedicationKnowledge, type FhirBundle, type OperationOutcome } from './fhir-schemas.js';
export {
  ListQuerySchema,
  SearchQuerySchema,
  FhirSearchQuerySchema,
  FhirReadQuerySchema,
  InteractionsQuerySchema,
  FHIR_BUNDLE_MAX,
  NoQuerySchema,
  LIST_LIMIT_DEFAULT,
  LIST_LIMIT_MAX,
  FILTER_MAX_LENGTH,
  CURSOR_MAX_LENGTH,
  type ListQuery,
} from './query-schemas.js';
