/** Characters of user input looked at; the rest is ignored. */
export const MAX_QUERY_CHARS = 256;
/** Words of one query looked at; the rest are ignored. */
export const MAX_QUERY_TOKENS = 12;
/** Longest word kept (longer runs are cut: no word in a monograph is this long). */
const MAX_TOKEN_CHARS = 64;

const COMBINING_MARKS = /\p{M}/gu;
/** A run of letters and digits: what FTS5's unicode61 tokenizer keeps as one token. */
const TOKEN = /[\p{L}\p{N}]+/gu;
/** Input that ends inside a word: the last word is still being typed. */
const ENDS_IN_WORD = /[\p{L}\p{N}\p{M}]$/u;

/** The distinct folded words of a title, as a query would have them. */
export function titleWords(title: string): string[] {
  return parseFulltextQuery(`${title} `).tokens;
}

export interface ParsedQuery {
  /** Folded words (case and accents removed), in input order, each once. */
  tokens: string[];
  /** Whether the last word is a prefix (the input ends inside a word, as while typing). */
  prefix: boolean;
  /**
   * Per token: typed like an identifier — with a capital letter or a digit ("JAK", "IL-17",
   * "HER2"), so that the search also finds its numbered or lettered forms ("JAK2", "IL-17A").
   */
  codes?: boolean[];
}

/**
 * Split user text into the tokens FTS5 would make of it: folded (NFKD, no marks, lowercase) runs
 * of letters and digits. Everything else (quotes, `*`, `-`, parentheses, emoji) only separates
 * words, so no user text reaches FTS5 as query syntax.
 *
 * @example
 * parseFulltextQuery('Paracétamol 65') // { tokens: ['paracetamol', '65'], prefix: true, codes: [true, true] }
 * parseFulltextQuery('NEAR("x" *) ') // { tokens: ['near', 'x'], prefix: false, codes: [true, false] }
 */
export function parseFulltextQuery(input: string): ParsedQuery {
  const text = input.slice(0, MAX_QUERY_CHARS);
  const tokens: string[] = [];
  const codes: boolean[] = [];
  for (const m of text.normalize('NFKD').replace(COMBINING_MARKS, '').matchAll(TOKEN)) {
    const t = m[0].slice(0, MAX_TOKEN_CHARS).toLowerCase();
    const i = tokens.indexOf(t);
    const code = /[\p{Lu}\p{N}]/u.test(m[0]);
    if (i >= 0) {
      codes[i] ||= code;
      continue;
    }
    tokens.push(t);
    codes.push(code);
    if (tokens.length === MAX_QUERY_TOKENS) break;
  }
  return { tokens, prefix: tokens.length > 0 && ENDS_IN_WORD.test(text), codes };
}

/**
 * Whether a word of the index is a numbered or lettered form of an identifier typed in a query:
 * "jak" → "jak2", "jaks"; "vegf" → "vegfr", "vegfr2"; "17" → "17a"; "cd" → "cd20". Words made of
 * the identifier and another word ("jakarta") are not.
 *
 * @example isCodeForm('vegf', 'vegfr2') // true
 */
export function isCodeForm(code: string, word: string): boolean {
  if (word.length <= code.length || !word.startsWith(code)) return false;
  const rest = word.slice(code.length);
  return /\d$/.test(code) ? /^[a-z]{1,2}$/.test(rest) : /^(\d{1,3}[a-z]?|s|r\d{0,3}|[a-z]\d{1,3})$/.test(rest);
}

/** One word of the query as matched in the full text: the word, or the word and its completions. */
export interface TermGroup {
  /** Exact terms, any of which matches: the word first, its other spellings, then completions. */
  terms: string[];
  /** How many of `terms`, from the first, are the word and its plural or singular (not completions). */
  words: number;
  /** Documents containing any of the terms (summed, at most the document count). */
  df: number;
  /** Documents containing the word or its plural or singular (the first `words` terms), and their occurrences. */
  wordDf: number;
  wordCnt: number;
  /** Occurrences of the terms (summed): what scoring them costs. */
  cnt: number;
}

/**
 * The plural or singular spellings of an English word that a search for it should also find
 * ("inhibitor" ↔ "inhibitors", "therapy" ↔ "therapies", "class" → "classes"): candidates only, the
 * index keeps those it has. Words of fewer than four letters and words with digits have none
 * ("ms", "cd20", "hiv" are not plurals of anything).
 *
 * @example pluralVariants('inhibitors') // ['inhibitor']
 */
export function pluralVariants(word: string): string[] {
  if (word.length < 4 || !/^\p{L}+$/u.test(word)) return [];
  const out: string[] = [];
  if (word.endsWith('ies') && word.length > 4) out.push(`${word.slice(0, -3)}y`);
  else if (/(ss|us|is)$/.test(word)) out.push(`${word}es`);
  else if (word.endsWith('es') && /(ch|sh|ss|x|z)es$/.test(word)) out.push(word.slice(0, -2));
  else if (word.endsWith('s')) out.push(word.slice(0, -1));
  else if (/[^aeiou]y$/.test(word)) out.push(`${word.slice(0, -1)}ies`);
  else if (/(ch|sh|x|z)$/.test(word)) out.push(`${word}es`);
  else out.push(`${word}s`);
  return out;
}

/** An FTS5 string: tokens never contain `"`, but quote defensively anyway. */
export const quoteTerm = (t: string): string => `"${t.replace(/"/g, '""')}"`;

const groupExpr = (g: TermGroup): string => (g.terms.length === 1 ? quoteTerm(g.terms[0]!) : `(${g.terms.map(quoteTerm).join(' OR ')})`);

/**
 * An FTS5 MATCH expression over the given columns: every term quoted, groups joined with AND or OR.
 *
 * @example
 * termsExpression([{ terms: ['proton'], words: 1, df: 9, wordDf: 9, wordCnt: 20, cnt: 20 }, { terms: ['pump', 'pumps'], words: 2, df: 12, wordDf: 12, wordCnt: 30, cnt: 30 }], 'and', ['title', 'body'])
 * // '{title body} : ("proton" AND ("pump" OR "pumps"))'
 */
export function termsExpression(groups: readonly TermGroup[], mode: 'and' | 'or', columns: readonly string[]): string {
  return `{${columns.join(' ')}} : (${groups.map(groupExpr).join(mode === 'and' ? ' AND ' : ' OR ')})`;
}

/**
 * The expression for the `heads` table (title and names): the words as typed, the last one a
 * prefix (`"par"*`) when the query ends inside it.
 */
export function headsExpression(q: ParsedQuery, mode: 'and' | 'or'): string {
  const last = q.tokens.length - 1;
  return q.tokens.map((t, i) => `${quoteTerm(t)}${i === last && q.prefix ? '*' : ''}`).join(mode === 'and' ? ' AND ' : ' OR ');
}
