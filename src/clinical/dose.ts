import { z } from 'zod';
import { BSA_METHOD_NAMES, BSA_METHODS, DEFAULT_BSA_METHOD, bodySurfaceArea, bsaExpression } from './bsa.js';
import { RegimenSchema, SourceRefSchema, type Regimen } from './schema.js';

/**
 * A dose worked out from one regimen read from a monograph, and the person's weight and height.
 * The answer is only arithmetic on the regimen's own numbers, every step written out in
 * `formula` and `rounding`; nothing is looked up or assumed. When the numbers are missing or
 * implausible the answer is a refusal (`ok: false`) with a message for the reader.
 */

/** Inputs the calculator accepts, and how it rounds. */
export const DOSE_LIMITS = {
  weightKg: { min: 0.5, max: 350 },
  heightCm: { min: 30, max: 250 },
  /** Decimal places of the body surface area (m²) the dose is worked out with. */
  bsaDecimals: 2,
  /** A worked-out dose of this many mg or more is rounded to the nearest 1 mg. */
  wholeMgFrom: 10,
  /** From this many mg up to `wholeMgFrom`, to the nearest 0.1 mg; below it, to `smallDoseFigures` significant figures. */
  tenthMgFrom: 1,
  /** Significant figures of a worked-out dose under `tenthMgFrom` mg (so it is never rounded to zero). */
  smallDoseFigures: 2,
} as const;

/** Why no dose was worked out. Stable names: a client may branch on them. */
export const DOSE_REFUSAL_CODES = [
  'regimen-not-computable',
  'weight-required',
  'weight-and-height-required',
  'weight-not-a-number',
  'height-not-a-number',
  'weight-out-of-range',
  'height-out-of-range',
  'no-regimens',
  'regimen-required',
  'regimen-not-found',
] as const;
export type DoseRefusalCode = (typeof DOSE_REFUSAL_CODES)[number];

// ---- schemas ------------------------------------------------------------------------------------

type SchemaDocs = { id?: string; description?: string };
const DOCS: [z.ZodType, SchemaDocs][] = [];

/** Keep a description (and optionally a component id) for `registerDoseSchemas`. */
function doc<T extends z.ZodType>(schema: T, description: string, id?: string): T {
  DOCS.push([schema, id === undefined ? { description } : { id, description }]);
  return schema;
}

/**
 * Add this module's schema descriptions (and the ids `DoseRequest`, `DoseResponse`,
 * `DoseRefusal`) to a registry such as the API's `API_SCHEMAS`, so the OpenAPI document shows
 * them. (This module cannot import the API's registry: dependencies point from api to clinical.)
 *
 * @example registerDoseSchemas(API_SCHEMAS)
 */
export function registerDoseSchemas(registry: z.core.$ZodRegistry<SchemaDocs>): void {
  for (const [schema, meta] of DOCS) registry.add(schema, meta);
}

/** Characters of a page slug or API id (`paracetamol`, `medicine.crocin-500`). */
const SLUG_PATTERN = /^[a-z0-9][a-z0-9.-]*$/;

export const BsaMethodSchema = doc(z.enum(BSA_METHODS), 'Body surface area formula: `mosteller` √(height cm × weight kg / 3600), or `dubois` 0.007184 × weight^0.425 × height^0.725.');

/** Body of `POST /api/dose`. Unknown keys are rejected. */
export const DoseRequestSchema = doc(
  z.strictObject({
    slug: doc(z.string().min(1).max(200).regex(SLUG_PATTERN), 'The drug: its page slug or API id.'),
    regimen: doc(
      z.number().int().min(0).optional(),
      'Index (0-based) of the regimen in the drug\'s regimens. May be left out when the drug has exactly one.',
    ),
    weightKg: doc(
      z.number().optional(),
      `Body weight in kg (${DOSE_LIMITS.weightKg.min}–${DOSE_LIMITS.weightKg.max}). Needed for doses per kg and per m²; outside the range the answer is a refusal.`,
    ),
    heightCm: doc(
      z.number().optional(),
      `Height in cm (${DOSE_LIMITS.heightCm.min}–${DOSE_LIMITS.heightCm.max}). Needed for doses per m²; outside the range the answer is a refusal.`,
    ),
    bsa: doc(BsaMethodSchema.optional(), 'Body surface area formula (default `mosteller`).'),
  }),
  'A dose calculation: which drug and regimen, and the person\'s weight and height.',
  'DoseRequest',
);
export type DoseRequest = z.infer<typeof DoseRequestSchema>;

const mg = z.number().positive();

