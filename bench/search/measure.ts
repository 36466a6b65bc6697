import { percentile } from './metrics.js';
import type { Doc, Engine } from './types.js';

export interface Built {
  buildMs: number;
  sizeBytes: number | null;
}

/** Build `engine` over `docs`, timed, and read its index size. */
export async function build(engine: Engine, docs: readonly Doc[]): Promise<Built> {
  const t0 = performance.now();
  await engine.build(docs);
  const buildMs = performance.now() - t0;
  return { buildMs, sizeBytes: engine.sizeBytes ? engine.sizeBytes() : null };
}

export interface Latency {
  p50: number;
  p99: number;
  samples: number;
}

/** p50 and p99 of `samples` (milliseconds). */
export const latencyOf = (samples: readonly number[]): Latency => ({ p50: percentile(samples, 50), p99: percentile(samples, 99), samples: samples.length });

/**
 * Answers and warm latencies: one untimed pass gives each query's answer (and warms caches), then
 * `repeat` timed passes over all queries, in process, one query at a time. Returns, per query, its
 * answer and its timings in milliseconds.
 */
export async function run(engine: Engine, queries: readonly string[], limit: number, repeat: number): Promise<{ answers: string[][]; times: number[][] }> {
  const answers: string[][] = [];
  for (const q of queries) answers.push(await engine.search(q, limit));
  const times: number[][] = queries.map(() => []);
  for (let r = 0; r < repeat; r++) {
    for (let i = 0; i < queries.length; i++) {
      const t0 = performance.now();
      await engine.search(queries[i]!, limit);
      times[i]!.push(performance.now() - t0);
    }
  }
  return { answers, times };
}
