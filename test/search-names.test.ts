import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  buildNamesIndex,
  emptyNamesIndex,
  lookupNames,
  normalizeName,
  parseNamesIndex,
  parseQuery,
  searchNames,
  toResultView,
  typoBudget,
  NAMES_INDEX_VERSION,
  type NamesIndex,
  type NameMatch,
  type Synonyms,
} from '../src/search/index.js';
import { itemIngredients } from '../src/search/names-format.js';
import { catalog, type Names } from './fixtures/search/catalog.js';

const NO_SYNONYMS: Synonyms = { groups: [] };
const index = (list: Names[], synonyms: Synonyms = NO_SYNONYMS): NamesIndex => buildNamesIndex(catalog(list), { synonyms });

const CATALOG = catalog([
  { title: 'Alemtuzumab', genericName: 'Alemtuzumab', brandNames: ['Campath', 'Lemtrada', 'Alzumab-L™'] },
  { title: 'Paracetamol', synonyms: ['Acétaminophène', 'Acetaminophen'], brandNames: ['Crocin', 'Calpol', 'Dolo 650'] },
  { title: "Ringer's Lactate", slug: 'ringer-s-lactate', aliases: ["ringer's-lactate"] },
  { title: 'Paracetamol + Caffeine', ingredients: ['Paracetamol', 'Caffeine'] },
  { title: 'Nimesulide + Paracetamol', banned: true },
  { title: 'Crocin 650', kind: 'medicine', slug: 'crocin-650' },
]);
const INDEX = buildNamesIndex(CATALOG, { synonyms: NO_SYNONYMS });

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
  assert.equal(normalizeName('Tab\tlet\n'), 'tab let');
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
// buildNamesIndex, serialization

test('buildNamesIndex: one item per entry, names as written with the title first', () => {
  assert.equal(INDEX.v, NAMES_INDEX_VERSION);
  assert.equal(INDEX.items.length, CATALOG.entries.length);
  assert.deepEqual(INDEX.items[0], {
    u: '/composition/alemtuzumab/',
    k: 'composition',
    b: 0,
    n: ['Alemtuzumab', 'Campath', 'Lemtrada', 'Alzumab-L™'],
  });
  const ringer = INDEX.items.find((i) => i.n[0] === "Ringer's Lactate")!;
  assert.deepEqual(ringer.n, ["Ringer's Lactate"]); // the alias slug normalizes to the title
  const banned = INDEX.items.find((i) => i.n[0] === 'Nimesulide + Paracetamol')!;
  assert.equal(banned.b, 1);
  assert.equal(banned.u, '/composition/combination/nimesulide-paracetamol/');
  assert.deepEqual(banned.n, ['Nimesulide + Paracetamol']); // ingredients are not names…
  assert.equal(banned.g, undefined); // …and the title's parts need not be repeated
  assert.deepEqual(itemIngredients(banned), ['Nimesulide', 'Paracetamol']);
});

test('buildNamesIndex keeps ingredients that differ from the title, and says when there are none', () => {
  const idx = index([
    { title: 'Co-amoxiclav', kind: 'combination', ingredients: ['Amoxicillin', 'Clavulanic Acid'] },
    { title: 'Mystery + Blend', ingredients: [] },
    { title: 'Antacids With Anti Spasmodics', kind: 'combination', ingredients: ['Antacids With Anti Spasmodics'] },
  ]);
  assert.deepEqual(idx.items[0]!.g, ['Amoxicillin', 'Clavulanic Acid']);
  assert.deepEqual(idx.items[1]!.g, []);
  assert.deepEqual(idx.items[2]!.g, undefined);
});

test('the index survives JSON serialization unchanged and parses back', () => {
  const back: unknown = JSON.parse(JSON.stringify(INDEX));
  assert.deepEqual(back, INDEX);
  const parsed = parseNamesIndex(back);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.index, INDEX);
  assert.deepEqual(searchNames(parsed.index, 'campath'), searchNames(INDEX, 'campath'));
  assert.deepEqual(emptyNamesIndex(), { v: NAMES_INDEX_VERSION, syn: [], items: [] });
});

test('parseNamesIndex returns problems as data; older versions are refused', () => {
  assert.deepEqual(parseNamesIndex({ v: 1, items: [] }), {
    ok: false,
    message: `names index has version 1, this engine reads version ${NAMES_INDEX_VERSION}; rebuild the site`,
  });
  const bad = parseNamesIndex({ v: NAMES_INDEX_VERSION, syn: [], items: [{ u: 'x' }] });
  assert.ok(!bad.ok && bad.message.startsWith('names index is malformed: '));
  const item = { u: '/a/', k: 'medicine', b: 0, n: ['A', 'B'] };
  const outOfRange = parseNamesIndex({ v: NAMES_INDEX_VERSION, syn: [], items: [{ ...item, y: [0] }] });
  assert.ok(!outOfRange.ok && outOfRange.message.includes('synonym group out of range'), JSON.stringify(outOfRange));
  const titleAsSynonym = parseNamesIndex({ v: NAMES_INDEX_VERSION, syn: [{ n: ['a', 'b'], s: 's' }], items: [{ ...item, y: [0, 0] }] });
  assert.ok(!titleAsSynonym.ok && titleAsSynonym.message.includes('more synonym names than names besides the title'));
  assert.ok(parseNamesIndex({ v: NAMES_INDEX_VERSION, syn: [{ n: ['a', 'b'], s: 's' }], items: [{ ...item, y: [0] }] }).ok);
});

