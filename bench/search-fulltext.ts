import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { buildCatalog, type Catalog } from '../src/catalog/index.js';
import { discover } from '../src/content/index.js';
import { pagePath, type CatalogEntry } from '../src/model/index.js';
import { normalizeFile } from '../src/normalize/index.js';
import { createFulltextWriter, openFulltextIndex, writeFulltextIndex, type FulltextIndex } from '../src/search/fulltext/index.js';
import { fnv1a32 } from '../src/util/hash.js';

/**
 * Full-text search benchmark (not a test, not in package.json):
 *
 *   node --import tsx bench/search-fulltext.ts [--syn DIR] [--reuse] [--runs N]
 *
 * 1. Loads both real corpora (../shared/corpus/rxhive-*: discover → normalize → buildCatalog; the
 *    catalog is cached as JSON under the temp dir, `--reuse` reads it), writes the index `--runs`
 *    times (wall and CPU ms, size), and once without alternate sources.
 * 2. Times `search` over ~300 realistic queries (diseases, targets, common words, one- to
 *    six-letter prefixes, titles, partly typed titles, brand names): each query once to warm up,
 *    then three timed runs; p50/p95/p99/max of wall and CPU time, overall and per kind of query.
 * 3. With `--syn DIR` (default /tmp/syn250k, made by `node ../shared/corpus/generate.mjs --count
 *    250000 --out /tmp/syn250k`): normalizes every generated file (in a fixed hash order, as the
 *    writer wants), streams them into an index, and runs the same measurements at that size.
 *    `--reuse` keeps an index built by an earlier run.
 * Prints a table and writes bench/results/search-fulltext.json. The machine's load average is
 * recorded: wall times on a shared machine vary with it, CPU times much less.
 */

const { values: opt } = parseArgs({
  options: {
    syn: { type: 'string', default: '/tmp/syn250k' },
    reuse: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
  },
});
const RUNS = Math.max(1, Number(opt.runs));
const CORPUS = new URL('../../shared/corpus/', import.meta.url);
const WORK = join(tmpdir(), 'formulary-bench-fulltext');
mkdirSync(WORK, { recursive: true });

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};
const round = (x: number, digits = 2): number => Number(x.toFixed(digits));
const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const hash32 = fnv1a32;

// ---------------------------------------------------------------------------------------------
// corpora

function realCatalog(): Catalog {
  const cache = join(WORK, 'real-catalog.json');
  if (opt.reuse && existsSync(cache)) {
    const entries = JSON.parse(readFileSync(cache, 'utf8')) as CatalogEntry[];
    return { entries, byKey: new Map(), redirects: new Map(), substitutes: new Map(), registry: [], diagnostics: [] };
  }
  const files = ['rxhive-astro', 'rxhive-jekyll'].flatMap((d) => discover(new URL(d, CORPUS).pathname));
  const t0 = performance.now();
  const monographs = files.flatMap((f) => normalizeFile({ file: f.file, bytes: readFileSync(f.abs), kindHint: f.kindHint }).monograph ?? []);
  const catalog = buildCatalog(monographs);
  console.log(`real corpus: ${files.length} files → ${catalog.entries.length} pages in ${Math.round(performance.now() - t0)} ms`);
  writeFileSync(cache, JSON.stringify(catalog.entries));
  return catalog;
}

interface SynBuild {
  documents: number;
  bytes: number;
  normalizeMs: number;
  writeMs: number;
  writeCpuMs: number;
}

