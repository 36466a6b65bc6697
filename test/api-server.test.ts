import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { Hono } from 'hono';
import type { z } from 'zod';
import {
  ApiDrugSchema,
  ApiListResponseSchema,
  FhirBundleSchema,
  fhirId,
  MedicationKnowledgeSchema,
  OperationOutcomeSchema,
  ProblemSchema,
  SearchResponseSchema,
  type ApiListItem,
} from '../src/api/index.js';
import { createApp } from '../src/server/index.js';
import { makeApiSite, type ApiTestSite } from './api-site.js';
import { fhirValidator } from './api-validators.js';

// Contract tests of the API's server routes: every route, every status it documents, every body
// checked against its schema. Rate limits, CORS, size limits and hostile input: api-http.test.ts.

const LONG = 'diphtheria toxoid + tetanus toxoid + pertussis toxoid + filamentous haemagglutinin + poliomyelitis virus';
const LONG_SLUG = 'diphtheria-toxoid-tetanus-toxoid-pertussis-toxoid-filamentous-haemagglutinin-poliomyelitis-virus';

let site: ApiTestSite;
let app: Hono;
const logs: string[] = [];

before(async () => {
  site = await makeApiSite({
    // an unsafe file name: published as ringers-lactate, the old slug redirected (`_redirects`)
    "compositions/ringer's-lactate.md": '---\ntitle: "Ringer\'s Lactate"\n---\n## Usage\n\n- Fluid replacement (test data).\n- **Pharmacological classification:** Crystalloid solution.\n',
    // a slug longer than FHIR's 64-character ids
    [`combinations/${LONG_SLUG}.md`]: `---\ntitle: "${LONG}"\n---\n## Usage\n\n- A vaccine combination (test data).\n`,
  });
  app = createApp({ siteDir: site.siteDir, api: { rateLimit: false }, onRequestLog: (l) => logs.push(l) });
});
after(() => site.remove());

const get = async (path: string, headers: Record<string, string> = {}): Promise<Response> => app.request(path, { headers });

async function body<T extends z.ZodType>(res: Response, schema: T, status = 200): Promise<z.output<T>> {
  const text = await res.text();
  assert.equal(res.status, status, text.slice(0, 300));
  return schema.parse(JSON.parse(text));
}

async function problem(res: Response, status: number, detail: RegExp): Promise<void> {
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const p = await body(res, ProblemSchema, status);
  assert.equal(p.status, status);
  assert.match(p.detail, detail);
}

async function outcome(res: Response, status: number, detail: RegExp): Promise<void> {
  assert.equal(res.headers.get('content-type'), 'application/fhir+json; charset=utf-8');
  const o = await body(res, OperationOutcomeSchema, status);
  assert.deepEqual(fhirValidator().errors('OperationOutcome', o), []);
  assert.match(o.issue[0]!.diagnostics, detail);
}

/** Every entry, following `next` links from a first page. */
async function walk(first: string): Promise<ApiListItem[]> {
  const out: ApiListItem[] = [];
  let next: string | null = first;
  for (let guard = 0; next !== null && guard < 100; guard++) {
    const res = await get(next);
    const page = await body(res, ApiListResponseSchema);
    assert.equal(res.headers.get('link'), page.next === null ? null : `<${page.next}>; rel="next"`);
    out.push(...page.items);
    next = page.next;
  }
  return out;
}

