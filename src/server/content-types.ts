import { extname } from 'node:path';

/** Content-Type by file extension (lowercase, without the dot). Text types carry `charset=utf-8`. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  pdf: 'application/pdf',
};

const FALLBACK_TYPE = 'application/octet-stream';

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).slice(1).toLowerCase()] ?? FALLBACK_TYPE;
}

/** Worth compressing: text, JSON (FHIR's included), XML, JavaScript, SVG, and icons (uncompressed bitmaps). */
export function isCompressible(contentType: string): boolean {
  return /^(?:text\/|application\/(?:json|x-ndjson|manifest\+json|fhir\+json|xml)|image\/(?:svg\+xml|x-icon))/.test(contentType);
}

/** `Cache-Control` for a site path: assets (not fingerprinted) for an hour, everything else revalidated. */
export function cacheControlFor(sitePath: string): string {
  return sitePath.startsWith('/assets/') ? 'public, max-age=3600' : 'no-cache';
}
