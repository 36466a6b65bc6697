import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extractClinicalFacts, type ClinicalFacts } from '../src/clinical/index.js';
import { discover, type DiscoveredFile } from '../src/content/index.js';
import type { Monograph } from '../src/model/index.js';
import { normalizeFile } from '../src/normalize/index.js';
import { CONTRACT_FIELDS, emptyScore, f1, GOLD_FIELDS, precision, recall, scorePage, type Expected, type Field, type Score } from './extract-score.js';
import { HELD_OUT_SPLIT, HOLDOUT_SPLITS, loadGold, UNFINISHED_SPLITS, type GoldFile, type GoldSplit } from './extract-gold.js';

/**
 * Extraction benchmark (npm run bench:extract): clinical facts against
 * (a) the synthetic generator's manifest (`--count 2000 --seed 1` into a temp dir), and
 * (b) the hand-checked gold file `test/fixtures/clinical/gold.json` (the five seeds and real
 * pages of ../shared/corpus; the corpus part is skipped when the corpus is absent).
 * Prints precision, recall and F1 per source and per field, and ms per page for the extraction
 * alone (normalization excluded); writes bench/results/extract.json.
 */

const { values: opt } = parseArgs({
  options: {
    count: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    errors: { type: 'string', default: '0' },
  },
});
const COUNT = Number(opt.count);
const SEED = Number(opt.seed);
const SHOW_ERRORS = Number(opt.errors);
const REPO = fileURLToPath(new URL('../', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

const pregnancyErrors: string[] = [];
const pct = (v: number): string => `${(100 * v).toFixed(2)} %`;

function load(f: DiscoveredFile): Monograph | null {
  return normalizeFile({ file: f.file, bytes: readFileSync(f.abs), kindHint: f.kindHint }).monograph;
}

/**
 * Extract from every monograph, timing the extraction only. Each timed pass runs on fresh copies
 * (the extractor caches per section object, and a build extracts each page once); a first pass
 * warms the JIT; the best of three is kept.
 */
function extractAll(monographs: readonly Monograph[]): { facts: ClinicalFacts[]; msPerPage: number; cpuMsPerPage: number } {
  const json = JSON.stringify(monographs);
  let facts: ClinicalFacts[] = (JSON.parse(json) as Monograph[]).map((m) => extractClinicalFacts(m));
  let best = Infinity;
  let bestCpu = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const fresh = JSON.parse(json) as Monograph[];
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    facts = fresh.map((m) => extractClinicalFacts(m));
    best = Math.min(best, performance.now() - t0);
    const c = process.cpuUsage(c0);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
  }
  const n = Math.max(1, monographs.length);
  return { facts, msPerPage: best / n, cpuMsPerPage: bestCpu / n };
}

interface ManifestFile {
  path: string;
  error?: string | null;
  format?: 'rich' | 'minimal';
  class?: string;
  targets?: string[];
  regimens?: Record<string, unknown>[];
  pregnancy?: string;
}

interface Counts {
  correct: number;
  extracted: number;
  expected: number;
}
const counts = (): Counts => ({ correct: 0, extracted: 0, expected: 0 });
const countsPR = (c: Counts): { precision: number; recall: number } => ({ precision: c.extracted ? c.correct / c.extracted : 1, recall: c.expected ? c.correct / c.expected : 1 });

function synthetic(): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'formulary-extract-'));
  try {
    execFileSync(process.execPath, [join(CORPUS, 'generate.mjs'), '--count', String(COUNT), '--seed', String(SEED), '--out', dir], { stdio: 'ignore' });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: ManifestFile[] };
    const byPath = new Map(discover(dir).map((f) => [f.file.slice(f.file.indexOf('/') + 1), f]));
    const pages: { m: Monograph; truth: ManifestFile }[] = [];
    for (const t of manifest.files) {
      if (t.error || !t.regimens) continue;
      const f = byPath.get(t.path);
      const m = f ? load(f) : null;
      if (m) pages.push({ m, truth: t });
    }
    const { facts, msPerPage, cpuMsPerPage } = extractAll(pages.map((p) => p.m));
    const score = emptyScore();
    const preg = counts();
    const cls = counts();
    const tgt = counts();
    pages.forEach(({ m, truth }, i) => {
      const got = facts[i]!;
      const dosage = m.sections.filter((s) => s.id === 'dosage').map((s) => s.markdown).join('\n').toLowerCase();
      // The manifest gives every regimen an indication and `adult`; a page that never says so in
      // its dosage text (the minimal format; loading/maintenance bullets) is expected to give null.
      const want: Expected[] = truth.regimens!.map((r) => {
        const w: Expected = { ...(r as Expected) };
        if (typeof w.indication === 'string' && !dosage.includes(w.indication.toLowerCase())) w.indication = null;
        if (w.population === 'adult' && !/\badults?\b/.test(dosage)) w.population = null;
        return w;
      });
      const fieldsOf = (w: Expected): Field[] => CONTRACT_FIELDS.filter((f) => f in w);
      scorePage(score, truth.path, got.regimens, want, fieldsOf, false);
      // Pregnancy status, class and targets.
      preg.expected++;
      if (got.pregnancy?.status) preg.extracted++;
      if (got.pregnancy?.status && got.pregnancy.status === truth.pregnancy) preg.correct++;
      else if (got.pregnancy?.status && pregnancyErrors.length < 20) pregnancyErrors.push(`${truth.path}: ${got.pregnancy.status} ≠ ${truth.pregnancy ?? '?'} (${got.pregnancy.source.line}: ${got.pregnancy.source.text.slice(0, 100)})`);
      cls.expected++;
      if (got.drugClass) cls.extracted++;
      if (got.drugClass && got.drugClass.text.toLowerCase().replace(/\.$/, '') === truth.class?.toLowerCase()) cls.correct++;
      const wantT = new Set((truth.targets ?? []).map((x) => x.toLowerCase()));
      tgt.expected += wantT.size;
      tgt.extracted += got.targets.length;
      for (const x of got.targets) if (wantT.has(x.name.toLowerCase())) tgt.correct++;
    });
    return { pages: pages.length, msPerPage, cpuMsPerPage, score, pregnancy: countsPR(preg), drugClass: countsPR(cls), targets: countsPR(tgt), raw: { preg, cls, tgt } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The split whose pregnancy statuses are also scored alone: the held-out one, else the newest. */
const PREGNANCY_SPLIT = HELD_OUT_SPLIT ?? HOLDOUT_SPLITS[HOLDOUT_SPLITS.length - 1];

/** The real corpora's files by corpus-relative path (empty when the corpora are absent); walked once. */
function corpusFilesOf(corpusPresent: boolean): Map<string, DiscoveredFile> {
  return corpusPresent ? new Map(['rxhive-astro', 'rxhive-jekyll'].flatMap((d) => discover(join(CORPUS, d))).map((f) => [f.file, f])) : new Map<string, DiscoveredFile>();
}

function gold(gf: GoldFile, corpusPresent: boolean, corpusFiles: Map<string, DiscoveredFile>): Record<string, unknown> {
  const pages: { m: Monograph; expected: Expected[]; file: string; root: string; split: GoldSplit; pregnancy: string | null | undefined }[] = [];
  const missing: string[] = [];
  for (const p of gf.pages) {
    let f: DiscoveredFile | undefined;
    if (p.root === 'repo') f = { abs: join(REPO, p.file), file: p.file, kindHint: null, layout: 'jekyll', mtimeMs: 0, size: 0 } as DiscoveredFile;
    else if (corpusPresent) f = corpusFiles.get(p.file);
    else continue;
    const m = f ? load(f) : null;
    if (!m) {
      missing.push(p.file);
      continue;
    }
    pages.push({ m, expected: p.regimens, file: p.file, root: p.root, split: p.split, pregnancy: p.pregnancy });
  }
  const { facts, msPerPage } = extractAll(pages.map((p) => p.m));
  const all = emptyScore();
  const seeds = emptyScore();
  const real = emptyScore();
  const holdouts = new Map<GoldSplit, Score>(HOLDOUT_SPLITS.map((x) => [x, emptyScore()]));
  const preg = counts();
  const pregHoldout = counts();
  pages.forEach((p, i) => {
    const got = facts[i]!.regimens;
    scorePage(all, p.file, got, p.expected, () => GOLD_FIELDS, true);
    scorePage(p.root === 'repo' ? seeds : real, p.file, got, p.expected, () => GOLD_FIELDS, true);
    const split = holdouts.get(p.split);
    if (split) scorePage(split, p.file, got, p.expected, () => GOLD_FIELDS, true);
    if (p.pregnancy !== undefined) {
      for (const c of p.split === PREGNANCY_SPLIT ? [preg, pregHoldout] : [preg]) {
        if (p.pregnancy !== null) c.expected++;
        const s = facts[i]!.pregnancy?.status ?? null;
        if (s !== null) c.extracted++;
        if (s !== null && s === p.pregnancy) c.correct++;
        else if (s !== null && c === preg) pregnancyErrors.push(`${p.file}: ${s} ≠ ${p.pregnancy ?? 'null'} (${facts[i]!.pregnancy!.source.line}: ${facts[i]!.pregnancy!.source.text.slice(0, 100)})`);
      }
    }
  });
  return { pages: pages.length, missing, msPerPage, score: all, seeds, real, holdouts, pregnancy: countsPR(preg), pregnancyHoldout: countsPR(pregHoldout), raw: { preg, pregHoldout } };
}

function fieldTable(score: Score): string[] {
  const rows: string[] = [];
  for (const [f, c] of Object.entries(score.fields).sort()) {
    const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
    const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
    rows.push(`  ${f.padEnd(16)} ${String(c.tp).padStart(6)} ${String(c.fp).padStart(5)} ${String(c.fn).padStart(5)}   ${pct(p).padStart(9)} ${pct(r).padStart(9)}`);
  }
  return rows;
}

function summary(name: string, s: Score): string {
  return `${name.padEnd(22)} ${String(s.pages).padStart(5)} ${String(s.expected).padStart(7)} ${String(s.extracted).padStart(7)} ${String(s.correct).padStart(7)}  ${pct(precision(s)).padStart(9)} ${pct(recall(s)).padStart(9)} ${pct(f1(s)).padStart(9)}`;
}

const started = Date.now();
const syn = synthetic();
const goldPath = join(REPO, 'test/fixtures/clinical/gold.json');
const corpusPresent = existsSync(join(CORPUS, 'rxhive-astro'));
const gf = loadGold(readFileSync(goldPath, 'utf8'));
const corpusFiles = corpusFilesOf(corpusPresent);
const gld = gold(gf, corpusPresent, corpusFiles);

/**
 * Label agreement: a second blind labelling of some gold pages (`agreement.json`) scored against gold.json
 * as the extractor is — the share of regimens two readers of the same conventions write identically.
 */
function agreement(gf: GoldFile): { pages: number; score: Score; pregnancySame: number; pregnancyPages: number; extractorVsSecond: Score; extractorVsGold: Score } | null {
  const path = join(REPO, 'test/fixtures/clinical/agreement.json');
  if (!existsSync(path)) return null;
  const extractorVsSecond = emptyScore();
  const extractorVsGold = emptyScore();
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { about: string[]; pages: { split: string }[] };
  const second = loadGold(JSON.stringify({ ...raw, pages: raw.pages.map((p) => ({ ...p, split: 'dev' })) }));
  const score = emptyScore();
  let pregnancySame = 0;
  let pregnancyPages = 0;
  for (const p of second.pages) {
    const g = gf.pages.find((x) => x.file === p.file);
    if (!g) throw new Error(`agreement.json: ${p.file} is not in gold.json`);
    const asRegimens = p.regimens.map((r) => ({ ...r, source: { file: p.file, line: r.line ?? 0, text: '' } })) as unknown as Parameters<typeof scorePage>[2];
    scorePage(score, p.file, asRegimens, g.regimens, () => GOLD_FIELDS, true);
    // The extractor on these pages against each labelling.
    const f = corpusFiles.get(p.file);
    const m = f ? load(f) : null;
    if (m) {
      const got = extractClinicalFacts(m).regimens;
      scorePage(extractorVsSecond, p.file, got, p.regimens, () => GOLD_FIELDS, true);
      scorePage(extractorVsGold, p.file, got, g.regimens, () => GOLD_FIELDS, true);
    }
    if (g.pregnancy !== undefined) {
      pregnancyPages++;
      if (g.pregnancy === p.pregnancy) pregnancySame++;
    }
  }
  return { pages: second.pages.length, score, pregnancySame, pregnancyPages, extractorVsSecond, extractorVsGold };
}

const synScore = syn['score'] as Score;
const gScore = gld['score'] as Score;
const lines: string[] = [];
lines.push(`Clinical facts extraction — synthetic: generate.mjs --count ${COUNT} --seed ${SEED}; gold: ${gf.pages.length} pages in test/fixtures/clinical/gold.json`);
lines.push('');
lines.push(`${'regimens'.padEnd(22)} ${'pages'.padStart(5)} ${'truth'.padStart(7)} ${'found'.padStart(7)} ${'correct'.padStart(7)}  ${'precision'.padStart(9)} ${'recall'.padStart(9)} ${'F1'.padStart(9)}`);
lines.push(summary('synthetic (manifest)', synScore));
lines.push(summary('gold: all', gScore));
lines.push(summary('gold: seeds', gld['seeds'] as Score));
if (corpusPresent) {
  lines.push(summary('gold: real corpus', gld['real'] as Score));
  const state = (name: GoldSplit): string => (name === HELD_OUT_SPLIT ? 'held out' : UNFINISHED_SPLITS.includes(name) ? 'used, fixes unfinished' : 'used');
  for (const [name, score] of gld['holdouts'] as Map<GoldSplit, Score>) lines.push(summary(`gold: ${name} (${state(name)})`, score));
}
else lines.push(`gold: real corpus       skipped: ${CORPUS} is absent (only the seeds' entries were scored)`);
lines.push('');
lines.push(`per field (synthetic)      tp    fp    fn   precision    recall`);
lines.push(...fieldTable(synScore));
lines.push(`per field (gold)           tp    fp    fn   precision    recall`);
lines.push(...fieldTable(gScore));
lines.push('');
const pr = (x: unknown): string => {
  const v = x as { precision: number; recall: number };
  return `precision ${pct(v.precision)}, recall ${pct(v.recall)}`;
};
lines.push(`synthetic pregnancy status: ${pr(syn['pregnancy'])}; drug class: ${pr(syn['drugClass'])}; targets: ${pr(syn['targets'])}`);
lines.push(`gold pregnancy status: ${pr(gld['pregnancy'])}; ${PREGNANCY_SPLIT} pages${PREGNANCY_SPLIT === HELD_OUT_SPLIT ? ' (held out)' : ''}: ${pr(gld['pregnancyHoldout'])}`);
const agree = agreement(gf);
if (agree) {
  const a = agree.score;
  lines.push(`label agreement (test/fixtures/clinical/agreement.json, a second blind labelling of ${agree.pages} gold pages): ${a.correct} regimens identical in every compared field, ${pct(precision(a))} of the second's ${a.extracted}, ${pct(recall(a))} of the gold's ${a.expected}; pregnancy status the same on ${agree.pregnancySame} of ${agree.pregnancyPages} pages` +
      (corpusPresent ? `; the extractor on these pages, against the gold labels: ${pct(precision(agree.extractorVsGold))} / ${pct(recall(agree.extractorVsGold))}, against the second: ${pct(precision(agree.extractorVsSecond))} / ${pct(recall(agree.extractorVsSecond))}` : ''));
}
lines.push(`extraction time: synthetic ${(syn['msPerPage'] as number).toFixed(3)} ms/page wall, ${(syn['cpuMsPerPage'] as number).toFixed(3)} ms/page CPU (incl. GC threads); gold pages ${(gld['msPerPage'] as number).toFixed(3)} ms/page wall (normalization excluded, fresh copies, best of 3 passes; load average ${os.loadavg()[0]!.toFixed(1)})`);
if ((gld['missing'] as string[]).length) lines.push(`gold pages not found: ${(gld['missing'] as string[]).join(', ')}`);
console.log(lines.join('\n'));

const show = (name: string, s: Score): void => {
  if (!SHOW_ERRORS) return;
  console.log(`\n${name}: ${s.errors.length} errors`);
  const short = (o: unknown): string => JSON.stringify(Object.fromEntries(Object.entries(o as Record<string, unknown>).filter(([k, v]) => v !== null && !(k === 'unit' && v === 'mg') && !(k === 'amountPer' && v === 'dose'))));
  for (const e of s.errors.slice(0, SHOW_ERRORS)) console.log(`  ${e.kind} ${e.file}:${e.line ?? '?'} ${short(e.regimen)}${e.expected ? `\n      expected ${short(e.expected)}` : ''}`);
};
if (SHOW_ERRORS) console.log(`\npregnancy status errors:\n  ${pregnancyErrors.join('\n  ')}`);
show('synthetic', synScore);
show('gold', gScore);
// The newest held-out set's disagreements on their own (also among the gold file's above).
const newest = HOLDOUT_SPLITS[HOLDOUT_SPLITS.length - 1]!;
if (corpusPresent) show(`gold: ${newest}`, (gld['holdouts'] as Map<string, Score>).get(newest)!);

const strip = (s: Score): Omit<Score, 'errors'> & { errors: number } => ({ ...s, errors: s.errors.length });
mkdirSync(join(REPO, 'bench/results'), { recursive: true });
writeFileSync(
  join(REPO, 'bench/results/extract.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      loadAverage: os.loadavg()[0],
      synthetic: { count: COUNT, seed: SEED, pages: syn['pages'], msPerPage: syn['msPerPage'], cpuMsPerPage: syn['cpuMsPerPage'], precision: precision(synScore), recall: recall(synScore), f1: f1(synScore), score: strip(synScore), pregnancy: syn['pregnancy'], drugClass: syn['drugClass'], targets: syn['targets'] },
      agreement: agree ? { pages: agree.pages, precision: precision(agree.score), recall: recall(agree.score), identical: agree.score.correct, second: agree.score.extracted, gold: agree.score.expected, pregnancySame: agree.pregnancySame, pregnancyPages: agree.pregnancyPages, extractorVsSecond: { precision: precision(agree.extractorVsSecond), recall: recall(agree.extractorVsSecond) }, extractorVsGold: { precision: precision(agree.extractorVsGold), recall: recall(agree.extractorVsGold) } } : null,
      gold: {
        corpus: corpusPresent,
        pages: gld['pages'],
        msPerPage: gld['msPerPage'],
        precision: precision(gScore),
        recall: recall(gScore),
        f1: f1(gScore),
        seeds: { precision: precision(gld['seeds'] as Score), recall: recall(gld['seeds'] as Score) },
        real: corpusPresent ? { precision: precision(gld['real'] as Score), recall: recall(gld['real'] as Score) } : null,
        ...Object.fromEntries(
          [...(gld['holdouts'] as Map<string, Score>)].map(([name, x]) => [name, corpusPresent ? { precision: precision(x), recall: recall(x), expected: x.expected, extracted: x.extracted, correct: x.correct } : null]),
        ),
        score: strip(gScore),
        pregnancy: gld['pregnancy'],
      },
      seconds: (Date.now() - started) / 1000,
    },
    null,
    1,
  ) + '\n',
);