// ---------------------------------------------------------------------------------------------
// names: exact, prefix, word prefix

const summary = (ms: NameMatch[]) => ms.map((m) => [m.title, m.matched, m.how]);

test('a brand name finds its generic, reporting the brand as written', () => {
  const [first, ...rest] = searchNames(INDEX, 'campath');
  assert.equal(rest.length, 0);
  assert.equal(first?.title, 'Alemtuzumab');
  assert.equal(first?.matched, 'Campath');
  assert.equal(first?.how, 'exact');
  assert.equal(searchNames(INDEX, '  CAMPATH ')[0]?.matched, 'Campath');
  assert.equal(searchNames(INDEX, 'alzumab-l')[0]?.matched, 'Alzumab-L™');
});

test('a result carries the fields of the CLI and API contract', () => {
  const [m] = searchNames(INDEX, 'nimesulide + paracetamol');
  assert.ok(m);
  assert.deepEqual(toResultView(m), {
    slug: 'nimesulide-paracetamol',
    kind: 'combination',
    title: 'Nimesulide + Paracetamol',
    url: '/composition/combination/nimesulide-paracetamol/',
    score: m.score,
    matched: 'Nimesulide + Paracetamol',
    how: 'exact',
    banned: true,
  });
  assert.ok(m.score > 4 && m.score <= 5);
  const typo = toResultView(searchNames(INDEX, 'campth')[0]!);
  assert.deepEqual([typo.how, typo.distance, typo.synonymSource], ['fuzzy', 1, undefined]);
});

test('matching is accent-insensitive in both directions', () => {
  assert.deepEqual(summary(searchNames(INDEX, 'acetaminophene')), [['Paracetamol', 'Acétaminophène', 'exact']]);
  assert.deepEqual(summary(searchNames(INDEX, 'Acétaminophen')), [['Paracetamol', 'Acetaminophen', 'exact']]);
});

test('exact before prefix before combinations containing the drug before word-prefix', () => {
  assert.deepEqual(summary(searchNames(INDEX, 'paracetamol')), [
    ['Paracetamol', 'Paracetamol', 'exact'],
    ['Paracetamol + Caffeine', 'Paracetamol + Caffeine', 'prefix'],
    ['Nimesulide + Paracetamol', 'Nimesulide + Paracetamol', 'contains'],
  ]);
  assert.deepEqual(summary(searchNames(INDEX, 'lact')), [["Ringer's Lactate", "Ringer's Lactate", 'word-prefix']]);
  assert.deepEqual(summary(searchNames(INDEX, 'cro')), [
    ['Crocin 650', 'Crocin 650', 'prefix'], // a page's own title before another page's (shorter) brand
    ['Paracetamol', 'Crocin', 'prefix'],
  ]);
  assert.deepEqual(summary(searchNames(INDEX, 'ringer s')), [["Ringer's Lactate", "Ringer's Lactate", 'prefix']]);
  assert.deepEqual(summary(searchNames(INDEX, "ringer's l")), [["Ringer's Lactate", "Ringer's Lactate", 'prefix']]);
  assert.deepEqual(summary(searchNames(INDEX, '650')), [
    ['Crocin 650', 'Crocin 650', 'word-prefix'], // titles first, then the shorter name
    ['Paracetamol', 'Dolo 650', 'word-prefix'],
  ]);
});

test('empty, blank, punctuation-only and over-long queries', () => {
  assert.deepEqual(searchNames(INDEX, ''), []);
  assert.deepEqual(searchNames(INDEX, '   \t'), []);
  assert.deepEqual(searchNames(INDEX, '™ - !'), []);
  assert.deepEqual(searchNames(INDEX, 'campath', 0), []);
  assert.deepEqual(lookupNames(INDEX, ''), { results: [], didYouMean: null });
  assert.equal(searchNames(INDEX, 'paracetamol', 2).length, 2);
  // Only the first 200 characters count.
  assert.equal(searchNames(INDEX, 'campath' + ' '.repeat(193) + 'zzz')[0]?.matched, 'Campath');
  assert.deepEqual(searchNames(INDEX, 'x'.repeat(10_000)), []);
  assert.deepEqual(searchNames(emptyNamesIndex(), 'campath'), []);
});

// ---------------------------------------------------------------------------------------------
// combinations in any order

