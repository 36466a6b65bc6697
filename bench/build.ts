/**
 * Build benchmark: both real corpora together, cold (no cache), warm (SQLite cache), and a
 * one-file edit rebuilt in place (the `serve --watch` path). Prints a table, writes JSON.
 *
 *   npm run bench:build [-- --corpus ../shared/corpus]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const { values } = parseArgs({ options: { corpus: { type: 'string', default: join(ROOT, '..', 'shared', 'corpus') } } });
const corpus = resolve(values.corpus);
/** Issue 2's cold-build target. */
const TARGET_MS_PER_PAGE = 1.2;

interface Run {
  wallMs: number;
  /** CPU time of the build, all its threads (user + system). */
  cpuMs: number;
  maxRssMb: number;
  pages: number;
  files: number;
  fromCache: number;
  rebuildMs?: number;
  written?: number;
}

// Each measured build runs in a fresh process so peak memory is its own.
// It sets the GC flags the CLI sets (src/cli/v8-flags.ts) before loading the build.
const CHILD = `
import { setFlagsFromString } from 'node:v8';
import { readFileSync, writeFileSync } from 'node:fs';
const { V8_FLAGS } = await import(${JSON.stringify(join(ROOT, 'lib/cli/v8-flags.js'))});
setFlagsFromString(V8_FLAGS);
const { build, rebuild } = await import(${JSON.stringify(join(ROOT, 'lib/build/index.js'))});
const [dirs, out, cache, edit, pub] = JSON.parse(process.argv[2]);
const c0 = process.cpuUsage();
const t0 = performance.now();
const { report, state } = await build({ contentDirs: dirs, outDir: out, cacheDir: cache, siteUrl: 'https://example.org', public: pub });
const cpu = process.cpuUsage(c0);
const res = { wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, pages: report.pages, files: report.files.total, fromCache: report.files.fromCache };
if (edit) {
  writeFileSync(edit, readFileSync(edit, 'utf8').replace(/\\n## \\**Usage\\**\\n/, (m) => m + '\\nEdited for the benchmark.\\n'));
  const t1 = performance.now();
  const r = await rebuild({ contentDirs: dirs, outDir: out, cacheDir: cache, siteUrl: 'https://example.org', public: pub }, state, new Set([edit]));
  res.rebuildMs = performance.now() - t1;
  res.written = r.written.length;
  if (r.written.length === 0) throw new Error('the benchmark edit changed no page');
}
res.maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify(res));
`;

/** `pub`: a public build (`--public`: no /quality/ report for editors). */
function run(dirs: string[], out: string, cache: string | null, edit: string | null = null, pub = false): Run {
  const script = join(work, 'child.mjs');
  writeFileSync(script, CHILD);
  const stdout = execFileSync(process.execPath, [script, JSON.stringify([dirs, out, cache, edit, pub])], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Run;
}

execFileSync('npx', ['tsc', '-p', join(ROOT, 'tsconfig.json')], { stdio: 'inherit' });
const work = mkdtempSync(join(tmpdir(), 'formulary-bench-'));
const dirs = ['rxhive-astro', 'rxhive-jekyll'].map((d) => {
  cpSync(join(corpus, d), join(work, d), { recursive: true });
  return join(work, d);
});
const out = join(work, 'dist');
const cache = join(work, 'cache');
const coldPublic = run(dirs, out, join(work, 'cache-public'), null, true);
const cold = run(dirs, out, cache);
const warm = run(dirs, out, cache);
const edit = join(work, 'rxhive-astro', 'compositions', 'alemtuzumab.md');
const incremental = run(dirs, out, cache, edit);

// The disk's own floor: the site needs one directory per page (`/composition/<slug>/index.html`).
function fsFloor(n: number): { wallMs: number; cpuMs: number } {
  const dir = join(work, 'fs-floor');
  mkdirSync(dir);
  const page = 'x'.repeat(25_000);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    mkdirSync(join(dir, `p${i}`));
    writeFileSync(join(dir, `p${i}`, 'index.html'), page);
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  rmSync(dir, { recursive: true, force: true });
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}
const floor = fsFloor(cold.pages);

const perPage = (r: Run): string => (r.wallMs / r.pages).toFixed(3);
const sec = (ms: number): string => (ms / 1000).toFixed(2) + ' s';
const rows = [
  ['cold build, --public (no /quality/ report)', coldPublic.pages, sec(coldPublic.wallMs), perPage(coldPublic), sec(coldPublic.cpuMs), coldPublic.maxRssMb.toFixed(0)],
  ['cold build (no cache), with the /quality/ report', cold.pages, sec(cold.wallMs), perPage(cold), sec(cold.cpuMs), cold.maxRssMb.toFixed(0)],
  ['warm build (SQLite cache)', warm.pages, sec(warm.wallMs), perPage(warm), sec(warm.cpuMs), warm.maxRssMb.toFixed(0)],
  [`disk floor: ${cold.pages} mkdir + 25 KB write, nothing else`, cold.pages, sec(floor.wallMs), (floor.wallMs / cold.pages).toFixed(3), sec(floor.cpuMs), ''],
  [`one-file edit, in place (${incremental.written} pages rewritten)`, incremental.pages, (incremental.rebuildMs! ).toFixed(0) + ' ms', '', '', incremental.maxRssMb.toFixed(0)],
];
console.log(`\nBoth real corpora: ${cold.files} source files → ${cold.pages} output files\n`);
console.log('| run | pages | wall | ms/page | CPU (all threads) | peak RSS MB |\n| --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
// The target as CPU: what this machine's cores can give in the wall time 1.2 ms/page allows.
const budgetMs = TARGET_MS_PER_PAGE * coldPublic.pages;
const cores = availableParallelism();
console.log(`\n${TARGET_MS_PER_PAGE} ms/page is ${sec(budgetMs)} wall for ${coldPublic.pages} pages: at most ${sec(budgetMs * cores)} of CPU on ${cores} cores; the cold --public build used ${sec(coldPublic.cpuMs)}.`);
const result = { date: new Date().toISOString(), corpus, cores, coldPublic, cold, warm, incremental, diskFloorMs: floor.wallMs, diskFloorCpuMs: floor.cpuMs, targets: { msPerPageCold: TARGET_MS_PER_PAGE, peakRssMb: 1024, oneFileRebuildMs: 300 } };
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'build.json'), JSON.stringify(result, null, 2));
console.log(`\nwrote bench/results/build.json`);
rmSync(work, { recursive: true, force: true });
