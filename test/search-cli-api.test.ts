import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { z } from 'zod';
import { build } from '../src/build/index.js';
import { runCli } from './helpers/cli.js';
import { createApp } from '../src/server/index.js';
import { abbreviationTable, defaultAbbreviations, expansionsOf, loadAbbreviations, openSiteSearch } from '../src/search/engine/index.js';

// `formulary search` and `GET /api/search` over the bundled sample site (a contract other tools rely on).

const CONTENT = new URL('../content/', import.meta.url).pathname;
let dir: string;
let site: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'formulary-search-'));
  site = join(dir, 'dist');
  await build({ contentDirs: [CONTENT], outDir: site, cacheDir: null });
});
after(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;

/** The contract: these names and types, at least. */
const ResultSchema = z.object({ slug: z.string(), kind: z.enum(['composition', 'combination', 'medicine']), title: z.string(), url: z.string().startsWith('/'), score: z.number(), matched: z.string() });
const LineSchema = z.object({ query: z.string(), results: z.array(ResultSchema) });

describe('formulary search', () => {
  test('--json prints one line per query with the contract shape; a brand finds its generic first', async () => {
    const r = await run(['search', '--site', site, '--json', 'Campath']);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trim().split('\n');
    assert.equal(lines.length, 1);
    const line = LineSchema.parse(JSON.parse(lines[0]!));
    assert.equal(line.query, 'Campath');
    assert.equal(line.results[0]?.url, '/composition/alemtuzumab/');
    assert.equal(line.results[0]?.matched, 'Campath');
  });

  test('the words of the command line are one query; --limit bounds the results', async () => {
    const r = await run(['search', '--site', site, '--json', '--limit', '1', 'caffeine', '+', 'paracetamol']);
    const line = LineSchema.parse(JSON.parse(r.out));
    assert.equal(line.query, 'caffeine + paracetamol');
    assert.deepEqual(line.results.map((x) => x.url), ['/composition/combination/paracetamol-caffeine/']);
  });

  test('- reads one query per line from stdin (blank lines skipped)', async () => {
    const r = await run(['search', '--site', site, '--json', '-'], 'campath\n\nparacetamol\r\nzzqxvw\n');
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trim().split('\n').map((l) => LineSchema.parse(JSON.parse(l)));
    assert.deepEqual(lines.map((l) => l.query), ['campath', 'paracetamol', 'zzqxvw']);
    assert.equal(lines[1]!.results[0]?.url, '/composition/paracetamol/');
    assert.deepEqual(lines[2]!.results, []);
  });

  test('text output names the page, its kind and why it matched', async () => {
    const r = await run(['search', '--site', site, 'campath']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /1\. Alemtuzumab \[composition\] \/composition\/alemtuzumab\/ {2}— exact: Campath/);
  });

  test('a folder without a built site, and a bad --limit, are clear errors', async () => {
    const missing = await run(['search', '--site', join(dir, 'nope'), 'x']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /is not a built site/);
    const empty = await run(['search', '--site', dir, 'x']);
    assert.equal(empty.code, 2);
    assert.match(empty.err, /names\.json is missing/);
    const limit = await run(['search', '--site', site, '--limit', '0', 'x']);
    assert.equal(limit.code, 2);
    assert.match(limit.err, /whole number from 1 to 100/);
  });
});

describe('GET /api/search', () => {
  test('same result shape, with facets, totals and "did you mean"', async () => {
    const app = createApp({ siteDir: site });
    const res = await app.request('/api/search?q=campath&limit=5');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    const body = (await res.json()) as Record<string, unknown>;
    const parsed = LineSchema.parse(body);
    assert.equal(parsed.results[0]?.url, '/composition/alemtuzumab/');
    assert.ok('facets' in body && 'total' in body && 'didYouMean' in body);
    const typo = (await (await app.request('/api/search?q=paracetmol')).json()) as { didYouMean: string | null; results: { how: string }[] };
    assert.equal(typo.didYouMean, 'Paracetamol');
    assert.equal(typo.results[0]?.how, 'fuzzy');
  });

  test('an abbreviation as the whole query searches for what it stands for, and only as the whole query', () => {
    const table = abbreviationTable({ groups: [{ abbr: 'QMS', expansions: ['multiple sclerosis'], source: 'test' }] });
    const withTable = openSiteSearch(site, { abbreviations: table });
    const without = openSiteSearch(site, { abbreviations: new Map() });
    assert.deepEqual(without.search('qms').results, []);
    assert.ok(withTable.search('QMS').results.some((r) => r.url === '/composition/alemtuzumab/'), 'QMS → multiple sclerosis → alemtuzumab (Lemtrada)');
    assert.deepEqual(withTable.search('qms treatment').results, without.search('qms treatment').results, 'not expanded inside a longer query');
    // the bundled table has the common ones
    assert.deepEqual(expansionsOf(defaultAbbreviations(), 'T2DM'), ['type 2 diabetes mellitus', 'type 2 diabetes']);
    withTable.close();
    without.close();
  });

  test('a malformed abbreviations file is an error naming the file, not a silent empty table', () => {
    const bad = join(dir, 'abbreviations.json');
    writeFileSync(bad, '{"groups": [{"abbr": "x"}]}');
    assert.throws(() => loadAbbreviations(bad), /abbreviations file ".*abbreviations\.json": .*expansions/s);
    writeFileSync(bad, '{not json');
    assert.throws(() => loadAbbreviations(bad), /could not be read as JSON/);
  });

  test('kind filter and limit', async () => {
    const app = createApp({ siteDir: site });
    const all = LineSchema.parse(await (await app.request('/api/search?q=paracetamol')).json());
    assert.ok(all.results.some((r) => r.kind === 'combination') && all.results.some((r) => r.kind === 'composition'));
    const combos = LineSchema.parse(await (await app.request('/api/search?q=paracetamol&kind=combination')).json());
    assert.ok(combos.results.length > 0 && combos.results.every((r) => r.kind === 'combination'));
    const one = LineSchema.parse(await (await app.request('/api/search?q=paracetamol&limit=1')).json());
    assert.equal(one.results.length, 1);
  });

  test('bad parameters are 400 problems, never a crash', async () => {
    const app = createApp({ siteDir: site });
    for (const q of ['kind=pill', 'limit=0', 'limit=1000', 'limit=abc', `q=${'a'.repeat(2000)}`, 'banned=maybe']) {
      const res = await app.request(`/api/search?${q}`);
      assert.equal(res.status, 400, q);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
    }
    for (const q of ['"', '*', 'NEAR(', 'AND OR', '-', '😀', '%00']) {
      const res = await app.request(`/api/search?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200, q);
    }
  });
});

describe('search response cache', () => {
  test('a repeated query (same text and options) is answered from the cache; other options are other entries', () => {
    const s = openSiteSearch(site);
    const first = s.search('paracetamol', { limit: 5 });
    assert.equal(s.search('paracetamol', { limit: 5 }), first, 'the same response object');
    assert.notEqual(s.search('paracetamol', { limit: 4 }), first);
    assert.notEqual(s.search('paracetamol', { limit: 5, kind: 'combination' }), first);
    assert.notEqual(s.search('Paracetamol', { limit: 5 }), first, 'the query is echoed as typed, so its spelling is part of the key');
    const uncached = openSiteSearch(site, { cacheEntries: 0 });
    const a = uncached.search('paracetamol', { limit: 5 });
    const b = uncached.search('paracetamol', { limit: 5 });
    assert.notEqual(a, b);
    assert.deepEqual(a, first, 'the cache gives what the engine gives');
    s.close();
    uncached.close();
  });

  test('least recently used responses go first', () => {
    const s = openSiteSearch(site, { cacheEntries: 2 });
    const one = s.search('campath');
    const two = s.search('paracetamol');
    assert.equal(s.search('campath'), one); // campath is now the most recent
    s.search('caffeine'); // evicts paracetamol
    assert.equal(s.search('campath'), one);
    assert.notEqual(s.search('paracetamol'), two);
    s.close();
  });

  test('a search file changed on disk empties the cache: no stale answer after a rebuild', () => {
    const copy = join(dir, 'cache-site');
    cpSync(site, copy, { recursive: true });
    const s = openSiteSearch(copy);
    const before = s.search('paracetamol');
    assert.notEqual(before.facets, null);
    rmSync(join(copy, 'search', 'fulltext.db'));
    const afterRemoval = s.search('paracetamol');
    assert.notEqual(afterRemoval, before);
    assert.equal(afterRemoval.facets, null, 'answered by the names tier alone, as the files now say');
    s.close();
  });

  test('GET /api/search: a repeated query gives the same bytes and ETag, and If-None-Match a 304', async () => {
    const app = createApp({ siteDir: site });
    const a = await app.request('/api/search?q=campath&limit=3');
    const b = await app.request('/api/search?q=campath&limit=3');
    assert.equal(a.headers.get('etag'), b.headers.get('etag'));
    assert.equal(await a.text(), await b.text());
    const c = await app.request('/api/search?q=campath&limit=3', { headers: { 'If-None-Match': a.headers.get('etag')! } });
    assert.equal(c.status, 304);
    assert.equal(c.headers.get('x-content-type-options'), 'nosniff', 'security headers on a 304 too');
  });
});