const COMBOS = index([
  { title: 'Amoxicillin' },
  { title: 'Clavulanic Acid' },
  { title: 'Amoxicillin + Clavulanic Acid', brandNames: ['Augmentin'] },
  { title: 'Amoxicillin + Clavulanic Acid + Lactobacillus' },
  { title: 'Amlodipine' },
  { title: 'Telmisartan' },
  { title: 'Amlodipine + Telmisartan' },
  { title: 'Amlodipine + Hydrochlorothiazide + Telmisartan' },
  { title: 'Paracetamol' },
  { title: 'Caffeine' },
  { title: 'Paracetamol + Caffeine' },
  { title: 'Paracetamol + Caffeine + Phenylephrine' },
  { title: 'Caffeine Citrate' },
  { title: 'Insulin Glargine' },
  { title: 'Insulin Glargine + Lixisenatide' },
]);
const top = (q: string) => lookupNames(COMBOS, q).results[0];

test('a combination is found with its ingredients in any order and with any separator', () => {
  for (const q of [
    'clavulanic acid + amoxicillin',
    'Clavulanic Acid/Amoxicillin',
    'clavulanic acid, amoxicillin',
    'clavulanic acid & amoxicillin',
    'clavulanic acid and amoxicillin',
    'clavulanic acid with amoxicillin',
    'clavulanic acid amoxicillin',
    'amoxicillin clavulanic acid',
  ]) {
    const hit = top(q);
    assert.equal(hit?.title, 'Amoxicillin + Clavulanic Acid', q);
    assert.ok(hit?.how === 'combination' || hit?.how === 'exact', `${q}: ${hit?.how}`);
  }
  assert.deepEqual([top('caffeine paracetamol')?.title, top('caffeine paracetamol')?.how], ['Paracetamol + Caffeine', 'combination']);
  assert.deepEqual([top('telmisartan/amlodipine')?.title, top('telmisartan/amlodipine')?.how], ['Amlodipine + Telmisartan', 'combination']);
  assert.deepEqual([top('amlodipine/telmisartan')?.title, top('amlodipine/telmisartan')?.how], ['Amlodipine + Telmisartan', 'exact']);
});

test('a combination query ranks the exact combination, then those containing it, before single drugs', () => {
  assert.deepEqual(summary(lookupNames(COMBOS, 'telmisartan + amlodipine').results), [
    ['Amlodipine + Telmisartan', 'Amlodipine + Telmisartan', 'combination'],
    ['Amlodipine + Hydrochlorothiazide + Telmisartan', 'Amlodipine + Hydrochlorothiazide + Telmisartan', 'contains'],
  ]);
  // One drug named: its page, then names starting with it, then every combination containing it.
  assert.deepEqual(
    lookupNames(COMBOS, 'caffeine').results.map((m) => [m.title, m.how]),
    [
      ['Caffeine', 'exact'],
      ['Caffeine Citrate', 'prefix'],
      ['Paracetamol + Caffeine', 'contains'],
      ['Paracetamol + Caffeine + Phenylephrine', 'contains'],
    ],
  );
});

test('a multi-word drug is read as one drug when its name allows', () => {
  assert.deepEqual(
    lookupNames(COMBOS, 'insulin glargine').results.map((m) => [m.title, m.how]),
    [
      ['Insulin Glargine', 'exact'],
      ['Insulin Glargine + Lixisenatide', 'prefix'],
    ],
  );
  assert.deepEqual([top('lixisenatide insulin glargine')?.title, top('lixisenatide insulin glargine')?.how], ['Insulin Glargine + Lixisenatide', 'combination']);
});

test('splitting a query into drugs: fewest typos, then fewest drugs, then the longest first drug', () => {
  const idx = index([
    { title: 'Sodium' },
    { title: 'Chloride' },
    { title: 'Sodium Chlorite' },
    { title: 'Chloride + Sodium' },
    { title: 'Potassium Chloride' },
    { title: 'Chloride + Potassium' },
    { title: 'Complex + Vitamin B' },
    { title: 'B Complex + Vitamin' },
  ]);
  const first = (q: string) => {
    const m = lookupNames(idx, q).results[0];
    return [m?.title, m?.how];
  };
  // Two exact drugs beat one drug with a typo (sodium chlorite).
  assert.deepEqual(first('sodium chloride'), ['Chloride + Sodium', 'combination']);
  // A single drug's name is one drug, not two: no "Potassium + Chloride" for it.
  assert.deepEqual(
    lookupNames(idx, 'potassium chloride').results.map((m) => [m.title, m.how]),
    [['Potassium Chloride', 'exact']],
  );
  // With a separator they are two drugs (after the page whose name the query is, all the same).
  assert.deepEqual(
    lookupNames(idx, 'potassium, chloride').results.map((m) => [m.title, m.how]),
    [
      ['Potassium Chloride', 'exact'],
      ['Chloride + Potassium', 'combination'],
    ],
  );
  // Two ways to read three words as two drugs: the longer first drug wins.
  assert.deepEqual(first('vitamin b complex'), ['Complex + Vitamin B', 'combination']);
  // A drug with two typos is not cut into a drug plus a closer word.
  const long = index([
    { title: 'Chlorpheniramine Maleate' },
    { title: 'Chlorpheniramine' },
    { title: 'Maleate' },
    { title: 'Paracetamol + Chlorpheniramine Maleate' },
    { title: 'Maleate + Chlorpheniramine + Paracetamol' },
  ]);
  assert.deepEqual(
    lookupNames(long, 'chlorphenirameen maleate + paracetamol').results.map((m) => [m.title, m.how, m.distance]),
    [['Paracetamol + Chlorpheniramine Maleate', 'fuzzy', 2]],
  );
});

