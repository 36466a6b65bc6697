import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { compositionKey, moleculeKey, parseComposition, parseStrength, strengthKey } from '../src/brands/index.js';

describe('moleculeKey', () => {
  const same: [string, string, string][] = [
    // case, accents, punctuation
    ['Paracetamol', 'PARACETAMOL', 'paracetamol'],
    ['Acétaminophène', 'acetaminophene', 'acetaminophene'],
    ['Levo-carnitine', 'Levocarnitine', 'levocarnitine'],
    ['Alpha Lipoic Acid', 'Alpha-Lipoic Acid', 'alphalipoicacid'],
    // parenthesized qualifiers, slash alternatives
    ['Progesterone (Natural Micronized)', 'Progesterone', 'progesterone'],
    ['Paracetamol/Acetaminophen', 'Paracetamol', 'paracetamol'],
    // spelling variants from data/search/synonyms.json
    ['Amoxycillin', 'Amoxicillin', 'amoxicillin'],
    ['Vitamin D3', 'Cholecalciferol', 'colecalciferol'],
    ['Vitamin B6 (Pyridoxine)', 'Pyridoxine', 'pyridoxine'],
    ['Ferrous Sulphate', 'Ferrous Sulfate', 'ferroussulfate'],
    ['Glycerin', 'Glycerol', 'glycerol'],
    // trailing salts and hydrates
    ['Metformin Hydrochloride', 'Metformin', 'metformin'],
    ['Metformin HCl', 'Metformin', 'metformin'],
    ['Amoxycillin Trihydrate', 'Amoxicillin', 'amoxicillin'],
    ['Chlorpheniramine Maleate', 'Chlorphenamine', 'chlorphenamine'],
    ['Dextromethorphan Hydrobromide', 'Dextromethorphan', 'dextromethorphan'],
    ['Amlodipine Besylate', 'Amlodipine', 'amlodipine'],
    ['Imatinib Mesylate', 'Imatinib', 'imatinib'],
    ['Metoprolol Succinate', 'Metoprolol Tartrate', 'metoprolol'],
    ['Sildenafil Citrate', 'Sildenafil', 'sildenafil'],
    ['Oseltamivir Phosphate', 'Oseltamivir', 'oseltamivir'],
    ['Octreotide Acetate', 'Octreotide', 'octreotide'],
    ['Salbutamol Sulphate', 'Salbutamol', 'salbutamol'],
    ['Diclofenac Sodium', 'Diclofenac Potassium', 'diclofenac'],
    ['Esomeprazole Magnesium Trihydrate', 'Esomeprazole', 'esomeprazole'],
    ['Atorvastatin Calcium', 'Atorvastatin', 'atorvastatin'],
    ['Zinc Sulphate Monohydrate', 'Zinc Sulfate', 'zincsulfate'],
    ['Glucosamine Sulfate Potassium Chloride', 'Glucosamine', 'glucosamine'],
    // a leading cation before a drug's anion
    ['Sodium Valproate', 'Valproate Sodium', 'valproate'],
    ['Sodium Picosulphate', 'Sodium Picosulfate', 'picosulfate'],
  ];
  for (const [a, b, key] of same) {
    test(`${a} = ${b}`, () => {
      assert.equal(moleculeKey(a), key);
      assert.equal(moleculeKey(b), key);
    });
  }

  const whole: [string, string][] = [
    // salts that are the molecule: nothing is left to be a drug without the salt word
    ['Sodium Chloride', 'sodiumchloride'],
    ['Potassium Chloride', 'potassiumchloride'],
    ['Sodium Citrate', 'sodiumcitrate'],
    ['Potassium Citrate', 'potassiumcitrate'],
    ['Calcium Carbonate', 'calciumcarbonate'],
    ['Calcium Citrate', 'calciumcitrate'],
    ['Calcium Gluconate', 'calciumgluconate'],
    ['Ammonium Chloride', 'ammoniumchloride'],
    ['Magnesium Sulphate', 'magnesiumsulfate'],
    ['Ferrous Fumarate', 'ferrousfumarate'],
    ['Zinc Acetate', 'zincacetate'],
    ['Sodium Bicarbonate', 'sodiumbicarbonate'],
    ['Disodium Hydrogen Citrate', 'disodiumhydrogencitrate'],
    ['Potassium Magnesium Citrate', 'potassiummagnesiumcitrate'],
    ['Sodium acid phosphate', 'sodiumacidphosphate'],
    ['Tricholine Citrate', 'tricholinecitrate'],
    ['Dimethyl Fumarate', 'dimethylfumarate'],
    ['Phenyl Mercuric Nitrate', 'phenylmercuricnitrate'],
    ['Calcium Lactobionate', 'calciumlactobionate'],
    ['Magnesium Valproate', 'magnesiumvalproate'],
    ['Chloral Hydrate', 'chloralhydrate'],
    // esters are not salts
    ['Fluticasone Propionate', 'fluticasonepropionate'],
    ['Fluticasone Furoate', 'fluticasonefuroate'],
    ['Olmesartan Medoxomil', 'olmesartanmedoxomil'],
    ['Triamcinolone Acetonide', 'triamcinoloneacetonide'],
    // a salt word alone stays
    ['Sodium', 'sodium'],
    ['Zinc', 'zinc'],
  ];
  for (const [name, key] of whole) test(`${name} stays whole`, () => assert.equal(moleculeKey(name), key));

  test('empty and odd input', () => {
    assert.equal(moleculeKey(''), '');
    assert.equal(moleculeKey('(NA)'), '');
    assert.equal(moleculeKey('Alzumab-L™'), 'alzumabl');
  });

  test('idempotent on its own output and never throws (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const k = moleculeKey(s);
        assert.match(k, /^[a-z0-9]*$/);
      }),
      { numRuns: 2000 },
    );
  });
});

