/**
 * Keystroke-to-results in a real browser (issue 3: ≤ 50 ms per keystroke): the site of both real
 * corpora is built and served, Debian's Chromium (playwright-core) types judged lookup queries
 * into the home page's search box one key at a time, and the page itself records, per keystroke,
 * the time from the `input` event to the suggestion list's update and to the next frame after it.
 * The first focus, which fetches and prepares `search/names.json`, is reported on its own.
 *
 *   npm run bench:search-browser [-- --queries 60]
 *
 * Prints a table and writes bench/results/search-browser.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build } from '../src/build/index.js';
import { createApp, startServer } from '../src/server/index.js';

const ROOT = new URL('../', import.meta.url).pathname;
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const { values } = parseArgs({ options: { queries: { type: 'string', default: '60' } } });
const QUERY_COUNT = Number(values.queries);

interface Judged {
  q: string;
  type: string;
}
const LOOKUPS = new Set(['exact', 'brand', 'typo', 'synonym', 'prefix', 'combination']);
const judged = (JSON.parse(readFileSync(join(ROOT, 'bench/search/queries.json'), 'utf8')) as { queries: Judged[] }).queries;
const queries = judged.filter((j) => LOOKUPS.has(j.type)).slice(0, QUERY_COUNT).map((j) => j.q);

const site = join(ROOT, 'bench/.cache/search-browser-site');
mkdirSync(site, { recursive: true });
process.stdout.write('building the site of both real corpora… ');
const built = await build({ contentDirs: [join(CORPUS, 'rxhive-astro'), join(CORPUS, 'rxhive-jekyll')], outDir: site, cacheDir: join(ROOT, 'bench/.cache/formulary') });
process.stdout.write(`${built.report.pages} pages\n`);

const server = await startServer(createApp({ siteDir: site }), 0, '127.0.0.1');
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

interface Sample {
  dom: number;
  frame: number;
}

try {
  const page = await browser.newPage();
  await page.goto(server.url);
  const box = page.getByRole('combobox').first();
  // Instrument before the first keystroke: a capturing `input` listener runs before the app's own.
  await page.evaluate(() => {
    const w = window as unknown as { __samples: { dom: number; frame: number }[]; __t0: number | null };
    w.__samples = [];
    w.__t0 = null;
    const input = document.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    const list = document.getElementById(input.getAttribute('aria-controls')!)!;
    document.addEventListener('input', () => (w.__t0 = performance.now()), true);
    new MutationObserver(() => {
      const t0 = w.__t0;
      if (t0 === null) return;
      w.__t0 = null;
      const dom = performance.now() - t0;
      requestAnimationFrame(() => w.__samples.push({ dom, frame: performance.now() - t0 }));
    }).observe(list, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  const loadStart = Date.now();
  await box.focus();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/search/names.json')), null, { timeout: 30_000 });
  await page.waitForTimeout(1500); // the index is prepared after it arrives
  const namesEntry = await page.evaluate(() => {
    const e = performance.getEntriesByType('resource').find((r) => r.name.includes('/search/names.json')) as PerformanceResourceTiming;
    return { ms: e.duration, bytes: e.encodedBodySize };
  });
  const firstFocusMs = Date.now() - loadStart;

  for (const q of queries) {
    await box.fill('');
    await page.waitForTimeout(30);
    await page.evaluate(() => ((window as unknown as { __t0: null }).__t0 = null));
    await box.pressSequentially(q, { delay: 40 });
    await page.waitForTimeout(60);
  }
  const samples = await page.evaluate(() => (window as unknown as { __samples: Sample[] }).__samples);
  const pct = (xs: number[], p: number): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
  };
  const dom = samples.map((s) => s.dom);
  const frame = samples.map((s) => s.frame);
  const result = {
    date: new Date().toISOString(),
    pages: built.report.pages,
    queries: queries.length,
    keystrokes: samples.length,
    namesJson: { fetchMs: Math.round(namesEntry.ms), transferredBytes: namesEntry.bytes },
    firstFocusToReadyMsUpperBound: firstFocusMs,
    inputToDomMs: { p50: pct(dom, 50), p95: pct(dom, 95), p99: pct(dom, 99), max: pct(dom, 100) },
    inputToNextFrameMs: { p50: pct(frame, 50), p95: pct(frame, 95), p99: pct(frame, 99), max: pct(frame, 100) },
    target: { perKeystrokeMs: 50 },
  };
  const f = (x: number): string => `${x.toFixed(1)} ms`;
  console.log(`\n${result.keystrokes} keystrokes over ${result.queries} lookup queries, ${result.pages} pages; names.json ${result.namesJson.transferredBytes} bytes on the wire, fetched in ${result.namesJson.fetchMs} ms\n`);
  console.log('| measure | p50 | p95 | p99 | max |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(`| input → suggestions updated | ${f(result.inputToDomMs.p50)} | ${f(result.inputToDomMs.p95)} | ${f(result.inputToDomMs.p99)} | ${f(result.inputToDomMs.max)} |`);
  console.log(`| input → next frame | ${f(result.inputToNextFrameMs.p50)} | ${f(result.inputToNextFrameMs.p95)} | ${f(result.inputToNextFrameMs.p99)} | ${f(result.inputToNextFrameMs.max)} |`);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/search-browser.json'), JSON.stringify(result, null, 2) + '\n');
  console.log('\nwrote bench/results/search-browser.json');
} finally {
  await browser.close();
  await server.close();
}
