import { realpathSync } from 'node:fs';
import { sep } from 'node:path';

/** A request path that is safe to map onto the site directory. */
export interface SitePath {
  /** The path as received (percent-encoded, starts with `/`), for redirects and logs. */
  raw: string;
  /** Decoded once; starts with `/`. */
  decoded: string;
  /** Decoded, non-empty segments; none is `.` or `..` or (except `.well-known`) starts with `.`. */
  segments: string[];
  /** The path ends with `/` (or is `/`). */
  trailingSlash: boolean;
}

export type ParsePathResult =
  | { ok: true; path: SitePath }
  | { ok: false; status: 400 | 404; reason: string; cause?: unknown };

// %2f %5c %00 before decoding: an encoded separator or NUL must never become one.
const ENCODED_FORBIDDEN = /%(?:2f|5c|00)/i;

/**
 * Check and decode the path of a request URL (the part between the host and `?`), exactly once.
 * Problems are returned, never thrown: 400 for what no valid client sends (bad encoding, NUL,
 * backslash, encoded slash, `.`/`..` segments), 404 for names the site never serves (empty
 * segments as in `//x`, dot-files such as `/.git/` except `/.well-known/`, `/_redirects`).
 *
 * @example
 * parseRequestPath('/composition/ringer%27s-lactate/') // ok, segments ['composition', "ringer's-lactate"]
 * parseRequestPath('/..%2fetc/passwd') // { ok: false, status: 400, … }
 */
export function parseRequestPath(raw: string): ParsePathResult {
  if (!raw.startsWith('/')) return { ok: false, status: 400, reason: 'the URL path must start with "/"' };
  if (ENCODED_FORBIDDEN.test(raw)) {
    return { ok: false, status: 400, reason: 'the URL path contains an encoded "/", "\\" or NUL' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch (cause) {
    return { ok: false, status: 400, reason: 'the URL path is not valid percent-encoded UTF-8', cause };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) {
    return { ok: false, status: 400, reason: 'the URL path contains a NUL byte or a backslash' };
  }
  const parts = decoded.split('/').slice(1);
  const trailingSlash = parts[parts.length - 1] === '';
  const segments = trailingSlash ? parts.slice(0, -1) : parts;
  for (const segment of segments) {
    if (segment === '.' || segment === '..') {
      return { ok: false, status: 400, reason: 'the URL path contains a "." or ".." segment' };
    }
    if (segment === '') return { ok: false, status: 404, reason: 'the URL path contains an empty segment' };
    if ((segment.startsWith('.') && segment !== '.well-known') || segment === '_redirects') {
      return { ok: false, status: 404, reason: 'hidden files are not served' };
    }
  }
  return { ok: true, path: { raw, decoded, segments, trailingSlash } };
}

/**
 * The real path of `path` if it exists and lies inside `root` (a real path, see {@link realOrNull}),
 * else null: a symlink that leads out of the site is as good as missing.
 * Synchronous on purpose: a realpath is a few microseconds, less than a thread-pool round trip.
 */
export function realInside(root: string, path: string): string | null {
  const real = realOrNull(path);
  return real !== null && isInside(root, real) ? real : null;
}

/** `target` is `root` or below it (both real, absolute paths). */
export function isInside(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** The real path, or null for ENOENT, ENOTDIR, ELOOP, EACCES…: not servable, so not found. */
export function realOrNull(path: string): string | null {
  try {
    return realpathSync.native(path);
  } catch {
    return null;
  }
}
