import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusOf } from '../src/clinical/pregnancy.js';
import { pregnancyStatus, regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the holdout34 first run (session 13), and from the corpus
// comparison that checked them. Each case is a real text of ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: '"from 6 mg/kg every 8 hours to 15 mg/kg every 8 hours" is one range, its interval said at both ends (ceftaroline)',
    title: 'Ceftaroline',
    dosage: '**Children:** Doses range from 6 mg/kg every 8 hours to 15 mg/kg every 8 hours (with a maximum of 600 mg per dose), and the duration depends on the infection.',
    want: [{ population: 'child', amount: 6, amountMax: 15, per: 'kg', timesPerDay: 3 }],
  },
  {
    name: '"increased by approximately 1.25 mg/m² weekly" is an increment, not a dose (vinblastine)',
    title: 'Vinblastine',
    dosage: '#### **Children:**\n\nInitial dose: 2.5 mg/m² intravenously once weekly.  Dosage may be incrementally increased by approximately 1.25 mg/m² weekly, based on tolerance and white blood cell count.',
    want: [{ population: 'child', phase: 'initial', amount: 2.5, per: 'm2', route: 'IV', everyDays: 7 }],
  },
];

for (const c of CASES) {
  test(`regimens (holdout34): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

test('pregnancy (holdout34): "High doses are generally not recommended during pregnancy" limits the dose and rates no use (vitamin B3, vitamin D3, zinc)', () => {
  assert.equal(statusOf('High doses are generally not recommended during pregnancy unless specifically prescribed for pellagra.'), null);
  assert.equal(pregnancyStatus('- **Pregnancy Safety Category:** A (when used in recommended doses). High doses should be avoided during pregnancy.'), null);
  // A rating of use is still one.
  assert.equal(statusOf('Use should be avoided during pregnancy.'), 'avoid');
});
