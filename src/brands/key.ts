import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { memoize } from '../util/memo.js';
import { fold } from '../util/text.js';
import { normalizeForm } from './form.js';
import type { BrandIngredient, Strength } from './types.js';

/**
 * Matching keys for brands: `moleculeKey` says two written ingredient names are the same molecule,
 * `compositionKey` says two brands have exactly the same composition (the substitutes rule).
 *
 * The rules of `moleculeKey`, in order:
 * 1. Fold case and accents, drop ™ ® ©.
 * 2. Drop parenthesized qualifiers (`Vitamin B6 (Pyridoxine)` → `vitamin b6`,
 *    `Progesterone (Natural Micronized)` → `progesterone`) and keep the first of slash alternatives
 *    (`Paracetamol/Acetaminophen` → `paracetamol`).
 * 3. Words are runs of letters and digits; a hyphen joins (`Levo-carnitine` = `Levocarnitine`).
 * 4. Spelling variants: a name in a group of `data/search/synonyms.json` becomes the group's first
 *    name (`amoxycillin` → `amoxicillin`, `vitamin d3` → `colecalciferol`), before and after step 5.
 * 5. Salt forms are stripped — but only in salt position and only when a molecule remains:
 *    - trailing hydrates (`monohydrate`, `trihydrate`, `anhydrous`, …; `HYDRATES`) always go (not a
 *      bare `hydrate`: `Chloral Hydrate`, `Terpin Hydrate` are the molecules' names);
 *    - a trailing salt word (`hydrochloride`, `hcl`, `sodium`, `potassium`, `sulphate`, `maleate`,
 *      `mesylate`, `succinate`, `citrate`, `phosphate`, `acetate`, …; see `SALT_WORDS`) is
 *      removed, repeatedly, unless every word left would be a counter-ion or a non-drug word
 *      (`NOT_A_MOLECULE`: `sodium`, `calcium`, `ferrous`, `zinc`, `hydrogen`, `dimethyl`, …). So
 *      `Metformin Hydrochloride` → `metformin`, `Amoxycillin Trihydrate` → `amoxicillin`,
 *      `Esomeprazole Magnesium Trihydrate` → `esomeprazole`; but `Sodium Chloride`, `Potassium
 *      Chloride`, `Sodium Citrate`, `Calcium Carbonate`, `Ferrous Sulphate`, `Dimethyl Fumarate`,
 *      `Disodium Hydrogen Citrate` stay whole (they are the molecules).
 *    - a leading `sodium` or `potassium` (`disodium`, `dipotassium`) is removed when
 *      what follows is a drug's anion, i.e. not an inorganic or simple acid anion (`INORGANIC_ANIONS`:
 *      chloride, citrate, carbonate, gluconate, lactate, …): `Sodium Valproate` → `valproate`
 *      (= `Valproate Sodium`), `Sodium Picosulfate` → `picosulfate`; `Calcium Gluconate` stays.
 *    Esters are not salts and are kept (`Fluticasone Propionate` ≠ `Fluticasone Furoate`,
 *    `Olmesartan Medoxomil`, `Triamcinolone Acetonide`).
 * 6. The key is the words joined without spaces (`Alpha Lipoic Acid` = `Alpha-Lipoic Acid` =
 *    `alphalipoicacid`).
 */

/** Counter-ions and hydrates written after a molecule's name. */
export const SALT_WORDS: ReadonlySet<string> = new Set([
  // anions
  'hydrochloride', 'hcl', 'dihydrochloride', 'hydrobromide', 'hbr', 'hydroiodide', 'sulphate', 'sulfate', 'bisulphate',
  'bisulfate', 'maleate', 'mesylate', 'mesilate', 'dimesylate', 'besylate', 'besilate', 'tosylate', 'succinate', 'tartrate',
  'bitartrate', 'citrate', 'phosphate', 'diphosphate', 'acetate', 'fumarate', 'hemifumarate', 'gluconate', 'nitrate',
  'chloride', 'bromide', 'oxalate', 'pamoate', 'embonate', 'napsylate', 'malate', 'edisylate', 'xinafoate', 'camsylate',
  'isethionate', 'lactobionate', 'stearate', 'saccharate',
  // cations
  'sodium', 'disodium', 'potassium', 'dipotassium', 'calcium', 'magnesium', 'meglumine', 'tromethamine', 'trometamol',
  'olamine', 'diethylamine', 'diolamine', 'lysine', 'arginine',
]);

/** Water of crystallization, stripped whatever is left (`Zinc Sulphate Monohydrate` → `zinc sulphate`). */
export const HYDRATES: ReadonlySet<string> = new Set([
  'monohydrate', 'dihydrate', 'trihydrate', 'tetrahydrate', 'pentahydrate', 'hexahydrate', 'heptahydrate',
  'sesquihydrate', 'hemihydrate', 'anhydrous',
]);