/** A worked-out dose: what `computeDose` answers when it can. */
export const DoseResultSchema = z.object({
  ok: z.literal(true),
  doseMg: doc(mg, 'The dose in mg, rounded as `rounding` says; the low end for a range.'),
  doseMgMax: doc(mg.nullable(), 'The high end when the text gives a range (`250–500 mg`), else null.'),
  amountPer: doc(z.enum(['dose', 'day']), '`dose`: `doseMg` is one dose; `day`: it is the total for a day, as the text writes it.'),
  formula: doc(z.string(), 'The arithmetic, with every number (e.g. `1.6 mg/kg × 72 kg = 115.2 mg`), including any cap.'),
  rounding: doc(z.string(), 'What was rounded and how; a stated amount is not rounded. A dose is never rounded up past the text\'s maximum.'),
  capped: doc(z.boolean(), 'True when the text\'s maximum daily amount limited the dose; `formula` shows the uncapped value.'),
  bsaM2: doc(z.number().positive().nullable(), 'Body surface area (m², 2 decimals) the dose was worked out with, or null when not used.'),
  bsaMethod: doc(BsaMethodSchema.nullable(), 'The formula of `bsaM2`, or null.'),
  bsaFormula: doc(z.string().nullable(), 'The body surface area arithmetic, or null.'),
  perDayMg: doc(mg.nullable(), 'The total for a day: the dose × doses a day when the text gives both, the dose itself when it is a daily amount, else null.'),
  perDayMgMax: doc(mg.nullable(), 'The high end of `perDayMg` for a range, else null.'),
  source: doc(SourceRefSchema, 'The sentence the regimen was read from: file, line and text.'),
  regimen: doc(RegimenSchema, 'The regimen as read from the text.'),
});
export type DoseResult = z.infer<typeof DoseResultSchema>;

export const DoseRefusalSchema = doc(
  z.object({
    ok: z.literal(false),
    code: doc(z.enum(DOSE_REFUSAL_CODES), 'Why no dose was worked out (a stable name).'),
    message: doc(z.string(), 'What happened and what to do, for the reader.'),
  }),
  'No dose: the inputs or the regimen do not allow one to be worked out.',
  'DoseRefusal',
);
export type DoseRefusal = z.infer<typeof DoseRefusalSchema>;

export type DoseAnswer = DoseResult | DoseRefusal;

/** `POST /api/dose` success body: the worked-out dose, and which drug and regimen it is for. */
export const DoseResponseSchema = doc(
  DoseResultSchema.omit({ ok: true }).extend({
    slug: doc(z.string(), 'The drug asked for.'),
    regimenIndex: doc(z.number().int().min(0), 'Index of the regimen used in the drug\'s regimens.'),
  }),
  'A dose worked out from one regimen of the text: only arithmetic on its numbers, shown in `formula`. Not medical advice.',
  'DoseResponse',
);
export type DoseResponse = z.infer<typeof DoseResponseSchema>;

// ---- calculation --------------------------------------------------------------------------------

/** The person. Values from a parsed `DoseRequest` can be passed as they are. */
export interface DosePatient {
  /** Body weight in kg. */
  weightKg?: number | undefined;
  /** Height in cm. */
  heightCm?: number | undefined;
  /** Body surface area formula; `mosteller` when left out. */
  bsa?: 'mosteller' | 'dubois' | undefined;
}

/**
 * Work out the dose of one regimen for a person: the amount × weight (per kg) or × body surface
 * area (per m²), or the stated amount (fixed), limited by the text's maximum daily amount and
 * rounded (1 mg from 10 mg, 0.1 mg from 1 mg, 2 significant figures below; never up past the
 * maximum). Refuses, with a message for the reader, when a needed number is missing, not a number,
 * outside `DOSE_LIMITS`, or when the regimen's numbers cannot be used.
 *
 * @example computeDose(regimen, { weightKg: 72 }) // { ok: true, doseMg: 115, formula: '1.6 mg/kg × 72 kg = 115.2 mg', … }
 */
