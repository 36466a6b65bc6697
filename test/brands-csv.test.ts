import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import * as brands from '../src/brands/index.js';
import { BRAND_LAYOUTS, readBrandCsv, type BrandCsvResult } from '../src/brands/index.js';
import { describeIngredient, describePack } from '../bench/brands/shapes.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/brands/${name}`, import.meta.url), 'utf8');
const AZ_HEADER = 'id,name,price(₹),Is_discontinued,manufacturer_name,type,pack_size_label,short_composition1,short_composition2';
const codes = (r: BrandCsvResult): string[] => r.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}${d.endLine !== undefined ? `-${d.endLine}` : ''}${d.path !== undefined ? ` ${d.path}` : ''}`);

test('the brands module exports exactly these', () => {
  assert.deepEqual(Object.keys(brands).sort(), [
    'BRAND_LAYOUTS',
    'compositionKey',
    'formFromName',
    'joinComposition',
    'moleculeKey',
    'normalizeForm',
    'parseComposition',
    'parsePack',
    'parseProductPack',
    'parseStrength',
    'readBrandCsv',
    'readIngredientList',
    'strengthKey',
    'unitPrice',
  ]);
});

describe('the three real layouts', () => {
  test('a-z: the first rows of the A–Z dataset', () => {
    const r = readBrandCsv('brands/a-z.csv', fixture('a-z-head.csv'));
    assert.equal(r.layout, 'a-z');
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.records.length, 12);
    const first = r.records[0]!;
    assert.deepEqual(
      { ...first, ingredients: first.ingredients.map(describeIngredient), pack: describePack(first.pack) },
      {
        name: 'Augmentin 625 Duo Tablet',
        company: 'Glaxo SmithKline Pharmaceuticals Ltd',
        mrp: 223.42,
        discontinued: false,
        composition: 'Amoxycillin  (500mg) + Clavulanic Acid (125mg)',
        ingredients: ['Amoxycillin @ 500 mg', 'Clavulanic Acid @ 125 mg'],
        packLabel: 'strip of 10 tablets',
        pack: 'strip: 10 tablet (tablet)',
        form: 'tablet',
        uses: null,
        sideEffects: null,
        therapeuticClass: null,
        source: { file: 'brands/a-z.csv', layout: 'a-z', row: 2 },
      },
    );
    const syrup = r.records[2]!;
    assert.equal(syrup.mrp, 118);
    assert.equal(syrup.form, 'syrup');
    assert.deepEqual(syrup.ingredients.map(describeIngredient), ['Ambroxol @ 30 mg per 5 ml', 'Levosalbutamol @ 1 mg per 5 ml']);
    assert.equal(r.records[3]!.company, 'Sanofi India Ltd', 'spaces collapsed');
    assert.deepEqual(r.records.map((x) => x.source.row), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  test("products: the Python-literal ingredient list, dosage_form refined by the pack's form", () => {
    const r = readBrandCsv('brands/products.csv', fixture('products-head.csv'));
    assert.equal(r.layout, 'products');
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.records.length, 8);
    const first = r.records[0]!;
    assert.equal(first.name, 'Mycodryl Syrup');
    assert.equal(first.company, 'Santiago Lifesciences Pvt Ltd');
    assert.equal(first.mrp, 42);
    assert.equal(first.discontinued, false);
    assert.equal(first.composition, 'Ammonium Chloride (138mg/5ml) + Sodium Citrate (57.03mg/5ml)');
    assert.deepEqual(first.ingredients.map(describeIngredient), ['Ammonium Chloride @ 138 mg per 5 ml', 'Sodium Citrate @ 57.03 mg per 5 ml']);
    assert.equal(describePack(first.pack), 'bottle: 100 ml (syrup)');
    assert.equal(first.form, 'syrup');
    assert.equal(first.therapeuticClass, 'other');
    assert.deepEqual(first.source, { file: 'brands/products.csv', layout: 'products', row: 2 });
  });

  test('details: BOM and CRLF, no prices, uses and side effects as written', () => {
    const text = fixture('details-head.csv');
    assert.ok(text.startsWith('\uFEFF') && text.includes('\r\n'), 'the fixture keeps the real file’s BOM and CRLF line ends');
    const r = readBrandCsv('brands/details.csv', text);
    assert.equal(r.layout, 'details');
    assert.deepEqual(r.diagnostics, []);
    const first = r.records[0]!;
    assert.equal(first.name, 'Avastin 400mg Injection');
    assert.equal(first.mrp, null);
    assert.equal(first.pack, null);
    assert.equal(first.form, 'injection');
    assert.deepEqual(first.ingredients.map(describeIngredient), ['Bevacizumab @ 400 mg']);
    assert.match(first.uses ?? '', /^Cancer of colon and rectum Non-small cell lung cancer/);
    assert.match(first.sideEffects ?? '', /^Rectal bleeding Taste change/);
    assert.equal(first.company, 'Roche Products India Pvt Ltd');
    assert.deepEqual(r.records.map((x) => x.source.row), [2, 3, 4, 5, 6, 7]);
  });

  test('headers match without regard to case, spaces, or how the rupee sign was encoded', () => {
    const text = ' NAME ,Price(â‚¹),is_discontinued,Manufacturer_Name,pack_size_label,short_composition1,short_composition2\nDolo 650 Tablet,30.5,false,Micro Labs Ltd,strip of 15 tablets,Paracetamol (650mg),\n';
    const r = readBrandCsv('x.csv', text);
    assert.equal(r.layout, 'a-z');
    assert.equal(r.records[0]?.mrp, 30.5);
  });
});

describe('unknown layouts', () => {
  test('one error naming the columns each layout needs, and the closest', () => {
    const r = readBrandCsv('brands/odd.csv', 'brand,price,composition\nDolo,30,Paracetamol (650mg)\n');
    assert.equal(r.layout, null);
    assert.deepEqual(r.records, []);
    assert.deepEqual(r.diagnostics, [
      {
        code: 'brand-layout-unknown',
        severity: 'error',
        message:
          'The header (brand, price, composition) matches no brand catalog layout (closest: details, missing Medicine Name, Uses, Side_effects, Manufacturer). Each layout needs these columns: a-z: name, price(₹), Is_discontinued, manufacturer_name, pack_size_label, short_composition1, short_composition2; products: brand_name, manufacturer, price_inr, is_discontinued, dosage_form, pack_size, pack_unit, active_ingredients, therapeutic_class, packaging_raw; details: Medicine Name, Composition, Uses, Side_effects, Manufacturer.',
        hint: 'Use one of the supported CSV layouts; the message lists the columns each one needs.',
        file: 'brands/odd.csv',
        line: 1,
        column: 1,
      },
    ]);
  });

  test('an empty file has no header', () => {
    for (const text of ['', '\uFEFF', '\n\n']) {
      const r = readBrandCsv('e.csv', text);
      assert.equal(r.layout, null);
      assert.deepEqual(codes(r), ['brand-layout-unknown 1:1']);
      assert.match(r.diagnostics[0]!.message, /^The file has no header row, so its layout cannot be told\. Each layout needs these columns: a-z: name,/);
    }
  });

  test('BRAND_LAYOUTS lists the columns the readers use', () => {
    assert.deepEqual(Object.keys(BRAND_LAYOUTS), ['a-z', 'products', 'details']);
  });
});

describe('bad rows and fields are positioned diagnostics, never a crash', () => {
  test('bad price and flag: the field is dropped, the row kept', () => {
    const r = readBrandCsv('b.csv', `${AZ_HEADER}\n1,Dolo 650 Tablet,abc,maybe,Micro Labs Ltd,allopathy,strip of 15 tablets,Paracetamol (650mg),\n2,Calpol Tablet,₹ 1,234.50,no,GSK,allopathy,strip of 15 tablets,Paracetamol (500mg),\n`);
    // `₹ 1,234.50` unquoted splits into two fields: the second row has one field too many.
    assert.deepEqual(codes(r), ['brand-field-invalid 2:3 price(₹)', 'brand-field-invalid 2:4 Is_discontinued', 'brand-row-invalid 3:10']);
    assert.equal(r.diagnostics[0]!.message, 'The price "abc" is not a positive amount of rupees (e.g. 223.42); the brand is kept without an MRP.');
    assert.equal(r.diagnostics[1]!.message, '"maybe" is not TRUE or FALSE; whether the brand is discontinued is left unknown.');
    assert.equal(r.diagnostics[2]!.message, 'The row has 10 fields but the header has 9 (an unquoted comma or a lost quote?), so its values cannot be matched to columns; it was skipped.');
    assert.equal(r.records.length, 1);
    assert.equal(r.records[0]!.mrp, null);
    assert.equal(r.records[0]!.discontinued, null);
  });

  test('prices with a rupee sign and digit grouping are read when quoted', () => {
    const r = readBrandCsv('b.csv', `${AZ_HEADER}\n1,Calpol Tablet,"₹ 1,234.50",no,GSK,allopathy,strip of 15 tablets,Paracetamol (500mg),\n2,X Tablet,0,no,GSK,allopathy,strip of 15 tablets,Paracetamol (500mg),\n`);
    assert.equal(r.records[0]!.mrp, 1234.5);
    assert.deepEqual(codes(r), ['brand-field-invalid 3:3 price(₹)']);
  });

  test('a row without a name is skipped', () => {
    const r = readBrandCsv('b.csv', `${AZ_HEADER}\n1,  ,10,FALSE,GSK,allopathy,strip of 15 tablets,Paracetamol (500mg),\n`);
    assert.deepEqual(codes(r), ['brand-row-invalid 2:2 name']);
    assert.equal(r.diagnostics[0]!.message, 'The row has no brand name in `name`; it was skipped.');
    assert.deepEqual(r.records, []);
  });

  test('composition and pack problems name their column; the brand is kept', () => {
    const r = readBrandCsv('b.csv', `${AZ_HEADER}\n1,Tar Lotion,99,FALSE,GSK,allopathy,jar of many,Clobetasol (0.05% w/w),Coal Tar (5v/w)\n2,Empty Tablet,10,FALSE,GSK,allopathy,strip of 10 tablets,,\n`);
    assert.deepEqual(codes(r), ['brand-composition-unparsed 2:9 short_composition2', 'brand-pack-unparsed 2:7 pack_size_label', 'brand-composition-unparsed 3:8 short_composition1']);
    assert.equal(
      r.diagnostics[0]!.message,
      'The composition part "Coal Tar (5v/w)" was not understood as `Name (strength)` with a known unit (e.g. `Amoxycillin (500mg)`); the brand cannot be compared with others.',
    );
    assert.equal(r.diagnostics[1]!.message, 'The pack "jar of many" was not understood (expected e.g. `strip of 10 tablets` or `bottle of 100 ml Syrup`), so no price per unit is given.');
    assert.equal(r.diagnostics[1]!.severity, 'info');
    assert.equal(r.diagnostics[2]!.message, 'The brand has no composition, so it cannot be linked to its generic or compared with other brands.');
    assert.equal(r.records.length, 2);
    assert.deepEqual(r.records[0]!.ingredients.map(describeIngredient), ['Clobetasol @ 0.05 % w/w', 'Coal Tar @ none']);
    assert.equal(r.records[0]!.form, 'lotion', 'the form comes from the name when the pack gives none');
  });

  test("a products row whose ingredient list is not a Python literal", () => {
    const header = 'brand_name,manufacturer,price_inr,is_discontinued,dosage_form,pack_size,pack_unit,active_ingredients,therapeutic_class,packaging_raw';
    const r = readBrandCsv('p.csv', `${header}\nX Tablet,ACME,10.0,False,tablet,10.0,strip,"[{'name': 'Paracetamol'",other,strip of 10 tablets\n`);
    assert.deepEqual(codes(r), ['brand-composition-unparsed 2:8 active_ingredients']);
    assert.equal(r.records[0]!.composition, "[{'name': 'Paracetamol'");
    assert.deepEqual(r.records[0]!.ingredients, []);
  });

  test('an unclosed quote keeps the rows before it and spans to the end of the file', () => {
    const text = `${AZ_HEADER}\n1,Dolo 650 Tablet,30,FALSE,Micro Labs,allopathy,strip of 15 tablets,Paracetamol (650mg),\n\n2,"Broken Tablet,30,FALSE,X,allopathy,strip of 10 tablets,Paracetamol (500mg),\n3,Calpol Tablet,20,FALSE,GSK,allopathy,strip of 15 tablets,Paracetamol (500mg),\n`;
    const r = readBrandCsv('u.csv', text);
    assert.deepEqual(r.records.map((x) => x.name), ['Dolo 650 Tablet']);
    assert.deepEqual(codes(r), ['brand-row-invalid 4:2-5']);
    const d = r.diagnostics[0]!;
    assert.equal(d.severity, 'error');
    assert.equal(
      d.message,
      'A quoted field that opens on this line is never closed, so lines 4–5 (to the end of the file) could not be read as rows. Close the quote, or quote the whole field ("…") and double the quotes inside it.',
    );
  });

  test('line numbers stay right across quoted fields with line breaks, CRLF included', () => {
    const header = 'Medicine Name,Composition,Uses,Side_effects,Manufacturer';
    for (const eol of ['\n', '\r\n']) {
      const text = [header, 'A Tablet,Paracetamol (500mg),"Fever', 'and pain",Nausea,X', 'B Tablet,Paracetamol (650mg),"One', 'two', 'three",None,Y', '', 'C Tablet,Ibuprofen (400mg),Pain,None,Z', ''].join(eol);
      const r = readBrandCsv('m.csv', text);
      assert.deepEqual(
        r.records.map((x) => [x.name, x.source.row]),
        [
          ['A Tablet', 2],
          ['B Tablet', 4],
          ['C Tablet', 8],
        ],
        JSON.stringify(eol),
      );
      assert.equal(r.records[0]!.uses, `Fever${eol}and pain`);
    }
  });

  test('a row with a brand name but a missing trailing field is still matched to columns only if complete', () => {
    const r = readBrandCsv('s.csv', `${AZ_HEADER}\n1,Dolo 650 Tablet,30,FALSE,Micro Labs,allopathy,strip of 15 tablets,Paracetamol (650mg)\n`);
    assert.deepEqual(codes(r), ['brand-row-invalid 2:8']);
  });

  test('random damage never throws (fast-check)', () => {
    const good = fixture('a-z-head.csv');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length }), fc.integer({ min: 0, max: 40 }), fc.string({ maxLength: 12 }), (at, cut, insert) => {
        const text = good.slice(0, at) + insert + good.slice(at + cut);
        const r = readBrandCsv('f.csv', text);
        for (const d of r.diagnostics) assert.ok(d.line >= 1 && d.column >= 1);
        for (const rec of r.records) assert.ok(rec.source.row >= 2 && rec.name.trim() !== '');
      }),
      { numRuns: 500 },
    );
  });
});
