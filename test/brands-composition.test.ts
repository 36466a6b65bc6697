import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { joinComposition, parseComposition, parseStrength, readIngredientList } from '../src/brands/index.js';
import { parsePyLiteral } from '../src/brands/py-literal.js';
import { compositionShape, describeIngredient, describeStrength, ingredientListShape, loadPatterns } from '../bench/brands/shapes.js';

const names = (text: string): string[] => parseComposition(text).ingredients.map(describeIngredient);

describe('parseComposition: the forms the brief names', () => {
  test('two parts with doubled spaces (A–Z / medicine-details)', () => {
    const r = parseComposition('Amoxycillin  (500mg) +  Clavulanic Acid (125mg)');
    assert.equal(r.ok, true);
    assert.deepEqual(r.ingredients, [
      { name: 'Amoxycillin', strength: { value: 500, unit: 'mg', per: null, basis: null, text: '500mg' }, raw: 'Amoxycillin  (500mg)' },
      { name: 'Clavulanic Acid', strength: { value: 125, unit: 'mg', per: null, basis: null, text: '125mg' }, raw: 'Clavulanic Acid (125mg)' },
    ]);
  });

  test('a strength per volume', () => {
    assert.deepEqual(parseComposition('Ammonium Chloride (138mg/5ml)').ingredients[0]?.strength, {
      value: 138,
      unit: 'mg',
      per: { value: 5, unit: 'ml' },
      basis: null,
      text: '138mg/5ml',
    });
  });

  test('international units, a percentage with its basis, a biologic', () => {
    assert.deepEqual(names('Vitamin D3 (60000IU)'), ['Vitamin D3 @ 60000 IU']);
    assert.deepEqual(names('Adapalene (0.1% w/w)'), ['Adapalene @ 0.1 % w/w']);
    assert.deepEqual(names('Bevacizumab (400mg)'), ['Bevacizumab @ 400 mg']);
  });

  test('the A–Z layout’s two columns, joined', () => {
    const joined = joinComposition(['Amoxycillin  (500mg) ', '  Clavulanic Acid (125mg)']);
    assert.equal(joined, 'Amoxycillin  (500mg) + Clavulanic Acid (125mg)');
    assert.deepEqual(names(joined), ['Amoxycillin @ 500 mg', 'Clavulanic Acid @ 125 mg']);
    assert.equal(joinComposition(['Azithromycin (500mg)', '']), 'Azithromycin (500mg)');
    assert.equal(joinComposition([null, undefined, ' ']), '');
  });

  test("the products layout's Python-literal list (strength from the description when the field is None)", () => {
    const text =
      "[{'name': 'Ammonium Chloride', 'strength': '138mg/5ml', 'full_description': 'Ammonium Chloride (138mg/5ml)'}, {'name': 'Ketoconazole', 'strength': None, 'full_description': 'Ketoconazole (2% w/w)'}]";
    const r = parseComposition(text);
    assert.equal(r.ok, true);
    assert.deepEqual(r.ingredients.map(describeIngredient), ['Ammonium Chloride @ 138 mg per 5 ml', 'Ketoconazole @ 2 % w/w']);
    assert.equal(r.ingredients[1]?.raw, 'Ketoconazole (2% w/w)');
  });

  test('the list form falls back to the dict fields when there is no description', () => {
    assert.deepEqual(names("[{'name': 'Cefixime', 'strength': '50mg/5ml'}]"), ['Cefixime @ 50 mg per 5 ml']);
    assert.deepEqual(names("[{'name': \"Ringer's Lactate\", 'strength': None}]"), ["Ringer's Lactate @ none"]);
  });
});

