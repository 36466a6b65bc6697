import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, rebuild, type BuildOptions } from '../src/build/index.js';
import { loadBrandFile, reloadEditedRows } from '../src/build/brand-files.js';
import { SAMPLE_DIR } from './helpers/monographs.js';
import { openSiteSearch } from '../src/search/engine/index.js';
import { renderSearchPage } from '../src/site/index.js';

// Builds of the bundled sample with its sample brand catalog (`content/brands/sample-brands.csv`,
// fictional brands) and sample banned registry (`content/banned.yaml`).

const SAMPLE_BRANDS = join(SAMPLE_DIR, 'brands', 'sample-brands.csv');

function setup(t: { after: (fn: () => void) => void }, brandFiles: string[] = [SAMPLE_BRANDS]): BuildOptions {
  const root = mkdtempSync(join(tmpdir(), 'formulary-brands-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  return { contentDirs: [SAMPLE_DIR], outDir: join(root, 'site'), cacheDir: join(root, 'cache'), brandFiles };
}

const page = (o: BuildOptions, path: string): string => readFileSync(join(o.outDir, path, 'index.html'), 'utf8');
/** Visible text of an HTML fragment, tags removed and whitespace collapsed. */
const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const section = (html: string, id: string): string => {
  const m = new RegExp(`<section[^>]*\\sid="${id}"[\\s\\S]*?</section>`).exec(html);
  assert.ok(m, `no section #${id}`);
  return m[0];
};

test('brands from a catalog get pages with composition, pack, MRP and price per unit; the report counts them', async (t) => {
  const o = setup(t);
  const { report } = await build(o);
  assert.equal(report.brands.files.length, 1);
  assert.equal(report.brands.files[0]!.layout, 'a-z');
  assert.equal(report.brands.records, 7);
  assert.equal(report.brands.linked, 7, 'every sample brand links to a generic or combination page');
  assert.equal(report.brands.linkedShare, 1);
  const html = page(o, 'medicines/samplodol-650-tablet');
  const glance = text(section(html, 'at-a-glance'));
  assert.match(glance, /Composition Paracetamol 650mg/);
  assert.match(glance, /Pack strip of 10 tablets/);
  assert.match(glance, /MRP ₹19\.50/);
  assert.match(glance, /Price per unit ₹1\.95 per tablet \(₹19\.50 ÷ 10 tablets\)/);
  assert.match(html, /<a href="\/composition\/paracetamol\/">Paracetamol<\/a> 650mg/, 'the ingredient links to its page');
  assert.match(text(page(o, 'medicines/demopara-650-tablet')), /Availability Discontinued/);
});

test('a brand page lists its substitutes: same composition only, cheapest per unit first, with the saving', async (t) => {
  const o = setup(t);
  await build(o);
  const subs = text(section(page(o, 'medicines/examplamol-650-tablet'), 'substitutes'));
  // ₹28.00 / 15 = ₹1.87 per tablet. Samplodol ₹1.95, Crocin 650 (brand page: ₹30.50 / 15 = ₹2.03), Demopara ₹2.20.
  const order = ['Samplodol 650 Tablet', 'Crocin 650', 'Demopara 650 Tablet'].map((n) => subs.indexOf(n));
  assert.ok(order.every((i) => i >= 0), subs);
  assert.deepEqual([...order].sort((a, b) => a - b), order, 'cheapest per unit first');
  assert.match(subs, /Samplodol 650 Tablet .*₹1\.95 \/ tablet 4% dearer/);
  assert.doesNotMatch(subs, /Examplamol 500|Samplodol Suspension|Examplacaf/, 'another strength, form or composition is not a substitute');
});

test('a generic page gains a Brands section: how many, price range per unit, cheapest first, linked', async (t) => {
  const o = setup(t);
  await build(o);
  const brands = section(page(o, 'composition/paracetamol'), 'brands');
  const s = text(brands);
  assert.match(s, /6 brands; price per unit ₹1\.41–₹2\.20 per tablet \(5 brands\); ₹0\.70 per ml \(1 brand\)/);
  assert.ok(s.indexOf('Examplamol 500 Tablet') < s.indexOf('Samplodol 650 Tablet'), 'cheapest first');
  assert.match(brands, /href="\/medicines\/samplodol-suspension\/"/);
  // ₹0.70 per ml is not cheaper than ₹1.41 per tablet: the units are listed apart, tablets (most brands) first.
  assert.match(s, /By unit \(per tablet, then per ml: prices per different units do not compare\), cheapest first in each\./);
  const rows = [...brands.matchAll(/<tr><th scope="row"><a href="\/medicines\/([^/]+)\/"/g)].map((m) => m[1]);
  assert.deepEqual(rows, ['examplamol-500-tablet', 'examplamol-650-tablet', 'samplodol-650-tablet', 'crocin-650', 'demopara-650-tablet', 'samplodol-suspension']);
});

test('the banned registry shows its detail on the combination page, and its brand inherits it', async (t) => {
  const o = setup(t);
  await build(o);
  const combo = text(page(o, 'composition/combination/exampleol-demoxin'));
  assert.match(combo, /Registry status: Banned\. Exampleol \+ Demoxin; notification SAMPLE-0001 \(fictional\), dated 2026-11-01\./);
  assert.match(combo, /Sample registry: fictional data/);
  const brand = text(page(o, 'medicines/demoxin-forte-tablet'));
  assert.match(brand, /Banned in India/);
  assert.match(brand, /Registry status: Banned\. Inherited from its generic or combination\./);
});

test('/banned/ lists every page marked banned, with the registry entry and the pages that inherit it; the home page links to it', async (t) => {
  const o = setup(t);
  await build(o);
  const html = page(o, 'banned');
  const s = text(html);
  assert.match(s, /Marked banned \(1\) Exampleol \+ Demoxin Combination Banned: Exampleol \+ Demoxin; notification SAMPLE-0001 \(fictional\); dated 2026-11-01\./);
  assert.match(s, /2 pages marked banned because of it Demoxin Forte Tablet Brand Banned Demoxin Plus Brand Banned/);
  assert.match(s, /Sample registry: some entries below are fictional data/);
  assert.doesNotMatch(s, /Paracetamol/, 'nothing that is not banned');
  // Every page marked banned is on it, once: as itself or under what it inherits from.
  const listed = [...html.matchAll(/<a href="(\/(?:composition|medicines)\/[^"]+)">/g)].map((m) => m[1]);
  const pagesUnder = (dir: string): string[] =>
    readdirSync(join(o.outDir, dir), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => [`/${dir}/${d.name}/`, ...pagesUnder(`${dir}/${d.name}`)]);
  const bannedPages = [...pagesUnder('composition'), ...pagesUnder('medicines')].filter((u) => {
    const f = join(o.outDir, u, 'index.html');
    return existsSync(f) && /<strong>Banned in India\.<\/strong>/.test(readFileSync(f, 'utf8'));
  });
  assert.deepEqual([...listed].sort(), [...bannedPages].sort());
  assert.equal(listed.length, 3);
  assert.match(page(o, ''), /<a href="\/banned\/"><strong>3<\/strong> marked banned in India<\/a>/);
  assert.match(readFileSync(join(o.outDir, 'sitemap.xml'), 'utf8'), /<loc>[^<]*\/banned\/<\/loc>/);
});

test('/banned/ on a site with nothing banned says so, and stays out of the sitemap', async (t) => {
  const o = setup(t, []);
  const content = join(o.outDir, '..', 'content');
  mkdirSync(content, { recursive: true });
  writeFileSync(join(content, 'paracetamol.md'), readFileSync(join(SAMPLE_DIR, 'compositions', 'paracetamol.md')));
  o.contentDirs = [content];
  await build(o);
  assert.match(text(page(o, 'banned')), /Marked banned \(0\) No page is marked banned\./);
  assert.doesNotMatch(readFileSync(join(o.outDir, 'sitemap.xml'), 'utf8'), /\/banned\//);
});

test('a bad catalog is diagnostics, never a failed build; an edited row shows on the next rebuild', async (t) => {
  const o = setup(t);
  const bad = join(o.outDir, '..', 'bad.csv');
  writeFileSync(bad, 'brand,cost\nX,1\n');
  const edited = join(o.outDir, '..', 'brands.csv');
  writeFileSync(edited, readFileSync(SAMPLE_BRANDS, 'utf8'));
  o.brandFiles = [bad, edited];
  const { report, state } = await build(o);
  const unknown = report.diagnostics.items.filter((d) => d.code === 'brand-layout-unknown');
  assert.equal(unknown.length, 1);
  assert.match(unknown[0]!.file, /bad\.csv$/);
  assert.equal(report.brands.records, 7, 'the good catalog is imported');
  writeFileSync(edited, readFileSync(SAMPLE_BRANDS, 'utf8').replace('Samplodol 650 Tablet,19.50', 'Samplodol 650 Tablet,9.00'));
  const r = await rebuild(o, state, new Set([edited]));
  assert.ok(r.written.includes('medicines/samplodol-650-tablet/index.html'));
  assert.ok(r.written.includes('medicines/examplamol-650-tablet/index.html'), 'a substitute page shows the new price');
  assert.ok(r.written.includes('composition/paracetamol/index.html'), 'the generic page shows the new price');
  assert.match(text(page(o, 'medicines/samplodol-650-tablet')), /₹0\.90 per tablet/);
  // The report file is the rebuild's report (its large parts' JSON is reused from the build).
  const written = JSON.parse(readFileSync(join(o.outDir, 'build-report.json'), 'utf8')) as typeof r.report;
  assert.deepEqual({ ...written, timingsMs: null }, { ...r.report, timingsMs: null }, 'the report timed after the file was written');
  assert.equal(r.report.diagnostics.items.length, report.diagnostics.items.length);
  assert.match(readFileSync(join(o.outDir, 'api/v1/drugs/samplodol-650-tablet.json'), 'utf8'), /"mrp":9\b/, 'its API document at once');
  // The API list carries the price too; its pages are rewritten a moment later, in the background.
  assert.ok(r.state.apiIndex, 'a list rewrite is under way');
  assert.equal(await r.state.apiIndex, undefined);
  const list = readFileSync(join(o.outDir, 'api/v1/index.json'), 'utf8');
  assert.match(list, /"title":"Samplodol 650 Tablet"[^}]*"mrp":9\b/);
});

test('two substitutes edited at once, then again: the catalog changed in place stays what a full build gives', async (t) => {
  const o = setup(t);
  const file = join(o.outDir, '..', 'brands.csv');
  const original = readFileSync(SAMPLE_BRANDS, 'utf8');
  writeFileSync(file, original);
  o.brandFiles = [file];
  let { state } = await build(o);
  const substitutes = (slug: string): string => text(section(page(o, `medicines/${slug}`), 'substitutes'));
  // Both 650 mg tablets in one write: Examplamol becomes the cheaper per tablet.
  const both = original.replace('Examplamol 650 Tablet,28.00', 'Examplamol 650 Tablet,9.00').replace('Samplodol 650 Tablet,19.50', 'Samplodol 650 Tablet,25.00');
  writeFileSync(file, both);
  let r = await rebuild(o, state, new Set([file]));
  assert.match(text(page(o, 'medicines/examplamol-650-tablet')), /₹0\.60 per tablet/);
  assert.match(text(page(o, 'medicines/samplodol-650-tablet')), /₹2\.50 per tablet/);
  assert.match(substitutes('samplodol-650-tablet'), /Examplamol 650 Tablet/, 'each page lists the other with its new price');
  assert.ok(r.report.timingsMs['catalog'] !== undefined && r.written.length > 0);
  state = r.state;
  // A second edit on the state the first one left.
  writeFileSync(file, both.replace('Samplodol 650 Tablet,25.00', 'Samplodol 650 Tablet,5.00'));
  r = await rebuild(o, state, new Set([file]));
  assert.match(text(page(o, 'medicines/samplodol-650-tablet')), /₹0\.50 per tablet/);
  // What a full build of the same files gives: every page, the report's counts and the API list.
  const fresh: BuildOptions = { ...o, outDir: join(o.outDir, '..', 'fresh'), cacheDir: join(o.outDir, '..', 'fresh-cache') };
  const full = await build(fresh);
  for (const slug of ['samplodol-650-tablet', 'examplamol-650-tablet', 'demopara-650-tablet']) {
    assert.equal(page(o, `medicines/${slug}`), page(fresh, `medicines/${slug}`), `${slug}: as a full build writes it`);
  }
  assert.equal(page(o, 'composition/paracetamol'), page(fresh, 'composition/paracetamol'));
  assert.deepEqual(r.report.counts, full.report.counts);
  assert.deepEqual(r.report.brands, full.report.brands);
  await r.state.apiIndex;
  assert.equal(readFileSync(join(o.outDir, 'api/v1/index.json'), 'utf8'), readFileSync(join(fresh.outDir, 'api/v1/index.json'), 'utf8'));
});

test('an edited row is re-read alone when that gives what a full read gives; otherwise the file is read again', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'formulary-rows-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const file = join(root, 'brands.csv');
  const original = readFileSync(SAMPLE_BRANDS, 'utf8');
  writeFileSync(file, original);
  const load = loadBrandFile(file);
  assert.equal(load.monographs.length, 7);
  const priced = reloadEditedRows(load, original.replace('Samplodol 650 Tablet,19.50', 'Samplodol 650 Tablet,9.00'));
  assert.ok(priced);
  assert.equal(priced.edits.length, 1);
  assert.equal(priced.edits[0]!.after.product?.mrp, 9);
  assert.deepEqual(priced.edits[0]!.after.sources[0]!.lines, { start: 3, end: 3 }, 'the row keeps its own line');
  const full = loadBrandFile(file);
  writeFileSync(file, original.replace('Samplodol 650 Tablet,19.50', 'Samplodol 650 Tablet,9.00'));
  assert.deepEqual(priced.load.monographs, loadBrandFile(file).monographs, 'the same monographs as reading the whole file');
  assert.notDeepEqual(full.monographs, priced.load.monographs);
  assert.equal(reloadEditedRows(load, original + '8,New Tablet,1.00,FALSE,X,allopathy,strip of 10 tablets,Paracetamol (500mg),\n'), null, 'a row added');
  assert.equal(reloadEditedRows(load, original.replace('Samplodol 650 Tablet,19.50', 'Samplodol 650 Forte,19.50')), null, 'a brand renamed');
  assert.equal(reloadEditedRows(load, original.replace('Samplodol 650 Tablet,19.50', '"Samplodol 650 Tablet",19.50')), null, 'a quote');
  assert.equal(reloadEditedRows(load, original.replace('Samplodol 650 Tablet,19.50', 'Samplodol 650 Tablet,abc')), null, 'a row that becomes invalid');
});

test('edits found on the bytes: successive edits that change line lengths (also with multi-byte text) give what a full read gives', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'formulary-rows-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const file = join(root, 'brands.csv');
  const original = readFileSync(SAMPLE_BRANDS, 'utf8');
  const lines = original.split('\n');
  writeFileSync(file, original);
  let load = loadBrandFile(file);
  // Each step edits one row in a way that moves every later line; the next step then edits a later
  // row, so its line must be found through the shifted line starts.
  const steps: [number, (line: string) => string][] = [
    [2, (l) => l.replace(/,(\d+\.\d\d),/, (_m, p: string) => `,${(Number(p) + 100).toFixed(2)},`)],
    [5, (l) => l.replace(/,(\d+\.\d\d),/, (_m, p: string) => `,${(Number(p) / 10).toFixed(2)},`)],
    [3, (l) => l.replace('(fictional)', '(fictional) Ünïcødé ₹')],
    [lines.length - 2, (l) => l.replace(/,(\d+\.\d\d),/, (_m, p: string) => `,${(Number(p) + 1).toFixed(2)},`)],
  ];
  for (const [row, edit] of steps) {
    const edited = edit(lines[row]!);
    assert.notEqual(edited, lines[row], `step on line ${row + 1} changes it`);
    lines[row] = edited;
    const text = lines.join('\n');
    writeFileSync(file, text);
    const r = reloadEditedRows(load, readFileSync(file));
    assert.ok(r, `line ${row + 1}: an edited row is re-read alone`);
    assert.equal(r.edits.length, 1);
    assert.deepEqual(r.load.monographs, loadBrandFile(file).monographs, `line ${row + 1}: the same as reading the whole file`);
    assert.deepEqual([...r.load.lineStarts], [...loadBrandFile(file).lineStarts], 'line starts follow the edit');
    load = r.load;
  }
  assert.deepEqual(reloadEditedRows(load, readFileSync(file))?.edits, [], 'no change, no edit');
  assert.equal(reloadEditedRows(load, lines.slice(0, -2).concat(lines.slice(-1)).join('\n')), null, 'a row removed');
  assert.equal(reloadEditedRows(load, [lines[0] + ',extra', ...lines.slice(1)].join('\n')), null, 'the header changed');
  assert.equal(reloadEditedRows(load, lines.join('\n').replace(/\n/, '\n\n')), null, 'a line inserted');
});

