import { fold } from '../util/text.js';
/**
 * Name normalization shared by the index build, the query side and (by contract) the browser's
 * `assets/search.js`: two strings match when their normalized forms do.
 */

const TRADEMARKS = /[\u2122\u00AE\u00A9\u2120]/gu; // ™ ® © ℠
const NON_ALNUM_RUNS = /[^a-z0-9]+/g;

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
  return fold(s.replace(TRADEMARKS, ''))
    .replace(NON_ALNUM_RUNS, ' ')
    .trim();
}
