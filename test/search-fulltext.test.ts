import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildCatalog, type Catalog } from '../src/catalog/index.js';
import { pagePath, type CatalogEntry, type Kind, type Monograph } from '../src/model/index.js';
import {
  createFulltextWriter,
  openFulltextIndex,
  writeFulltextIndex,
  type FulltextIndex,
  type FulltextResult,
} from '../src/search/fulltext/index.js';
import { classLabel, markdownText } from '../src/search/fulltext/document.js';
import { parseFulltextQuery } from '../src/search/fulltext/query.js';
import { snippetHtml, withoutMarkdown } from '../src/search/fulltext/snippet.js';
import { loadDir, mono, SAMPLE_DIR } from './helpers/monographs.js';

// ---------------------------------------------------------------------------------------------
// fixtures

const FIXTURE = new URL('./fixtures/search-fulltext/', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'formulary-fulltext-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const dbFile = (): string => join(dir, `index-${++files}.db`);

interface PageSpec {
  usage?: string;
  cls?: string;
  brands?: string[];
  /** Heading → one bullet of text. */
  sections?: Record<string, string>;
  banned?: boolean;
}

/** A rich-format (Astro) page. */
function page(title: string, o: PageSpec = {}): string {
  const lines = ['---', `title: ${JSON.stringify(title)}`, `is_banned: ${o.banned ?? false}`, '---', '## **Usage**', ''];
  lines.push(`- ${o.usage ?? `${title} is sample data for the search tests.`}`);
  if (o.cls !== undefined) lines.push(`- **Pharmacological classification:** ${o.cls}`);
  lines.push('');
  if (o.brands) lines.push('## **Alternate Names**', '', `- **Brand Names:** ${o.brands.join(', ')}`, '');
  for (const [h, text] of Object.entries(o.sections ?? {})) lines.push(`## **${h}**`, '', `- ${text}`, '');
  return lines.join('\n');
}

const FOLDER: Record<Kind, string> = { composition: 'compositions', combination: 'combinations', medicine: 'medicines' };
const astro = (kind: Kind, slug: string, text: string): Monograph => mono(`rxhive-astro/${FOLDER[kind]}/${slug}.md`, text, kind);

/** The test catalog: the bundled sample pages plus pages written for these tests. */
function testCatalog(): Catalog {
  const extra: Monograph[] = [
    astro('composition', 'zolmitriptan', page('Zolmitriptan', { usage: 'Used for the acute treatment of migraine attacks.', cls: 'Triptan (serotonin 5-HT1B/1D agonist)' })),
    // Mentions zolmitriptan often, but only in a body section: must rank below the page titled so.
    astro('composition', 'ergotamine', page('Ergotamine', {
      usage: 'Used for migraine headaches.',
      cls: 'Ergot alkaloid',
      sections: { 'Drug Interactions': 'Do not combine with zolmitriptan; zolmitriptan and ergotamine together, or zolmitriptan within 24 hours, risk vasospasm.' },
    })),
    // xerostomia: once in Usage here, twice in the body of the next page.
    astro('composition', 'pilocarpine', page('Pilocarpine', { usage: 'Treats xerostomia after radiotherapy.', cls: 'Cholinergic agonist' })),
    astro('composition', 'oxybutynin', page('Oxybutynin', { usage: 'Treats an overactive bladder.', sections: { 'Side Effects': 'Xerostomia is common; severe xerostomia may need a dose change.' } })),
    astro('composition', 'acetaminophene', page('Acétaminophène Forte', { usage: 'Relieves fever (pyrexia) and pain; ÉTUDE clinique.' })),
    astro('composition', 'scriptol', page('Scriptol', { usage: 'Sample text with markup <script>alert("x")</script> & an ampersand; also \uE000forged\uE001 marks.' })),
    astro('composition', 'bannedol', page('Bannedol', { usage: 'A withdrawn analgesic for headache.', banned: true, cls: 'Analgesic' })),
    astro('combination', 'bannedol-caffeine', page('Bannedol + Caffeine', { usage: 'A withdrawn combination for headache.', banned: true })),
    astro('composition', 'brandolin', page('Brandolin', { usage: 'Treats headache.', brands: ['Zentriva Headcalm', 'Dolorex'] })),
    // Its only link to "migraine" is a brand name starting with it.
    astro('composition', 'brandomig', page('Brandomig', { usage: 'Treats nausea.', brands: ['Migrainex'] })),
  ];
  return buildCatalog([...loadDir(SAMPLE_DIR), ...extra]);
}

const catalog = testCatalog();
const file = dbFile();
const stats = writeFulltextIndex(catalog, file);
const opened = openFulltextIndex(file);
if ('problem' in opened) throw new Error(opened.problem);
const index: FulltextIndex = opened;

const slugs = (r: FulltextResult): string[] => r.results.map((h) => h.slug);
const hit = (r: FulltextResult, slug: string) => r.results.find((h) => h.slug === slug);

// ---------------------------------------------------------------------------------------------
// building

test('writes one document per catalog entry, atomically (no .tmp left), and reopens', () => {
  assert.equal(stats.documents, catalog.entries.length);
  assert.equal(index.documents, catalog.entries.length);
  assert.ok(stats.bytes > 0 && stats.ms >= 0);
  assert.ok(!existsSync(`${file}.tmp`));
});

test('a leftover .tmp file does not break a build, and an aborted build leaves the old index', () => {
  const f = dbFile();
  writeFileSync(`${f}.tmp`, 'junk from a killed build');
  writeFulltextIndex(catalog, f);
  assert.ok(!existsSync(`${f}.tmp`));
  const before = readFileSync(f);

  const w = createFulltextWriter(f);
  w.add(catalog.entries[0]!);
  w.abort();
  assert.ok(!existsSync(`${f}.tmp`));
  assert.deepEqual(readFileSync(f), before, 'the old index is untouched');
  const again = openFulltextIndex(f);
  assert.ok(!('problem' in again));
  assert.equal(again.search('zolmitriptan').results[0]?.slug, 'zolmitriptan');
  again.close();
});

test('a missing, non-SQLite, foreign or truncated file is a problem, not a throw', () => {
  const missing = openFulltextIndex(join(dir, 'nope.db'));
  assert.ok('problem' in missing && /does not exist/.test(missing.problem));

  const junk = join(dir, 'junk.db');
  writeFileSync(junk, 'this is not a database, just text '.repeat(200));
  const j = openFulltextIndex(junk);
  assert.ok('problem' in j && /cannot be read/.test(j.problem), JSON.stringify(j));

  const empty = join(dir, 'empty.db');
  writeFileSync(empty, '');
  assert.ok('problem' in openFulltextIndex(empty));

  const truncated = dbFile();
  writeFulltextIndex(catalog, truncated);
  truncateSync(truncated, 8192);
  const t = openFulltextIndex(truncated);
  assert.ok('problem' in t, 'a truncated index is refused at open');
});

// ---------------------------------------------------------------------------------------------
// ranking

test('field weights: a title match outranks a body-only match, usage outranks the body', () => {
  const r = index.search('zolmitriptan');
  assert.deepEqual(slugs(r), ['zolmitriptan', 'ergotamine']);
  assert.equal(hit(r, 'zolmitriptan')?.matched, 'title');
  assert.equal(hit(r, 'ergotamine')?.matched, 'body');

  const x = index.search('xerostomia');
  assert.deepEqual(slugs(x), ['pilocarpine', 'oxybutynin']);
  assert.equal(hit(x, 'pilocarpine')?.matched, 'usage');
  assert.equal(hit(x, 'oxybutynin')?.matched, 'body');
  // Each snippet comes from its own page.
  assert.match(hit(x, 'pilocarpine')!.snippet, /<mark>xerostomia<\/mark> after radiotherapy/);
  assert.match(hit(x, 'oxybutynin')!.snippet, /severe <mark>xerostomia<\/mark> may need a dose change/i);
});

test('brand names are the names field; scores never increase along the results', () => {
  const r = index.search('dolorex');
  assert.deepEqual(slugs(r), ['brandolin']);
  assert.equal(r.results[0]?.matched, 'names');
  assert.match(r.results[0]!.snippet, /<mark>Dolorex<\/mark>/);

  for (const q of ['headache', 'paracetamol', 'the', 'a', 'used for']) {
    const s = index.search(q, { limit: 50 }).results.map((h) => h.score);
    assert.deepEqual(s, [...s].sort((a, b) => b - a), q);
  }
});

test('case- and accent-insensitive, both ways', () => {
  for (const q of ['acetaminophene', 'ACÉTAMINOPHÈNE', 'Acetaminophène', 'etude', 'ÉTUDE']) {
    assert.deepEqual(slugs(index.search(q)), ['acetaminophene'], q);
  }
  assert.equal(index.search('paracetamol').results[0]?.slug, 'paracetamol');
  assert.equal(index.search('PARACETAMOL ').results[0]?.slug, 'paracetamol');
  assert.equal(index.search('caffeine paracetamol').results[0]?.slug, 'paracetamol-caffeine', 'the title in any word order first');
});

test('the last word is a prefix while typed (names from one letter, other words from three)', () => {
  assert.equal(index.search('zolmi').results[0]?.slug, 'zolmitriptan');
  assert.equal(index.search('z').results.some((h) => h.slug === 'zolmitriptan'), true);
  assert.deepEqual(slugs(index.search('xerost')), ['pilocarpine', 'oxybutynin'], 'a body word completes from three letters');
  assert.equal(index.search('zolmi ').total, 0, 'a finished word is not a prefix');
  assert.equal(index.search('xe').total, 0, 'two letters complete only names');
  assert.deepEqual(slugs(index.search('acute zolmi')), ['zolmitriptan']);
  // Only the last word is a prefix: 'zolmi acute ' has no page with both whole words, so it falls
  // back to OR and finds every page with 'acute'.
  const acute = catalog.entries.filter((e) => /\bacute\b/i.test(JSON.stringify(e.monograph))).length;
  assert.ok(acute > 1);
  assert.equal(index.search('zolmi acute ').total, acute, 'earlier words match whole');
});

test('a finished word found only as the start of a name ranks below pages with the word', () => {
  const r = index.search('migraine');
  // Both name migraine in their Usage (in either order); the brand that only starts with it last.
  assert.deepEqual(slugs(r).slice(0, 2).sort(), ['ergotamine', 'zolmitriptan']);
  assert.equal(slugs(r)[2], 'brandomig');
  assert.equal(hit(r, 'brandomig')?.matched, 'names');
  assert.match(hit(r, 'brandomig')!.snippet, /<mark>Migrainex<\/mark>/);
  // While typed ("migrai" is no word of its own), the name is as good a match as any.
  assert.ok(slugs(index.search('migrai')).includes('brandomig'));
});

test('AND first, OR when nothing has every word', () => {
  const both = index.search('migraine acute');
  assert.deepEqual(slugs(both), ['zolmitriptan']);
  const either = index.search('zolmitriptan qwertyuiop');
  assert.deepEqual(slugs(either), ['zolmitriptan', 'ergotamine']);
});

test('the bundled sample: a target finds its drug', () => {
  assert.equal(index.search('CD38').results[0]?.slug, 'isatuximab');
  const crocin = index.search('crocin').results[0];
  assert.equal(crocin?.slug, 'crocin-650');
  assert.notEqual(crocin.snippet, '', 'a page without a usage section still gets a passage');
});

// ---------------------------------------------------------------------------------------------
// facets and filters

test('facet counts for the matching set, before filters', () => {
  const r = index.search('headache');
  const naive = catalog.entries.filter((e) => JSON.stringify(e.monograph.sections).toLowerCase().includes('headache'));
  assert.equal(r.total, naive.length);
  assert.equal(r.exact, true);
  const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);
  assert.equal(sum(r.facets.kind), r.total);
  assert.equal(r.facets.banned.yes + r.facets.banned.no, r.total);
  assert.equal(r.facets.banned.yes, 2);
  assert.equal(r.facets.kind['combination'], naive.filter((e) => e.monograph.kind === 'combination').length);
  const classes: Record<string, number> = {};
  for (const e of naive) {
    const label = e.monograph.drugClass === null ? null : classLabel(e.monograph.drugClass.text);
    if (label !== null) classes[label] = (classes[label] ?? 0) + 1;
  }
  assert.ok(classes['Analgesic']! >= 1);
  assert.deepEqual(r.facets.class, classes);

  const crocin = index.search('crocin');
  assert.deepEqual(crocin.facets.company, { GlaxoSmithKline: 1 });
});

