import { z } from 'zod';

/**
 * Clinical facts read from a monograph's prose: structured dosing regimens, pregnancy and
 * breastfeeding status, contraindications, interactions, monitoring, half-life, targets and class.
 * Every fact carries the sentence it was read from. The shapes are a contract: the regimen field
 * names are those of the synthetic generator's manifest (`shared/corpus/generate.mjs`).
 */

/** Where a fact was read: the file, the 1-based line, and the sentence (plain text) it came from. */
export const SourceRefSchema = z.object({ file: z.string(), line: z.number().int().min(1), text: z.string() });
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const POPULATIONS = ['adult', 'child', 'elderly', 'renal', 'hepatic'] as const;
export const PopulationSchema = z.enum(POPULATIONS);
export type Population = z.infer<typeof PopulationSchema>;

/** `initial`: a starting dose; `escalation`: a dose to increase to; `reduction`: a dose to reduce to. */
export const PHASES = ['loading', 'maintenance', 'initial', 'induction', 'escalation', 'reduction'] as const;
export const PhaseSchema = z.enum(PHASES);
export type Phase = z.infer<typeof PhaseSchema>;

export const ROUTES = ['IV', 'SC', 'IM', 'oral', 'sublingual', 'topical', 'inhaled', 'nasal', 'rectal', 'vaginal', 'ophthalmic', 'otic', 'intrathecal', 'intravitreal', 'transdermal'] as const;
export const RouteSchema = z.enum(ROUTES);
export type Route = z.infer<typeof RouteSchema>;

const positive = z.number().positive();
const count = z.number().int().positive();

export const RegimenSchema = z.object({
  /** The condition the dose is written for (a label such as `**Plaque Psoriasis:**`, or "for X"), as written. */
  indication: z.string().nullable(),
  population: PopulationSchema.nullable(),
  phase: PhaseSchema.nullable(),
  /** For a combination page: the ingredient the amount is of, when the text names it. */
  ingredient: z.string().nullable(),
  /** Milligrams (grams and micrograms converted). For a range (`250–500 mg`) the low end, see `amountMax`. */
  amount: positive,
  /** The high end of a range (`250–500 mg` → 500); null for a single amount. */
  amountMax: positive.nullable(),
  unit: z.literal('mg'),
  /** Per kg of body weight, per m² of body surface, or a fixed amount (null). */
  per: z.enum(['kg', 'm2']).nullable(),
  /** `day`: the amount is a daily total (`mg/day`, `per day`), whatever the number of doses it is split into. */
  amountPer: z.enum(['dose', 'day']),
  route: RouteSchema.nullable(),
  /** Doses a day (`twice daily` 2, `every 8 hours` 3). */
  timesPerDay: count.nullable(),
  /** Doses a week (`three times a week` 3). */
  timesPerWeek: count.nullable(),
  /** Days between doses (`weekly` 7, `every 2 weeks` 14, `every 21 days` 21). */
  everyDays: positive.nullable(),
  /** Length of a treatment cycle in days (`21-day cycle`). */
  cycleDays: count.nullable(),
  /** Days of the cycle (or of treatment) the dose is given on (`days 1, 8 and 15`). */
  days: z.array(count).nullable(),
  /** Treatment duration as written in days (`for 5 days`) or weeks (`for up to 12 weeks`). */
  durationDays: count.nullable(),
  durationWeeks: count.nullable(),
  /** Infusion time (`over 2 hours` 120). */
  infusionMinutes: positive.nullable(),
  /** Maximum daily amount in mg stated with the dose (`maximum 40 mg per day`). */
  maxDailyAmount: positive.nullable(),
  /** Given once (`as a single dose`). */
  single: z.boolean(),
  /** Conditions on the dose as written: `if required`, `as needed`, missed-dose rules. */
  conditions: z.array(z.string()),
  /** The labels and headings the dose is written under, outermost first (`Adults`, `Cycle 1`). */
  context: z.array(z.string()),
  source: SourceRefSchema,
});
export type Regimen = z.infer<typeof RegimenSchema>;

/** How a page rates use in pregnancy or while breastfeeding. */
export const SAFETY_STATUSES = ['contraindicated', 'avoid', 'caution', 'not-established', 'compatible'] as const;
export const SafetyStatusSchema = z.enum(SAFETY_STATUSES);
export type SafetyStatus = z.infer<typeof SafetyStatusSchema>;

export const SafetyFactSchema = z.object({
  /** Null when the text gives only a letter category (`Category C.`) and no words about use. */
  status: SafetyStatusSchema.nullable(),
  /** FDA letter category when the text gives one (`Category C`). */
  category: z.enum(['A', 'B', 'C', 'D', 'X']).nullable(),
  source: SourceRefSchema,
});
export type SafetyFact = z.infer<typeof SafetyFactSchema>;

/** An item of a list (a contraindication, an interaction, a monitoring parameter) as written. */
export const ListItemSchema = z.object({ text: z.string(), source: SourceRefSchema });
export type ListItem = z.infer<typeof ListItemSchema>;

export const HalfLifeSchema = z.object({
  /** In hours (days and minutes converted); `hoursMax` is the high end of a range (`12–15 hours`), else null. */
  hours: positive,
  hoursMax: positive.nullable(),
  source: SourceRefSchema,
});
export type HalfLife = z.infer<typeof HalfLifeSchema>;

export const TargetSchema = z.object({ name: z.string(), source: SourceRefSchema });
export type Target = z.infer<typeof TargetSchema>;

export const DrugClassSchema = z.object({ text: z.string(), source: SourceRefSchema });
export type DrugClass = z.infer<typeof DrugClassSchema>;

export const ClinicalFactsSchema = z.object({
  regimens: z.array(RegimenSchema),
  pregnancy: SafetyFactSchema.nullable(),
  breastfeeding: SafetyFactSchema.nullable(),
  contraindications: z.array(ListItemSchema),
  interactions: z.array(ListItemSchema),
  monitoring: z.array(ListItemSchema),
  halfLife: HalfLifeSchema.nullable(),
  targets: z.array(TargetSchema),
  drugClass: DrugClassSchema.nullable(),
});
export type ClinicalFacts = z.infer<typeof ClinicalFactsSchema>;
