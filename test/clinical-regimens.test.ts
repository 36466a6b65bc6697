import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractRegimens } from '../src/clinical/index.js';
import { dosagePage, fields, regimensOfCase, type RegimenCase } from './helpers/clinical.js';

// Dosing phrases as monographs write them (the four examples, then phrasings from the
// seeds and the real corpora), each with every regimen it must give: fields the regimen has beyond
// those listed fail the test, so a wrong or extra value is caught, not only a missing one.

const CASES: RegimenCase[] = [
  // The examples.
  {
    name: 'every 2 weeks for 12 weeks, then every 4 weeks: the later step has no amount of its own and is not invented',
    dosage: '- **Plaque psoriasis:** 1.6 mg/kg IV infusion every 2 weeks for 12 weeks, then every 4 weeks.',
    want: [{ indication: 'Plaque psoriasis', amount: 1.6, per: 'kg', route: 'IV', everyDays: 14, durationWeeks: 12 }],
  },
  {
    name: 'day 1, then days 8 and 15 of a 21-day cycle',
    dosage: '- 0.8 mg/m² on day 1, 0.5 mg/m² on days 8 and 15 of a 21-day cycle.',
    want: [
      { amount: 0.8, per: 'm2', cycleDays: 21, days: [1] },
      { amount: 0.5, per: 'm2', cycleDays: 21, days: [8, 15] },
    ],
  },
  {
    name: 'loading dose in grams, then every 14 days, with a missed-dose rule',
    dosage: 'Ibalizumab is administered intravenously (IV).\n\n- Loading dose 2 g, then 800 mg every 14 days; if a maintenance dose is missed by more than 3 days, repeat the loading dose.',
    want: [
      { phase: 'loading', amount: 2000, route: 'IV' },
      { amount: 800, route: 'IV', everyDays: 14 },
    ],
  },
  {
    name: 'three times a week after escalation steps',
    dosage: '- 30 mg IV three times a week after escalation from 3 mg and 10 mg.',
    want: [
      { amount: 30, route: 'IV', timesPerWeek: 3 },
      { phase: 'escalation', amount: 3, route: 'IV' },
      { phase: 'escalation', amount: 10, route: 'IV' },
    ],
  },
  // Labels and headings.
  {
    name: 'population from the heading, indication from the bullet label, infusion time in words',
    dosage: '#### **Adults:**\n\n- **Multiple myeloma:** 10 mg/kg body weight as an intravenous infusion over 2 hours, every 2 weeks.',
    want: [{ indication: 'Multiple myeloma', population: 'adult', amount: 10, per: 'kg', route: 'IV', everyDays: 14, infusionMinutes: 120 }],
  },
  {
    name: 'nested day labels inherit the cycle length of their parent (a total per cycle is no regimen)',
    dosage: '- **Cycle 1:** Total dose of 1.8 mg/m² per 21-day cycle, divided into three doses.\n    - Day 1: 0.8 mg/m² IV infusion over 1 hour.\n    - Day 8: 0.5 mg/m² IV infusion over 1 hour.',
    want: [
      { amount: 0.8, per: 'm2', route: 'IV', cycleDays: 21, days: [1], infusionMinutes: 60 },
      { amount: 0.5, per: 'm2', route: 'IV', cycleDays: 21, days: [8], infusionMinutes: 60 },
    ],
  },
  {
    name: 'a label with the condition and a population in parentheses (the group is no part of the condition); a route label',
    dosage: '* **Adults (Oral):** 100 mg twice daily (BID).\n* **GPA/MPA (Adults):** 375 mg/m² weekly for 4 doses (induction).',
    want: [
      { population: 'adult', amount: 100, route: 'oral', timesPerDay: 2 },
      { indication: 'GPA/MPA', population: 'adult', phase: 'induction', amount: 375, per: 'm2', everyDays: 7 },
    ],
  },
  {
    name: 'a label that is no condition (a device, a weight band, a setting) gives no indication',
    dosage: '- **Nebulizer:** 2.5 mg three to four times daily as needed.\n- **≥30 kg:** 400 mg orally once daily.\n- **Intensive Care Unit (ICU) Use:** 1 g IV every 8 hours.',
    want: [
      { amount: 2.5, route: 'inhaled' },
      { amount: 400, route: 'oral', timesPerDay: 1 },
      { amount: 1000, route: 'IV', timesPerDay: 3 },
    ],
  },
  {
    name: 'renal and hepatic populations; a severity label under them',
    dosage: '- **Patients with Renal Impairment:** For moderate renal impairment, 5 mg once daily is usually recommended.\n- **Patients with Hepatic Dysfunction:**\n    - Severe impairment: Initial dose: 1 mg immediately before bedtime.',
    want: [
      { population: 'renal', amount: 5, timesPerDay: 1 },
      { population: 'hepatic', phase: 'initial', amount: 1, timesPerDay: 1 },
    ],
  },
  // Amounts, units, ranges.
  {
    name: 'grams and micrograms are converted to mg',
    dosage: '- 1 g IV every 8 hours.\n- 500 mcg three times per week.\n- 2 grams (g) given as a single dose.',
    want: [
      { amount: 1000, route: 'IV', timesPerDay: 3 },
      { amount: 0.5, timesPerWeek: 3 },
      { amount: 2000, single: true },
    ],
  },
  {
    name: 'ranges: "500 mg to 1 g", "250-500 mg", "ranges from … to"',
    dosage: '- 500 mg to 1 g every 12 hours.\n- Dosage ranges from 250mg to 1000mg several times a day.',
    want: [
      { amount: 500, amountMax: 1000, timesPerDay: 2 },
      { amount: 250, amountMax: 1000 },
    ],
  },
  {
    name: 'daily totals: mg/kg/day divided into doses, "per day"',
    dosage: '- 35-50 mg/kg/day divided into three doses for 10 days.\n- 600-1200 mg per day.\n- 400-800 mg daily in 4 divided doses.',
    want: [
      { amount: 35, amountMax: 50, per: 'kg', amountPer: 'day', timesPerDay: 3, durationDays: 10 },
      { amount: 600, amountMax: 1200, amountPer: 'day' },
      { amount: 400, amountMax: 800, amountPer: 'day', timesPerDay: 4 },
    ],
  },
  {
    name: 'a maximum daily amount stated with the dose; a per-kg maximum is no amount in mg',
    dosage: '- 10 mg by mouth once daily. The dose may be increased to 20 mg once daily after two weeks if needed (maximum 20 mg per day).\n- 20-50 mg/kg once daily (maximum 50 mg/kg/day).',
    want: [
      { amount: 10, route: 'oral', timesPerDay: 1 },
      { phase: 'escalation', amount: 20, route: 'oral', timesPerDay: 1, maxDailyAmount: 20 },
      { amount: 20, amountMax: 50, per: 'kg', timesPerDay: 1 },
    ],
  },
  // Frequencies.
  {
    name: 'every N hours, Latin abbreviations, weekly, every other day',
    dosage: '- 500 mg every 8 hours.\n- 250 mg q12h.\n- 150 mg QID.\n- 35 mg orally once a week.\n- 100 mg every other day.\n- 600 mg every 72 hours.',
    want: [
      { amount: 500, timesPerDay: 3 },
      { amount: 250, timesPerDay: 2 },
      { amount: 150, timesPerDay: 4 },
      { amount: 35, route: 'oral', everyDays: 7 },
      { amount: 100, everyDays: 2 },
      { amount: 600, everyDays: 3 },
    ],
  },
  {
    name: 'frequencies that are not one number are left out',
    dosage: '- 500 mg every 4-6 hours as needed.\n- 2.5 mg two to three times daily.\n- 10 mg once or twice daily.\n- 50mg up to three times per day.',
    want: [{ amount: 500 }, { amount: 2.5 }, { amount: 10 }, { amount: 50 }],
  },
  {
    name: 'durations in days and weeks; a range of days is no duration',
    dosage: '- 12 mg/day IV over 4 hours for 5 consecutive days.\n- 250 mg three times daily for 7 days.\n- 500 mg twice daily for 7-14 days.',
    want: [
      { amount: 12, amountPer: 'day', route: 'IV', durationDays: 5, infusionMinutes: 240 },
      { amount: 250, timesPerDay: 3, durationDays: 7 },
      { amount: 500, timesPerDay: 2 },
    ],
  },
  {
    name: 'routes: two routes give none; a tablet is oral; "oral inhalation" is inhaled',
    dosage: '- 1-2 g IV or IM once daily.\n- 30 mg IV (or subcutaneously) three times a week.\n- One 500 mg tablet twice daily.\n- 0.125 mg by oral inhalation as needed.',
    want: [
      { amount: 1000, amountMax: 2000, timesPerDay: 1 },
      { amount: 30, timesPerWeek: 3 },
      { amount: 500, route: 'oral', timesPerDay: 2 },
      { amount: 0.125, route: 'inhaled' },
    ],
  },
  // Phases.
  {
    name: 'initial, maintenance and escalation phases from the words before the amount',
    dosage: '- Initial dose is 1.5 mg orally once daily, titrated to 3 mg/day on Day 2 if tolerated.\n- A maintenance dose of 1000 mg daily may be continued.\n- Start with 3 mg IV daily until infusion reactions are Grade 2 or less.',
    want: [
      { phase: 'initial', amount: 1.5, route: 'oral', timesPerDay: 1 },
      { phase: 'escalation', amount: 3, amountPer: 'day', route: 'oral', days: [2] },
      { phase: 'maintenance', amount: 1000, timesPerDay: 1 },
      { phase: 'initial', amount: 3, route: 'IV', timesPerDay: 1 },
    ],
  },
  {
    name: 'a reduction, and "then possibly to" continues it',
    dosage: '- For example, a reduction from 300 mg to 200 mg, then possibly to 100 mg, may be necessary.',
    want: [
      { phase: 'reduction', amount: 200 },
      { phase: 'reduction', amount: 100 },
    ],
  },
  // Sentence-level indication and population.
  {
    name: '"For <condition>," opening the sentence; a group named in parentheses after the dose',
    dosage: '- For susceptible bacterial infections, the typical oral dose is 400 mg once daily.\n- **Meningitis:** 2 g IV every 12 hours for 7-14 days (adults).',
    want: [
      { indication: 'susceptible bacterial infections', amount: 400, route: 'oral', timesPerDay: 1 },
      { indication: 'Meningitis', population: 'adult', amount: 2000, route: 'IV', timesPerDay: 2 },
    ],
  },
  // Combination pages.
  {
    name: 'combination: each amount with the ingredient named next to it, the schedule shared',
    title: 'Amoxycillin + Pantoprazole',
    combination: true,
    dosage: '- **Amoxycillin:** 1000 mg twice daily\n- Usual dose is 500 mg of amoxycillin and 40 mg of pantoprazole every 12 hours.',
    want: [
      { ingredient: 'Amoxycillin', amount: 1000, timesPerDay: 2 },
      { ingredient: 'Amoxycillin', amount: 500, timesPerDay: 2 },
      { ingredient: 'Pantoprazole', amount: 40, timesPerDay: 2 },
    ],
  },
  {
    name: 'combination: "500 mg/125 mg" does not say which amount is which ingredient',
    title: 'Amoxycillin + Clavulanic Acid',
    combination: true,
    dosage: '- 250 mg/125 mg every 8 hours or 500 mg/125 mg every 12 hours.',
    want: [],
  },
];

