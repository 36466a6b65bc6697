import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readBrandCsv } from '../src/brands/index.js';
import { brandMonograph } from '../src/brands/to-monograph.js';
import { buildCatalog, entryKey, type Catalog } from '../src/catalog/index.js';
import { readRegistry } from '../src/content/banned-registry.js';
import { CatalogEntrySchema, MonographSchema, type BanRecord, type CatalogEntry, type Kind, type Monograph } from '../src/model/index.js';
import { mono, rich } from './helpers/monographs.js';

const HEADER = 'id,name,price(₹),Is_discontinued,manufacturer_name,type,pack_size_label,short_composition1,short_composition2';

/** Brands from CSV rows in the A–Z layout, as a build imports them. */
function brands(rows: string[]): Monograph[] {
  const read = readBrandCsv('brands/test.csv', [HEADER, ...rows].join('\n') + '\n');
  assert.equal(read.layout, 'a-z');
  assert.deepEqual(read.diagnostics, [], 'the test rows are well formed');
  return read.records.map(brandMonograph);
}

const get = (cat: Catalog, kind: Kind, slug: string): CatalogEntry => {
  const e = cat.byKey.get(entryKey(kind, slug));
  assert.ok(e, `no ${kind} "${slug}": ${[...cat.byKey.keys()].join(', ')}`);
  return e;
};

const pages = (): Monograph[] => [
  mono('c/compositions/paracetamol.md', rich('Paracetamol')),
  mono('c/compositions/metformin.md', rich('Metformin')),
  mono('c/compositions/amoxicillin.md', rich('Amoxicillin')),
  mono('c/compositions/clavulanic-acid.md', rich('Clavulanic Acid')),
  mono('c/combinations/amoxycillin-clavulanic-acid.md', rich('Amoxycillin + Clavulanic Acid'), 'combination'),
];

test('a catalog brand links to its composition, each ingredient to its page, and the generic lists the brand', () => {
  const cat = buildCatalog([...pages(), ...brands(['1,Fevrex 650 Tablet,30.00,FALSE,Acme Ltd,allopathy,strip of 15 tablets,Paracetamol (650mg),'])]);
  const brand = get(cat, 'medicine', 'fevrex-650-tablet');
  assert.equal(brand.links.generic?.slug, 'paracetamol');
  assert.deepEqual(brand.links.ingredients.map((i) => [i.name, i.link?.slug ?? null]), [['Paracetamol', 'paracetamol']]);
  assert.deepEqual(get(cat, 'composition', 'paracetamol').links.brands.map((l) => l.slug), ['fevrex-650-tablet']);
  assert.equal(brand.monograph.product?.unitPrice?.value, 2, '₹30 for 15 tablets');
  assert.equal(brand.monograph.sources[0]?.format, 'catalog');
  assert.deepEqual(brand.monograph.sources[0]?.lines, { start: 2, end: 2 }, 'the row is the source, with its line');
  CatalogEntrySchema.parse(brand);
});

test('a salt form ("Metformin Hydrochloride") links to the molecule, and a combination links in any order and spelling', () => {
  const cat = buildCatalog([
    ...pages(),
    ...brands([
      '1,Glyco 500 Tablet,20.00,FALSE,Acme Ltd,allopathy,strip of 10 tablets,Metformin Hydrochloride (500mg),',
      '2,Clavam 625 Tablet,200.00,FALSE,Acme Ltd,allopathy,strip of 10 tablets,Clavulanic Acid (125mg) ,Amoxicillin (500mg)',
    ]),
  ]);
  assert.equal(get(cat, 'medicine', 'glyco-500-tablet').links.generic?.slug, 'metformin');
  const clavam = get(cat, 'medicine', 'clavam-625-tablet');
  assert.equal(clavam.links.generic?.kind, 'combination');
  assert.equal(clavam.links.generic?.slug, 'amoxycillin-clavulanic-acid');
  assert.deepEqual(clavam.links.ingredients.map((i) => i.link?.slug ?? null), ['clavulanic-acid', 'amoxicillin']);
});

test('an unmatched brand is a diagnostic at its row naming the closest pages, and the rest links', () => {
  const cat = buildCatalog([
    ...pages(),
    ...brands(['1,Para 500 Tablet,10.00,FALSE,Acme Ltd,allopathy,strip of 10 tablets,Paracetamoll (500mg),', '2,Fevrex 650 Tablet,30.00,FALSE,Acme Ltd,allopathy,strip of 15 tablets,Paracetamol (650mg),']),
  ]);
  const d = cat.diagnostics.filter((x) => x.code === 'brand-unlinked');
  assert.equal(d.length, 1);
  assert.equal(d[0]!.file, 'brands/test.csv');
  assert.equal(d[0]!.line, 2);
  assert.match(d[0]!.message, /"Para 500 Tablet" \(Paracetamoll\) matches no composition page; closest: "Paracetamol"/);
  assert.equal(get(cat, 'medicine', 'fevrex-650-tablet').links.generic?.slug, 'paracetamol');
});

