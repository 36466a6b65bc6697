import assert from 'node:assert/strict';
import { test } from 'node:test';
import { regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// "A wrong number is worse than none": sentences from the real corpora where the reader either
// understands every field a regimen needs or gives no regimen (or leaves the field it cannot tell
// empty). Each case lists every regimen it must give; an extra or a different field fails it.

const CASES: RegimenCase[] = [
  // Labels the reader does not understand may name the condition: no regimen rather than a null indication.
  {
    name: 'a label that may name a condition the reader does not know gives no regimen',
    dosage: '- **Kala-azar:** 20 mg/kg IV once daily for 28 days.',
    want: [],
  },
  {
    name: 'a label naming a condition around a word set aside ("Chronic Phase CML") is the indication',
    dosage: '#### **Adults:**\n\n- **Chronic Phase CML:** 100 mg orally once daily.',
    want: [{ indication: 'Chronic Phase CML', population: 'adult', amount: 100, route: 'oral', timesPerDay: 1 }],
  },
  {
    name: 'a parenthesis abbreviating its label ("Dry powder inhaler (DPI)") is no indication',
    dosage: '- **Dry powder inhaler (DPI):** 220 mcg once daily.',
    want: [{ amount: 0.22, route: 'inhaled', timesPerDay: 1 }],
  },
  // Words outside every dose's own clause.
  {
    name: 'a frequency stated outside the doses\' own words makes theirs unclear',
    dosage: '- Common regimens involve starting with a low dose three times weekly and gradually increasing over several weeks to reach the target dose, which can be either 22 mcg or 44 mcg.',
    want: [],
  },
  {
    name: 'a route named outside the dose\'s own words, in a sentence naming two, leaves the route empty',
    dosage: '- Oral and intravenous dosages are generally 600 mg every 12 hours.',
    want: [{ amount: 600, timesPerDay: 2 }],
  },
  {
    name: 'the route of an earlier treatment is not the dose\'s',
    dosage: '- 1 g twice daily for 10-14 days (usually after initial intravenous treatment).',
    want: [{ amount: 1000, timesPerDay: 2 }],
  },
  {
    name: 'the section\'s opening route stands only when no other line names another route',
    dosage: 'It is administered intravenously.\n\n- 10 mg once daily.\n- Oral: 20 mg twice daily.',
    want: [{ amount: 20, route: 'oral', timesPerDay: 2 }],
  },
  {
    name: 'a tablet form stated in the line gives the route; a cycle stated in the line gives the cycle',
    dosage: '- 125 mg once daily for 21 consecutive days, followed by a 7-day break. This 28-day cycle is repeated until progression. Two tablets are typically taken.',
    want: [{ amount: 125, route: 'oral', timesPerDay: 1, durationDays: 21, cycleDays: 28 }],
  },
  // Groups and phases that disagree.
  {
    name: 'a sentence naming another group than its label gives no regimen',
    dosage: '#### **Children (12 years and older):**\n\nThe dosage is the same as for adults: 1500 mg orally once daily.',
    want: [],
  },
  {
    name: 'words of another phase before the dose make its label\'s phase unclear',
    dosage: '- **Initial dose:** 250 mg orally once daily. Gradually titrate up to the highest tolerated dose, typically 15-20 mg/kg/day.',
    want: [{ phase: 'initial', amount: 250, route: 'oral', timesPerDay: 1 }],
  },
  {
    name: 'two phases before the dose ("reduce the initial dose to") give no regimen',
    dosage: '- For patients homozygous for the UGT1A1*28 allele, reduce the initial dose to 750 mg/m².',
    want: [],
  },
  {
    name: 'a condition opening the sentence that the reader does not take gives no regimen',
    dosage: '- For patients with severe disease who are critically ill, 11 mg/kg weekly may be considered.',
    want: [],
  },
  // Amounts that are not doses.
  {
    name: 'a sentence about a dose stated before, and capsule strengths, give nothing',
    dosage: '- The 125mg dose is usually administered as one 100mg capsule and one 25mg capsule.\n- The contents of one 75 mcg capsule are inhaled once daily.',
    want: [],
  },
  {
    name: 'combination: a tablet\'s contents are no regimens',
    title: 'Norfloxacin + Ornidazole',
    combination: true,
    dosage: '- The usual dose is one tablet of Norfloxacin 200mg + Ornidazole 500mg twice daily.',
    want: [],
  },
  {
    name: 'reference intakes and upper limits are no doses to give',
    dosage: '- The RDA for adults is 55 mcg/day. The upper tolerable intake level is 400 mcg/day.\n- **RDA:** 0.2 mg/day (0-6 months), 0.3 mg/day (7-12 months).',
    want: [],
  },
  {
    name: 'an upper bound, another drug in a parenthesis, and words of how often not understood',
    dosage: '- Divide into doses of 500 mg or less.\n- Loading dose: 6-7 mg/kg (aminophylline) over 20-30 minutes.\n- 10 mg every few days.',
    want: [],
  },
  {
    name: 'an amount of zero is no dose',
    dosage: '- 0 g every 2 hours.\n- 0G 10 mg/kg 0G every 2 hours (0G',
    want: [],
  },
  // Fields read more exactly.
  {
    name: '"1-2 mg of <drug> per day" is a daily amount; "15 mg/kg/day as a single dose" is once a day',
    title: 'Trifluoperazine',
    dosage: '- Start with 1-2 mg of Trifluoperazine per day, not to exceed 6 mg/day.\n- 15 mg/kg/day as a single dose.',
    want: [
      { phase: 'initial', amount: 1, amountMax: 2, amountPer: 'day', maxDailyAmount: 6 },
      { amount: 15, per: 'kg', amountPer: 'day', timesPerDay: 1 },
    ],
  },
  {
    name: 'an inhalation capsule is inhaled; "days 1-5 and days 8-12" is one list',
    dosage: '- 18 mcg (two inhalations from one capsule) once daily.\n- 35 mg/m² twice daily on days 1-5 and days 8-12 of a 28-day cycle.',
    want: [
      { amount: 0.018, route: 'inhaled', timesPerDay: 1 },
      { amount: 35, per: 'm2', timesPerDay: 2, cycleDays: 28, days: [1, 2, 3, 4, 5, 8, 9, 10, 11, 12] },
    ],
  },
  {
    name: 'a maximum per dose after a frequency is not a daily maximum',
    dosage: '- For acromegaly, initial doses range from 50 mcg subcutaneously three times daily, titrated up to 500 mcg three times daily.',
    want: [{ indication: 'acromegaly', phase: 'initial', amount: 0.05, route: 'SC', timesPerDay: 3 }],
  },
];

for (const c of CASES) {
  test(`regimens (abstain): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}
