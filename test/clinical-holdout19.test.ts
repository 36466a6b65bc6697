import assert from 'node:assert/strict';
import { test } from 'node:test';
import { regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the holdout19 first run (session 10). Each case is a real text of
// ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: 'a line saying the following is "for historical purposes only" stops every dose after it (lorcaserin)',
    title: 'Lorcaserin',
    dosage: 'Lorcaserin is no longer available, thus the following information is for historical purposes only.\n\n#### **Adults:**\n\n- 10 mg orally twice daily.',
    want: [],
  },
  {
    name: '"not exceeding 3g in a 24 hour period" is a daily maximum; "For dental extraction" names the setting (tranexamic acid)',
    title: 'Tranexamic Acid',
    dosage: '#### **Adults:**\n\n10-15 mg/kg every 6-8 hours, not exceeding 3g in a 24 hour period. For dental extraction, 10 mg/kg as a single IV dose before the procedure and then the same IV dose 3-4 times a day for 2-8 days.',
    want: [
      { population: 'adult', amount: 10, amountMax: 15, per: 'kg', route: 'IV', maxDailyAmount: 3000 },
      { indication: 'dental extraction', population: 'adult', amount: 10, per: 'kg', route: 'IV', single: true },
    ],
  },
  {
    name: '"5 mg Prasugrel maintenance dose": the drug\'s name between the amount and its phase (aspirin + prasugrel)',
    title: 'Aspirin + Prasugrel',
    combination: true,
    dosage: '#### **Adults:**\n\n* **Weight <60 kg:** Consider 5 mg Prasugrel maintenance dose due to increased bleeding risk.',
    want: [{ population: 'adult', phase: 'maintenance', ingredient: 'Prasugrel', amount: 5 }],
  },
  {
    name: '… but only the name right after the amount: "Dapagliflozin 5 mg + Pioglitazone starting dose" is pioglitazone\'s start (dapagliflozin + pioglitazone)',
    title: 'Dapagliflozin + Pioglitazone',
    combination: true,
    dosage: '#### **Adults:**\n\n- **Renal Impairment:**\n  -  eGFR 45 - <60 mL/min/1.73 m²: Dapagliflozin 5 mg + Pioglitazone starting dose depending on renal function.',
    want: [{ population: 'renal', ingredient: 'Dapagliflozin', amount: 5 }],
  },
];

for (const c of CASES) {
  test(`regimens (holdout19): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}
