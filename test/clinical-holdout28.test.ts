import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusOf } from '../src/clinical/pregnancy.js';
import { pregnancyStatus, regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the holdout28 first run (session 12), and from the corpus
// comparison that checked them. Each case is a real text of ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: 'increments listed with commas, "125 mg, 250 mg, or 375 mg", are all increments (sucroferric oxyhydroxide)',
    title: 'Sucroferric Oxyhydroxide',
    dosage: '#### **Children (2 to <12 years of age):**\n\n* 6 to <9 years: Starting dose 750 mg daily, titrated in increments of 125 mg, 250 mg, or 375 mg; maximum daily dose 2500 mg.',
    want: [{ population: 'child', phase: 'initial', amount: 750, timesPerDay: 1, maxDailyAmount: 2500 }],
  },
  {
    name: 'a bold label longer than 100 characters that ends with its colon is a label (tetracycline)',
    title: 'Tetracycline',
    dosage: '* **Susceptible Infections (e.g., acute intestinal amebiasis, actinomycosis, anthrax, clostridial infections):** Usual dose: 250–500 mg every 6–12 hours orally.',
    want: [{ indication: 'Susceptible Infections (e.g., acute intestinal amebiasis, actinomycosis, anthrax, clostridial infections)', amount: 250, amountMax: 500, route: 'oral' }],
  },
  {
    name: '"once improvement is noted" and "once a year" are no single dose (tetracycline; zoledronate)',
    title: 'Tetracycline',
    dosage: '* **Acne:** Initial dose: 1 g daily in divided doses; reduced gradually to 125–500 mg/day once improvement is noted.\n* **Glucocorticoid-induced osteoporosis:** 5 mg once a year, infused over more than 15 minutes.',
    want: [
      { indication: 'Acne', phase: 'initial', amount: 1000, amountPer: 'day' },
      { indication: 'Acne', phase: 'reduction', amount: 125, amountMax: 500, amountPer: 'day' },
      { indication: 'Glucocorticoid-induced osteoporosis', amount: 5, route: 'IV' },
    ],
  },
  {
    name: '"Children (Juvenile Idiopathic Arthritis - Off-Label)": the off-label mark leaves the condition (auranofin)',
    title: 'Auranofin',
    dosage: '**Children (Juvenile Idiopathic Arthritis - Off-Label):**\n\n* **Oral:** The starting dose is usually 0.1 mg per kilogram of body weight per day, divided into multiple doses.',
    want: [{ indication: 'Juvenile Idiopathic Arthritis', population: 'child', phase: 'initial', amount: 0.1, per: 'kg', amountPer: 'day', route: 'oral' }],
  },
  {
    name: '"up to 3 grams per day for conditions like osteoarthritis" after a dose for pellagra is another use\'s top dose, no maximum (niacinamide)',
    title: 'Niacinamide',
    dosage: '#### **Adults:**\n\n- Therapeutic doses range from 100-300 mg daily for pellagra, up to 3 grams per day for conditions like osteoarthritis.',
    want: [{ population: 'adult', amount: 100, amountMax: 300, timesPerDay: 1 }],
  },
  {
    name: '… while "up to a maximum daily dose of 30 grams for acute bleeding" is the maximum (epsilon-aminocaproic acid)',
    title: 'Epsilon-Aminocaproic Acid',
    dosage: "**Adult Dosage:**  Dosage ranges widely from 4-5 grams initially, followed by 1-1.25 grams per hour for several hours, up to a maximum daily dose of 30 grams for acute bleeding.",
    want: [{ population: 'adult', phase: 'initial', amount: 4000, amountMax: 5000, maxDailyAmount: 30000 }],
  },
];

for (const c of CASES) {
  test(`regimens (holdout28): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

test('pregnancy (holdout28): "generally discouraged" is avoid, even with "except in specific … circumstances" (ciprofloxacin); not in a parenthesis about children (fluprednidene)', () => {
  assert.equal(statusOf('Ciprofloxacin use during pregnancy and breastfeeding is generally discouraged, except in specific, life-threatening circumstances (e.g., anthrax exposure) where the benefits clearly outweigh the potential risks.'), 'avoid');
  assert.equal(statusOf('Use with caution in pregnant or breastfeeding women, the elderly, and children (long-term use in children is discouraged).'), 'caution');
});

test('pregnancy (holdout28): late pregnancy alone rates one stage; "especially during the later stages" stresses it (paracetamol + zaltoprofen; dapagliflozin + teneligliptin)', () => {
  assert.equal(pregnancyStatus('Generally, NSAIDs are to be avoided in late pregnancy.'), null);
  assert.equal(pregnancyStatus('Not recommended, especially during the later stages of pregnancy.'), 'avoid');
});