describe('GET /api/v1/drugs', () => {
  test('200: every entry in index order, with totals', async () => {
    const page = await body(await get('/api/v1/drugs'), ApiListResponseSchema);
    assert.equal(page.total, site.catalog.entries.length);
    assert.equal(page.items.length, site.catalog.entries.length);
    assert.equal(page.total, 12, 'the sample\'s 10 entries and the two added here');
    assert.equal(page.nextCursor, null);
    assert.equal(page.limit, 100);
    const titles = page.items.map((i) => i.title.toLowerCase());
    assert.deepEqual(titles, [...titles].sort());
  });

  test('cursor paging visits each entry exactly once, for any page size and filter', async () => {
    const all = (await body(await get('/api/v1/drugs'), ApiListResponseSchema)).items;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.constantFrom('', '&kind=composition', '&banned=false', '&letter=i', '&kind=medicine&banned=true'), async (limit, filter) => {
        const walked = await walk(`/api/v1/drugs?limit=${limit}${filter}`);
        const full = (await body(await get(`/api/v1/drugs?limit=1000${filter}`), ApiListResponseSchema)).items;
        assert.deepEqual(walked.map((i) => i.id), full.map((i) => i.id));
        assert.ok(full.every((i) => all.some((a) => a.id === i.id)));
      }),
      { numRuns: 25 },
    );
  });

  test('filters: kind, banned, class (label or words), company, letter — combined with AND', async () => {
    const ids = async (q: string): Promise<string[]> => (await body(await get(`/api/v1/drugs?${q}`), ApiListResponseSchema)).items.map((i) => i.id);
    assert.deepEqual(await ids('kind=medicine'), ['crocin-650', 'demoxin-plus']);
    assert.deepEqual(await ids('banned=true'), ['demoxin-plus', 'exampleol-demoxin']);
    assert.deepEqual(await ids('kind=medicine&banned=false'), ['crocin-650']);
    assert.deepEqual(await ids('class=antineoplastic%20agent'), ['inotuzumab-ozogamicin'], 'the class label, any case');
    assert.deepEqual(await ids('class=Monoclonal+Antibody'), ['alemtuzumab', 'itolizumab'], 'words inside the class text');
    assert.deepEqual(await ids('class=immunomodulator'), ['itolizumab'], 'the class label');
    assert.deepEqual(await ids('class=crystalloid'), ['ringers-lactate']);
    assert.deepEqual(await ids('class=clonal'), [], 'never inside a word');
    assert.deepEqual(await ids('company=glaxosmithkline'), ['crocin-650']);
    assert.deepEqual(await ids('company=EXAMPLE%20pharma'), ['demoxin-plus']);
    assert.deepEqual(await ids('letter=i'), ['ibalizumab', 'inotuzumab-ozogamicin', 'isatuximab', 'itolizumab']);
    assert.deepEqual(await ids('letter=0-9'), []);
    assert.deepEqual(await ids('letter=r&kind=composition'), ['ringers-lactate']);
    const filtered = await body(await get('/api/v1/drugs?letter=i&limit=2'), ApiListResponseSchema);
    assert.equal(filtered.total, 4, 'total counts every match, not only this page');
  });

  test('400 for unknown, repeated or invalid parameters, naming what is accepted', async () => {
    await problem(await get('/api/v1/drugs?foo=1'), 400, /unknown query parameter "foo": GET \/api\/v1\/drugs takes only kind, banned, class, company, letter, cursor, limit/);
    await problem(await get('/api/v1/drugs?kind=medicine&kind=composition'), 400, /"kind" is given more than once/);
    await problem(await get('/api/v1/drugs?kind=pill'), 400, /^kind: /);
    await problem(await get('/api/v1/drugs?limit=0'), 400, /^limit: /);
    await problem(await get('/api/v1/drugs?limit=1001'), 400, /^limit: /);
    await problem(await get('/api/v1/drugs?limit=ten'), 400, /^limit: /);
    await problem(await get('/api/v1/drugs?letter=ab'), 400, /^letter: /);
    await problem(await get('/api/v1/drugs?banned=yes'), 400, /^banned: /);
    await problem(await get('/api/v1/drugs?class=%20%2B%20'), 400, /class: give at least one letter or digit/);
    await problem(await get(`/api/v1/drugs?company=${'x'.repeat(101)}`), 400, /^company: /);
    await problem(await get('/api/v1/drugs?cursor=not-a-cursor'), 400, /cursor: not a cursor this server wrote/);
    await problem(await get(`/api/v1/drugs?${Array.from({ length: 17 }, (_, i) => `kind${i}=x`).join('&')}`), 400, /too many query parameters/);
  });
});

