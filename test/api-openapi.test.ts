import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Hono } from 'hono';
import type { z } from 'zod';
import { API_ROUTES, ApiDrugSchema, ApiIndexPageSchema, ApiListItemSchema, ApiListResponseSchema, openApiDocument, renderApiDocs, SearchResponseSchema } from '../src/api/index.js';
import { createApp } from '../src/server/index.js';
import { CONTENT_SECURITY_POLICY } from '../src/server/index.js';
import { makeApiSite, SITE_OPTIONS, type ApiTestSite } from './api-site.js';
import { openApiComponentValidator } from './api-validators.js';

// The OpenAPI 3.1 document: generated from the zod schemas, valid for a real validator, and true
// to what the server and the static files actually send.

type Json = Record<string, unknown>;
const doc = openApiDocument(SITE_OPTIONS);

let site: ApiTestSite;
let app: Hono;
before(async () => {
  site = await makeApiSite();
  app = createApp({ siteDir: site.siteDir, api: { rateLimit: false } });
});
after(() => site.remove());

describe('the OpenAPI document', () => {
  test('is valid OpenAPI 3.1 for @seriousme/openapi-schema-validator, and every $ref resolves', async () => {
    const validator = new Validator();
    const res = await validator.validate(structuredClone(doc));
    assert.deepEqual(res.errors, undefined);
    assert.equal(res.valid, true);
    assert.equal(validator.version, '3.1');
    assert.doesNotThrow(() => validator.resolveRefs());
  });

  test('the validator is live: a document missing what 3.1 requires is refused', async () => {
    const broken = structuredClone(doc) as Json;
    delete (broken['info'] as Json)['title'];
    ((broken['paths'] as Json)['/api/v1/drugs'] as Json)['get'] = { responses: { '200': {} } }; // a response without description
    const res = await new Validator().validate(broken);
    assert.equal(res.valid, false);
  });

  test('every component compiles as JSON Schema 2020-12 (ajv checks it against the meta-schema)', () => {
    const validate = openApiComponentValidator(doc);
    for (const name of Object.keys((doc['components'] as Json)['schemas'] as Json)) assert.doesNotThrow(() => validate(name, {}), name);
  });

  test('the shapes come from the zod schemas: each property of a schema is a property of its component, nothing else', () => {
    const schemas = (doc['components'] as Json)['schemas'] as Record<string, Json>;
    const pairs: [string, z.ZodObject][] = [
      ['ApiDrug', ApiDrugSchema],
      ['ApiListItem', ApiListItemSchema],
      ['ApiIndexPage', ApiIndexPageSchema],
      ['ApiList', ApiListResponseSchema],
      ['SearchResponse', SearchResponseSchema],
    ];
    for (const [name, schema] of pairs) assert.deepEqual(Object.keys(schemas[name]!['properties'] as Json), Object.keys(schema.shape), name);
    const regimens = (schemas['ApiDrug']!['properties'] as Json)['regimens'] as Json;
    assert.equal(regimens['type'], 'array');
    assert.deepEqual(regimens['items'], { $ref: '#/components/schemas/Regimen' });
    assert.match(String(regimens['description']), /--regimens.*experimental/s);
    // The contract: a regimen has these fields (the generator manifest's names) and its source.
    const regimen = schemas['Regimen']!['properties'] as Json;
    for (const f of ['indication', 'population', 'phase', 'amount', 'unit', 'per', 'route', 'everyDays', 'timesPerDay', 'timesPerWeek', 'cycleDays', 'days', 'durationWeeks', 'infusionMinutes', 'maxDailyAmount', 'source']) {
      assert.ok(f in regimen, f);
    }
  });

  test('documents every route of API_ROUTES with its parameters and error statuses', () => {
    const paths = doc['paths'] as Record<string, { get: Json }>;
    assert.deepEqual(Object.keys(paths), API_ROUTES.map((r) => r.path));
    const list = paths['/api/v1/drugs']!.get;
    assert.deepEqual((list['parameters'] as Json[]).map((p) => p['name']), ['kind', 'banned', 'class', 'company', 'letter', 'cursor', 'limit']);
    assert.deepEqual(Object.keys(list['responses'] as Json), ['200', '304', '400', '414', '429', '503']);
    const dose = (doc['paths'] as Record<string, { post?: Json }>)['/api/dose']!.post!;
    assert.deepEqual(((dose['requestBody'] as Json)['content'] as Json)['application/json'], { schema: { $ref: '#/components/schemas/DoseRequest' } });
    assert.deepEqual(Object.keys(dose['responses'] as Json), ['200', '400', '404', '413', '415', '422', '429', '503']);
    const limit = (list['parameters'] as Json[]).find((p) => p['name'] === 'limit')!;
    assert.deepEqual(limit['schema'], { type: 'integer', minimum: 1, maximum: 1000, default: 100 });
    assert.equal(limit['required'], false);
  });

  test('the build writes the same document (and its page) that openApiDocument makes, and the server serves it', async () => {
    const written = readFileSync(join(site.siteDir, 'api/openapi.json'), 'utf8');
    assert.deepEqual(JSON.parse(written), doc);
    assert.equal(readFileSync(join(site.siteDir, 'api/docs/index.html'), 'utf8'), renderApiDocs(doc));
    assert.equal(await (await app.request('/api/openapi.json')).text(), written, 'same bytes: the server reads the site name and URL from site.json');
  });

  test('a site URL becomes the server of the document', () => {
    const withUrl = openApiDocument({ siteUrl: 'https://example.org/base/', siteName: 'Example' });
    assert.deepEqual(withUrl['servers'], [{ url: 'https://example.org/base' }]);
    assert.equal((withUrl['info'] as Json)['title'], 'Example API');
  });
});