test('substitutes are exactly the same molecules, strengths and form, cheapest per unit first', () => {
  const cat = buildCatalog([
    ...pages(),
    ...brands([
      '1,Dear 650 Tablet,45.00,FALSE,A Ltd,allopathy,strip of 15 tablets,Paracetamol (650mg),',
      '2,Cheap 650 Tablet,10.00,FALSE,B Ltd,allopathy,strip of 10 tablets,Paracetamol (650mg),',
      '3,Mid 650 Tablet,30.00,FALSE,C Ltd,allopathy,strip of 15 tablets,Paracetamol (650mg),',
      '4,Other 500 Tablet,10.00,FALSE,D Ltd,allopathy,strip of 10 tablets,Paracetamol (500mg),',
      '5,Syrup 650,40.00,FALSE,E Ltd,allopathy,bottle of 60 ml Syrup,Paracetamol (650mg),',
      '6,NoPrice 650 Tablet,,FALSE,F Ltd,allopathy,strip of 10 tablets,Paracetamol (650mg),',
    ]),
  ]);
  const key = get(cat, 'medicine', 'dear-650-tablet').monograph.product?.substituteKey;
  assert.ok(key);
  const group = cat.substitutes.get(key)!.map((e) => e.monograph.slug);
  assert.deepEqual(group, ['cheap-650-tablet', 'mid-650-tablet', 'dear-650-tablet', 'noprice-650-tablet'], '₹1.00, ₹2.00, ₹3.00 per tablet, then no price');
  assert.notEqual(get(cat, 'medicine', 'other-500-tablet').monograph.product?.substituteKey, key, 'another strength is not a substitute');
  assert.notEqual(get(cat, 'medicine', 'syrup-650').monograph.product?.substituteKey, key, 'another form is not a substitute');
});

test('a brand page naming only its generic and a strength joins the same substitute group', () => {
  const page = mono('c/medicines/crocin-650.md', '---\ntitle: Crocin 650\ngeneric_slug: paracetamol\nstrength: 650 mg\npack_size: strip of 15 tablets\nmrp: 30.5\n---\n\nA brand page.\n', 'medicine');
  const cat = buildCatalog([...pages(), page, ...brands(['1,Cheap 650 Tablet,10.00,FALSE,B Ltd,allopathy,strip of 10 tablets,Paracetamol (650mg),'])]);
  const crocin = get(cat, 'medicine', 'crocin-650');
  const key = crocin.monograph.product?.substituteKey;
  assert.ok(key, 'the key comes from the linked generic and the strength');
  assert.deepEqual(cat.substitutes.get(key)!.map((e) => e.monograph.slug), ['cheap-650-tablet', 'crocin-650']);
  assert.equal(page.product?.substituteKey, null, 'the loaded monograph itself is not changed');
});

test('catalog rows share what they repeat (frozen), and a row reads and serializes as plain data', () => {
  const [a, b, c] = brands([
    '1,Fevrex 650 Tablet,30.00,FALSE,Acme Ltd,allopathy,strip of 15 tablets,Paracetamol (650mg),',
    '2,Pyrex 650 Tablet,45.50,TRUE,Acme Ltd,allopathy,strip of 15 tablets,Paracetamol (650mg),',
    '3,Clavam 625 Tablet,200.00,FALSE,Acme Ltd,allopathy,strip of 10 tablets,Amoxycillin (500mg) ,Clavulanic Acid (125mg)',
  ]) as [Monograph, Monograph, Monograph];
  const pa = a.product!;
  const pb = b.product!;
  assert.equal(pa.components, pb.components, 'one ingredient list for the same composition');
  assert.equal(pa.pack, pb.pack, 'one pack for the same label');
  assert.equal(a.ingredients, b.ingredients);
  assert.equal(a.brandNames, c.aliases, 'one empty list');
  assert.ok(Object.isFrozen(pa.components) && Object.isFrozen(pa.components[0]) && Object.isFrozen(pa.components[0]!.strength) && Object.isFrozen(pa.pack));
  assert.throws(() => pa.components.push(pa.components[0]!), TypeError);
  assert.throws(() => a.aliases.push('x'), TypeError);
  assert.throws(() => {
    pa.pack!.count = 1;
  }, TypeError);
  assert.notEqual(pa.unitPrice, pb.unitPrice);
  // Made when read, from the row's own fields.
  assert.equal(a.description.text, 'Fevrex 650 Tablet contains Paracetamol (650mg). Strip of 15 tablets by Acme Ltd; MRP ₹30.00.');
  assert.equal(b.description.text, 'Pyrex 650 Tablet contains Paracetamol (650mg). Strip of 15 tablets by Acme Ltd; MRP ₹45.50. Marked discontinued.');
  assert.deepEqual([pb.unitPrice?.value, pb.unitPrice?.per, pb.unitPrice?.formula], [3.03, 'tablet', '₹45.50 ÷ 15 tablets']);
  const json = JSON.parse(JSON.stringify(b)) as Monograph;
  assert.deepEqual(json.description, { text: b.description.text, origin: 'catalog', original: null });
  assert.deepEqual(json.product?.unitPrice, { value: 3.03, per: 'tablet', formula: '₹45.50 ÷ 15 tablets' });
  assert.deepEqual(MonographSchema.parse(b), json, 'the schema reads every field');
  assert.deepEqual(JSON.parse(JSON.stringify({ ...c })), JSON.parse(JSON.stringify(c)), 'a spread monograph serializes the same');
});

