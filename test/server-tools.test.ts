import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from '../src/build/index.js';
import { createApp } from '../src/server/index.js';
import { InteractionsResponseSchema } from '../src/api/index.js';
import { renderComparePage, renderInteractionsPage, renderSearchPage } from '../src/site/index.js';

// The interaction check and the comparison (issue 6) as `formulary serve` answers them, over the
// bundled sample site; and their static pages (the forms) as the build writes them.

const ROOT = new URL('..', import.meta.url).pathname;
let dir: string;
let site: string;
let app: ReturnType<typeof createApp>;
const OPTIONS = { siteUrl: null, siteName: 'Formulary', adSlots: {}, builtAt: '2026-01-01T00:00:00.000Z' };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'formulary-tools-'));
  site = join(dir, 'dist');
  await build({ contentDirs: [join(ROOT, 'content')], brandFiles: [join(ROOT, 'content', 'brands', 'sample-brands.csv')], outDir: site, cacheDir: null });
  app = createApp({
    siteDir: site,
    renderTools: { interactions: (d) => renderInteractionsPage(d, OPTIONS), compare: (d) => renderComparePage(d, OPTIONS) },
    renderSearch: (r) => renderSearchPage(r, OPTIONS),
  });
});
after(() => rmSync(dir, { recursive: true, force: true }));

