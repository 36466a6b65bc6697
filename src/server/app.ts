import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { openSiteSearch, type SearchResponse, type SiteSearch } from '../search/engine/index.js';
import type { ApiDrug, ApiListItem } from '../api/index.js';
import type { ComparePageData, DosePageData, InteractionsPageData, ProductSummary, SearchResultView } from '../site/index.js';
import { apiPolicy, isApiPath, openApiData, problemResponse, registerApiRoutes, type ApiPolicyOptions } from './api/index.js';
import { scheduleDates, toIcs } from '../clinical/index.js';
import { doseText } from '../site/index.js';
import { readDrugDocument } from './api/drug-file.js';
import { compareAnswer, doseAnswer, doseRegimen, interactionsAnswer } from './tools.js';

export type { SearchResponse };
import { cacheControlFor, contentTypeOf } from './content-types.js';
import { FileCache } from './file-cache.js';
import { statOrNull } from './file-version.js';
import { HttpError } from './http-error.js';
import { Payload } from './payload.js';
import { findRedirect, locationFor, parseRedirects, type RedirectTable } from './redirects.js';
import { reloadable } from './reloadable.js';
import { parseRequestPath, realInside, realOrNull, type SitePath } from './request-path.js';
import { respond } from './respond.js';
import { securityHeaders } from './security-headers.js';


export interface ServerOptions {
  /** Absolute path of a built site: `index.html`, `404.html`, `search/names.json`, `search/fulltext.db`, `_redirects`. */
  siteDir: string;
  /**
   * Renders the search page for `GET /search/?q=`; without it the static `search/index.html` is
   * served. Brand results carry their company, pack and price from the site's API list.
   */
  renderSearch?: (response: SearchPageResponse) => string;
  /** The site's search (default: `openSiteSearch(siteDir)`), for `/search/` and `/api/search`. */
  search?: SiteSearch;
  /** Hears one line per request (`GET /path 200 1.2ms`), each refused API request's reason, and problems with the site's files. */
  onRequestLog?: (line: string) => void;
  /** Limits of the API routes (`/api/*`, `/fhir/*`): rate limit per client, URL and body size. */
  api?: ApiPolicyOptions;
  /** Bytes of the site's files (and their compressed forms) held in memory; default `defaultCacheBytes()`. */
  cacheBytes?: number;
  /**
   * Render the tools' answers for `GET /interactions/?d=…`, `GET /compare/?d=…` and the drug
   * pages' dose calculator `GET /dose/?page=…` (works without JS); without it their static pages
   * (the empty forms) are served.
   */
  renderTools?: { interactions: (data: InteractionsPageData) => string; compare: (data: ComparePageData) => string; dose?: (data: DosePageData) => string };
}

/** Results shown on the server-rendered search page. */
export const SEARCH_PAGE_LIMIT = 50;

const SearchQuerySchema = z.object({ q: z.string().default('') });

/** The tools `renderTools` answers, by their one path segment. */
const TOOLS: ReadonlyMap<string, 'interactions' | 'compare'> = new Map([
  ['interactions', 'interactions'],
  ['compare', 'compare'],
]);

/**
 * The site server: static files of `siteDir` with safe path mapping, redirects from `_redirects`,
 * ETags, compression and security headers, and server-rendered search when `renderSearch` is given.
 * Nothing is cached without checking the file on disk, so a site rebuilt in place is served fresh.
 *
 * @example
 * const app = createApp({ siteDir: resolve('dist'), renderSearch: renderSearchPage });
 * const server = await startServer(app, 3000);
 */
