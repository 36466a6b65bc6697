import assert from 'node:assert/strict';
import { test } from 'node:test';
import { page, regimensOfCase, type RegimenCase } from './helpers/clinical.js';
import { extractSafety } from '../src/clinical/pregnancy.js';

// Rules written from the disagreements of the holdout24 first run (session 11). Each case is a real text of
// ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: 'a dose a study used is no dose to give (sildenafil + L-arginine; doxifluridine)',
    title: 'L-Arginine + Sildenafil',
    combination: true,
    dosage: 'One study used a combination of sildenafil 50 mg every other day with l-arginine 3 g daily.',
    want: [],
  },
  {
    name: '"A single daily dose of 20 mg" is once a day (tenoxicam)',
    title: 'Tenoxicam',
    dosage: '#### **Adults:**\n\nA single daily dose of 20 mg taken orally, preferably with or after food.',
    want: [{ population: 'adult', amount: 20, amountPer: 'day', route: 'oral', timesPerDay: 1 }],
  },
  {
    name: '"In cases of post-operative pain" names post-operative pain (tenoxicam)',
    title: 'Tenoxicam',
    dosage: 'In cases of post-operative pain, a higher dose of 40 mg daily for up to 5 days may be employed.',
    want: [{ indication: 'post-operative pain', amount: 40, timesPerDay: 1, durationDays: 5 }],
  },
  {
    name: '"For off-label use in colorectal cancer" names colorectal cancer (binimetinib)',
    title: 'Binimetinib',
    dosage: 'For off-label use in colorectal cancer (as mentioned above), the dosage is also typically 45 mg BID, but given in combination with both encorafenib and cetuximab.',
    want: [{ indication: 'colorectal cancer', amount: 45, timesPerDay: 2 }],
  },
  {
    name: 'a daily amount "in equally divided doses every 12 hours" is given twice a day (cefoperazone)',
    title: 'Cefoperazone',
    dosage: '#### **Adults:**\n\n* **Standard Dose:** 2 to 4 grams daily, administered in equally divided doses every 12 hours, intravenously or intramuscularly.',
    want: [{ population: 'adult', amount: 2000, amountMax: 4000, amountPer: 'day', timesPerDay: 2 }],
  },
];

for (const c of CASES) {
  test(`regimens (holdout24): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

const precautions = (text: string): string | null =>
  extractSafety(page({ Precautions: text }).sections, { file: 'test/example.md' }).pregnancy?.status ?? null;

test('pregnancy (holdout24): "should not be used during pregnancy" listed under Contraindications is a contraindication (olmesartan medoxomil)', () => {
  assert.equal(precautions('* **Contraindications:** Olmesartan medoxomil should not be used during pregnancy, as it can cause harm to the developing fetus.'), 'contraindicated');
  // Elsewhere it stays "avoid" …
  assert.equal(precautions('* **Warnings:** Olmesartan medoxomil should not be used during pregnancy, as it can cause harm to the developing fetus.'), 'avoid');
  // … and "not to be used as a pregnancy test" rates no use in pregnancy (hydroxyprogesterone caproate).
  assert.equal(precautions('* **Contraindications:** It should not be used as a pregnancy test.'), 'avoid');
});
