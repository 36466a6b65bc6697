/**
 * The V8 flags the CLI sets first thing (`bin/formulary.js`), before the heap grows; the benchmarks
 * set the same ones so they measure what a user runs. Measured in docs/DESIGN.md ("Memory"):
 *
 * - `--no-parallel-scavenge`: young-generation GC on one thread. V8's parallel scavenger sends
 *   helper threads onto the same two cores the build's worker threads use: normalization of the
 *   real corpora 12.2 s → 10.6 s on one thread, 10.0 s → 8.7 s on two.
 * - `--heap-growing-percent=50`: after a full GC the heap may grow by half its live size before
 *   the next one (V8 otherwise picks up to ×4, so garbage piles up to twice the live data). Real
 *   corpora and 250,000 brands: peak heap 1,588 → 1,012 MB, peak RSS 1,986 → 1,780 MB, build time
 *   within the machine's noise (266 s and 276 s).
 */
export const V8_FLAGS = '--no-parallel-scavenge --heap-growing-percent=50';
