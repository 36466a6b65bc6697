import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AMBIGUOUS, frequencyOf } from '../src/clinical/phrases.js';
import { splitLabel } from '../src/clinical/section-lines.js';
import { regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the holdout32 first run (session 13), and from the corpus
// comparison that checked them. Each case is a real text of ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: '"four times daily, taken half an hour before meals and at bedtime": the count, and when the doses fall (tripotassium dicitrato bismuthate)',
    title: 'Tripotassium Dicitrato Bismuthate',
    dosage: '#### **Adults:**\n\n- 120 mg (one tablet or 5 mL suspension) four times daily, taken half an hour before meals and at bedtime.',
    want: [{ population: 'adult', amount: 120, route: 'oral', timesPerDay: 4 }],
  },
  {
    name: '"Gastric lesions" and "Helicobacter pylori eradication" name conditions (lafutidine)',
    title: 'Lafutidine',
    dosage: '**Adult Dosage:**  Generally, the oral dosage is:\n\n* **Gastric lesions:** 10 mg once daily for two weeks (treatment duration may be adjusted based on individual response).\n* **Helicobacter pylori eradication:** 20 mg twice daily for 7-14 days in combination with other antibiotics as directed by a physician.',
    want: [
      { indication: 'Gastric lesions', population: 'adult', amount: 10, route: 'oral', timesPerDay: 1, durationWeeks: 2 },
      { indication: 'Helicobacter pylori eradication', population: 'adult', amount: 20, route: 'oral', timesPerDay: 2 },
    ],
  },
  {
    name: '"greater than twice the upper limit of normal (ULN)": a laboratory limit, not a reference intake (pegcetacoplan)',
    title: 'Pegcetacoplan',
    dosage: 'Pegcetacoplan is administered subcutaneously (under the skin) using a commercially available infusion pump. If lactate dehydrogenase (LDH) levels, a marker of red blood cell breakdown, are greater than twice the upper limit of normal (ULN), the dose should be adjusted to 1080 mg every three days.',
    want: [{ amount: 1080, route: 'SC', everyDays: 3 }],
  },
  {
    name: '"***Helicobacter pylori* Eradication (Off-label):**": a bold label opening with an italic name (bismuth subsalicylate)',
    title: 'Bismuth Subsalicylate',
    dosage: '**Adults:**\n\n* ***Helicobacter pylori* Eradication (Off-label):**  As part of quadruple therapy, 300 mg QID in combination with other antibiotics and a proton pump inhibitor for 10-14 days.',
    want: [{ indication: 'Helicobacter pylori Eradication', population: 'adult', amount: 300, timesPerDay: 4 }],
  },
];

for (const c of CASES) {
  test(`regimens (holdout32): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

test('labels (holdout32): a bold label with an italic name in it, or bold italic, is a label', () => {
  assert.deepEqual(splitLabel('***Helicobacter pylori* Eradication (Off-label):**  300 mg QID'), { label: 'Helicobacter pylori Eradication (Off-label)', text: '300 mg QID' });
  assert.deepEqual(splitLabel('***Adults:*** 5 mg daily'), { label: 'Adults', text: '5 mg daily' });
  // Plain bold labels are unchanged.
  assert.deepEqual(splitLabel('**Adults:** 5 mg daily'), { label: 'Adults', text: '5 mg daily' });
});

test('frequency (holdout32): "before meals and at bedtime" with a count gives the count; alone, several doses a day, how many not said', () => {
  assert.deepEqual(frequencyOf('four times daily, taken half an hour before meals and at bedtime'), { timesPerDay: 4, timesPerWeek: null, everyDays: null });
  assert.equal(frequencyOf('after meals and at bedtime'), AMBIGUOUS);
});
