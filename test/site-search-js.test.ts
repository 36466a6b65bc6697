import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildNamesIndex, lookupNames, normalizeName, NAMES_INDEX_VERSION, type NamesIndex } from '../src/search/index.js';
import type { BrowserSearch } from '../src/site/browser/search.js';
import { catalog, SYNONYMS_FIXTURE } from './fixtures/search/catalog.js';
import { loadSynonyms } from '../src/search/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(ROOT, 'assets/search.js');

// assets/search.js is bundled from src/site/browser/search.ts; in Node it only publishes its pure functions.
await import(new URL('../assets/search.js', import.meta.url).href);
const js = (globalThis as unknown as { FormularySearch: BrowserSearch }).FormularySearch;

describe('assets/search.js', () => {
  it('is the bundle of src/site/browser/search.ts that `npm run build` writes (rebuild it after changing src/search)', () => {
    const build = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['build']!;
    const esbuild = build.slice(build.indexOf('esbuild '));
    assert.match(esbuild, / --outfile=assets\/search\.js$/);
    const dir = mkdtempSync(join(tmpdir(), 'formulary-bundle-'));
    try {
      const out = join(dir, 'search.js');
      execSync(`${join(ROOT, 'node_modules/.bin/')}${esbuild.replace(/--outfile=\S+$/, `--outfile=${out}`)}`, { cwd: ROOT, stdio: 'pipe' });
      assert.equal(readFileSync(BUNDLE, 'utf8'), readFileSync(out, 'utf8'), 'assets/search.js is stale: run npm run build');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stays small and runs under the site CSP (no eval, no Function constructor, no zod)', () => {
    const text = readFileSync(BUNDLE, 'utf8');
    const gz = gzipSync(text).length;
    assert.ok(gz < 10_000, `assets/search.js is ${gz} bytes gzipped`);
    assert.doesNotMatch(text, /\beval\s*\(|new Function\b|\bFunction\s*\(/);
    assert.doesNotMatch(text, /zod/i);
  });

  it('normalizes like the engine', () => {
    for (const s of ['Acétaminophène', "Ringer's Lactate", 'Alzumab-L™', '  MG/M²  ', 'Ÿ-ß', 'β-Carotene', '']) {
      assert.equal(js.normalize(s), normalizeName(s), s);
    }
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => js.normalize(s) === normalizeName(s)));
  });

  it('reads only names indexes of its own version', () => {
    assert.equal(js.version, NAMES_INDEX_VERSION);
    assert.throws(() => js.asNamesIndex({ v: 1, items: [] }), /unsupported names index/);
    assert.throws(() => js.asNamesIndex(null), /unsupported names index/);
    const index = { v: NAMES_INDEX_VERSION, syn: [], items: [] };
    assert.equal(js.asNamesIndex(index), index);
  });

  it('answers like the server: synonyms, combinations in any order, typos flagged', () => {
    const index = buildNamesIndex(
      catalog([
        { title: 'Paracetamol', brandNames: ['Crocin', 'Dolo 650'] },
        { title: 'Caffeine' },
        { title: 'Paracetamol + Caffeine' },
        { title: 'Alemtuzumab', brandNames: ['Campath'], banned: true },
        { title: 'Bopindolol' },
      ]),
      { synonyms: loadSynonyms(SYNONYMS_FIXTURE) },
    );
    const back = js.asNamesIndex(JSON.parse(JSON.stringify(index)));
    const top = (q: string) => {
      const r = js.lookup(back, q, 10);
      return [r.results[0]?.title, r.results[0]?.how, r.results[0]?.matched, r.didYouMean];
    };
    assert.deepEqual(top('acetaminophen'), ['Paracetamol', 'synonym', 'Acetaminophen', null]);
    assert.deepEqual(top('caffeine / paracetamol'), ['Paracetamol + Caffeine', 'combination', 'Paracetamol + Caffeine', null]);
    assert.deepEqual(top('CAMPATH'), ['Alemtuzumab', 'exact', 'Campath', null]);
    assert.deepEqual(top('paracetmol'), ['Paracetamol', 'fuzzy', 'Paracetamol', 'Paracetamol']);
    assert.deepEqual(js.lookup(back, 'dolo', 10).results.map((m) => m.title), ['Paracetamol']);
    assert.equal(js.lookup(back, 'campath', 10).results[0]?.banned, true);
    assert.deepEqual(js.lookup(back, '', 10), { results: [], didYouMean: null });
  });

  it('property: returns the same results as the server (src/search lookupNames)', () => {
    const word = fc.stringMatching(/^[a-c]{1,5}$/);
    const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    const pages = fc.uniqueArray(
      fc.oneof(
        fc.record({ title: name, brandNames: fc.array(name, { maxLength: 2 }) }),
        fc.uniqueArray(word, { minLength: 2, maxLength: 3 }).map((ws) => ({ title: ws.join(' + '), brandNames: [] as string[] })),
      ),
      { minLength: 1, maxLength: 12, selector: (p) => normalizeName(p.title) },
    );
    fc.assert(
      fc.property(pages, fc.stringMatching(/^[a-c +/]{0,9}$/), fc.integer({ min: 1, max: 10 }), (list, q, limit) => {
        const index: NamesIndex = buildNamesIndex(catalog(list.map((p, i) => ({ ...p, slug: `p${i}` }))), { synonyms: { groups: [] } });
        const browser = js.lookup(JSON.parse(JSON.stringify(index)) as NamesIndex, q, limit);
        const server = lookupNames(index, q, { limit });
        const view = (r: typeof server) => ({ didYouMean: r.didYouMean, results: r.results.map((m) => [m.url, m.how, m.matched, m.score, m.distance]) });
        assert.deepEqual(view(browser), view(server));
      }),
      { numRuns: 300 },
    );
  });

  it('writes the same status line as the server', async () => {
    const { searchStatus } = await import('../src/site/search-page.js');
    for (const [q, n] of [['', 0], ['x', 0], ['x', 1], ['para', 7]] as const) assert.equal(js.statusText(q, n), searchStatus(q, n));
  });
});