test('filters: kind and banned narrow the results and the total, not the facets', () => {
  const all = index.search('headache');
  const banned = index.search('headache', { banned: true });
  assert.deepEqual(banned.results.map((h) => h.slug).sort(), ['bannedol', 'bannedol-caffeine']);
  assert.ok(banned.results.every((h) => h.banned));
  assert.equal(banned.total, 2);
  assert.deepEqual(banned.facets, all.facets);

  const combos = index.search('headache', { kind: 'combination', banned: true });
  assert.deepEqual(slugs(combos), ['bannedol-caffeine']);
  const notBanned = index.search('headache', { banned: false });
  assert.equal(notBanned.total, all.total - 2);
  assert.ok(notBanned.results.every((h) => !h.banned));
  assert.equal(index.search('crocin', { kind: 'medicine' }).results[0]?.kind, 'medicine');
  assert.equal(index.search('zolmitriptan', { kind: 'medicine' }).total, 0);
  const none = index.search('zolmitriptan acute', { kind: 'combination' });
  assert.equal(none.total, 0, 'no OR fallback because of a filter');
  assert.deepEqual(none.facets.kind, { composition: 1 });
});

test('limit and offset page through the ranking', () => {
  const all = index.search('the', { limit: 100 }).results.map((h) => h.slug);
  assert.ok(all.length > 10);
  const pages = [0, 5, 10].flatMap((offset) => index.search('the', { limit: 5, offset }).results.map((h) => h.slug));
  assert.deepEqual(pages, all.slice(0, 15));
  assert.equal(index.search('the', { limit: 0 }).results.length, 0);
});

