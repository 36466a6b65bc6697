/**
 * Full-text search, tier 2 of issue 3: every section of every page in SQLite FTS5, ranked by bm25
 * with field weights (title 10, names 5, usage 2, body 1), with facets (kind, banned, class,
 * company) and safe highlighted snippets. Built once per site build (`writeFulltextIndex`), opened
 * read-only by the server and the CLI (`openFulltextIndex`).
 *
 * Layout (schema.ts): `fts` (title, names, usage, body + a hidden `tags` column for the kind and
 * banned filters; unicode61 with remove_diacritics 2, detail=full, no prefix index), `heads` (title
 * and names only, prefix indexes 1–3 letters, external content), `docs` (display fields), packed
 * per-page `columns` for facets, and `vocab` (every term with its df and occurrences). Rowids follow
 * a hash of kind:slug, so the first matches in rowid order are a uniform sample of all matches.
 * Since format 2, two contentless ranking tables, `core` (title, names, lead, usage) and `mech`
 * (How it works), rank pages by what they are for and how they work, each normalized by its own
 * length (see schema.ts `CORE_FIELDS` and the tiers in search.ts).
 *
 * Choices, measured on this 2-core machine with other jobs running (load average 4–7; CPU ms of
 * one build of the index over both real corpora, 6,949 pages, 65 MB of text; ranges are repeats):
 *
 * | variant (text of an earlier extraction, same for all rows)      | CPU ms      | size   |
 * | ----------------------------------------------------------------- | ----------- | ------ |
 * | plain SQLite table with the same text (no FTS)                    | 260         | 72 MB  |
 * | FTS5, detail=full, no prefix index, hashsize 16 MB, optimize      | 2,180–2,210 | 105 MB |
 * | same + prefix='2 3'                                               | 3,750–3,870 | 141 MB |
 * | same, contentless (content='': no snippet() or highlight())       | 1,375–1,395 | 33 MB  |
 * | same, detail=column (wall 3.1 s against 2.6 s in the same run)    | –           | 83 MB  |
 * | same, without alternate sources' text                             | 1,145–1,165 | 79 MB  |
 * | hashsize 128 MB, no optimize                                      | 1,565–1,750 | 101 MB |
 * | same, external content table                                      | 1,820–1,910 | 101 MB |
 * | title + names only, prefix='1 2 3'                                | 47          | 1.5 MB |
 *
 * - detail=column is not cheaper to build here, and bm25() and snippet() then re-tokenize every
 *   matched row: a top-10 by bm25 for "hypertension" took 156 ms instead of 2.2 ms, "pain" 1,067 ms
 *   instead of 9 ms. Contentless would save the most, but snippets need the text.
 * - Prefix indexes on the whole text cost +70 % build time and +35 % size; and a prefix query
 *   without one ("effect"*: effect, effects, effective…) merges whole doclists (98 ms at 250k).
 *   So prefixes are served by the small `heads` table (type-ahead on names from one letter), and
 *   the last word, from three letters, also matches its six most frequent completions from
 *   `vocab` ("xerost" → xerostomia), which keeps every query term an ordinary term lookup.
 * - `vocab` (an fts5vocab scan at build time, ~0.2–0.3 s) also gives each term's df and
 *   occurrences, which decide what bm25 can afford to score (search.ts, `FulltextTuning`).
 * - Text is the sections' markdown (link targets dropped), not text stripped from their HTML:
 *   stripping tags and decoding entities of the 92 MB of section HTML took ~1.0 s of CPU on its
 *   own, against 0.36 s for the whole extraction now; markup characters are separators for the
 *   tokenizer and are removed from snippets.
 * - Alternate sources (the same drug as the other site wrote it) are indexed: 19 % of term–page
 *   pairs (609,771) and 1,117 terms occur only there. `{ alternates: false }` saves ~30 % of the
 *   write's CPU and 25 % of the size at that cost.
 * - FTS5 `hashsize` 64 MB with automerge off and one `optimize` at the end: with 16 MB the
 *   optimize took 0.5 s instead of 0.2 s. Page sizes of 8 and 16 KB made no difference beyond noise.
 *
 * Measured with bench/search-fulltext.ts (`node --import tsx bench/search-fulltext.ts`), figures
 * in bench/results/search-fulltext.json (a quiet moment, load average 0.6–0.8):
 * - write, real corpus (6,949 pages): 3.1 s wall, 3.1 s CPU, 0.45 ms/page (median of 3), 104 MB;
 *   without alternates 2.2 s, 78 MB. With other jobs running (load 2–7) 2.7–5.6 s wall.
 * - write, 250,000 synthetic pages (generate.mjs, normalized in a hash order, streamed through
 *   `createFulltextWriter`): 64.7 s wall, 63.3 s CPU (0.26 ms/page), 1.21 GB.
 * - search, 311 queries × 3 runs (diseases, targets, common words, 1–6-letter prefixes, titles,
 *   partly typed titles, brands; limit 10, snippets included): real corpus p50 2.1 ms, p95 6.2,
 *   p99 8.5, max 12.2; 250k p50 1.4 ms, p95 3.6, p99 5.7, max 6.5. Right after building the 250k
 *   index with load 2.3–2.8: p99 11.6 ms (real) and 13.0 ms (250k).
 * Why it stays bounded at 250k: bm25() reads a term's whole doclist for its IDF (30 ms for "the"
 * at 250k) and costs ~3 µs per scored row, so only rare-enough words are scored and only as many
 * rows as a budget allows; totals and facets beyond 1,000 matches are estimated from the uniform
 * sample (`exact: false`). The price: at 250k a word in more than a few percent of pages (each
 * synthetic disease, "pain") ranks by tier and title length, not by bm25.
 */
export { writeFulltextIndex, createFulltextWriter, fulltextOrder, type FulltextWriteStats, type FulltextWriteOptions, type FulltextWriter } from './write.js';
export {
  openFulltextIndex,
  DEFAULT_FULLTEXT_TUNING,
  FULLTEXT_DEFAULT_LIMIT,
  FULLTEXT_MAX_LIMIT,
  type FulltextIndex,
  type FulltextHit,
  type FulltextFacets,
  type FulltextResult,
  type FulltextSearchOptions,
  type FulltextTuning,
} from './search.js';
export { toFulltextDocument, type FulltextDocument } from './document.js';
export { FULLTEXT_FORMAT, FIELDS as FULLTEXT_FIELDS, FIELD_WEIGHTS as FULLTEXT_FIELD_WEIGHTS, type Field as FulltextField } from './schema.js';