export function createApp(options: ServerOptions): Hono {
  const { siteDir, renderSearch, renderTools } = options;
  const log = options.onRequestLog ?? (() => {});
  const files = new FileCache(options.cacheBytes);
  const redirects = reloadable<RedirectTable>(join(siteDir, '_redirects'), (text) => ({ value: parseRedirects(text) }), new Map());
  const siteSearch = options.search ?? openSiteSearch(siteDir, { onProblem: (problem) => log(`search: ${problem}`) });
  siteSearch.problems(); // load now, so problems are logged at start

  const app = new Hono();

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const ms = (performance.now() - started).toFixed(1);
    log(`${c.req.method} ${rawPathAndSearch(c.req.url)} ${c.res.status} ${ms}ms`);
  });
  app.use(securityHeaders());

  // The JSON API (issue 7; `GET /api/search` is issue 3's contract, unchanged): its limits, then its routes.
  const policy = apiPolicy(options.api); // one instance: one rate-limit bucket per client for both prefixes
  for (const prefix of ['/api/*', '/fhir/*']) app.use(prefix, ...policy);
  const apiData = openApiData(siteDir, (problem) => log(`api: ${problem}`));
  const readDrug = (id: string): Promise<ApiDrug | null> => readDrugDocument(siteDir, files, id);
  registerApiRoutes(app, { siteDir, files, search: siteSearch, data: apiData, redirects: () => redirects.get(), log });

  app.get('*', async (c) => {
    const { pathname, search } = new URL(c.req.url);
    const parsed = parseRequestPath(pathname);
    if (!parsed.ok) throw new HttpError(parsed.status, parsed.reason, { cause: parsed.cause });
    const path = parsed.path;

    const redirect = findRedirect(await redirects.get(), path.decoded);
    if (redirect !== undefined) return c.redirect(locationFor(redirect, search), redirect.status);

    if (renderSearch !== undefined && path.segments.length === 1 && path.segments[0] === 'search') {
      if (!path.trailingSlash) return c.redirect(`/search/${search}`, 301);
      const { q } = SearchQuerySchema.parse(c.req.query());
      const html = renderSearch(withProducts(siteSearch.search(q, { limit: SEARCH_PAGE_LIMIT }), apiData.get()));
      return respond(c, new Payload(Buffer.from(html, 'utf8')), {
        contentType: 'text/html; charset=utf-8',
        cacheControl: 'no-cache',
      });
    }

    // The drug page's dose calculator (sites built with --regimens): the answer page and its calendar file.
    const renderDose = renderTools?.dose;
    if (renderDose !== undefined && path.segments[0] === 'dose' && c.req.query('page') !== undefined) {
      const data = apiData.get();
      if (data !== null && path.segments.length === 1 && path.trailingSlash) {
        const html = renderDose(await doseAnswer(c.req.query(), { data, readDrug }));
        return respond(c, new Payload(Buffer.from(html, 'utf8')), { contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' });
      }
      if (data !== null && path.segments.length === 2 && path.segments[1] === 'schedule.ics' && !path.trailingSlash) {
        const found = await doseRegimen(c.req.query(), { data, readDrug });
        const schedule = 'message' in found ? null : scheduleDates(found.regimen, c.req.query('start') ?? '');
        if ('message' in found || schedule === null || !schedule.ok) throw new HttpError(404, 'no schedule: open the calculator on the drug page and give a start date');
        const page = new URL(found.drug.url, new URL(c.req.url).origin).href;
        let ics: string;
        try {
          ics = toIcs(schedule, { title: `${found.drug.title} ${doseText(found.regimen)}`, url: page, uidBase: `${new URL(page).host}${found.drug.url}regimen-${found.index}` });
        } catch (e) {
          throw new HttpError(400, 'the calendar file cannot be made for this address', { cause: e });
        }
        return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'attachment; filename="schedule.ics"', 'Cache-Control': 'no-cache' });
      }
    }

    const tool = renderTools === undefined || path.segments.length !== 1 || !path.trailingSlash ? undefined : TOOLS.get(path.segments[0]!);
    if (tool !== undefined && renderTools !== undefined) {
      const values = c.req.queries('d') ?? [];
      const data = apiData.get();
      if (values.length > 0 && data !== null) {
        const deps = { data, search: siteSearch, readDrug };
        const html = tool === 'interactions' ? renderTools.interactions(await interactionsAnswer(values, deps)) : renderTools.compare(await compareAnswer(values, deps));
        return respond(c, new Payload(Buffer.from(html, 'utf8')), { contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' });
      }
    }

    return serveFile(c, path, search);
  });

  app.all('*', () => {
    throw new HttpError(405, 'only GET and HEAD are supported');
  });

  app.notFound((c) => notFound(c));

  app.onError(async (err, c) => {
    const api = isApiPath(new URL(c.req.url).pathname);
    if (!(err instanceof HttpError)) {
      log(`error: ${err instanceof Error ? err.message : String(err)}`);
      return api ? problemResponse(c, 500, 'the server could not answer this request') : problem(c, 500, 'the server could not answer this request');
    }
    if (api) {
      // API errors are JSON, 404 included; each refusal is logged with its reason.
      log(`refused ${err.status}: ${err.message}`);
      return problemResponse(c, err.status, err.message, err.status === 405 ? { Allow: 'GET, HEAD' } : {});
    }
    if (err.status === 404) return notFound(c);
    return problem(c, err.status, err.message, err.status === 405 ? { Allow: 'GET, HEAD' } : {});
  });

  /** The file for `path`, or a redirect to add the slash of a directory; 404 for anything else. */
  async function serveFile(c: Context, path: SitePath, search: string): Promise<Response> {
    const root = realOrNull(siteDir);
    let target = root === null ? null : realInside(root, join(siteDir, ...path.segments));
    let st = target === null ? null : statOrNull(target);
    if (root !== null && target !== null && st?.isDirectory()) {
      if (!path.trailingSlash) return c.redirect(`${path.raw}/${search}`, 301);
      target = realInside(root, join(target, 'index.html'));
      st = target === null ? null : statOrNull(target);
    } else if (path.trailingSlash) {
      st = null; // `/file.html/` names a directory that is not there
    }
    if (target === null || st === null || !st.isFile()) throw new HttpError(404, 'no such page');
    const payload = await files.load(target, st);
    return respond(c, payload, { contentType: contentTypeOf(target), cacheControl: cacheControlFor(path.decoded) });
  }

  async function notFound(c: Context): Promise<Response> {
    const root = realOrNull(siteDir);
    const target = root === null ? null : realInside(root, join(siteDir, '404.html'));
    const st = target === null ? null : statOrNull(target);
    if (target === null || st === null || !st.isFile()) {
      return respond(c, new Payload(Buffer.from('Not found\n')), {
        contentType: 'text/plain; charset=utf-8',
        cacheControl: 'no-cache',
        status: 404,
      });
    }
    const payload = await files.load(target, st);
    return respond(c, payload, { contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache', status: 404 });
  }

  return app;
}

/** The search page's answer: the engine's, brand results with their company, pack and price. */
export type SearchPageResponse = Omit<SearchResponse, 'results'> & { results: SearchResultView[] };

/** Brand results with their product line from the API list (when the site has one). */
function withProducts(response: SearchResponse, data: { byUrl: ReadonlyMap<string, ApiListItem> } | null): SearchPageResponse {
  if (data === null) return response;
  return {
    ...response,
    results: response.results.map((r) => {
      const p = r.kind === 'medicine' ? data.byUrl.get(r.url) : undefined;
      if (p?.product == null) return r;
      const product: ProductSummary = { company: p.company, pack: p.product.packSize, mrp: p.product.mrp, unitPrice: p.product.unitPrice, discontinued: p.product.discontinued };
      return { ...r, product };
    }),
  };
}

/** An RFC 9457 problem body: status and a message written for the client, never a stack. */
function problem(c: Context, status: HttpError['status'], detail: string, headers: Record<string, string> = {}): Response {
  const body = JSON.stringify({ type: 'about:blank', title: STATUS_TITLES[status] ?? 'Error', status, detail });
  return c.body(body, status as 400, { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...headers });
}

const STATUS_TITLES: Partial<Record<number, string>> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
};

/** The request target as received, for the log (percent-encoded, so one line per request). */
function rawPathAndSearch(url: string): string {
  const { pathname, search } = new URL(url);
  return (pathname + search).slice(0, 500);
}