/** Text that states no regimen: vague, maxima, totals, strengths, other drugs, studies, thresholds. */
const NO_REGIMEN: [string, string][] = [
  ['vague text', '- Dosage varies depending on the specific product formulation. Always follow the physician\'s directions.'],
  ['a maximum alone', '- Maximum daily dose: 4000mg (4g) in 24 hours.\n- Do not exceed 4 g per day.\n- The maximum daily dose is usually 600mg.\n- For patients weighing less than 50 kg, the maximum daily dose is reduced to 60 mg.'],
  ['a total and a course total', '- The total dose should not exceed 60 mg.\n- 40-50 mg/kg divided over 2-5 days.'],
  ['product strengths and contents', '- Available as 250 mg and 500 mg tablets.\n- One tablet (containing Dicyclomine 10 mg and Paracetamol 500 mg) three times daily.\n- 250mg paracetamol and 50mg caffeine per tablet.'],
  ['another drug\'s dose', '- Premedicate with dexamethasone 20 mg IV.\n- **Premedications:** diphenhydramine 50 mg IV.'],
  ['doses reported from studies', '- Studies have explored doses ranging from 80mg/m2 weekly.\n- A starting dose of 80mg/m2 weekly has been studied.'],
  ['thresholds and comparisons', '- IV doses greater than 2g should be administered by infusion.\n- If serum triglyceride levels exceed 250 mg/dL, stop the infusion.'],
  ['amounts in parentheses', '- Initiate treatment at a reduced dose (e.g., 10 mg daily for severe impairment).'],
  ['increments and lower bounds', '- Doses can be adjusted in increments of 25 mcg every 4 weeks.\n- Initial doses can start as low as 12.5 mcg/day.\n- 30 mg or higher IM every 1 to 2 weeks is common.'],
  ['rates', '- 0.5 mg/kg/hour by continuous infusion.\n- 1-4 mg/minute.'],
  ['doses in units, ml and tablets', '- 10,000 units subcutaneously daily.\n- 10 ml twice daily after meals.\n- Four tablets initially, then four tablets after 8 hours.'],
];

for (const c of CASES) {
  test(`regimens: ${c.name}`, () => assert.deepEqual(regimensOfCase(c), c.want));
}

for (const [name, dosage] of NO_REGIMEN) {
  test(`regimens: nothing from ${name}`, () => {
    assert.deepEqual(extractRegimens(dosagePage(dosage)).map(fields), []);
  });
}

test('regimens: the source points at the file, the line in the file and the sentence', () => {
  const m = dosagePage('Some introduction.\n\n#### **Adults:**\n\n- **Gout:** Take care. 0.6 mg once daily.');
  const [r] = extractRegimens(m);
  assert.ok(r);
  assert.deepEqual(r.source, { file: 'test/example.md', line: 10, text: '0.6 mg once daily.' });
  assert.deepEqual(r.context, ['Adults', 'Gout']);
});

test('regimens: only the Dosage section is read (the FAQ and the summary repeat it)', () => {
  const m = dosagePage('- 10 mg once daily.');
  const withOthers = { ...m, sections: [...m.sections, { ...m.sections[0]!, id: 'faqs' }, { ...m.sections[0]!, id: 'summary' }] };
  assert.equal(extractRegimens(withOthers).length, 1);
});
