/** Status codes honoured in `_redirects`; other lines (rewrites, 404s, proxies) are ignored. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface Redirect {
  /** Where to, as written in the file (a path or an absolute URL). */
  to: string;
  status: 301 | 302 | 303 | 307 | 308;
}

/** Decoded old path → redirect. */
export type RedirectTable = Map<string, Redirect>;

/**
 * Parse a Netlify `_redirects` file: `from to [status]` per line, blank lines and `#` comments
 * skipped, status 301 when absent (a trailing `!` is accepted). Paths are keyed decoded, so a
 * request for `/a%27b/` and for `/a'b/` both find `/a'b/`. Placeholders and splats are not
 * supported: such lines are kept literally.
 *
 * @example
 * parseRedirects("/composition/ringer's-lactate/ /composition/ringer-s-lactate/ 301")
 */
export function parseRedirects(text: string): RedirectTable {
  const table: RedirectTable = new Map();
  for (const line of text.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    const [from, to, code] = fields;
    if (from === undefined || to === undefined || from === '' || from.startsWith('#')) continue;
    const status = code === undefined ? 301 : Number(code.replace(/!$/, ''));
    if (!isRedirectStatus(status)) continue;
    const key = tryDecode(from);
    if (!table.has(key)) table.set(key, { to, status });
  }
  return table;
}

/** The redirect for a decoded request path; `/x` and `/x/` find each other. */
export function findRedirect(table: RedirectTable, decodedPath: string): Redirect | undefined {
  const exact = table.get(decodedPath);
  if (exact !== undefined || decodedPath === '/') return exact;
  return table.get(decodedPath.endsWith('/') ? decodedPath.slice(0, -1) : decodedPath + '/');
}

/** A `Location` value for a target from the file, ASCII-safe, with the request's query kept. */
export function locationFor(redirect: Redirect, search: string): string {
  // Percent-encode only what may not appear in a header (non-ASCII, controls); keep the rest as written.
  const target = redirect.to.replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch));
  return search !== '' && !target.includes('?') ? target + search : target;
}

function isRedirectStatus(n: number): n is Redirect['status'] {
  return REDIRECT_STATUSES.has(n);
}

function tryDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
