import { normalizeName, withoutTrademarks } from './normalize.js';

/** Longest query looked at; the rest is ignored. */
export const MAX_QUERY_LENGTH = 200;

/** Characters that separate the drugs of a combination query. */
const SEPARATORS = /[+/,&]/;
/** Words that separate the drugs of a combination query. */
const SEPARATOR_WORDS: ReadonlySet<string> = new Set(['and', 'with']);

/** A query split for the two ways it is matched: as one name, and as a list of drugs. */
export interface ParsedQuery {
  /** The whole query normalized (`normalizeName`), matched against names as a whole. */
  text: string;
  /**
   * The query's words grouped between explicit separators (`+`, `/`, `,`, `&`, the words `and` and
   * `with`), normalized; no group is empty. Words within a group may still name several drugs
   * (`paracetamol caffeine`): the matcher splits them where the names allow.
   */
  parts: string[][];
}

/**
 * Parse a search query (only its first {@link MAX_QUERY_LENGTH} characters).
 *
 * @example
 * parseQuery('Clavulanic acid + Amoxicillin')
 * // { text: 'clavulanic acid amoxicillin', parts: [['clavulanic', 'acid'], ['amoxicillin']] }
 */
export function parseQuery(query: string): ParsedQuery {
  const raw = query.slice(0, MAX_QUERY_LENGTH);
  const parts: string[][] = [];
  // NFKD first so that full-width and other compatibility forms of the separators count too.
  for (const piece of withoutTrademarks(raw).normalize('NFKD').split(SEPARATORS)) {
    let words: string[] = [];
    for (const word of normalizeName(piece).split(' ')) {
      if (word === '') continue;
      if (SEPARATOR_WORDS.has(word)) {
        if (words.length > 0) parts.push(words);
        words = [];
      } else {
        words.push(word);
      }
    }
    if (words.length > 0) parts.push(words);
  }
  return { text: normalizeName(raw), parts };
}
