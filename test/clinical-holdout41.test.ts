import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyLabel } from '../src/clinical/labels.js';
import { regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the first run of holdout41 (session 14), and from the corpus comparison that
// checked them. Each case is a real text of ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: '"Second-line single-agent therapy:" names a line of treatment, no condition; "increased to 7 mg BID, and then 10 mg BID" and "reduced to 3 mg BID and then 2 mg BID" are steps of one change (axitinib)',
    title: 'Axitinib',
    dosage:
      '**Renal Cell Carcinoma (Adult):**\n\n* **Second-line single-agent therapy:** The usual starting dose is 5 mg twice daily (BID), taken approximately every 12 hours.  This dose can be increased to 7 mg BID, and then 10 mg BID if tolerated for at least two consecutive weeks.  If side effects occur, the dose may be reduced to 3 mg BID and then 2 mg BID.',
    want: [
      { indication: 'Renal Cell Carcinoma', population: 'adult', phase: 'initial', amount: 5, timesPerDay: 2 },
      { indication: 'Renal Cell Carcinoma', population: 'adult', phase: 'escalation', amount: 7, timesPerDay: 2 },
      { indication: 'Renal Cell Carcinoma', population: 'adult', phase: 'escalation', amount: 10, timesPerDay: 2 },
      { indication: 'Renal Cell Carcinoma', population: 'adult', phase: 'reduction', amount: 3, timesPerDay: 2 },
      { indication: 'Renal Cell Carcinoma', population: 'adult', phase: 'reduction', amount: 2, timesPerDay: 2 },
    ],
  },
  {
    name: '"For upper respiratory allergies and dermatologic allergy-related disorders, …": a long condition opening the sentence (azelastine)',
    title: 'Azelastine',
    dosage: '**Adults:** For upper respiratory allergies and dermatologic allergy-related disorders, the oral dosage is typically 1-2 mg twice daily (BID).',
    want: [{ indication: 'upper respiratory allergies and dermatologic allergy-related disorders', population: 'adult', amount: 1, amountMax: 2, route: 'oral', timesPerDay: 2 }],
  },
  {
    name: '"Pediatric dosages are available in pellet and tablet forms": forms that are swallowed state the route (sofosbuvir)',
    title: 'Sofosbuvir',
    dosage:
      '* **Patient Age and Weight:** Pediatric dosages are available in pellet and tablet forms, with adjustments based on weight.  For children aged 3 years and older, the dose is adjusted accordingly, typically ranging from 150mg to 400mg once daily based on weight.',
    want: [{ population: 'child', amount: 150, amountMax: 400, route: 'oral', timesPerDay: 1 }],
  },
  {
    name: '"Increase in increments of 2 mg rosiglitazone/500 mg metformin daily": both amounts of the pair are increments (metformin + rosiglitazone)',
    title: 'Metformin + Rosiglitazone',
    combination: true,
    dosage: '- **Titration:** Increase in increments of 2 mg rosiglitazone/500 mg metformin daily, given in divided doses if not adequately controlled after 4 weeks.',
    want: [],
  },
  {
    name: '"for three consecutive days before and three consecutive days after myelotoxic therapy": two spans, no one course (palifermin)',
    title: 'Palifermin',
    dosage:
      '**Adult Dosage:** For oral mucositis associated with autologous HSCT conditioning regimens, the recommended dose is 60 mcg/kg/day administered intravenously (IV) for three consecutive days before and three consecutive days after myelotoxic therapy (chemotherapy).',
    want: [{ indication: 'oral mucositis associated with autologous HSCT conditioning regimens', population: 'adult', amount: 0.06, per: 'kg', amountPer: 'day', route: 'IV' }],
  },
  {
    name: '"For adolescent females aged 16 and older experiencing an acute attack of AIP, …": a group, not a condition (hemin)',
    title: 'Hemin',
    dosage: '* For adolescent females aged 16 and older experiencing an acute attack of AIP, the usual IV dose is 3-4 mg/kg/day once daily for four days.',
    want: [{ population: 'child', amount: 3, amountMax: 4, per: 'kg', amountPer: 'day', route: 'IV', timesPerDay: 1, durationDays: 4 }],
  },
  {
    name: '"For men with secondary hypogonadism, …" still names the condition (enclomiphene)',
    title: 'Enclomiphene',
    dosage: 'For men with secondary hypogonadism, the typical starting dose is 12.5 mg to 25 mg taken orally once daily.',
    want: [{ indication: 'men with secondary hypogonadism', phase: 'initial', amount: 12.5, amountMax: 25, route: 'oral', timesPerDay: 1 }],
  },
];

for (const c of CASES) {
  test(`regimens (holdout41): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

test('labels (holdout41): a line of treatment is no condition, and a condition beside it still is', () => {
  for (const label of ['Second-line single-agent therapy', 'First-line combination therapy (with avelumab or pembrolizumab)', 'As a single agent', 'Combination therapy with Cabotegravir']) {
    const info = classifyLabel(label, { ingredients: [] });
    assert.equal(info.indication, null, label);
    assert.equal(info.unknown, false, label);
  }
  assert.equal(classifyLabel('Single agent (NSCLC)', { ingredients: [] }).indication, 'NSCLC');
  assert.equal(classifyLabel('First-line NSCLC (EGFR mutation-positive)', { ingredients: [] }).indication, 'First-line NSCLC (EGFR mutation-positive)');
});