/** Normalize every generated file and stream it into an index (the catalog of 250k pages is never held). */
function buildSynthetic(dir: string, file: string): SynBuild {
  const files = discover(dir).sort((a, b) => hash32(a.file) - hash32(b.file));
  const seen = new Set<string>();
  let normalizeMs = 0;
  let writeMs = 0;
  let writeCpu = 0;
  let c = process.cpuUsage();
  let t = performance.now();
  const w = createFulltextWriter(file);
  writeMs += performance.now() - t;
  writeCpu += cpuMs(c);
  for (const [i, f] of files.entries()) {
    t = performance.now();
    const m = normalizeFile({ file: f.file, bytes: readFileSync(f.abs), kindHint: f.kindHint }).monograph;
    normalizeMs += performance.now() - t;
    if (m === null || seen.has(`${m.kind}:${m.slug}`)) continue;
    seen.add(`${m.kind}:${m.slug}`);
    const entry: CatalogEntry = {
      monograph: m,
      url: pagePath(m.kind, m.slug),
      banned: { value: m.isBanned, from: 'self', registry: null },
      links: { ingredients: [], combinations: [], brands: [], generic: null },
    };
    c = process.cpuUsage();
    t = performance.now();
    w.add(entry);
    writeMs += performance.now() - t;
    writeCpu += cpuMs(c);
    if ((i + 1) % 25_000 === 0) console.log(`  ${i + 1}/${files.length} files`);
  }
  c = process.cpuUsage();
  t = performance.now();
  const r = w.finish();
  writeMs += performance.now() - t;
  writeCpu += cpuMs(c);
  return { documents: r.documents, bytes: r.bytes, normalizeMs: Math.round(normalizeMs), writeMs: Math.round(writeMs), writeCpuMs: Math.round(writeCpu) };
}

// ---------------------------------------------------------------------------------------------
// queries

const DISEASES = [
  'hypertension', 'diabetes', 'type 2 diabetes', 'asthma', 'migraine', 'psoriasis', 'epilepsy', 'tuberculosis', 'malaria',
  'hiv', 'hepatitis b', 'rheumatoid arthritis', 'multiple myeloma', 'multiple sclerosis', 'breast cancer', 'lung cancer',
  'leukemia', 'leukaemia', 'lymphoma', 'heart failure', 'angina', 'atrial fibrillation', 'stroke', 'depression', 'anxiety',
  'schizophrenia', 'parkinson', 'alzheimer', 'osteoporosis', 'gout', 'acne', 'eczema', 'urinary tract infection', 'pneumonia',
  'influenza', 'covid-19', 'anemia', 'hypothyroidism', 'glaucoma', 'constipation', 'diarrhea', 'gerd', 'peptic ulcer',
  'ulcerative colitis', "crohn's disease", 'deep vein thrombosis', 'fever', 'cough', 'common cold', 'insomnia', 'obesity',
  'high cholesterol', 'hypercholesterolaemia', 'invasive aspergillosis', 'chronic plaque psoriasis', 'nausea and vomiting',
];
const TARGETS = [
  'CD20', 'CD38', 'CD52', 'CD6', 'CD4', 'HER2', 'EGFR', 'VEGF', 'TNF', 'TNF-alpha', 'IL-6', 'IL-17A', 'PD-1', 'PD-L1',
  'proton pump', 'ACE inhibitor', 'beta blocker', 'calcium channel blocker', 'COX-2', 'DPP-4', 'SGLT2', 'HMG-CoA reductase',
  'tyrosine kinase', 'monoclonal antibody', 'H2 receptor', 'dopamine', 'serotonin', 'GABA', 'beta-lactamase', 'viral polymerase',
];
const COMMON = [
  'tablet', 'tablets', 'the', 'side effects', 'dose', 'pain', 'infection', 'injection', 'children', 'pregnancy', 'used for',
  'headache', 'blood pressure', 'kidney', 'liver', 'capsule', 'syrup', 'cream', 'allergic reaction', 'vitamin', 'what is',
  'how to take', 'can i take', 'breastfeeding', 'elderly patients',
];
const PREFIXES = [
  ...'abcdefghijklmnopqrstuvwxyz',
  'pa', 'me', 'hy', 'ce', 'am', 'di', 'an', 'pr',
  'par', 'ant', 'hyp', 'met', 'pro', 'dia', 'cef', 'ome',
  'hypert', 'psoria', 'diabe', 'asthm', 'infect', 'effect', 'inhib', 'antib',
];

interface Query {
  kind: string;
  q: string;
}

