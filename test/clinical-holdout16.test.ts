import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyLabel } from '../src/clinical/labels.js';
import { daysOf } from '../src/clinical/phrases.js';
import { statusOf } from '../src/clinical/pregnancy.js';
import { regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the holdout16 first run (session 10). Each case is a real text of
// ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: '"Alcohol Use Disorder" is a condition ("use" there is no generic word) (naltrexone)',
    title: 'Naltrexone',
    dosage: '**Alcohol Use Disorder:**\n\n* **Oral:** The typical starting dose is 50 mg once daily.\n* **Intramuscular (IM):** 380 mg once every 4 weeks.  This extended-release injection provides a sustained therapeutic effect.',
    want: [
      { indication: 'Alcohol Use Disorder', phase: 'initial', amount: 50, route: 'oral', timesPerDay: 1 },
      { indication: 'Alcohol Use Disorder', amount: 380, route: 'IM', everyDays: 28 },
    ],
  },
  {
    name: '"Initiation of Treatment:" is the initial phase (enoximone)',
    title: 'Enoximone',
    dosage: '**Adult Dosage (Decompensated Heart Failure):**\n\n* **Initiation of Treatment:**  A slow intravenous infusion typically begins with 0.5-1 mg/kg (maximum infusion rate of 12.5 mg/min).',
    want: [{ indication: 'Decompensated Heart Failure', population: 'adult', phase: 'initial', amount: 0.5, amountMax: 1, per: 'kg', route: 'IV' }],
  },
  {
    name: '"starting on day 21" says when a schedule starts, not its days (sutimlimab)',
    title: 'Sutimlimab',
    dosage: '* **Patients weighing 39 to <75 kg:** 6.5 g once weekly for 2 weeks (days 0 and 7), followed by 6.5 g once every 2 weeks, starting on day 21.',
    want: [
      { amount: 6500, everyDays: 7, durationWeeks: 2 },
      { amount: 6500, everyDays: 14 },
    ],
  },
  {
    name: '"For general supplementation or preventing deficiency": purposes, no condition; the doses stand (folic acid + methylcobalamin)',
    title: 'Folic Acid + Methylcobalamin',
    combination: true,
    dosage: '#### **Adults:**  The standard dosage for adults varies depending on the indication and formulation.  For general supplementation or preventing deficiency, doses around 400 mcg of folic acid and 1500 mcg of methylcobalamin daily are common, often administered as a single dose or divided into multiple doses.',
    want: [
      { population: 'adult', ingredient: 'Folic Acid', amount: 0.4, amountPer: 'day' },
      { population: 'adult', ingredient: 'Methylcobalamin', amount: 1.5, amountPer: 'day' },
    ],
  },
];

for (const c of CASES) {
  test(`regimens (holdout16): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

test('labels (holdout16): a use disorder is a condition; "Other Uses" still names none', () => {
  assert.equal(classifyLabel('Opioid Use Disorder', { ingredients: [] }).indication, 'Opioid Use Disorder');
  assert.equal(classifyLabel('Other Uses', { ingredients: [] }).indication, null);
  assert.equal(classifyLabel('Initiation of therapy', { ingredients: [] }).phase, 'initial');
});

test('days (holdout16): a start and its alternatives are no day list (cetrorelix, triptorelin)', () => {
  assert.equal(daysOf('0.25 mg subcutaneously daily, starting on day 5 (morning or evening) or day 6 (morning) of ovarian stimulation'), null);
  assert.equal(daysOf('0.1 mg daily, beginning on day 2 or 3, or days 21-23 of the menstrual cycle'), null);
  assert.deepEqual(daysOf('on days 1, 8 and 15'), [1, 8, 15]);
});

test('pregnancy (holdout16): weighing risks and benefits, strict supervision, other drugs, "not firmly established"', () => {
  assert.equal(statusOf('The risks and benefits should be carefully considered before using this medication during pregnancy or breastfeeding.'), 'caution');
  assert.equal(statusOf('Use during pregnancy and breastfeeding should only occur under strict medical supervision.'), 'caution');
  assert.equal(statusOf('While generally considered safe during pregnancy and breastfeeding, the benefits and risks should be carefully weighed by a doctor.'), 'caution', 'safe with a caveat (holdout11)');
  assert.equal(statusOf('Many antibiotics are considered safe during pregnancy and breastfeeding, while others should be used with caution.'), null);
  assert.equal(statusOf('The safety of this combination during pregnancy and breastfeeding has not been firmly established.'), 'not-established');
});
