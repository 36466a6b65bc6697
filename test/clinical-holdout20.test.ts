import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amountsIn } from '../src/clinical/amounts.js';
import { infusionMinutesOf } from '../src/clinical/phrases.js';
import { regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the holdout20 first run (session 10). Each case is a real text of
// ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: '"per day, taken as a single oral dose" is once a day (chlorambucil)',
    title: 'Chlorambucil',
    dosage: '#### **Adults:**\n\nThe usual starting dose is 0.1 to 0.2 mg/kg of body weight per day, taken as a single oral dose.',
    want: [{ population: 'adult', phase: 'initial', amount: 0.1, amountMax: 0.2, per: 'kg', amountPer: 'day', route: 'oral', timesPerDay: 1 }],
  },
  {
    name: '"between 3 mg/kg and 10 mg/kg" is one range (infliximab-dyyb)',
    title: 'Infliximab-dyyb',
    dosage: '**Maintenance:** Doses can vary between 3 mg/kg and 10 mg/kg depending on individual response and disease severity.',
    want: [{ phase: 'maintenance', amount: 3, amountMax: 10, per: 'kg' }],
  },
  {
    name: '"of the amoxicillin component" is another drug\'s share of the product (potassium clavulanate)',
    title: 'Potassium Clavulanate',
    dosage: '**Children:** 20-45 mg/kg/day of the amoxicillin component, divided every 8 or 12 hours depending on the severity.',
    want: [],
  },
  {
    name: '"Renal Osteodystrophy" is a condition, not the renal group (dihydrotachysterol)',
    title: 'Dihydrotachysterol',
    dosage: '**Renal Osteodystrophy:** 0.1–0.6 mg daily.',
    want: [{ indication: 'Renal Osteodystrophy', amount: 0.1, amountMax: 0.6, timesPerDay: 1 }],
  },
];

for (const c of CASES) {
  test(`regimens (holdout20): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

test('infusion (holdout20): "bolus over 60 seconds" is one minute; "over 30 seconds" is no whole minute (vecuronium)', () => {
  assert.equal(infusionMinutesOf('0.08-0.1 mg/kg IV bolus over 60 seconds.'), 1);
  assert.equal(infusionMinutesOf('injected over 30 seconds'), null);
  assert.equal(infusionMinutesOf('infused over 5 minutes or injected over 30 seconds'), 5);
});

test('amounts (holdout20): "between A and B" joins only after "between"', () => {
  assert.deepEqual(amountsIn('between 100 mg and 150 mg daily').map((a) => [a.min, a.max]), [[100, 150]]);
  assert.deepEqual(amountsIn('100 mg and 150 mg').map((a) => [a.min, a.max]), [[100, 100], [150, 150]]);
});
