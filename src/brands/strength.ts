import type { Strength } from './types.js';

/**
 * Strength units as Indian catalogs write them → the normalized unit. Keys are lower case with
 * single spaces; anything not listed is not a unit (the strength is then not parsed: nothing is
 * guessed). Amount units come first, then per-unit-of-product units (`/5ml`, `/gm`, `/spray`).
 */
const UNITS: Readonly<Record<string, string>> = {
  mg: 'mg',
  mcg: 'mcg',
  µg: 'mcg',
  μg: 'mcg',
  ug: 'mcg',
  ng: 'ng',
  g: 'g',
  gm: 'g',
  gms: 'g',
  gram: 'g',
  grams: 'g',
  kg: 'kg',
  iu: 'IU',
  'i.u': 'IU',
  'i.u.': 'IU',
  miu: 'million IU',
  'million iu': 'million IU',
  u: 'units',
  unit: 'units',
  units: 'units',
  'lac units': 'lakh units',
  'lakh units': 'lakh units',
  meq: 'mEq',
  mmol: 'mmol',
  ml: 'ml',
  l: 'l',
  litre: 'l',
  liter: 'l',
  '%': '%',
  ppm: 'ppm',
  au: 'AU',
  lf: 'Lf',
  pfu: 'PFU',
  ffu: 'FFU',
  cfu: 'CFU',
  ccid50: 'CCID50',
  'd antigen unit': 'D antigen units',
  'd antigen units': 'D antigen units',
  'd - antigen unit': 'D antigen units',
  'd - antigen units': 'D antigen units',
  'million spores': 'million spores',
  millionspores: 'million spores',
  'billion spores': 'billion spores',
  'million cfu': 'million CFU',
  'billion cfu': 'billion CFU',
  'billion cells': 'billion cells',
  'million cells': 'million cells',
  cu: 'CU',
};

/** What a strength can be per: `/5ml`, `/ml`, `/gm`, `/spray`. */
const PER_UNITS: Readonly<Record<string, string>> = {
  ml: 'ml',
  l: 'l',
  g: 'g',
  gm: 'g',
  mg: 'mg',
  kg: 'kg',
  spray: 'spray',
  dose: 'dose',
  actuation: 'actuation',
  tablet: 'tablet',
  capsule: 'capsule',
  drop: 'drop',
  sachet: 'sachet',
};

const BASES = new Set(['w/w', 'w/v', 'v/v']);

const NUMBER = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s*');
const alternation = (keys: readonly string[]): string => [...keys].sort((a, b) => b.length - a.length).map(escape).join('|');

/** `500mg`, `650 mg`, `138mg/5ml`, `2mg/ml`, `0.1% w/w`, `60000IU`, `40D - Antigen units`, `250mcg/spray`. */
const STRENGTH = new RegExp(
  String.raw`^${NUMBER}\s*(${alternation(Object.keys(UNITS))})(?:\s*\/\s*${NUMBER}?\s*(${alternation(Object.keys(PER_UNITS))}))?(?:\s*(w\s*\/\s*w|w\s*\/\s*v|v\s*\/\s*v))?$`,
  'i',
);

/**
 * Parse one strength as written, or null when it is not exactly one amount with a known unit
 * (nothing is guessed: `NA`, `5v/w`, `2 tablets`, `10 mg + 20 mg` give null). Units are
 * normalized (`gm` → `g`, `µg` → `mcg`, `iu` → `IU`, `Lac units` → `lakh units`); the value is
 * kept as written (`0.10` → 0.1), never converted between units.
 *
 * @example parseStrength('138mg/5ml') // { value: 138, unit: 'mg', per: { value: 5, unit: 'ml' }, basis: null, text: '138mg/5ml' }
 * @example parseStrength('0.1% w/w')  // { value: 0.1, unit: '%', per: null, basis: 'w/w', text: '0.1% w/w' }
 */
export function parseStrength(text: string): Strength | null {
  const trimmed = text.trim();
  if (trimmed.length > 80) return null;
  const m = STRENGTH.exec(trimmed.replace(/\s+/g, ' '));
  if (m === null) return null;
  const [, value = '', unitText = '', perValue, perUnitText, basisText] = m;
  const unit = UNITS[unitKey(unitText)];
  if (unit === undefined) return null;
  const basis = basisText === undefined ? null : basisText.replace(/\s+/g, '').toLowerCase();
  if (basis !== null && (unit !== '%' || !BASES.has(basis))) return null;
  let per: Strength['per'] = null;
  if (perUnitText !== undefined) {
    const perUnit = PER_UNITS[unitKey(perUnitText)];
    if (perUnit === undefined) return null;
    const amount = perValue === undefined ? 1 : Number(perValue);
    if (!(amount > 0)) return null;
    per = { value: amount, unit: perUnit };
  }
  const n = Number(value);
  if (!Number.isFinite(n)) return null;
  return { value: n, unit, per, basis, text: trimmed };
}

/** How a unit is looked up: lower case, spaces collapsed, spaces around `-` kept as ` - `. */
function unitKey(written: string): string {
  return written
    .toLowerCase()
    .replace(/\s*-\s*/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Texts that say "no strength given" (`Guaifenesin (NA)`): a known absence, not a parse failure. */
export function isNoStrength(text: string): boolean {
  return /^(?:na|n\/a|nil|none|-+)$/i.test(text.trim());
}