/** Words that are not a molecule on their own: what is left after them is no drug name. */
export const NOT_A_MOLECULE: ReadonlySet<string> = new Set([
  'sodium', 'disodium', 'trisodium', 'potassium', 'dipotassium', 'calcium', 'dicalcium', 'tricalcium', 'magnesium', 'zinc',
  'ferrous', 'ferric', 'iron', 'aluminium', 'aluminum', 'ammonium', 'lithium', 'silver', 'copper', 'cupric', 'mercuric',
  'mercurous', 'stannous', 'barium', 'bismuth', 'chromium', 'manganese', 'selenium', 'strontium', 'cobalt', 'nickel',
  'hydrogen', 'dihydrogen', 'acid', 'tribasic', 'dibasic', 'monobasic', 'methyl', 'ethyl', 'dimethyl', 'diethyl', 'benzyl',
  'cetyl', 'phenyl', 'phenylmercuric', 'choline', 'tricholine', 'sulphate', 'sulfate', 'phosphate', 'citrate',
]);

/**
 * Cations written before a drug's anion (`Sodium Valproate`). Not calcium or magnesium: written
 * first they are usually the point of the product (`Calcium Lactobionate`, `Magnesium Valproate`).
 */
const LEADING_CATIONS: ReadonlySet<string> = new Set(['sodium', 'disodium', 'potassium', 'dipotassium']);

/** Anions that make a leading cation part of the molecule (`Sodium Chloride`, `Calcium Gluconate`). */
export const INORGANIC_ANIONS: ReadonlySet<string> = new Set([
  'chloride', 'bromide', 'iodide', 'fluoride', 'bicarbonate', 'carbonate', 'citrate', 'phosphate', 'sulphate', 'sulfate',
  'sulphite', 'sulfite', 'bisulphite', 'bisulfite', 'metabisulphite', 'metabisulfite', 'nitrate', 'nitrite', 'hydroxide',
  'oxide', 'peroxide', 'acetate', 'lactate', 'gluconate', 'glycerophosphate', 'chlorate', 'hypochlorite', 'thiosulphate',
  'thiosulfate', 'borate', 'silicate', 'tartrate', 'succinate', 'fumarate', 'malate', 'orotate', 'aspartate', 'ascorbate',
  'stearate', 'benzoate', 'salicylate', 'bisglycinate', 'glycinate', 'pidolate', 'trisilicate', 'edetate', 'alginate',
  'hyaluronate', 'acid', 'hydrogen', 'dihydrogen',
]);

/**
 * The molecule a written ingredient name denotes, as a matching key (see the rules above).
 *
 * @example moleculeKey('Amoxycillin Trihydrate') // 'amoxicillin'
 * @example moleculeKey('Sodium Chloride') // 'sodiumchloride'
 * @example moleculeKey('Chlorpheniramine Maleate') // 'chlorphenamine'
 */
export function moleculeKey(name: string): string {
  return moleculeMemo(name);
}

/** Ingredient names repeat across hundreds of thousands of brands: fold each spelling once. */
const moleculeMemo = memoize((name: string): string => {
  let s = fold(name.replace(/[\u2122\u00AE\u00A9\u2120]/gu, ''));
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ');
  }
  if (s.includes('/')) s = s.split('/').find((alt) => /[a-z0-9]/.test(alt)) ?? s;
  let words = wordsOf(s);
  words = synonym(words);
  words = stripSalts(words);
  words = synonym(words);
  return words.join('');
});

