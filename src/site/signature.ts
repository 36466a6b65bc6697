import { createHash } from 'node:crypto';

/**
 * Bump when any template, stylesheet contract or escaping rule changes: every page's signature changes with it.
 * Content changes are covered by the source digests and links the signatures include.
 */
export const TEMPLATE_VERSION = 'site-2';

/** A short hash of the given parts (sha1, base64url, 22 chars). Parts are separated so `["ab","c"]` ≠ `["a","bc"]`. */
export function signature(parts: readonly (string | number | boolean | null)[]): string {
  let text = '';
  for (const p of parts) text += (p === null ? '\u0000null' : String(p)) + '\u001f';
  return createHash('sha1').update(text).digest('base64url').slice(0, 22);
}
