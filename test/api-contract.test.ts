import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Hono } from 'hono';
import { API_ROUTES, openApiDocument } from '../src/api/index.js';
import { createApp } from '../src/server/index.js';
import { makeSite, type TestSite } from './server-site.js';
import { makeApiSite, SITE_OPTIONS, type ApiTestSite } from './api-site.js';

// Every operation of the OpenAPI document, every status it documents: one request that gets that
// status, whose body is checked against the schema the document gives for it (ajv, 2020-12). A
// status added to the document without a case here fails the suite.

interface Case {
  /** Which app answers: the sample site, the same with a limit of one request, a site without API files. */
  app: 'main' | 'limited' | 'bare';
  path: string;
  headers?: Record<string, string>;
  /** Send this request first and use its ETag in `If-None-Match`. */
  etagFrom?: boolean;
  /** A POST with this JSON body (`Content-Type: application/json` unless `headers` says otherwise). */
  post?: string;
}

const dose = (body: unknown, app: Case['app'] = 'main', headers: Record<string, string> = { 'Content-Type': 'application/json' }): Case => ({
  app,
  path: '/api/dose',
  post: typeof body === 'string' ? body : JSON.stringify(body),
  headers,
});

const LONG = `?class=${'a'.repeat(5000)}`;
const CASES: Record<string, Record<string, Case>> = {
  getIndexFirstPage: { '200': { app: 'main', path: '/api/v1/index.json' }, '304': { app: 'main', path: '/api/v1/index.json', etagFrom: true }, '404': { app: 'bare', path: '/api/v1/index.json' } },
  getIndexPage: { '200': { app: 'main', path: '/api/v1/index.json' }, '304': { app: 'main', path: '/api/v1/index.json', etagFrom: true }, '404': { app: 'main', path: '/api/v1/index-2.json' } },
  getDrug: {
    '200': { app: 'main', path: '/api/v1/drugs/paracetamol.json' },
    '301': { app: 'main', path: '/api/v1/drugs/paracetamol' },
    '304': { app: 'main', path: '/api/v1/drugs/paracetamol.json', etagFrom: true },
    '400': { app: 'main', path: '/api/v1/drugs/paracetamol.json?x=1' },
    '404': { app: 'main', path: '/api/v1/drugs/no-such-drug.json' },
    '414': { app: 'main', path: `/api/v1/drugs/paracetamol.json${LONG}` },
    '429': { app: 'limited', path: '/api/v1/drugs/paracetamol.json' },
    '503': { app: 'bare', path: '/api/v1/drugs/paracetamol.json' },
  },
  getBulk: {
    '200': { app: 'main', path: '/api/v1/bulk.ndjson.gz' },
    '304': { app: 'main', path: '/api/v1/bulk.ndjson.gz', etagFrom: true },
    '404': { app: 'bare', path: '/api/v1/bulk.ndjson.gz' },
    '429': { app: 'limited', path: '/api/v1/bulk.ndjson.gz' },
  },
  listDrugs: {
    '200': { app: 'main', path: '/api/v1/drugs?limit=2' },
    '304': { app: 'main', path: '/api/v1/drugs?limit=2', etagFrom: true },
    '400': { app: 'main', path: '/api/v1/drugs?sort=title' },
    '414': { app: 'main', path: `/api/v1/drugs${LONG}` },
    '429': { app: 'limited', path: '/api/v1/drugs' },
    '503': { app: 'bare', path: '/api/v1/drugs' },
  },
  searchV1: {
    '200': { app: 'main', path: '/api/v1/search?q=paracetamol' },
    '304': { app: 'main', path: '/api/v1/search?q=paracetamol', etagFrom: true },
    '400': { app: 'main', path: '/api/v1/search?q=x&page=2' },
    '414': { app: 'main', path: `/api/v1/search${LONG}` },
    '429': { app: 'limited', path: '/api/v1/search?q=x' },
  },
  search: {
    '200': { app: 'main', path: '/api/search?q=paracetamol&page=2' },
    '304': { app: 'main', path: '/api/search?q=paracetamol', etagFrom: true },
    '400': { app: 'main', path: '/api/search?limit=0' },
    '414': { app: 'main', path: `/api/search${LONG}` },
    '429': { app: 'limited', path: '/api/search?q=x' },
  },
  readMedicationKnowledge: {
    '200': { app: 'main', path: '/fhir/MedicationKnowledge/paracetamol' },
    '301': { app: 'main', path: "/fhir/MedicationKnowledge/ringer's-lactate" },
    '304': { app: 'main', path: '/fhir/MedicationKnowledge/paracetamol', etagFrom: true },
    '400': { app: 'main', path: '/fhir/MedicationKnowledge/paracetamol?_count=1' },
    '404': { app: 'main', path: '/fhir/MedicationKnowledge/nope' },
    '414': { app: 'main', path: `/fhir/MedicationKnowledge/paracetamol${LONG}` },
    '429': { app: 'limited', path: '/fhir/MedicationKnowledge/paracetamol' },
    '503': { app: 'bare', path: '/fhir/MedicationKnowledge/paracetamol' },
  },
  searchMedicationKnowledge: {
    '200': { app: 'main', path: '/fhir/MedicationKnowledge' },
    '304': { app: 'main', path: '/fhir/MedicationKnowledge', etagFrom: true },
    '400': { app: 'main', path: '/fhir/MedicationKnowledge?status=retired' },
    '414': { app: 'main', path: `/fhir/MedicationKnowledge${LONG}` },
    '429': { app: 'limited', path: '/fhir/MedicationKnowledge' },
    '503': { app: 'bare', path: '/fhir/MedicationKnowledge' },
  },
  checkInteractions: {
    '200': { app: 'main', path: '/api/v1/interactions?ids=paracetamol,alemtuzumab' },
    '304': { app: 'main', path: '/api/v1/interactions?ids=paracetamol,alemtuzumab', etagFrom: true },
    '400': { app: 'main', path: '/api/v1/interactions?ids=paracetamol' },
    '404': { app: 'main', path: '/api/v1/interactions?ids=paracetamol,no-such-drug' },
    '414': { app: 'main', path: `/api/v1/interactions${LONG}` },
    '429': { app: 'limited', path: '/api/v1/interactions?ids=paracetamol,alemtuzumab' },
    '503': { app: 'bare', path: '/api/v1/interactions?ids=paracetamol,alemtuzumab' },
  },
  calculateDose: {
    '200': dose({ slug: 'isatuximab', regimen: 0, weightKg: 72 }),
    '400': dose({ slug: 'isatuximab', weightKg: 72, dose: 1 }),
    '404': dose({ slug: 'no-such-drug', weightKg: 72 }),
    '413': dose(JSON.stringify({ slug: 'isatuximab', pad: 'x'.repeat(2000) })),
    '415': dose({ slug: 'isatuximab' }, 'main', { 'Content-Type': 'text/plain' }),
    '422': dose({ slug: 'isatuximab', regimen: 0 }),
    '429': dose({ slug: 'isatuximab', regimen: 0, weightKg: 72 }, 'limited'),
    '503': dose({ slug: 'isatuximab', weightKg: 72 }, 'bare'),
  },
  getOpenApi: { '200': { app: 'main', path: '/api/openapi.json' }, '304': { app: 'main', path: '/api/openapi.json', etagFrom: true } },
  getApiDocs: { '200': { app: 'main', path: '/api/docs/' }, '304': { app: 'main', path: '/api/docs/', etagFrom: true } },
};