test('exclude: the pages another tier shows keep their places but are not made; maxResults caps what is made', () => {
  for (const [q, o] of [['the', {}], ['headache', { banned: false }], ['migr', {}], ['the', { offset: 3 }]] as const) {
    const all = index.search(q, { ...o, limit: 7 });
    assert.ok(all.results.length >= 3, q);
    const urls = all.results.map((h) => h.url);
    const gone = new Set([urls[0]!, urls[2]!, '/composition/not-in-the-index/']);
    const r = index.search(q, { ...o, limit: 7, exclude: gone });
    assert.deepEqual(r.results, all.results.filter((h) => !gone.has(h.url)), q);
    assert.equal(r.excluded, 2, `${q}: the two excluded pages had places`);
    assert.equal(r.total, all.total, 'still counted');
    assert.deepEqual(r.facets, all.facets);
    assert.equal(all.excluded, 0);
    const capped = index.search(q, { ...o, limit: 7, exclude: gone, maxResults: 1 });
    assert.deepEqual(capped.results, r.results.slice(0, 1));
    assert.equal(capped.excluded, 2, 'the excluded pages of the whole page are counted');
  }
  const none = index.search('the', { limit: 5, maxResults: 0, exclude: new Set([index.search('the').results[0]!.url]) });
  assert.deepEqual([none.results.length, none.excluded], [0, 1], 'nothing made; the excluded first page still counted');
});

