import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyLabel } from '../src/clinical/labels.js';
import { durationOf } from '../src/clinical/phrases.js';
import { statusOf } from '../src/clinical/pregnancy.js';
import { regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the holdout17 first run (session 10). Each case is a real text of
// ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: '"(for total daily doses not exceeding 1g)" is the daily maximum of the doses before it (erythromycin)',
    title: 'Erythromycin',
    dosage: '#### **Adults:**\n\n250 mg every 6 hours, or 500 mg every 12 hours (for total daily doses not exceeding 1g).',
    want: [
      { population: 'adult', amount: 250, timesPerDay: 4, maxDailyAmount: 1000 },
      { population: 'adult', amount: 500, timesPerDay: 2, maxDailyAmount: 1000 },
    ],
  },
  {
    name: 'the route right after the amount is the dose\'s own when another is named only in a later clause (erythromycin); a list of routes stays unclear (glucagon)',
    title: 'Erythromycin',
    dosage: 'Prokinetic doses of 70-200 mg IV every 6-8 hours are often used, although oral administration is also utilized.\n\n- **Hypoglycemia:** 1 mg subcutaneously, intramuscularly, or intravenously.',
    want: [
      { amount: 70, amountMax: 200, route: 'IV' },
      { indication: 'Hypoglycemia', amount: 1 },
    ],
  },
  {
    name: 'a lead-in naming one ingredient ("Gemcitabine dosage varies …:") names the ingredient of the list (gemcitabine + mannitol)',
    title: 'Gemcitabine + Mannitol',
    combination: true,
    dosage: '#### **Adults:**\n\nGemcitabine dosage varies depending on the cancer being treated and concurrent chemotherapy:\n\n*   **Ovarian Cancer:** 1000 mg/m² IV over 30 minutes on days 1 and 8 of each 21-day cycle in combination with carboplatin.',
    want: [{ indication: 'Ovarian Cancer', population: 'adult', ingredient: 'Gemcitabine', amount: 1000, per: 'm2', route: 'IV', cycleDays: 21, days: [1, 8], infusionMinutes: 30 }],
  },
  {
    name: '"starting 1–2 days before travel and continuing for 7 days after leaving" gives no course duration (primaquine)',
    title: 'Primaquine',
    dosage: '**Children:** 0.5 mg/kg base orally once daily (maximum 30 mg/day), starting 1–2 days before travel and continuing for 7 days after leaving the malarious area.',
    want: [{ population: 'child', amount: 0.5, per: 'kg', route: 'oral', timesPerDay: 1, maxDailyAmount: 30 }],
  },
];

for (const c of CASES) {
  test(`regimens (holdout17): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

test('labels (holdout17): a parenthesis naming the group is no part of the condition; one naming a purpose is', () => {
  const read = (l: string): { indication: string | null; population: unknown } => {
    const i = classifyLabel(l, { ingredients: [] });
    return { indication: i.indication, population: i.population };
  };
  assert.deepEqual(read('Hyperphosphatemia (Adults with Stage 5 CKD on Dialysis)'), { indication: 'Hyperphosphatemia', population: 'renal' });
  assert.deepEqual(read('Type 2 Diabetes Mellitus (Adults)'), { indication: 'Type 2 Diabetes Mellitus', population: 'adult' });
  assert.equal(read('Motion Sickness (Pediatric Prophylaxis)').indication, 'Motion Sickness (Pediatric Prophylaxis)');
});

test('duration (holdout17): a course that continues for a time after an event has no stated length', () => {
  assert.equal(durationOf('once daily, starting 1–2 days before travel and continuing for 7 days after leaving'), 'ambiguous');
  assert.deepEqual(durationOf('once daily for 7 days'), { days: 7, weeks: null });
});

test('pregnancy (holdout17): "may not be fully established" is not-established', () => {
  assert.equal(statusOf('The safety profile may not be fully established.'), 'not-established');
});