/** The fixed lists plus titles, partly typed titles and brand names sampled from the index itself. */
function queriesFor(dbFile: string): Query[] {
  const db = new Database(dbFile, { readonly: true });
  const n = db.prepare<[], number>('SELECT count(*) FROM docs').pluck().get() ?? 0;
  const step = Math.max(1, Math.floor(n / 80));
  const titles = db.prepare<[number], string>('SELECT title FROM docs WHERE id % ? = 1 LIMIT 80').pluck().all(step);
  const names = db
    .prepare<[number], string>("SELECT names FROM docs WHERE names != '' AND id % ? = 3 LIMIT 200")
    .pluck()
    .all(Math.max(1, Math.floor(n / 400)))
    .flatMap((s) => s.split(' · ').slice(0, 1))
    .filter((s) => s.length >= 3 && s.length <= 30)
    .slice(0, 30);
  db.close();
  return [
    ...DISEASES.map((q) => ({ kind: 'disease', q })),
    ...TARGETS.map((q) => ({ kind: 'target', q })),
    ...COMMON.map((q) => ({ kind: 'common word', q })),
    ...PREFIXES.map((q) => ({ kind: `prefix ${q.length <= 2 ? q.length : '3-6'}`, q })),
    ...titles.map((q) => ({ kind: 'title', q })),
    ...titles.slice(0, 40).map((q) => ({ kind: 'typed title', q: q.slice(0, Math.max(2, Math.ceil(q.length * 0.6))) })),
    ...names.map((q) => ({ kind: 'brand', q })),
  ];
}

interface Latency {
  queries: number;
  samples: number;
  wall: { p50: number; p95: number; p99: number; max: number; mean: number };
  cpu: { p50: number; p99: number };
  inexact: number;
  byKind: Record<string, { n: number; p50: number; p99: number; max: number }>;
  slowest: { q: string; ms: number; total: number }[];
}

function measure(index: FulltextIndex, queries: Query[]): Latency {
  for (const { q } of queries) index.search(q);
  const wall: number[] = [];
  const cpu: number[] = [];
  const byKind = new Map<string, number[]>();
  const worst = new Map<string, { ms: number; total: number }>();
  let inexact = 0;
  for (let run = 0; run < 3; run++) {
    for (const { kind, q } of queries) {
      const c = process.cpuUsage();
      const t = performance.now();
      const r = index.search(q, { limit: 10 });
      const ms = performance.now() - t;
      cpu.push(cpuMs(c));
      wall.push(ms);
      if (run === 0 && !r.exact) inexact++;
      const list = byKind.get(kind) ?? [];
      list.push(ms);
      byKind.set(kind, list);
      if (ms > (worst.get(q)?.ms ?? -1)) worst.set(q, { ms, total: r.total });
    }
  }
  const w = [...wall].sort((a, b) => a - b);
  const cs = [...cpu].sort((a, b) => a - b);
  const kinds: Latency['byKind'] = {};
  for (const [k, list] of byKind) {
    list.sort((a, b) => a - b);
    kinds[k] = { n: list.length / 3, p50: round(pct(list, 50)), p99: round(pct(list, 99)), max: round(list.at(-1) ?? 0) };
  }
  return {
    queries: queries.length,
    samples: wall.length,
    wall: { p50: round(pct(w, 50)), p95: round(pct(w, 95)), p99: round(pct(w, 99)), max: round(w.at(-1) ?? 0), mean: round(w.reduce((a, b) => a + b, 0) / w.length) },
    cpu: { p50: round(pct(cs, 50)), p99: round(pct(cs, 99)) },
    inexact,
    byKind: kinds,
    slowest: [...worst]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 8)
      .map(([q, v]) => ({ q, ms: round(v.ms), total: v.total })),
  };
}

function open(file: string): FulltextIndex {
  const index = openFulltextIndex(file);
  if ('problem' in index) throw new Error(index.problem);
  return index;
}

// ---------------------------------------------------------------------------------------------
// run

const load0 = loadavg()[0] ?? 0;
const catalog = realCatalog();
const realFile = join(WORK, 'real.db');
const writes: { ms: number; cpuMs: number; bytes: number }[] = [];
for (let i = 0; i < RUNS; i++) {
  const c = process.cpuUsage();
  const r = writeFulltextIndex(catalog, realFile);
  writes.push({ ms: Math.round(r.ms), cpuMs: Math.round(cpuMs(c)), bytes: r.bytes });
}
const c1 = process.cpuUsage();
const noAlt = writeFulltextIndex(catalog, join(WORK, 'real-no-alternates.db'), { alternates: false });
const noAltCpu = Math.round(cpuMs(c1));
rmSync(join(WORK, 'real-no-alternates.db'), { force: true });

const realIndex = open(realFile);
const realQueries = queriesFor(realFile);
const realLatency = measure(realIndex, realQueries);
realIndex.close();

