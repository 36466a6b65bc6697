import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusOf } from '../src/clinical/pregnancy.js';
import { pregnancyStatus, regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the holdout26 first run (session 12). Each case is a real text of
// ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: 'an opening that lists forms for several routes, "(tablets, syrup, injection)", names no route; the doses below stand (valproic acid)',
    title: 'Valproic Acid',
    dosage:
      "Dosage of valproic acid varies significantly depending on the condition being treated, the patient's age and weight, and the specific formulation of the medication (tablets, syrup, injection).  Precise dosing should always be determined by a doctor.\n\n" +
      '**Adults:**\n\n' +
      '* **Bipolar Disorder (Acute Episodes):**  Initial doses range from 500-750 mg/day, often increased gradually until the desired effect is achieved.\n\n' +
      '* **Migraine Prophylaxis:**  Initial dose is often 500 mg daily (extended-release), adjusted upward as tolerated, up to a maximum of 1000 mg/day.\n\n' +
      '* **Seizures:** IV administration is possible in certain circumstances, as directed by a physician.',
    want: [
      { indication: 'Bipolar Disorder (Acute Episodes)', population: 'adult', phase: 'initial', amount: 500, amountMax: 750, amountPer: 'day' },
      { indication: 'Migraine Prophylaxis', population: 'adult', phase: 'initial', amount: 500, timesPerDay: 1, maxDailyAmount: 1000 },
    ],
  },
  {
    name: '"Lactation Inhibition" is what the dose is for, not a breastfeeding population (lisuride)',
    title: 'Lisuride',
    dosage: '**Adults:**\n\n* **Lactation Inhibition:** Usually 0.2mg two to three times daily for 14 days, starting within 24 hours of delivery or abortion.',
    want: [{ indication: 'Lactation Inhibition', population: 'adult', amount: 0.2, durationDays: 14 }],
  },
  {
    name: '"Initiation is typically 0.1mg" is the initial dose (lisuride)',
    title: 'Lisuride',
    dosage: '**Adults:**\n\n* **Parkinsonism:**  Initiation is typically 0.1mg once daily in the evening, with gradual increases depending on response and tolerance.',
    want: [{ indication: 'Parkinsonism', population: 'adult', phase: 'initial', amount: 0.1, timesPerDay: 1 }],
  },
  {
    name: '"Dose reductions to 40 mg once daily" is a reduction (osimertinib)',
    title: 'Osimertinib',
    dosage: 'Dose reductions to 40 mg once daily may be necessary due to adverse events.',
    want: [{ phase: 'reduction', amount: 40, timesPerDay: 1 }],
  },
  {
    name: 'a lozenge whose strength opens the dose is the dose, and a limit counted in lozenges leaves it one (amylmetacresol)',
    title: 'Amylmetacresol',
    dosage:
      '**Adults (Sore Throat):**  One 0.6 mg lozenge should be dissolved slowly in the mouth every 2-3 hours, not exceeding 12 lozenges within a 24-hour period.\n\n' +
      '**Children (Sore Throat):**  For children over 12 years old, the dosage is one 0.6 mg lozenge dissolved slowly in the mouth every 2-3 hours, but the maximum daily dose is limited to 8 lozenges within 24 hours.',
    want: [
      { indication: 'Sore Throat', population: 'adult', amount: 0.6, route: 'oral' },
      { indication: 'Sore Throat', population: 'child', amount: 0.6, route: 'oral' },
    ],
  },
  {
    name: 'a count of units that is no limit still makes the amount a strength ("2 mg or 4 mg lozenges … up to 20 lozenges per day"; nicotine)',
    title: 'Nicotine',
    dosage: '- **Lozenges:** 2 mg or 4 mg lozenges. Dissolve in mouth over 20-30 minutes, up to 20 lozenges per day.',
    want: [],
  },
  {
    name: 'a daily cap below what the interval gives makes "every 2 hours as needed" a least spacing, not 12 times a day (hexylresorcinol; hyoscine)',
    title: 'Hexylresorcinol',
    dosage: '* **Mouth/throat pain:**  One 2.4 mg lozenge every 2 hours as needed, not to exceed 10 lozenges per day.',
    want: [{ indication: 'Mouth/throat pain', amount: 2.4, route: 'oral' }],
  },
  {
    name: '… and "every 6 hours as needed, up to a maximum of 3 doses in 24 hours" is no four times a day (hyoscine)',
    title: 'Hyoscine',
    dosage: '* **Oral:** 300 mcg 30 minutes before travel; repeat every 6 hours as needed, up to a maximum of 3 doses in 24 hours.',
    want: [{ amount: 0.3, route: 'oral' }],
  },
  {
    name: '"the dose is one 180 mg tablet of Fexofenadine with 240 mg of pseudoephedrine" is a two-drug tablet\'s contents (fexofenadine + phenylephrine)',
    title: 'Fexofenadine + Phenylephrine',
    combination: true,
    dosage: '- The typical adult dose is one 180 mg tablet of Fexofenadine with 240 mg of pseudoephedrine once daily.',
    want: [],
  },
  {
    name: '… while "The usual dose is one 5 mg tablet once daily" is the dose (desloratadine + montelukast\'s desloratadine)',
    title: 'Desloratadine',
    dosage: '* **Adults and children 12 years and older:** The usual dose is one 5 mg tablet once daily.',
    want: [{ amount: 5, route: 'oral', timesPerDay: 1 }],
  },
];

for (const c of CASES) {
  test(`regimens (holdout26): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

test('pregnancy (holdout26): "should only be used … after careful assessment of the potential benefits versus risks" is caution (veralipride; plazomicin, praziquantel)', () => {
  assert.equal(statusOf('It should only be used during pregnancy or breastfeeding after careful assessment of the potential benefits versus risks by a healthcare professional.'), 'caution');
  // The advice after the evidence rates use.
  assert.equal(
    pregnancyStatus('**Pregnancy and Lactation:** The safety of veralipride during pregnancy is unknown.  Excretion in breast milk is also unknown, therefore caution is advised.  It should only be used during pregnancy or breastfeeding after careful assessment of the potential benefits versus risks by a healthcare professional.'),
    'caution',
  );
  assert.equal(statusOf('While generally considered safe, Praziquantel should only be used during pregnancy and breastfeeding after careful consideration of the risks and benefits by a healthcare professional.'), 'caution');
  // "only be used" without the assessment is no new reading.
  assert.equal(statusOf('The safety of veralipride during pregnancy is unknown.'), 'not-established');
});