test('a renamed brand in a catalog relinks everything: the new page is written, the old one removed', async (t) => {
  const o = setup(t);
  const file = join(o.outDir, '..', 'brands.csv');
  writeFileSync(file, readFileSync(SAMPLE_BRANDS, 'utf8'));
  o.brandFiles = [file];
  const { state } = await build(o);
  writeFileSync(file, readFileSync(SAMPLE_BRANDS, 'utf8').replace('Samplodol 650 Tablet,19.50', 'Samplodol 650 Forte,19.50'));
  const r = await rebuild(o, state, new Set([file]));
  assert.ok(r.written.includes('medicines/samplodol-650-forte/index.html'));
  assert.ok(r.removed.includes('medicines/samplodol-650-tablet/index.html'));
  assert.match(text(section(page(o, 'medicines/examplamol-650-tablet'), 'substitutes')), /Samplodol 650 Forte/);
});

test('search finds a brand by name and says which generic it is a brand of (names index, API result, search page)', async (t) => {
  const o = setup(t);
  await build(o);
  const search = openSiteSearch(o.outDir);
  t.after(() => search.close());
  const top = search.search('samplodol 650').results[0];
  assert.equal(top?.url, '/medicines/samplodol-650-tablet/');
  assert.deepEqual(top?.generic, { title: 'Paracetamol', url: '/composition/paracetamol/' });
  assert.equal(search.search('paracetamol').results[0]?.generic, undefined, 'a generic has no generic');
  const html = renderSearchPage(search.search('samplodol 650'), { siteUrl: null, siteName: 'Formulary', adSlots: {}, builtAt: '2026-11-22T00:00:00Z' });
  assert.match(html, /brand of <a href="\/composition\/paracetamol\/">Paracetamol<\/a>/);
});
