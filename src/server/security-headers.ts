import type { MiddlewareHandler } from 'hono';

/** No inline script or style anywhere: the site ships everything as files under `/assets/`. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent on every response, errors and 304s included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const SECURITY_ENTRIES = Object.entries(SECURITY_HEADERS);

/**
 * Set {@link SECURITY_HEADERS} on the response (a plain list rather than hono's `secureHeaders`,
 * whose defaults add HSTS and others that a local preview server should not send). They are set
 * before the handler runs, so every response made through the context (`c.body`, `c.redirect`,
 * the error handlers) carries them: changing the headers of a finished response instead makes
 * @hono/node-server build a full fetch `Response` for every request, which cost about a third of
 * the server's time per API request (bench:api).
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    for (const [name, value] of SECURITY_ENTRIES) c.header(name, value);
    await next();
  };
}