export function computeDose(regimen: Regimen, patient: DosePatient = {}): DoseAnswer {
  if (!computable(regimen)) {
    return refuse(
      'regimen-not-computable',
      'This dose could not be read from the text as numbers a calculator can use, so no amount is worked out. Read the dosing section as written.',
    );
  }
  const { weightKg, heightCm } = patient;
  const bad = checkInput('weight', weightKg) ?? checkInput('height', heightCm);
  if (bad) return bad;

  const dayWord = regimen.amountPer === 'day' ? ' per day' : '';
  const amountText = range(regimen.amount, regimen.amountMax);
  let factor: number | null = null;
  let head: string;
  let bsa: Pick<DoseResult, 'bsaM2' | 'bsaMethod' | 'bsaFormula'> = { bsaM2: null, bsaMethod: null, bsaFormula: null };
  switch (regimen.per) {
    case null:
      head = `fixed dose: ${amountText} mg${dayWord}`;
      break;
    case 'kg': {
      if (weightKg === undefined) {
        return refuse(
          'weight-required',
          `This dose is written per kilogram of body weight (${amountText} mg/kg${dayWord}). Enter the weight in kilograms to work it out.`,
        );
      }
      factor = weightKg;
      head = `${amountText} mg/kg${dayWord} × ${fmt(weightKg)} kg`;
      break;
    }
    case 'm2': {
      if (weightKg === undefined || heightCm === undefined) {
        const missing = weightKg === undefined && heightCm === undefined ? 'weight and height' : weightKg === undefined ? 'weight' : 'height';
        return refuse(
          'weight-and-height-required',
          `This dose is written per square metre of body surface area (${amountText} mg/m²${dayWord}), which is worked out from weight and height. Enter the ${missing} (weight in kg, height in cm).`,
        );
      }
      const method = patient.bsa ?? DEFAULT_BSA_METHOD;
      const exact = bodySurfaceArea(method, weightKg, heightCm);
      const used = roundTo(exact, DOSE_LIMITS.bsaDecimals);
      const bsaFormula = `${BSA_METHOD_NAMES[method]}: ${bsaExpression(method, weightKg, heightCm)} = ${exact.toFixed(3)} m², rounded to ${used.toFixed(DOSE_LIMITS.bsaDecimals)} m²`;
      bsa = { bsaM2: used, bsaMethod: method, bsaFormula };
      factor = used;
      head = `body surface area (${bsaFormula}); ${amountText} mg/m²${dayWord} × ${used.toFixed(DOSE_LIMITS.bsaDecimals)} m²`;
      break;
    }
  }

  // The text's maximum is per day. Any one dose is at most that; with n equal doses a day, at most max ÷ n.
  const times = regimen.amountPer === 'dose' ? regimen.timesPerDay : null;
  const cap = regimen.maxDailyAmount;
  const ceiling = cap === null ? null : times === null ? cap : clean(cap / times);

  const ends = [regimen.amount, ...(regimen.amountMax === null ? [] : [regimen.amountMax])].map((amount) => {
    const exact = factor === null ? amount : clean(amount * factor);
    const capped = ceiling !== null && exact > ceiling;
    const value = capped ? ceiling : exact;
    // Round what was worked out; a number the text states (an amount, a maximum) is kept as written.
    const worked = capped ? times !== null && times > 1 : factor !== null;
    return { exact, capped, value, rounded: worked ? roundDose(value, ceiling) : null };
  });
  const low = ends[0];
  if (low === undefined) throw new Error('computeDose: no amount');
  const high = ends[1] ?? null;

  let formula = factor === null ? head : `${head} = ${range(low.exact, high?.exact ?? null)} mg${dayWord}`;
  const capped = ends.some((e) => e.capped);
  if (capped && cap !== null) {
    const limited = range(low.value, high?.value ?? null);
    if (times !== null && times > 1) {
      formula += `; × ${times} doses a day = ${range(clean(low.exact * times), high === null ? null : clean(high.exact * times))} mg per day, above the text's maximum of ${fmt(cap)} mg per day, so at most ${fmt(cap)} mg ÷ ${times} = ${fmt(cap / times)} mg per dose: ${limited} mg`;
    } else {
      formula += `; above the text's maximum of ${fmt(cap)} mg per day, so ${limited} mg${dayWord}`;
    }
  }

  const doseMg = low.rounded?.value ?? low.value;
  const doseMgMax = high === null ? null : (high.rounded?.value ?? high.value);
  const roundings = ends.filter((e) => e.rounded !== null).map((e) => e.rounded?.text ?? '');
  const rounding = roundings.length === 0 ? 'Not rounded: the amount is given as the text states it.' : roundings.join('; ');
  const perDay = (dose: number): number | null => (regimen.amountPer === 'day' ? dose : times === null ? null : clean(dose * times));

  return {
    ok: true,
    doseMg,
    doseMgMax,
    amountPer: regimen.amountPer,
    formula,
    rounding,
    capped,
    ...bsa,
    perDayMg: perDay(doseMg),
    perDayMgMax: doseMgMax === null ? null : perDay(doseMgMax),
    source: regimen.source,
    regimen,
  };
}

/**
 * The regimen a request means: the one at `index`, or the only one when `index` is left out.
 * Refuses when the drug has none, has several and no index was given, or the index is past the end.
 *
 * @example selectRegimen(facts.regimens, body.regimen)
 */
