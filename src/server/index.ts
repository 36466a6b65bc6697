export { createApp, SEARCH_PAGE_LIMIT, type ServerOptions, type SearchResponse } from './app.js';
export { startServer, type RunningServer } from './start-server.js';
export { defaultCacheBytes } from './file-cache.js';
export { HttpError } from './http-error.js';
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './security-headers.js';