describe('responses match the documented components (ajv, JSON Schema 2020-12)', () => {
  const validate = openApiComponentValidator(doc);
  const cases: [string, string][] = [
    ['/api/v1/index.json', 'ApiIndexPage'],
    ['/api/v1/drugs?limit=3', 'ApiList'],
    ['/api/v1/drugs/alemtuzumab.json', 'ApiDrug'],
    ['/api/v1/drugs/crocin-650.json', 'ApiDrug'],
    ['/api/v1/drugs/paracetamol-caffeine.json', 'ApiDrug'],
    ['/api/v1/search?q=paracetamol', 'SearchResponse'],
    ['/api/search?q=campath', 'SearchResponse'],
    ['/fhir/MedicationKnowledge/crocin-650', 'FhirMedicationKnowledge'],
    ['/fhir/MedicationKnowledge', 'FhirBundle'],
    ['/api/v1/drugs?nope=1', 'Problem'],
    ['/fhir/MedicationKnowledge/nope', 'FhirOperationOutcome'],
  ];
  for (const [path, component] of cases) {
    test(`${path} is a ${component}`, async () => {
      const res = await app.request(path);
      assert.deepEqual(validate(component, await res.json()), []);
    });
  }
  test('a response that breaks the shape is refused (negative control)', () => {
    assert.ok(validate('ApiListItem', { id: 'x' }).length > 0);
    assert.ok(validate('ApiDrug', { regimens: [1] }).length > 0);
  });
});

describe('the docs page', () => {
  test('lists every operation and schema, with no script, no inline style, no event handler', async () => {
    const res = await app.request('/api/docs/');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    const html = await res.text();
    for (const r of API_ROUTES) assert.ok(html.includes(`${(r.method ?? 'get').toUpperCase()} ${r.path}`), r.path);
    for (const name of Object.keys((doc['components'] as Json)['schemas'] as Json)) assert.ok(html.includes(`id="schema-${name}"`), name);
    assert.doesNotMatch(html, /<script|\sstyle=|\son[a-z]+=|<style/i);
    assert.match(html, /href="\/api\/openapi\.json"/);
    assert.equal((await app.request('/api/docs')).headers.get('location'), '/api/docs/');
  });
});
