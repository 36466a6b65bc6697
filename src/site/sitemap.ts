import type { SiteContext } from './context.js';
import { signature, TEMPLATE_VERSION } from './signature.js';
import { encodePath, escapeXml } from './text.js';
import type { PageSpec } from './types.js';

/** The sitemap protocol's limit of URLs per file. */
export const SITEMAP_MAX_URLS = 50_000;

/** One URL of the sitemap. */
export interface SitemapUrl {
  /** Site path, e.g. `/composition/x/`. */
  path: string;
  /** ISO date. */
  lastmod: string;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function urlset(ctx: SiteContext, urls: readonly SitemapUrl[]): string {
  let out = `${XML_HEAD}<urlset xmlns="${NS}">\n`;
  for (const u of urls) {
    out += `<url><loc>${escapeXml(ctx.absolute(encodePath(u.path)))}</loc><lastmod>${escapeXml(u.lastmod)}</lastmod></url>\n`;
  }
  return out + '</urlset>\n';
}

const maxDate = (urls: readonly SitemapUrl[]): string => urls.reduce((m, u) => (u.lastmod > m ? u.lastmod : m), '');

/**
 * `sitemap.xml`, or when there are more than `max` URLs, `sitemap-1.xml`… plus `sitemap.xml` as their index.
 * Absolute URLs use siteUrl, or http://localhost when none is set.
 */
export function sitemapPages(ctx: SiteContext, urls: readonly SitemapUrl[], max: number = SITEMAP_MAX_URLS): PageSpec[] {
  if (!(max >= 1)) throw new Error(`site: sitemap limit must be at least 1, got ${max}`);
  const base = [TEMPLATE_VERSION, 'sitemap', ctx.absolute('/')];
  const sig = (chunk: readonly SitemapUrl[], extra: string): string =>
    signature([...base, extra, ...chunk.flatMap((u) => [u.path, u.lastmod])]);
  if (urls.length <= max) {
    return [{ path: 'sitemap.xml', signature: sig(urls, 'single'), render: () => urlset(ctx, urls) }];
  }
  const chunks: SitemapUrl[][] = [];
  for (let i = 0; i < urls.length; i += max) chunks.push(urls.slice(i, i + max));
  const pages: PageSpec[] = chunks.map((chunk, i) => ({
    path: `sitemap-${i + 1}.xml`,
    signature: sig(chunk, `part-${i + 1}`),
    render: () => urlset(ctx, chunk),
  }));
  const index: PageSpec = {
    path: 'sitemap.xml',
    signature: signature([...base, 'index', ...chunks.map((c) => maxDate(c)), chunks.length]),
    render: () => {
      let out = `${XML_HEAD}<sitemapindex xmlns="${NS}">\n`;
      chunks.forEach((chunk, i) => {
        out += `<sitemap><loc>${escapeXml(ctx.absolute(`/sitemap-${i + 1}.xml`))}</loc><lastmod>${escapeXml(maxDate(chunk))}</lastmod></sitemap>\n`;
      });
      return out + '</sitemapindex>\n';
    },
  };
  return [index, ...pages];
}

/** `robots.txt`: allow everything, name the sitemap. */
export function robotsPage(ctx: SiteContext): PageSpec {
  const sitemap = ctx.absolute('/sitemap.xml');
  return {
    path: 'robots.txt',
    signature: signature([TEMPLATE_VERSION, 'robots', sitemap]),
    render: () => `User-agent: *\nAllow: /\nDisallow: /quality/\n\nSitemap: ${sitemap}\n`,
  };
}
