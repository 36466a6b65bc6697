import type { Context } from 'hono';
import { operationOutcome } from '../../api/index.js';

const STATUS_TITLES: Partial<Record<number, string>> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Paths whose errors are FHIR `OperationOutcome`s rather than RFC 9457 problems. */
export const isFhirPath = (pathname: string): boolean => pathname === '/fhir' || pathname.startsWith('/fhir/');
/** Paths whose errors, 404 included, are JSON rather than the site's 404 page. */
export const isApiPath = (pathname: string): boolean => pathname === '/api' || pathname.startsWith('/api/') || isFhirPath(pathname);

/**
 * An error body: RFC 9457 `application/problem+json` (status and a message written for the client,
 * never a stack; `members`: extension members such as a refusal's `code`), or under `/fhir` a
 * FHIR `OperationOutcome` with the same message.
 */
export function problemResponse(c: Context, status: number, detail: string, headers: Record<string, string> = {}, members: Record<string, string> = {}): Response {
  const fhir = isFhirPath(new URL(c.req.url).pathname);
  const body = fhir ? JSON.stringify(operationOutcome(status, detail)) : JSON.stringify({ type: 'about:blank', title: STATUS_TITLES[status] ?? 'Error', status, detail, ...members });
  const type = fhir ? 'application/fhir+json; charset=utf-8' : 'application/problem+json';
  return c.body(body, status as 400, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
}
