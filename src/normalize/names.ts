import { memoize } from '../util/memo.js';
import { fold } from '../util/text.js';

/**
 * Names: URL slugs and matching keys. A slug is what a page is published under; a key is what two
 * spellings of the same drug name have in common (`Amoxycillin` ~ `amoxicillin`, `Vitamin D3` ~ `vitamind3`).
 */

/** URL-safe slug: lowercase ASCII letters, digits and single dashes. `ringer's-lactate` → `ringers-lactate`. */
export function slugify(s: string): string {
  return fold(s)
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Matching key of one drug name: accents, case, spaces and punctuation removed, and British/old
 * spellings folded (ph→f, y→i, ae/oe→e), so slug and spelling variants of a name meet.
 */
export const nameKey = memoize(function nameKey(s: string): string {
  // Trademark signs go first: NFKD would turn ™ into the letters "tm".
  return fold(s.replace(/[™®©℠]/g, ''))
    .replace(/[^a-z0-9]+/g, '')
    .replace(/ph/g, 'f')
    .replace(/y/g, 'i')
    .replace(/ae/g, 'e')
    .replace(/oe/g, 'e');
});

/** Ingredient names of a combination title `A + B + C` (also `A+B`); a single name gives one entry. */
export function splitIngredients(title: string): string[] {
  return title
    .split(/\s*\+\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Key of a combination: its ingredients' keys, sorted, so `B + A` meets `A + B`. */
export function comboKey(ingredients: readonly string[]): string {
  return ingredients.map(nameKey).sort().join('+');
}

const NOT_A_NAME =
  /\b(no|not|none|nil|unknown|available|exist|exists|various|varies|vary|generic|name|names|nonproprietary|inn|marketed|brand|brands|region|regions|countries|country|combination|formulation|products?|see|also|other|others|include|includes|including|specific|widely|commonly|common|sold|different|manufacturers?|data)\b/i;

/** One brand or alternate name as written, cleaned: ™ ® ©, a trailing `(…)` note and `etc.` removed. */
export function cleanName(s: string): string {
  return s
    .replace(/[™®©]/g, '')
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/\betc\.?$/i, '')
    .replace(/^["'“”]+|["'“”.;:,]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A list like `Orencia, Orencia ClickJect and Campath` → names that look like product names. */
export function splitNameList(list: string): string[] {
  const out: string[] = [];
  for (const part of list.replace(/\([^)]*\)/g, ' ').split(/,|;|\band\b|\bor\b|\//)) {
    const name = cleanName(part);
    if (looksLikeName(name)) out.push(name);
  }
  return out;
}

/** Short, capitalised, no sentence words: `Campath`, `Orencia ClickJect`, `Ab-Resp`. */
export function looksLikeName(s: string): boolean {
  if (s.length < 2 || s.length > 40) return false;
  if (!/^[\p{Lu}0-9]/u.test(s)) return false;
  if (s.split(/\s+/).length > 4) return false;
  if (NOT_A_NAME.test(s)) return false;
  return /\p{L}/u.test(s);
}
