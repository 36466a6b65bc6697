import type { Context } from 'hono';
import type { Encoding, Payload } from './payload.js';
import { isCompressible } from './content-types.js';

/** Smaller bodies are sent as they are: compression would not pay for its headers. */
export const COMPRESS_MIN_BYTES = 256;

export interface RespondOptions {
  contentType: string;
  cacheControl: string;
  /** 200 unless told; validators and 304s apply only to 200. */
  status?: 200 | 404;
}

/**
 * Send a payload: picks br or gzip from `Accept-Encoding` for compressible types, answers
 * `If-None-Match` with 304 (weak comparison, as RFC 9110 wants for GET), sets a strong ETag per
 * representation, `Vary: Accept-Encoding`, `Content-Length`, and no body for HEAD.
 */
export async function respond(c: Context, payload: Payload, options: RespondOptions): Promise<Response> {
  const status = options.status ?? 200;
  const compressible = isCompressible(options.contentType) && payload.bytes.byteLength >= COMPRESS_MIN_BYTES;
  const encoding = compressible ? negotiateEncoding(c.req.header('Accept-Encoding')) : 'identity';
  const headers: Record<string, string> = { 'Cache-Control': options.cacheControl };
  if (compressible) headers['Vary'] = 'Accept-Encoding';

  if (status === 200) {
    const etag = payload.etag(encoding);
    headers['ETag'] = etag;
    if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
  }

  const body = encoding === 'identity' ? payload.bytes : await payload.encoded(encoding);
  headers['Content-Type'] = options.contentType;
  headers['Content-Length'] = String(body.byteLength);
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  return c.req.method === 'HEAD' ? c.body(null, status, headers) : c.body(body, status, headers);
}

/** br, else gzip, else identity, honouring `q=0`. */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding | 'identity' {
  if (acceptEncoding === undefined) return 'identity';
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (name !== '') q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const weight = (name: string) => q.get(name) ?? q.get('*') ?? 0;
  const br = weight('br');
  const gz = weight('gzip');
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return 'identity';
}

/** `If-None-Match` lists `etag` (ignoring `W/`), or is `*`. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const tags: string[] = ifNoneMatch.match(/"[^"]*"/g) ?? [];
  return tags.includes(etag.replace(/^W\//, ''));
}
