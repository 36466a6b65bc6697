import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyScore, scorePage } from '../bench/extract-score.js';
import { durationOf } from '../src/clinical/phrases.js';
import { pregnancyStatus, regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the holdout33 first run (session 13), and from the corpus
// comparison that checked them. Each case is a real text of ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: 'a parenthesis with doses of its own caps those, not the sentence\'s (ciprofloxacin + loperamide + tinidazole)',
    title: 'Ciprofloxacin + Loperamide + Tinidazole',
    combination: true,
    dosage: '#### **Adults:**  Ciprofloxacin 500 mg + Tinidazole 600 mg twice daily, along with Loperamide as needed for diarrhea (4 mg initially, then 2 mg after each loose stool, not exceeding 16 mg/day).',
    want: [
      { population: 'adult', ingredient: 'Ciprofloxacin', amount: 500, timesPerDay: 2 },
      { population: 'adult', ingredient: 'Tinidazole', amount: 600, timesPerDay: 2 },
    ],
  },
  {
    name: '"200-600 mg/day for CoQ10 and 25-75 mg/day for DHEA": amounts said of names the reader does not know as ingredients give no regimen (coenzyme Q10 + DHEA)',
    title: 'Coenzyme Q10 + Dehydroepiandrosterone',
    combination: true,
    dosage: '#### **Adults:**\n\nTypical dosages range from 200-600 mg/day for CoQ10 and 25-75 mg/day for DHEA.',
    want: [],
  },
  {
    name: '"Preoperative:" alone is a time, no condition; "Total dose typically ranges from 4-12.5 mg" is a total (butorphanol)',
    title: 'Butorphanol',
    dosage: '- **Surgical Procedures:**\n    - Preoperative: 2 mg IM 60-90 minutes before surgery.\n    - Intraoperative: 2 mg IV before induction. Total dose typically ranges from 4-12.5 mg.',
    want: [
      { amount: 2, route: 'IM' },
      { amount: 2, route: 'IV' },
    ],
  },
  {
    name: '… while a label above it still names the condition (carbazochrome)',
    title: 'Carbazochrome',
    dosage: '* **Bleeding prophylaxis (prevention):**\n    * **Preoperative:** 10 mg intramuscularly (IM) the night before surgery.',
    want: [{ indication: 'Bleeding prophylaxis', amount: 10, route: 'IM' }],
  },
  {
    name: '"10 g/m² BSA per day … for three consecutive days", "given on three consecutive days": a daily amount and its course (treosulfan)',
    title: 'Treosulfan',
    dosage:
      '#### **Adults:**\n\n- 10 g/m² body surface area (BSA) per day as a two-hour intravenous infusion, given on three consecutive days (day -4, -3, -2) before stem cell infusion (day 0).\n\n#### **Children:**\n\n- 10 g/m² BSA per day as a two-hour intravenous infusion for three consecutive days (day -4, -3, -2) before stem cell infusion (day 0).',
    want: [
      { population: 'adult', amount: 10000, per: 'm2', amountPer: 'day', route: 'IV', durationDays: 3, infusionMinutes: 120 },
      { population: 'child', amount: 10000, per: 'm2', amountPer: 'day', route: 'IV', durationDays: 3, infusionMinutes: 120 },
    ],
  },
  {
    name: '"either orally (as a tablet) or intravenously (IV) as a 1-hour infusion": the IV option\'s time, not the dose\'s (tedizolid)',
    title: 'Tedizolid',
    dosage: '* **Acute Bacterial Skin and Skin Structure Infections (ABSSSI):** The recommended dose is 200 mg once daily (OD) for 6 days.  This can be administered either orally (as a tablet) or intravenously (IV) as a 1-hour infusion.',
    want: [{ indication: 'Acute Bacterial Skin and Skin Structure Infections (ABSSSI)', amount: 200, timesPerDay: 1, durationDays: 6 }],
  },
  {
    name: '"…, or 100 mg daily when combined with estrogen": an alternative has no part in the other\'s cycle (progesterone)',
    title: 'Progesterone',
    dosage: '* **HRT:** 200 mg orally at bedtime for 12 days per 28-day cycle, or 100 mg daily when combined with estrogen.',
    want: [
      { indication: 'HRT', amount: 200, route: 'oral', timesPerDay: 1, cycleDays: 28, durationDays: 12 },
      { indication: 'HRT', amount: 100, route: 'oral', timesPerDay: 1 },
    ],
  },
];

for (const c of CASES) {
  test(`regimens (holdout33): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

test('duration (holdout33): "on three consecutive days" is a course; "on two consecutive days monthly" a monthly pattern', () => {
  assert.deepEqual(durationOf('given on three consecutive days (day -4, -3, -2)'), { days: 3, weeks: null });
  assert.equal(durationOf('75 mg orally on two consecutive days monthly'), null);
  assert.equal(durationOf('25mg daily for 25 days each month'), null);
});

test('pregnancy (holdout33): "should be discontinued upon confirmation of pregnancy" is avoid, which "contraindicated" beside it does not contradict', () => {
  assert.equal(pregnancyStatus('Both DHEA and CoQ10 should be discontinued upon confirmation of pregnancy.', ['Coenzyme Q10', 'Dehydroepiandrosterone']), 'avoid');
  assert.equal(pregnancyStatus('Irbesartan is contraindicated during pregnancy. It should be discontinued as soon as pregnancy is detected.'), 'contraindicated');
});

test('pregnancy (holdout33): a bare "Pregnancy Safety Category: Not established." is the evidence, which advice in the section outweighs (bromelain)', () => {
  assert.equal(pregnancyStatus('- **Pregnancy Safety Category:**  Not established.\n- Avoid use during pregnancy due to potential for abnormal bleeding and miscarriage.'), 'avoid');
  // Alone it is the status.
  assert.equal(pregnancyStatus('- **Pregnancy Safety Category:**  Not established.'), 'not-established');
});
test('scoring (holdout33): an acid and its anion name one molecule', () => {
  const s = emptyScore();
  const regimen = { ingredient: 'Alendronic Acid', amount: 70, unit: 'mg', amountPer: 'dose', source: { file: 'x.md', line: 3, text: '' } };
  scorePage(s, 'x.md', [regimen as never], [{ line: 3, ingredient: 'alendronate', amount: 70 }], () => ['ingredient', 'amount'] as never, true);
  assert.equal(s.correct, 1);
});