test('property: markup removal equals its rule written as lookarounds', () => {
  const LINE = /^[ \t]*(?:[-*+]|\d+[.)]|#{1,6}|>)[ \t]+/gm;
  const RULE = /\*\*|__|~~|`+|(?<![\p{L}\p{N}*_])[*_](?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])[*_](?![\p{L}\p{N}*_])/gu;
  const chars = fc.constantFrom('*', '_', '`', '~', 'a', 'é', '1', ' ', '\n', '-', '#', '.', '𝐀', '😀', '\uE000');
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 14 }), (cs) => {
      const text = cs.join('');
      assert.equal(withoutMarkdown(text), text.replace(LINE, '').replace(RULE, ''), JSON.stringify(text));
    }),
    { numRuns: 5000 },
  );
});

// ---------------------------------------------------------------------------------------------
// safety

test('snippets are escaped text with <mark> only: <script> in content comes out inert', () => {
  const r = index.search('alert');
  assert.equal(r.results[0]?.slug, 'scriptol');
  const s = r.results[0]!.snippet;
  assert.match(s, /&lt;script&gt;<mark>alert<\/mark>\(&quot;x&quot;\)&lt;\/script&gt;/);
  assert.doesNotMatch(s, /<(?!\/?mark>)/, 'no tag other than mark');
  const forged = index.search('forged').results[0]!.snippet;
  assert.equal((forged.match(/<mark>/g) ?? []).length, 1, 'content cannot forge a mark');
  assert.match(forged, /<mark>forged<\/mark>/);
  for (const q of ['ampersand', 'script', 'markup sample']) {
    for (const h of index.search(q).results) assert.doesNotMatch(h.snippet, /<(?!\/?mark>)|&(?!amp;|lt;|gt;|quot;|#39;)/, `${q}: ${h.snippet}`);
  }
});

test('snippetHtml escapes first, then marks; unbalanced markers are dropped', () => {
  assert.equal(snippetHtml('a \uE000<b>\uE001 c'), 'a <mark>&lt;b&gt;</mark> c');
  assert.equal(snippetHtml('x\uE000y'), 'xy');
  assert.equal(snippetHtml('\uE001x\uE000y\uE001'), 'x<mark>y</mark>');
  assert.equal(snippetHtml("  it's\n\n  <fine> & "), 'it&#39;s &lt;fine&gt; &amp;');
  assert.equal(snippetHtml('- **Dose:** 5 mg\n### Adults\n* `x` and _y_ 2 * 3'), 'Dose: 5 mg Adults x and y 2 * 3');
});

test('hostile queries never throw; a query with no words finds nothing', () => {
  const hostile = readFileSync(new URL('hostile-queries.txt', FIXTURE), 'utf8').split('\n').filter((l) => l !== '');
  hostile.push('x'.repeat(100_000), 'zolmitriptan '.repeat(5000), '\u0000\uD800\uFFFF', '\uE000headache\uE001');
  for (const q of hostile) {
    const r = index.search(q);
    assert.ok(Number.isInteger(r.total) && r.total >= 0, q.slice(0, 40));
  }
  for (const q of ['"', '*', '-', '""', '()', '🙂', '🙂🙂 ✨', '   ', '', ':', '^', '{title}:']) {
    const r = index.search(q);
    assert.equal(r.total, 0, JSON.stringify(q));
    assert.deepEqual(r.results, []);
  }
  assert.equal(index.search('"zolmitriptan').results[0]?.slug, 'zolmitriptan', 'a stray quote only separates words');
  assert.equal(index.search('zolmitriptan*').results[0]?.slug, 'zolmitriptan');
  assert.equal(index.search('-zolmitriptan').results[0]?.slug, 'zolmitriptan', 'no NOT syntax');
  assert.equal(index.search('title:zolmitriptan').results.some((h) => h.slug === 'zolmitriptan'), true);
  // Non-string input from a careless caller (query strings are `unknown` until parsed).
  assert.equal(index.search(undefined as unknown as string).total, 0);
  assert.equal(index.search('headache', { limit: -5, offset: Number.NaN }).results.length, 0);
  assert.ok(index.search('headache', { limit: 1e9 }).results.length <= 100);
});

test('query parsing: words only, folded, capped', () => {
  assert.deepEqual(parseFulltextQuery('NEAR("x" *) '), { tokens: ['near', 'x'], prefix: false, codes: [true, false] });
  assert.deepEqual(parseFulltextQuery('Paracétamol 65'), { tokens: ['paracetamol', '65'], prefix: true, codes: [true, true] });
  assert.deepEqual(parseFulltextQuery('AND OR NOT'), { tokens: ['and', 'or', 'not'], prefix: true, codes: [true, true, true] });
  // Typed like an identifier: a capital letter or a digit anywhere in the word ("JAK", "il-17", "HER2").
  assert.deepEqual(parseFulltextQuery('JAK inhibitor il-17').codes, [true, false, false, true]);
  assert.equal(parseFulltextQuery('w '.repeat(100)).tokens.length, 1, 'repeats once');
  assert.ok(parseFulltextQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' ')).tokens.length <= 12);
});

