import { fold } from '../../util/text.js';

/** Characters of user input looked at; the rest is ignored. */
export const MAX_QUERY_CHARS = 256;
/** Words of one query looked at; the rest are ignored. */
export const MAX_QUERY_TOKENS = 12;
/** Longest word kept (longer runs are cut: no word in a monograph is this long). */
const MAX_TOKEN_CHARS = 64;

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
}

/**
 * Split user text into the tokens FTS5 would make of it: folded (NFKD, no marks, lowercase) runs
 * of letters and digits. Everything else (quotes, `*`, `-`, parentheses, emoji) only separates
 * words, so no user text reaches FTS5 as query syntax.
 *
 * @example
 * parseFulltextQuery('Paracétamol 65') // { tokens: ['paracetamol', '65'], prefix: true }
 * parseFulltextQuery('NEAR("x" *) ') // { tokens: ['near', 'x'], prefix: false }
 */
export function parseFulltextQuery(input: string): ParsedQuery {
  const text = input.slice(0, MAX_QUERY_CHARS);
  const tokens: string[] = [];
  for (const m of fold(text).matchAll(TOKEN)) {
    const t = m[0].slice(0, MAX_TOKEN_CHARS);
    if (!tokens.includes(t)) tokens.push(t);
    if (tokens.length === MAX_QUERY_TOKENS) break;
  }
  return { tokens, prefix: tokens.length > 0 && ENDS_IN_WORD.test(text) };
}

/** One word of the query as matched in the full text: the word, or the word and its completions. */
export interface TermGroup {
  /** Exact terms, any of which matches (the word first). */
  terms: string[];
  /** Documents containing any of the terms (summed, at most the document count). */
  df: number;
  /** Documents containing the word itself (the first term), and its occurrences. */
  wordDf: number;
  wordCnt: number;
  /** Occurrences of the terms (summed): what scoring them costs. */
  cnt: number;
}

/** An FTS5 string: tokens never contain `"`, but quote defensively anyway. */
export const quoteTerm = (t: string): string => `"${t.replace(/"/g, '""')}"`;

const groupExpr = (g: TermGroup): string => (g.terms.length === 1 ? quoteTerm(g.terms[0]!) : `(${g.terms.map(quoteTerm).join(' OR ')})`);

/**
 * An FTS5 MATCH expression over the given columns: every term quoted, groups joined with AND or OR.
 *
 * @example
 * termsExpression([{ terms: ['proton'], df: 9, wordDf: 9, wordCnt: 20, cnt: 20 }, { terms: ['pump', 'pumps'], df: 12, wordDf: 10, wordCnt: 25, cnt: 30 }], 'and', ['title', 'body'])
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
