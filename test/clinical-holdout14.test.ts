import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amountsIn } from '../src/clinical/amounts.js';
import { classifyLabel } from '../src/clinical/labels.js';
import { AMBIGUOUS, frequencyOf } from '../src/clinical/phrases.js';
import { statusOf } from '../src/clinical/pregnancy.js';
import { pregnancyStatus, regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the holdout14 first run (session 10). Each case is a real text of
// ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: 'a label that only says how often ("Daily:") names no condition; its doses are read (pyrazinamide)',
    title: 'Pyrazinamide',
    dosage: '- Daily: 15-30 mg/kg (up to 2 g/day) orally once a day.',
    want: [{ amount: 15, amountMax: 30, per: 'kg', route: 'oral', timesPerDay: 1, maxDailyAmount: 2000 }],
  },
  {
    name: 'a label that only says how often ("Intermittent (twice weekly):") gives the frequency of a dose that states none (pyrazinamide)',
    title: 'Pyrazinamide',
    dosage: '#### **Adults:**\n\n- Intermittent (twice weekly): 50-70 mg/kg (up to 3g twice weekly for intermittent regimens) orally, depending on the regimen and patient characteristics.',
    want: [{ population: 'adult', amount: 50, amountMax: 70, per: 'kg', route: 'oral', timesPerWeek: 2 }],
  },
  {
    name: '… but not to the first dose under it ("Weekly Regimen:" over "Initial dose: 400 mg/m² IV over 120 minutes", cetuximab)',
    title: 'Cetuximab',
    dosage: '#### **Adults:**\n\n* **Weekly Regimen:**\n    * Initial dose: 400 mg/m² IV over 120 minutes.\n    * Subsequent doses: 250 mg/m² IV over 60 minutes once weekly.',
    want: [
      { population: 'adult', phase: 'initial', amount: 400, per: 'm2', route: 'IV', infusionMinutes: 120 },
      { population: 'adult', amount: 250, per: 'm2', route: 'IV', everyDays: 7, infusionMinutes: 60 },
    ],
  },
  {
    name: 'a label naming the page\'s own drug in one of its forms ("Penicillin V:") names no condition (penicillin)',
    title: 'Penicillin',
    dosage: '#### **Adults:**\n\nPenicillin V: 250-500 mg orally every 6-8 hours.\n\n#### **Children:**\n\nPenicillin V:  Dosage is based on body weight, typically 25-50 mg/kg/day in divided doses.',
    want: [
      { population: 'adult', amount: 250, amountMax: 500, route: 'oral' },
      { population: 'child', amount: 25, amountMax: 50, per: 'kg', amountPer: 'day' },
    ],
  },
  {
    name: '"gm" is grams: "from 750 mg to 1.5 gm daily" is one range (quiniodochlor)',
    title: 'Quiniodochlor',
    dosage: '#### **Adults:**\n\nThe usual adult dosage ranges from 750 mg to 1.5 gm daily, divided into three doses.',
    want: [{ population: 'adult', amount: 750, amountMax: 1500, amountPer: 'day', timesPerDay: 3 }],
  },
  {
    name: 'an amount "divided equally on Days 1 and 8" is split over a cycle\'s days, not a daily total (epirubicin)',
    title: 'Epirubicin',
    dosage: '#### **Adults:**\n\n* **Adjuvant therapy for breast cancer:** 100-120 mg/m² IV, administered every 3-4 weeks, either as a single dose on Day 1 or divided equally on Days 1 and 8.',
    want: [{ indication: 'Adjuvant therapy for breast cancer', population: 'adult', amount: 100, amountMax: 120, per: 'm2', route: 'IV' }],
  },
  {
    name: '"three times per day, approximately every 6 hours": the stated count; the interval only spaces the doses (terbutaline)',
    title: 'Terbutaline',
    dosage: '#### **Children:**\n\n* **Ages 12-15:** 2.5 mg taken three times per day, approximately every 6 hours.',
    want: [{ population: 'child', amount: 2.5, timesPerDay: 3 }],
  },
  {
    name: 'a labelled paragraph ending "Recommended daily dietary intake is:" heads reference intakes, not doses (phosphate)',
    title: 'Phosphate',
    dosage: '**Children:**  Dosage for children should be determined by a pediatrician and will vary based on age, weight, and severity of hypophosphatemia.  Recommended daily dietary intake is:\n\n* Infants (birth to 3 years): 300-800 mg\n* Children (4-10 years): 800 mg\n* Adolescents: 800-1200 mg',
    want: [],
  },
  {
    name: '"… is usually given three times daily." says how often the per-dose amounts after it are given (racecadotril)',
    title: 'Racecadotril',
    dosage: '#### **Children:**\n\nRacecadotril dosage for children is weight-based and is usually given three times daily.  The usual starting dose is 1.5 mg/kg per dose. Children >27kg may receive 60mg per dose.',
    want: [
      { population: 'child', phase: 'initial', amount: 1.5, per: 'kg', timesPerDay: 3 },
      { population: 'child', amount: 60, timesPerDay: 3 },
    ],
  },
  {
    name: 'a frequency stated after the doses, or as a limit ("should only be taken once daily"), is not filled in (artesunate, avanafil)',
    title: 'Avanafil',
    dosage: '**Adults (Erectile Dysfunction):**\n\nAvanafil is administered orally. The recommended starting dose is 100 mg taken as needed, approximately 15 minutes before anticipated sexual activity.  The maximum recommended dose is 200 mg per day, and it should only be taken once daily.',
    want: [{ indication: 'Erectile Dysfunction', population: 'adult', phase: 'initial', amount: 100, route: 'oral' }],
  },
  {
    name: '"Doses used have varied greatly, ranging from …": doses reported, not given (omega-3 marine triglycerides)',
    title: 'Omega-3 Marine Triglycerides',
    dosage: '- **Intensive Care Unit (ICU) Use**: Parenteral fish oil lipid emulsions are being investigated. Doses used have varied greatly, ranging from 0.05 gm/kg/day to 6.5 g/day or even higher.',
    want: [],
  },
];