test('document text: link targets and forged markers dropped; class labels', () => {
  assert.equal(markdownText('- **Dose:** 5 mg, see [the label](https://x.example/a) ![alt](i.png) \uE000<b>\uE001'), '- **Dose:** 5 mg, see the label alt <b>');
  assert.equal(classLabel('Angiotensin II receptor blocker (ARB)'), 'Angiotensin II receptor blocker');
  assert.equal(classLabel('Analgesic, Antipyretic'), 'Analgesic');
  assert.equal(classLabel('Angiotensin-Converting Enzyme (ACE) inhibitor'), 'Angiotensin-Converting Enzyme inhibitor');
  assert.equal(classLabel('Enzyme inhibitor (ornithine decarboxylase inhibitor), antiprotozoal agent'), 'Enzyme inhibitor');
  assert.equal(classLabel('Serotonin 5-HT<sub>2C</sub> receptor agonist'), 'Serotonin 5-HT2C receptor agonist');
  assert.equal(classLabel('This is a combination product containing:'), null);
  assert.equal(classLabel('Octreotide is classified as a somatostatin analog'), null);
});

// ---------------------------------------------------------------------------------------------
// against a naive model

/** A bare catalog entry with the given words as its Usage text (no normalizer: fast, any size). */
function bareEntry(i: number, kind: Kind, words: string, banned = false): CatalogEntry {
  const slug = `doc-${i}`;
  const html = `<p>${words}</p>\n`;
  const monograph: Monograph = {
    slug,
    kind,
    title: `Doc ${i}`,
    genericName: null,
    brandNames: [],
    synonyms: [],
    ingredients: [],
    description: { text: '', origin: 'none', original: null },
    drugClass: null,
    isBanned: banned,
    lastModified: null,
    notAProduct: null,
    product: null,
    sections: [{ id: 'overview', canonical: true, title: 'Usage', heading: 'Usage', markdown: words, html, range: { start: 1, end: 1 }, subsections: [] }],
    perIngredient: [],
    faqs: [],
    sources: [],
    alternates: [],
    aliases: [],
    extra: {},
  };
  return { monograph, url: pagePath(kind, slug), banned: { value: banned, from: 'self', registry: null }, links: { ingredients: [], combinations: [], brands: [], generic: null } };
}