test('a drug with a typo is read as the closest name, then the one in more combinations, then by name', () => {
  const idx = index([
    { title: 'Abcdex + Qqqq' },
    { title: 'Abcdex + Rrrr + Qqqq' },
    { title: 'Abcdey + Qqqq' },
    { title: 'Abcdfz + Qqqq' },
    { title: 'Abcdfy + Qqqq' },
  ]);
  assert.deepEqual(
    lookupNames(idx, 'qqqq + abcdez').results.map((m) => m.title),
    ['Abcdex + Qqqq', 'Abcdex + Rrrr + Qqqq'],
  );
  assert.deepEqual(
    lookupNames(idx, 'qqqq + abcdfw').results.map((m) => m.title),
    ['Abcdfy + Qqqq'],
  );
});

test('combination ingredients may have typos: a fuzzy hit, offered as "did you mean"', () => {
  const r = lookupNames(COMBOS, 'clavulanic acid + amoxicilin');
  assert.equal(r.results[0]?.title, 'Amoxicillin + Clavulanic Acid');
  assert.equal(r.results[0]?.how, 'fuzzy');
  assert.equal(r.results[0]?.distance, 1);
  assert.equal(r.didYouMean, 'Amoxicillin + Clavulanic Acid');
  // A word that is no drug at all: no combination is guessed.
  assert.deepEqual(lookupNames(COMBOS, 'amoxicillin + zzzz').results, []);
});

// ---------------------------------------------------------------------------------------------
// typos

const TYPOS = index([
  { title: 'Paracetamol', brandNames: ['Dolo 650', 'Crocin'] },
  { title: 'Cetirizine' },
  { title: 'Ranitidine', brandNames: ['Zantac'] },
  { title: 'Zantacor', kind: 'medicine' },
  { title: 'Ibuprofen' },
  { title: 'Ice' },
]);

test('typos: 1 edit for 4–7 letters, 2 for 8 and more, none below 4', () => {
  const how = (q: string) => lookupNames(TYPOS, q).results.map((m) => [m.title, m.how, m.distance]);
  assert.deepEqual(how('paracetmol'), [['Paracetamol', 'fuzzy', 1]]);
  assert.deepEqual(how('parcetmol'), [['Paracetamol', 'fuzzy', 2]]); // 9 letters: 2 edits
  assert.deepEqual(how('prcetmol'), []); // 3 edits
  assert.deepEqual(how('cetrizine'), [['Cetirizine', 'fuzzy', 1]]);
  assert.deepEqual(how('ibuprofne'), [['Ibuprofen', 'fuzzy', 1]]); // a transposition is one edit
  assert.deepEqual(how('crocn'), [['Paracetamol', 'fuzzy', 1]]); // 5 letters: 1 edit
  assert.deepEqual(how('crcn'), []); // 4 letters, 2 edits
  assert.deepEqual(how('ics'), []); // below 4 letters: exact only
  assert.deepEqual(how('dolo 651'), []); // numbers must match exactly
  assert.deepEqual(how('dola 650'), [['Paracetamol', 'fuzzy', 1]]);
});

test('a fuzzy best hit is flagged as "did you mean", never the answer', () => {
  const r = lookupNames(TYPOS, 'ibuprofn');
  assert.equal(r.results[0]?.how, 'fuzzy');
  assert.equal(r.didYouMean, 'Ibuprofen');
  assert.equal(lookupNames(TYPOS, 'ibuprofen').didYouMean, null);
  assert.equal(lookupNames(TYPOS, 'nothing like it').didYouMean, null);
});

// ---------------------------------------------------------------------------------------------
// safety

test('safety: Tazocin never finds pentazocine', () => {
  const withBrand = index([
    { title: 'Piperacillin + Tazobactam', brandNames: ['Tazocin', 'Zosyn'] },
    { title: 'Pentazocine', brandNames: ['Fortwin', 'Talwin'] },
  ]);
  assert.deepEqual(summary(searchNames(withBrand, 'Tazocin')), [['Piperacillin + Tazobactam', 'Tazocin', 'exact']]);
  assert.deepEqual(summary(searchNames(withBrand, 'tazocine')), [['Piperacillin + Tazobactam', 'Tazocin', 'fuzzy']]);
  assert.equal(lookupNames(withBrand, 'tazocine').didYouMean, 'Tazocin');
  // Without the brand in the index, nothing: not a substring, not a near spelling.
  const without = index([{ title: 'Pentazocine', brandNames: ['Fortwin', 'Talwin'] }, { title: 'Piperacillin + Tazobactam' }]);
  assert.deepEqual(searchNames(without, 'Tazocin'), []);
  assert.deepEqual(searchNames(without, 'tazoc'), []);
  assert.deepEqual(searchNames(without, 'zocine'), []);
});