const ingredients = (text: string) => parseComposition(text).ingredients;

describe('compositionKey', () => {
  test('molecules sorted with exact strengths, and the form', () => {
    assert.equal(compositionKey(ingredients('Amoxycillin (500mg) + Clavulanic Acid (125mg)'), 'Tablet'), 'amoxicillin 500mg + clavulanicacid 125mg | tablet');
  });

  test('the same composition however it is written', () => {
    const a = compositionKey(ingredients('Amoxycillin  (500mg) +  Clavulanic Acid (125mg)'), 'tablet');
    for (const other of [
      compositionKey(ingredients('Clavulanic Acid (125mg) + Amoxicillin Trihydrate (500mg)'), 'Tablets'),
      compositionKey(ingredients('Amoxycillin (0.5gm) + Clavulanic Acid (125 mg)'), 'tablet'),
      compositionKey(ingredients("[{'name': 'Amoxycillin', 'strength': '500mg'}, {'name': 'Clavulanic Acid', 'strength': '125mg'}]"), 'tablet'),
    ]) {
      assert.equal(other, a);
    }
    assert.equal(compositionKey(ingredients('Ambroxol (30mg/5ml)'), 'syrup'), compositionKey(ingredients('Ambroxol (6mg/ml)'), 'Syrup'));
    assert.equal(compositionKey(ingredients('Methylcobalamin (1500mcg)'), 'tablet'), compositionKey(ingredients('Methylcobalamin (1.5mg)'), 'tablet'));
    assert.equal(compositionKey(ingredients('Adapalene (0.10% w/w)'), 'gel'), compositionKey(ingredients('Adapalene (0.1% w/w)'), 'gel'));
  });

  test('different strength, form, basis or ingredients: different keys', () => {
    const base = compositionKey(ingredients('Paracetamol (500mg)'), 'tablet');
    assert.notEqual(compositionKey(ingredients('Paracetamol (650mg)'), 'tablet'), base);
    assert.notEqual(compositionKey(ingredients('Paracetamol (500mg)'), 'capsule'), base);
    assert.notEqual(compositionKey(ingredients('Paracetamol (500mg)'), 'tablet sr'), base);
    assert.notEqual(compositionKey(ingredients('Paracetamol (500mg) + Caffeine (30mg)'), 'tablet'), base);
    assert.notEqual(compositionKey(ingredients('Adapalene (0.1%)'), 'gel'), compositionKey(ingredients('Adapalene (0.1% w/w)'), 'gel'));
    assert.notEqual(compositionKey(ingredients('Ambroxol (30mg/5ml)'), 'syrup'), compositionKey(ingredients('Ambroxol (30mg)'), 'syrup'));
  });

  test('null when a strength or the form is unknown', () => {
    assert.equal(compositionKey(ingredients('Guaifenesin (NA) + Bromhexine (2mg)'), 'syrup'), null);
    assert.equal(compositionKey(ingredients('Paracetamol (500mg)'), null), null);
    assert.equal(compositionKey(ingredients('Paracetamol (500mg)'), 'other'), null);
    assert.equal(compositionKey([], 'tablet'), null);
    assert.equal(compositionKey([{ name: '(NA)', strength: parseStrength('5mg'), raw: '(NA) (5mg)' }], 'tablet'), null);
  });

  test('strengthKey canonical units', () => {
    const k = (s: string): string => strengthKey(parseStrength(s) ?? assert.fail(s));
    assert.equal(k('1gm'), '1000mg');
    assert.equal(k('12.5mcg'), '0.0125mg');
    assert.equal(k('1.4gm/5ml'), '280mg/ml');
    assert.equal(k('57.03mg/5ml'), '11.406mg/ml');
    assert.equal(k('150mcg/gm'), '0.15mg/g');
    assert.equal(k('3miu'), '3000000IU');
    assert.equal(k('6Lac units'), '600000units');
    assert.equal(k('100IU/ml'), '100IU/ml');
    assert.equal(k('250mcg/spray'), '0.25mg/spray');
    assert.equal(k('0.1% w/w'), '0.1% w/w');
    assert.equal(k('2000PFU'), '2000PFU');
  });

  test('order of ingredients never matters (fast-check)', () => {
    const parts = ['Paracetamol (325mg)', 'Aceclofenac (100mg)', 'Serratiopeptidase (15mg)', 'Chlorzoxazone (250mg)'];
    fc.assert(
      fc.property(fc.shuffledSubarray(parts, { minLength: 1 }), (sub) => {
        const forward = compositionKey(ingredients(sub.join(' + ')), 'tablet');
        const backward = compositionKey(ingredients([...sub].reverse().join(' + ')), 'tablet');
        assert.equal(forward, backward);
        assert.notEqual(forward, null);
      }),
    );
  });
});