const bareCatalog = (entries: CatalogEntry[]): Catalog => ({ entries, byKey: new Map(), redirects: new Map(), substitutes: new Map(), registry: [], diagnostics: [] });

test('property: totals and result sets equal a linear scan (AND of whole words)', () => {
  const VOCAB = ['alpha', 'beta', 'gamma', 'delta', 'omega', 'sigma'];
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 30 }),
      fc.array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 3 }),
      (docs, words) => {
        const f = dbFile();
        writeFulltextIndex(bareCatalog(docs.map((d, i) => bareEntry(i, 'composition', d.join(' ')))), f);
        const idx = openFulltextIndex(f);
        assert.ok(!('problem' in idx));
        try {
          const r = idx.search(`${words.join(' ')} `, { limit: 100 });
          const and = docs.flatMap((d, i) => (words.every((w) => d.includes(w)) ? [`doc-${i}`] : []));
          const expected = and.length > 0 ? and : docs.flatMap((d, i) => (words.some((w) => d.includes(w)) ? [`doc-${i}`] : []));
          assert.equal(r.total, expected.length);
          assert.equal(r.exact, true);
          assert.deepEqual(slugs(r).sort(), expected.sort());
        } finally {
          idx.close();
          rmSync(f);
        }
      },
    ),
    { numRuns: 25 },
  );
});

