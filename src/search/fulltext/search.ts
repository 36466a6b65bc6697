import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { KindSchema, type Kind } from '../../model/index.js';
import { MARK_CLOSE, MARK_OPEN } from './document.js';
import { headsExpression, isCodeForm, parseFulltextQuery, pluralVariants, quoteTerm, termsExpression, titleWords, type ParsedQuery, type TermGroup } from './query.js';
import { bannedTag, CORE_FIELDS, CORE_WEIGHTS, MECHANISM_WEIGHT, FIELD_WEIGHTS, FIELDS, FULLTEXT_FORMAT, KIND_CODES, kindTag, TAGS_COLUMN, type Field } from './schema.js';
import { snippetHtml } from './snippet.js';

/** Results per page when no limit is given, and the most one call returns. */
export const FULLTEXT_DEFAULT_LIMIT = 10;
export const FULLTEXT_MAX_LIMIT = 100;

/**
 * How much work one query may do. The defaults are the measured choice; other values are for
 * benchmarks and tests (a tiny budget exercises the sampling paths on a small index).
 */
export interface FulltextTuning {
  /**
   * Matches looked at per query: when a query has more, the first `probeCap` in rowid order (a
   * uniform sample, see `fulltextOrder`) stand for all of them: `total` and the facets are then
   * scaled estimates (`exact: false`).
   */
  probeCap: number;
  /** Title/names matches looked at per query. */
  headsCap: number;
  /**
   * What bm25() costs (measured on the 250k-page index, best of 5 on a busy 2-core machine): for
   * the IDF it reads the whole doclist of every term it scores, ~1 ms per 40,000 of the term's
   * (documents + occurrences), 30 ms for "the"; then per scored row ~2.5 µs, plus ~0.5 µs per
   * further term and ~0.15 µs per occurrence of a scored term in the row. So terms are scored
   * rarest first while their (df + cnt) add up to at most `idfUnits` (≈ 1 ms), and rows while
   * their estimated cost stays within `rowMicros`. Words beyond that (in more than a few percent of
   * 250k pages: "pain", "dose", each synthetic disease) still match and count, but rank by tier
   * (title, names) and then shorter title first instead of by bm25. Tuned so that p99 stays under
   * 10 ms on both corpora (bench/search-fulltext.ts); raising either buys bm25 order for commoner
   * words.
   */
  idfUnits: number;
  rowMicros: number;
  /**
   * Documents (summed over the query's words, `TermGroup.df`) a probe may walk. Counting every match
   * of several common words walks all their doclists even when few pages have them all ("5-alpha
   * reductase inhibitor" at 250k pages: 706 matches, doclists of 114k + 25k + 25k + 161k documents,
   * 9.4 ms; ≈ 30 ns per document). Beyond the budget the probe looks at the first pages of the
   * rowid order only, as many as the budget pays for, and `total` and the facets are estimates
   * from that uniform sample (`exact: false`), as for a query with more than `probeCap` matches.
   * Hardly ever reached on the real corpora (7k pages: at most 7k documents per word, so only a
   * query of twelve words, the most a query keeps, each in nearly every page).
   */
  probeDocs: number;
  /** Matches such a partial probe must find to estimate from; with fewer (or none) it walks everything. */
  probeMinSample: number;
}

export const DEFAULT_FULLTEXT_TUNING: Readonly<FulltextTuning> = { probeCap: 1000, headsCap: 200, idfUnits: 40_000, rowMicros: 2000, probeDocs: 80_000, probeMinSample: 100 };

const ROW_BASE_MICROS = 2.5;
const ROW_TERM_MICROS = 0.5;
const ROW_OCCURRENCE_MICROS = 0.15;
const MAX_SCORED_ROWS = 2000;
/** The last word, while typed, also matches its most frequent completions (from this many letters). */
const MIN_COMPLETE = 3;
const COMPLETIONS = 6;
/** Facet values returned per facet (the most frequent). */
const FACET_MAX = 50;
/** Tokens per snippet (FTS5 allows at most 64). */
const SNIPPET_TOKENS = 24;
/** Characters of a names list shown around its first match. */
const NAMES_SNIPPET_CHARS = 160;

const USER_COLUMNS: readonly string[] = FIELDS;
const WEIGHTS = [...FIELDS.map((f) => FIELD_WEIGHTS[f]), 0].join(', ');
const CORE_COLUMNS: readonly string[] = CORE_FIELDS;
const MECH_COLUMNS: readonly string[] = ['mechanism'];
const CORE_BM25_WEIGHTS = CORE_FIELDS.map((f) => CORE_WEIGHTS[f]).join(', ');
/** Numbered or lettered forms of an identifier looked for, at most (the most frequent). */
const CODE_FORMS = 6;
/** The first string after every string that starts with `t` (for a range scan of `vocab`). */
const nextKey = (t: string): string => t.slice(0, -1) + String.fromCharCode(t.charCodeAt(t.length - 1) + 1);
/**
 * How much a page's prior (`prior`: how prominent its drug is in the corpus) scales its score in
 * the ranking tables: score × (1 + PRIOR_WEIGHT × prior), so up to about 3.5× for the most
 * prominent drugs, and a page that names the query only in passing stays low whatever its drug.
 * Among pages naming a disease or a target alike, the drug in wide use comes first (rituximab for
 * CD20, omeprazole for proton pump inhibitor). Measured on the judged queries (bench:search):
 * 0.1 / 0.2 / 0.25 / 0.3 gave mechanism top-1 33 / 42 / 44 / 50 % and recall@10 95.0–95.3 %,
 * indication top-1 7–10 % and recall 94.8–96.2 %; an additive prior of the same size put
 * Vitamin D3 ("some studies suggest…") first for multiple sclerosis.
 */
