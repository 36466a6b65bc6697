import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalog, type Catalog } from '../src/catalog/index.js';
import type { Kind, Monograph } from '../src/model/index.js';
import { abbreviationTable, alternativesOf, isTypedAbbreviation, mergeTiers, openSiteSearch, type TextHit } from '../src/search/engine/index.js';
import { openFulltextIndex, writeFulltextIndex, type FulltextIndex, type FulltextResult } from '../src/search/fulltext/index.js';
import { isCodeForm, pluralVariants } from '../src/search/fulltext/query.js';
import { buildNamesIndex, lookupNames, type NameMatch, type NamesLookup } from '../src/search/index.js';
import { brandOwnership, splitListedNames } from '../src/search/names-owners.js';
import { loadDir, mono, SAMPLE_DIR } from './helpers/monographs.js';

// Relevance rules of the search engine (issue 3), each on a few invented pages: what ranks a page
// for a disease or a target (the ranking tables `core` and `mech`, phrases, abbreviations, plurals,
// numbered forms of an identifier) and which page a brand several pages list belongs to.

const dir = mkdtempSync(join(tmpdir(), 'formulary-relevance-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let files = 0;

interface PageSpec {
  usage: string;
  /** How it works (the mechanism section). */
  mechanism?: string;
  /** Alternate Names section lines, as written. */
  alternate?: string[];
  /** Other sections: heading → text. */
  sections?: Record<string, string>;
}

/** A rich-format (Astro) page. */
function page(title: string, o: PageSpec): string {
  const lines = ['---', `title: ${JSON.stringify(title)}`, 'is_banned: false', '---', '## **Usage**', '', o.usage, ''];
  if (o.mechanism !== undefined) lines.push('## **How It Works**', '', o.mechanism, '');
  if (o.alternate !== undefined) lines.push('## **Alternate Names**', '', ...o.alternate, '');
  for (const [h, text] of Object.entries(o.sections ?? {})) lines.push(`## **${h}**`, '', text, '');
  return lines.join('\n');
}

const FOLDER: Record<Kind, string> = { composition: 'compositions', combination: 'combinations', medicine: 'medicines' };
const slugOf = (title: string): string => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
function mk(title: string, o: PageSpec): Monograph {
  const kind: Kind = title.includes(' + ') ? 'combination' : 'composition';
  return mono(`rxhive-astro/${FOLDER[kind]}/${slugOf(title)}.md`, page(title, o), kind);
}

function fulltext(pages: Monograph[]): FulltextIndex {
  const file = join(dir, `index-${++files}.db`);
  writeFulltextIndex(buildCatalog(pages), file);
  const opened = openFulltextIndex(file);
  if ('problem' in opened) throw new Error(opened.problem);
  return opened;
}
const slugs = (r: FulltextResult): string[] => r.results.map((h) => h.slug);

/** Pages about other things, so that the words of a test are rare (bm25 scores rare words). */
const FILLER = ['Antacidol', 'Laxatone', 'Vitamina', 'Sleepwell', 'Coughex', 'Itchaway'].map((t) => mk(t, { usage: `${t} is for an unrelated complaint.`, mechanism: `${t} works in an unrelated way.` }));

/** Dosage prose long enough to make a page's whole text many times longer than its Usage. */
const LONG_BODY = Array.from({ length: 400 }, (_, i) => `Step ${i}: take the tablet with water and food, and keep a record of each dose.`).join(' ');

// ---------------------------------------------------------------------------------------------
// full-text ranking

test('a page treating a disease outranks a short page naming it in passing, however long its other sections', () => {
  const idx = fulltext([
    mk('Relapsomab', { usage: 'Relapsomab is prescribed for relapsing multiple sclerosis. It reduces relapses of multiple sclerosis.', sections: { Dosage: LONG_BODY, 'Side Effects': LONG_BODY } }),
    mk('Painex', { usage: 'Painex relieves headache, also in patients who have multiple sclerosis.' }),
    mk('Contrastol', { usage: 'Contrastol is an imaging agent.', sections: { Precautions: 'Use with caution in multiple sclerosis.' } }),
  ]);
  assert.deepEqual(slugs(idx.search('multiple sclerosis')), ['relapsomab', 'painex', 'contrastol']);
  idx.close();
});

test('the words as a phrase rank above the same words apart; a one-letter last word is a word ("hepatitis c")', () => {
  const idx = fulltext([
    mk('Scatterol', { usage: 'Given in multiple doses; it may cause sclerosis of veins.' }),
    mk('Phrasimab', { usage: 'Phrasimab treats multiple sclerosis.' }),
    mk('Hepavax', { usage: 'A vaccine against hepatitis B, given with a booster (course C).' }),
    mk('Sofovir', { usage: 'Sofovir treats chronic hepatitis C infection.' }),
  ]);
  assert.deepEqual(slugs(idx.search('multiple sclerosis')), ['phrasimab', 'scatterol']);
  assert.equal(idx.search('hepatitis C').results[0]?.slug, 'sofovir');
  idx.close();
});

test('a target query: the drug acting on it (Usage and How it works) above drugs for patients selected by it', () => {
  const idx = fulltext([
    mk('Palbocin', { usage: 'Palbocin treats HR-positive, HER2-negative breast cancer.', mechanism: 'Palbocin inhibits CDK4 and CDK6.' }),
    mk('Trastumab', {
      usage: 'Trastumab treats HER2-positive breast cancer in adults with metastatic disease after two earlier regimens of chemotherapy, with or without radiotherapy.',
      mechanism: 'Trastumab binds the HER2 receptor and blocks HER2 signalling; HER2 is the target.',
    }),
    ...FILLER,
  ]);
  assert.deepEqual(slugs(idx.search('HER2')), ['trastumab', 'palbocin']);
  idx.close();
});

test('alternatives: what an abbreviation stands for matches too, and a two-letter abbreviation is a word', () => {
  const idx = fulltext([mk('Phrasimab', { usage: 'Phrasimab treats multiple sclerosis.' }), mk('Other', { usage: 'Other treats gout.' })]);
  assert.equal(idx.search('MS').total, 0, 'two letters alone only complete names');
  const r = idx.search('MS', { alternatives: ['multiple sclerosis'] });
  assert.deepEqual(slugs(r), ['phrasimab']);
  assert.match(r.results[0]!.snippet, /<mark>multiple sclerosis<\/mark>/);
  idx.close();
});

test('plural and singular find each other; an identifier typed as one finds its numbered forms', () => {
  assert.deepEqual(pluralVariants('inhibitors'), ['inhibitor']);
  assert.deepEqual(pluralVariants('inhibitor'), ['inhibitors']);
  assert.deepEqual(pluralVariants('therapy'), ['therapies']);
  assert.deepEqual(pluralVariants('hiv'), [], 'short words and codes have none');
  assert.deepEqual(pluralVariants('cd20'), []);
  assert.ok(isCodeForm('jak', 'jak2') && isCodeForm('vegf', 'vegfr2') && isCodeForm('17', '17a') && isCodeForm('cd', 'cd52'));
  assert.ok(!isCodeForm('jak', 'jakarta') && !isCodeForm('her2', 'her2') && !isCodeForm('17', '170'));
  const idx = fulltext([
    mk('Jakinib', { usage: 'Jakinib is a JAK inhibitor for rheumatoid arthritis.' }),
    mk('Fedrinib', { usage: 'Fedrinib treats myelofibrosis.', mechanism: 'Fedrinib inhibits JAK2.' }),
  ]);
  assert.deepEqual(slugs(idx.search('JAK inhibitors')), ['jakinib']);
  assert.deepEqual(slugs(idx.search('JAK')).sort(), ['fedrinib', 'jakinib']);
  assert.deepEqual(slugs(idx.search('jak ')), ['jakinib'], 'typed in lower case it is a word, not an identifier');
  idx.close();
});

test('no page has every word: pages with the rarest word first, not pages titled with a common one', () => {
  const anti = Array.from({ length: 12 }, (_, i) => mk(`Anti Serum ${i}`, { usage: `An anti serum, number ${i}.` }));
  const idx = fulltext([...anti, mk('Zetamab', { usage: 'Zetamab treats leukemia.', mechanism: 'Zetamab binds the CD52 antigen on lymphocytes.' })]);
  assert.equal(idx.search('anti CD52').results[0]?.slug, 'zetamab');
  idx.close();
});

test('among pages naming a target alike, the drug the corpus shows in wide use first; a passing mention stays low', () => {
  const idx = fulltext([
    mk('Rarestatin', { usage: 'Rarestatin is a statin for high cholesterol.' }),
    mk('Atorvastatin', { usage: 'Atorvastatin is a statin for high cholesterol.', alternate: brands('Lipitor, Torvast') }),
    mk('Atorvastatin + Ezetimibe', { usage: 'For high cholesterol; contains atorvastatin.' }),
    mk('Aspirin + Atorvastatin', { usage: 'For heart attack prevention; contains atorvastatin.' }),
    mk('Vitamina', {
      usage: 'Vitamina treats and prevents vitamin deficiency, rickets in children and osteomalacia in adults, and supports bone health with calcium. Some studies suggest benefits in gout.',
      alternate: brands('Vita, Vitamax, Vitaforte'),
    }),
    mk('Vitamina + Zinc', { usage: 'A vitamina supplement.' }),
    mk('Vitamina + Iron', { usage: 'A vitamina supplement.' }),
    mk('Goutex', { usage: 'Goutex treats gout and prevents gout flares.' }),
    ...FILLER,
  ]);
  assert.equal(idx.search('statin').results[0]?.slug, 'atorvastatin', 'in two combinations, two brands, named by other pages');
  assert.equal(idx.search('gout').results[0]?.slug, 'goutex');
  idx.close();
});

// ---------------------------------------------------------------------------------------------
// abbreviations and the merge

const TABLE = abbreviationTable({
  groups: [
    { abbr: 'MS', expansions: ['multiple sclerosis'], source: 'test' },
    { abbr: 'ACE', expansions: ['angiotensin-converting enzyme'], source: 'test' },
  ],
});

test('alternatives of a query: the whole abbreviation, or one inside a longer query when typed in capitals', () => {
  assert.deepEqual(alternativesOf(TABLE, 'ms'), ['multiple sclerosis']);
  assert.deepEqual(alternativesOf(TABLE, 'ACE inhibitor'), ['angiotensin-converting enzyme inhibitor']);
  assert.deepEqual(alternativesOf(TABLE, 'ace bandage'), [], 'lower case inside a longer query is a word');
  assert.deepEqual(alternativesOf(TABLE, 'gout'), []);
  assert.equal(isTypedAbbreviation(TABLE, 'MS'), true);
  assert.equal(isTypedAbbreviation(TABLE, 'ms'), false);
  assert.equal(isTypedAbbreviation(TABLE, 'MSM'), false);
});

test('merge: for an abbreviation typed as one, names that only start with it rank below the text', () => {
  const nm = (slug: string, how: NameMatch['how']): NameMatch =>
    ({ item: { u: `/composition/${slug}/`, k: 'composition', n: [slug], b: 0 }, slug, kind: 'composition', title: slug, url: `/composition/${slug}/`, banned: false, matched: slug, score: 1, how }) as NameMatch;
  const text: TextHit[] = [{ slug: 'phrasimab', kind: 'composition', title: 'Phrasimab', url: '/composition/phrasimab/', banned: false, matched: 'usage', snippet: '' }];
  const names: NamesLookup = { results: [nm('ms-exact', 'exact'), nm('msm', 'word-prefix')], didYouMean: null };
  assert.deepEqual(mergeTiers({ names, text, limit: 5 }).results.map((h) => h.slug), ['ms-exact', 'msm', 'phrasimab']);
  const first = mergeTiers({ names, text, limit: 5, textFirst: true }).results;
  assert.deepEqual(first.map((h) => h.slug), ['ms-exact', 'phrasimab', 'msm'], 'an exact name still first');
  for (let i = 1; i < first.length; i++) assert.ok(first[i - 1]!.score >= first[i]!.score);
});

test('site search: "MS" finds the pages about multiple sclerosis above a name merely starting with MS', () => {
  const site = join(dir, 'site');
  mkdirSync(join(site, 'search'), { recursive: true });
  const catalog = buildCatalog([mk('Phrasimab', { usage: 'Phrasimab treats relapsing multiple sclerosis (MS).' }), mk('Methylsulfonylmethane', { usage: 'A joint supplement.', alternate: ['- **Brand Names:** MSM Forte'] })]);
  writeFileSync(join(site, 'search', 'names.json'), JSON.stringify(buildNamesIndex(catalog, { synonyms: { groups: [] } })));
  writeFulltextIndex(catalog, join(site, 'search', 'fulltext.db'));
  const s = openSiteSearch(site, { abbreviations: TABLE });
  assert.deepEqual(s.search('MS').results.map((h) => h.slug), ['phrasimab', 'methylsulfonylmethane']);
  assert.equal(s.search('ms').results[0]?.slug, 'methylsulfonylmethane', 'typed in lower case, the name that starts with it first');
  s.close();
});

test('site search: the text tier makes hits only for the slots the names leave; the page is the same as merging all its hits', () => {
  const site = join(dir, 'site-slots');
  mkdirSync(join(site, 'search'), { recursive: true });
  const catalog = buildCatalog([
    ...loadDir(SAMPLE_DIR),
    mk('Phrasimab', { usage: 'Phrasimab treats relapsing multiple sclerosis (MS) and fever.' }),
    mk('Phrasimab + Paracetamol', { usage: 'For fever and pain in multiple sclerosis.' }),
    mk('Methylsulfonylmethane', { usage: 'A joint supplement for pain.', alternate: ['- **Brand Names:** MSM Forte, Paracip'] }),
  ]);
  const namesIndex = buildNamesIndex(catalog, { synonyms: { groups: [{ names: ['paracetamol', 'acetaminophen'], source: 'INN/USAN' }] } });
  writeFileSync(join(site, 'search', 'names.json'), JSON.stringify(namesIndex));
  writeFulltextIndex(catalog, join(site, 'search', 'fulltext.db'));
  const s = openSiteSearch(site, { abbreviations: TABLE, cacheEntries: 0 });
  const opened = openFulltextIndex(join(site, 'search', 'fulltext.db'));
  if ('problem' in opened) throw new Error(opened.problem);
  const queries = ['paracetamol', 'paracet', 'acetaminophen', 'fever', 'pain', 'MS', 'phrasimab', 'phrasimab paracetamol', 'paracetmol', 'multiple sclerosis', 'campath', 'a', 'xyzzy'];
  let narrowed = 0;
  for (const q of queries) {
    for (const [limit, options] of [[3, {}], [10, {}], [5, { kind: 'combination' as const }], [4, { banned: false }]] as const) {
      const got = s.search(q, { ...options, limit });
      // Reference: the text tier's whole page of `limit` hits, merged with the names.
      const keep = (h: { kind: Kind; banned: boolean }): boolean => (options.kind === undefined || h.kind === options.kind) && (options.banned === undefined || h.banned === options.banned);
      const filtered = options.kind !== undefined || options.banned !== undefined;
      const lookup = lookupNames(namesIndex, q, { limit: filtered ? limit * 5 : limit });
      const names = { ...lookup, results: lookup.results.filter(keep) };
      const all = opened.search(q, { ...options, limit, alternatives: alternativesOf(TABLE, q) });
      const want = mergeTiers({ names, text: all.results, limit, textFirst: isTypedAbbreviation(TABLE, q) });
      // (Scores fall with the position within a tier's hits, so they differ when fewer text hits are made.)
      const view = ({ score: _, ...h }: { score: number }): object => h;
      assert.deepEqual(got.results.map(view), want.results.map(view), `${q} ${limit} ${JSON.stringify(options)}`);
      assert.equal(got.didYouMean, want.didYouMean);
      const textUrls = new Set(all.results.map((h) => h.url));
      assert.equal(got.total, all.total + names.results.filter((r) => !textUrls.has(r.url)).length, 'names not among the text tier\'s page add to its total');
      if (got.results.filter((h) => h.how === 'text').length < all.results.length) narrowed++;
    }
  }
  assert.ok(narrowed > 5, `the names left fewer slots than the text had hits in ${narrowed} cases`);
  opened.close();
  s.close();
});

// ---------------------------------------------------------------------------------------------
// brands several pages list

function names(pages: Monograph[]): (q: string) => NamesLookup {
  const index = buildNamesIndex(buildCatalog(pages), { synonyms: { groups: [{ names: ['colecalciferol', 'cholecalciferol'], source: 'INN/BAN' }] } });
  return (q) => lookupNames(index, q);
}
const brands = (list: string): string[] => [`- **Brand Names:** ${list}`];

test('a brand a combination borrowed from its ingredient stays the ingredient\'s (exact and typo)', () => {
  const find = names([
    mk('Metformin', { usage: 'For type 2 diabetes.', alternate: brands('Glucophage, Glumetza') }),
    mk('Atorvastatin', { usage: 'For high cholesterol.', alternate: brands('Lipitor') }),
    mk('Atorvastatin + Metformin', { usage: 'For diabetes with high cholesterol.', alternate: brands('Lipitor, Glucophage') }),
    mk('Fenofibrate + Metformin', { usage: 'For diabetes with high triglycerides.', alternate: brands('Glucophage') }),
  ]);
  assert.deepEqual(find('glucophage').results.map((r) => r.slug), ['metformin']);
  assert.deepEqual(find('lipitor').results.map((r) => r.slug), ['atorvastatin']);
  const typo = find('glucofage');
  assert.equal(typo.results[0]?.slug, 'metformin');
  assert.equal(typo.didYouMean, 'Glucophage');
});

test("a combination's brand listed by its ingredient pages belongs to the combination", () => {
  const find = names([
    // Both ingredient pages list the combination's brands.
    mk('Piperacillin', { usage: 'An antibiotic.', alternate: brands('Tazocin, Zosyn') }),
    mk('Tazobactam', { usage: 'A beta-lactamase inhibitor.', alternate: brands('Tazocin') }),
    mk('Piperacillin + Tazobactam', { usage: 'For severe infections.', alternate: brands('Tazocin, Zosyn') }),
    mk('Pentazocine', { usage: 'An opioid analgesic.', alternate: brands('Talwin') }),
    // One ingredient page lists the combination's brand and names its other ingredient.
    mk('Sacubitril', { usage: 'Given only with valsartan.', alternate: ['- **International Nonproprietary Name (INN):** Sacubitril/valsartan', '- **Brand Names:** Entresto, Vymada'] }),
    mk('Valsartan', { usage: 'For hypertension.', alternate: brands('Diovan') }),
    mk('Sacubitril + Valsartan', { usage: 'For heart failure.', alternate: brands('Entresto, Entresto Sprinkle') }),
  ]);
  assert.deepEqual(find('tazocin').results.map((r) => r.slug), ['piperacillin-tazobactam']);
  assert.deepEqual(find('entresto').results.map((r) => r.slug), ['sacubitril-valsartan']);
  assert.deepEqual(find('vymada').results.map((r) => r.slug), ['sacubitril'], 'a brand only the one-drug page lists stays there');
  assert.equal(find('diovan').results[0]?.slug, 'valsartan');
});

test("a combination's brand that its ingredient's Alternate Names text has (but the brand list missed) is that ingredient's", () => {
  const find = names([
    mk('Pantoprazole', { usage: 'For acid reflux.', alternate: ["While pantoprazole is the generic name, it's marketed under various brand names, including **Protonix, Pantoloc**."] }),
    mk('Amitriptyline', { usage: 'For depression.', alternate: brands('Elavil') }),
    mk('Amitriptyline + Pantoprazole', { usage: 'For functional dyspepsia.', alternate: brands('Elavil, Protonix') }),
  ]);
  assert.deepEqual(find('protonix').results.map((r) => r.slug), ['pantoprazole']);
});

test('a list left in one name is split; a title with a parenthesis is found by its name without it', () => {
  assert.deepEqual(splitListedNames('Sustanon 250, Sustanon 100'), ['Sustanon 250', 'Sustanon 100']);
  assert.deepEqual(splitListedNames('Coartem , Riamet'), ['Coartem', 'Riamet']);
  assert.deepEqual(splitListedNames('Peroxide, benzoyl'), ['Peroxide, benzoyl'], 'a part in lower case: one name written backwards');
  assert.deepEqual(splitListedNames('Alumina, magnesia (oral)'), ['Alumina, magnesia (oral)']);
  assert.deepEqual(splitListedNames('Paracetamol + Caffeine, Forte'), ['Paracetamol + Caffeine, Forte']);
  const find = names([
    mk('Cholecalciferol (Vitamin D3)', { usage: 'For vitamin D deficiency.' }),
    mk('Testosterone Blend', { usage: 'For hypogonadism.', alternate: ['- **Brand Names:** Sustanon 250, Sustanon 100'] }),
  ]);
  const syn = find('colecalciferol').results[0];
  assert.equal(syn?.slug, 'cholecalciferol-vitamin-d3');
  assert.equal(syn?.how, 'synonym');
  assert.equal(find('sustanon 100').results[0]?.how, 'exact');
});

test('brandOwnership on its own: what moves, what is added', () => {
  const catalog: Catalog = buildCatalog([
    mk('Metformin', { usage: 'x', alternate: brands('Glucophage') }),
    mk('Atorvastatin + Metformin', { usage: 'x', alternate: brands('Glucophage') }),
  ]);
  const owners = brandOwnership(catalog.entries);
  const combo = catalog.entries.findIndex((e) => e.monograph.kind === 'combination');
  assert.deepEqual([...(owners.drop.get(combo) ?? [])], ['glucophage']);
  assert.equal(owners.add.size, 0);
});
