import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import {
  API_DOCS_PATH,
  BULK_PATH,
  DOSE_PATH,
  DoseRequestSchema,
  INTERACTIONS_PATH,
  InteractionsQuerySchema,
  type InteractionsResponse,
  drugPath,
  FHIR_BUNDLE_MAX,
  FHIR_MEDICATION_KNOWLEDGE,
  FhirReadQuerySchema,
  FhirSearchQuerySchema,
  fhirContext,
  fhirPath,
  fhirId,
  fileOf,
  LIST_PATH,
  ListQuerySchema,
  NoQuerySchema,
  OPENAPI_PATH,
  openApiDocument,
  renderApiDocs,
  SEARCH_CONTRACT_PATH,
  SEARCH_V1_PATH,
  SearchQuerySchema,
  toBundle,
  toMedicationKnowledge,
  type ApiDrug,
  type ApiListItem,
  type FhirContext,
} from '../../api/index.js';
import { computeDose, selectRegimen, type DoseResponse } from '../../clinical/index.js';
import type { DoseRefusal } from '../../clinical/dose.js';
import { KindSchema, pagePath } from '../../model/index.js';
import { slugify } from '../../normalize/index.js';
import type { SearchResponse, SiteSearch, SiteSearchOptions } from '../../search/engine/index.js';
import type { FileCache } from '../file-cache.js';
import { HttpError } from '../http-error.js';
import { Payload } from '../payload.js';
import { findRedirect, type RedirectTable } from '../redirects.js';
import { parseRequestPath, realInside, realOrNull } from '../request-path.js';
import { respond } from '../respond.js';
import { openApiData, type ApiData, type ApiDataSource } from './api-data.js';
import { LargeFiles } from './large-file.js';
import { listPage } from './list.js';
import { interactionsAnswer } from '../tools.js';
import { drugFile, readDrugDocument } from './drug-file.js';
import { problemResponse } from './problem.js';
import { parseStrictQuery, parseWith } from './query.js';

export interface ApiRouteDeps {
  siteDir: string;
  files: FileCache;
  search: SiteSearch;
  /** The site's API list (default: read here from `siteDir`); shared so the site's tools read the same one. */
  data?: ApiDataSource;
  /** The site's `_redirects`, current (old slugs of renamed pages). */
  redirects: () => Promise<RedirectTable>;
  log: (line: string) => void;
}

const JSON_TYPE = 'application/json; charset=utf-8';
/** Said with every interaction check. */
const INTERACTIONS_NOTICE =
  'Only what these monographs say about each other: an empty `findings` means no interaction was found in them, not that the combination is safe. Not medical advice.';
const FHIR_TYPE = 'application/fhir+json; charset=utf-8';
const NO_CACHE = 'no-cache';
/** Bundles kept per list version (one per origin and status filter asked for). */
const MAX_CACHED_BUNDLES = 8;

/**
 * The API's server routes: the list with filters and cursor paging, drugs by id or old slug,
 * search (the original contract and a strict v1), the bulk file, FHIR R4 reads and Bundle, the
 * OpenAPI document and its page. Answers are built from the static files of the built site, so
 * the server and a static host give the same shapes, and follow a rebuild on the next request.
 */
