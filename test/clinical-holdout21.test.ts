import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyLabel } from '../src/clinical/labels.js';
import { populationOf } from '../src/clinical/phrases.js';
import { regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the holdout21 first run (session 10). Each case is a real text of
// ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: '"For conditions like rheumatoid arthritis, …" names the conditions (adalimumab)',
    title: 'Adalimumab',
    dosage: 'For conditions like rheumatoid arthritis, psoriatic arthritis, and ankylosing spondylitis, 40 mg SC every other week.',
    want: [{ indication: 'rheumatoid arthritis, psoriatic arthritis, and ankylosing spondylitis', amount: 40, route: 'SC', everyDays: 14 }],
  },
  {
    name: '"aiming for a total daily dose of 10-15 mg/kg/day" is a target, not a dose (acetohydroxamic acid)',
    title: 'Acetohydroxamic Acid',
    dosage: 'The maintenance dose is usually 250 mg three or four times a day, aiming for a total daily dose of 10-15 mg/kg/day.',
    want: [{ phase: 'maintenance', amount: 250 }],
  },
  {
    name: '"increasing … to reach a total daily dose of 60-120 mg" is still the escalation\'s end (nicardipine)',
    title: 'Nicardipine',
    dosage: '* **Chronic Stable Angina (Oral):**  Treatment starts at 20 mg three times daily, increasing gradually over several days to reach a total daily dose of 60-120 mg.',
    want: [
      { indication: 'Chronic Stable Angina', phase: 'initial', amount: 20, route: 'oral', timesPerDay: 3 },
      { indication: 'Chronic Stable Angina', phase: 'escalation', amount: 60, amountMax: 120, amountPer: 'day', route: 'oral' },
    ],
  },
];

for (const c of CASES) {
  test(`regimens (holdout21): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

test('labels (holdout21): "Adult Dosage for Prostate Cancer (mCRPC and mCSPC)" names the condition with its parenthesis (abiraterone)', () => {
  const l = classifyLabel('Adult Dosage for Prostate Cancer (mCRPC and mCSPC)', { ingredients: [] });
  assert.equal(l.indication, 'Prostate Cancer (mCRPC and mCSPC)');
  assert.equal(l.population, 'adult');
  assert.equal(classifyLabel('Dosage for Children', { ingredients: [] }).indication, null);
});

test('population (holdout21): "serum creatinine levels above 1.8 mg/dL" is the renal group (acetohydroxamic acid)', () => {
  assert.equal(populationOf('For individuals with serum creatinine levels above 1.8 mg/dL'), 'renal');
});
