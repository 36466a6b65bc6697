import { fold } from '../util/text.js';
/**
 * Name normalization shared by the index build, the query side and the browser (`assets/search.js`
 * is bundled from this code): two strings match when their normalized forms do.
 */

const TRADEMARKS = /[\u2122\u00AE\u00A9\u2120]/gu; // ™ ® © ℠
const NON_ALNUM_RUNS = /[^a-z0-9]+/g;
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

/**
 * Fold a drug name for matching: drop ™ ® © ℠, NFKD, strip combining marks, lowercase, turn every
 * run of characters outside `[a-z0-9]` into one space, trim. Idempotent.
 *
 * @example
 * normalizeName("Acétaminophène") // "acetaminophene"
 * normalizeName("Ringer's Lactate") // "ringer s lactate"
 * normalizeName("Alzumab-L™") // "alzumab l"
 */
export function normalizeName(s: string): string {
  // Printable ASCII has nothing to decompose, no marks and no trademark signs: skip those passes.
  const folded = NOT_PRINTABLE_ASCII.test(s) ? fold(withoutTrademarks(s)) : s.toLowerCase();
  return folded.replace(NON_ALNUM_RUNS, ' ').trim();
}

/** `s` without ™ ® © ℠ (before NFKD turns ™ into `TM`). */
export function withoutTrademarks(s: string): string {
  return s.replace(TRADEMARKS, '');
}