const wordsOf = (s: string): string[] =>
  s
    .replace(/-+/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');

function stripSalts(input: readonly string[]): string[] {
  let words = [...input];
  // Water of crystallization says nothing about the molecule (`Zinc Sulphate Monohydrate`).
  while (words.length > 1 && HYDRATES.has(words[words.length - 1]!)) words = words.slice(0, -1);
  while (words.length > 1 && SALT_WORDS.has(words[words.length - 1]!)) {
    const rest = words.slice(0, -1);
    if (rest.every((w) => NOT_A_MOLECULE.has(w))) break;
    words = rest;
  }
  if (words.length > 1 && LEADING_CATIONS.has(words[0]!)) {
    const rest = words.slice(1);
    if (!rest.some((w) => INORGANIC_ANIONS.has(w) || NOT_A_MOLECULE.has(w))) words = rest;
  }
  return words;
}

/** The repository's spelling variants: compact name → the group's first name, as words. */
let synonyms: Map<string, string[]> | undefined;

const SYNONYMS_FILE = fileURLToPath(new URL('../../data/search/synonyms.json', import.meta.url));
const SynonymFileSchema = z.object({ groups: z.array(z.object({ names: z.array(z.string()).min(1) })) });

function synonymMap(): Map<string, string[]> {
  if (synonyms !== undefined) return synonyms;
  const map = new Map<string, string[]>();
  if (existsSync(SYNONYMS_FILE)) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(SYNONYMS_FILE, 'utf8'));
    } catch (err) {
      throw new Error(`brands: synonyms file "${SYNONYMS_FILE}" could not be read as JSON: ${(err as Error).message}`, { cause: err });
    }
    const parsed = SynonymFileSchema.safeParse(json);
    if (!parsed.success) throw new Error(`brands: synonyms file "${SYNONYMS_FILE}" is malformed: ${z.prettifyError(parsed.error)}`);
    for (const group of parsed.data.groups) {
      const canonical = wordsOf(fold(group.names[0]!));
      for (const n of group.names) map.set(wordsOf(fold(n)).join(''), canonical);
    }
  }
  synonyms = map;
  return map;
}

function synonym(words: string[]): string[] {
  return synonymMap().get(words.join('')) ?? words;
}

/** Mass, volume and unit families: written unit → base unit and factor (exact powers of ten). */
const SCALE: Readonly<Record<string, { unit: string; factor: number }>> = {
  kg: { unit: 'mg', factor: 1e6 },
  g: { unit: 'mg', factor: 1e3 },
  mg: { unit: 'mg', factor: 1 },
  mcg: { unit: 'mg', factor: 1e-3 },
  ng: { unit: 'mg', factor: 1e-6 },
  l: { unit: 'ml', factor: 1e3 },
  ml: { unit: 'ml', factor: 1 },
  'million IU': { unit: 'IU', factor: 1e6 },
  'lakh units': { unit: 'units', factor: 1e5 },
};

/** Per-amount units → base (`/5ml` per ml, `/1g` per g). */
const PER_SCALE: Readonly<Record<string, { unit: string; factor: number }>> = {
  l: { unit: 'ml', factor: 1e3 },
  ml: { unit: 'ml', factor: 1 },
  kg: { unit: 'g', factor: 1e3 },
  g: { unit: 'g', factor: 1 },
  mg: { unit: 'g', factor: 1e-3 },
};

/** Decimal result without binary noise (`0.1 * 3` → 0.3): 12 significant digits. */
const clean = (x: number): number => Number(x.toPrecision(12));

/**
 * A strength as a canonical string: masses in mg, volumes in ml, concentrations per 1 ml or 1 g
 * (`500mg` = `0.5g` → `500mg`; `125mg/5ml` = `25mg/ml` → `25mg/ml`), percentages with their basis
 * (`0.10% w/w` → `0.1% w/w`; `1%` and `1% w/w` differ: the basis is not guessed).
 *
 * @example strengthKey(parseStrength('1.4gm/5ml')!) // '280mg/ml'
 */
export function strengthKey(s: Strength): string {
  const scale = SCALE[s.unit] ?? { unit: s.unit, factor: 1 };
  let value = s.value * scale.factor;
  let per = '';
  if (s.per !== null) {
    const ps = PER_SCALE[s.per.unit] ?? { unit: s.per.unit, factor: 1 };
    value = value / (s.per.value * ps.factor);
    per = `/${ps.unit}`;
  }
  const basis = s.basis === null ? '' : ` ${s.basis}`;
  return `${value === s.value ? value : clean(value)}${scale.unit}${per}${basis}`;
}

/**
 * The exact-match key of a composition in a dosage form: the ingredients' molecule keys with their
 * canonical strengths, sorted, and the form. Two brands are substitutes exactly when their keys are
 * equal. Null when there is no ingredient, any ingredient lacks a strength, or the form is unknown
 * (a tablet is no substitute for a syrup, so the form is never left out).
 *
 * @example compositionKey(parseComposition('Amoxycillin (500mg) + Clavulanic Acid (125mg)').ingredients, 'Tablet')
 * // 'amoxicillin 500mg + clavulanicacid 125mg | tablet'
 */
export function compositionKey(ingredients: readonly BrandIngredient[], form: string | null): string | null {
  const f = normalizeForm(form);
  if (ingredients.length === 0 || f === null) return null;
  const parts: string[] = [];
  for (const i of ingredients) {
    if (i.strength === null) return null;
    const molecule = moleculeKey(i.name);
    if (molecule === '') return null;
    parts.push(`${molecule} ${strengthKey(i.strength)}`);
  }
  parts.sort();
  return `${parts.join(' + ')} | ${f}`;
}
