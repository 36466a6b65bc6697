import type { Catalog } from '../catalog/types.js';
import { entryKey } from '../catalog/types.js';
import type { CatalogEntry, Kind, Link } from '../model/index.js';
import { brandTableParts, brandTables } from './brand-tables.js';
import { BANNED_INHERITING_MAX, BANNED_PATH, BannedPage, type BannedItem, type BannedPageData } from './banned-page.js';
import { browsePath, BrowsePage } from './browse-page.js';
import { siteContext, type SiteContext } from './context.js';
import { DrugPage } from './drug-page.js';
import { HomePage, type HomeData } from './home-page.js';
import { KINDS } from './labels.js';
import type { ListItem } from './lists.js';
import { NotFoundPage } from './not-found-page.js';
import { redirectPageHtml } from './redirect-page.js';
import { renderDocument } from './render.js';
import { SearchPage } from './search-page.js';
import { ComparePage, DosePage, InteractionsPage, type ComparePageData, type DosePageData, type InteractionsPageData } from './tools-pages.js';
import { signature, TEMPLATE_VERSION } from './signature.js';
import { robotsPage, SITEMAP_MAX_URLS, sitemapPages, type SitemapUrl } from './sitemap.js';
import { encodePath, isoDate, letterOf, LETTERS } from './text.js';
import type { PageKind, PageSpec, SearchPageData, SiteOptions } from './types.js';

/** Knobs for tests and unusual deployments. */
export interface SiteLimits {
  /** URLs per sitemap file before switching to a sitemap index (default 50,000). */
  sitemapMaxUrls: number;
  /** Pages in the home page's featured list (default 8). */
  featured: number;
  /** Links per browse page; a letter with more is split into numbered pages (default 1,000). */
  browsePageSize: number;
}

/**
 * 1,000 links per browse page: a letter of a catalog with 250,000 brands held 16,482 links in one
 * 1.2 MB page; split, a full page is ~110 KB (real corpora and the 11k catalog: browse/a/ 108 KB) and
 * every link is still reachable from the A–Z pages.
 */
export const BROWSE_PAGE_SIZE = 1000;

export const DEFAULT_LIMITS: SiteLimits = { sitemapMaxUrls: SITEMAP_MAX_URLS, featured: 8, browsePageSize: BROWSE_PAGE_SIZE };

const SIMPLE_PAGE_PATH = /^\/(?:[a-z0-9][a-z0-9._-]*\/)+$/;

/**
 * A site path (`/composition/x/`, possibly percent-encoded) → the output file (`composition/x/index.html`),
 * or null when the path is unsafe (`..`, backslash, control characters).
 */
export function outputPathOf(path: string): string | null {
  if (SIMPLE_PAGE_PATH.test(path)) return path.slice(1) + 'index.html';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // keep as written
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..' || /[\\\u0000-\u001f]/.test(s))) return null;
  if (!decoded.endsWith('/') && /\.(html?|xml|txt|json)$/i.test(segments[segments.length - 1] ?? '')) return segments.join('/');
  return [...segments, 'index.html'].join('/');
}

const toLink = (e: CatalogEntry): Link => ({ slug: e.monograph.slug, title: e.monograph.title, kind: e.monograph.kind, url: e.url });
const toItem = (e: CatalogEntry): ListItem => ({ title: e.monograph.title, url: e.url, kind: e.monograph.kind, banned: e.banned.value });

/** The page a banned status was inherited from (`entry.banned.from` is a slug or a `kind:slug` key). */
export function resolveBannedFrom(catalog: Catalog, entry: CatalogEntry): Link | null {
  const from = entry.banned.from;
  if (from === 'self' || !entry.banned.value) return null;
  const generic = entry.links.generic;
  if (generic !== null && (generic.slug === from || `${generic.kind}:${generic.slug}` === from)) return generic;
  const direct = catalog.byKey.get(from);
  if (direct !== undefined) return toLink(direct);
  for (const k of KINDS) {
    const e = catalog.byKey.get(entryKey(k, from));
    if (e !== undefined && e !== entry) return toLink(e);
  }
  return null;
}

function optionParts(ctx: SiteContext, kind: PageKind): string[] {
  const o = ctx.options;
  return [TEMPLATE_VERSION, kind, o.siteUrl ?? '', o.siteName, ctx.ad(kind, 'top') ?? '', ctx.ad(kind, 'bottom') ?? '', o.regimens === true ? 'regimens' : ''];
}

const linkParts = (l: Link | null): string[] => (l === null ? ['-'] : [l.kind, l.slug, l.title, l.url]);

