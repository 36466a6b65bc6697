import { RegimenSchema, type Regimen } from '../../src/clinical/schema.js';

/**
 * Regimens written by hand for the dose and schedule tests: the four examples of the issue, read
 * as the extractor is meant to read them (one regimen per amount), and a builder for others.
 */

const BLANK: Omit<Regimen, 'amount' | 'source'> = {
  indication: null,
  population: 'adult',
  phase: null,
  ingredient: null,
  amountMax: null,
  unit: 'mg',
  per: null,
  amountPer: 'dose',
  route: null,
  timesPerDay: null,
  timesPerWeek: null,
  everyDays: null,
  cycleDays: null,
  days: null,
  durationDays: null,
  durationWeeks: null,
  infusionMinutes: null,
  maxDailyAmount: null,
  single: false,
  conditions: [],
  context: [],
};

/** A valid regimen (checked against `RegimenSchema`): the given fields, the rest null or empty. */
export function regimen(fields: Partial<Regimen> & { amount: number }, text = 'Test dose.', line = 10): Regimen {
  return RegimenSchema.parse({ ...BLANK, source: { file: 'content/examplumab.md', line, text }, ...fields });
}

const EX1 = '1.6 mg/kg IV infusion every 2 weeks for 12 weeks, then every 4 weeks.';
const EX2 = '0.8 mg/m² on day 1, 0.5 mg/m² on days 8 and 15 of a 21-day cycle.';
const EX3 = 'Loading dose 2 g, then 800 mg every 14 days; if a maintenance dose is missed by more than 3 days, repeat the loading dose.';
const EX4 = '30 mg IV three times a week after escalation from 3 mg and 10 mg.';
export const MISSED_RULE = 'if a maintenance dose is missed by more than 3 days, repeat the loading dose';

/** The four examples. */
export const EXAMPLES = {
  weightInduction: regimen({ amount: 1.6, per: 'kg', route: 'IV', phase: 'induction', everyDays: 14, durationWeeks: 12 }, EX1, 12),
  weightMaintenance: regimen({ amount: 1.6, per: 'kg', route: 'IV', phase: 'maintenance', everyDays: 28 }, EX1, 12),
  bsaDay1: regimen({ amount: 0.8, per: 'm2', cycleDays: 21, days: [1] }, EX2, 20),
  bsaDays8And15: regimen({ amount: 0.5, per: 'm2', cycleDays: 21, days: [8, 15] }, EX2, 20),
  loading: regimen({ amount: 2000, phase: 'loading', single: true }, EX3, 30),
  maintenance: regimen({ amount: 800, phase: 'maintenance', everyDays: 14, conditions: [MISSED_RULE] }, EX3, 30),
  escalationStart: regimen({ amount: 3, route: 'IV', phase: 'initial', timesPerWeek: 3 }, EX4, 40),
  escalationMiddle: regimen({ amount: 10, route: 'IV', phase: 'escalation', timesPerWeek: 3 }, EX4, 40),
  escalationTarget: regimen({ amount: 30, route: 'IV', phase: 'escalation', timesPerWeek: 3 }, EX4, 40),
} satisfies Record<string, Regimen>;
