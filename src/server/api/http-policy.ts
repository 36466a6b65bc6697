import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { rateLimiter, type RateLimitInfo } from 'hono-rate-limiter';
import { HttpError } from '../http-error.js';
import { problemResponse } from './problem.js';

/** How the API routes (`/api/*`, `/fhir/*`) protect the server; every field has a default. */
export interface ApiPolicyOptions {
  /**
   * Requests per client per window, or false to switch the limit off (benchmarks, a trusted
   * network). Default: 600 per 60 s. Clients over it get 429 with `Retry-After`.
   */
  rateLimit?: { windowMs: number; limit: number } | false;
  /**
   * Take the client's address from the first `X-Forwarded-For` entry (behind a reverse proxy that
   * sets it). Default false: the socket's address, so a client cannot choose its own bucket.
   */
  trustProxy?: boolean;
  /** Longest request target (path and query) accepted, in bytes; longer is 414. Default 4096. */
  maxUrlBytes?: number;
  /** Largest request body accepted (the API is GET-only), in bytes; larger is 413. Default 1024. */
  maxBodyBytes?: number;
}

export const DEFAULT_RATE_LIMIT = { windowMs: 60_000, limit: 600 } as const;
export const DEFAULT_MAX_URL_BYTES = 4096;
export const DEFAULT_MAX_BODY_BYTES = 1024;

/** Response headers a browser script may read across origins. */
const EXPOSED = ['ETag', 'Link', 'Location', 'Retry-After', 'RateLimit-Policy', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'];

/**
 * The middleware of every API route, in order: URL length (414), body size (413), CORS for GET
 * and HEAD (any origin, no credentials; preflights answered here), then the per-client rate limit
 * (standard `RateLimit-*` headers; 429 problem with `Retry-After`).
 */
export function apiPolicy(options: ApiPolicyOptions = {}): MiddlewareHandler[] {
  const maxUrl = options.maxUrlBytes ?? DEFAULT_MAX_URL_BYTES;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const chain: MiddlewareHandler[] = [
    async (c, next) => {
      const target = requestTarget(c.req.url);
      if (Buffer.byteLength(target) > maxUrl) throw new HttpError(414, `the URL is longer than ${maxUrl} bytes; shorten the query`);
      await next();
    },
    bodyLimitFor(maxBody),
    corsHeaders(cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'POST'], allowHeaders: ['If-None-Match', 'Content-Type'], exposeHeaders: EXPOSED, maxAge: 86_400 })),
  ];
  const limit = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
  if (limit !== false) {
    if (!(limit.windowMs >= 1000) || !(limit.limit >= 1)) throw new Error(`apiPolicy: rateLimit needs windowMs ≥ 1000 and limit ≥ 1, got ${JSON.stringify(limit)}`);
    const trustProxy = options.trustProxy === true;
    chain.push(
      rateLimiter({
        windowMs: limit.windowMs,
        limit: limit.limit,
        standardHeaders: 'draft-6',
        keyGenerator: (c) => clientKey(c, trustProxy),
        handler: (c) => {
          const info = (c.get as (key: string) => unknown)('rateLimit') as RateLimitInfo | undefined;
          const reset = info?.resetTime?.getTime() ?? Date.now() + limit.windowMs;
          const retry = String(Math.max(1, Math.ceil((reset - Date.now()) / 1000)));
          return problemResponse(c, 429, `more than ${limit.limit} requests in ${Math.round(limit.windowMs / 1000)} s from this client; retry after ${retry} s`, { 'Retry-After': retry });
        },
      }),
    );
  }
  return chain;
}

/**
 * The body limit. hono's `bodyLimit` counts the body of other methods; a GET or HEAD (whose body
 * @hono/node-server never hands to the app, so `bodyLimit` would let any size through) is judged
 * by its headers: a `Content-Length` over the limit, or a chunked body, is refused at once, and a
 * request with neither carries no body (HTTP/1.1), so nothing is read — asking for the body would
 * make @hono/node-server build a full fetch `Request` (≈ 15 % of the time of a GET, bench:api).
 */
function bodyLimitFor(maxBody: number): MiddlewareHandler {
  const tooLarge = (): never => {
    throw new HttpError(413, `the request body is larger than ${maxBody} bytes; only POST /api/dose takes a body, of a few hundred bytes`);
  };
  const counted = bodyLimit({ maxSize: maxBody, onError: tooLarge });
  return (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return counted(c, next);
    const length = c.req.header('Content-Length');
    if (c.req.header('Transfer-Encoding') !== undefined || (length !== undefined && !(Number(length) <= maxBody))) tooLarge();
    return next();
  };
}

/**
 * CORS: preflights (`OPTIONS`) by hono's `cors`; for other requests the same two headers it sets
 * for `origin: '*'` (`Access-Control-Allow-Origin: *` and the exposed headers), set before the
 * handler runs instead of on the finished response (which makes @hono/node-server build a full
 * fetch `Response`; see `securityHeaders`).
 */
function corsHeaders(preflight: MiddlewareHandler): MiddlewareHandler {
  const exposed = EXPOSED.join(',');
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Access-Control-Expose-Headers', exposed);
    await next();
  };
}

/** The client's address: the socket's, or with `trustProxy` the first `X-Forwarded-For` entry. */
export function clientKey(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  // In-process requests (`app.request`, tests) have no socket; asking would throw (slowly).
  if ((c.env as { incoming?: unknown; server?: unknown } | undefined)?.incoming === undefined && (c.env as { server?: unknown } | undefined)?.server === undefined) return 'unknown';
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Path and query of a URL, as received. */
export function requestTarget(url: string): string {
  const { pathname, search } = new URL(url);
  return pathname + search;
}