test('safety: a brand "Dolo" never finds bopindolol; matches inside a word are no hits', () => {
  const idx = index([
    { title: 'Paracetamol', brandNames: ['Dolo', 'Dolo 650'] },
    { title: 'Bopindolol' },
    { title: 'Tramadol' },
  ]);
  assert.deepEqual(summary(searchNames(idx, 'Dolo')), [
    ['Paracetamol', 'Dolo', 'exact'],
  ]);
  for (const q of ['indolol', 'olol', 'madol', 'ol', 'pindo']) assert.deepEqual(searchNames(idx, q), [], q);
  assert.deepEqual(summary(searchNames(idx, 'bopindolo')), [['Bopindolol', 'Bopindolol', 'prefix']]);
});

test('safety: an exact brand outranks a fuzzy generic (and every fuzzy hit)', () => {
  assert.deepEqual(
    lookupNames(TYPOS, 'zantac').results.map((m) => [m.title, m.matched, m.how]),
    [
      ['Ranitidine', 'Zantac', 'exact'],
      ['Zantacor', 'Zantacor', 'prefix'],
    ],
  );
  const idx = index([{ title: 'Norvasc', kind: 'medicine' }, { title: 'Norvasx' }, { title: 'Amlodipine', brandNames: ['Norvasc'] }]);
  // A real match leaves no room for look-alike names.
  assert.deepEqual(
    lookupNames(idx, 'norvasc').results.map((m) => [m.title, m.how]),
    [
      ['Norvasc', 'exact'],
      ['Amlodipine', 'exact'],
    ],
  );
  assert.equal(lookupNames(idx, 'norvasc').didYouMean, null);
  assert.deepEqual(
    lookupNames(idx, 'norvasq').results.map((m) => [m.title, m.how]),
    [
      ['Norvasc', 'fuzzy'],
      ['Norvasx', 'fuzzy'],
      ['Amlodipine', 'fuzzy'],
    ],
  );
});

test('safety: fuzzy matching is whole word against whole word', () => {
  const idx = index([{ title: 'Metoprolol Succinate' }, { title: 'Metformin' }]);
  assert.deepEqual(searchNames(idx, 'metoprolo'), searchNames(idx, 'metoprolo').filter((m) => m.how === 'prefix'));
  assert.deepEqual(searchNames(idx, 'metoprolol succinat').map((m) => m.how), ['prefix']);
  assert.deepEqual(searchNames(idx, 'metoprolol sucinate').map((m) => [m.title, m.how]), [['Metoprolol Succinate', 'fuzzy']]);
  assert.deepEqual(searchNames(idx, 'metoprolk'), []); // no fuzzy prefix
  assert.deepEqual(searchNames(idx, 'sucinate'), []); // no fuzzy word inside a name
  assert.deepEqual(searchNames(idx, 'succinat').map((m) => m.how), ['word-prefix']);
});

// ---------------------------------------------------------------------------------------------
// property: the index agrees with a linear scan

/** The full-matrix optimal string alignment distance. */
function osa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Word-by-word distance within each query word's typo budget, or -1. */
function wordwise(q: string, name: string): number {
  const qw = q.split(' ');
  const nw = name.split(' ');
  if (qw.length !== nw.length) return -1;
  let total = 0;
  for (let i = 0; i < qw.length; i++) {
    const d = osa(qw[i]!, nw[i]!);
    if (d > typoBudget(qw[i]!)) return -1;
    total += d;
  }
  return total;
}

interface Hit {
  code: number[];
  name: number;
  how: string;
  distance?: number;
  source?: string;
}
const cmpCode = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
};
const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The obvious implementation of lookupNames' rules: every name of every item, every way to split the
 * query into drugs, every resolvable name compared with the full-matrix distance.
 */
