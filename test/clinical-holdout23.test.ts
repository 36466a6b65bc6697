import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyLabel, ingredientOfWord } from '../src/clinical/labels.js';
import { page, pregnancyStatus, regimensOfCase, type RegimenCase } from './helpers/clinical.js';
import { extractSafety } from '../src/clinical/pregnancy.js';

// Rules written from the disagreements of the holdout23 first run (session 11). Each case is a real text of
// ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: 'a word that is one ingredient\'s whole name is that ingredient\'s, not the one whose name it starts like (Methylcobalamin, not "L-Methyl Folate Calcium")',
    title: 'L-Methyl Folate Calcium + Methylcobalamin',
    combination: true,
    dosage: 'A typical regimen may include L-Methylfolate Calcium 0.5mg, and Methylcobalamin 750mcg twice daily, with food.',
    want: [
      { ingredient: 'L-Methyl Folate Calcium', amount: 0.5, timesPerDay: 2 },
      { ingredient: 'Methylcobalamin', amount: 0.75, timesPerDay: 2 },
    ],
  },
  {
    name: 'a lead-in naming the condition ("The dosage for migraine prophylaxis in adults is:") gives the list its indication (eptinezumab)',
    title: 'Eptinezumab',
    dosage: 'Eptinezumab is administered intravenously (IV).  The dosage for migraine prophylaxis in adults is:\n\n* **Initial dose:** 100 mg given as an IV infusion.\n* **Subsequent Doses:** The standard regimen is a 100 mg infusion every 3 months.',
    want: [
      { indication: 'migraine prophylaxis', population: 'adult', phase: 'initial', amount: 100, route: 'IV' },
      { indication: 'migraine prophylaxis', population: 'adult', amount: 100, route: 'IV' },
    ],
  },
];

for (const c of CASES) {
  test(`regimens (holdout23): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

test('labels (holdout23): "Moderate renal impairment (eGFR 30-59 mL/min)" is the renal group and names no condition ("eG" is no "e.g.", nirmatrelvir)', () => {
  const l = classifyLabel('Moderate renal impairment (eGFR 30-59 mL/min)', { ingredients: [] });
  assert.equal(l.population, 'renal');
  assert.equal(l.indication, null);
  // "(e.g., …)" still lists examples.
  assert.equal(classifyLabel('Emergency Situations (e.g., hypertensive crisis)', { ingredients: [] }).indication, 'hypertensive crisis');
});

test('labels (holdout23): "Ovulation Induction" and "Labor Induction" name what the dose is for, not the induction phase (buserelin, dinoprostone)', () => {
  const o = classifyLabel('Ovulation Induction', { ingredients: [] });
  assert.equal(o.phase, null);
  assert.equal(o.indication, 'Ovulation Induction');
  assert.equal(classifyLabel('Labor Induction', { ingredients: [] }).phase, null);
  assert.equal(classifyLabel('Induction Phase', { ingredients: [] }).phase, 'induction');
});

test('labels (holdout23): the conditions the label reader did not know (tardive dyskinesia, primary immunodeficiency) and a phase after a dash (pipotiazine)', () => {
  assert.equal(classifyLabel('Adults (Tardive Dyskinesia)', { ingredients: [] }).indication, 'Tardive Dyskinesia');
  assert.equal(classifyLabel('Adult Dosage (Primary Immunodeficiency)', { ingredients: [] }).indication, 'Primary Immunodeficiency');
  const p = classifyLabel('Adults (Schizophrenia - Maintenance Treatment)', { ingredients: [] });
  assert.equal(p.indication, 'Schizophrenia');
  assert.equal(p.phase, 'maintenance');
});

test('ingredients (holdout23): a whole ingredient name wins over another ingredient starting the same', () => {
  const ings = ['L-Methyl Folate Calcium', 'Methylcobalamin'];
  assert.equal(ingredientOfWord('methylcobalamin', ings), 'Methylcobalamin');
  assert.equal(ingredientOfWord('methylfolate', ings), 'L-Methyl Folate Calcium');
  assert.equal(ingredientOfWord('methyl', ings), 'L-Methyl Folate Calcium');
});

test('pregnancy (holdout23): a summary that rates the ingredients one by one rates no product (myo-inositol combination)', () => {
  const m = page({ 'Profile Summary': '- **Pregnancy & Breastfeeding:** Consult a physician; Metformin generally considered safe in pregnancy, L-Methylfolate is recommended.' });
  assert.equal(extractSafety(m.sections, { file: 'test/example.md', ingredients: ['Metformin', 'L-Methylfolate Calcium', 'Melatonin'] }).pregnancy, null);
  // A single drug's summary still rates it.
  assert.equal(pregnancyStatus('Metformin is generally considered safe in pregnancy.'), 'compatible');
});