test('the catalog keeps a monograph read alone as it is, and its brands share link objects and unchanged lists', () => {
  const input = [...pages(), ...brands(['1,Fevrex 650 Tablet,30.00,FALSE,Acme Ltd,allopathy,strip of 15 tablets,Paracetamol (650mg),', '2,Pyrex 650 Tablet,45.50,FALSE,B Ltd,allopathy,strip of 10 tablets,Paracetamol (650mg),'])];
  const cat = buildCatalog(input);
  const fevrex = get(cat, 'medicine', 'fevrex-650-tablet');
  const pyrex = get(cat, 'medicine', 'pyrex-650-tablet');
  assert.equal(fevrex.monograph, input[5], 'not a copy');
  assert.equal(fevrex.links.generic, pyrex.links.generic, 'one link object per page linked to');
  assert.equal(fevrex.links.ingredients, pyrex.links.ingredients, 'one ingredient-link list for the same ingredients');
  assert.equal(fevrex.banned, pyrex.banned);
  assert.deepEqual(fevrex.banned, { value: false, from: 'self', registry: null });
  assert.ok(Object.isFrozen(fevrex.links.generic) && Object.isFrozen(fevrex.links.ingredients) && Object.isFrozen(fevrex.banned));
  assert.deepEqual(get(cat, 'composition', 'paracetamol').links.brands.map((l) => l.slug), ['fevrex-650-tablet', 'pyrex-650-tablet']);
  for (const e of [fevrex, pyrex]) CatalogEntrySchema.parse(e);
});

const registry = (yaml: string): BanRecord[] => {
  const r = readRegistry('content/banned.yaml', yaml);
  assert.deepEqual(r.diagnostics, []);
  return r.records;
};

test('the banned registry gives a combination its legal status and source; its brands inherit both', () => {
  const records = registry(
    'sample: true\nentries:\n  - composition: Clavulanic Acid + Amoxycillin\n    status: banned\n    notification: S.O. 0000(E)\n    date: "2018-09-07"\n    source: https://example.org/notice.pdf\n',
  );
  const cat = buildCatalog([...pages(), ...brands(['1,Clavam 625 Tablet,200.00,FALSE,Acme Ltd,allopathy,strip of 10 tablets,Amoxycillin (500mg) ,Clavulanic Acid (125mg)'])], { registry: records });
  const combo = get(cat, 'combination', 'amoxycillin-clavulanic-acid');
  assert.equal(combo.banned.value, true);
  assert.equal(combo.banned.registry?.notification, 'S.O. 0000(E)');
  assert.equal(combo.banned.registry?.line, 3);
  const brand = get(cat, 'medicine', 'clavam-625-tablet');
  assert.deepEqual([brand.banned.value, brand.banned.from, brand.banned.registry?.status], [true, 'amoxycillin-clavulanic-acid', 'banned']);
  assert.equal(get(cat, 'composition', 'amoxicillin').banned.value, false, 'an ingredient is not banned by its combination');
});

test('a revoked or stayed ban clears the status but keeps the registry detail; unknown names are diagnostics', () => {
  const records = registry('entries:\n  - composition: Paracetamol\n    status: revoked\n  - composition: Nosuchdrug\n    status: banned\n');
  const page = mono('c/compositions/paracetamol.md', rich('Paracetamol', { banned: true }));
  const cat = buildCatalog([page], { registry: records });
  const p = get(cat, 'composition', 'paracetamol');
  assert.equal(p.banned.value, false);
  assert.equal(p.banned.registry?.status, 'revoked');
  assert.deepEqual(cat.diagnostics.map((d) => [d.code, d.line]), [['banned-registry-unmatched', 4]]);
});

test('registry entries without a composition or with an unknown status are diagnostics; the rest are kept', () => {
  const r = readRegistry('content/banned.yaml', 'entries:\n  - composition: A\n    status: maybe\n  - status: banned\n  - composition: B\n    status: suspended\n    source: "javascript:alert(1)"\n');
  assert.deepEqual(r.diagnostics.map((d) => [d.code, d.line]), [['banned-registry-invalid', 2], ['banned-registry-invalid', 4]]);
  assert.deepEqual(r.records.map((x) => [x.composition, x.status, x.source]), [['B', 'suspended', null]], 'only http(s) sources are kept');
  const csv = readRegistry('content/banned.csv', 'composition,status,notification,date,source,note\nA + B,banned,S.O. 1,2016-03-10,https://example.org/x,\n');
  assert.deepEqual(csv.records.map((x) => [x.composition, x.status, x.line]), [['A + B', 'banned', 2]]);
  assert.equal(readRegistry('content/banned.yaml', 'entries: [').diagnostics[0]?.code, 'banned-registry-invalid');
});
