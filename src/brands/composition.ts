import { parsePyLiteral, type PyValue } from './py-literal.js';
import { isNoStrength, parseStrength } from './strength.js';
import type { BrandIngredient } from './types.js';

export { parseStrength } from './strength.js';

/** What `parseComposition` makes of a composition text. */
export interface CompositionParse {
  ingredients: BrandIngredient[];
  /**
   * True when every part was understood: a name, and a strength that parsed or is written as absent
   * (`Guaifenesin (NA)`, or no parentheses at all). False for an empty text, an unparsable strength
   * (`Lactobacillus (5v/w)`: the ingredient is kept with `strength: null`), unbalanced parentheses or
   * a part without a name (those parts are left out).
   */
  ok: boolean;
  /** The parts that were not fully understood, as written, for diagnostics. */
  unparsed: string[];
}

/**
 * Parse a composition as Indian catalogs write it: `Name (strength)` parts joined by `+`
 * (`Amoxycillin  (500mg) +  Clavulanic Acid (125mg)`), names that carry their own parentheses
 * (`Vitamin B6 (Pyridoxine) (10mg)`), strengths without parentheses (`Paracetamol 650 mg`), and
 * the products layout's Python-literal list (`[{'name': 'Ammonium Chloride', 'strength': '138mg/5ml',
 * 'full_description': 'Ammonium Chloride (138mg/5ml)'}]`, read as data, never evaluated). Bad input
 * never throws.
 *
 * @example parseComposition('Amoxycillin  (500mg) +  Clavulanic Acid (125mg)').ingredients.map((i) => i.name) // ['Amoxycillin', 'Clavulanic Acid']
 */
export function parseComposition(text: string): CompositionParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ingredients: [], ok: false, unparsed: [] };
  if (trimmed.startsWith('[')) return parseIngredientList(trimmed);
  const ingredients: BrandIngredient[] = [];
  const unparsed: string[] = [];
  for (const part of splitTopLevel(trimmed)) {
    const r = parsePart(part);
    if (r.ingredient !== null) ingredients.push(r.ingredient);
    if (!r.ok) unparsed.push(part.trim());
  }
  return { ingredients, ok: unparsed.length === 0 && ingredients.length > 0, unparsed };
}

/**
 * The A–Z layout's composition columns (`short_composition1`, `short_composition2`, …) as one
 * composition text: the non-blank ones, trimmed, joined by ` + `.
 *
 * @example joinComposition(['Amoxycillin  (500mg) ', '  Clavulanic Acid (125mg)']) // 'Amoxycillin  (500mg) + Clavulanic Acid (125mg)'
 */
export function joinComposition(parts: readonly (string | null | undefined)[]): string {
  return parts
    .map((p) => (p ?? '').trim())
    .filter((p) => p !== '')
    .join(' + ');
}

/** One ingredient of the products layout's list, as its dict says it. */
export interface ListedIngredient {
  name: string | null;
  strength: string | null;
  fullDescription: string | null;
}

/**
 * The products layout's `active_ingredients` cell read as data (`[{'name': …, 'strength': …,
 * 'full_description': …}]`), or null when it is not a list of such dicts.
 */
export function readIngredientList(text: string): ListedIngredient[] | null {
  const lit = parsePyLiteral(text);
  if (lit === null || !Array.isArray(lit.value)) return null;
  const out: ListedIngredient[] = [];
  for (const item of lit.value) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return null;
    out.push({ name: textField(item, 'name'), strength: textField(item, 'strength'), fullDescription: textField(item, 'full_description') });
  }
  return out;
}

function textField(item: { [key: string]: PyValue }, key: string): string | null {
  const v = Object.hasOwn(item, key) ? item[key] : undefined;
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

/**
 * The list form: each dict's `full_description` (`Ammonium Chloride (138mg/5ml)`) is parsed like a
 * part of a written composition; when it gives no strength, the dict's `strength` is used (the
 * catalog's own extraction leaves `strength: None` where the description says `(2% w/w)`, and the
 * other way round).
 */
function parseIngredientList(text: string): CompositionParse {
  const list = readIngredientList(text);
  if (list === null) return { ingredients: [], ok: false, unparsed: [text] };
  const ingredients: BrandIngredient[] = [];
  const unparsed: string[] = [];
  for (const item of list) {
    const described = item.fullDescription === null ? null : parsePart(item.fullDescription);
    let ingredient = described?.ingredient ?? null;
    let ok = described?.ok ?? false;
    const fromField = item.strength === null ? null : parseStrength(item.strength);
    if (ingredient === null && item.name !== null) {
      const name = collapse(item.name);
      ingredient = { name, strength: fromField, raw: item.strength === null ? name : `${name} (${item.strength.trim()})` };
      ok = item.strength === null || fromField !== null;
    } else if (ingredient !== null && ingredient.strength === null && fromField !== null) {
      ingredient = { ...ingredient, strength: fromField };
      ok = true;
    }
    if (ingredient !== null) ingredients.push(ingredient);
    if (!ok) unparsed.push(item.fullDescription ?? item.name ?? '');
  }
  return { ingredients, ok: unparsed.length === 0 && ingredients.length > 0, unparsed };
}

/** Split on `+` outside parentheses (`A (Types 6 + 11) (NA) + B (5mg)` has two parts). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (c === '+' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** A trailing strength without parentheses: `Paracetamol 650 mg`, `Adapalene 0.1% w/w`. */
const TRAILING_STRENGTH = /^(.*?\S)\s+((?:\d+(?:\.\d+)?|\.\d+)\s*\S.*)$/;

/** One `Name (strength)` part. */
function parsePart(part: string): { ingredient: BrandIngredient | null; ok: boolean } {
  const raw = part.trim();
  const text = collapse(raw);
  if (text === '') return { ingredient: null, ok: false };
  if (!balanced(text)) return { ingredient: null, ok: false };
  if (text.endsWith(')')) {
    const open = matchingOpen(text);
    const inner = text.slice(open + 1, -1).trim();
    const name = text.slice(0, open).trim();
    // `(500mg)` alone: a strength with no name is not an ingredient.
    if (name === '') return { ingredient: null, ok: false };
    const strength = parseStrength(inner);
    if (strength !== null) return { ingredient: { name, strength, raw }, ok: true };
    if (isNoStrength(inner)) return { ingredient: { name, strength: null, raw }, ok: true };
    // A digit in the parentheses (not a `Type 1` label) means a strength was written but not understood.
    if (/\d/.test(inner) && !/[a-z]{3,}\s+\d/i.test(inner)) return { ingredient: { name, strength: null, raw }, ok: false };
    // `Hepatitis B Vaccine (rDNA)`: the parentheses are part of the name; no strength written.
    return { ingredient: { name: text, strength: null, raw }, ok: true };
  }
  const m = TRAILING_STRENGTH.exec(text);
  if (m !== null) {
    const strength = parseStrength(m[2] ?? '');
    if (strength !== null) return { ingredient: { name: m[1] ?? '', strength, raw }, ok: true };
  }
  if (parseStrength(text) !== null) return { ingredient: null, ok: false };
  return { ingredient: { name: text, strength: null, raw }, ok: true };
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** Index of the `(` that the final `)` closes (the text is balanced). */
function matchingOpen(text: string): number {
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(' && --depth === 0) return i;
  }
  return 0;
}