function naiveLookup(idx: NamesIndex, query: string, limit: number) {
  const { text: q, parts } = parseQuery(query);
  if (q === '') return [];
  const names = idx.items.map((it) => it.n.map(normalizeName));
  const firstSyn = idx.items.map((it) => it.n.length - (it.y?.length ?? 0));
  const hits = new Map<number, Hit>();
  const consider = (i: number, h: Hit) => {
    const old = hits.get(i);
    if (old === undefined || cmpCode(h.code, old.code) < 0 || (cmpCode(h.code, old.code) === 0 && h.name < old.name)) hits.set(i, h);
  };
  const cls = (i: number, j: number) => (j === 0 ? 0 : j >= firstSyn[i]! ? 1 : 2);
  const sourceOf = (i: number, j: number) => (j >= firstSyn[i]! ? idx.syn[idx.items[i]!.y![j - firstSyn[i]!]!]!.s : undefined);
  const len = (s: string) => Math.min(s.length, 4095);
  const withSource = (h: Hit, source: string | undefined): Hit => (source === undefined ? h : { ...h, source });

  // 1. names
  names.forEach((list, i) =>
    list.forEach((n, j) => {
      if (n === '') return;
      let how: string | null = null;
      let tier = 0;
      if (n === q) [how, tier] = [j >= firstSyn[i]! ? 'synonym' : 'exact', 0];
      else if (n.startsWith(q)) [how, tier] = ['prefix', 1];
      else if ((' ' + n).includes(' ' + q)) [how, tier] = ['word-prefix', 3];
      if (how !== null) consider(i, withSource({ code: [tier, 0, cls(i, j), len(n)], name: j, how }, sourceOf(i, j)));
    }),
  );

  // 2. ingredients
  const groupOf = new Map<string, number>();
  idx.syn.forEach((g, gi) => g.n.forEach((x) => groupOf.set(normalizeName(x), gi)));
  const canon = (x: string) => (groupOf.has(x) ? `#${groupOf.get(x)}` : x);
  const itemIngr = idx.items.map((it) => itemIngredients(it).map(normalizeName).filter((x) => x !== ''));
  const itemSet = itemIngr.map((l) => new Set(l.map(canon)));
  const resolvable = new Set<string>();
  itemIngr.forEach((l) => l.forEach((x) => resolvable.add(x)));
  idx.items.forEach((it, i) => {
    if (it.k === 'composition' && names[i]![0] !== '') resolvable.add(names[i]![0]!);
  });
  for (const x of groupOf.keys()) resolvable.add(x);
  for (const x of [...resolvable]) if (x.split(' ').length > 8) resolvable.delete(x);
  const postings = (c: string) => itemSet.filter((s) => s.has(c)).length;
  const resolve = (words: string[]) => {
    const key = words.join(' ');
    if (resolvable.has(key)) return { id: canon(key), name: key, distance: 0 };
    let best: { id: string; name: string; distance: number } | null = null;
    for (const name of resolvable) {
      const d = wordwise(key, name);
      if (d < 0) continue;
      const c = { id: canon(name), name, distance: d };
      if (
        best === null ||
        d < best.distance ||
        (d === best.distance && (postings(c.id) > postings(best.id) || (postings(c.id) === postings(best.id) && name < best.name)))
      )
        best = c;
    }
    return best;
  };
  type Seg = NonNullable<ReturnType<typeof resolve>>;
  const splits = (words: string[]): Seg[][] => {
    if (words.length === 0) return [[]];
    const out: Seg[][] = [];
    for (let l = Math.min(8, words.length); l >= 1; l--) {
      const s = resolve(words.slice(0, l));
      if (s === null) continue;
      for (const rest of splits(words.slice(l))) out.push([s, ...rest]);
    }
    return out; // longest first segment first, recursively: lexicographically largest lengths first
  };
  let segments: Seg[] | null = [];
  for (const words of parts) {
    let best: Seg[] | null = null;
    const cost = (s: Seg[]) => s.reduce((a, x) => a + x.distance, 0);
    for (const s of splits(words)) if (best === null || cost(s) < cost(best) || (cost(s) === cost(best) && s.length < best.length)) best = s;
    if (best === null) {
      segments = null;
      break;
    }
    segments.push(...best);
  }
  const combinations = (segments: Seg[]) => {
    const ids = [...new Set(segments.map((s) => s.id))];
    const total = segments.reduce((a, s) => a + s.distance, 0);
    if (segments.length > 0 && (ids.length >= 2 || total === 0)) {
      itemSet.forEach((set, i) => {
        if (!ids.every((id) => set.has(id))) return;
        const extra = set.size - ids.length;
        const [how, tier, sub] = total > 0 ? ['fuzzy', 4, Math.min(total, 31) * 32 + Math.min(extra, 31)] : extra === 0 ? ['combination', 0, 1] : ['contains', 2, extra];
        const sources: string[] = [];
        for (const s of segments) {
          const g = groupOf.get(s.name);
          if (g === undefined || itemIngr[i]!.includes(s.name)) continue;
          if (!sources.includes(idx.syn[g]!.s)) sources.push(idx.syn[g]!.s);
        }
        const h: Hit = { code: [tier, Math.min(sub, 1023), 0, len(names[i]![0]!)], name: 0, how, ...(total > 0 ? { distance: total } : {}) };
        consider(i, withSource(h, sources.length > 0 ? sources.join('; ') : undefined));
      });
    }
  };
  const typos = segments !== null && segments.some((s) => s.distance > 0);
  if (segments !== null && !typos) combinations(segments);

  // 3. typos, when nothing matched exactly or by prefix
  if (![...hits.values()].some((h) => h.code[0]! <= 1)) {
    if (segments !== null && typos) combinations(segments);
    names.forEach((list, i) =>
      list.forEach((n, j) => {
        if (n === '') return;
        const d = wordwise(q, n);
        if (d <= 0) return;
        consider(i, withSource({ code: [4, Math.min(d, 31) * 32, cls(i, j), len(n)], name: j, how: 'fuzzy', distance: d }, sourceOf(i, j)));
      }),
    );
  }

  return [...hits]
    .sort(([a, x], [b, y]) => cmpCode(x.code, y.code) || cmpStr(idx.items[a]!.n[0]!, idx.items[b]!.n[0]!) || cmpStr(idx.items[a]!.u, idx.items[b]!.u))
    .slice(0, limit)
    .map(([i, h]) => ({
      url: idx.items[i]!.u,
      how: h.how,
      matched: idx.items[i]!.n[h.name]!,
      ...(h.how === 'fuzzy' ? { distance: h.distance } : {}),
      ...(h.source !== undefined ? { synonymSource: h.source } : {}),
    }));
}

