/**
 * Search benchmark (issue 3): relevance and latency of our engine and its peers (MiniSearch,
 * Orama, Pagefind) over both real corpora, side by side, same run, same judged queries. Prints a
 * table and writes bench/results/search.json (with a per-query list of misses to study).
 * A benchmark, not a test: nothing here asserts a target.
 *
 *   npm run bench:search [-- --queries FILE] [--engines minisearch,orama] [--repeat 5] [--scale [N]] [--scale-timeout MIN] [--scale-only] [--out FILE]
 *
 * --scale [N] (N = 250000 by default) also measures build time, latency and memory, not relevance,
 * at N synthetic documents (see scale.ts), each engine given --scale-timeout minutes (20);
 * --scale-only skips the relevance part (write it elsewhere with --out).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from './documents.js';
import { createEngine, ENGINE_NAMES, isEngineName, type EngineName } from './engines/index.js';
import { build, latencyOf, run, type Built, type Latency } from './measure.js';
import { K, scoreQuery, summarize, type QueryScores } from './metrics.js';
import { runScale, type ScaleResult } from './scale.js';
import { QUERY_TYPES, QueryFileSchema, type JudgedQuery, type QueryType } from './types.js';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '../..');
const DEFAULT_SCALE = 250_000;

// `--scale` may come without a value: give it the default before parseArgs sees it.
const argv = process.argv.slice(2).flatMap((a, i, all) => (a === '--scale' && !/^\d+$/.test(all[i + 1] ?? '') ? [a, String(DEFAULT_SCALE)] : [a]));
const { values } = parseArgs({
  args: argv,
  options: {
    queries: { type: 'string', default: join(HERE, 'queries.json') },
    corpus: { type: 'string', default: join(ROOT, '..', 'shared', 'corpus') },
    engines: { type: 'string', default: ENGINE_NAMES.join(',') },
    repeat: { type: 'string', default: '5' },
    scale: { type: 'string' },
    'scale-timeout': { type: 'string', default: '20' },
    'scale-only': { type: 'boolean', default: false },
    out: { type: 'string', default: join(ROOT, 'bench/results/search.json') },
  },
});
const engineNames = values.engines.split(',').map((s) => s.trim());
const unknown = engineNames.filter((n) => !isEngineName(n));
if (unknown.length > 0) throw new Error(`bench:search: unknown engine "${unknown.join('", "')}" (known: ${ENGINE_NAMES.join(', ')})`);
const repeat = Number(values.repeat);
const CACHE = join(ROOT, 'bench/.cache');
const corpusDirs = ['rxhive-astro', 'rxhive-jekyll'].map((d) => join(resolve(values.corpus), d));

// ---- queries --------------------------------------------------------------------------------------

function loadQueries(file: string): { file: string; queries: JudgedQuery[] } {
  if (!existsSync(file)) {
    const sample = join(HERE, 'queries.sample.json');
    console.warn(`warning: ${relative(ROOT, file)} does not exist; using the small sample ${relative(ROOT, sample)}`);
    file = sample;
  }
  const parsed = QueryFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`bench:search: ${file} is not a query file: ${parsed.error.message}`);
  return { file, queries: parsed.data.queries };
}

// ---- run --------------------------------------------------------------------------------------------

const t0 = performance.now();
const corpus = await loadCorpus(corpusDirs, CACHE);
console.log(`corpus: ${corpus.docs.length} documents (${corpus.cached ? 'cached' : 'normalized'} in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
const { file: queryFile, queries } = loadQueries(resolve(values.queries));
const urls = new Set(corpus.docs.map((d) => d.url));
const missing = [...new Set(queries.flatMap((q) => [...q.expect, ...(q.safety ?? [])]).filter((u) => !urls.has(u)))];
if (missing.length > 0) console.warn(`warning: ${missing.length} judged URLs are not pages of the corpus: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`);
const types = QUERY_TYPES.filter((t) => queries.some((q) => q.type === t));
console.log(`queries: ${queries.length} from ${relative(ROOT, queryFile)} (${types.map((t) => `${t} ${queries.filter((q) => q.type === t).length}`).join(', ')})`);

interface EngineResult extends Built {
  name: string;
  overall: ReturnType<typeof summarize> & Latency;
  byType: Partial<Record<QueryType, ReturnType<typeof summarize> & Latency>>;
  answers: string[][];
}

const results: EngineResult[] = [];
const errors: { engine: string; error: string }[] = [];
for (const id of values['scale-only'] ? [] : (engineNames as EngineName[])) {
  const engine = await createEngine(id, { contentDirs: corpusDirs, entries: corpus.entries, cacheDir: join(CACHE, 'formulary') });
  process.stdout.write(`${engine.name}: building… `);
  try {
    const built = await build(engine, corpus.docs);
    process.stdout.write(`${(built.buildMs / 1000).toFixed(1)} s; searching… `);
    const { answers, times } = await run(
      engine,
      queries.map((q) => q.q),
      K,
      repeat,
    );
    const scores: QueryScores[] = queries.map((q, i) => scoreQuery(answers[i]!, q.expect, q.safety));
    const group = (pick: (q: JudgedQuery) => boolean): ReturnType<typeof summarize> & Latency => ({
      ...summarize(scores.filter((_, i) => pick(queries[i]!))),
      ...latencyOf(times.filter((_, i) => pick(queries[i]!)).flat()),
    });
    const byType: EngineResult['byType'] = {};
    for (const t of types) byType[t] = group((q) => q.type === t);
    results.push({ name: engine.name, ...built, overall: group(() => true), byType, answers });
    console.log('done');
  } catch (e) {
    // One engine failing (ours is being written) must not lose the others' results.
    errors.push({ engine: engine.name, error: (e as Error).stack ?? String(e) });
    console.log(`failed: ${(e as Error).message}`);
  } finally {
    await engine.close?.();
  }
}

// ---- table ------------------------------------------------------------------------------------------

const pct = (x: number): string => (Number.isNaN(x) ? '–' : `${(100 * x).toFixed(1)}%`);
const ms = (x: number): string => (Number.isNaN(x) ? '–' : x < 1 ? `${(x * 1000).toFixed(0)} µs` : `${x.toFixed(2)} ms`);
const ROWS: [string, (s: ReturnType<typeof summarize> & Latency) => string][] = [
  ['top-1', (s) => pct(s.top1)],
  ['MRR', (s) => s.mrr.toFixed(3)],
  [`nDCG@${K}`, (s) => s.ndcg.toFixed(3)],
  [`recall@${K}`, (s) => pct(s.recall)],
  ['safety violations', (s) => String(s.safety)],
  ['p50', (s) => ms(s.p50)],
  ['p99', (s) => ms(s.p99)],
];
const header = ['engine', 'metric', `overall (${queries.length})`, ...types.map((t) => `${t} (${queries.filter((q) => q.type === t).length})`)];
const rows: string[][] = [header];
for (const r of results) {
  for (const [label, f] of ROWS) rows.push([label === 'top-1' ? r.name : '', label, f(r.overall), ...types.map((t) => f(r.byType[t]!))]);
  const size = r.sizeBytes === null ? '–' : `${(r.sizeBytes / 1024).toFixed(0)} KiB`;
  rows.push(['', 'build / size', `${(r.buildMs / 1000).toFixed(2)} s / ${size}`, ...types.map(() => '')]);
}
const widths = header.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
const line = (row: string[]): string => row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
const table = [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
if (results.length > 0) console.log(`\n${table}\n`);

// ---- misses and scale ---------------------------------------------------------------------------

const failures = queries.flatMap((q, i) => {
  const missed = results.filter((r) => r.answers[i]![0] !== q.expect[0] || (q.safety ?? []).includes(r.answers[i]![0] ?? ''));
  if (missed.length === 0) return [];
  const engines = Object.fromEntries(
    results.map((r) => {
      const a = r.answers[i]!;
      const rank = a.indexOf(q.expect[0]!);
      return [r.name, { first: a[0] ?? null, expectedRank: rank < 0 ? null : rank + 1, top3: a.slice(0, 3) }];
    }),
  );
  return [{ q: q.q, type: q.type, expected: q.expect[0], engines }];
});

let scale: ScaleResult | null = null;
if (values.scale !== undefined) {
  scale = await runScale({
    count: Number(values.scale),
    engines: engineNames as EngineName[],
    cacheDir: CACHE,
    corpusDir: resolve(values.corpus),
    queries: queries.map((q) => q.q),
    repeat,
    timeoutMs: Number(values['scale-timeout']) * 60_000,
  });
}

const version = (pkg: string): string => (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
mkdirSync(resolve(values.out, '..'), { recursive: true });
writeFileSync(
  values.out,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      corpus: { dirs: corpusDirs, documents: corpus.docs.length },
      queries: { file: relative(ROOT, queryFile), count: queries.length, byType: Object.fromEntries(types.map((t) => [t, queries.filter((q) => q.type === t).length])) },
      repeat,
      versions: { node: process.version, minisearch: version('minisearch'), '@orama/orama': version('@orama/orama'), pagefind: version('pagefind') },
      engines: results.map(({ answers: _, ...r }) => r),
      table,
      errors,
      failures,
      scale,
    },
    null,
    2,
  )}\n`,
);
console.log(`${failures.length} queries missed by at least one engine; written to ${relative(ROOT, values.out)}`);