describe('parseComposition: names and strengths', () => {
  test('names keep their own parentheses; the last group is the strength', () => {
    assert.deepEqual(names('Vitamin B6 (Pyridoxine) (10mg)'), ['Vitamin B6 (Pyridoxine) @ 10 mg']);
    assert.deepEqual(names('Hepatitis B Vaccine (rDNA)'), ['Hepatitis B Vaccine (rDNA) @ none']);
    assert.deepEqual(names('Human Papillomavirus Quadrivalent (Types 6, 11, 16, and 18) Vaccine, Recombinant (NA)'), [
      'Human Papillomavirus Quadrivalent (Types 6, 11, 16, and 18) Vaccine, Recombinant @ none',
    ]);
  });

  test('`NA` is a strength written as absent: understood, no value', () => {
    const r = parseComposition('Guaifenesin (NA) + Bromhexine (NA)');
    assert.equal(r.ok, true);
    assert.deepEqual(r.ingredients.map((i) => i.strength), [null, null]);
  });

  test('a strength without parentheses', () => {
    assert.deepEqual(names('Paracetamol 650 mg'), ['Paracetamol @ 650 mg']);
    assert.deepEqual(names('Dextran 70'), ['Dextran 70 @ none']);
  });

  test('a strength that is written but not understood keeps the ingredient and is reported', () => {
    const r = parseComposition('Clobetasol (0.05% w/w) + Coal Tar (5v/w)');
    assert.equal(r.ok, false);
    assert.deepEqual(r.unparsed, ['Coal Tar (5v/w)']);
    assert.deepEqual(r.ingredients.map(describeIngredient), ['Clobetasol @ 0.05 % w/w', 'Coal Tar @ none']);
  });

  test('nothing usable: empty, no name, unbalanced, a bad list', () => {
    assert.deepEqual(parseComposition('   '), { ingredients: [], ok: false, unparsed: [] });
    assert.deepEqual(parseComposition('(500mg)'), { ingredients: [], ok: false, unparsed: ['(500mg)'] });
    assert.deepEqual(parseComposition('0.1% w/w'), { ingredients: [], ok: false, unparsed: ['0.1% w/w'] });
    assert.deepEqual(parseComposition('Paracetamol (500mg'), { ingredients: [], ok: false, unparsed: ['Paracetamol (500mg'] });
    const dangling = parseComposition('Paracetamol (500mg) +');
    assert.equal(dangling.ok, false);
    assert.deepEqual(dangling.ingredients.map(describeIngredient), ['Paracetamol @ 500 mg']);
    assert.equal(parseComposition("[{'name': 'x'").ok, false);
  });
});

describe('parseStrength', () => {
  const table: [string, string | null][] = [
    ['500mg', '500 mg'],
    ['650 mg', '650 mg'],
    ['0.10% w/w', '0.1 % w/w'],
    ['1 % w/v', '1 % w/v'],
    ['20%', '20 %'],
    ['100% v/v', '100 % v/v'],
    ['1.4gm/5ml', '1.4 g per 5 ml'],
    ['2mg/ml', '2 mg per 1 ml'],
    ['1.5mg/0.5ml', '1.5 mg per 0.5 ml'],
    ['150mcg/gm', '150 mcg per 1 g'],
    ['3500u/1g', '3500 units per 1 g'],
    ['250mcg/spray', '250 mcg per 1 spray'],
    ['100 µg', '100 mcg'],
    ['5 ug', '5 mcg'],
    ['60000IU', '60000 IU'],
    ['125iu/5ml', '125 IU per 5 ml'],
    ['75i.u', '75 IU'],
    ['3miu', '3 million IU'],
    ['2Million IU', '2 million IU'],
    ['6Lac units', '6 lakh units'],
    ['5000units', '5000 units'],
    ['20mEq', '20 mEq'],
    ['5LF', '5 Lf'],
    ['50000AU', '50000 AU'],
    ['2000PFU', '2000 PFU'],
    ['1000ccid50', '1000 CCID50'],
    ['40D - Antigen units', '40 D antigen units'],
    ['8D Antigen Unit', '8 D antigen units'],
    ['60Million spores', '60 million spores'],
    ['90millionspores', '90 million spores'],
    ['112.5Billion CFU', '112.5 billion CFU'],
    ['2.5Billion cells', '2.5 billion cells'],
    ['10ppm', '10 ppm'],
    ['0.2CU', '0.2 CU'],
    ['.5mg', '0.5 mg'],
    // Nothing is guessed.
    ['NA', null],
    ['5v/w', null],
    ['2 tablets', null],
    ['10 mg + 20 mg', null],
    ['mg', null],
    ['500', null],
    ['0.1 mg w/w', null],
    ['5mg/0ml', null],
    ['', null],
  ];
  for (const [text, want] of table) {
    test(JSON.stringify(text), () => assert.equal(describeStrength(parseStrength(text)), want));
  }

  test('keeps the text as written, trimmed', () => {
    assert.equal(parseStrength('  0.10% w/w ')?.text, '0.10% w/w');
  });
});