const view = (m: NameMatch) => ({
  url: m.url,
  how: m.how,
  matched: m.matched,
  ...(m.distance !== undefined ? { distance: m.distance } : {}),
  ...(m.synonymSource !== undefined ? { synonymSource: m.synonymSource } : {}),
});

// Small alphabets so that random names, typos and queries collide often; words of 1–5 letters so
// that some have a typo budget. Pages, synonym groups and queries draw from one pool of drug names so
// that they meet.
const letter = fc.constantFrom('a', 'b', 'c', 'é');
const word = fc.string({ unit: letter, minLength: 1, maxLength: 5 });
const drug = fc.array(word, { minLength: 1, maxLength: 2 }).map((ws) => ws.join(' '));
const plainName = fc.array(word, { minLength: 1, maxLength: 3 }).chain((ws) => fc.constantFrom(' ', '-', "'").map((sep) => ws.join(sep)));
/** A drug of the pool, sometimes with one letter changed, dropped or doubled. */
const typo = (name: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(name) },
    fc.tuple(fc.nat(name.length), letter, fc.constantFrom(0, 1, 2)).map(([at, ch, op]) =>
      op === 0 ? name.slice(0, at) + ch + name.slice(at + 1) : op === 1 ? name.slice(0, at) + name.slice(at + 1) : name.slice(0, at) + ch + name.slice(at),
    ),
  );
interface World {
  list: Names[];
  syn: Synonyms;
  q: string;
}
const world: fc.Arbitrary<World> = fc.uniqueArray(drug, { minLength: 2, maxLength: 7, selector: normalizeName }).chain((pool) => {
  const fromPool = fc.constantFrom(...pool);
  const page: fc.Arbitrary<Names> = fc.oneof(
    fc.record({ title: fc.oneof(fromPool, plainName), brandNames: fc.array(plainName, { maxLength: 2 }), synonyms: fc.array(plainName, { maxLength: 1 }) }),
    fc.record({ ingredients: fc.uniqueArray(fromPool, { minLength: 2, maxLength: 3 }), brandNames: fc.array(plainName, { maxLength: 1 }) }).map(
      (r): Names => ({ title: r.ingredients.join(' + '), kind: 'combination', ingredients: r.ingredients, brandNames: r.brandNames }),
    ),
  );
  const list = fc.uniqueArray(page, { minLength: 0, maxLength: 10, selector: (r) => normalizeName(r.title) });
  const syn: fc.Arbitrary<Synonyms> = fc.shuffledSubarray(pool).map((names) => ({
    groups: [
      ...(names.length >= 2 ? [{ names: names.slice(0, 2), source: 'S1' }] : []),
      ...(names.length >= 4 ? [{ names: names.slice(2, 4), source: 'S2' }] : []),
    ],
  }));
  const separator = fc.constantFrom(' ', ' + ', '/', ' and ', ', ');
  const q = fc.oneof(
    plainName,
    word,
    fromPool.chain(typo),
    fc.array(fromPool.chain(typo), { minLength: 2, maxLength: 3 }).chain((ds) => separator.map((sep) => ds.join(sep))),
    fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'c', '+'), maxLength: 7 }),
  );
  return fc.record({ list, syn, q });
});
const worldIndex = ({ list, syn }: World): NamesIndex =>
  index(
    list.map((r, i) => ({ ...r, slug: `p${i}` })),
    syn,
  );

test('property: lookupNames returns what a linear scan returns, in the same order', () => {
  fc.assert(
    fc.property(world, fc.integer({ min: 1, max: 30 }), (w, limit) => {
      const idx = worldIndex(w);
      assert.deepEqual(lookupNames(idx, w.q, { limit }).results.map(view), naiveLookup(idx, w.q, limit));
    }),
    { numRuns: 1000 },
  );
});

test('huge prefix ranges are taken best first, with the answers of a full scan', () => {
  // Thousands of names sharing one-letter prefixes: the ranges are far beyond what is scanned.
  // (A one-letter query has hundreds of prefix and word-prefix rows.)
  let seed = 42;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x80000000);
  const word = () => Array.from({ length: 2 + Math.floor(rnd() * 5) }, () => 'abcdef'[Math.floor(rnd() * 6)]).join('');
  const name = () => Array.from({ length: 1 + Math.floor(rnd() * 3) }, word).join(' ');
  const seen = new Set<string>();
  const list: Names[] = [];
  while (list.length < 3000) {
    const title = name();
    if (seen.has(title)) continue;
    seen.add(title);
    list.push({ title, slug: `p${list.length}`, brandNames: rnd() < 0.5 ? [name()] : [] });
  }
  const idx = index(list);
  for (const q of ['a', 'b', 'f', 'ab', 'ba', 'b a', 'cad', 'e']) {
    for (const limit of [1, 7, 20, 60]) assert.deepEqual(lookupNames(idx, q, { limit }).results.map(view), naiveLookup(idx, q, limit), `${q} / ${limit}`);
  }
});

