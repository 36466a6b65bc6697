import type { Kind } from './schema.js';

/** The site path of a page, compatible with the original site. Always starts and ends with `/`. */
export function pagePath(kind: Kind, slug: string): string {
  switch (kind) {
    case 'composition':
      return `/composition/${slug}/`;
    case 'combination':
      return `/composition/combination/${slug}/`;
    case 'medicine':
      return `/medicines/${slug}/`;
  }
}

/** Join a site URL (`https://example.org` or `https://example.org/base/`) and a path without a double slash. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return siteUrl.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '');
}
