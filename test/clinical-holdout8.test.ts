import assert from 'node:assert/strict';
import { test } from 'node:test';
import { regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the holdout8 first run (session 8). Each case is a real sentence of
// ../shared/corpus (the page in the name) and lists every regimen it must give; where the text is unclear the reader
// gives none.

const CASES: RegimenCase[] = [
  {
    name: '"50 mcg is equivalent to 1 million units" is a conversion between units, not a dose; "(both for CGD and SMO)" names the conditions without "both for" (interferon gamma-1b)',
    dosage:
      '**Important Note:**  Dosage is expressed in micrograms (mcg); 50 mcg is equivalent to 1 million units.  Monitoring of blood counts, blood chemistry, and urine tests is crucial before starting treatment and every three months thereafter.\n\n**Adults and Children (both for CGD and SMO):**  The subcutaneous (SubQ) injection dosage is determined by body surface area (BSA):\n\n* **BSA ≤ 0.5 m²:** 1.5 mcg/kg/dose three times weekly; maximum dose 50 mcg/m².\n* **BSA > 0.5 m²:** 50 mcg/m² (1 million units/m²) three times weekly; maximum dose 50 mcg/m².',
    want: [
      { indication: 'CGD and SMO', amount: 0.0015, per: 'kg', route: 'SC', timesPerWeek: 3 },
      { indication: 'CGD and SMO', amount: 0.05, per: 'm2', route: 'SC', timesPerWeek: 3 },
    ],
  },
  {
    name: '"can range from Metoprolol Succinate 25 mg / Chlorthalidone 6.25 mg to Metoprolol Succinate 100 mg / Chlorthalidone 25 mg": a range of paired strengths, whose ends are no doses (chlorthalidone + metoprolol succinate)',
    title: 'Chlorthalidone + Metoprolol Succinate',
    combination: true,
    dosage:
      '#### **Adults:**\n\n- The starting dose of this combination drug can range from Metoprolol Succinate 25 mg / Chlorthalidone 6.25 mg to Metoprolol Succinate 100 mg / Chlorthalidone 25 mg administered orally, once daily.  Dosages may be adjusted at weekly or longer intervals up to a maximum of Metoprolol Succinate 400 mg per day and Chlorthalidone 25 mg per day.',
    want: [],
  },
  {
    name: 'a range of one amount to another is still a range (control for the paired-range rule)',
    dosage: '**Adults:** The dose ranges from 25 mg to 100 mg once daily.',
    want: [{ population: 'adult', amount: 25, amountMax: 100, timesPerDay: 1 }],
  },
];

for (const c of CASES) {
  test(`regimens (holdout8): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}
