import type { Kind } from '../model/index.js';
import type { BrandRow } from './brand-tables.js';
import type { SearchHit } from '../search/engine/index.js';

/**
 * Operator-supplied ad markup: slot name → HTML snippet (trusted config, injected verbatim).
 * Keys are `"<pageKind>:<slot>"` (e.g. `"medicine:bottom"`) or a plain slot (`"top"`) for every page kind.
 * Slots are `top` and `bottom`. `{}` renders no ad markup at all.
 */
export interface AdSlots {
  [slot: string]: string;
}

/** Options of the site layer. */
export interface SiteOptions {
  /** Public base URL, e.g. `https://example.org` or `https://example.org/base/`; null = relative canonicals,
   * and `http://localhost` as the base of the URLs in sitemap.xml and robots.txt (they must be absolute). */
  siteUrl: string | null;
  /** Shown in the header, titles and `og:site_name`. Default `"Formulary"`. */
  siteName: string;
  /** Ad markup per slot; `{}` = none. */
  adSlots: AdSlots;
  /** ISO date of the build: the sitemap's `lastmod` for pages without a `lastModified`. */
  builtAt: string;
  /** Publish the dose regimens read from the text (`--regimens`, experimental): the API's `regimens`. */
  regimens?: boolean;
}

/** One output file of the site. */
export interface PageSpec {
  /** Output path relative to the site root, e.g. `composition/alemtuzumab/index.html`, `sitemap.xml`. */
  path: string;
  /** Changes whenever the output would change; cheap to compute (no rendering). */
  signature: string;
  /** The full file contents. */
  render(): string;
}

/** What a brand's search result adds when the server knows it (from the site's API list): the price-table row's company, pack and price. */
export type ProductSummary = Pick<BrandRow, 'company' | 'pack' | 'mrp' | 'unitPrice' | 'discontinued'>;

export type SearchResultView = SearchHit & { product?: ProductSummary | undefined };

/** What the search page shows: the query and the engine's answer (`SearchResponse` fits). */
export interface SearchPageData {
  query: string;
  results: readonly SearchResultView[];
  /** A name to offer as "Did you mean …?" (the best result is only a typo match). */
  didYouMean: string | null;
}

/** Every kind of page the site renders; ad slot keys use these names. */
export type PageKind = Kind | 'home' | 'browse' | 'search' | 'not-found' | 'redirect' | 'quality' | 'tool';