export function selectRegimen(
  regimens: readonly Regimen[],
  index: number | undefined,
): { ok: true; regimen: Regimen; index: number } | DoseRefusal {
  if (regimens.length === 0) {
    return refuse('no-regimens', 'The text of this drug gives no dose that can be read as numbers, so there is nothing to calculate.');
  }
  if (index === undefined) {
    const only = regimens.length === 1 ? regimens[0] : undefined;
    if (only === undefined) {
      return refuse('regimen-required', `The text of this drug gives ${regimens.length} doses. Choose which one to calculate (regimen 0 to ${regimens.length - 1}).`);
    }
    return { ok: true, regimen: only, index: 0 };
  }
  const regimen = regimens[index];
  if (regimen === undefined) {
    return refuse('regimen-not-found', `There is no regimen ${index}: the text of this drug gives ${regimens.length} (0 to ${regimens.length - 1}).`);
  }
  return { ok: true, regimen, index };
}

// ---- helpers ------------------------------------------------------------------------------------

function refuse(code: DoseRefusalCode, message: string): DoseRefusal {
  return { ok: false, code, message };
}

function computable(regimen: Regimen): boolean {
  if (!RegimenSchema.safeParse(regimen).success) return false;
  if (!Number.isFinite(regimen.amount)) return false;
  if (regimen.amountMax !== null && !(Number.isFinite(regimen.amountMax) && regimen.amountMax >= regimen.amount)) return false;
  if (regimen.maxDailyAmount !== null && !Number.isFinite(regimen.maxDailyAmount)) return false;
  return true;
}

function checkInput(what: 'weight' | 'height', value: unknown): DoseRefusal | null {
  if (value === undefined) return null;
  const unit = what === 'weight' ? 'kg' : 'cm';
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return refuse(
      what === 'weight' ? 'weight-not-a-number' : 'height-not-a-number',
      `The ${what} is not a number. Enter the ${what} in ${what === 'weight' ? 'kilograms, for example 72' : 'centimetres, for example 170'}.`,
    );
  }
  const { min, max } = what === 'weight' ? DOSE_LIMITS.weightKg : DOSE_LIMITS.heightCm;
  if (value < min || value > max) {
    const hint = what === 'weight' ? 'in kilograms, not pounds or grams' : 'in centimetres, not metres or inches';
    return refuse(
      what === 'weight' ? 'weight-out-of-range' : 'height-out-of-range',
      `A ${what} of ${fmt(value)} ${unit} is outside what this calculator accepts (${min}–${max} ${unit}). Check the number, and that it is ${hint}.`,
    );
  }
  return null;
}

/** Drop binary floating-point noise (`1.6 × 3 = 4.800000000000001` → 4.8). */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(clean(x * f)) / f;
}

/** A number as shown: at most `figures` significant figures, no trailing zeros. */
function fmt(x: number, figures = 6): string {
  return String(Number(x.toPrecision(figures)));
}

function range(low: number, high: number | null): string {
  return high === null ? fmt(low) : `${fmt(low)}–${fmt(high)}`;
}

/**
 * Round a worked-out dose by its size; if that would pass `ceiling` (the most a dose may be), round
 * down instead.
 */
function roundDose(x: number, ceiling: number | null): { value: number; text: string } {
  const v = clean(x);
  let decimals: number;
  let step: string;
  let scope: string;
  if (v >= DOSE_LIMITS.wholeMgFrom) {
    decimals = 0;
    step = 'the nearest 1 mg';
    scope = `doses of ${DOSE_LIMITS.wholeMgFrom} mg and more`;
  } else if (v >= DOSE_LIMITS.tenthMgFrom) {
    decimals = 1;
    step = 'the nearest 0.1 mg';
    scope = `doses from ${DOSE_LIMITS.tenthMgFrom} mg to under ${DOSE_LIMITS.wholeMgFrom} mg`;
  } else {
    decimals = DOSE_LIMITS.smallDoseFigures - 1 - Math.floor(Math.log10(v));
    step = `${DOSE_LIMITS.smallDoseFigures} significant figures`;
    scope = `doses under ${DOSE_LIMITS.tenthMgFrom} mg`;
  }
  const f = 10 ** decimals;
  let value = Math.round(clean(v * f)) / f;
  let down = '';
  if (ceiling !== null && value > ceiling) {
    value = Math.floor(clean(v * f)) / f;
    down = `, rounded down rather than up so as not to pass the maximum of ${fmt(ceiling)} mg`;
  }
  const text = value === v ? `${fmt(v)} mg: no rounding needed (${scope} are given to ${step})` : `${fmt(v)} mg rounded to ${step} (${scope})${down}: ${fmt(value)} mg`;
  return { value, text };
}
