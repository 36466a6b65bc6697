import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { formFromName, normalizeForm, parsePack, parseProductPack } from '../src/brands/index.js';
import { describePack, loadPatterns, packShape } from '../bench/brands/shapes.js';

describe('parsePack: the labels the brief names', () => {
  test('strip of 15 tablets', () => {
    assert.deepEqual(parsePack('strip of 15 tablets'), { text: 'strip of 15 tablets', container: 'strip', count: 15, amount: null, unit: 'tablet', form: 'tablet' });
  });
  test('bottle of 100 ml Syrup', () => {
    assert.deepEqual(parsePack('bottle of 100 ml Syrup'), { text: 'bottle of 100 ml Syrup', container: 'bottle', count: null, amount: { value: 100, unit: 'ml' }, unit: null, form: 'syrup' });
  });
  test('vial of 1 Injection', () => {
    assert.deepEqual(parsePack('vial of 1 Injection'), { text: 'vial of 1 Injection', container: 'vial', count: 1, amount: null, unit: 'injection', form: 'injection' });
  });
  test('tube of 30 gm Cream', () => {
    assert.deepEqual(parsePack('tube of 30 gm Cream'), { text: 'tube of 30 gm Cream', container: 'tube', count: null, amount: { value: 30, unit: 'g' }, unit: null, form: 'cream' });
  });
  test('box of 10 capsules', () => {
    assert.deepEqual(parsePack('box of 10 capsules'), { text: 'box of 10 capsules', container: 'box', count: 10, amount: null, unit: 'capsule', form: 'capsule' });
  });
  test('packet of 1 gm Powder', () => {
    assert.deepEqual(parsePack('packet of 1 gm Powder'), { text: 'packet of 1 gm Powder', container: 'packet', count: null, amount: { value: 1, unit: 'g' }, unit: null, form: 'powder' });
  });
});

describe('parsePack: details', () => {
  const table: [string, string | null][] = [
    ['  Strip Of 10 Tablet SR ', 'strip: 10 tablet (tablet sr)'],
    ['10 tablets', '-: 10 tablet (tablet)'],
    ['bottle of 1 l Infusion', 'bottle: 1000 ml (infusion)'],
    ['vial of 1.5 gm Injection', 'vial: 1.5 g (injection)'],
    ['packet of 200 MDI Inhaler', 'packet: 200 dose (mdi inhaler)'],
    ['vial of 1 Powder for Injection', 'vial: 1 vial (powder for injection)'],
    ['tube of 1 Gel', 'tube: 1 tube (gel)'],
    ['strip of 10 soft gelatin capsules', 'strip: 10 capsule (soft gelatin capsule)'],
    ['pre-filled pen of 3 ml Solution for Injection', 'prefilled pen: 3 ml (solution for injection)'],
    ['bottle of 5 ml Opthalmic Suspension', 'bottle: 5 ml (ophthalmic suspension)'],
    ['strip of 10', 'strip: 10 ? (-)'],
    // Not a pack label: nothing is guessed.
    ['strip of 2.5 tablets', null],
    ['strip of 0 tablets', null],
    ['bottle of ml Syrup', null],
    ['strip of 10 tablets of 500 mg', null],
    ['Augmentin 625 Duo Tablet', null],
    ['', null],
  ];
  for (const [label, want] of table) test(JSON.stringify(label), () => assert.equal(describePack(parsePack(label)), want));

  test('the form hint fills a label that names no form, and only then', () => {
    assert.equal(describePack(parsePack('strip of 10', 'Tablets')), 'strip: 10 tablet (tablet)');
    assert.equal(describePack(parsePack('strip of 10 capsules', 'tablet')), 'strip: 10 capsule (capsule)');
    assert.equal(describePack(parsePack('bottle of 60 ml', 'Syrup')), 'bottle: 60 ml (syrup)');
  });
});

