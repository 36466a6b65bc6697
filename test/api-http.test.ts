import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { Hono } from 'hono';
import { ApiListResponseSchema, apiIds, indexPages, ProblemSchema, staleApiFiles, toListItem } from '../src/api/index.js';
import { buildCatalog } from '../src/catalog/index.js';
import { createApp, startServer } from '../src/server/index.js';
import { makeSite } from './server-site.js';
import { makeApiSite, writeApiFiles, type ApiTestSite } from './api-site.js';

// The API's HTTP behaviour (issue 7): CORS, per-client rate limits, URL and body limits, hostile
// input answered with 4xx (never 500), the list following a rebuild, and a real socket.

let site: ApiTestSite;
let app: Hono;
const logs: string[] = [];
before(async () => {
  site = await makeApiSite();
  app = createApp({ siteDir: site.siteDir, api: { rateLimit: false }, onRequestLog: (l) => logs.push(l) });
});
after(() => site.remove());

describe('CORS', () => {
  test('GET answers any origin and exposes the validators and limits, errors included', async () => {
    for (const path of ['/api/v1/drugs', '/api/v1/drugs/crocin-650.json', '/api/v1/index.json', '/fhir/MedicationKnowledge/crocin-650', '/api/v1/drugs?bad=1', '/api/search?q=x']) {
      const res = await app.request(path, { headers: { Origin: 'https://app.example' } });
      assert.equal(res.headers.get('access-control-allow-origin'), '*', path);
      assert.match(res.headers.get('access-control-expose-headers') ?? '', /ETag.*Retry-After/, path);
      assert.equal(res.headers.get('access-control-allow-credentials'), null, 'never with credentials');
    }
  });

  test('pages of the site get no CORS headers', async () => {
    const res = await app.request('/', { headers: { Origin: 'https://app.example' } });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });
});

