/**
 * Brands benchmark (issue 4): both real corpora with (1) the real brand catalogs and (2) 250,000
 * synthetic brands from the repo's deterministic generator (`bench/brands/generate.ts`), cold;
 * then a one-brand edit rebuilt in place (the `serve --watch` path). Prints a table, writes JSON.
 *
 *   npm run bench:brands [-- --corpus ../shared/corpus --count 250000]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateBrands } from './brands/generate.js';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const { values } = parseArgs({
  options: { corpus: { type: 'string', default: join(ROOT, '..', 'shared', 'corpus') }, count: { type: 'string', default: '250000' } },
});
const corpus = resolve(values.corpus);
const count = Number(values.count);

interface Run {
  wallMs: number;
  maxRssMb: number;
  pages: number;
  brands: { records: number; linked: number; linkedShare: number | null };
  rebuildMs?: number;
  written?: number;
}

// Each measured build runs in a fresh process so peak memory is its own; it sets the GC flags the CLI sets (src/cli/v8-flags.ts).
const CHILD = `
import { setFlagsFromString } from 'node:v8';
import { readFileSync, writeFileSync } from 'node:fs';
const { V8_FLAGS } = await import(${JSON.stringify(join(ROOT, 'lib/cli/v8-flags.js'))});
setFlagsFromString(V8_FLAGS);
const { build, rebuild } = await import(${JSON.stringify(join(ROOT, 'lib/build/index.js'))});
const [dirs, brandFiles, out, cache, edit] = JSON.parse(process.argv[2]);
const opts = { contentDirs: dirs, brandFiles, outDir: out, cacheDir: cache, siteUrl: 'https://example.org' };
const t0 = performance.now();
const { report, state, oldSiteRemoved } = await build(opts);
const res = { wallMs: performance.now() - t0, pages: report.pages, brands: report.brands };
// The previous run's site is removed in the background after the swap (as the CLI waits for it
// before exiting); the edit is timed after that, not while 25,000 pages are being deleted.
await oldSiteRemoved;
if (edit) {
  const [file, from, to] = edit;
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  const t1 = performance.now();
  const r = await rebuild(opts, state, new Set([file]));
  res.rebuildMs = performance.now() - t1;
  res.written = r.written.length;
  if (r.written.length === 0) throw new Error('the benchmark edit changed no page');
}
res.maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify(res));
`;

const work = mkdtempSync(join(tmpdir(), 'formulary-bench-brands-'));
function run(brandFiles: string[], edit: [string, string, string] | null): Run {
  const script = join(work, 'child.mjs');
  writeFileSync(script, CHILD);
  const dirs = ['rxhive-astro', 'rxhive-jekyll'].map((d) => join(corpus, d));
  const out = join(work, 'dist');
  const cache = join(work, `cache-${Math.random().toString(36).slice(2)}`);
  const stdout = execFileSync(process.execPath, ['--max-old-space-size=4096', script, JSON.stringify([dirs, brandFiles, out, cache, edit])], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Run;
}

execFileSync('npx', ['tsc', '-p', join(ROOT, 'tsconfig.json')], { stdio: 'inherit' });
const real = ['a-z-india-sample-500.csv', 'indian-pharma-products-5k.csv', 'medicine-details-11k.csv'].map((f) => join(corpus, 'brands', f));
const realRun = run(real, null);

// Synthetic brands over the real corpora's composition titles, so they link like real ones.
function listTitles(): string[] {
  const out: string[] = [];
  for (const kind of ['compositions', 'combinations']) {
    const dir = join(corpus, 'rxhive-astro', kind);
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.md')) continue;
      const m = /^title:\s*["']?(.+?)["']?\s*$/m.exec(readFileSync(join(dir, f), 'utf8'));
      if (m) out.push(m[1]!);
    }
  }
  return out;
}
const titles = listTitles();
const synthetic = join(work, 'synthetic-brands.csv');
const t0 = performance.now();
writeFileSync(synthetic, generateBrands({ count, seed: 1, compositions: titles }));
const genMs = performance.now() - t0;
const lines = readFileSync(synthetic, 'utf8').split('\n');
const row = lines[Math.floor(lines.length / 2)]!;
const price = /,(\d+\.\d+),/.exec(row);
if (!price) throw new Error(`no price in the synthetic row: ${row}`);
const edited = row.replace(`,${price[1]},`, `,${(Number(price[1]) + 1).toFixed(2)},`);
const synthRun = run([synthetic], [synthetic, row, edited]);

const perPage = (r: Run): string => (r.wallMs / r.pages).toFixed(3);
const rows = [
  ['real corpora + real brand catalogs (cold)', realRun.pages, (realRun.wallMs / 1000).toFixed(1) + ' s', perPage(realRun), realRun.maxRssMb.toFixed(0), `${realRun.brands.linked}/${realRun.brands.records} (${((realRun.brands.linkedShare ?? 0) * 100).toFixed(1)}%)`],
  [`real corpora + ${count.toLocaleString('en')} synthetic brands (cold)`, synthRun.pages, (synthRun.wallMs / 1000).toFixed(1) + ' s', perPage(synthRun), synthRun.maxRssMb.toFixed(0), `${synthRun.brands.linked}/${synthRun.brands.records}`],
  [`one-brand price edit, in place (${synthRun.written} pages rewritten)`, synthRun.pages, synthRun.rebuildMs!.toFixed(0) + ' ms', '', '', ''],
];
console.log(`\nSynthetic catalog: ${count.toLocaleString('en')} rows generated in ${(genMs / 1000).toFixed(1)} s\n`);
console.log('| run | pages | wall | ms/page | peak RSS MB | brands linked |\n| --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
const result = { date: new Date().toISOString(), corpus, count, generateMs: genMs, real: realRun, synthetic: synthRun, targets: { syntheticWallMs: 300_000, peakRssMb: 2048, oneBrandRebuildMs: 300 } };
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'brands.json'), JSON.stringify(result, null, 2));
console.log('\nwrote bench/results/brands.json');
rmSync(work, { recursive: true, force: true });