const doc = openApiDocument(SITE_OPTIONS);
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(doc, 'openapi');
const pointer = (...parts: string[]): string => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

let site: ApiTestSite;
let bare: TestSite;
const apps = {} as Record<Case['app'], Hono>;
before(async () => {
  site = await makeApiSite({ "compositions/ringer's-lactate.md": '---\ntitle: "Ringer\'s Lactate"\n---\n## Usage\n\n- Fluid replacement (test data).\n' }, { regimens: true });
  bare = await makeSite();
  apps.main = createApp({ siteDir: site.siteDir, api: { rateLimit: false } });
  apps.bare = createApp({ siteDir: bare.siteDir, api: { rateLimit: false } });
});
after(async () => {
  site.remove();
  await bare.remove();
});

describe('every documented status of every operation', () => {
  test('the cases cover the document exactly', () => {
    assert.deepEqual(Object.keys(CASES).sort(), API_ROUTES.map((r) => r.operationId).sort());
    for (const r of API_ROUTES) assert.deepEqual(Object.keys(CASES[r.operationId]!).sort(), Object.keys(r.responses).sort(), r.operationId);
  });

  for (const route of API_ROUTES) {
    for (const status of Object.keys(route.responses)) {
      test(`${route.operationId} ${status}`, async () => {
        const c = CASES[route.operationId]?.[status];
        assert.ok(c, 'no case');
        // A fresh limited app per case: its first request uses the one allowed, the second is the 429.
        const app = c.app === 'limited' ? createApp({ siteDir: site.siteDir, api: { rateLimit: { windowMs: 60_000, limit: 1 } } }) : apps[c.app];
        const headers = { ...c.headers };
        if (c.etagFrom === true) {
          const first = await app.request(c.path);
          assert.equal(first.status, 200);
          headers['If-None-Match'] = first.headers.get('etag')!;
        }
        const init = (): RequestInit => (c.post === undefined ? { headers } : { method: 'POST', headers, body: c.post });
        if (c.app === 'limited') assert.equal((await app.request(c.path, init())).status < 400, true, 'the first request is allowed');
        const res = await app.request(c.path, init());
        assert.equal(res.status, Number(status), await res.clone().text());
        const documented = route.responses[status]!;
        for (const h of documented.headers ?? []) if (!h.startsWith('RateLimit-')) assert.ok(res.headers.get(h) !== null, `header ${h}`);
        if (documented.body === undefined) return;
        const type = res.headers.get('content-type') ?? '';
        assert.ok(type.startsWith(documented.body.type), `${type} is not ${documented.body.type}`);
        if (!('schema' in documented.body)) return;
        const validate = ajv.getSchema(`openapi#/${pointer('paths', route.path, route.method ?? 'get', 'responses', status, 'content', documented.body.type, 'schema')}`);
        assert.ok(validate, 'the document has a schema for this body');
        const ok = validate(await res.json());
        assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 3)));
      });
    }
  }
});