const PRIOR_WEIGHT = 0.25;
/** Separates the passes of one tier in a ranked score (bm25 values stay far below it). */
const RANK_STEP = 1000;
/** Alternative phrases looked at per query, at most. */
const MAX_ALTERNATIVES = 8;
/** Spellings of a phrase's last word (the word, its plural or singular) tried, at most. */
const MAX_PHRASE_ENDINGS = 4;
const KINDS: readonly Kind[] = KIND_CODES;

export interface FulltextSearchOptions {
  /** Results per page (default {@link FULLTEXT_DEFAULT_LIMIT}, at most {@link FULLTEXT_MAX_LIMIT}). */
  limit?: number;
  /** Results skipped (default 0). */
  offset?: number;
  /** Only pages of this kind. */
  kind?: Kind;
  /** Only banned (true) or only not banned (false) pages. */
  banned?: boolean;
  /**
   * Phrases that mean the same as the whole query (an abbreviation's expansions: "HIV" →
   * "human immunodeficiency virus"): a page with any of them matches as if it had every word.
   */
  alternatives?: readonly string[];
  /**
   * Pages (by URL) left out of `results` because another tier shows them already. They keep their
   * place in the ranking (a page of `limit` results has one fewer for each excluded page in it, as
   * if it had been made and then removed), still count in `total` and the facets, and get no
   * snippet. See `FulltextResult.excluded`.
   */
  exclude?: ReadonlySet<string>;
  /** Results made at most (default: the whole page): the caller shows no more, and each costs a snippet. */
  maxResults?: number;
}

/** One page found by the full-text search. */
export interface FulltextHit {
  slug: string;
  kind: Kind;
  title: string;
  url: string;
  /** Higher is better; results come in non-increasing score order. Comparable within one response. */
  score: number;
  /** The best field a query word was found in (title ≫ names ≫ usage ≫ body). */
  matched: Field;
  /** A short passage with the query words in `<mark>`; safe HTML (text escaped, only `<mark>` tags). */
  snippet: string;
  banned: boolean;
}

export interface FulltextFacets {
  kind: Record<string, number>;
  banned: { yes: number; no: number };
  /** Drug class label (the source's first clause, see `classLabel`) → pages; the 50 most frequent. */
  class: Record<string, number>;
  /** Company (brand pages) → pages; the 50 most frequent. */
  company: Record<string, number>;
}

export interface FulltextResult {
  /** Pages matching the query and the filters. */
  total: number;
  /**
   * False when the query matched more than can be counted in time (thousands of pages): `total`
   * and the facets are then estimates from a uniform sample, and paging ends at the sample.
   */
  exact: boolean;
  results: FulltextHit[];
  /** Excluded pages (`FulltextSearchOptions.exclude`) that had a place in this page of results (all `limit` places, whatever `maxResults`). */
  excluded: number;
  /** Counts over the pages matching the query, before the `kind` and `banned` filters. */
  facets: FulltextFacets;
}

/** An open full-text index (read-only). */
export interface FulltextIndex {
  /** Pages in the index. */
  readonly documents: number;
  /**
   * Find pages: every word of the query must occur (in any field; the last word may be a prefix
   * of a word while typed); when no page has them all, pages with any of them. Never throws for
   * any query text: syntax characters only separate words, and a query with no words finds nothing.
   *
   * @example
   * const r = index.search('proton pump', { limit: 5, kind: 'composition' });
   * r.results[0]?.snippet // '… a <mark>proton</mark> <mark>pump</mark> inhibitor …'
   */
  search(query: string, options?: FulltextSearchOptions): FulltextResult;
  close(): void;
}

/** The facet and filter fields of every page, in memory, indexed by rowid. */
interface DocTable {
  kind: Uint8Array;
  banned: Uint8Array;
  cls: Int32Array;
  company: Int32Array;
  titleLength: Uint16Array;
  titleWords: Uint8Array;
  uses: Uint16Array;
  mentions: Int32Array;
  classNames: string[];
  companyNames: string[];
}

/** What a set of matching rowids looks like (the first `cap` in rowid order). */
interface Probe {
  rows: number[];
  /** All matches are in `rows`. */
  complete: boolean;
  /** Rowids up to this one have all been looked at. */
  upTo: number;
}

/** A page's display fields, as `docs` stores them. */
interface DocRow {
  slug: string;
  kind: string;
  title: string;
  url: string;
  banned: number;
}

interface Ranked {
  id: number;
  tier: number;
  bm25: number | null;
}