/** Everything a drug page shows, as signature parts: source digests, banned status and every linked title/url. */
export function drugSignature(ctx: SiteContext, entry: CatalogEntry, bannedFrom: Link | null): string {
  const m = entry.monograph;
  const parts: (string | number | boolean | null)[] = [...optionParts(ctx, m.kind), entry.url, m.kind, m.slug, m.title];
  for (const s of m.sources) parts.push(s.file, s.digest, s.format, s.role, s.lines.start, s.lines.end);
  for (const a of m.alternates) parts.push('alt', a.source.file, a.source.digest);
  const reg = entry.banned.registry;
  parts.push('banned', entry.banned.value, entry.banned.from, ...linkParts(bannedFrom));
  if (reg !== null) parts.push('registry', reg.composition, reg.status, reg.notification, reg.date, reg.source, reg.note, reg.sample, reg.file, reg.line);
  parts.push('ingredients');
  for (const i of entry.links.ingredients) parts.push(i.name, ...linkParts(i.link));
  parts.push('combinations');
  for (const l of entry.links.combinations) parts.push(...linkParts(l));
  parts.push('brands');
  for (const l of entry.links.brands) parts.push(...linkParts(l));
  parts.push('generic', ...linkParts(entry.links.generic));
  return signature(parts);
}

const itemParts = (items: readonly ListItem[]): (string | boolean)[] => items.flatMap((i) => [i.kind, i.title, i.url, i.banned]);

/** Featured on the home page: the compositions and combinations with most brand pages (not banned). */
function featuredItems(entries: readonly CatalogEntry[], n: number): ListItem[] {
  const candidates = entries.filter((e) => e.monograph.kind !== 'medicine' && !e.banned.value);
  const withBrands = candidates
    .map((e, i) => ({ e, i, brands: e.links.brands.length }))
    .filter((x) => x.brands > 0)
    .sort((a, b) => b.brands - a.brands || a.i - b.i)
    .slice(0, n)
    .map((x) => toItem(x.e));
  return withBrands.length > 0 ? withBrands : candidates.slice(0, n).map(toItem);
}

function drugPage(ctx: SiteContext, catalog: Catalog, entry: CatalogEntry): PageSpec {
  const path = outputPathOf(entry.url);
  if (path === null) throw new Error(`site: entry "${entryKey(entry.monograph.kind, entry.monograph.slug)}" has an unsafe url "${entry.url}"`);
  const bannedFrom = resolveBannedFrom(catalog, entry);
  const tables = brandTables(catalog, entry);
  return {
    path,
    signature: signature([drugSignature(ctx, entry, bannedFrom), ...brandTableParts(tables)]),
    render: () => renderDocument(<DrugPage ctx={ctx} entry={entry} bannedFrom={bannedFrom} brandTables={tables} />),
  };
}

/**
 * The page of one catalog entry, alone: for rebuilds after an edit that changed no title, name,
 * link or date, where no other page can change.
 */
export function entryPage(catalog: Catalog, entry: CatalogEntry, options: SiteOptions): PageSpec {
  return drugPage(siteContext(options), catalog, entry);
}

/**
 * Every file of the static site, with a signature per file for incremental rebuilds.
 * @example for (const p of sitePages(catalog, { siteUrl: 'https://example.org', siteName: 'Formulary', adSlots: {}, builtAt })) write(p.path, p.render())
 */
export function sitePages(catalog: Catalog, options: SiteOptions): PageSpec[] {
  return buildSitePages(catalog, options, DEFAULT_LIMITS);
}

/** `sitePages` with explicit limits (tests lower the sitemap threshold). */
export function buildSitePages(catalog: Catalog, options: SiteOptions, limits: SiteLimits = DEFAULT_LIMITS): PageSpec[] {
  return [...eachSitePage(catalog, options, limits)];
}

/**
 * The files of `sitePages`, one at a time: a build renders and drops each before the next is made,
 * so memory does not grow with the catalog (a drug page's spec holds its brand tables: ~2 KB each,
 * 0.6 GB for 250,000 brands if all were kept).
 */
