import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractClinicalFacts } from '../src/clinical/index.js';
import { daysOf } from '../src/clinical/phrases.js';
import { page, regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the holdout11 first run (session 9), and what reading the corpus's changes
// showed. Each case is a real text of ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: '"from days 1-4" lists the days of a range (aclarubicin)',
    dosage:
      '* **Acute Myeloid Leukemia (AML):**  For example, a CAG regimen might use aclarubicin at 14 mg/m²/day IV from days 1-4, or 7 mg/m²/day IV from days 1-8.',
    want: [
      { indication: 'Acute Myeloid Leukemia (AML)', amount: 14, per: 'm2', amountPer: 'day', route: 'IV', days: [1, 2, 3, 4] },
      { indication: 'Acute Myeloid Leukemia (AML)', amount: 7, per: 'm2', amountPer: 'day', route: 'IV', days: [1, 2, 3, 4, 5, 6, 7, 8] },
    ],
  },
  {
    name: '"20 mg/kg/day (up to a maximum of 850 mg)": the cap of a daily amount is the daily maximum (sodium stibogluconate)',
    dosage: '* **Visceral Leishmaniasis:** 20 mg/kg/day (up to a maximum of 850 mg) IV or IM for 20-28 days.',
    want: [{ indication: 'Visceral Leishmaniasis', amount: 20, per: 'kg', amountPer: 'day', maxDailyAmount: 850 }],
  },
  {
    name: 'a control: with two doses in the sentence, a parenthesized cap is no daily maximum of both (dapsone)',
    dosage: '* **PCP Prophylaxis:** 2 mg/kg/day (up to 100 mg) orally once daily, or 4 mg/kg once weekly (up to 200 mg).',
    want: [
      { indication: 'PCP Prophylaxis', amount: 2, per: 'kg', amountPer: 'day', route: 'oral', timesPerDay: 1 },
      { indication: 'PCP Prophylaxis', amount: 4, per: 'kg', route: 'oral', everyDays: 7 },
    ],
  },
  {
    name: '"Pruritus" and itching labels name a condition (hydroxyzine)',
    dosage: '* **Pruritus:** 25 mg orally 3-4 times per day. Maximum daily dose: 100 mg.\n* **Itching:** 50 mg/day orally, divided into multiple doses.',
    want: [
      { indication: 'Pruritus', amount: 25, route: 'oral' },
      { indication: 'Itching', amount: 50, amountPer: 'day', route: 'oral' },
    ],
  },
];

for (const c of CASES) {
  test(`regimens (holdout11): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

const pregnancyOf = (sections: Record<string, string>): string | null => extractClinicalFacts(page(sections)).pregnancy?.status ?? null;

test('pregnancy (holdout11): "discuss the risks and benefits" is a weak caution: alone it rates use, beside another rating it gives way', () => {
  const section = (text: string): string | null => pregnancyOf({ 'Pregnancy and Breastfeeding': text });
  assert.equal(section('Pregnant or breastfeeding women should discuss the risks and benefits with their healthcare providers.'), 'caution');
  assert.equal(section('* **Pregnancy:** Safety in pregnancy has not been established. Discuss risks and benefits with a healthcare provider.'), 'not-established');
  assert.equal(section('There is limited data on its use during pregnancy.  Consult your doctor to assess the risks and benefits.'), 'not-established');
  assert.equal(section('This medication is generally not recommended during pregnancy.  Discuss the risks and benefits with your healthcare provider if you are pregnant.'), 'avoid');
  assert.equal(section('While generally considered safe during pregnancy, consult your doctor to weigh the benefits and risks before using it.'), 'caution', 'safe with a caveat, as "weigh … against" (session 8)');
});

test('days (holdout11): "from days 1-4" is days 1 to 4; "from day 8 onward" and "from days 1-4 onwards" are starts', () => {
  assert.deepEqual(daysOf('14 mg/m²/day IV from days 1-4'), [1, 2, 3, 4]);
  assert.equal(daysOf('10 mg/m² IV from day 8 onward'), null);
  assert.equal(daysOf('from days 1-4 onwards'), null);
});