// Ranking tiers, best first: the title is the query; every word in the title; every word in title
// and names (these three by title length: generics before their combinations); then scored by
// bm25 over the ranking table `core` (title, names, lead, usage, mechanism; not the rest of the
// body, so a long page is not penalized for its dosage tables): the words as a phrase ("multiple
// sclerosis", or an alternative such as an abbreviation's expansion); the words anywhere there;
// then by bm25 over all the text; then title/names matches only through a prefix of a last word
// that is itself a word ("pain" finding "Paint"); then the rest.
const TIER_TITLE_IS_QUERY = 7;
const TIER_TITLE = 6;
const TIER_HEADS = 5;
const TIER_CORE_PHRASE = 4;
const TIER_CORE = 3;
const TIER_SCORED = 2;
const TIER_PREFIX_ONLY = 1;
const TIER_OTHER = 0;
/** Candidates checked one by one for the unscored words of a query, at most, per page. */
const MAX_VERIFY = 60;

const emptyFacets = (): FulltextFacets => ({ kind: {}, banned: { yes: 0, no: 0 }, class: {}, company: {} });

const clampInt = (v: number | undefined, dflt: number, min: number, max: number): number =>
  v === undefined || !Number.isFinite(v) ? dflt : Math.min(max, Math.max(min, Math.trunc(v)));

/** Map a bm25 score (≥ 0 once negated) into [0, 1), keeping its order. */
const squash = (x: number): number => (x > 0 ? x / (1 + x) : 0);

class SqliteFulltextIndex implements FulltextIndex {
  readonly documents: number;
  private readonly db: Database.Database;
  private readonly table: DocTable;
  private readonly stmt;

  constructor(
    db: Database.Database,
    documents: number,
    private readonly tuning: FulltextTuning,
  ) {
    this.db = db;
    this.documents = documents;
    this.stmt = {
      term: db.prepare<[string], [number, number]>('SELECT df, cnt FROM vocab WHERE term = ?').raw(),
      coreTerm: db.prepare<[string], [number, number]>('SELECT df, cnt FROM core_vocab WHERE term = ?').raw(),
      coreRank: db.prepare<[string, number, number], [number, number]>(
        `SELECT rowid, bm25(core, ${CORE_BM25_WEIGHTS}) FROM core WHERE core MATCH ? AND rowid <= CAST(? AS INTEGER) LIMIT ?`,
      ).raw(),
      mechRank: db.prepare<[string, number, number], [number, number]>(
        `SELECT rowid, bm25(mech, ${MECHANISM_WEIGHT}) FROM mech WHERE mech MATCH ? AND rowid <= CAST(? AS INTEGER) LIMIT ?`,
      ).raw(),
      complete: db.prepare<[string, string], [string, number, number]>('SELECT term, df, cnt FROM vocab WHERE term > ? AND term < ? LIMIT 512').raw(),
      probe: db.prepare<[string, number, number], number>('SELECT rowid FROM fts WHERE fts MATCH ? AND rowid <= CAST(? AS INTEGER) LIMIT ?').pluck(),
      member: db.prepare<[string, number], number>('SELECT rowid FROM fts WHERE fts MATCH ? AND rowid = CAST(? AS INTEGER)').pluck(),
      rank: db.prepare<[string, number, number], [number, number]>(
        `SELECT rowid, bm25(fts, ${WEIGHTS}) FROM fts WHERE fts MATCH ? AND rowid <= CAST(? AS INTEGER) LIMIT ?`,
      ).raw(),
      heads: db.prepare<[string, number], number>('SELECT rowid FROM heads WHERE heads MATCH ? LIMIT ?').pluck(),
      doc: db.prepare<[number], DocRow>(
        'SELECT slug, kind, title, url, banned FROM docs WHERE id = CAST(? AS INTEGER)',
      ),
      aux: db.prepare<[string, number], [string, string, string]>(
        `SELECT highlight(fts, 0, '${MARK_OPEN}', '${MARK_CLOSE}'), highlight(fts, 1, '${MARK_OPEN}', '${MARK_CLOSE}'),
                snippet(fts, 2, '${MARK_OPEN}', '${MARK_CLOSE}', '…', ${SNIPPET_TOKENS})
         FROM fts WHERE fts MATCH ? AND rowid = CAST(? AS INTEGER)`,
      ).raw(),
      bodySnippet: db.prepare<[string, number], string>(
        `SELECT snippet(fts, 3, '${MARK_OPEN}', '${MARK_CLOSE}', '…', ${SNIPPET_TOKENS}) FROM fts WHERE fts MATCH ? AND rowid = CAST(? AS INTEGER)`,
      ).pluck(),
      headsAux: db.prepare<[string, number], [string, string]>(
        `SELECT highlight(heads, 0, '${MARK_OPEN}', '${MARK_CLOSE}'), highlight(heads, 1, '${MARK_OPEN}', '${MARK_CLOSE}') FROM heads WHERE heads MATCH ? AND rowid = CAST(? AS INTEGER)`,
      ).raw(),
      title: db.prepare<[number], string>('SELECT title FROM docs WHERE id = CAST(? AS INTEGER)').pluck(),
      lead: db.prepare<[number], [string, string]>('SELECT substr(usage, 1, 400), substr(body, 1, 400) FROM fts WHERE rowid = CAST(? AS INTEGER)').raw(),
    };
    this.table = this.loadTable();
  }

  close(): void {
    this.db.close();
  }