export function* eachSitePage(catalog: Catalog, options: SiteOptions, limits: SiteLimits = DEFAULT_LIMITS): Generator<PageSpec> {
  const ctx = siteContext(options);
  const taken = new Set<string>();
  const add = (p: PageSpec): PageSpec => {
    if (taken.has(p.path)) throw new Error(`site: two pages write "${p.path}"`);
    taken.add(p.path);
    return p;
  };
  const fallbackDate = isoDate(options.builtAt) ?? options.builtAt;
  const sitemap: SitemapUrl[] = [];
  let newest = '';

  // Buckets, counts.
  const buckets = new Map<string, ListItem[]>(LETTERS.map((l) => [l, []]));
  const bucketDates = new Map<string, string>();
  const counts: Record<Kind, number> = { composition: 0, combination: 0, medicine: 0 };
  let banned = 0;
  const entryUrls = new Map<string, CatalogEntry>();
  for (const e of catalog.entries) {
    const letter = letterOf(e.monograph.title);
    buckets.get(letter)?.push(toItem(e));
    counts[e.monograph.kind]++;
    if (e.banned.value) banned++;
    entryUrls.set(e.url, e);
    const lastmod = isoDate(e.monograph.lastModified);
    if (lastmod !== null) {
      if (lastmod > newest) newest = lastmod;
      if (lastmod > (bucketDates.get(letter) ?? '')) bucketDates.set(letter, lastmod);
    }
  }
  const siteDate = newest !== '' ? newest : fallbackDate;
  const bannedData = bannedPageData(catalog);
  const navLetters = (buckets.get('0-9')?.length ?? 0) > 0 ? LETTERS : LETTERS.filter((l) => l !== '0-9');

  // Home.
  const home: HomeData = { counts, banned, featured: featuredItems(catalog.entries, limits.featured), letters: navLetters };
  yield add({
    path: 'index.html',
    signature: signature([...optionParts(ctx, 'home'), counts.composition, counts.combination, counts.medicine, banned, ...navLetters, ...itemParts(home.featured)]),
    render: () => renderDocument(<HomePage ctx={ctx} data={home} />),
  });
  sitemap.push({ path: '/', lastmod: siteDate });

  // Browse: per letter, by kind then title, in pages of `browsePageSize` links.
  const size = Math.max(1, Math.floor(limits.browsePageSize));
  for (const letter of navLetters) {
    const bucket = buckets.get(letter) ?? [];
    const items = KINDS.flatMap((k) => bucket.filter((it) => it.kind === k));
    const totals: Record<Kind, number> = { composition: 0, combination: 0, medicine: 0 };
    for (const it of items) totals[it.kind]++;
    const pages = Math.max(1, Math.ceil(items.length / size));
    for (let n = 1; n <= pages; n++) {
      const slice = items.slice((n - 1) * size, n * size);
      const page = { n, of: pages, totals };
      yield add({
        path: `${browsePath(letter, n).slice(1)}index.html`,
        signature: signature([...optionParts(ctx, 'browse'), letter, n, pages, ...KINDS.map((k) => totals[k]), ...navLetters, ...itemParts(slice)]),
        render: () => renderDocument(<BrowsePage ctx={ctx} letter={letter} items={slice} letters={navLetters} page={page} />),
      });
      if (items.length > 0) sitemap.push({ path: browsePath(letter, n), lastmod: bucketDates.get(letter) ?? fallbackDate });
    }
  }

  // The banned list (linked from the home page's count).
  yield add({
    path: 'banned/index.html',
    signature: signature([...optionParts(ctx, 'browse'), 'banned', ...bannedParts(bannedData)]),
    render: () => renderDocument(<BannedPage ctx={ctx} data={bannedData} />),
  });
  if (bannedData.banned.length + bannedData.lifted.length > 0) sitemap.push({ path: BANNED_PATH, lastmod: siteDate });

  // Search, 404.
  yield add({
    path: 'search/index.html',
    signature: signature(optionParts(ctx, 'search')),
    render: () => renderSearchPageWith(ctx, { query: '', results: [], didYouMean: null }),
  });
  sitemap.push({ path: '/search/', lastmod: siteDate });
  // The tools: their forms (`formulary serve` answers them).
  yield add({
    path: 'interactions/index.html',
    signature: signature([...optionParts(ctx, 'tool'), 'interactions']),
    render: () => renderDocument(<InteractionsPage ctx={ctx} data={{ inputs: [], profiles: [], check: null, message: null }} />),
  });
  yield add({
    path: 'compare/index.html',
    signature: signature([...optionParts(ctx, 'tool'), 'compare']),
    render: () => renderDocument(<ComparePage ctx={ctx} data={{ inputs: [], columns: [], rows: [], message: null }} />),
  });
  if (options.regimens === true) {
    const empty: DosePageData = { drug: null, regimen: null, dose: null, schedule: null, icsHref: null, message: null };
    yield add({ path: 'dose/index.html', signature: signature([...optionParts(ctx, 'tool'), 'dose']), render: () => renderDocument(<DosePage ctx={ctx} data={empty} />) });
  }
  yield add({
    path: '404.html',
    signature: signature([...optionParts(ctx, 'not-found'), ...navLetters]),
    render: () => renderDocument(<NotFoundPage ctx={ctx} letters={navLetters} />),
  });

  // Drug pages.
  for (const entry of catalog.entries) {
    yield add(drugPage(ctx, catalog, entry));
    sitemap.push({ path: entry.url, lastmod: isoDate(entry.monograph.lastModified) ?? fallbackDate });
  }

  // Redirects: a stub per old path (unless a real page lives there) and a Netlify `_redirects` file.
  const redirectLines: string[] = [];
  for (const [from, to] of catalog.redirects) {
    const path = outputPathOf(from);
    if (path === null || taken.has(path)) continue;
    const target = entryUrls.get(to);
    const title = target?.monograph.title ?? null;
    yield add({
      path,
      signature: signature([TEMPLATE_VERSION, 'redirect', options.siteUrl ?? '', options.siteName, from, to, title]),
      render: () => redirectPageHtml(ctx, to, title),
    });
    redirectLines.push(`${ctx.href(encodePath(from))} ${ctx.href(encodePath(to))} 301`);
  }
  if (redirectLines.length > 0) {
    yield add({
      path: '_redirects',
      signature: signature([TEMPLATE_VERSION, '_redirects', ...redirectLines]),
      render: () => redirectLines.join('\n') + '\n',
    });
  }

  for (const p of sitemapPages(ctx, sitemap, limits.sitemapMaxUrls)) yield add(p);
  yield add(robotsPage(ctx));
}

