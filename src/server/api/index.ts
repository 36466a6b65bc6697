export { registerApiRoutes, type ApiRouteDeps } from './routes.js';
export { apiPolicy, clientKey, DEFAULT_RATE_LIMIT, DEFAULT_MAX_URL_BYTES, DEFAULT_MAX_BODY_BYTES, type ApiPolicyOptions } from './http-policy.js';
export { problemResponse, isApiPath, isFhirPath } from './problem.js';
export { openApiData, type ApiData, type ApiDataSource } from './api-data.js';
export { encodeCursor, decodeCursor, listPage } from './list.js';
export { parseStrictQuery, parseWith, MAX_QUERY_PARAMS } from './query.js';
