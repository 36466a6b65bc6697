import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyLabel } from '../src/clinical/labels.js';
import { extractSafety } from '../src/clinical/pregnancy.js';
import { page, regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the first run of holdout42 (session 14), and from the corpus comparison that
// checked them. Each case is a real text of ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: '"Oral powder:" inside the line states the route; "those over 65 kg" is a weight, not the elderly (glutamine)',
    title: 'Glutamine',
    dosage:
      '**Adults:**\n\n* **Sickle Cell Disease (prevention of vaso-occlusive pain):** Oral powder: Dosage is weight-based.  Patients weighing less than 30 kg receive 5 grams twice a day (BID); those weighing 30-65 kg receive 10 grams BID; and those over 65 kg receive 15 grams BID.',
    want: [
      { indication: 'Sickle Cell Disease (prevention of vaso-occlusive pain)', population: 'adult', amount: 5000, route: 'oral', timesPerDay: 2 },
      { indication: 'Sickle Cell Disease (prevention of vaso-occlusive pain)', population: 'adult', amount: 10000, route: 'oral', timesPerDay: 2 },
      { indication: 'Sickle Cell Disease (prevention of vaso-occlusive pain)', population: 'adult', amount: 15000, route: 'oral', timesPerDay: 2 },
    ],
  },
  {
    name: '"30 grams daily, divided into six doses of 5 grams each for up to 16 weeks": the day\'s total and each dose (glutamine)',
    title: 'Glutamine',
    dosage: '**Adults:**\n\n* **Short Bowel Syndrome:** Oral: 30 grams daily, divided into six doses of 5 grams each for up to 16 weeks.',
    want: [
      { indication: 'Short Bowel Syndrome', population: 'adult', amount: 30000, amountPer: 'day', route: 'oral', timesPerDay: 6, durationWeeks: 16 },
      { indication: 'Short Bowel Syndrome', population: 'adult', amount: 5000, route: 'oral', timesPerDay: 6, durationWeeks: 16 },
    ],
  },
  {
    name: '"600 mg daily, typically divided into 150 mg four times a day (QID) or 300 mg twice a day (BID)": a daily total and its shares (metacycline)',
    title: 'Metacycline',
    dosage: '**Adults:** The usual oral dose is 600 mg daily, typically divided into 150 mg four times a day (QID) or 300 mg twice a day (BID).',
    want: [
      { population: 'adult', amount: 600, amountPer: 'day', route: 'oral' },
      { population: 'adult', amount: 150, route: 'oral', timesPerDay: 4 },
      { population: 'adult', amount: 300, route: 'oral', timesPerDay: 2 },
    ],
  },
  {
    name: '"Adults with HoFH": the condition\'s abbreviation; "a maximum of 60 mg once daily" caps the day; "further to 20 mg, 40 mg" are steps of the increase (lomitapide)',
    title: 'Lomitapide',
    dosage:
      '* **Adults with HoFH:**  Treatment begins with a low dose (5 mg once daily). After at least two weeks, the doctor may increase the dose to 10 mg once daily, and then potentially further to 20 mg, 40 mg, and finally a maximum of 60 mg once daily.',
    want: [
      { indication: 'HoFH', population: 'adult', phase: 'escalation', amount: 10, timesPerDay: 1, maxDailyAmount: 60 },
      { indication: 'HoFH', population: 'adult', phase: 'escalation', amount: 20, maxDailyAmount: 60 },
      { indication: 'HoFH', population: 'adult', phase: 'escalation', amount: 40, maxDailyAmount: 60 },
    ],
  },
  {
    name: '"up to a maintenance dose of 100-200 mg twice daily" is the maintenance dose, no cap; after "Loading Dose:", "followed by 100 mg twice daily" is no loading dose (lacosamide)',
    title: 'Lacosamide',
    dosage:
      '#### **Adults:**\n\n- **Adjunctive Therapy:** Initial dose: 50 mg twice daily. Increase weekly by 50 mg twice daily up to a maintenance dose of 100-200 mg twice daily (200-400 mg/day).\n- **Loading Dose (Optional):** 200 mg single dose, followed by 100 mg twice daily.',
    want: [
      { population: 'adult', phase: 'initial', amount: 50, timesPerDay: 2 },
      { population: 'adult', phase: 'maintenance', amount: 100, amountMax: 200, timesPerDay: 2 },
      { population: 'adult', phase: 'loading', amount: 200, single: true },
      { population: 'adult', amount: 100, timesPerDay: 2 },
    ],
  },
  {
    name: '"400 mg/m² IV bolus on Day 1, followed by 2400-3000 mg/m² continuous infusion over 46 hours": the infusion is the second dose\'s; "on Days 1 and 8 every 28 days" is a 28-day cycle (fluorouracil)',
    title: 'Fluorouracil',
    dosage:
      '* **Colon/Rectum Cancer:** 400 mg/m² IV bolus on Day 1, followed by 2400-3000 mg/m² continuous infusion over 46 hours every two weeks in combination with leucovorin, with or without oxaliplatin/irinotecan.\n* **Breast Cancer:** 500-600 mg/m² IV on Days 1 and 8 every 28 days for 6 cycles as part of a multidrug regimen.',
    want: [
      { indication: 'Colon/Rectum Cancer', amount: 400, per: 'm2', route: 'IV', days: [1] },
      { indication: 'Colon/Rectum Cancer', amount: 2400, amountMax: 3000, per: 'm2', route: 'IV', everyDays: 14, infusionMinutes: 2760 },
      { indication: 'Breast Cancer', amount: 500, amountMax: 600, per: 'm2', route: 'IV', cycleDays: 28, days: [1, 8] },
    ],
  },
  {
    name: 'a time in the last dose\'s parenthesis is that dose\'s, not the list\'s; one after the list is the list\'s (paclitaxel, piperacillin + tazobactam)',
    title: 'Paclitaxel',
    dosage:
      'Paclitaxel is administered intravenously (IV).\n\n**Adult Dosages:**  A wide range of doses are used in different protocols; examples (not exhaustive) include 80mg/m² weekly, 135 mg/m² every three weeks (given over 3 hours or 24 hours), and 175 mg/m² every three weeks (given over 3 hours).\n\n* **Standard dose:** 3.375 g every 6 hours or 4.5 g every 8 hours, administered intravenously over 30 minutes.',
    want: [
      // ("over 3 hours or 24 hours": two times, neither the dose's for sure)
      { population: 'adult', amount: 80, per: 'm2', route: 'IV', everyDays: 7 },
      { population: 'adult', amount: 135, per: 'm2', route: 'IV', everyDays: 21 },
      { population: 'adult', amount: 175, per: 'm2', route: 'IV', everyDays: 21, infusionMinutes: 180 },
      { population: 'adult', amount: 3375, route: 'IV', timesPerDay: 4, infusionMinutes: 30 },
      { population: 'adult', amount: 4500, route: 'IV', timesPerDay: 3, infusionMinutes: 30 },
    ],
  },
];