test('property: results are in non-increasing score order, real matches before typos', () => {
  // (a brand's generic, `generic`, stands right after its brand, whatever how that matched)
  const rank = { exact: 0, synonym: 0, combination: 0, prefix: 1, contains: 2, 'word-prefix': 3, fuzzy: 4, generic: -1 } as const;
  fc.assert(
    fc.property(world, (w) => {
      const { results, didYouMean } = lookupNames(worldIndex(w), w.q, { limit: 50 });
      for (let i = 1; i < results.length; i++) assert.ok(results[i - 1]!.score >= results[i]!.score);
      const own = results.filter((m) => m.how !== 'generic');
      for (let i = 1; i < own.length; i++) assert.ok(rank[own[i - 1]!.how] <= rank[own[i]!.how]);
      assert.equal(didYouMean, results[0]?.how === 'fuzzy' ? results[0].matched : null);
      for (const m of results) assert.equal(m.distance !== undefined, m.how === 'fuzzy');
    }),
    { numRuns: 300 },
  );
});

test('property: serialize → parse round-trip keeps the index and its answers', () => {
  fc.assert(
    fc.property(world, ({ q, ...w }) => {
      const idx = worldIndex({ q, ...w });
      const back: unknown = JSON.parse(JSON.stringify(idx));
      assert.deepEqual(back, idx);
      const parsed = parseNamesIndex(back);
      assert.ok(parsed.ok);
      assert.deepEqual(lookupNames(parsed.index, q), lookupNames(idx, q));
    }),
    { numRuns: 200 },
  );
});

test('the search module exports exactly its public API', async () => {
  const mod = await import('../src/search/index.js');
  assert.deepEqual(Object.keys(mod).sort(), [
    'DEFAULT_SEARCH_LIMIT',
    'DEFAULT_SYNONYMS_FILE',
    'MAX_QUERY_LENGTH',
    'NAMES_INDEX_VERSION',
    'NamesIndexSchema',
    'NamesItemSchema',
    'SynonymsSchema',
    'buildNamesIndex',
    'defaultSynonyms',
    'editDistance',
    'emptyNamesIndex',
    'loadSynonyms',
    'lookupNames',
    'normalizeName',
    'parseNamesIndex',
    'parseQuery',
    'parseSynonyms',
    'prepareNamesIndex',
    'searchNames',
    'toResultView',
    'typoBudget',
  ]);
});

test("a brand page found by name brings its generic right after it, once ('crocin 650' → Crocin 650, then Paracetamol)", () => {
  const idx: NamesIndex = {
    v: NAMES_INDEX_VERSION,
    syn: [],
    items: [
      { u: '/composition/paracetamol/', k: 'composition', b: 0, n: ['Paracetamol', 'Crocin'] },
      { u: '/medicines/crocin-650/', k: 'medicine', b: 0, n: ['Crocin 650'], p: 0 },
      { u: '/medicines/crocin-advance/', k: 'medicine', b: 0, n: ['Crocin Advance'], p: 0 },
      { u: '/composition/amlodipine/', k: 'composition', b: 0, n: ['Amlodipine'] },
      { u: '/medicines/norvasc-5/', k: 'medicine', b: 0, n: ['Norvasc 5'], p: 3 },
    ],
  };
  const view = (q: string, limit?: number): [string, string, string][] =>
    lookupNames(idx, q, limit === undefined ? {} : { limit }).results.map((r) => [r.url, r.how, r.matched]);
  assert.deepEqual(view('crocin 650'), [
    ['/medicines/crocin-650/', 'exact', 'Crocin 650'],
    ['/composition/paracetamol/', 'generic', 'Crocin 650'],
  ]);
  assert.deepEqual(view('norvasc'), [
    ['/medicines/norvasc-5/', 'prefix', 'Norvasc 5'],
    ['/composition/amlodipine/', 'generic', 'Norvasc 5'],
  ]);
  // The generic found by its own name keeps its own place, once.
  assert.deepEqual(view('crocin'), [
    ['/composition/paracetamol/', 'exact', 'Crocin'],
    ['/medicines/crocin-650/', 'prefix', 'Crocin 650'],
    ['/medicines/crocin-advance/', 'prefix', 'Crocin Advance'],
  ]);
  // A typo never leads anywhere else; the limit still holds.
  assert.deepEqual(view('norvasx 5'), [['/medicines/norvasc-5/', 'fuzzy', 'Norvasc 5']]);
  assert.deepEqual(view('crocin 650', 1), [['/medicines/crocin-650/', 'exact', 'Crocin 650']]);
  const scores = lookupNames(idx, 'norvasc').results.map((r) => r.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'scores do not increase');
});
