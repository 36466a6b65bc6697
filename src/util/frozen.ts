/**
 * One frozen empty list for the many empty fields of a large catalog (a brand's synonyms, FAQs,
 * links…): typed as the model's arrays, so it can stand for any of them, and frozen, so a push
 * throws instead of changing every entry's list.
 */
export const NONE: never[] = Object.freeze([]) as unknown as never[];
