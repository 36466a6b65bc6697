import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildCatalog, entryKey, type Catalog } from '../src/catalog/index.js';
import { CatalogEntrySchema, type CatalogEntry, type Monograph } from '../src/model/index.js';
import { sitePages } from '../src/site/index.js';
import { caseNamed } from './helpers/cases.js';
import { normalizeCase } from './helpers/fixtures.js';
import { loadDir, minimal, mono, rich, SAMPLE_DIR } from './helpers/monographs.js';

const get = (cat: Catalog, kind: Monograph['kind'], slug: string): CatalogEntry => {
  const e = cat.byKey.get(entryKey(kind, slug));
  assert.ok(e, `no ${kind} "${slug}" in the catalog: ${[...cat.byKey.keys()].join(', ')}`);
  return e;
};

const seed = (name: string): Monograph => normalizeCase(caseNamed(name)).monograph!;

test('the same drug from two sources is one entry: richer primary, the other an alternate kept as written', () => {
  const astro = seed('seed-alemtuzumab');
  const jekyll = mono('rxhive-jekyll/composition/a/alemtuzumab.md', minimal('Alemtuzumab'));
  for (const input of [[astro, jekyll], [jekyll, astro]]) {
    const cat = buildCatalog(input);
    assert.equal(cat.entries.length, 1, 'merged into one entry, whatever the input order');
    const e = get(cat, 'composition', 'alemtuzumab');
    const m = e.monograph;
    assert.equal(m.sources[0]!.file, 'rxhive-astro/compositions/alemtuzumab.md', 'the richer (Astro) source is primary');
    assert.deepEqual(m.sources.map((s) => [s.file, s.role, s.format]), [
      ['rxhive-astro/compositions/alemtuzumab.md', 'primary', 'rich'],
      ['rxhive-jekyll/composition/a/alemtuzumab.md', 'alternate', 'minimal'],
    ]);
    assert.equal(m.alternates.length, 1);
    const alt = m.alternates[0]!;
    assert.equal(alt.source.file, 'rxhive-jekyll/composition/a/alemtuzumab.md');
    assert.equal(alt.source.role, 'alternate');
    assert.deepEqual(alt.sections.map((s) => s.id), ['generic-name', 'overview']);
    // primary content is untouched
    assert.deepEqual(m.sections, astro.sections);
    assert.deepEqual(m.brandNames, ['Campath', 'Lemtrada']);
    assert.deepEqual(cat.diagnostics, [
      {
        code: 'duplicate-source',
        severity: 'info',
        message: '"Alemtuzumab" is also in rxhive-astro/compositions/alemtuzumab.md; that richer source is shown first and this one is kept as an alternate.',
        hint: 'The same drug exists in two sources; the richer one is shown first and the other is kept as an alternate.',
        file: 'rxhive-jekyll/composition/a/alemtuzumab.md',
        line: 1,
        column: 1,
      },
    ]);
    CatalogEntrySchema.parse(e);
  }
});