describe('the Python literal reader is data-only', () => {
  test('reads lists, dicts, strings with escapes, numbers, None/True/False', () => {
    assert.deepEqual(parsePyLiteral("[{'a': 'it\\'s', \"b\": None, 'c': True, 'd': -1.5e2, 'e': (1, 2)}]")?.value, [
      { a: "it's", b: null, c: true, d: -150, e: [1, 2] },
    ]);
    assert.deepEqual(parsePyLiteral("'\\x41\\u00e9'")?.value, 'Aé');
  });

  test('refuses code, trailing text and damage', () => {
    for (const bad of ["__import__('os').system('x')", "[{'a': 1}] + []", "[{'a': 1}", "{'a' 1}", "[1 2]", "'open", 'lambda: 1', "{['k']: 1}"]) {
      assert.equal(parsePyLiteral(bad), null, bad);
    }
    assert.equal(readIngredientList("[{'name': 'x'}, 3]"), null);
    assert.equal(readIngredientList("{'name': 'x'}"), null);
  });

  test('a `__proto__` key is an own property, not a prototype', () => {
    const v = parsePyLiteral("{'__proto__': {'polluted': 1}}")?.value as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(v), Object.prototype);
    assert.deepEqual(Object.keys(v), ['__proto__']);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  test('deep nesting is refused, not a stack overflow', () => {
    assert.equal(parsePyLiteral(`${'['.repeat(10_000)}${']'.repeat(10_000)}`), null);
  });
});

test('bad input never throws (fast-check)', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 120 }), (s) => {
      const r = parseComposition(s);
      assert.equal(typeof r.ok, 'boolean');
      parseStrength(s);
      parsePyLiteral(s);
      parseComposition(`[${s}]`);
    }),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.array(fc.constantFrom('(', ')', '[', ']', '+', "'", '"', '{', '}', ':', ',', 'A', '5', 'mg', '%', ' ', '/', 'None'), { maxLength: 40 }), (parts) => {
      parseComposition(parts.join(''));
    }),
    { numRuns: 2000 },
  );
});

// Every distinct pattern of the real catalogs, one real string each (test/fixtures/brands/patterns.json,
// written by bench/brands/patterns.ts and reviewed).
const patterns = loadPatterns();

describe('every composition shape of the real catalogs', () => {
  for (const p of patterns.compositions) {
    test(`${p.source}: ${p.shape}`, () => {
      const r = parseComposition(p.text);
      assert.deepEqual({ ok: r.ok, ingredients: r.ingredients.map(describeIngredient) }, { ok: p.ok, ingredients: p.ingredients });
    });
  }
});

describe('every strength shape of the real catalogs', () => {
  for (const p of patterns.strengths) {
    test(`${p.source}: ${p.shape}`, () => assert.equal(describeStrength(parseStrength(p.text)), p.strength));
  }
});

test('the table is honest: each row’s string has the shape it is listed under, and rows are not all the same answer', () => {
  for (const p of patterns.compositions) {
    const shape = p.source === 'products active_ingredients' ? ingredientListShape(readIngredientList(p.text) ?? []) : compositionShape(p.text);
    assert.equal(shape, p.shape, p.text);
  }
  for (const p of patterns.strengths) assert.equal(compositionShape(p.text), p.shape, p.text);
  assert.ok(patterns.compositions.length > 300, `only ${patterns.compositions.length} composition shapes`);
  assert.ok(patterns.compositions.some((p) => !p.ok), 'the table should record the unparsed shapes too');
  const units = new Set(patterns.compositions.flatMap((p) => p.ingredients.map((i) => i.split(' @ ')[1]?.split(' ')[1])));
  for (const u of ['mg', 'mcg', 'g', 'IU', '%', 'ml', 'million spores', 'CCID50'].map((x) => x.split(' ')[0])) assert.ok(units.has(u), `no ${u} strength in the table`);
});