let synthetic: { build: SynBuild | 'reused'; bytes: number; documents: number; latency: Latency } | { skipped: string } = {
  skipped: `no generated corpus at ${opt.syn}`,
};
if (existsSync(opt.syn)) {
  const synFile = join(WORK, 'syn.db');
  const buildFile = join(WORK, 'syn.build.json');
  let build: SynBuild | 'reused' = 'reused';
  if (!(opt.reuse && existsSync(synFile))) {
    console.log(`normalizing and indexing ${opt.syn} …`);
    build = buildSynthetic(opt.syn, synFile);
    writeFileSync(buildFile, JSON.stringify(build));
  } else if (existsSync(buildFile)) {
    // The figures of the run that built the reused index.
    build = JSON.parse(readFileSync(buildFile, 'utf8')) as SynBuild;
  }
  const index = open(synFile);
  const latency = measure(index, queriesFor(synFile));
  synthetic = { build, bytes: statSync(synFile).size, documents: index.documents, latency };
  index.close();
}

const median = [...writes].sort((a, b) => a.ms - b.ms)[Math.floor(writes.length / 2)]!;
const result = {
  date: new Date().toISOString(),
  node: process.version,
  loadAverage: { start: round(load0), end: round(loadavg()[0] ?? 0) },
  real: {
    documents: catalog.entries.length,
    write: { runs: writes, median, bytes: median.bytes },
    writeWithoutAlternates: { ms: Math.round(noAlt.ms), cpuMs: noAltCpu, bytes: noAlt.bytes },
    latency: realLatency,
  },
  synthetic,
};

const mb = (b: number): string => `${(b / 1e6).toFixed(1)} MB`;
const rows: string[][] = [
  ['', 'real corpus', 'synthetic'],
  ['documents', String(result.real.documents), 'skipped' in synthetic ? '-' : String(synthetic.documents)],
  [
    'write (wall / CPU)',
    `${median.ms} / ${median.cpuMs} ms (${(median.ms / catalog.entries.length).toFixed(3)} ms/page)`,
    'skipped' in synthetic || synthetic.build === 'reused' ? '-' : `${synthetic.build.writeMs} / ${synthetic.build.writeCpuMs} ms`,
  ],
  ['size', mb(result.real.write.bytes), 'skipped' in synthetic ? '-' : mb(synthetic.bytes)],
  ['write without alternates', `${result.real.writeWithoutAlternates.ms} / ${noAltCpu} ms, ${mb(noAlt.bytes)}`, ''],
];
const lat = (l: Latency | undefined, k: 'p50' | 'p95' | 'p99' | 'max'): string => (l === undefined ? '-' : `${l.wall[k]} ms`);
const synLat = 'skipped' in synthetic ? undefined : synthetic.latency;
rows.push(['queries', String(realLatency.queries), synLat ? String(synLat.queries) : '-']);
for (const k of ['p50', 'p95', 'p99', 'max'] as const) rows.push([`search ${k} (wall)`, lat(realLatency, k), lat(synLat, k)]);
rows.push(['search p50 / p99 (CPU)', `${realLatency.cpu.p50} / ${realLatency.cpu.p99} ms`, synLat ? `${synLat.cpu.p50} / ${synLat.cpu.p99} ms` : '-']);
rows.push(['estimated totals', String(realLatency.inexact), synLat ? String(synLat.inexact) : '-']);
const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(width[i]!)).join('  '));
console.log(`\nload average ${result.loadAverage.start} → ${result.loadAverage.end}`);
for (const [name, l] of [['real', realLatency], ['synthetic', synLat]] as const) {
  if (l === undefined) continue;
  console.log(`\n${name}: by kind of query (wall ms)`);
  for (const [k, v] of Object.entries(l.byKind)) console.log(`  ${k.padEnd(12)} n=${String(v.n).padEnd(4)} p50 ${v.p50}  p99 ${v.p99}  max ${v.max}`);
  console.log(`  slowest: ${l.slowest.map((s) => `${JSON.stringify(s.q)} ${s.ms} ms`).join(', ')}`);
}
mkdirSync(new URL('results/', import.meta.url), { recursive: true });
writeFileSync(new URL('results/search-fulltext.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