for (const c of CASES) {
  test(`regimens (holdout42): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

test('labels (holdout42): supplementation is a purpose, reference intakes in a parenthesis block the label', () => {
  for (const label of ['Nutritional Supplementation', 'For dietary supplementation', 'Calcium supplementation']) {
    const info = classifyLabel(label, { ingredients: [] });
    assert.equal(info.indication, null, label);
    assert.equal(info.unknown, false, label);
    assert.equal(info.block, false, label);
  }
  assert.equal(classifyLabel('Dietary Supplementation (RDA)', { ingredients: [] }).block, true);
  // A purpose beside a condition still names the condition.
  assert.equal(classifyLabel('General Supplementation/Migraine Prevention', { ingredients: [] }).indication, 'General Supplementation/Migraine Prevention');
});

test('pregnancy (holdout42): a heading written inline ("Pregnancy and breastfeeding:") rates nothing by itself', () => {
  const status = (text: string): string | null => extractSafety(page({ Precautions: text }).sections, { file: 'test/example.md', ingredients: [] }).pregnancy?.status ?? null;
  // (glutamine: the sentence after it names breastfeeding only)
  assert.equal(status('* **Warnings:** Use with caution in individuals with liver impairment.  Pregnancy and breastfeeding:  Glutamine is present in breast milk, so caution should be exercised during breastfeeding.'), null);
  // (a sentence naming no topic rates the heading's)
  assert.equal(status('* **Warnings:** Pregnancy and breastfeeding: Use only if necessary and under medical supervision.'), 'caution');
});