describe('rate limiting', () => {
  test('per client: the fourth request in the window is a 429 problem with Retry-After; another client is not affected', async () => {
    const limited = createApp({ siteDir: site.siteDir, api: { rateLimit: { windowMs: 60_000, limit: 3 }, trustProxy: true } });
    const from = (ip: string, path = '/api/v1/drugs?limit=1') => limited.request(path, { headers: { 'X-Forwarded-For': `${ip}, 10.0.0.1` } });
    for (let i = 0; i < 3; i++) {
      const ok = await from('203.0.113.7');
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('ratelimit-remaining'), String(2 - i));
      assert.equal(ok.headers.get('ratelimit-limit'), '3');
    }
    const over = await from('203.0.113.7');
    assert.equal(over.status, 429);
    assert.equal(over.headers.get('content-type'), 'application/problem+json');
    const retry = Number(over.headers.get('retry-after'));
    assert.ok(retry >= 1 && retry <= 60, `Retry-After ${retry}`);
    const p = ProblemSchema.parse(await over.json());
    assert.equal(p.status, 429);
    assert.match(p.detail, /more than 3 requests in 60 s from this client; retry after \d+ s/);
    // the same bucket covers /fhir, answered as FHIR
    const fhir = await from('203.0.113.7', '/fhir/MedicationKnowledge');
    assert.equal(fhir.status, 429);
    assert.equal(((await fhir.json()) as { resourceType: string }).resourceType, 'OperationOutcome');
    assert.equal((await from('198.51.100.9')).status, 200, 'another client has its own budget');
    // site pages are not limited
    assert.equal((await limited.request('/', { headers: { 'X-Forwarded-For': '203.0.113.7' } })).status, 200);
  });

  test('without trustProxy, X-Forwarded-For cannot buy a fresh budget', async () => {
    const limited = createApp({ siteDir: site.siteDir, api: { rateLimit: { windowMs: 60_000, limit: 2 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await limited.request('/api/v1/drugs?limit=1', { headers: { 'X-Forwarded-For': `192.0.2.${i}` } })).status);
    assert.deepEqual(statuses, [200, 200, 429, 429]);
  });

  test('a limit that makes no sense is refused when the app is made', () => {
    assert.throws(() => createApp({ siteDir: site.siteDir, api: { rateLimit: { windowMs: 10, limit: 0 } } }), /rateLimit needs windowMs ≥ 1000 and limit ≥ 1/);
  });
});

describe('size limits', () => {
  test('414 for a request target over the limit (default 4096 bytes, configurable)', async () => {
    const res = await app.request(`/api/v1/drugs?class=${'a'.repeat(5000)}`);
    assert.equal(res.status, 414);
    assert.match(ProblemSchema.parse(await res.json()).detail, /longer than 4096 bytes/);
    const tight = createApp({ siteDir: site.siteDir, api: { rateLimit: false, maxUrlBytes: 64 } });
    assert.equal((await tight.request(`/api/v1/drugs?class=${'a'.repeat(60)}`)).status, 414);
    assert.equal((await tight.request('/api/v1/drugs?kind=medicine')).status, 200);
  });

  test('413 for a body over the limit, before anything else looks at the request', async () => {
    const res = await app.request('/api/v1/drugs', { method: 'POST', body: 'x'.repeat(5000), headers: { 'Content-Type': 'text/plain' } });
    assert.equal(res.status, 413);
    assert.match(ProblemSchema.parse(await res.json()).detail, /larger than 1024 bytes/);
  });
});

describe('hostile input', () => {
  const hostile = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom(
      "' OR 1=1 --",
      '"; DROP TABLE drugs; --',
      '<script>alert(1)</script>',
      '../../../../etc/passwd',
      '%00',
      '\u0000',
      '\uD800',
      '😀'.repeat(100),
      '${jndi:ldap://x}',
      '{"$gt":""}',
      'NEAR(',
      '*',
      'a'.repeat(3000),
      '__proto__',
      'constructor',
    ),
  );
  /** Percent-encode every UTF-8 byte (a lone surrogate becomes U+FFFD's bytes, as a client would send). */
  const enc = (s: string): string => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  const routes = ['/api/v1/drugs', '/api/v1/search', '/api/search', '/fhir/MedicationKnowledge', '/api/v1/drugs/crocin-650.json', '/fhir/MedicationKnowledge/crocin-650', '/api/v1/bulk.ndjson.gz'];

  test('any parameter name and value, on any route: a 2xx/3xx/4xx JSON answer, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.constantFrom('q', 'kind', 'class', 'company', 'letter', 'cursor', 'limit', 'banned', 'status', '_format'), hostile, hostile, async (route, known, name, value) => {
        for (const query of [`${known}=${enc(value)}`, `${enc(name)}=${enc(value)}`, `${known}=${value.replace(/[#&]/g, '')}`]) {
          const res = await app.request(`${route}?${query}`);
          assert.ok(res.status < 500, `${route}?${query.slice(0, 100)} → ${res.status}`);
          if (res.status >= 400) {
            const type = res.headers.get('content-type') ?? '';
            assert.ok(type === 'application/problem+json' || type.startsWith('application/fhir+json'), type);
            JSON.parse(await res.text());
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  test('any path segment as an id: 301, 400, 404 or 414, never a 500, never a file outside the site', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom('/api/v1/drugs/', '/fhir/MedicationKnowledge/'), fc.boolean(), async (name, prefix, raw) => {
        const segment = raw ? name.replace(/[?#/\\]/g, '') : enc(name);
        if (segment === '') return;
        const res = await app.request(prefix + segment + (prefix.startsWith('/api') && name.length % 2 === 0 ? '.json' : ''));
        assert.ok([200, 301, 400, 404, 414].includes(res.status), `${prefix}${segment.slice(0, 80)} → ${res.status}`);
        if (res.status === 301) assert.match(res.headers.get('location') ?? '', /^\/(?:api\/v1\/drugs|fhir\/MedicationKnowledge)\/[a-z0-9.-]+(?:\.json)?$/);
      }),
      { numRuns: 200 },
    );
  });

  test('malformed percent-encoding and control characters in the query are 4xx', async () => {
    for (const q of ['class=%E0%A4%A', 'class=%', 'company=%C0%AE', 'kind=%00', 'cursor=%FF%FE', 'q=%ED%A0%80']) {
      for (const route of ['/api/v1/drugs', '/api/v1/search', '/api/search']) {
        const res = await app.request(`${route}?${q}`);
        assert.ok(res.status < 500, `${route}?${q} → ${res.status}`);
      }
    }
  });
});

describe('after a rebuild', () => {
  test('the list follows a new index.json on the next request; pages from two builds are never mixed', async () => {
    const local = await makeApiSite();
    try {
      const logs2: string[] = [];
      const app2 = createApp({ siteDir: local.siteDir, api: { rateLimit: false }, onRequestLog: (l) => logs2.push(l) });
      const before = ApiListResponseSchema.parse(await (await app2.request('/api/v1/drugs')).json());
      assert.equal(before.total, local.catalog.entries.length);
      // a "rebuild" without one entry
      const smaller = buildCatalog(local.catalog.entries.filter((e) => e.monograph.slug !== 'isatuximab').map((e) => e.monograph));
      const written = await writeApiFiles(smaller, local.siteDir);
      assert.deepEqual(staleApiFiles(local.siteDir, new Set(written)), ['api/v1/drugs/isatuximab.json'], 'the removed entry\'s document is stale');
      for (const f of staleApiFiles(local.siteDir, new Set(written))) rmSync(join(local.siteDir, f));
      assert.equal((await app2.request('/api/v1/drugs/isatuximab.json')).status, 404);
      const afterRebuild = ApiListResponseSchema.parse(await (await app2.request('/api/v1/drugs')).json());
      assert.equal(afterRebuild.total, local.catalog.entries.length - 1);
      assert.ok(!afterRebuild.items.some((i) => i.id === 'isatuximab'));

      // pages of one build, then page 1 of another written alone: the server keeps the last good list
      const ids = apiIds(local.catalog);
      const items = local.catalog.entries.map((e) => toListItem(e, ids));
      const pages = indexPages(items, 4);
      for (const p of pages.slice(1)) writeFileSync(join(local.siteDir, `api/v1/index-${p.page}.json`), JSON.stringify(p));
      writeFileSync(join(local.siteDir, 'api/v1/index.json'), JSON.stringify(pages[0]));
      const paged = ApiListResponseSchema.parse(await (await app2.request('/api/v1/drugs')).json());
      assert.equal(paged.total, local.catalog.entries.length, 'every page read');
      assert.ok(pages.length >= 3);
      const other = indexPages(items.slice(1), 4);
      writeFileSync(join(local.siteDir, 'api/v1/index.json'), JSON.stringify(other[0]));
      const mixed = ApiListResponseSchema.parse(await (await app2.request('/api/v1/drugs')).json());
      assert.equal(mixed.total, local.catalog.entries.length, 'the previous list is kept');
      assert.ok(logs2.some((l) => /api: api\/v1\/index-2\.json belongs to another build/.test(l)), logs2.join('\n'));
    } finally {
      local.remove();
    }
  });

  test('a site built without the API files: 503 problem (OperationOutcome under /fhir), and the site still serves', async () => {
    const plain = await makeSite();
    try {
      const app3 = createApp({ siteDir: plain.siteDir });
      for (const path of ['/api/v1/drugs', '/api/v1/drugs/x.json']) {
        const res = await app3.request(path);
        assert.equal(res.status, 503, path);
        assert.match(ProblemSchema.parse(await res.json()).detail, /built without the JSON API/);
      }
      const fhir = await app3.request('/fhir/MedicationKnowledge');
      assert.equal(fhir.status, 503);
      assert.equal(((await fhir.json()) as { resourceType: string }).resourceType, 'OperationOutcome');
      assert.equal((await app3.request('/api/v1/bulk.ndjson.gz')).status, 404);
      assert.equal((await app3.request('/')).status, 200);
    } finally {
      await plain.remove();
    }
  });
});

describe('over a real socket', () => {
  test('the bulk file streams through @hono/node-server; the rate limit keys on the socket address', async () => {
    const server = await startServer(createApp({ siteDir: site.siteDir, api: { rateLimit: { windowMs: 60_000, limit: 5 } } }), 0);
    try {
      const res = await fetch(`${server.url}/api/v1/bulk.ndjson.gz`, { headers: { 'Accept-Encoding': 'identity' } });
      assert.equal(res.status, 200);
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.equal(res.headers.get('content-length'), String(bytes.byteLength));
      assert.equal(gunzipSync(bytes).toString('utf8').trim().split('\n').length, site.catalog.entries.length);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await fetch(`${server.url}/api/v1/drugs?limit=1`, { headers: { 'X-Forwarded-For': `192.0.2.${i}` } })).status);
      assert.deepEqual(statuses, [200, 200, 200, 200, 429], 'one budget for 127.0.0.1, whatever it claims');
    } finally {
      await server.close();
    }
  });
});
