/**
 * Relevance and latency metrics of the search benchmark. `ranked` is an engine's answer (URLs,
 * best first); `expect` the judged relevant URLs, best first (`expect[0]` is the one right answer).
 */

/** Cut-off of MRR, nDCG and recall. */
export const K = 10;

/** 1 when the first result is `expect[0]`, else 0. */
export function top1(ranked: readonly string[], expect: readonly string[]): number {
  return ranked.length > 0 && ranked[0] === expect[0] ? 1 : 0;
}

/** 1 / rank of the first relevant result within the top `k`, 0 when there is none. */
export function reciprocalRank(ranked: readonly string[], expect: readonly string[], k = K): number {
  const relevant = new Set(expect);
  const i = ranked.slice(0, k).findIndex((u) => relevant.has(u));
  return i < 0 ? 0 : 1 / (i + 1);
}

/** Graded gain of a URL: 2 for `expect[0]`, 1 for the other expected pages, 0 otherwise. */
const gain = (url: string, expect: readonly string[]): number => (url === expect[0] ? 2 : expect.includes(url) ? 1 : 0);

/** nDCG@k with gains 2 (`expect[0]`) and 1 (the other expected pages), discount log2(rank + 1). */
export function ndcg(ranked: readonly string[], expect: readonly string[], k = K): number {
  const dcg = (gains: readonly number[]): number => gains.slice(0, k).reduce((s, g, i) => s + g / Math.log2(i + 2), 0);
  const seen = new Set<string>();
  // A URL listed twice counts once.
  const gains = ranked.slice(0, k).map((u) => (seen.has(u) ? 0 : (seen.add(u), gain(u, expect))));
  const ideal = dcg([...new Set(expect)].map((u) => gain(u, expect)));
  return ideal === 0 ? 0 : dcg(gains) / ideal;
}

/**
 * Fraction of the expected pages found in the top `k`. The denominator is capped at `k`, so a
 * query with more than `k` relevant pages can still score 1 with a perfect top `k`.
 */
export function recall(ranked: readonly string[], expect: readonly string[], k = K): number {
  const want = new Set(expect);
  if (want.size === 0) return 0;
  const found = new Set(ranked.slice(0, k).filter((u) => want.has(u))).size;
  return found / Math.min(want.size, k);
}

/** 1 when the first result is one of the `safety` pages (a different drug that must never win). */
export function safetyViolation(ranked: readonly string[], safety: readonly string[] = []): number {
  return ranked.length > 0 && safety.includes(ranked[0]!) ? 1 : 0;
}

/** The `p`-th percentile (0–100) by the nearest-rank method; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Arithmetic mean; NaN for no values. */
export const mean = (xs: readonly number[]): number => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);

export interface QueryScores {
  top1: number;
  mrr: number;
  ndcg: number;
  recall: number;
  safety: number;
}

/** Every relevance metric of one answer. */
export function scoreQuery(ranked: readonly string[], expect: readonly string[], safety?: readonly string[]): QueryScores {
  return {
    top1: top1(ranked, expect),
    mrr: reciprocalRank(ranked, expect),
    ndcg: ndcg(ranked, expect),
    recall: recall(ranked, expect),
    safety: safetyViolation(ranked, safety),
  };
}

/** Means of `top1`, `mrr`, `ndcg`, `recall` and the count of safety violations. */
export function summarize(scores: readonly QueryScores[]): QueryScores & { queries: number } {
  return {
    queries: scores.length,
    top1: mean(scores.map((s) => s.top1)),
    mrr: mean(scores.map((s) => s.mrr)),
    ndcg: mean(scores.map((s) => s.ndcg)),
    recall: mean(scores.map((s) => s.recall)),
    safety: scores.reduce((a, s) => a + s.safety, 0),
  };
}
