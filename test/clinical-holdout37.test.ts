import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indicationKey } from '../bench/extract-score.js';
import { regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the first runs of holdout37 and holdout38, two sets drawn and labelled
// together (session 13), and from the corpus comparison that checked them. Each case is a real text of
// ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: '"The oral dosage for adults with non-nodular moderate-to-severe acne varies based on weight:": the condition, with its severity (sarecycline)',
    title: 'Sarecycline',
    dosage: '**Adults:** The oral dosage for adults with non-nodular moderate-to-severe acne varies based on weight:\n\n*   **33-54 kg:** 60 mg once daily',
    want: [{ indication: 'non-nodular moderate-to-severe acne', population: 'adult', amount: 60, route: 'oral', timesPerDay: 1 }],
  },
  {
    name: '"For severe infections, …": a condition with its severity (isepamicin) …',
    title: 'Isepamicin',
    dosage: '**Adults:** For severe infections, the usual dose is 7.5 mg/kg every 12 hours.',
    want: [{ indication: 'severe infections', population: 'adult', amount: 7.5, per: 'kg', timesPerDay: 2 }],
  },
  {
    name: '… but "For patients with severe disease who are critically ill" is no one condition (siltuximab)',
    title: 'Siltuximab',
    dosage: '**Adults:** For patients with severe disease who are critically ill, an off-label regimen may be 11 mg/kg once weekly.',
    want: [],
  },
  {
    name: '"This translates to about 3.1g daily for an 80kg individual": a worked example for one body weight, not a dose (L-leucine)',
    title: 'L-Leucine',
    dosage: '- A common dose is 5 grams per day, often split into two doses. This translates to about 3.1g daily for an 80kg individual according to the first recommendation.',
    want: [{ amount: 5000, amountPer: 'day' }],
  },
];

for (const c of CASES) {
  test(`regimens (holdout37): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

test('scoring (holdout37): a group word before the condition is the population\'s ("Pediatric ALL" is the label\'s "ALL" for a child)', () => {
  assert.equal(indicationKey('Pediatric ALL'), indicationKey('ALL'));
  assert.equal(indicationKey('Adult ALL (off-label)'), 'all');
  assert.notEqual(indicationKey('Adult-onset Still disease'), indicationKey('Still disease'));
});
