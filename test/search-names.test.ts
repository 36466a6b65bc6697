import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  buildNamesIndex,
  normalizeName,
  parseNamesIndex,
  searchNames,
  NAMES_INDEX_VERSION,
  type NamesIndex,
  type NamesItem,
  type NameMatch,
} from '../src/search/index.js';
import type { Catalog } from '../src/catalog/types.js';
import { entryKey } from '../src/catalog/types.js';
import { pagePath, type CatalogEntry, type Kind, type Monograph } from '../src/model/index.js';

// ---------------------------------------------------------------------------------------------
// fixtures

interface Names {
  title: string;
  kind?: Kind;
  slug?: string;
  genericName?: string | null;
  brandNames?: string[];
  synonyms?: string[];
  ingredients?: string[];
  aliases?: string[];
  banned?: boolean;
}

function entry(names: Names): CatalogEntry {
  const kind = names.kind ?? 'composition';
  const slug = names.slug ?? normalizeName(names.title).replace(/ /g, '-');
  const monograph: Monograph = {
    slug,
    kind,
    title: names.title,
    genericName: names.genericName ?? null,
    brandNames: names.brandNames ?? [],
    synonyms: names.synonyms ?? [],
    ingredients: names.ingredients ?? [],
    description: { text: '', origin: 'none', original: null },
    drugClass: null,
    isBanned: names.banned ?? false,
    lastModified: null,
    notAProduct: null,
    product: null,
    sections: [],
    perIngredient: [],
    faqs: [],
    sources: [],
    alternates: [],
    aliases: names.aliases ?? [],
    extra: {},
  };
  return {
    monograph,
    url: pagePath(kind, slug),
    links: { ingredients: [], combinations: [], brands: [], generic: null },
    banned: { value: names.banned ?? false, from: 'self' },
  };
}

function catalog(list: Names[]): Catalog {
  const entries = list.map(entry);
  return {
    entries,
    byKey: new Map(entries.map((e) => [entryKey(e.monograph.kind, e.monograph.slug), e])),
    redirects: new Map(),
    diagnostics: [],
  };
}

const CATALOG = catalog([
  { title: 'Alemtuzumab', genericName: 'Alemtuzumab', brandNames: ['Campath', 'Lemtrada', 'Alzumab-L™'] },
  { title: 'Paracetamol', synonyms: ['Acétaminophène', 'Acetaminophen'], brandNames: ['Crocin', 'Calpol'] },
  { title: "Ringer's Lactate", slug: 'ringer-s-lactate', aliases: ["ringer's-lactate"] },
  { title: 'Paracetamol + Caffeine', kind: 'combination', ingredients: ['Paracetamol', 'Caffeine'] },
  { title: 'Nimesulide + Paracetamol', kind: 'combination', ingredients: ['Nimesulide', 'Paracetamol'], banned: true },
  { title: 'Crocin 650', kind: 'medicine', slug: 'crocin-650' },
]);
const INDEX = buildNamesIndex(CATALOG);

// ---------------------------------------------------------------------------------------------
// normalizeName

test('normalizeName folds accents, case, trademarks and punctuation', () => {
  assert.equal(normalizeName('Acétaminophène'), 'acetaminophene');
  assert.equal(normalizeName('ACETAMINOPHEN'), 'acetaminophen');
  assert.equal(normalizeName("Ringer's Lactate"), 'ringer s lactate');
  assert.equal(normalizeName('Ringer’s   Lactate'), 'ringer s lactate');
  assert.equal(normalizeName('Alzumab-L™'), 'alzumab l');
  assert.equal(normalizeName('Crocin® Advance©'), 'crocin advance');
  assert.equal(normalizeName('  Vitamin B12 (Cyanocobalamin), 500mcg '), 'vitamin b12 cyanocobalamin 500mcg');
  assert.equal(normalizeName('Ｃａｍｐａｔｈ'), 'campath'); // full-width, via NFKD
  assert.equal(normalizeName('Ærius'), 'rius'); // Æ has no decomposition: it is a separator
  assert.equal(normalizeName(''), '');
  assert.equal(normalizeName(' \t\n'), '');
  assert.equal(normalizeName('™®©'), '');
});

test('normalizeName: twice is once, and the output uses only [a-z0-9] and single inner spaces', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
      const once = normalizeName(s);
      assert.equal(normalizeName(once), once);
      assert.match(once, /^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/);
    }),
  );
});

// ---------------------------------------------------------------------------------------------
// buildNamesIndex