describe('GET /api/v1/drugs/{id}.json', () => {
  test('200: the document the build wrote, byte for byte, as an ApiDrug', async () => {
    const res = await get('/api/v1/drugs/crocin-650.json');
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    const text = await res.text();
    assert.equal(text, readFileSync(join(site.siteDir, 'api/v1/drugs/crocin-650.json'), 'utf8'));
    const drug = ApiDrugSchema.parse(JSON.parse(text));
    assert.equal(drug.links.generic?.id, 'paracetamol');
  });

  test('ETag round trip: If-None-Match answers 304, per representation', async () => {
    for (const enc of [{}, { 'Accept-Encoding': 'gzip' }, { 'Accept-Encoding': 'br' }]) {
      const first = await get('/api/v1/drugs/alemtuzumab.json', enc);
      const etag = first.headers.get('etag');
      assert.match(etag ?? '', /^"[A-Za-z0-9_-]+(?:-br|-gz)?"$/);
      const again = await get('/api/v1/drugs/alemtuzumab.json', { ...enc, 'If-None-Match': etag! });
      assert.equal(again.status, 304);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), etag);
      assert.equal((await get('/api/v1/drugs/alemtuzumab.json', { ...enc, 'If-None-Match': '"other"' })).status, 200);
    }
  });

  test('301 to the canonical document: no .json, an old slug from _redirects, a spelling of the slug, a FHIR id', async () => {
    const cases: [string, string][] = [
      ['/api/v1/drugs/crocin-650', '/api/v1/drugs/crocin-650.json'],
      ["/api/v1/drugs/ringer's-lactate.json", '/api/v1/drugs/ringers-lactate.json'],
      ['/api/v1/drugs/ringer%27s-lactate', '/api/v1/drugs/ringers-lactate.json'],
      ['/api/v1/drugs/Crocin%20650.json', '/api/v1/drugs/crocin-650.json'],
      [`/api/v1/drugs/${fhirId(LONG_SLUG)}.json`, `/api/v1/drugs/${LONG_SLUG}.json`],
    ];
    assert.match(readFileSync(join(site.siteDir, '_redirects'), 'utf8'), /ringer's-lactate/, 'the build redirects the old page path');
    for (const [from, to] of cases) {
      const res = await get(from);
      assert.equal(res.status, 301, from);
      assert.equal(res.headers.get('location'), to, from);
    }
  });

  test('404 problem (never the HTML 404 page) for an unknown id; 400 for any query parameter', async () => {
    await problem(await get('/api/v1/drugs/no-such-drug.json'), 404, /no drug has the id or old slug "no-such-drug"/);
    await problem(await get('/api/v1/drugs/crocin-650.json?x=1'), 400, /unknown query parameter "x": GET \/api\/v1\/drugs\/\{id\}\.json takes no query parameters/);
    await problem(await get('/api/v1/drugs/%2e%2e%2fsecret.json'), 400, /encoded "\/"/);
    await problem(await get('/api/v1/drugs/.json'), 404, /.+/);
  });
});

describe('static API files', () => {
  test('index.json: 200 with ETag; 304 on revalidation; a missing page is a 404 problem', async () => {
    const res = await get('/api/v1/index.json');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    const etag = res.headers.get('etag')!;
    assert.equal((await get('/api/v1/index.json', { 'If-None-Match': etag })).status, 304);
    await problem(await get('/api/v1/index-2.json'), 404, /no such page/);
  });

  test('bulk.ndjson.gz: streamed gzip of every document, ETag 304, HEAD without a body', async () => {
    const res = await get('/api/v1/bulk.ndjson.gz');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/gzip');
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.equal(res.headers.get('content-length'), String(bytes.byteLength));
    const lines = gunzipSync(bytes).toString('utf8').trim().split('\n');
    assert.equal(lines.length, site.catalog.entries.length);
    for (const l of lines) ApiDrugSchema.parse(JSON.parse(l));
    const etag = res.headers.get('etag')!;
    assert.equal((await get('/api/v1/bulk.ndjson.gz', { 'If-None-Match': etag })).status, 304);
    const head = await app.request('/api/v1/bulk.ndjson.gz', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), String(bytes.byteLength));
    assert.equal((await head.arrayBuffer()).byteLength, 0);
    await problem(await get('/api/v1/bulk.ndjson.gz?x=1'), 400, /unknown query parameter/);
  });

  test('openapi.json: 200, ETag, 304', async () => {
    const res = await get('/api/openapi.json');
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { openapi: string }).openapi, '3.1.0');
    assert.equal((await get('/api/openapi.json', { 'If-None-Match': res.headers.get('etag')! })).status, 304);
  });
});

