import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, rebuild } from '../src/build/index.js';
import { normalizeOne } from '../src/build/normalize-one.js';
import { buildCatalog } from '../src/catalog/index.js';
import { checkFilesOf, fileContextData, lazyCheckFilesOf, runCatalogChecks, runChecks } from '../src/check/index.js';
import { storeVersion } from '../src/build/build.js';
import { checkFilesInBackground } from '../src/build/quality-job.js';
import { discover } from '../src/content/index.js';
import { SAMPLE_DIR } from './helpers/monographs.js';

// The /quality/ report in a built site (issue 5): present by default, outside the sitemap and the
// search indexes, absent from a --public build.

test('a build has a /quality/ page listing the findings; it is not in the sitemap, the names index or the full-text index', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'formulary-quality-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const out = join(root, 'site');
  await build({ contentDirs: [SAMPLE_DIR], outDir: out, cacheDir: null, siteUrl: 'https://example.org' });
  const html = readFileSync(join(out, 'quality', 'index.html'), 'utf8');
  assert.match(html, /<meta name="robots" content="noindex/);
  // The seeds' damaged frontmatter FAQs are findings the page names, with their file.
  assert.match(html, /faq-frontmatter-damaged/);
  assert.match(html, /content\/compositions\/alemtuzumab\.md/);
  assert.doesNotMatch(readFileSync(join(out, 'sitemap.xml'), 'utf8'), /quality/);
  assert.doesNotMatch(readFileSync(join(out, 'search', 'names.json'), 'utf8'), /quality/);
  assert.match(readFileSync(join(out, 'robots.txt'), 'utf8'), /Disallow: \/quality\//);
});

test('a rebuild that relinks everything keeps the /quality/ page of the last full build', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'formulary-quality-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const content = join(root, 'content');
  cpSync(SAMPLE_DIR, content, { recursive: true });
  const opts = { contentDirs: [content], outDir: join(root, 'site'), cacheDir: null };
  const first = await build(opts);
  const quality = readFileSync(join(opts.outDir, 'quality', 'index.html'), 'utf8');
  // A new title: every list changes, so the catalog is linked again and all pages are compared.
  const file = join(content, 'compositions', 'isatuximab.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('title: Isatuximab', 'title: Isatuximab (Sarclisa)'));
  const r = await rebuild(opts, first.state, new Set([file]));
  assert.ok(r.written.includes('browse/i/index.html'), 'the full path was taken');
  assert.ok(!r.removed.includes('quality/index.html'));
  assert.equal(readFileSync(join(opts.outDir, 'quality', 'index.html'), 'utf8'), quality);
  assert.match(quality, /full build of <time datetime="[^"]+">/, 'the page says when it was made');
});

test('a --public build leaves the /quality/ page out', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'formulary-quality-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const out = join(root, 'site');
  await build({ contentDirs: [SAMPLE_DIR], outDir: out, cacheDir: null, public: true });
  assert.equal(existsSync(join(out, 'quality')), false);
  assert.ok(existsSync(join(out, 'index.html')));
});

test('checks over lazily read files (text dropped after each file) find exactly what checks over loaded files find', () => {
  const refs = discover(SAMPLE_DIR);
  const results = refs.map(normalizeOne);
  const catalog = buildCatalog(results.flatMap((r) => (r.monograph ? [r.monograph] : [])));
  const now = new Date('2026-11-22T00:00:00Z');
  const eager = runChecks({ files: checkFilesOf(refs, results), catalog }, { now });
  const lazy = lazyCheckFilesOf(refs, results);
  assert.ok(eager.length > 0);
  assert.deepEqual(runChecks({ files: lazy, catalog }, { now }), eager);
  assert.equal(lazy[0]!.text, checkFilesOf(refs, results)[0]!.text, 'the text is read again when asked for after a release');
});

test('the file rules on a worker, reading results back from the build cache, then the catalogue rules here, find exactly what runChecks finds', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'formulary-quality-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const cacheDir = join(root, 'cache');
  await build({ contentDirs: [SAMPLE_DIR], outDir: join(root, 'site'), cacheDir, public: true });
  // Files the build never saw (not in the cache: the worker normalizes them itself), with findings
  // that depend on each catalogue lookup the worker is sent: a misspelt name (not another page's
  // name), another page's name (no finding), links relative to the page's URL and to a source file.
  const extra = join(root, 'more', 'compositions');
  mkdirSync(extra, { recursive: true });
  writeFileSync(
    join(extra, 'zolbetuximab.md'),
    '---\ntitle: Zolbetuximab\n---\n## Usage\nZolbetuxamab is used in gastric cancer. Zolbetuximab is an antibody, unlike zolbetuximib.\n' +
      'See [isatuximab](../isatuximab/), [its source](../../content/compositions/isatuximab.md) and [a missing page](../nothing-here/).\n',
  );
  writeFileSync(join(extra, 'zolbetuximib.md'), '---\ntitle: Zolbetuximib\n---\n## Usage\nAn example.\n');
  const refs = [...discover(SAMPLE_DIR), ...discover(join(root, 'more'))];
  const results = refs.map(normalizeOne);
  const catalog = buildCatalog(results.flatMap((r) => (r.monograph ? [r.monograph] : [])));
  const now = new Date('2026-11-22T00:00:00Z');
  const content = { files: lazyCheckFilesOf(refs, results), catalog };
  const expected = runChecks(content, { now });
  const mine = expected.filter((f) => f.file.endsWith('zolbetuximab.md')).map((f) => `${f.code} ${f.message}`);
  assert.ok(mine.some((f) => f.startsWith('name-spelled-two-ways') && f.includes('"Zolbetuxamab"')), mine.join('\n'));
  assert.ok(!mine.some((f) => f.includes('zolbetuximib')), 'another page\'s name is not a misspelling');
  assert.deepEqual(mine.filter((f) => f.startsWith('link-broken')), ['link-broken The link "../nothing-here/" points at "/composition/nothing-here/", a page the site does not have.']);
  const fileFindings = await checkFilesInBackground(refs, fileContextData(content, { now }), cacheDir, storeVersion());
  assert.deepEqual(runCatalogChecks(content, fileFindings, { now }), expected);
  // Made in parts (the worker replies every 500 files), a finding that came twice is kept once.
  assert.deepEqual(runCatalogChecks(content, [...fileFindings, ...fileFindings.slice(0, 3)], { now }), expected);
  // A cache written by other code is refused, not read: the build then runs every rule itself.
  await assert.rejects(checkFilesInBackground(refs, fileContextData(content, { now }), cacheDir, 'normalizer-other'), /quality checks: .*could not be read/);
  // A failed build stops the worker.
  const stop = new AbortController();
  const stopped = checkFilesInBackground(refs, fileContextData(content, { now }), cacheDir, storeVersion(), stop.signal);
  stop.abort();
  await assert.rejects(stopped, /quality checks: stopped/);
});