test('buildNamesIndex: one item per entry with deduplicated names and parallel display names', () => {
  assert.equal(INDEX.v, NAMES_INDEX_VERSION);
  assert.equal(INDEX.items.length, CATALOG.entries.length);
  const alemtuzumab = INDEX.items[0]!;
  assert.deepEqual(alemtuzumab, {
    t: 'Alemtuzumab',
    u: '/composition/alemtuzumab/',
    k: 'composition',
    n: ['alemtuzumab', 'campath', 'lemtrada', 'alzumab l'],
    d: ['Alemtuzumab', 'Campath', 'Lemtrada', 'Alzumab-L™'],
    b: 0,
  });
  const ringer = INDEX.items.find((i) => i.t === "Ringer's Lactate")!;
  assert.deepEqual(ringer.n, ['ringer s lactate']); // the alias slug normalizes to the title
  const banned = INDEX.items.find((i) => i.t === 'Nimesulide + Paracetamol')!;
  assert.equal(banned.b, 1);
  assert.equal(banned.u, '/composition/combination/nimesulide-paracetamol/');
  assert.deepEqual(banned.n, ['nimesulide paracetamol', 'nimesulide', 'paracetamol']);
});

test('the index survives JSON serialization unchanged and parses back', () => {
  const text = JSON.stringify(INDEX);
  const back: unknown = JSON.parse(text);
  assert.deepEqual(back, INDEX);
  const parsed = parseNamesIndex(back);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.index, INDEX);
  assert.deepEqual(searchNames(parsed.index, 'campath'), searchNames(INDEX, 'campath'));
});

test('parseNamesIndex returns problems as data', () => {
  assert.deepEqual(parseNamesIndex({ v: 2, items: [] }), {
    ok: false,
    message: 'names index has version 2, this engine reads version 1; rebuild the site',
  });
  const bad = parseNamesIndex({ v: 1, items: [{ t: 'x' }] });
  assert.equal(bad.ok, false);
  assert.ok(!bad.ok && bad.message.startsWith('names index is malformed: '));
  // The browser format without display names still loads.
  const lean = parseNamesIndex({ v: 1, items: [{ t: 'A', u: '/a/', k: 'medicine', n: ['a'], b: 0 }] });
  assert.ok(lean.ok);
  assert.equal(searchNames(lean.index, 'A')[0]?.matched, 'a');
});

// ---------------------------------------------------------------------------------------------
// searchNames

const summary = (ms: NameMatch[]) => ms.map((m) => [m.item.t, m.matched, m.how]);

test('a brand name finds its generic, reporting the brand as written', () => {
  const [first, ...rest] = searchNames(INDEX, 'campath');
  assert.equal(rest.length, 0);
  assert.equal(first?.item.t, 'Alemtuzumab');
  assert.equal(first?.matched, 'Campath');
  assert.equal(first?.how, 'exact');
  assert.equal(searchNames(INDEX, '  CAMPATH ')[0]?.matched, 'Campath');
  assert.equal(searchNames(INDEX, 'alzumab-l')[0]?.matched, 'Alzumab-L™');
});

test('matching is accent-insensitive in both directions', () => {
  assert.deepEqual(summary(searchNames(INDEX, 'acetaminophene')), [['Paracetamol', 'Acétaminophène', 'exact']]);
  assert.deepEqual(summary(searchNames(INDEX, 'Acétaminophen')), [['Paracetamol', 'Acetaminophen', 'exact']]);
});

test('exact before prefix before word-prefix; ties by shorter name, title match, then title', () => {
  assert.deepEqual(summary(searchNames(INDEX, 'paracetamol')), [
    ['Paracetamol', 'Paracetamol', 'exact'],
    ['Nimesulide + Paracetamol', 'Paracetamol', 'exact'], // ingredient name, then by title
    ['Paracetamol + Caffeine', 'Paracetamol', 'exact'],
  ]);
  assert.deepEqual(summary(searchNames(INDEX, 'lact')), [["Ringer's Lactate", "Ringer's Lactate", 'word-prefix']]);
  assert.deepEqual(summary(searchNames(INDEX, 'cro')), [
    ['Paracetamol', 'Crocin', 'prefix'],
    ['Crocin 650', 'Crocin 650', 'prefix'],
  ]);
  assert.deepEqual(summary(searchNames(INDEX, 'ringer s')), [["Ringer's Lactate", "Ringer's Lactate", 'prefix']]);
  assert.deepEqual(summary(searchNames(INDEX, "ringer's l")), [["Ringer's Lactate", "Ringer's Lactate", 'prefix']]);
});

