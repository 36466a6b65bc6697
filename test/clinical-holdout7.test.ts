import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractClinicalFacts } from '../src/clinical/index.js';
import { statusOf } from '../src/clinical/pregnancy.js';
import { page, regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the holdout7 first run (session 8). Each case is a real sentence of
// ../shared/corpus (the page in the name) and lists every regimen it must give; where the text is unclear the reader
// gives none, or leaves the field empty.

const HRS = 'Hepatorenal Syndrome Type 1 (HRS-1) or Hepatorenal Syndrome-Acute Kidney Injury (IV)';

const CASES: RegimenCase[] = [
  // Routes.
  {
    name: '"intra-articular injections … a single dose ranging from 2.5 mg to 40 mg, while intramuscular injections …": a route the schema lacks is no route, not the next clause\'s IM (triamcinolone hexacetonide)',
    dosage:
      'For example, intra-articular injections (directly into the joint) might involve a single dose ranging from 2.5 mg to 40 mg, while intramuscular injections for other conditions might have different dose ranges and schedules.',
    want: [{ amount: 2.5, amountMax: 40, single: true }],
  },
  {
    name: '"after initial IV/IM treatment": a list of the earlier treatment\'s routes is no route of this dose (ertapenem)',
    dosage: '**Adults:**\n\n* **Complicated urinary tract infections:** 1g daily for 5-14 days, often transitioning to oral antibiotics after initial IV/IM treatment.',
    want: [{ indication: 'Complicated urinary tract infections', population: 'adult', amount: 1000, timesPerDay: 1 }],
  },
  {
    name: '"250-500mg orally every 6 hours …, to much higher intravenous doses (…)": the route right after the amount stands, the other end of the range is another clause (ampicillin)',
    dosage:
      '**Adults:** Dosages range from 250-500mg orally every 6 hours for less severe infections, to much higher intravenous doses (1-2g every 4-6 hours or even higher) for serious infections like endocarditis or meningitis.  The maximum daily dose is usually 12g.',
    want: [{ population: 'adult', amount: 250, amountMax: 500, route: 'oral', timesPerDay: 4 }],
  },
  {
    name: '"0.4-0.6 mg/kg/hour IV or 4.8-7.2 mg/kg orally (extended-release) every 12 hours": the route right after the amount, whatever the sentence\'s other route (aminophylline + theophylline)',
    dosage: '* **Maintenance Dose:** 0.4-0.6 mg/kg/hour IV or 4.8-7.2 mg/kg orally (extended-release) every 12 hours.',
    want: [{ phase: 'maintenance', amount: 4.8, amountMax: 7.2, per: 'kg', route: 'oral', timesPerDay: 2 }],
  },
  // Days, frequency, duration, cycle.
  {
    name: '"70 mg on the first day, followed by 50 mg daily": the first dose is given on day 1 (caspofungin)',
    dosage:
      '**Intravenous (IV) Administration:** Caspofungin is typically administered intravenously.\n\n**Adults:**\n\n* **Invasive aspergillosis (salvage therapy):**  70 mg on the first day, followed by 50 mg daily.  Treatment duration is usually 6-12 weeks.',
    want: [
      { indication: 'Invasive aspergillosis (salvage therapy)', population: 'adult', amount: 70, route: 'IV', days: [1] },
      { indication: 'Invasive aspergillosis (salvage therapy)', population: 'adult', amount: 50, route: 'IV', timesPerDay: 1 },
    ],
  },
  {
    name: '"divided into four doses, four days a week": four times a day on four days of the week, not weekly (neomycin)',
    dosage: '**Children:**\n\n* **Cholangitis Prophylaxis (after Kasai portoenterostomy):**  25-50 mg/kg/day divided into four doses, four days a week, until the child is 2-3 years old.',
    want: [
      {
        indication: 'Cholangitis Prophylaxis (after Kasai portoenterostomy)',
        population: 'child',
        amount: 25,
        amountMax: 50,
        per: 'kg',
        amountPer: 'day',
        timesPerDay: 4,
        timesPerWeek: 4,
      },
    ],
  },
  {
    name: '"repeated every 3 weeks or after hematologic recovery" gives no one cycle (ifosfamide + mesna)',
    title: 'Ifosfamide + Mesna',
    combination: true,
    dosage: '#### **Adults:**\n\nIfosfamide: 1.2 g/m² IV daily for 5 consecutive days, repeated every 3 weeks or after hematologic recovery.  Other regimens use higher doses over fewer days.',
    want: [{ population: 'adult', ingredient: 'Ifosfamide', amount: 1200, per: 'm2', route: 'IV', timesPerDay: 1, durationDays: 5 }],
  },
  {
    name: 'a label\'s parenthesis naming the days: "Initial Dose (Days 1 & 2):" (terlipressin)',
    dosage:
      '**Hepatorenal Syndrome Type 1 (HRS-1) or Hepatorenal Syndrome-Acute Kidney Injury (IV):**\n\n* **Initial Dose (Days 1 & 2):** 1 mg every 4-6 hours (bolus injection) or 2 mg per 24 hours as a continuous infusion.',
    want: [
      { indication: HRS, phase: 'initial', amount: 1, route: 'IV', days: [1, 2] },
      { indication: HRS, phase: 'initial', amount: 2, amountPer: 'day', route: 'IV', days: [1, 2] },
    ],
  },
  {
    name: '"1 mg for patients under 50kg, 1.5 mg for …, and 2 mg for patients over 70kg, every 4 hours": each group\'s dose, then how often for all (terlipressin)',
    dosage:
      '**Esophageal Varices Bleeding (IV):**\n\n* **Initial Dose:**  There are two common approaches:\n    * A weight-based approach: 1 mg for patients under 50kg, 1.5 mg for patients weighing 50-70kg, and 2 mg for patients over 70kg, every 4 hours until bleeding is controlled for at least 24 hours (or up to a maximum of 48 hours).',
    want: [1, 1.5, 2].map((amount) => ({ indication: 'Esophageal Varices Bleeding', phase: 'initial', amount, route: 'IV', timesPerDay: 6 })),
  },
  {
    name: '"for a maximum of 7 days" is how long, not a maximum dose (neomycin)',
    dosage: '**Children:**\n\n* **Hepatic Encephalopathy:** 50-100 mg/kg/day, divided into doses every 6 hours, for a maximum of 7 days, with or without lactulose.',
    want: [{ indication: 'Hepatic Encephalopathy', population: 'child', amount: 50, amountMax: 100, per: 'kg', amountPer: 'day', timesPerDay: 4, durationDays: 7 }],
  },
  // Indication.
  {
    name: '"Emergency Situations (e.g., status epilepticus, cardiac arrest):" lists examples of several conditions: none is the dose\'s for sure (magnesium sulphate)',
    dosage:
      '* **Emergency Situations (e.g., status epilepticus, cardiac arrest):** 1-2 g diluted in D5W slow IV bolus over 5-20 minutes for cardiac arrest; 5-10 mmol diluted in normal saline slow IV push over 2-5 minutes for refractory status epilepticus.',
    want: [{ amount: 1000, amountMax: 2000, route: 'IV' }],
  },
  {
    name: 'an "e.g." parenthesis joined by "or" lists several conditions too; one example alone is the condition',
    dosage: '* **Emergency Situations (e.g., acute asthma or anaphylaxis):** 500 mg IV once.\n* **Emergency Situations (e.g., acute asthma):** 250 mg IV once.',
    want: [
      { amount: 500, route: 'IV', single: true },
      { indication: 'acute asthma', amount: 250, route: 'IV', single: true },
    ],
  },
  {
    name: '"The standard dosage for both CTCL and PTCL in adults is …": the conditions without "both" (romidepsin)',
    dosage:
      'Romidepsin is administered intravenously (IV). The standard dosage for both CTCL and PTCL in adults is 14 mg/m² given on days 1, 8, and 15 of a 28-day treatment cycle.  This cycle is repeated as long as the patient shows improvement and tolerates the treatment.',
    want: [{ indication: 'CTCL and PTCL', population: 'adult', amount: 14, per: 'm2', route: 'IV', cycleDays: 28, days: [1, 8, 15] }],
  },
];

for (const c of CASES) {
  test(`regimens (holdout7): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

test('pregnancy (holdout7): safe for short-term use "but prolonged high doses can lead to" harm is caution (magnesium sulphate)', () => {
  assert.equal(
    statusOf('It is generally considered safe for short-term use during pregnancy and breastfeeding, but prolonged high doses can lead to fetal or neonatal complications.'),
    'caution',
  );
  assert.equal(statusOf('It is generally considered safe for use during pregnancy.'), 'compatible', 'no limit: compatible');
});

// Pregnancy statements (session 8: holdout7's and holdout8's disagreements, and what reading the corpus's changes showed).
const pregnancyOf = (sections: Record<string, string>): string | null => extractClinicalFacts(page(sections)).pregnancy?.status ?? null;

test('pregnancy (session 8): a category that rates nothing does not disagree with the advice after it (amlodipine)', () => {
  const text =
    '* **Pregnancy and Breastfeeding:** Amlodipine is a Category C drug during pregnancy, meaning the risks to the fetus are not fully understood.  Use during pregnancy should only be considered if the benefits clearly outweigh the risks.';
  assert.equal(pregnancyOf({ Precautions: text }), 'caution');
  assert.equal(pregnancyOf({ Precautions: '* **Pregnancy:** Amlodipine is a Category C drug during pregnancy.' }), null, 'the category alone rates nothing');
});

test('pregnancy (session 8): under a label naming the topic, advice right after "not established" rates use (hesperidin, desoxyribonuclease)', () => {
  assert.equal(
    pregnancyOf({
      Precautions:
        "* **Pregnancy and Lactation:** The safety and effectiveness of Hesperidin during pregnancy and breastfeeding have not been established.  It's advisable to avoid use unless specifically recommended by a healthcare professional.",
    }),
    'avoid',
  );
  assert.equal(
    pregnancyOf({
      Precautions:
        '* **Pregnancy and Lactation:** The safety of desoxyribonuclease during pregnancy and lactation is unknown.  It should be used cautiously in these populations only when the potential benefits clearly outweigh the potential risks.  Consult your doctor before use.',
    }),
    'caution',
  );
});

test('pregnancy (session 8): in the Pregnancy section too; a limit after "safe" is not read that way (collagen peptide, olive oil)', () => {
  assert.equal(pregnancyOf({ 'Pregnancy and Breastfeeding': 'Insufficient data is available to determine safety during pregnancy and breastfeeding. Use with caution and consult a healthcare professional.' }), 'caution');
  assert.equal(
    pregnancyOf({
      'Pregnancy and Breastfeeding':
        'It is generally considered safe during pregnancy and breastfeeding in amounts typically used in food.  Excessive amounts should be avoided due to the lack of safety data on high doses.',
    }),
    'compatible',
    'only advice after "not established" is read without a back reference',
  );
  assert.equal(pregnancyOf({ Precautions: 'The safety during pregnancy is not established. Patients should drink plenty of water.' }), 'not-established', 'a sentence that rates nothing changes nothing');
});

test('pregnancy (session 8): "weigh the benefits against the risks" is caution', () => {
  assert.equal(statusOf('While generally safe during pregnancy, discussion with a doctor is advisable to weigh the benefits against any potential risks.'), 'caution');
  assert.equal(statusOf('Use during pregnancy should be under the guidance of a healthcare professional, weighing the benefits against potential risks.'), 'caution');
});
