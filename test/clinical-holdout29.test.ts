import assert from 'node:assert/strict';
import { test } from 'node:test';
import { regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the holdout29 first run (session 12), and from the corpus
// comparison that checked them. Each case is a real text of ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: '"This is administered on Day 1 of each 14-day cycle." gives the cycle and its day; another drug\'s "on Day 2" does not (oxaliplatin)',
    title: 'Oxaliplatin',
    dosage:
      '#### **Adults:**\n\n*   85 mg/m²  infused over 120 minutes, administered concurrently with leucovorin (200 mg/m² over 120 minutes) in separate bags using a Y-line. This is administered on Day 1 of each 14-day cycle. The same regimen of  leucovorin and 5-fluorouracil is administered on Day 2.',
    want: [{ population: 'adult', amount: 85, per: 'm2', route: 'IV', cycleDays: 14, days: [1], infusionMinutes: 120 }],
  },
  {
    name: '"For muscle relaxation and spastic paralysis," names the condition (afloqualone)',
    title: 'Afloqualone',
    dosage: '**Adults:** For muscle relaxation and spastic paralysis, the typical oral dosage is 20 mg three times a day (TID).',
    want: [{ indication: 'muscle relaxation and spastic paralysis', population: 'adult', amount: 20, route: 'oral', timesPerDay: 3 }],
  },
  {
    name: 'a line of therapy in the label, "(…, Second-Line)", is no part of the condition (pegylated liposomal irinotecan)',
    title: 'Pegylated Liposomal Irinotecan',
    dosage: '#### **Adults (Metastatic Adenocarcinoma of the Pancreas, Second-Line):**\n\n- Patients homozygous for the UGT1A1*28 allele: Initial dose of 50 mg/m² every 2 weeks, with escalation to 70 mg/m² as tolerated.',
    want: [
      { indication: 'Metastatic Adenocarcinoma of the Pancreas', population: 'adult', phase: 'initial', amount: 50, per: 'm2', everyDays: 14 },
      { indication: 'Metastatic Adenocarcinoma of the Pancreas', population: 'adult', phase: 'escalation', amount: 70, per: 'm2' },
    ],
  },
  {
    name: '"Diagnostic Testing (ACTH Function)": what a test measures is no condition (metyrapone) …',
    title: 'Metyrapone',
    dosage: '**Diagnostic Testing (ACTH Function):**\n\n* **Single-dose/overnight test (adults):** 30 mg/kg (maximum 3 g) orally at midnight. Blood samples are drawn the following morning.',
    want: [{ population: 'adult', amount: 30, per: 'kg', route: 'oral' }],
  },
  {
    name: '… while "Diagnostic Aid (GI procedures)" names what the drug is used in (glucagon)',
    title: 'Glucagon',
    dosage: '- **Diagnostic Aid (GI procedures):** 0.2–0.5 mg intravenously or 1 mg intramuscularly for upper GI.',
    want: [
      { indication: 'GI procedures', amount: 0.2, amountMax: 0.5, route: 'IV' },
      { indication: 'GI procedures', amount: 1, route: 'IM' },
    ],
  },
  {
    name: '", or significantly higher doses administered intravenously … per day divided" is another dose\'s clause (flucloxacillin)',
    title: 'Flucloxacillin',
    dosage: '**Adults:** Dosages typically range from 250mg to 500mg every six hours orally,  or significantly higher doses administered intravenously (IV) or intramuscularly (IM) for severe infections, sometimes up to several grams per day divided into multiple doses.',
    want: [{ population: 'adult', amount: 250, amountMax: 500, route: 'oral', timesPerDay: 4 }],
  },
];

for (const c of CASES) {
  test(`regimens (holdout29): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}
