import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusOf } from '../src/clinical/pregnancy.js';
import { pregnancyStatus } from './helpers/clinical.js';

// Rules written from the disagreements of the holdout25 first run (session 11). Each case is a real text of
// ../shared/corpus (the page in the name).

test('pregnancy (holdout25): whether it is safe is the question, not a rating; the advice after it rates use (fructo-oligosaccharide)', () => {
  assert.equal(statusOf("There isn't enough reliable information to know if FOS are safe to use when pregnant or breast-feeding."), 'not-established');
  assert.equal(pregnancyStatus("- There isn't enough reliable information to know if FOS are safe to use when pregnant or breast-feeding. Avoid use."), 'avoid');
  // "safe to use" as a rating still is one.
  assert.equal(statusOf('It is considered safe to use during pregnancy.'), 'compatible');
});

test('pregnancy (holdout25): safe, "but prolonged use or high doses may pose risks" is caution (oral corticosteroids)', () => {
  assert.equal(statusOf('Corticosteroids are generally considered safe during pregnancy, but prolonged use or high doses may pose risks to the fetus.'), 'caution');
});

test('pregnancy (holdout25): "pregnancy, breastfeeding" in one list is one statement about both (raltitrexed, racecadotril)', () => {
  // Listed among the contraindications: contraindicated …
  assert.equal(pregnancyStatus('Racecadotril is contraindicated in individuals with hypersensitivity to the drug, sucrose intolerance, pregnancy, breastfeeding and children under 3 months.'), 'contraindicated');
  // … and beside a statement that says "avoid", no one status (raltitrexed).
  assert.equal(
    pregnancyStatus('Raltitrexed is contraindicated in patients with hypersensitivity to the drug or its components, severe renal or hepatic impairment, pregnancy, breastfeeding, women of childbearing potential, and children. Pregnant or breastfeeding women should avoid this medication.'),
    null,
  );
});