const page = async (path: string): Promise<{ status: number; html: string; text: string }> => {
  const res = await app.request(path);
  const html = await res.text();
  return { status: res.status, html, text: html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
};

describe('the static pages', () => {
  test('the build writes both forms (GET, one field per medicine), linked from every page', () => {
    const interactions = readFileSync(join(site, 'interactions', 'index.html'), 'utf8');
    assert.match(interactions, /<form class="tool-form" method="get" action="\/interactions\/">/);
    assert.equal(interactions.match(/name="d"/g)?.length, 10);
    const compare = readFileSync(join(site, 'compare', 'index.html'), 'utf8');
    assert.equal(compare.match(/name="d"/g)?.length, 4);
    const home = readFileSync(join(site, 'index.html'), 'utf8');
    assert.match(home, /href="\/interactions\/"/);
    assert.match(home, /href="\/compare\/"/);
  });

  test('without renderTools the server serves the static form, whatever the query', async () => {
    const plain = createApp({ siteDir: site });
    const res = await plain.request('/interactions/?d=paracetamol&d=alemtuzumab');
    assert.equal(res.status, 200);
    assert.doesNotMatch(await res.text(), /Results/);
  });
});

describe('GET /interactions/?d=…', () => {
  test('a brand resolves to its generic; every pair is listed; no finding is never called safe', async () => {
    const r = await page('/interactions/?d=Crocin+650&d=alemtuzumab&d=paracetamol-caffeine');
    assert.equal(r.status, 200);
    assert.match(r.html, /<a href="\/medicines\/crocin-650\/">Crocin 650<\/a>/);
    assert.match(r.text, /brand of Paracetamol/);
    assert.match(r.text, /Crocin 650 and Alemtuzumab/);
    assert.match(r.text, /No interaction found in these monographs\./);
    assert.match(r.text, /is not a statement that taking them together is safe/);
    const rest = r.text.replace('“No interaction found” is not a statement that taking them together is safe', '');
    assert.doesNotMatch(rest, /\bsafe\b/i);
    assert.match(
      r.text,
      /Crocin 650 and Paracetamol \+ Caffeine Both contain Paracetamol : taken together, the same ingredient is taken twice \(from the pages’ ingredient links\)\. No other interaction found in these monographs\./,
    );
    assert.match(r.html, /<meta name="robots" content="noindex/);
  });

  test('a misspelt name is offered, never substituted; one medicine is not a check', async () => {
    const r = await page('/interactions/?d=alemtuzumb&d=paracetamol');
    assert.match(r.text, /No medicine is named “alemtuzumb”\. Did you mean Alemtuzumab \?/);
    assert.match(r.html, /href="\/interactions\/\?d=alemtuzumab&amp;d=paracetamol"/);
    assert.match(r.text, /Enter at least 2 different medicines/);
    assert.doesNotMatch(r.text, /No interaction found/);
  });

  test('a drug page links to the tools with its own address, which fills the form with its title', async () => {
    const html = readFileSync(join(site, 'composition', 'paracetamol', 'index.html'), 'utf8');
    assert.match(html, /<a href="\/interactions\/\?d=%2Fcomposition%2Fparacetamol%2F">Check interactions with other medicines<\/a>/);
    assert.match(html, /<a href="\/compare\/\?d=%2Fcomposition%2Fparacetamol%2F">Compare with other medicines<\/a>/);
    const r = await page('/interactions/?d=%2Fcomposition%2Fparacetamol%2F');
    assert.match(r.html, /<input id="d1" name="d" type="text" value="Paracetamol"/);
    assert.match(r.text, /Enter at least 2 different medicines/);
    const two = await page('/interactions/?d=%2Fcomposition%2Fparacetamol%2F&d=Crocin+650');
    assert.match(two.text, /Paracetamol and Crocin 650 Both contain Paracetamol/);
  });

  test('more than 10 medicines: the first 10 are checked, with a message', async () => {
    const ids = ['alemtuzumab', 'ibalizumab', 'inotuzumab-ozogamicin', 'isatuximab', 'itolizumab', 'paracetamol', 'paracetamol-caffeine', 'crocin-650', 'demoxin-plus', 'exampleol-demoxin', 'examplamol-500-tablet'];
    const r = await page(`/interactions/?${ids.map((i) => `d=${i}`).join('&')}`);
    assert.match(r.text, /Only the first 10 medicines were checked/);
    assert.equal(r.html.match(/<section class="pair /g)?.length, 45, '10 medicines, 45 pairs');
  });

  test('hostile input is escaped and answered with a page, never a 500', async () => {
    for (const q of ['d=%3Cscript%3Ealert(1)%3C%2Fscript%3E&d=paracetamol', `d=${'x'.repeat(5000)}&d=y`, 'd=&d=', 'd=%F0%9F%98%80&d=..%2F..%2Fetc%2Fpasswd']) {
      const r = await page(`/interactions/?${q}`);
      assert.ok(r.status === 200 || r.status === 414, `${q}: ${r.status}`);
      assert.doesNotMatch(r.html, /<script>alert/);
    }
    assert.equal((await page('/constructor/?d=paracetamol&d=alemtuzumab')).status, 404);
  });
});

describe('GET /compare/?d=…', () => {
  test('two drugs side by side: one row per canonical section either has, in the model order', async () => {
    const r = await page('/compare/?d=paracetamol&d=alemtuzumab');
    assert.equal(r.status, 200);
    assert.match(r.html, /<table class="compare">/);
    const heads = [...r.html.matchAll(/<th scope="row">([^<]+)<\/th>/g)].map((m) => m[1]);
    assert.ok(heads.length >= 4, heads.join(', '));
    assert.equal(heads[0], 'Usage');
    assert.ok(heads.indexOf('Dosage') < heads.indexOf('Side effects'));
    assert.ok(!heads.includes('FAQs'));
    // Ids in the two drugs' sections are unique on the page.
    const ids = [...r.html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length);
  });

  test('a brand is compared by its generic’s monograph, named as such', async () => {
    const r = await page('/compare/?d=crocin-650&d=alemtuzumab');
    assert.match(r.text, /Crocin 650 Brand brand of Paracetamol/);
    assert.match(r.html, /<table class="compare">/);
  });
});

describe('GET /api/v1/interactions', () => {
  test('the same check as data: drugs with their groups and classes, every pair, shared ingredients, the notice', async () => {
    const res = await app.request('/api/v1/interactions?ids=crocin-650,paracetamol-caffeine,alemtuzumab');
    assert.equal(res.status, 200);
    const body = InteractionsResponseSchema.parse(await res.json());
    assert.deepEqual(body.drugs.map((d) => [d.id, d.via?.title ?? null]), [['crocin-650', 'Paracetamol'], ['paracetamol-caffeine', null], ['alemtuzumab', null]]);
    assert.deepEqual(body.pairs.map((p) => [p.a, p.b, p.shared.map((x) => x.title)]), [
      ['crocin-650', 'paracetamol-caffeine', ['Paracetamol']],
      ['crocin-650', 'alemtuzumab', []],
      ['paracetamol-caffeine', 'alemtuzumab', []],
    ]);
    assert.match(body.notice, /not that the combination is safe/);
  });

  test('ids only (names go to the page): a name, a repeated id, or 11 ids are 400s naming the problem', async () => {
    const bad = async (q: string, re: RegExp) => {
      const res = await app.request(`/api/v1/interactions?${q}`);
      assert.equal(res.status, 400, q);
      assert.match(((await res.json()) as { detail: string }).detail, re);
    };
    await bad('ids=Crocin 650,paracetamol', /lowercase/);
    await bad('ids=paracetamol,paracetamol', /at least 2/);
    await bad(`ids=${Array.from({ length: 11 }, (_, i) => `d${i}`).join(',')}`, /at most 10/);
  });
});

describe('GET /search/?q=… (the server-rendered search page)', () => {
  test('a brand result shows its company, pack and price from the API list; a generic shows none', async () => {
    const r = await page('/search/?q=samplodol');
    assert.equal(r.status, 200);
    assert.match(r.text, /Samplodol 650 Tablet Brand brand of Paracetamol [^]*?Sample Labs \(fictional\) · strip of 10 tablets · MRP ₹19\.50 \(₹1\.95 per tablet\)/);
    assert.match(r.text, /Samplodol Suspension Brand [^]*?bottle of 60 ml Suspension · MRP ₹42(\.00)? \(₹0\.70 per ml\)/);
    const discontinued = await page('/search/?q=demopara');
    assert.match(discontinued.text, /strip of 15 tablets · MRP ₹33(\.00)? \(₹2\.20 per tablet\) · discontinued/);
    const generic = await page('/search/?q=paracetamol');
    assert.equal(generic.html.match(/<li class="result"><a href="\/composition\/paracetamol\/">[^]*?<\/li>/)?.[0].includes('class="product"'), false);
  });
});
