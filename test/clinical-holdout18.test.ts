import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyLabel } from '../src/clinical/labels.js';
import { statusOf } from '../src/clinical/pregnancy.js';
import { regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the holdout18 first run (session 10). Each case is a real text of
// ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: 'an infection the reader did not know ("Anthrax") is a condition, so the doses under it are read (obiltoxaximab)',
    title: 'Obiltoxaximab',
    dosage: '**Anthrax (Treatment and Prophylaxis):**  Obiltoxaximab is administered intravenously (IV). Dosage varies based on weight:\n\n* **Children weighing 15 kg to <40 kg:** 24 mg/kg as a single dose.',
    want: [{ indication: 'Anthrax (Treatment and Prophylaxis)', population: 'child', amount: 24, per: 'kg', route: 'IV', single: true }],
  },
];

for (const c of CASES) {
  test(`regimens (holdout18): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

test('labels (holdout18): "for both X and Y" in a parenthesis names the conditions without "for both" (brolucizumab)', () => {
  assert.equal(classifyLabel('Adults (for both wet AMD and DME)', { ingredients: [] }).indication, 'wet AMD and DME');
  assert.equal(classifyLabel('Chickenpox (immunocompetent)', { ingredients: [] }).unknown, false);
});

test('pregnancy (holdout18): "only under the supervision of a healthcare professional" is a caution (clindamycin topical)', () => {
  assert.equal(statusOf('Clindamycin is in pregnancy category B (animal studies showed no risk), but use during pregnancy should only occur under the supervision of a healthcare professional.'), 'caution');
  // A category's own explanation is no advice (streptomycin).
  assert.equal(statusOf('Category D (evidence of human fetal risk, but potential benefits may outweigh risks in certain life-threatening situations).'), null);
});
