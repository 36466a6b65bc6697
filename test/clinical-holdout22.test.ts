import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitLabel } from '../src/clinical/section-lines.js';
import { statusOf } from '../src/clinical/pregnancy.js';
import { pregnancyStatus, regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the holdout22 first run (session 11). Each case is a real text of
// ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: 'a lab value ("serum calcium levels") names no ingredient of the dose (alfacalcidol + calcium)',
    title: 'Alfacalcidol + Calcium',
    combination: true,
    dosage: '#### **Adults:**\n\nInitial: 0.5–1 mcg daily, adjusted according to serum calcium levels.',
    want: [{ population: 'adult', phase: 'initial', amount: 0.0005, amountMax: 0.001, timesPerDay: 1 }],
  },
  {
    name: 'a plain label may hold an abbreviation\'s period in its parenthesis ("Malaria Chemoprophylaxis (P. falciparum):", proguanil)',
    title: 'Proguanil',
    dosage: '**Pediatric Dosage:**\n\n* **Malaria Chemoprophylaxis (*P. falciparum*):** Dosage varies by age:\n    * Infants < 1 year: 25 mg once daily\n    * Children 1-4 years: 50 mg once daily',
    want: [
      { indication: 'Malaria Chemoprophylaxis (P. falciparum)', population: 'child', amount: 25, timesPerDay: 1 },
      { indication: 'Malaria Chemoprophylaxis (P. falciparum)', population: 'child', amount: 50, timesPerDay: 1 },
    ],
  },
];

for (const c of CASES) {
  test(`regimens (holdout22): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

test('labels (holdout22): a period outside a parenthesis still ends a sentence, so no label', () => {
  assert.deepEqual(splitLabel('Duodenal Ulcer (H. pylori): 20 mg twice daily.'), { label: 'Duodenal Ulcer (H. pylori)', text: '20 mg twice daily.' });
  assert.equal(splitLabel('Take 5 mg. Then: 10 mg daily.').label, null);
});

test('pregnancy (holdout22): status words of the drugs it is combined with are theirs (elotuzumab; sofosbuvir + velpatasvir)', () => {
  assert.equal(
    statusOf('Elotuzumab is not recommended during pregnancy or breastfeeding due to potential harm to the fetus or infant and because it is used in combination with lenalidomide or pomalidomide, which are contraindicated during pregnancy and breastfeeding.'),
    'avoid',
  );
  assert.equal(statusOf('SOF/VEL is not recommended during pregnancy, especially when combined with ribavirin, which is contraindicated.'), 'avoid');
  // The drug's own relative clause is still its own.
  assert.equal(statusOf('Methotrexate, which is contraindicated in pregnancy, must be stopped before conception.'), 'contraindicated');
});

test('pregnancy (holdout22): use only under supervision or guidance is a caution, whatever the word order (rokitamycin, phentolamine)', () => {
  assert.equal(statusOf('Pregnant or breastfeeding women should only use rokitamycin under strict medical supervision due to unknown effects on the fetus and infant.'), 'caution');
  assert.equal(
    statusOf('Use in pregnancy and breastfeeding should be carefully considered and only undertaken under the guidance of a healthcare professional due to the limited data available on safety.'),
    'caution',
  );
});

const pregnancy = pregnancyStatus;

test('pregnancy (holdout22): "Use … should be carefully considered" is a weak caution: alone a caution, beside "not established" not one (cinnarizine, triamcinolone)', () => {
  assert.equal(pregnancy('Use during pregnancy should be carefully considered.'), 'caution');
  assert.equal(pregnancy('The safety of this drug during pregnancy has not been established. Its use should be carefully considered.'), 'not-established');
});

test('pregnancy (holdout22): "and" before a verb starts a clause, so a sentence rating both topics rates each (hydroquinidine)', () => {
  // "It's generally not recommended during pregnancy" rates pregnancy; it disagrees with the sentence before: nothing.
  assert.equal(pregnancy("Special caution is necessary during pregnancy and breastfeeding.  It's generally not recommended during pregnancy and should be avoided while breastfeeding as it's excreted in breast milk."), null);
  assert.equal(pregnancy("It's generally not recommended during pregnancy and should be avoided while breastfeeding."), 'avoid');
});

test('pregnancy (holdout22): a parenthesis between "pregnancy" and "breastfeeding" does not part them (cotrimazine)', () => {
  assert.equal(pregnancy('Cotrimazine is contraindicated during pregnancy (especially at term) and breastfeeding.'), 'contraindicated');
  // … but not a parenthesis that limits the pregnancy to part of it (ibuprofen + pseudoephedrine, naproxen + sumatriptan) …
  assert.equal(pregnancy('Contraindicated in pregnancy (third trimester) and breastfeeding.'), null);
  assert.equal(pregnancy('Naproxen + Sumatriptan is contraindicated during pregnancy (after 20 weeks) and should be avoided during the third trimester.', ['Naproxen', 'Sumatriptan']), null);
  // … and a clause of its own after it rates breastfeeding only (celiprolol).
  assert.equal(
    pregnancy('Celiprolol should be used with caution during pregnancy (categories B in the first trimester and D in the second and third trimesters) and breastfeeding is not recommended.'),
    null,
  );
});

test('pregnancy (holdout22): a combination page\'s sentence naming every ingredient as one subject rates the product (glucosamine + chondroitin, metformin + acarbose)', () => {
  assert.equal(pregnancy("The safety and efficacy of glucosamine and chondroitin during pregnancy and breastfeeding haven't been fully established.", ['Glucosamine', 'Chondroitin']), 'not-established');
  assert.equal(pregnancy('Diacerein + Paracetamol is generally not recommended during pregnancy.', ['Diacerein', 'Paracetamol']), 'avoid');
  // Each ingredient rated in its own clause: per ingredient, no status of the product.
  assert.equal(pregnancy('Metformin is generally considered safe during pregnancy and breastfeeding, but acarbose should be used with caution.', ['Acarbose', 'Metformin']), null);
  assert.equal(pregnancy('While paracetamol is generally considered safe during pregnancy, phenylephrine\'s use should be carefully evaluated.', ['Paracetamol', 'Phenylephrine']), null);
});