test('empty, blank, punctuation-only and over-long queries', () => {
  assert.deepEqual(searchNames(INDEX, ''), []);
  assert.deepEqual(searchNames(INDEX, '   \t'), []);
  assert.deepEqual(searchNames(INDEX, '™ - !'), []);
  assert.deepEqual(searchNames(INDEX, 'campath', 0), []);
  assert.equal(searchNames(INDEX, 'paracetamol', 2).length, 2);
  // Only the first 200 characters count.
  assert.equal(searchNames(INDEX, 'campath' + ' '.repeat(193) + 'zzz')[0]?.matched, 'Campath');
  assert.deepEqual(searchNames(INDEX, 'x'.repeat(10_000)), []);
});

// ---------------------------------------------------------------------------------------------
// property: the index agrees with a linear scan

const RANK = { exact: 3, prefix: 2, 'word-prefix': 1 } as const;

/** The obvious implementation: look at every name of every item. */
function naiveSearch(index: NamesIndex, query: string, limit = 20): { u: string; how: string; matched: string }[] {
  const q = normalizeName(query.slice(0, 200));
  if (q === '') return [];
  const found: { item: NamesItem; how: keyof typeof RANK; len: number; name: number }[] = [];
  for (const item of index.items) {
    let best: (typeof found)[number] | undefined;
    item.n.forEach((n, name) => {
      const how = n === q ? 'exact' : n.startsWith(q) ? 'prefix' : (' ' + n).includes(' ' + q) ? 'word-prefix' : null;
      if (how === null) return;
      const better =
        best === undefined || RANK[how] > RANK[best.how] || (RANK[how] === RANK[best.how] && n.length < best.len);
      if (better) best = { item, how, len: n.length, name };
    });
    if (best) found.push(best);
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const onTitle = (f: (typeof found)[number]) => (f.name === 0 ? 0 : 1);
  found.sort(
    (a, b) =>
      RANK[b.how] - RANK[a.how] ||
      a.len - b.len ||
      onTitle(a) - onTitle(b) ||
      cmp(a.item.t, b.item.t) ||
      cmp(a.item.u, b.item.u),
  );
  return found.slice(0, limit).map((f) => ({ u: f.item.u, how: f.how, matched: f.item.d?.[f.name] ?? '' }));
}

// Small alphabets so that random names and queries collide often.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'É', 'é'), minLength: 1, maxLength: 3 });
const name = fc.array(word, { minLength: 1, maxLength: 3 }).chain((ws) =>
  fc.constantFrom(' ', '-', "'", ' + ').map((sep) => ws.join(sep)),
);
const corpus = fc.uniqueArray(
  fc.record({ title: name, brandNames: fc.array(name, { maxLength: 3 }), synonyms: fc.array(name, { maxLength: 2 }) }),
  { minLength: 0, maxLength: 12, selector: (r) => normalizeName(r.title) },
);
const query = fc.oneof(name, word, fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'c'), maxLength: 5 }));

test('property: searchNames returns what a linear scan returns, in the same order', () => {
  fc.assert(
    fc.property(corpus, query, fc.integer({ min: 1, max: 30 }), (list, q, limit) => {
      const index = buildNamesIndex(catalog(list.map((r, i) => ({ ...r, slug: `p${i}` }))));
      const got = searchNames(index, q, limit).map((m) => ({ u: m.item.u, how: m.how, matched: m.matched }));
      assert.deepEqual(got, naiveSearch(index, q, limit));
      // And the result set without a limit is the set of items with any matching name.
      const all = new Set(searchNames(index, q, 1000).map((m) => m.item.u));
      const scan = new Set(naiveSearch(index, q, 1000).map((m) => m.u));
      assert.deepEqual(all, scan);
    }),
    { numRuns: 500 },
  );
});

test('property: serialize → parse round-trip keeps the index and its answers', () => {
  fc.assert(
    fc.property(corpus, query, (list, q) => {
      const index = buildNamesIndex(catalog(list.map((r, i) => ({ ...r, slug: `p${i}` }))));
      const back: unknown = JSON.parse(JSON.stringify(index));
      assert.deepEqual(back, index);
      const parsed = parseNamesIndex(back);
      assert.ok(parsed.ok);
      assert.deepEqual(searchNames(parsed.index, q), searchNames(index, q));
    }),
    { numRuns: 200 },
  );
});

test('the search module exports exactly its public API', async () => {
  const mod = await import('../src/search/index.js');
  assert.deepEqual(Object.keys(mod).sort(), [
    'DEFAULT_SEARCH_LIMIT',
    'MAX_QUERY_LENGTH',
    'NAMES_INDEX_VERSION',
    'NamesIndexSchema',
    'NamesItemSchema',
    'buildNamesIndex',
    'emptyNamesIndex',
    'normalizeName',
    'parseNamesIndex',
    'searchNames',
    'toResultView',
  ]);
});
