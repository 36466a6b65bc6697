import { absoluteUrl } from '../model/index.js';
import type { PageKind, SiteOptions } from './types.js';

/** Base for absolute URLs that must exist (sitemap, robots) when no siteUrl is configured. */
export const FALLBACK_SITE_URL = 'http://localhost';

/** Options resolved once per build: URL helpers that every page uses. */
export interface SiteContext {
  readonly options: SiteOptions;
  /** Path prefix of the site (`""` or `/base`), taken from siteUrl. */
  readonly basePath: string;
  /** Root-relative site path (`/composition/x/`) → href that works on the deployed site. */
  href(path: string): string;
  /** Canonical URL: absolute when siteUrl is set, else the href. */
  canonical(path: string): string;
  /** Always absolute (falls back to http://localhost). */
  absolute(path: string): string;
  /** Whether canonical() returns absolute URLs. */
  readonly hasSiteUrl: boolean;
  /** The ad HTML for a slot on a page kind, or null. */
  ad(kind: PageKind, slot: 'top' | 'bottom'): string | null;
  /** Compute a string once per build (static page chrome); `key` must name everything the string depends on. */
  once(key: string, make: () => string): string;
}

/** Resolve options into a SiteContext; throws on a siteUrl that is not an absolute http(s) URL. */
export function siteContext(options: SiteOptions): SiteContext {
  let basePath = '';
  if (options.siteUrl !== null) {
    let url: URL;
    try {
      url = new URL(options.siteUrl);
    } catch {
      throw new Error(`site: siteUrl "${options.siteUrl}" is not an absolute URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`site: siteUrl "${options.siteUrl}" must be http or https`);
    }
    basePath = url.pathname.replace(/\/+$/, '');
  }
  const siteUrl = options.siteUrl;
  const href = (path: string): string => basePath + (path.startsWith('/') ? path : '/' + path);
  const absolute = (path: string): string => absoluteUrl(siteUrl ?? FALLBACK_SITE_URL, path);
  const cache = new Map<string, string>();
  return {
    options,
    basePath,
    href,
    absolute,
    canonical: siteUrl === null ? href : absolute,
    hasSiteUrl: siteUrl !== null,
    ad(kind, slot) {
      const html = options.adSlots[`${kind}:${slot}`] ?? options.adSlots[slot];
      return html !== undefined && html.trim() !== '' ? html : null;
    },
    once(key, make) {
      let v = cache.get(key);
      if (v === undefined) {
        v = make();
        cache.set(key, v);
      }
      return v;
    },
  };
}