test('property: with tiny budgets (sampled totals, unscored words) every result still matches', () => {
  // Zipf-like vocabulary: the first words are in most pages, the last in few.
  const VOCAB = ['alpha', 'alpha', 'alpha', 'alpha', 'beta', 'beta', 'beta', 'gamma', 'gamma', 'delta', 'omega', 'sigma'];
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 8 }), { minLength: 5, maxLength: 40 }),
      fc.array(fc.constantFrom(...new Set(VOCAB)), { minLength: 1, maxLength: 3 }),
      fc.nat({ max: 6 }),
      (docs, words, offset) => {
        const f = dbFile();
        writeFulltextIndex(bareCatalog(docs.map((d, i) => bareEntry(i, i % 3 === 0 ? 'combination' : 'composition', d.join(' ')))), f);
        const idx = openFulltextIndex(f, { probeCap: 3, headsCap: 2, idfUnits: 12, rowMicros: 10, probeDocs: 8 + (offset % 3) * 8, probeMinSample: 1 + (offset % 2) });
        assert.ok(!('problem' in idx));
        try {
          const r = idx.search(`${words.join(' ')} `, { limit: 5, offset });
          const and = docs.flatMap((d, i) => (words.every((w) => d.includes(w)) ? [`doc-${i}`] : []));
          const expected = new Set(and.length > 0 ? and : docs.flatMap((d, i) => (words.some((w) => d.includes(w)) ? [`doc-${i}`] : [])));
          for (const h of r.results) assert.ok(expected.has(h.slug), `${h.slug} does not match ${words.join(' ')}`);
          assert.equal(new Set(slugs(r)).size, r.results.length, 'no duplicates');
          assert.ok(r.results.length <= 5);
          const s = r.results.map((h) => h.score);
          assert.deepEqual(s, [...s].sort((a, b) => b - a));
          if (r.exact) assert.equal(r.total, expected.size);
          if (expected.size > 0) assert.ok(r.total > 0);
          // Typing: the last word cut short. Whatever comes back has every earlier word or a word
          // starting with the cut one.
          const cut = words[words.length - 1]!.slice(0, 1 + (offset % 5));
          const typed = idx.search([...words.slice(0, -1), cut].join(' '), { limit: 50 });
          for (const h of typed.results) {
            const i = Number(h.slug.slice(4));
            const d = [...docs[i]!, 'doc', String(i)]; // the title is "Doc <i>"
            assert.ok(words.slice(0, -1).some((w) => d.includes(w)) || d.some((w) => w.startsWith(cut)), `${h.slug} for ${cut}`);
          }
          // A filter narrows the answer: it never turns AND into OR.
          const kinds = idx.search(`${words.join(' ')} `, { kind: 'combination', limit: 50 });
          for (const h of kinds.results) assert.ok(h.kind === 'combination' && expected.has(h.slug), `${h.slug} (${h.kind})`);
        } finally {
          idx.close();
          rmSync(f);
        }
      },
    ),
    { numRuns: 40 },
  );
});