test('the merged page keeps every element id unique, alternates included', () => {
  const a = seed('seed-itolizumab');
  const b = mono(
    'rxhive-jekyll/composition/i/itolizumab.md',
    '---\nlayout: minimal-medicine\ntitle: Itolizumab\n---\n\n# Itolizumab\n### Dosage\n#### Adults\nGiven as an infusion.\n',
  );
  const catalog = buildCatalog([a, b]);
  const m = catalog.entries[0]!.monograph;
  // the alternate repeats the primary's heading ids (dosage, dosage-adults) …
  assert.ok(m.alternates[0]!.sections.some((s) => s.id === 'dosage' && s.html.includes('id="dosage-adults"')));
  // … and the page renames them
  const page = sitePages(catalog, { siteUrl: null, siteName: 'Formulary', adSlots: {}, builtAt: '2026-01-01T00:00:00.000Z' }).find((p) => p.path === 'composition/itolizumab/index.html')!;
  const html = page.render();
  const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((x) => x[1]!);
  assert.ok(ids.includes('dosage-adults'));
  assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.filter((x, i) => ids.indexOf(x) !== i).join(', ')}`);
});

test('a richer Jekyll page wins over a poorer Astro one; the banned flag of any source is kept', () => {
  const astro = mono('rxhive-astro/compositions/zoraltinib.md', rich('Zoraltinib', { banned: true }), 'composition');
  const jekyll = mono('rxhive-jekyll/composition/z/zoraltinib.md', minimal('Zoraltinib').replace('### Usage', '### Dosage\nOnce daily.\n\n### Side Effects\n* Headache\n\n### Usage'));
  const cat = buildCatalog([astro, jekyll]);
  const e = get(cat, 'composition', 'zoraltinib');
  assert.equal(e.monograph.sources[0]!.file, 'rxhive-jekyll/composition/z/zoraltinib.md');
  assert.equal(e.monograph.isBanned, true);
  assert.deepEqual(e.banned, { value: true, from: 'self', registry: null });
});

test('combinations written in another order are the same combination; the other slug becomes an alias', () => {
  const ab = mono('rxhive-astro/combinations/acebrophylline-acetylcysteine.md', rich('Acebrophylline + Acetylcysteine', { sections: ['Dosage'] }), 'combination');
  const ba = mono('rxhive-jekyll/composition/a/acetylcysteine-acebrophylline.md', minimal('Acetylcysteine + Acebrophylline'));
  const cat = buildCatalog([ab, ba]);
  const combos = cat.entries.filter((e) => e.monograph.kind === 'combination');
  assert.equal(combos.length, 1);
  const m = combos[0]!.monograph;
  assert.equal(m.slug, 'acebrophylline-acetylcysteine');
  assert.deepEqual(m.aliases, ['acetylcysteine-acebrophylline']);
  assert.equal(cat.redirects.get('/composition/combination/acetylcysteine-acebrophylline/'), '/composition/combination/acebrophylline-acetylcysteine/');
});

test('combination ingredients link to compositions across spellings (Amoxycillin ~ amoxicillin, Vitamin D3 ~ vitamind3)', () => {
  const amox = mono('rxhive-astro/compositions/amoxycillin.md', rich('Amoxycillin'), 'composition');
  const d3 = mono('rxhive-astro/compositions/vitamin-d3.md', rich('Vitamin D3'), 'composition');
  const omeprazole = mono('rxhive-astro/compositions/omeprazole.md', rich('Omeprazole'), 'composition');
  const triple = mono('rxhive-jekyll/composition/o/omeprazole-amoxicillin-rifabutin.md', minimal('Omeprazole + Amoxicillin + Rifabutin'));
  const calcium = mono('rxhive-astro/combinations/calcium-vitamind3.md', rich('Calcium + Vitamind3'), 'combination');
  const linseed = mono('rxhive-astro/combinations/linseedoil-vitamind3.md', rich('Linseed Oil + VITAMIN D3'), 'combination');
  const cat = buildCatalog([amox, d3, omeprazole, triple, calcium, linseed]);

  const t = get(cat, 'combination', 'omeprazole-amoxicillin-rifabutin');
  assert.deepEqual(
    t.links.ingredients.map((i) => [i.name, i.link?.slug ?? null, i.link?.url ?? null]),
    [
      ['Omeprazole', 'omeprazole', '/composition/omeprazole/'],
      ['Amoxicillin', 'amoxycillin', '/composition/amoxycillin/'],
      ['Rifabutin', null, null],
    ],
  );
  assert.equal(get(cat, 'combination', 'calcium-vitamind3').links.ingredients[1]!.link?.slug, 'vitamin-d3');
  assert.equal(get(cat, 'combination', 'linseedoil-vitamind3').links.ingredients[1]!.link?.slug, 'vitamin-d3');

  // compositions list the combinations that contain them, sorted by title
  assert.deepEqual(get(cat, 'composition', 'vitamin-d3').links.combinations.map((l) => [l.title, l.url]), [
    ['Calcium + Vitamind3', '/composition/combination/calcium-vitamind3/'],
    ['Linseed Oil + VITAMIN D3', '/composition/combination/linseedoil-vitamind3/'],
  ]);
  assert.deepEqual(get(cat, 'composition', 'amoxycillin').links.combinations.map((l) => l.slug), ['omeprazole-amoxicillin-rifabutin']);

  // every ingredient without a page is one info diagnostic, none for the ones that resolved
  const unresolved = cat.diagnostics.filter((d) => d.code === 'link-unresolved-ingredient');
  assert.deepEqual(unresolved.map((d) => [d.severity, d.file, d.line, d.message]), [
    ['info', 'rxhive-jekyll/composition/o/omeprazole-amoxicillin-rifabutin.md', 1, 'The ingredient "Rifabutin" of "Omeprazole + Amoxicillin + Rifabutin" has no composition page.'],
    ['info', 'rxhive-astro/combinations/calcium-vitamind3.md', 1, 'The ingredient "Calcium" of "Calcium + Vitamind3" has no composition page.'],
    ['info', 'rxhive-astro/combinations/linseedoil-vitamind3.md', 1, 'The ingredient "Linseed Oil" of "Linseed Oil + VITAMIN D3" has no composition page.'],
  ]);
});

test('an ingredient resolves through a composition synonym, not only its title', () => {
  const para = mono('rxhive-astro/compositions/paracetamol.md', '---\ntitle: Paracetamol\n---\n## Usage\n\n- Pain relief.\n\n## Alternate Names\n\n- Also known as Acetaminophen.\n', 'composition');
  assert.deepEqual(para.synonyms, ['Acetaminophen']);
  const combo = mono('rxhive-jekyll/composition/a/acetaminophen-caffeine.md', minimal('Acetaminophen + Caffeine'));
  const cat = buildCatalog([para, combo]);
  assert.equal(get(cat, 'combination', 'acetaminophen-caffeine').links.ingredients[0]!.link?.slug, 'paracetamol');
});

test('sample content: brands link to their generic; a brand of a banned combination inherits banned.from', () => {
  const cat = buildCatalog(loadDir(SAMPLE_DIR));
  for (const e of cat.entries) CatalogEntrySchema.parse(e);
  const demoxin = get(cat, 'medicine', 'demoxin-plus');
  assert.deepEqual(demoxin.links.generic, { slug: 'exampleol-demoxin', title: 'Exampleol + Demoxin', kind: 'combination', url: '/composition/combination/exampleol-demoxin/' });
  assert.equal(demoxin.monograph.isBanned, false, 'the brand page itself says nothing about banned');
  assert.deepEqual(demoxin.banned, { value: true, from: 'exampleol-demoxin', registry: null });
  const combo = get(cat, 'combination', 'exampleol-demoxin');
  assert.deepEqual(combo.banned, { value: true, from: 'self', registry: null });
  assert.deepEqual(combo.links.brands.map((l) => l.slug), ['demoxin-plus']);
  // the brand shows its combination's ingredients
  assert.deepEqual(demoxin.links.ingredients, combo.links.ingredients);

  const crocin = get(cat, 'medicine', 'crocin-650');
  assert.equal(crocin.links.generic?.url, '/composition/paracetamol/');
  assert.deepEqual(crocin.banned, { value: false, from: 'self', registry: null });
  assert.deepEqual(crocin.links.ingredients.map((i) => [i.name, i.link?.slug]), [['Paracetamol', 'paracetamol']]);
  const para = get(cat, 'composition', 'paracetamol');
  assert.deepEqual(para.links.brands.map((l) => l.slug), ['crocin-650']);
  assert.deepEqual(para.links.combinations.map((l) => l.slug), ['paracetamol-caffeine']);
  // entries are sorted by title
  const titles = cat.entries.map((e) => e.monograph.title);
  assert.deepEqual(titles, [...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
});

test('brand slugs resolve through spelling variants (generic_slug: vitamind3 → Vitamin D3)', () => {
  const d3 = mono('rxhive-astro/compositions/vitamin-d3.md', rich('Vitamin D3'), 'composition');
  const brand = mono('rxhive-astro/medicines/d-rise-60k.md', '---\ntitle: D-Rise 60K\ntype: single\ngeneric_slug: vitamind3\nmrp: 45\n---\nA brand of vitamin D3.\n', 'medicine');
  const cat = buildCatalog([d3, brand]);
  assert.equal(get(cat, 'medicine', 'd-rise-60k').links.generic?.slug, 'vitamin-d3');
  assert.deepEqual(cat.diagnostics, []);
});

test('unresolved brand links are diagnostics, never exceptions', () => {
  const missing = mono('rxhive-astro/medicines/ghost-500.md', '---\ntitle: Ghost 500\ntype: single\ngeneric_slug: ghostamol\n---\nA brand.\n', 'medicine');
  const none = mono('rxhive-astro/medicines/nameless.md', '---\ntitle: Nameless\ntype: single\ncompany: Nobody\n---\nA brand.\n', 'medicine');
  const cat = buildCatalog([missing, none]);
  assert.deepEqual(
    cat.diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.message]),
    [
      ['link-unresolved-generic', 'warning', 'rxhive-astro/medicines/ghost-500.md', 1, 'The brand "Ghost 500" names "ghostamol", which has no page.'],
      ['link-unresolved-generic', 'warning', 'rxhive-astro/medicines/nameless.md', 1, 'The brand "Nameless" names no generic (`generic_slug`) or combination (`combination_slug`).'],
    ],
  );
  assert.equal(get(cat, 'medicine', 'ghost-500').links.generic, null);
});

test('two different drugs with the same slug: slug-collision, the second published as <slug>-2', () => {
  const a = mono('rxhive-astro/combinations/x.md', rich('Alpha + Beta'), 'combination');
  const b = mono('rxhive-jekyll/composition/x/x.md', minimal('Gamma + Delta'));
  const cat = buildCatalog([a, b]);
  assert.deepEqual(cat.entries.map((e) => e.monograph.slug).sort(), ['x', 'x-2']);
  assert.deepEqual(
    cat.diagnostics.filter((d) => d.code === 'slug-collision').map((d) => [d.severity, d.file, d.message]),
    [['warning', 'rxhive-jekyll/composition/x/x.md', '"Gamma + Delta" and "Alpha + Beta" (rxhive-astro/combinations/x.md) have the same URL slug "x"; this one is published as "x-2".']],
  );
  assert.ok(get(cat, 'combination', 'x-2'));
});

test("unsafe file names redirect: ringer's-lactate → ringers-lactate", () => {
  const m = normalizeCase(caseNamed('ringers-lactate-file-name')).monograph!;
  const cat = buildCatalog([m]);
  assert.deepEqual([...cat.redirects], [["/composition/ringer's-lactate/", '/composition/ringers-lactate/']]);
});

test('the seeds are five separate entries with no link diagnostics', () => {
  const names = ['seed-itolizumab', 'seed-inotuzumab-ozogamicin', 'seed-ibalizumab', 'seed-alemtuzumab', 'seed-isatuximab'];
  const cat = buildCatalog(names.map(seed));
  assert.deepEqual(cat.entries.map((e) => e.url), [
    '/composition/alemtuzumab/',
    '/composition/ibalizumab/',
    '/composition/inotuzumab-ozogamicin/',
    '/composition/isatuximab/',
    '/composition/itolizumab/',
  ]);
  assert.deepEqual(cat.diagnostics, []);
});

test('buildCatalog does not change its input, and its entries do not depend on the input order', () => {
  const input = [
    ...loadDir(SAMPLE_DIR),
    seed('seed-alemtuzumab'),
    mono('rxhive-jekyll/composition/a/alemtuzumab.md', minimal('Alemtuzumab')),
    mono('rxhive-jekyll/composition/c/caffeine-paracetamol.md', minimal('Caffeine + Paracetamol')),
    normalizeCase(caseNamed('ringers-lactate-file-name')).monograph!,
  ];
  const before = JSON.stringify(input);
  const reference = JSON.stringify(buildCatalog(input).entries);
  assert.equal(JSON.stringify(input), before, 'buildCatalog mutated a monograph');
  fc.assert(
    fc.property(fc.shuffledSubarray(input, { minLength: input.length, maxLength: input.length }), (order) => {
      assert.equal(JSON.stringify(buildCatalog(order).entries), reference);
    }),
    { numRuns: 50 },
  );
});