for (const c of CASES) {
  test(`regimens (holdout14): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

test('amounts (holdout14): "gm" and "gms" are grams', () => {
  assert.deepEqual(amountsIn('1.5 gm daily').map((a) => a.min), [1500]);
  assert.deepEqual(amountsIn('0.05 gm/kg/day').map((a) => [a.min, a.per, a.daily]), [[50, 'kg', true]]);
  assert.deepEqual(amountsIn('2 gms twice daily').map((a) => a.min), [2000]);
});

test('labels (holdout14): frequency-only labels are known and name nothing', () => {
  for (const l of ['Daily', 'Weekly', 'Intermittent', 'Twice weekly', 'Once daily']) {
    const info = classifyLabel(l, { ingredients: [] });
    assert.equal(info.unknown, false, l);
    assert.equal(info.indication, null, l);
  }
  assert.equal(classifyLabel('Penicillin V', { ingredients: [] }).unknown, true, 'unknown to the label reader alone; the page knows its own name');
});

test('frequency (holdout14): an approximate interval gives way to a stated count, not to nothing', () => {
  assert.deepEqual(frequencyOf('three times per day, approximately every 6 hours'), { timesPerDay: 3, timesPerWeek: null, everyDays: null });
  assert.deepEqual(frequencyOf('approximately every 6 hours'), { timesPerDay: 4, timesPerWeek: null, everyDays: null });
  assert.equal(frequencyOf('three times per day, every 6 hours'), AMBIGUOUS, 'not an approximate interval: the two disagree');
});

test('pregnancy (holdout14): "not fully established", "haven\'t been established" and "not fully known" say the evidence is missing', () => {
  assert.equal(statusOf("The safety and efficacy of Revefenacin during pregnancy haven't been established."), 'not-established');
  assert.equal(statusOf('The safety of this combination during pregnancy and breastfeeding is not fully established.'), 'not-established');
  assert.equal(statusOf('The effects on the fetus or infant are not fully known.'), 'not-established');
  assert.equal(statusOf('Contraindicated in pregnancy unless the potential benefit justifies the potential risk to the fetus.'), null, 'an absolute rating with an exception: no one status');
});

const pregnancy = pregnancyStatus;

test('pregnancy (holdout14): a category label that rates no use leaves the prose to rate it (bisoprolol + telmisartan)', () => {
  assert.equal(pregnancy('- **Pregnancy Safety Category:** D (Bisoprolol) and D (Telmisartan).\n- This medication is generally not recommended during pregnancy, especially in the second and third trimesters.'), 'avoid');
  // … but not when the label rates some trimesters only (artemether + lumefantrine).
  assert.equal(pregnancy('- **Pregnancy Safety Category:**  C (second and third trimesters). Contraindicated in the first trimester.\n-  The drug should be used during pregnancy only if the potential benefit outweighs the potential risk to the fetus.'), null);
});

test('pregnancy (holdout14): in one statement, evidence missing and the advice it leads to: the advice rates use (rifampin, ginger)', () => {
  assert.equal(pregnancy('Rifampin is categorized as pregnancy category C, meaning its safety during pregnancy has not been fully established. Use during pregnancy should only be considered if the potential benefits outweigh the risks.'), 'caution');
  assert.equal(pregnancy("Avoid ginger during pregnancy unless specifically advised by a healthcare provider.  The safety and efficacy of ginger during pregnancy and breastfeeding haven't been fully established."), 'avoid');
  // An absolute rating beside missing evidence still disagrees (the generator's own pages).
  assert.equal(pregnancy('Dadamab is contraindicated in patients with pregnancy. Safety in pregnancy has not been established. Discuss risks and benefits with a healthcare provider.'), null);
});

test('pregnancy (holdout14): a rating of some trimesters beside the rest rates no whole pregnancy (pycnogenol); emphasis on one still does', () => {
  assert.equal(pregnancy("Safety during pregnancy and breastfeeding hasn't been fully established.  It's generally advised to avoid Pycnogenol during the first trimester of pregnancy."), null);
  assert.equal(pregnancy('The safety of this combination during pregnancy hasn\'t been fully established. Its use should be avoided, especially during the first trimester of pregnancy, and only used if clearly needed under medical supervision.'), 'avoid');
  assert.equal(pregnancy('Safety during pregnancy and breastfeeding hasn\'t been fully established.  Avoid application on large areas or prolonged usage.'), 'not-established', 'a limit on how it is used is no rating');
});