describe("the products layout's pack columns", () => {
  test('packaging_raw first, with dosage_form as the hint', () => {
    assert.equal(describePack(parseProductPack({ packagingRaw: 'strip of 10 tablet sr', packSize: '10.0', packUnit: 'strip', dosageForm: 'tablet' })), 'strip: 10 tablet (tablet sr)');
  });
  test('the size columns only for counts', () => {
    assert.equal(describePack(parseProductPack({ packagingRaw: null, packSize: '20.0', packUnit: 'units', dosageForm: 'tablet' })), '-: 20 tablet (tablet)');
    assert.equal(describePack(parseProductPack({ packagingRaw: '', packSize: '15.0', packUnit: 'strip', dosageForm: 'capsule' })), 'strip: 15 capsule (capsule)');
    // `vial of 0.5 ml` is recorded as 5.0 + ml in the dataset: sizes are not taken from the columns.
    assert.equal(parseProductPack({ packagingRaw: null, packSize: '5.0', packUnit: 'ml', dosageForm: 'injection' }), null);
    assert.equal(parseProductPack({ packagingRaw: null, packSize: '100.0', packUnit: 'bottle', dosageForm: 'syrup' }), null);
    assert.equal(parseProductPack({ packagingRaw: null, packSize: '10.0', packUnit: 'strip', dosageForm: 'other' }), null);
    assert.equal(parseProductPack({ packagingRaw: null, packSize: null, packUnit: null, dosageForm: null }), null);
  });
});

describe('dosage forms', () => {
  test('normalizeForm folds spelling, keeps modifiers', () => {
    assert.equal(normalizeForm('Eye Drop'), 'eye drops');
    assert.equal(normalizeForm('eye drops'), 'eye drops');
    assert.equal(normalizeForm('Tablets'), 'tablet');
    assert.equal(normalizeForm('Tablet DR'), 'tablet dr');
    assert.equal(normalizeForm('other'), null);
    assert.equal(normalizeForm('  '), null);
    assert.equal(normalizeForm(null), null);
  });
  test('formFromName takes the last form word with its modifiers', () => {
    assert.equal(formFromName('Augmentin 625 Duo Tablet'), 'tablet');
    assert.equal(formFromName('Ascoril D Plus Syrup Sugar Free'), 'syrup');
    assert.equal(formFromName('Glycomet 500 Tablet SR'), 'tablet sr');
    assert.equal(formFromName('Moxicip Eye Drop'), 'eye drops');
    assert.equal(formFromName('Evion 400 Soft Gelatin Capsule'), 'soft gelatin capsule');
    assert.equal(formFromName('Avastin 400mg Injection'), 'injection');
    assert.equal(formFromName('Azithral KidTab'), null);
  });
});

test('bad input never throws (fast-check)', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 80 }), fc.option(fc.string({ maxLength: 20 }), { nil: null }), (label, hint) => {
      const p = parsePack(label, hint);
      if (p !== null) assert.ok((p.count === null) !== (p.amount === null), 'a pack is counted or measured, never both or neither');
      parseProductPack({ packagingRaw: label, packSize: hint, packUnit: label.slice(0, 5), dosageForm: hint });
      formFromName(label);
    }),
    { numRuns: 2000 },
  );
});

// Every distinct pattern of the real catalogs, one real string each.
const patterns = loadPatterns();

describe('every pack-label shape of the real catalogs', () => {
  for (const p of patterns.packs) test(`${p.source}: ${p.shape}`, () => assert.equal(describePack(parsePack(p.text)), p.pack));
});

describe("every shape of the products layout's pack columns", () => {
  for (const p of patterns.productPacks) test(p.shape, () => assert.equal(describePack(parseProductPack(p.columns)), p.pack));
});

test('the table is honest: labels have their shapes, and every real label parses', () => {
  for (const p of patterns.packs) assert.equal(packShape(p.text), p.shape);
  assert.ok(patterns.packs.length > 150);
  assert.deepEqual(patterns.packs.filter((p) => p.pack === null).map((p) => p.text), []);
  assert.deepEqual(patterns.productPacks.filter((p) => p.pack === null).map((p) => p.shape), []);
});