  search(query: string, options: FulltextSearchOptions = {}): FulltextResult {
    const limit = clampInt(options.limit, FULLTEXT_DEFAULT_LIMIT, 0, FULLTEXT_MAX_LIMIT);
    const offset = clampInt(options.offset, 0, 0, Number.MAX_SAFE_INTEGER);
    let q = parseFulltextQuery(typeof query === 'string' ? query : '');
    if (q.tokens.length === 0 || this.documents === 0) return { total: 0, exact: true, results: [], excluded: 0, facets: emptyFacets() };
    // A last word of one or two letters after other words is a word ("hepatitis c"), not the start
    // of any word beginning with that letter.
    if (q.prefix && q.tokens.length > 1 && q.tokens[q.tokens.length - 1]!.length < MIN_COMPLETE) q = { ...q, prefix: false };
    const same = q.tokens.join(' ');
    const alternatives = (Array.isArray(options.alternatives) ? options.alternatives : [])
      .slice(0, MAX_ALTERNATIVES)
      .map((a) => (typeof a === 'string' ? parseFulltextQuery(`${a} `).tokens : []))
      .filter((tokens, i, all) => tokens.length > 0 && tokens.join(' ') !== same && all.findIndex((x) => x.join(' ') === tokens.join(' ')) === i);
    // A query with alternatives is a finished word ("MS" stands for something), not a prefix being typed.
    if (alternatives.length > 0) q = { ...q, prefix: false };
    const groups = this.groups(q);
    // OR only when no page at all has every word: a filter narrows the answer, it does not change the question.
    const and = this.run(q, groups, alternatives, 'and', options, limit, offset);
    if (and.matchedAny || groups.length < 2) return and.result;
    return this.run(q, groups, alternatives, 'or', options, limit, offset).result;
  }

