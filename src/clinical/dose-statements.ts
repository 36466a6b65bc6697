/**
 * Dose statements in monograph text: `0.8 mg/m²`, `1.5-3.5g/kg/24h`, `12 mg/day`, `2 grams (g)`,
 * `0.65-0.78 mcg/kg/min`. Values are converted to milligrams and time to minutes so statements can
 * be compared; the unit as written is kept for messages.
 */

export type PerBody = 'kg' | 'm2' | null;

export interface DoseStatement {
  /** Lower and upper value in mg (equal for a single value). */
  min: number;
  max: number;
  /** Per kilogram of body weight, per m² of body surface, or an absolute amount. */
  per: PerBody;
  /** Minutes per dose period (`/day` 1440, `/h` 60, `/min` 1), or null when no period is written. */
  period: number | null;
  /** The number as written (`0.8`), and the mass unit as written (`mg`). */
  number: string;
  unit: string;
  /** 0-based index and length of the statement in its line. */
  index: number;
  length: number;
  text: string;
}

const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)`;
const MASS = String.raw`(mcg|µg|μg|micrograms?|mg|milligrams?|gms?|g|grams?)`;
const BODY = String.raw`(kg|kilograms?|m²|m2|m\^2|sq\.?\s?m|square met(?:er|re)s?)`;
const TIME = String.raw`(day|d|24\s?h(?:ours?|rs?)?|hours?|hrs?|h|min(?:utes?)?)`;
// value [– value] unit [/ body] [/ time], the unit not followed by a letter ("g" of "given" is no
// unit) nor by a volume (`8 g/dL`, `50 mg/mL` are concentrations, not doses).
const DOSE = new RegExp(
  String.raw`(?<![\w.])${NUM}(?:\s*(?:-|–|to)\s*${NUM})?\s*${MASS}(?![\p{L}\d])(?!\s*\/\s*(?:dl|l|ml|µl|μl|mmol|litre|liter)(?![\p{L}]))(?:\s*(?:\/|per)\s*${BODY}(?![\p{L}\d]))?(?:\s*(?:\/|per)\s*${TIME}(?![\p{L}\d]))?`,
  'giu',
);

/** A digit followed by what may start a mass unit: most lines have none, and skip the full pattern. */
const QUICK = /\d\s*(?:mc|µ|μ|mi|m|g)/i;

const MASS_MG: Record<string, number> = { mcg: 0.001, 'µg': 0.001, 'μg': 0.001, microgram: 0.001, micrograms: 0.001, mg: 1, milligram: 1, milligrams: 1, g: 1000, gm: 1000, gms: 1000, gram: 1000, grams: 1000 };

function periodOf(t: string | undefined): number | null {
  if (t === undefined) return null;
  const s = t.toLowerCase().replace(/\s/g, '');
  if (s === 'day' || s === 'd' || s.startsWith('24h')) return 1440;
  if (s.startsWith('h')) return 60;
  return 1;
}

const num = (s: string): number => Number(s.replace(/,/g, ''));

/** Every dose statement in one line of text. */
export function doseStatements(line: string): DoseStatement[] {
  if (!QUICK.test(line)) return [];
  const out: DoseStatement[] = [];
  DOSE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DOSE.exec(line))) {
    const unit = m[3]!;
    const factor = MASS_MG[unit.toLowerCase()] ?? MASS_MG[unit];
    if (factor === undefined) continue;
    const a = num(m[1]!) * factor;
    const b = m[2] !== undefined ? num(m[2]) * factor : a;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    const body = m[4]?.toLowerCase();
    out.push({
      min: Math.min(a, b),
      max: Math.max(a, b),
      per: body === undefined ? null : body.startsWith('k') ? 'kg' : 'm2',
      period: periodOf(m[5]),
      number: m[1]!,
      unit,
      index: m.index,
      length: m[0].length,
      text: m[0],
    });
  }
  return out;
}

/** `mg/kg`, `mg/m²`, `mg` — the unit family a statement is in, for messages. */
export const perLabel = (per: PerBody): string => (per === 'kg' ? 'mg/kg' : per === 'm2' ? 'mg/m²' : 'mg');

/** `0.5–1.8 mg/m²` with values in mg. */
export function rangeLabel(min: number, max: number, per: PerBody): string {
  const f = (v: number): string => (v >= 100 ? String(Math.round(v)) : String(Number(v.toPrecision(3))));
  return `${min === max ? f(min) : `${f(min)}–${f(max)}`} ${perLabel(per)}`;
}