export function registerApiRoutes(app: Hono, deps: ApiRouteDeps): void {
  const data = deps.data ?? openApiData(deps.siteDir, (problem) => deps.log(`api: ${problem}`));
  const large = new LargeFiles();
  const openapi = openApiDocument(siteOptionsOf(deps.siteDir));
  const openapiPayload = new Payload(Buffer.from(JSON.stringify(openapi), 'utf8'));
  const docsPayload = new Payload(Buffer.from(renderApiDocs(openapi), 'utf8'));
  const fhir = new FhirCache();
  const readDrug = (id: string): Promise<ApiDrug | null> => readDrugDocument(deps.siteDir, deps.files, id);

  const current = (): ApiData => {
    const d = data.get();
    if (d === null) throw new HttpError(503, 'this site was built without the JSON API (api/v1/index.json is missing or unreadable): rebuild it with `formulary build`');
    return d;
  };
  const json = (c: Context, body: unknown, type = JSON_TYPE): Promise<Response> =>
    respond(c, new Payload(Buffer.from(JSON.stringify(body), 'utf8')), { contentType: type, cacheControl: NO_CACHE });

  app.get(OPENAPI_PATH, (c) => respond(c, openapiPayload, { contentType: JSON_TYPE, cacheControl: NO_CACHE }));
  app.get(API_DOCS_PATH.replace(/\/$/, ''), (c) => c.redirect(API_DOCS_PATH, 301));
  app.get(API_DOCS_PATH, (c) => respond(c, docsPayload, { contentType: 'text/html; charset=utf-8', cacheControl: NO_CACHE }));

  // A repeated query gets the same response object from the search's cache: its bytes, ETag and
  // compressed forms are made once, and go with it when the cache drops it.
  const searchPayloads = new WeakMap<SearchResponse, Payload>();
  const search = (c: Context, strict: boolean): Promise<Response> => {
    // The original route parses exactly as it always did (hono's query, unknown names ignored).
    const { q, kind, limit, banned } = strict ? parseStrictQuery(c.req.url, SearchQuerySchema, `GET ${SEARCH_V1_PATH}`) : parseWith(SearchQuerySchema, c.req.query());
    const opts: SiteSearchOptions = { limit };
    if (kind !== undefined) opts.kind = kind;
    if (banned !== undefined) opts.banned = banned;
    const response = deps.search.search(q, opts);
    let payload = searchPayloads.get(response);
    if (payload === undefined) {
      payload = new Payload(Buffer.from(JSON.stringify(response), 'utf8'));
      searchPayloads.set(response, payload);
    }
    return respond(c, payload, { contentType: JSON_TYPE, cacheControl: NO_CACHE });
  };
  app.post(DOSE_PATH, async (c) => {
    parseStrictQuery(c.req.url, NoQuerySchema, `POST ${DOSE_PATH}`);
    if (!/^application\/json\s*(?:;|$)/i.test(c.req.header('Content-Type') ?? '')) {
      throw new HttpError(415, 'send the body as application/json: {"slug": "…", "regimen": 0, "weightKg": 70, "heightCm": 170}');
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new HttpError(400, 'the body is not valid JSON');
    }
    const parsed = DoseRequestSchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, `the body is not a DoseRequest: ${z.prettifyError(parsed.error).replace(/\s+/g, ' ')}`);
    const request = parsed.data;
    const d = current();
    const item = d.byId.get(request.slug) ?? (await findOther(d, request.slug));
    if (item === undefined) throw new HttpError(404, `no drug has the slug or id ${quoted(request.slug)}: find it at ${SEARCH_V1_PATH}?q=`);
    const doc = await readDrug(item.id);
    if (doc === null) throw new HttpError(404, `the document of ${quoted(item.id)} is missing from the site: rebuild it`);
    const refuse = (r: DoseRefusal): Response => problemResponse(c, 422, r.message, { 'Cache-Control': 'no-store' }, { code: r.code });
    const generic = doc.links.generic;
    if (doc.kind === 'medicine' && generic !== null && doc.regimens.length === 0) {
      return refuse({ ok: false, code: 'no-regimens', message: `${doc.title} is a brand: the doses are on its generic's page. Ask with "slug": ${JSON.stringify(generic.id)}.` });
    }
    const chosen = selectRegimen(doc.regimens, request.regimen);
    if (!chosen.ok) return refuse(chosen);
    const answer = computeDose(chosen.regimen, request);
    if (!answer.ok) return refuse(answer);
    const { ok: _ok, ...result } = answer;
    const response: DoseResponse = { ...result, slug: request.slug, regimenIndex: chosen.index };
    return c.body(JSON.stringify(response), 200, { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' });
  });

  app.get(INTERACTIONS_PATH, async (c) => {
    const { ids } = parseStrictQuery(c.req.url, InteractionsQuerySchema, `GET ${INTERACTIONS_PATH}`);
    const d = current();
    const unknown = ids.find((id) => !d.byId.has(id));
    if (unknown !== undefined) throw new HttpError(404, `no drug has the id ${quoted(unknown)}: find ids at ${LIST_PATH} or ${SEARCH_V1_PATH}?q=`);
    const answer = await interactionsAnswer(ids, { data: d, search: deps.search, readDrug });
    const body: InteractionsResponse = {
      drugs: answer.profiles.map((p) => ({ id: p.id, title: p.title, url: p.url, kind: p.kind, via: p.via, classes: p.classes, groups: p.groups })),
      pairs: answer.check?.pairs ?? [],
      notice: INTERACTIONS_NOTICE,
    };
    return json(c, body);
  });

  app.get(DOSE_PATH, (c) => problemResponse(c, 405, 'only POST: send a DoseRequest as JSON ({"slug", "regimen", "weightKg", "heightCm"})', { Allow: 'POST' }));

  app.get(SEARCH_CONTRACT_PATH, (c) => search(c, false));
  app.get(SEARCH_V1_PATH, (c) => search(c, true));

  app.get(LIST_PATH, async (c) => {
    const query = parseStrictQuery(c.req.url, ListQuerySchema, `GET ${LIST_PATH}`);
    const page = listPage(current(), query);
    if (page.next !== null) c.header('Link', `<${page.next}>; rel="next"`);
    return json(c, page);
  });

  app.get(BULK_PATH, (c) => {
    parseStrictQuery(c.req.url, NoQuerySchema, `GET ${BULK_PATH}`);
    const root = realOrNull(deps.siteDir);
    const file = root === null ? null : realInside(root, join(deps.siteDir, fileOf(BULK_PATH)));
    if (file === null) throw new HttpError(404, 'the site has no bulk file: rebuild it');
    return large.respond(c, file, 'application/gzip');
  });

  app.get(`${LIST_PATH}/:name`, async (c) => {
    const name = lastSegment(c);
    parseStrictQuery(c.req.url, NoQuerySchema, `GET ${LIST_PATH}/{id}.json`);
    const d = current();
    const asked = name.endsWith('.json') ? name.slice(0, -'.json'.length) : name;
    const item = d.byId.get(asked);
    if (item !== undefined && asked !== name) return serveDrug(c, item.id);
    const found = item ?? (await findOther(d, asked));
    if (found === undefined) throw new HttpError(404, `no drug has the id or old slug ${quoted(asked)}: list them at ${LIST_PATH} or search at ${SEARCH_V1_PATH}?q=`);
    return c.redirect(drugPath(found.id), 301);
  });

  app.get(FHIR_MEDICATION_KNOWLEDGE, (c) => {
    const { status, _count: count, _page: page } = parseStrictQuery(c.req.url, FhirSearchQuerySchema, `GET ${FHIR_MEDICATION_KNOWLEDGE}`);
    const d = current();
    const origin = new URL(c.req.url).origin;
    const payload = fhir.bundle(d, `${origin} ${status ?? ''} ${count} ${page}`, () => {
      const ctx = fhir.context(d, origin);
      const matches = status === undefined ? d.items : d.items.filter((i) => (status === 'inactive') === (i.banned || i.product?.discontinued === true));
      const pages = Math.max(1, Math.ceil(matches.length / count));
      const url = (p: number): string => {
        const q = new URLSearchParams();
        if (status !== undefined) q.set('status', status);
        if (count !== FHIR_BUNDLE_MAX) q.set('_count', String(count));
        if (p !== 1) q.set('_page', String(p));
        const text = q.toString();
        return origin + FHIR_MEDICATION_KNOWLEDGE + (text === '' ? '' : `?${text}`);
      };
      const links = [{ relation: 'self', url: url(page) }, { relation: 'first', url: url(1) }, { relation: 'last', url: url(pages) }];
      if (page > 1) links.push({ relation: 'previous', url: url(Math.min(page - 1, pages)) });
      if (page < pages) links.push({ relation: 'next', url: url(page + 1) });
      return toBundle(matches.slice((page - 1) * count, page * count), ctx, links, matches.length);
    });
    return respond(c, payload, { contentType: FHIR_TYPE, cacheControl: NO_CACHE });
  });

  app.get(`${FHIR_MEDICATION_KNOWLEDGE}/:id`, async (c) => {
    const name = lastSegment(c);
    parseStrictQuery(c.req.url, FhirReadQuerySchema, `GET ${FHIR_MEDICATION_KNOWLEDGE}/{id}`);
    const d = current();
    const item = d.byFhirId.get(name);
    if (item !== undefined) {
      const origin = new URL(c.req.url).origin;
      const payload = fhir.resource(d, origin, item);
      return respond(c, payload, { contentType: FHIR_TYPE, cacheControl: NO_CACHE });
    }
    const other = d.byId.get(name) ?? (await findOther(d, name));
    if (other === undefined) throw new HttpError(404, `no MedicationKnowledge has the id ${quoted(name)}: the Bundle of all is ${FHIR_MEDICATION_KNOWLEDGE}`);
    return c.redirect(fhirPath(fhirId(other.id)), 301);
  });

  /** The drug document as the build wrote it (same bytes as a static host serves). */
  async function serveDrug(c: Context, id: string): Promise<Response> {
    const found = drugFile(deps.siteDir, id);
    if (found === null) throw new HttpError(404, `the document of ${quoted(id)} is missing from the site: rebuild it`);
    return respond(c, await deps.files.load(found.file, found.st), { contentType: JSON_TYPE, cacheControl: NO_CACHE });
  }

  /** An entry known by another name: a FHIR id, an old slug (`_redirects`), or a spelling that slugifies to an id. */
  async function findOther(d: ApiData, name: string): Promise<ApiListItem | undefined> {
    const byFhir = d.byFhirId.get(name);
    if (byFhir !== undefined) return byFhir;
    const table = await deps.redirects();
    for (const kind of KindSchema.options) {
      const to = findRedirect(table, pagePath(kind, name))?.to;
      const target = to === undefined ? undefined : d.byUrl.get(to);
      if (target !== undefined) return target;
    }
    const slug = slugify(name);
    return slug !== name ? d.byId.get(slug) : undefined;
  }
}

const SiteJsonSchema = z.object({ siteUrl: z.string().url().nullable().catch(null), siteName: z.string().min(1).max(200).catch('Formulary') });

/** The site's name and URL from the `site.json` the build wrote (so the served document is the static one), else defaults. */
function siteOptionsOf(siteDir: string): { siteUrl: string | null; siteName: string } {
  try {
    return SiteJsonSchema.parse(JSON.parse(readFileSync(join(siteDir, 'site.json'), 'utf8')));
  } catch {
    return { siteUrl: null, siteName: 'Formulary' };
  }
}

/** The last path segment, decoded once and checked the way the static handler checks paths. */
function lastSegment(c: Context): string {
  const parsed = parseRequestPath(new URL(c.req.url).pathname);
  if (!parsed.ok) throw new HttpError(parsed.status, parsed.reason, { cause: parsed.cause });
  const last = parsed.path.segments.at(-1);
  if (last === undefined || parsed.path.trailingSlash) throw new HttpError(404, 'no such API resource');
  return last;
}

function quoted(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
}

/** FHIR answers per list version: one context per origin, resources by id, a few Bundles. */
class FhirCache {
  #version = '';
  #contexts = new Map<string, FhirContext>();
  #resources = new Map<string, Payload>();
  #bundles = new Map<string, Payload>();

  #check(d: ApiData): void {
    if (d.version === this.#version) return;
    this.#version = d.version;
    this.#contexts.clear();
    this.#resources.clear();
    this.#bundles.clear();
  }

  context(d: ApiData, origin: string): FhirContext {
    this.#check(d);
    let ctx = this.#contexts.get(origin);
    if (ctx === undefined) {
      if (this.#contexts.size >= MAX_CACHED_BUNDLES) this.#contexts.clear();
      ctx = fhirContext(d.items, origin);
      this.#contexts.set(origin, ctx);
    }
    return ctx;
  }

  resource(d: ApiData, origin: string, item: ApiListItem): Payload {
    const ctx = this.context(d, origin);
    const key = `${origin} ${item.id}`;
    let p = this.#resources.get(key);
    if (p === undefined) {
      if (this.#resources.size >= d.items.length * 2) this.#resources.clear();
      p = new Payload(Buffer.from(JSON.stringify(toMedicationKnowledge(item, ctx)), 'utf8'));
      this.#resources.set(key, p);
    }
    return p;
  }

  bundle(d: ApiData, key: string, make: () => unknown): Payload {
    this.#check(d);
    let p = this.#bundles.get(key);
    if (p === undefined) {
      if (this.#bundles.size >= MAX_CACHED_BUNDLES) this.#bundles.clear();
      p = new Payload(Buffer.from(JSON.stringify(make()), 'utf8'));
      this.#bundles.set(key, p);
    }
    return p;
  }
}