describe('search', () => {
  test('GET /api/v1/search: the contract shape; unknown parameters rejected', async () => {
    const r = await body(await get('/api/v1/search?q=campath&limit=3'), SearchResponseSchema);
    assert.equal(r.results[0]?.url, '/composition/alemtuzumab/');
    await problem(await get('/api/v1/search?q=x&page=2'), 400, /unknown query parameter "page": GET \/api\/v1\/search takes only q, kind, limit, banned/);
    await problem(await get('/api/v1/search?limit=0'), 400, /^limit: /);
  });

  test('GET /api/search keeps its contract: unknown parameters ignored, same answer as v1', async () => {
    const old = await body(await get('/api/search?q=campath&limit=3&page=2'), SearchResponseSchema);
    const v1 = await body(await get('/api/v1/search?q=campath&limit=3'), SearchResponseSchema);
    assert.deepEqual(old, v1);
    await problem(await get('/api/search?kind=pill'), 400, /^kind: /);
  });
});

describe('FHIR', () => {
  test('GET /fhir/MedicationKnowledge/{id}: 200 valid R4; 304 on revalidation', async () => {
    const res = await get('/fhir/MedicationKnowledge/crocin-650');
    assert.equal(res.headers.get('content-type'), 'application/fhir+json; charset=utf-8');
    const mk = await body(res, MedicationKnowledgeSchema);
    assert.deepEqual(fhirValidator().errors('MedicationKnowledge', mk), []);
    assert.equal(mk.contained[0]?.content[0]?.attachment.url, 'http://localhost/medicines/crocin-650/', 'absolute URLs from the request origin');
    assert.equal((await get('/fhir/MedicationKnowledge/crocin-650', { 'If-None-Match': res.headers.get('etag')! })).status, 304);
    assert.equal((await get('/fhir/MedicationKnowledge/crocin-650?_format=json')).status, 200);
  });

  test('a long slug has a 64-character FHIR id; its API id or slug answers 301 to it', async () => {
    const id = fhirId(LONG_SLUG);
    assert.equal(id.length, 64);
    const mk = await body(await get(`/fhir/MedicationKnowledge/${id}`), MedicationKnowledgeSchema);
    assert.deepEqual(fhirValidator().errors('MedicationKnowledge', mk), []);
    for (const from of [LONG_SLUG, "ringer's-lactate"]) {
      const res = await get(`/fhir/MedicationKnowledge/${encodeURIComponent(from)}`);
      assert.equal(res.status, 301, from);
    }
    assert.equal((await get(`/fhir/MedicationKnowledge/${LONG_SLUG}`)).headers.get('location'), `/fhir/MedicationKnowledge/${id}`);
  });

  test('404 and 400 are OperationOutcomes', async () => {
    await outcome(await get('/fhir/MedicationKnowledge/nope'), 404, /no MedicationKnowledge has the id "nope"/);
    await outcome(await get('/fhir/MedicationKnowledge/crocin-650?status=active'), 400, /unknown query parameter "status"/);
    await outcome(await get('/fhir/MedicationKnowledge?_format=xml'), 400, /^_format: /);
    await outcome(await get('/fhir/Patient/1'), 404, /.+/);
  });

  test('GET /fhir/MedicationKnowledge: a valid R4 searchset Bundle of all, or of active/inactive ones', async () => {
    const all = await body(await get('/fhir/MedicationKnowledge'), FhirBundleSchema);
    assert.deepEqual(fhirValidator().errors('Bundle', all), []);
    assert.equal(all.total, site.catalog.entries.length);
    assert.equal(all.link[0]?.url, 'http://localhost/fhir/MedicationKnowledge');
    const inactive = await body(await get('/fhir/MedicationKnowledge?status=inactive'), FhirBundleSchema);
    assert.deepEqual(inactive.entry?.map((e) => e.resource.id).sort(), ['demoxin-plus', 'exampleol-demoxin']);
    const active = await body(await get('/fhir/MedicationKnowledge?status=active'), FhirBundleSchema);
    assert.equal(active.total + inactive.total, all.total);
  });

  test('the Bundle pages with _count and _page: next links visit every entry once, total counts all', async () => {
    const all = await body(await get('/fhir/MedicationKnowledge'), FhirBundleSchema);
    assert.deepEqual(all.link.map((l) => l.relation), ['self', 'first', 'last'], 'one page: no next');
    const seen: string[] = [];
    let next: string | undefined = 'http://localhost/fhir/MedicationKnowledge?_count=5';
    for (let guard = 0; next !== undefined && guard < 10; guard++) {
      const page: z.output<typeof FhirBundleSchema> = await body(await get(next.replace('http://localhost', '')), FhirBundleSchema);
      assert.deepEqual(fhirValidator().errors('Bundle', page), []);
      assert.equal(page.total, all.total);
      assert.ok((page.entry?.length ?? 0) <= 5);
      seen.push(...(page.entry ?? []).map((e) => e.resource.id));
      next = page.link.find((l) => l.relation === 'next')?.url;
    }
    assert.deepEqual(seen, all.entry?.map((e) => e.resource.id));
    const last = await body(await get('/fhir/MedicationKnowledge?_count=5&_page=3&status=active'), FhirBundleSchema);
    assert.equal(last.link.find((l) => l.relation === 'previous')?.url, 'http://localhost/fhir/MedicationKnowledge?status=active&_count=5&_page=2');
    const beyond = await body(await get('/fhir/MedicationKnowledge?_count=5&_page=99'), FhirBundleSchema);
    assert.equal(beyond.entry, undefined);
    assert.equal(beyond.total, all.total);
    await outcome(await get('/fhir/MedicationKnowledge?_count=0'), 400, /^_count: /);
    await outcome(await get('/fhir/MedicationKnowledge?_count=10001'), 400, /^_count: /);
  });

  test('FHIR JSON is compressed like other JSON, with its own ETag per encoding', async () => {
    const plain = await get('/fhir/MedicationKnowledge');
    const br = await get('/fhir/MedicationKnowledge', { 'Accept-Encoding': 'br' });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(br.headers.get('vary'), 'Accept-Encoding');
    assert.equal(br.headers.get('etag'), plain.headers.get('etag')!.replace(/"$/, '-br"'));
  });
});

describe('methods and errors', () => {
  test('405 problem with Allow for other methods on API paths; OPTIONS is a CORS preflight', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await app.request('/api/v1/drugs', { method });
      assert.equal(res.headers.get('allow'), 'GET, HEAD');
      await problem(res, 405, /only GET and HEAD/);
    }
    const fhir = await app.request('/fhir/MedicationKnowledge', { method: 'POST' });
    await outcome(fhir, 405, /only GET and HEAD/);
    const pre = await app.request('/api/v1/drugs', { method: 'OPTIONS', headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'GET' } });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), '*');
    assert.equal(pre.headers.get('access-control-allow-methods'), 'GET,HEAD,POST', 'POST for /api/dose');
  });

  test('HEAD is GET without a body', async () => {
    const head = await app.request('/api/v1/drugs?kind=medicine', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal((await head.arrayBuffer()).byteLength, 0);
    assert.ok(head.headers.get('etag'));
  });

  test('every refusal is logged with its reason', async () => {
    logs.length = 0;
    await get('/api/v1/drugs?evil=%3Cscript%3E');
    assert.ok(logs.some((l) => l.startsWith('refused 400: unknown query parameter "evil"')), logs.join('\n'));
    assert.ok(logs.some((l) => /^GET \/api\/v1\/drugs\?evil=%3Cscript%3E 400 /.test(l)), logs.join('\n'));
  });
});