/** The banned list: pages banned (or with a registry entry) of their own, each with the pages that inherit its status. */
function bannedPageData(catalog: Catalog): BannedPageData {
  const own = new Map<string, BannedItem>();
  const inherited: [string | null, ListItem][] = [];
  for (const e of catalog.entries) {
    if (e.banned.from === 'self') {
      if (e.banned.value || e.banned.registry !== null) own.set(e.url, { item: toItem(e), registry: e.banned.registry, inheriting: [] });
    } else if (e.banned.value) {
      inherited.push([resolveBannedFrom(catalog, e)?.url ?? null, toItem(e)]);
    }
  }
  for (const [from, item] of inherited) {
    const source = from === null ? undefined : own.get(from);
    // A status whose source cannot be found is listed on its own (as marked by its source).
    if (source !== undefined) source.inheriting.push(item);
    else own.set(item.url, { item, registry: null, inheriting: [] });
  }
  const byTitle = (a: { title: string }, b: { title: string }): number => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0);
  const all = [...own.values()].sort((a, b) => byTitle(a.item, b.item));
  for (const b of all) b.inheriting.sort(byTitle);
  return { banned: all.filter((b) => b.item.banned), lifted: all.filter((b) => !b.item.banned) };
}

function bannedParts(data: BannedPageData): (string | number | boolean | null)[] {
  const partsOf = (b: BannedItem): (string | number | boolean | null)[] => {
    const r = b.registry;
    return [...itemParts([b.item]), ...(r === null ? ['-'] : [r.composition, r.status, r.notification, r.date, r.source, r.sample]), b.inheriting.length, ...itemParts(b.inheriting.slice(0, BANNED_INHERITING_MAX))];
  };
  return [...data.banned.flatMap(partsOf), 'lifted', ...data.lifted.flatMap(partsOf)];
}

function renderSearchPageWith(ctx: SiteContext, data: SearchPageData): string {
  return renderDocument(<SearchPage ctx={ctx} data={data} />);
}

/**
 * The search page for a query, rendered on the server for `/search/?q=…` (works without JS).
 * @example c.html(renderSearchPage(search.search(q), options))
 */
export function renderSearchPage(data: SearchPageData, options: SiteOptions): string {
  return renderSearchPageWith(siteContext(options), data);
}

/** The interaction check with its answer, rendered on the server for `/interactions/?d=…&d=…`. */
export function renderInteractionsPage(data: InteractionsPageData, options: SiteOptions): string {
  return renderDocument(<InteractionsPage ctx={siteContext(options)} data={data} />);
}

/** The comparison with its answer, rendered on the server for `/compare/?d=…&d=…`. */
export function renderComparePage(data: ComparePageData, options: SiteOptions): string {
  return renderDocument(<ComparePage ctx={siteContext(options)} data={data} />);
}

/** The dose calculator's answer, rendered on the server for `/dose/?page=…&regimen=…&weightKg=…`. */
export function renderDosePage(data: DosePageData, options: SiteOptions): string {
  return renderDocument(<DosePage ctx={siteContext(options)} data={data} />);
}
