import type { Kind } from '../../model/index.js';

/**
 * The full-text database layout. Bump {@link FULLTEXT_FORMAT} whenever a table, column, tokenizer
 * or stored value changes meaning: `openFulltextIndex` refuses any other format.
 */
export const FULLTEXT_FORMAT = 2;

/** The searchable fields, in the FTS5 column order that `bm25()` weights and `snippet()` numbers follow. */
export const FIELDS = ['title', 'names', 'usage', 'body'] as const;
export type Field = (typeof FIELDS)[number];

/** bm25() weights per field, in {@link FIELDS} order (then 0 for the hidden `tags` column). */
export const FIELD_WEIGHTS: Readonly<Record<Field, number>> = { title: 10, names: 5, usage: 2, body: 1 };

/**
 * The ranking tables. `core`: what a page is and is for (title, names, lead, usage), without the
 * rest of the body, so that bm25's length normalization sees only these texts (in `fts` a long
 * page — a major drug with two sources, long dosage tables and FAQs — scored below a short page
 * naming the disease once); `mech`: how it works (the How it works sections), a table of its own
 * so that a long mechanism text does not dilute the Usage text, nor the reverse. A page's rank
 * score is its bm25 in `core` plus its bm25 in `mech`: a drug acting on a target names it in both,
 * a drug given to patients selected by it ("HER2-negative breast cancer") only in its Usage.
 * `lead` is the page's stated drug class and the first words of its Usage: where a page names what
 * it mainly is and is for.
 */
export const CORE_FIELDS = ['title', 'names', 'lead', 'usage'] as const;
export type CoreField = (typeof CORE_FIELDS)[number];
export const CORE_WEIGHTS: Readonly<Record<CoreField, number>> = { title: 10, names: 5, lead: 4, usage: 2 };
/** bm25 weight of the `mech` table's one column, on the scale of {@link CORE_WEIGHTS}. */
export const MECHANISM_WEIGHT = 2;

/** The hidden column holding filter tokens (never matched by user text). */
export const TAGS_COLUMN = 'tags';

/** Kinds in the order of the packed `kind` column. */
export const KIND_CODES: readonly Kind[] = ['composition', 'combination', 'medicine'];

/** Filter tokens: one run of letters each, so unicode61 keeps them whole. */
export const kindTag = (kind: Kind): string => `kind${kind}`;
export const bannedTag = (banned: boolean): string => (banned ? 'bannedyes' : 'bannedno');

const TOKENIZE = `tokenize = 'unicode61 remove_diacritics 2'`;

/**
 * - `meta`: format, document count, build options.
 * - `docs`: one row per page (display and facet fields; `names`, the indexed names text, comes last so that reading the others never touches its overflow pages), `id` is
 *   the FTS rowid. Rowids follow a hash of `kind:slug`, a fixed pseudo-random order, so the first
 *   matches in rowid order are a uniform sample of all matches (see search.ts).
 * - `fts`: the full text, five columns; `tags` holds `kindcomposition bannedno`… for filters.
 * - `heads`: title and names only, with prefix indexes for 1–3 letters (type-ahead), external
 *   content over `docs` (nothing stored twice).
 * - `columns`: the per-page values search needs for every match, as packed arrays indexed by rowid
 *   (`kind` and `banned` as bytes, `class` and `company` as int32 ids into the JSON lists in `meta`,
 *   -1 for none, `titleLength` as uint16, `titleWords` as a byte, and for the ranking prior `uses`
 *   (combinations containing the drug + its brands, uint16) and `mentions` (pages naming it: the
 *   fewest pages any title word is in, int32)): loading them is one read, where reading 250,000
 *   `docs` rows took ~1 s.
 * - `vocab`: every term of `fts` with the documents containing it (`df`) and its occurrences
 *   (`cnt`), for completing the last word of a query and for telling common words from rare ones
 *   without scanning their doclists.
 * - `core` and `mech`: contentless (nothing stored but the index), the ranking fields of
 *   {@link CORE_FIELDS} and the mechanism text; `core_vocab` is their `vocab` together (what
 *   scoring a term there costs).
 */
export function schemaSql(): string {
  return `
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE docs (
      id INTEGER PRIMARY KEY,
      slug TEXT NOT NULL,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      url TEXT NOT NULL,
      banned INTEGER NOT NULL,
      class TEXT,
      company TEXT,
      names TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE fts USING fts5 (${FIELDS.join(', ')}, ${TAGS_COLUMN}, ${TOKENIZE}, detail = full);
    CREATE VIRTUAL TABLE heads USING fts5 (title, names, ${TOKENIZE}, prefix = '1 2 3', content = 'docs', content_rowid = 'id');
    CREATE TABLE columns (name TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
    CREATE TABLE vocab (term TEXT PRIMARY KEY, df INTEGER NOT NULL, cnt INTEGER NOT NULL) WITHOUT ROWID;
    CREATE VIRTUAL TABLE core USING fts5 (${CORE_FIELDS.join(', ')}, ${TOKENIZE}, content = '', detail = full);
    CREATE VIRTUAL TABLE mech USING fts5 (mechanism, ${TOKENIZE}, content = '', detail = full);
    CREATE TABLE core_vocab (term TEXT PRIMARY KEY, df INTEGER NOT NULL, cnt INTEGER NOT NULL) WITHOUT ROWID;
  `;
}
