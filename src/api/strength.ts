import type { z } from 'zod';
import type { Strength } from '../model/index.js';
import type { FhirQuantitySchema, FhirRatioSchema } from './fhir-schemas.js';

type Ratio = z.infer<typeof FhirRatioSchema>;
type Quantity = z.infer<typeof FhirQuantitySchema>;

const UCUM_SYSTEM = 'http://unitsofmeasure.org';
/** Units as labels and the model write them (lowercase) → UCUM code and display unit. */
const UCUM: Readonly<Record<string, { code: string; unit: string }>> = {
  mg: { code: 'mg', unit: 'mg' },
  g: { code: 'g', unit: 'g' },
  kg: { code: 'kg', unit: 'kg' },
  mcg: { code: 'ug', unit: 'mcg' },
  µg: { code: 'ug', unit: 'mcg' },
  ug: { code: 'ug', unit: 'mcg' },
  ml: { code: 'mL', unit: 'mL' },
  l: { code: 'L', unit: 'L' },
  iu: { code: '[iU]', unit: 'IU' },
  meq: { code: 'meq', unit: 'mEq' },
};

/** A UCUM quantity, or null for a unit UCUM cannot code here (`%`, `CFU`, …). */
export function ucumQuantity(value: number, unit: string): Quantity | null {
  const u = UCUM[unit.toLowerCase()];
  return u === undefined || !Number.isFinite(value) ? null : { value, unit: u.unit, system: UCUM_SYSTEM, code: u.code };
}

/**
 * The model's parsed strength (`500 mg`, `125 mg per 5 ml`) as a FHIR Ratio, or null when its unit
 * has no UCUM code here (a percentage, a count of organisms): the text stays in the resource.
 */
export function strengthRatio(s: Strength): Ratio | null {
  const numerator = ucumQuantity(s.value, s.unit);
  if (numerator === null) return null;
  if (s.per === null) return { numerator };
  const denominator = ucumQuantity(s.per.value, s.per.unit) ?? { value: s.per.value, unit: s.per.unit };
  return { numerator, denominator };
}

const AMOUNT = /^(\d+(?:\.\d+)?)\s*(mg|g|mcg|µg|ug|ml|l|iu)(?:\s*\/\s*(\d+(?:\.\d+)?)?\s*(ml|l|g))?$/i;

/**
 * One FHIR Ratio per ingredient from a label strength such as `650 mg`, `10 mg + 20 mg` or
 * `125 mg/5 ml`, or null when the text does not give exactly one plain amount per ingredient
 * (nothing is guessed: `1% w/v`, `500 mg / 2 tablets`, a count mismatch all give null). Used for
 * brand pages whose product has no parsed composition (a combination's brand names only its
 * combination, so its amounts are matched to the combination's ingredients in order).
 *
 * @example parseStrengths('500 mg + 65 mg', 2) // [{ numerator: { value: 500, unit: 'mg', … } }, …]
 */
export function parseStrengths(text: string, ingredients: number): Ratio[] | null {
  const parts = text.trim().split(/\s*\+\s*/);
  if (ingredients < 1 || parts.length !== ingredients) return null;
  const out: Ratio[] = [];
  for (const part of parts) {
    const m = AMOUNT.exec(part);
    if (!m) return null;
    const [, value = '', unit = '', perValue, perUnit] = m;
    const numerator = ucumQuantity(Number(value), unit);
    if (numerator === null) return null;
    const ratio: Ratio = { numerator };
    if (perUnit !== undefined) {
      const denominator = ucumQuantity(perValue === undefined ? 1 : Number(perValue), perUnit);
      if (denominator === null) return null;
      ratio.denominator = denominator;
    }
    out.push(ratio);
  }
  return out;
}
