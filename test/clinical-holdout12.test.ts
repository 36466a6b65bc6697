import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusOf } from '../src/clinical/pregnancy.js';
import { classifyLabel } from '../src/clinical/labels.js';
import { regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the holdout12 first run (session 9). Each case is a real text of
// ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: '"once to three times daily" is a range: how often is not one number, and the dose is no single dose (rifaximin)',
    dosage: "* **Traveler's diarrhea (prophylaxis - off-label):** 200 mg once to three times daily for three days.",
    want: [{ indication: "Traveler's diarrhea", amount: 200, durationDays: 3 }],
  },
  {
    name: 'a trailing "(off-label)" mark is no part of the condition, nor does it hide it (rifaximin, dapagliflozin)',
    dosage: '* **Small Intestinal Bacterial Overgrowth (SIBO) (off-label):** 550 mg three times daily for 14 days.',
    want: [{ indication: 'Small Intestinal Bacterial Overgrowth (SIBO)', amount: 550, timesPerDay: 3, durationDays: 14 }],
  },
  {
    name: '"The dosage regimen for IM administration in bipolar mania is …": the route, then the condition (risperidone)',
    dosage: '**Adults:** The dosage regimen for IM administration in bipolar mania is similar to that for schizophrenia, starting at 25 mg every two weeks.',
    want: [{ indication: 'bipolar mania', population: 'adult', phase: 'initial', amount: 25, route: 'IM', everyDays: 14 }],
  },
];

for (const c of CASES) {
  test(`regimens (holdout12): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

test('labels (holdout12): "(off-label)" is dropped, a parenthesis before it still read', () => {
  assert.equal(classifyLabel('Diabetic Kidney Disease (off-label)', { ingredients: [] }).indication, 'Diabetic Kidney Disease');
  assert.equal(classifyLabel('Small Intestinal Bacterial Overgrowth (SIBO) (Off-label)', { ingredients: [] }).indication, 'Small Intestinal Bacterial Overgrowth (SIBO)');
});

test('pregnancy (holdout12): in one sentence, advice beside the evidence rates use; a weak caution does not (terizidone)', () => {
  assert.equal(statusOf('Pregnancy Category is unknown; use only when clearly needed and no suitable alternatives exist.'), 'caution');
  assert.equal(statusOf('Limited data available, use with caution.'), 'caution');
  assert.equal(statusOf('Safety has not been established; discuss the risks and benefits with a healthcare provider.'), 'not-established');
  assert.equal(statusOf('Limited data are available.'), 'not-established');
});