  /**
   * Each word with its document frequency: the word, its plural or singular when the corpus has it
   * ("inhibitor" and "inhibitors"), and for the last word while typed its completions.
   */
  private groups(q: ParsedQuery): TermGroup[] {
    const last = q.tokens.length - 1;
    return q.tokens.map((t, i) => {
      const terms = [t];
      let [df, cnt] = this.stmt.term.get(t) ?? [0, 0];
      for (const v of pluralVariants(t)) {
        const found = this.stmt.term.get(v);
        if (found === undefined) continue;
        terms.push(v);
        df += found[0];
        cnt += found[1];
      }
      // An identifier typed as one ("JAK", "IL-17", "VEGF") also finds its numbered forms ("JAK2", "17A", "VEGFR2").
      if (q.codes?.[i] === true && t.length >= 2) {
        const forms = this.stmt.complete.all(t, nextKey(t)).filter(([term]) => isCodeForm(t, term) && !terms.includes(term));
        for (const [term, d, c] of forms.sort((a, b) => b[1] - a[1]).slice(0, CODE_FORMS)) {
          terms.push(term);
          df += d;
          cnt += c;
        }
      }
      const words = terms.length;
      const [wordDf, wordCnt] = [df, cnt];
      if (i === last && q.prefix && t.length >= MIN_COMPLETE) {
        const more = this.stmt.complete.all(t, nextKey(t)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
        for (const [term, d, c] of more.filter(([term]) => !terms.includes(term)).slice(0, COMPLETIONS)) {
          terms.push(term);
          df += d;
          cnt += c;
        }
      }
      return { terms, words, df: Math.min(df, this.documents), wordDf: Math.min(wordDf, this.documents), wordCnt, cnt };
    });
  }

  private probe(expr: string, cap: number, upTo = this.documents): Probe {
    const rows = this.stmt.probe.all(expr, upTo, cap + 1);
    if (rows.length <= cap) return { rows, complete: upTo >= this.documents, upTo };
    rows.length = cap;
    return { rows, complete: false, upTo: rows[cap - 1]! };
  }

  /** What scoring these terms in `core` costs: the sum of their documents and occurrences there. */
  private coreUnits(terms: Iterable<string>): { units: number; df: number; cnt: number } {
    let df = 0;
    let cnt = 0;
    for (const term of new Set(terms)) {
      const [d, c] = this.stmt.coreTerm.get(term) ?? [0, 0];
      df += d;
      cnt += c;
    }
    return { units: df + cnt, df, cnt };
  }

  /** Rows a bm25 pass may score for terms of these statistics (see {@link FulltextTuning}). */
  private rowCap(terms: number, df: number, cnt: number): number {
    const occurrences = cnt / Math.max(1, df);
    return Math.min(MAX_SCORED_ROWS, Math.floor(this.tuning.rowMicros / (ROW_BASE_MICROS + ROW_TERM_MICROS * Math.max(0, terms - 1) + ROW_OCCURRENCE_MICROS * occurrences)));
  }

  /** One pass (AND or OR); `matchedAny` tells whether any page matched before the filters. */
  private run(
    q: ParsedQuery,
    groups: TermGroup[],
    alternatives: readonly string[][],
    mode: 'and' | 'or',
    options: FulltextSearchOptions,
    limit: number,
    offset: number,
  ): { result: FulltextResult; matchedAny: boolean } {
    const t = this.table;
    const n = this.documents;
    const altPhrases = alternatives.map((tokens) => quoteTerm(tokens.join(' ')));
    const withAlternatives = (expr: string, columns: readonly string[] | null): string =>
      altPhrases.length === 0 ? expr : `(${expr}) OR (${columns === null ? '' : `{${columns.join(' ')}} : `}(${altPhrases.join(' OR ')}))`;
    const userExpr = withAlternatives(termsExpression(groups, mode, USER_COLUMNS), USER_COLUMNS);
    const filtered = options.kind !== undefined || options.banned !== undefined;
    const passes = (id: number): boolean =>
      (options.kind === undefined || KINDS[t.kind[id]!] === options.kind) && (options.banned === undefined || (t.banned[id] === 1) === options.banned);

    // Title/names matches (the last word as a prefix, with the prefix indexes of `heads`).
    const hExpr = withAlternatives(headsExpression(q, mode), null);
    const { probeCap, headsCap } = this.tuning;
    const headRows = this.stmt.heads.all(hExpr, headsCap + 1);
    const headsComplete = headRows.length <= headsCap;
    if (!headsComplete) headRows.length = headsCap;
    const inTitle = new Set(headRows.length === 0 ? [] : this.stmt.heads.all(`{title} : (${hExpr})`, headsCap));
    // When the last word is already a common word of the corpus (in at least a third of the pages
    // its completions are in: "pain", not "parac"), matching it only as a prefix is weaker.
    const lastGroup = groups[groups.length - 1]!;
    const lastIsWord = q.prefix && lastGroup.wordDf > 0 && lastGroup.wordDf * 3 >= lastGroup.df;
    const wholeWords =
      lastIsWord && headRows.length > 0 ? new Set(this.stmt.heads.all(withAlternatives(headsExpression({ ...q, prefix: false }, mode), null), headsCap)) : null;

    // All matches, or a uniform sample of them: total and facets (before the filters).
    // Within the probe's budget, the rowids up to `probeUpTo` (all of them when the words are rare enough).
    const walked = groups.reduce((a, g) => a + g.df, 0);
    const probeUpTo = walked <= this.tuning.probeDocs ? n : Math.max(1, Math.floor((n * this.tuning.probeDocs) / walked));
    let probeRange = probeUpTo;
    let all = this.probe(userExpr, probeCap, probeRange);
    // Too few matches in the part walked to estimate from (or none: then the OR pass would run for
    // a query some pages do match): walk it all.
    if (!all.complete && all.upTo === probeRange && all.rows.length < this.tuning.probeMinSample) {
      probeRange = n;
      all = this.probe(userExpr, probeCap);
    }
    const sample = new Set(all.rows);
    for (const id of headRows) if (id <= all.upTo) sample.add(id);
    const facets = this.facets(sample, all.complete ? 1 : n / all.upTo);
    const matches = filtered && !all.complete ? this.probe(`(${userExpr}) AND ${filterExpression(options)}`, probeCap, probeRange) : all;
    const heads = new Set(headRows.filter(passes));
    // Title/names matches rank first when they have every word; with any word (OR), bm25 decides.
    const strong = mode === 'or' ? new Set<number>() : wholeWords === null ? heads : new Set([...heads].filter((id) => wholeWords.has(id)));
    const known = new Set<number>(); // pages known to match every word, filters passed
    for (const id of matches.rows) if (passes(id)) known.add(id);
    let inRange = known.size;
    for (const id of heads) if (!known.has(id) && id <= matches.upTo) inRange++;
    for (const id of heads) known.add(id);
    const exact = matches.complete && headsComplete;
    const total = matches.complete ? known.size : Math.max(known.size, Math.round((inRange * n) / matches.upTo));

    // bm25 for the rarest words within budget, only when the title/names tiers do not fill the page
    // (they rank above any scored page). A word still being typed with fewer than MIN_COMPLETE
    // letters is matched but not scored; a finished last word is scored with its plural or
    // singular only: pages with only its completions rank below.
    const scores = new Map<number, { tier: number; bm25: number }>();
    const last = groups.length - 1;
    const scorable = groups
      .filter((g, i) => !(i === last && q.prefix && g.terms[0]!.length < MIN_COMPLETE))
      .map((g, i) => (i === last && (lastIsWord || !q.prefix) ? { ...g, terms: g.terms.slice(0, g.words), df: g.wordDf, cnt: g.wordCnt } : g));
    const wanted = offset + limit;
    let inCore = strong.size;
    const unchecked = new Set<number>(); // scored in the ranking tables, not yet known to match
    if (inCore < wanted && scorable.length === groups.length) {
      // 1. `core` and `mech`: the words as a phrase (or an alternative phrase), then (AND) every
      // word in one of them; OR: the pages with the rarest word first.
      const spellings = scorable[last]!.terms.slice(0, MAX_PHRASE_ENDINGS);
      const before = scorable.slice(0, last).map((g) => g.terms[0]!);
      const phrases = [...spellings.map((e) => quoteTerm([...before, e].join(' '))), ...altPhrases];
      const cost = this.coreUnits([...scorable.flatMap((g) => g.terms), ...alternatives.flat()]);
      if (cost.units <= this.tuning.idfUnits) {
        const cap = this.rowCap(phrases.length + groups.length, cost.df, cost.cnt);
        /** Score the pages matching one expression (built for the given columns) in both tables; `rank` orders passes of one tier. */
        const pass = (make: (columns: readonly string[]) => string, tier: number, rank = 0): void => {
          const sum = new Map<number, number>();
          for (const [id, sc] of this.stmt.coreRank.all(make(CORE_COLUMNS), n, cap)) sum.set(id, -sc);
          for (const [id, sc] of this.stmt.mechRank.all(make(MECH_COLUMNS), n, cap)) sum.set(id, (sum.get(id) ?? 0) - sc);
          for (const [id, sc] of sum) {
            if (strong.has(id) || scores.has(id) || !passes(id)) continue;
            // The ranking tables hold nothing `fts` lacks but the drug class: a page found only
            // there must match too (checked when it reaches the page, see `unchecked`).
            if (!known.has(id)) {
              if (matches.complete) continue;
              unchecked.add(id);
            }
            scores.set(id, { tier, bm25: rank * RANK_STEP + sc * (1 + PRIOR_WEIGHT * this.prior(id)) });
            inCore++;
          }
        };
        if (mode === 'and') {
          pass((columns) => `{${columns.join(' ')}} : (${phrases.join(' OR ')})`, TIER_CORE_PHRASE);
          if (groups.length > 1 && inCore < wanted) pass((columns) => withAlternatives(termsExpression(scorable, 'and', columns), columns), TIER_CORE);
        } else {
          // No page has every word: those with the rarer words first, each pass within the row budget.
          const byRarity = [...scorable].sort((a, b) => a.df - b.df);
          byRarity.forEach((g, i) => {
            if (inCore < wanted) pass((columns) => withAlternatives(termsExpression([g], 'or', columns), columns), TIER_CORE, byRarity.length - i);
          });
        }
      }
    }
    // 2. All the text, for the words affordable to score (the rest are checked page by page).
    const scored = inCore >= wanted ? [] : scoredGroups(scorable, this.tuning.idfUnits);
    if (scored.length > 0) {
      const cnt = scored.reduce((a, g) => a + g.cnt, 0);
      const df = scored.reduce((a, g) => a + g.df, 0);
      const rowCap = this.rowCap(
        scored.reduce((a, g) => a + g.terms.length, 0),
        df,
        cnt,
      );
      for (const [id, sc] of this.stmt.rank.all(termsExpression(scored, mode, USER_COLUMNS), n, rowCap)) {
        if (!strong.has(id) && !scores.has(id) && passes(id)) scores.set(id, { tier: TIER_SCORED, bm25: -sc });
      }
    }
    // Pages scored for some words only must still be checked for the others.
    const unverified = mode === 'and' && scored.length < groups.length;

    // Rank: the title/names and scored tiers by comparison; the unscored rest (up to probeCap
    // pages) only when the page reaches it, by a numeric key (shorter title first, then rowid).
    const ranked: Ranked[] = [];
    const rest: number[] = [];
    for (const id of strong) {
      const tier = inTitle.has(id) ? (t.titleWords[id] === q.tokens.length && this.titleIsQuery(id, q) ? TIER_TITLE_IS_QUERY : TIER_TITLE) : TIER_HEADS;
      ranked.push({ id, tier, bm25: null });
    }
    for (const [id, sc] of scores) ranked.push({ id, tier: sc.tier, bm25: sc.bm25 });
    for (const id of heads) if (!strong.has(id) && !scores.has(id)) ranked.push({ id, tier: TIER_PREFIX_ONLY, bm25: null });
    for (const id of known) if (!heads.has(id) && !scores.has(id)) rest.push(id);
    ranked.sort((a, b) => b.tier - a.tier || (b.bm25 ?? -1) - (a.bm25 ?? -1) || t.titleLength[a.id]! - t.titleLength[b.id]! || a.id - b.id);
    const page: { r: Ranked; doc: DocRow }[] = [];
    const exclude = options.exclude instanceof Set && options.exclude.size > 0 ? options.exclude : null;
    const maxResults = clampInt(options.maxResults, limit, 0, limit);
    let excluded = 0;
    let beyond = 0; // places past `maxResults`, looked at only to count the excluded pages among them
    let seen = 0;
    let checks = 0;
    let restAdded = rest.length === 0;
    for (let i = 0; page.length + excluded + beyond < limit && (page.length < maxResults || exclude !== null); i++) {
      if (i === ranked.length) {
        if (restAdded) break;
        restAdded = true;
        const keys = Float64Array.from(rest, (id) => t.titleLength[id]! * 2 ** 32 + id).sort();
        for (const k of keys) ranked.push({ id: k % 2 ** 32, tier: TIER_OTHER, bm25: null });
        if (i === ranked.length) break;
      }
      const r = ranked[i]!;
      if ((unverified || unchecked.has(r.id)) && !known.has(r.id)) {
        // The probe saw every match up to `matches.upTo`: a page there that it did not see does not match.
        if (r.id <= matches.upTo) continue;
        if (++checks > MAX_VERIFY) continue;
        if (this.stmt.member.get(userExpr, r.id) === undefined) continue;
      }
      if (seen++ < offset) continue;
      const doc = this.doc(r.id);
      if (exclude?.has(doc.url)) excluded++;
      else if (page.length < maxResults) page.push({ r, doc });
      else beyond++;
    }
    // Snippets mark every word (and its completions) found in the page, and the alternative phrases.
    const snippetExpr = withAlternatives(termsExpression(groups, 'or', USER_COLUMNS), USER_COLUMNS);
    const results = page.map(({ r, doc }) => this.hit(r, doc, snippetExpr, heads.has(r.id) ? hExpr : null));
    return { result: { total, exact, results, excluded, facets }, matchedAny: sample.size > 0 };
  }

  private doc(id: number): DocRow {
    const d = this.stmt.doc.get(id);
    if (d === undefined) throw new Error(`fulltext index: rowid ${id} has no docs row (rebuild the index)`);
    return d;
  }

  /** Display fields, the best matched field and the snippet of one result. */
  private hit(r: Ranked, d: DocRow, expr: string, headsExpr: string | null): FulltextHit {
    const marked = (s: string | undefined): s is string => s !== undefined && s.includes(MARK_OPEN);
    const [title, names, usage] = this.stmt.aux.get(expr, r.id) ?? [];
    let headTitle: string | undefined;
    let headNames: string | undefined;
    if (headsExpr !== null) [headTitle, headNames] = this.stmt.headsAux.get(headsExpr, r.id) ?? [];
    const nameList = marked(names) ? names : marked(headNames) ? headNames : undefined;
    const inTitle = marked(title) || marked(headTitle);
    const matched: Field = inTitle ? 'title' : nameList !== undefined ? 'names' : marked(usage) ? 'usage' : 'body';
    // The passage: where the words are in the usage text; else the names that matched; else, for a
    // title match, the start of the usage text; else the best passage of the body (the costly one:
    // snippet() tokenizes the whole body, so only pages found by their body pay for it).
    let raw: string | undefined;
    if (marked(usage)) raw = usage;
    else if (nameList !== undefined) raw = clipAround(nameList);
    else if (!inTitle && usage !== undefined) raw = this.stmt.bodySnippet.get(expr, r.id);
    raw ??= clipWords(usage?.trim() ? usage : (this.stmt.lead.get(r.id)?.find((s) => s.trim() !== '') ?? ''));
    return {
      slug: d.slug,
      kind: KindSchema.parse(d.kind),
      title: d.title,
      url: d.url,
      score: r.tier + squash(r.bm25 ?? 0),
      matched,
      snippet: snippetHtml(raw),
      banned: d.banned === 1,
    };
  }

  private facets(ids: Iterable<number>, scale: number): FulltextFacets {
    const t = this.table;
    const kinds = new Array<number>(KINDS.length).fill(0);
    let yes = 0;
    let no = 0;
    const cls = new Map<number, number>();
    const company = new Map<number, number>();
    for (const id of ids) {
      kinds[t.kind[id]!]!++;
      if (t.banned[id] === 1) yes++;
      else no++;
      const c = t.cls[id]!;
      if (c >= 0) cls.set(c, (cls.get(c) ?? 0) + 1);
      const m = t.company[id]!;
      if (m >= 0) company.set(m, (company.get(m) ?? 0) + 1);
    }
    const s = (x: number): number => Math.round(x * scale);
    const top = (counts: Map<number, number>, names: string[]): Record<string, number> => {
      const out: Record<string, number> = {};
      const sorted = [...counts].sort((a, b) => b[1] - a[1] || (names[a[0]]! < names[b[0]]! ? -1 : 1)).slice(0, FACET_MAX);
      for (const [i, c] of sorted) out[names[i]!] = s(c);
      return out;
    };
    const kind: Record<string, number> = {};
    KINDS.forEach((k, i) => {
      if (kinds[i]! > 0) kind[k] = s(kinds[i]!);
    });
    return { kind, banned: { yes: s(yes), no: s(no) }, class: top(cls, t.classNames), company: top(company, t.companyNames) };
  }

  /**
   * How prominent a page's drug is in the corpus: the mean of log2(1 + combinations containing it
   * and its brands) and log2(1 + pages mentioning it); 0 to about 10.
   */
  private prior(id: number): number {
    const t = this.table;
    return (Math.log2(1 + t.uses[id]!) + Math.log2(1 + t.mentions[id]!)) / 2;
  }

  /** Whether a title's words are the query's words, in any order (the last one, while typed, a prefix). */
  private titleIsQuery(id: number, q: ParsedQuery): boolean {
    const title = this.stmt.title.get(id);
    if (title === undefined) return false;
    const words = new Set(titleWords(title));
    if (words.size !== q.tokens.length) return false;
    const last = q.tokens.length - 1;
    return q.tokens.every((w, i) => words.has(w) || (i === last && q.prefix && [...words].some((x) => x.startsWith(w))));
  }

  /** The packed per-page columns (one read; throws when they do not fit the index). */
  private loadTable(): DocTable {
    const size = this.documents + 1;
    const blobs = new Map(this.db.prepare<[], [string, Buffer]>('SELECT name, data FROM columns').raw().all());
    const column = <T>(name: string, make: (b: ArrayBuffer) => T & { length: number }): T => {
      const b = blobs.get(name);
      if (b === undefined) throw new Error(`fulltext index: column ${name} is missing (rebuild the index)`);
      const copy = new ArrayBuffer(b.byteLength);
      new Uint8Array(copy).set(b);
      const a = make(copy);
      if (a.length !== size) throw new Error(`fulltext index: column ${name} has ${a.length} values for ${this.documents} documents (rebuild the index)`);
      return a;
    };
    const list = (key: string): string[] => {
      const v: unknown = JSON.parse(this.db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck().get(key) ?? '[]');
      return Array.isArray(v) ? v.map(String) : [];
    };
    return {
      kind: column('kind', (b) => new Uint8Array(b)),
      banned: column('banned', (b) => new Uint8Array(b)),
      cls: column('class', (b) => new Int32Array(b)),
      company: column('company', (b) => new Int32Array(b)),
      titleLength: column('titleLength', (b) => new Uint16Array(b)),
      titleWords: column('titleWords', (b) => new Uint8Array(b)),
      uses: column('uses', (b) => new Uint16Array(b)),
      mentions: column('mentions', (b) => new Int32Array(b)),
      classNames: list('classes'),
      companyNames: list('companies'),
    };
  }
}

/** The groups bm25 scores: the rarest, while the IDF reads stay within budget. */
function scoredGroups(groups: readonly TermGroup[], idfUnits: number): TermGroup[] {
  const scored: TermGroup[] = [];
  let units = 0;
  for (const g of [...groups].sort((a, b) => a.df + a.cnt - (b.df + b.cnt))) {
    if (units + g.df + g.cnt > idfUnits) break;
    scored.push(g);
    units += g.df + g.cnt;
  }
  return scored;
}

/** The FTS5 expression of the `kind` and `banned` filters (tokens of the hidden `tags` column). */
function filterExpression(o: FulltextSearchOptions): string {
  const parts: string[] = [];
  if (o.kind !== undefined) parts.push(`${TAGS_COLUMN} : ${quoteTerm(kindTag(o.kind))}`);
  if (o.banned !== undefined) parts.push(`${TAGS_COLUMN} : ${quoteTerm(bannedTag(o.banned))}`);
  return parts.join(' AND ');
}


/** The part of a names list around its first mark, cut at separators. */
function clipAround(raw: string): string {
  const i = raw.indexOf(MARK_OPEN);
  if (raw.length <= NAMES_SNIPPET_CHARS || i < 0) return raw;
  let start = Math.max(0, i - NAMES_SNIPPET_CHARS / 4);
  let end = Math.min(raw.length, start + NAMES_SNIPPET_CHARS);
  const sep = raw.lastIndexOf(' · ', i);
  if (sep >= start) start = sep + 3;
  const close = raw.indexOf(MARK_CLOSE, i);
  if (close >= end) end = close + 1;
  return `${start > 0 ? '…' : ''}${raw.slice(start, end)}${end < raw.length ? '…' : ''}`;
}

/** The first words of a text, for a result whose words are not in any passage. */
function clipWords(text: string): string {
  const words = text.trim().split(/\s+/);
  return words.length <= SNIPPET_TOKENS ? words.join(' ') : `${words.slice(0, SNIPPET_TOKENS).join(' ')}…`;
}

/**
 * Open a full-text index written by `writeFulltextIndex`, read-only. A missing file, a file
 * that is not SQLite, a damaged index or one of another format is a returned problem, not a throw
 * (damage found later, in pages no check at open reads, makes `search` throw). `tuning` is for
 * benchmarks and tests; the defaults are the measured choice.
 *
 * @example
 * const index = openFulltextIndex(join(site, 'search/fulltext.db'));
 * if ('problem' in index) console.error(index.problem);
 * else console.log(index.search('hypertension').total);
 */
export function openFulltextIndex(file: string, tuning: Partial<FulltextTuning> = {}): FulltextIndex | { problem: string } {
  if (!existsSync(file)) return { problem: `The full-text index ${file} does not exist. Build the site again to create it.` };
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const meta = new Map(db.prepare<[], [string, string]>('SELECT key, value FROM meta').raw().all());
    const format = meta.get('format');
    if (format !== String(FULLTEXT_FORMAT)) {
      db.close();
      return { problem: `The full-text index ${file} has format ${format ?? 'unknown'}, this version reads format ${FULLTEXT_FORMAT}. Build the site again.` };
    }
    const documents = Number(meta.get('documents'));
    const counted = db.prepare<[], number>('SELECT count(*) FROM docs').pluck().get();
    if (!Number.isInteger(documents) || counted !== documents) throw new Error(`meta says ${meta.get('documents')} documents, docs has ${counted}`);
    // Touch every table a search reads, so that a damaged file fails here rather than mid-search.
    db.prepare(`SELECT rowid FROM fts WHERE fts MATCH '"the"' LIMIT 1`).all();
    db.prepare(`SELECT rowid FROM heads WHERE heads MATCH '"a"*' LIMIT 1`).all();
    db.prepare('SELECT df FROM vocab LIMIT 1').all();
    db.prepare(`SELECT rowid FROM core WHERE core MATCH '"the"' LIMIT 1`).all();
    db.prepare(`SELECT rowid FROM mech WHERE mech MATCH '"the"' LIMIT 1`).all();
    db.prepare('SELECT df FROM core_vocab LIMIT 1').all();
    return new SqliteFulltextIndex(db, documents, { ...DEFAULT_FULLTEXT_TUNING, ...tuning });
  } catch (e) {
    db?.close();
    return { problem: `The full-text index ${file} cannot be read (${(e as Error).message}). Build the site again to rewrite it.` };
  }
}
