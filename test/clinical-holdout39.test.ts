import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyLabel } from '../src/clinical/labels.js';
import { regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Rules written from the disagreements of the first runs of holdout39 and holdout40, two sets drawn and labelled
// together (session 13), and from the corpus comparison that checked them. Each case is a real text of
// ../shared/corpus (the page in the name).

const CASES: RegimenCase[] = [
  {
    name: '"The recommended dose of capecitabine in this combination therapy is 1000 mg/m² BID": another drug\'s dose (tucatinib)',
    title: 'Tucatinib',
    dosage: '**Adults:** The recommended dose of capecitabine in this combination therapy is 1000 mg/m² BID on days 1-14 of a 21-day cycle.',
    want: [],
  },
  {
    name: '"0.05 mg/kg/day orally at bedtime": a daily amount given once (pimozide)',
    title: 'Pimozide',
    dosage: '#### **Children:**\n\n- 0.05 mg/kg/day orally at bedtime.',
    want: [{ population: 'child', amount: 0.05, per: 'kg', amountPer: 'day', route: 'oral', timesPerDay: 1 }],
  },
  {
    name: '"The lowest recommended daily dose is 80 mg": a lower bound, not a dose (regorafenib)',
    title: 'Regorafenib',
    dosage: '- The lowest recommended daily dose is 80 mg, and the maximum daily dose is 160 mg.',
    want: [],
  },
];

for (const c of CASES) {
  test(`regimens (holdout39): ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

test('labels (holdout39): "Tourette\'s Disorder Dosage in Children" and "Children (Partial-onset seizures, ages 4-17)" name the condition and the group (aripiprazole, eslicarbazepine)', () => {
  const tourette = classifyLabel("Tourette's Disorder Dosage in Children", { ingredients: [] });
  assert.equal(tourette.indication, "Tourette's Disorder");
  assert.equal(tourette.population, 'child');
  const seizures = classifyLabel('Children (Partial-onset seizures, ages 4-17)', { ingredients: [] });
  assert.equal(seizures.indication, 'Partial-onset seizures');
  assert.equal(seizures.population, 'child');
  // A group's or a section's name before "Dosage" names no condition.
  assert.equal(classifyLabel('Pediatric Dosage', { ingredients: [] }).indication, null);
  assert.equal(classifyLabel('Renal Impairment Dosage', { ingredients: [] }).indication, null);
});

test('regimens (holdout39): "The dosage is weight-based and administered twice daily for ten days" above a list gives its doses their course (fidaxomicin, from holdout38)', () => {
  const dosage = '**Children:**  Fidaxomicin is available as an oral suspension. The dosage is weight-based and administered twice daily for ten days.  The recommended dosage is as follows:\n\n*   Weight 4 to <7 kg: 80 mg BID';
  assert.deepEqual(regimensOfCase({ name: 'fidaxomicin', title: 'Fidaxomicin', dosage, want: [] }), [{ population: 'child', amount: 80, route: 'oral', timesPerDay: 2, durationDays: 10 }]);
});
