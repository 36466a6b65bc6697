import type { FulltextHit } from '../fulltext/index.js';
import { toResultView, type MatchHow, type NameMatch, type NamesLookup, type SearchResultView } from '../search-names.js';

/**
 * One result of the site search, from either tier: a names-tier result view, or a full-text hit
 * (`how: 'text'`, `matched` then names the field: `usage`, `body`…, and `snippet` is an excerpt,
 * safe HTML with the query terms in `<mark>`). `slug, kind, title, url, score, matched` are the
 * contract of `formulary search --json` and `GET /api/search` (issue 3).
 */
export interface SearchHit extends Omit<SearchResultView, 'how'> {
  how: MatchHow | 'text';
  snippet?: string;
}

/** A full-text hit as the full-text tier returns it (the fields the merge needs). */
export type TextHit = Pick<FulltextHit, 'slug' | 'kind' | 'title' | 'url' | 'banned' | 'matched' | 'snippet'>;

/**
 * Ranking tiers, best first. Exact names (including curated synonyms and combinations named by
 * their ingredients) always come first, then names that start with the query, then pages whose
 * text matches, then typo matches — so a fuzzy hit never outranks a real one, and a look-alike
 * name is never silently substituted (issue 3, safety). A brand's generic found through the brand
 * (`generic`) ranks with the names that start with the query: first among them, as the names tier
 * lists it right after its brand.
 */
const TIER_OF: Record<MatchHow, number> = { exact: 0, synonym: 0, combination: 0, prefix: 1, contains: 1, 'word-prefix': 1, fuzzy: 4, generic: 1 };
const TEXT_TIER = 2;
/** Where names that only start with the query go when the text comes first (see `MergeInput.textFirst`). */
const PREFIX_AFTER_TEXT = 3;
const TIERS = 5;

export interface MergeInput {
  names: NamesLookup;
  text: readonly TextHit[];
  limit: number;
  /**
   * The query is an abbreviation typed as one ("MS", "T2DM", "PD-1"): names that merely start with
   * it ("MSM", "Palladium (Pd) 103") rank below the pages about what it stands for. Exact names and
   * combinations still come first; typos still last.
   */
  textFirst?: boolean;
}

/**
 * One ranked list from both tiers: each page once, at its best tier, in tier order; within a tier
 * the tier's own order. Scores are `TIERS - tier` plus a fraction that falls with the position, so
 * they are comparable across queries only by tier.
 */
export function mergeTiers({ names, text, limit, textFirst = false }: MergeInput): { results: SearchHit[]; didYouMean: string | null } {
  const byTier: SearchHit[][] = Array.from({ length: TIERS }, () => []);
  const seen = new Set<string>();
  for (const m of names.results) {
    if (seen.has(m.url)) continue;
    seen.add(m.url);
    byTier[tierOf(m, textFirst)]!.push(fromName(m));
  }
  for (const t of text) {
    if (seen.has(t.url)) continue;
    seen.add(t.url);
    byTier[TEXT_TIER]!.push({ slug: t.slug, kind: t.kind, title: t.title, url: t.url, score: 0, matched: t.matched, how: 'text', banned: t.banned, snippet: t.snippet });
  }
  const results: SearchHit[] = [];
  byTier.forEach((hits, tier) => {
    hits.forEach((h, i) => {
      if (results.length < limit) results.push({ ...h, score: round(TIERS - tier + 0.999 * (1 - i / hits.length)) });
    });
  });
  const best = results[0];
  return { results, didYouMean: best?.how === 'fuzzy' ? names.didYouMean ?? best.matched : null };
}

/**
 * How many full-text hits a merged page of `limit` results can show: the limit less the pages
 * the names tier ranks above the text (each page once). The text tier need not make snippets for
 * more, nor for the pages the names tier shows (`mergeTiers` shows a page at its best tier only).
 */
export function textSlots(names: NamesLookup, limit: number, textFirst = false): number {
  const above = new Set<string>();
  for (const m of names.results) if (tierOf(m, textFirst) < TEXT_TIER) above.add(m.url);
  return Math.max(0, limit - above.size);
}

/** The merged list's tier of a name match. */
const tierOf = (m: NameMatch, textFirst: boolean): number => (textFirst && TIER_OF[m.how] === 1 ? PREFIX_AFTER_TEXT : TIER_OF[m.how]);

const fromName = (m: NameMatch): SearchHit => toResultView(m);

const round = (x: number): number => Math.round(x * 10_000) / 10_000;
