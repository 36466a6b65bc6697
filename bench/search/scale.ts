import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from './documents.js';
import type { EngineName } from './engines/index.js';
import type { Latency } from './measure.js';
import type { Doc } from './types.js';

/**
 * Latency at scale: N synthetic documents written by the shared corpus generator
 * (`generate.mjs --count N`, invented drugs in both real formats; about 0.5 ms a file here), then
 * normalized and linked 5,000 files at a time (about 1.5 ms a file). Both steps are cached under
 * bench/.cache/synthetic-N/. Each engine then runs in its own process (see scale-child.ts) so that
 * its peak memory (RSS) is its own and a crash or time-out only loses that engine. Relevance is
 * not measured: the synthetic corpus has no judged queries.
 */

export interface ScaleOptions {
  count: number;
  engines: readonly EngineName[];
  cacheDir: string;
  /** The shared corpus folder (holds generate.mjs). */
  corpusDir: string;
  /** Queries run besides the generated ones (the judged queries' text). */
  queries: readonly string[];
  repeat: number;
  /** Per engine, build and search together. */
  timeoutMs?: number;
}

export type ScaleEngineResult =
  | ({ name: string; ok: true; buildMs: number; sizeBytes: number | null; maxRssMb: number } & Latency)
  | { name: string; ok: false; error: string };

export interface ScaleResult {
  documents: number;
  source: string;
  generateMs: number | null;
  normalizeMs: number | null;
  queries: number;
  engines: ScaleEngineResult[];
}

function failure(child: SpawnSyncReturns<string>, timeoutMs: number): string {
  if ((child.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') {
    // scale-child.ts reports on stderr when its build is done.
    const built = /built in [\d.]+ s/.exec(child.stderr)?.[0];
    return `did not finish within ${timeoutMs / 60_000} min (${built ?? 'still building'})`;
  }
  if (child.error) return child.error.message;
  const lines = child.stderr.trim().split('\n');
  return `exit ${child.status ?? child.signal}: ${lines.find((l) => /\b\w*Error\b/.test(l))?.trim() ?? lines.slice(-3).join(' / ')}`;
}

/** Names typed three ways: whole, a 5-letter prefix, and with two middle letters swapped (a typo). */
export function scaleQueries(docs: readonly Doc[], n = 100): string[] {
  const out: string[] = [];
  for (let i = 0; i < n && docs.length > 0; i++) {
    const t = docs[Math.floor((i * docs.length) / n)]!.title;
    const m = Math.floor(t.length / 2);
    out.push(t, t.slice(0, 5), t.length > 5 ? t.slice(0, m - 1) + t[m] + t[m - 1] + t.slice(m + 1) : t);
  }
  return out;
}

export async function runScale(o: ScaleOptions): Promise<ScaleResult> {
  const dir = join(o.cacheDir, `synthetic-${o.count}`);
  const md = join(dir, 'md');
  let generateMs: number | null = null;
  if (!existsSync(join(md, 'manifest.json'))) {
    console.log(`scale: generating ${o.count} synthetic monographs…`);
    const t0 = performance.now();
    execFileSync(process.execPath, [join(o.corpusDir, 'generate.mjs'), '--count', String(o.count), '--out', md, '--seed', '1'], { stdio: 'inherit' });
    generateMs = performance.now() - t0;
  }
  const t1 = performance.now();
  let corpus: Awaited<ReturnType<typeof loadCorpus>> | null = await loadCorpus([md], dir, 5000);
  // Generating and normalizing happen once per N; their times are kept beside the cache.
  const timingsFile = join(dir, 'timings.json');
  const kept = existsSync(timingsFile) ? (JSON.parse(readFileSync(timingsFile, 'utf8')) as { generateMs: number | null; normalizeMs: number | null }) : null;
  const normalizeMs = corpus.cached ? (kept?.normalizeMs ?? null) : performance.now() - t1;
  generateMs ??= kept?.generateMs ?? null;
  if (!corpus.cached) writeFileSync(timingsFile, JSON.stringify({ generateMs, normalizeMs }));
  const documents = corpus.docs.length;
  const cached = corpus.cached;
  const corpusFile = corpus.file;
  const queries = [...scaleQueries(corpus.docs), ...o.queries];
  corpus = null; // each engine's process reads the corpus itself
  const queriesFile = join(dir, 'queries.json');
  mkdirSync(dir, { recursive: true });
  writeFileSync(queriesFile, JSON.stringify(queries));
  console.log(`scale: ${documents} documents${normalizeMs === null ? '' : ` (normalized in ${(normalizeMs / 1000).toFixed(0)} s${cached ? ', cached' : ''})`}, ${queries.length} queries`);

  const engines: ScaleEngineResult[] = [];
  const timeoutMs = o.timeoutMs ?? 20 * 60_000;
  for (const name of o.engines) {
    process.stdout.write(`scale: ${name}… `);
    const args = { engine: name, corpusFile, contentDirs: [md], cacheDir: join(dir, 'formulary'), queriesFile, repeat: o.repeat };
    const child = spawnSync(process.execPath, ['--max-old-space-size=16384', '--import', 'tsx', join(import.meta.dirname, 'scale-child.ts'), JSON.stringify(args)], {
      encoding: 'utf8',
      timeout: timeoutMs,
      maxBuffer: 1 << 26,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const last = child.stdout.trim().split('\n').pop() ?? '';
    const result: ScaleEngineResult =
      child.status === 0 && last.startsWith('{')
        ? { ok: true, ...(JSON.parse(last) as Omit<Extract<ScaleEngineResult, { ok: true }>, 'ok'>) }
        : { name, ok: false, error: failure(child, timeoutMs) };
    engines.push(result);
    console.log(result.ok ? `build ${(result.buildMs / 1000).toFixed(1)} s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, peak RSS ${result.maxRssMb.toFixed(0)} MB` : `failed: ${result.error}`);
  }
  return { documents, source: `generate.mjs --count ${o.count} --seed 1`, generateMs, normalizeMs, queries: queries.length, engines };
}