test('common words that rarely meet: the probe walks part of their doclists and estimates; too few there, it walks all', () => {
  // 1,200 pages with "alpha", 1,200 with "beta", every 8th page with both (300); 30 with "gamma" and "beta".
  const entries = Array.from({ length: 2400 }, (_, i) => bareEntry(i, 'composition', i % 8 === 0 ? 'alpha beta' : i % 80 === 1 ? 'gamma beta' : i % 2 === 0 ? 'alpha' : 'beta'));
  const f = dbFile();
  writeFulltextIndex(bareCatalog(entries), f);
  const budget = openFulltextIndex(f, { probeDocs: 1000, probeMinSample: 40 });
  const full = openFulltextIndex(f);
  assert.ok(!('problem' in budget) && !('problem' in full));
  const both = (i: number): boolean => i % 8 === 0;
  const est = budget.search('alpha beta', { limit: 30 });
  assert.equal(est.exact, false, 'the doclists (2,100 + 1,530 documents) exceed the budget: an estimate');
  assert.ok(Math.abs(est.total - 300) / 300 < 0.25, `estimated ${est.total} for 300`);
  assert.equal(est.results.length, 30);
  for (const h of est.results) assert.ok(both(Number(h.slug.slice(4))), `${h.slug} has both words`);
  const exact = full.search('alpha beta', { limit: 30 });
  assert.deepEqual([exact.exact, exact.total], [true, 300], 'within the default budget: exact');
  // 30 pages have both: fewer than the sample a partial walk must find, so it walks everything and counts exactly.
  const rare = budget.search('gamma beta', { limit: 50 });
  assert.deepEqual([rare.exact, rare.total, rare.results.length], [true, 30, 30]);
  assert.ok(rare.results.every((h) => Number(h.slug.slice(4)) % 80 === 1), 'AND, never OR');
  budget.close();
  full.close();
});

test('a word left unscored: candidates past the probe are checked one by one, none before it is lost', () => {
  // "alpha" in every page (too common to score within the tiny budget), "zeta" in every 20th: 20 pages have both.
  const entries = Array.from({ length: 400 }, (_, i) => bareEntry(i, 'composition', i % 20 === 0 ? 'alpha zeta zeta' : 'alpha filler'));
  const f = dbFile();
  writeFulltextIndex(bareCatalog(entries), f);
  const idx = openFulltextIndex(f, { probeCap: 5, idfUnits: 100 });
  assert.ok(!('problem' in idx));
  const r = idx.search('alpha zeta', { limit: 20 });
  assert.deepEqual(slugs(r).sort(), entries.filter((_, i) => i % 20 === 0).map((e) => e.monograph.slug).sort());
  idx.close();
});

test('a query matching thousands of pages: estimated total and facets, filters still exact', () => {
  const n = 2600;
  const entries = Array.from({ length: n }, (_, i) =>
    bareEntry(i, i % 500 === 7 ? 'medicine' : i % 2 === 0 ? 'composition' : 'combination', `common word ${i % 3 === 0 ? 'thirds' : 'rest'} text`, i % 10 === 0),
  );
  const f = dbFile();
  writeFulltextIndex(bareCatalog(entries), f);
  const idx = openFulltextIndex(f);
  assert.ok(!('problem' in idx));
  const r = idx.search('common', { limit: 20 });
  assert.equal(r.exact, false);
  assert.ok(Math.abs(r.total - n) / n < 0.1, `estimated ${r.total} for ${n}`);
  assert.equal(r.results.length, 20);
  assert.ok(Math.abs(r.facets.banned.yes - n / 10) < n / 10 / 3, JSON.stringify(r.facets.banned));
  const third = idx.search('common thirds');
  assert.ok(Math.abs(third.total - n / 3) / (n / 3) < 0.15, `estimated ${third.total} for ${n / 3}`);
  const meds = idx.search('common', { kind: 'medicine', limit: 50 });
  assert.equal(meds.exact, true, 'a selective filter is counted exactly');
  assert.equal(meds.total, entries.filter((e) => e.monograph.kind === 'medicine').length);
  assert.ok(meds.results.every((h) => h.kind === 'medicine'));
  idx.close();
});
