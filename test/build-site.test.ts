import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build, rebuild, type BuildOptions, type BuildReport } from '../src/build/index.js';
import { DiagnosticSchema } from '../src/diagnostics/index.js';
import { SAMPLE_DIR } from './helpers/monographs.js';
import { openSiteSearch } from '../src/search/engine/index.js';

// Builds of the bundled sample (`content/`) into temporary folders; the cache lives in a temporary
// folder too, so nothing outside the test's own folders is touched.

function tempDir(t: { after: (fn: () => void) => void }, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `formulary-${name}-`));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function options(root: string, contentDir = SAMPLE_DIR): BuildOptions {
  return { contentDirs: [contentDir], outDir: join(root, 'site'), cacheDir: join(root, 'cache'), siteName: 'Formulary test' };
}

/** Every file under `dir`, relative path → contents. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** Staging or swap-out folders left beside the output. */
const leftovers = (parent: string): string[] => readdirSync(parent).filter((n) => /\.tmp-|\.old-/.test(n));

const readReport = (outDir: string): BuildReport => JSON.parse(readFileSync(join(outDir, 'build-report.json'), 'utf8')) as BuildReport;

test('build of the sample: pages on disk and a build report with counts, fidelity and diagnostics', async (t) => {
  const root = tempDir(t, 'build');
  const opts = options(root);
  const { report, state } = await build(opts);
  const onDisk = readReport(opts.outDir);
  assert.deepEqual(onDisk, JSON.parse(JSON.stringify(report)), 'build-report.json is the returned report');

  assert.equal(report.version, 1);
  assert.deepEqual(report.contentDirs, [SAMPLE_DIR]);
  // content/: 6 compositions, 2 combinations, 2 brand pages (README.md is not content)
  assert.deepEqual(report.counts, { composition: 6, combination: 2, medicine: 2 });
  assert.deepEqual(report.files, { total: 10, used: 10, failed: 0, fromCache: 0 });

  assert.equal(report.fidelity.files, 10);
  assert.equal(report.fidelity.complete, 10);
  assert.equal(report.fidelity.accountedLines, report.fidelity.nonBlankLines);
  assert.ok(report.fidelity.nonBlankLines > 500);
  assert.ok(report.fidelity.perSource.every((f) => f.unaccounted.length === 0));

  const items = report.diagnostics.items;
  for (const d of items) DiagnosticSchema.parse(d);
  assert.equal(report.diagnostics.bySeverity['error'], 0);
  const sum = Object.values(report.diagnostics.bySeverity).reduce((a, b) => a + b, 0);
  assert.equal(sum, items.length);
  for (const [code, n] of Object.entries(report.diagnostics.byCode)) assert.equal(items.filter((d) => d.code === code).length, n, code);
  for (const sev of ['error', 'warning', 'info'] as const) assert.equal(items.filter((d) => d.severity === sev).length, report.diagnostics.bySeverity[sev], sev);
  // the seeds' damaged frontmatter FAQs and descriptions are reported, once per file
  assert.equal(report.diagnostics.byCode['faq-frontmatter-damaged'], 3);
  assert.equal(report.diagnostics.byCode['description-damaged'], 3);
  const files = items.map((d) => `${d.file}:${String(d.line).padStart(5, '0')}`);
  assert.deepEqual(files, [...files].sort(), 'diagnostics are sorted by file and line');

  // the pages
  const site = snapshot(opts.outDir);
  assert.equal(report.pages, state.signatures.size);
  for (const path of state.signatures.keys()) assert.ok(site.has(path), `page ${path} missing on disk`);
  for (const path of ['index.html', 'composition/itolizumab/index.html', 'composition/combination/exampleol-demoxin/index.html', 'medicines/crocin-650/index.html', 'search/names.json', 'build-report.json']) {
    assert.ok(site.has(path), `${path} missing`);
  }
  assert.match(site.get('composition/itolizumab/index.html')!, /Alzumab-L/);
  assert.deepEqual(leftovers(root), []);
});

test('a second build reads every file from the cache and writes the same files', async (t) => {
  const root = tempDir(t, 'cache');
  // One clock for both builds (as SOURCE_DATE_EPOCH gives the CLI): nothing may then differ,
  // not even the time /quality/ shows (compared to the minute, it once differed across a minute's turn).
  const opts = { ...options(root), builtAt: new Date('2026-11-02T10:59:59.900Z') };
  const first = await build(opts);
  const before = snapshot(opts.outDir);
  const second = await build(opts);
  assert.deepEqual(second.report.files, { total: 10, used: 10, failed: 0, fromCache: 10 });
  assert.deepEqual(second.report.counts, first.report.counts);
  assert.deepEqual(second.report.diagnostics.items, first.report.diagnostics.items);
  assert.deepEqual(second.report.fidelity, first.report.fidelity);
  const after = snapshot(opts.outDir);
  assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort());
  for (const [path, text] of before) {
    if (path === 'build-report.json') continue; // its timings and cache counts
    assert.equal(after.get(path), text, `${path} changed between identical builds`);
  }
  // without a cache nothing is reused
  const noCache = await build({ ...opts, cacheDir: null });
  assert.equal(noCache.report.files.fromCache, 0);
});

test("the build's clock dates the report and is what /quality/ counts page ages from", async (t) => {
  const root = tempDir(t, 'clock');
  const at = async (iso: string): Promise<string> => {
    const { report } = await build({ ...options(root), cacheDir: null, builtAt: new Date(iso) });
    assert.equal(report.builtAt, iso);
    return readFileSync(join(root, 'site', 'quality', 'index.html'), 'utf8');
  };
  // The sample's pages were last modified between 2025-09-22 and 2026-11-01; pages are stale after 730 days.
  const soon = await at('2026-11-02T10:00:00.000Z');
  assert.match(soon, /2026-11-02 10:00 UTC/);
  assert.doesNotMatch(soon, /last-modified-stale/);
  const later = await at('2030-01-01T00:00:00.000Z');
  assert.match(later, /2030-01-01 00:00 UTC/);
  assert.match(later, /last-modified-stale/);
  assert.match(later, /last modified 1561 days/); // 2025-09-22T17:21 to 2030-01-01, whole days
});

test('the cache notices an edited file (size or mtime) and re-reads only that one', async (t) => {
  const root = tempDir(t, 'cache-edit');
  const content = join(root, 'content');
  cpSync(SAMPLE_DIR, content, { recursive: true });
  const opts = options(root, content);
  await build(opts);
  const file = join(content, 'compositions/isatuximab.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('multiple myeloma, a type of blood cancer', 'multiple myeloma (MM), a type of blood cancer'));
  const second = await build(opts);
  assert.equal(second.report.files.fromCache, 9);
  // same size, new mtime: re-read too
  const crocin = join(content, 'medicines/crocin-650.md');
  const st = statSync(crocin);
  utimesSync(crocin, st.atime, new Date(st.mtimeMs + 5000));
  const third = await build(opts);
  assert.equal(third.report.files.fromCache, 9);
});

test('a build whose output parent is a file throws and leaves nothing behind', async (t) => {
  const root = tempDir(t, 'parent-file');
  writeFileSync(join(root, 'not-a-dir'), 'marker');
  const opts = { ...options(root), outDir: join(root, 'not-a-dir', 'site') };
  await assert.rejects(build(opts), /ENOTDIR|ENOENT|EEXIST/);
  assert.equal(readFileSync(join(root, 'not-a-dir'), 'utf8'), 'marker');
  assert.deepEqual(leftovers(root), []);
});

test('a build that fails mid-way leaves the previous site intact and no staging folders', async (t) => {
  const root = tempDir(t, 'atomic');
  const opts = options(root);
  await build(opts);
  writeFileSync(join(opts.outDir, 'marker.txt'), 'previous site');
  const before = snapshot(opts.outDir);

  // read: before anything is staged; render-start: staging folder made, no page yet;
  // render-end: every page staged, the swap not done yet
  for (const phase of ['read', 'render-start', 'render-end'] as const) {
    const failing: BuildOptions = {
      ...opts,
      cacheDir: join(root, `cache-${phase}`),
      onProgress: (p, done, total) => {
        const hit = phase === 'read' ? p === 'read' : p === 'render' && (phase === 'render-start' ? done === 0 : done === total);
        if (hit) throw new Error(`test: crash during ${phase}`);
      },
    };
    await assert.rejects(build(failing), new RegExp(`test: crash during ${phase}`));
    assert.deepEqual(snapshot(opts.outDir), before, `the previous site changed after a crash during ${phase}`);
    assert.deepEqual(leftovers(root), [], `staging left behind after a crash during ${phase}`);
  }
  // and a successful build replaces the site as a whole (the marker is gone); the old site,
  // renamed aside, is removed in the background
  const done = await build(opts);
  assert.ok(!existsSync(join(opts.outDir, 'marker.txt')));
  assert.equal(await done.oldSiteRemoved, null);
  assert.deepEqual(leftovers(root), []);
});

test('rebuild after an edit re-writes only the affected pages, with the new text', async (t) => {
  const root = tempDir(t, 'rebuild');
  const content = join(root, 'content');
  cpSync(SAMPLE_DIR, content, { recursive: true });
  const opts = options(root, content);
  const first = await build(opts);
  const before = snapshot(opts.outDir);

  // An edit in Dosage only: the Isatuximab page changes, nothing that lists it does.
  const file = join(content, 'compositions/isatuximab.md');
  const text = readFileSync(file, 'utf8');
  const edited = text.replace('Isatuximab is administered intravenously (IV).', 'Isatuximab is administered intravenously (IV) by a REBUILD-MARKER nurse.');
  assert.notEqual(edited, text);
  writeFileSync(file, edited);
  const r = await rebuild(opts, first.state, new Set([file]));
  assert.deepEqual(r.written, ['composition/isatuximab/index.html']);
  assert.deepEqual(r.removed, []);
  assert.equal(r.report.files.fromCache, 9);
  const after = snapshot(opts.outDir);
  assert.match(after.get('composition/isatuximab/index.html')!, /REBUILD-MARKER nurse/);
  // the full-text index gets the new text too, a moment later (written in the background)
  assert.ok(!((await r.state.fulltext) instanceof Error));
  const search = openSiteSearch(opts.outDir);
  assert.deepEqual(search.search('rebuild-marker').results.map((h) => h.url), ['/composition/isatuximab/']);
  search.close();
  // its API document too (the bulk download follows at the next full build)
  assert.match(after.get('api/v1/drugs/isatuximab.json')!, /REBUILD-MARKER nurse/);
  for (const [path, html] of before) {
    if (['composition/isatuximab/index.html', 'api/v1/drugs/isatuximab.json', 'build-report.json', 'search/names.json', 'search/fulltext.db', 'site.json', 'sitemap.xml'].includes(path)) continue;
    assert.equal(after.get(path), html, `${path} was re-written`);
  }
  assert.equal(readReport(opts.outDir).files.fromCache, 9);
  assert.deepEqual(leftovers(opts.outDir), []);
  assert.deepEqual(leftovers(join(opts.outDir, 'composition/isatuximab')), []);

  // A new title changes the lists that show it too; the old text is gone from the page.
  writeFileSync(file, edited.replace('title: Isatuximab', 'title: Isatuximab (Sarclisa)'));
  const r2 = await rebuild(opts, r.state, new Set([file]));
  assert.ok(r2.written.includes('composition/isatuximab/index.html'));
  assert.ok(r2.written.includes('browse/i/index.html'), `written: ${r2.written.join(', ')}`);
  assert.ok(!r2.written.includes('composition/itolizumab/index.html'));
  assert.match(readFileSync(join(opts.outDir, 'composition/isatuximab/index.html'), 'utf8'), /Isatuximab \(Sarclisa\)/);

  // A deleted file removes its page.
  rmSync(join(content, 'medicines/crocin-650.md'));
  const r3 = await rebuild(opts, r2.state, new Set([join(content, 'medicines/crocin-650.md')]));
  assert.ok(r3.removed.includes('medicines/crocin-650/index.html'), `removed: ${r3.removed.join(', ')}`);
  assert.ok(!existsSync(join(opts.outDir, 'medicines/crocin-650/index.html')));
  assert.equal(r3.report.counts.medicine, 1);
});

test(
  'a rebuild with nothing changed writes no page',
  async (t) => {
    const root = tempDir(t, 'rebuild-noop');
    const opts = options(root);
    const first = await build(opts);
    const r = await rebuild(opts, first.state, new Set());
    assert.deepEqual(r.written, []);
    assert.deepEqual(r.removed, []);
    assert.equal(r.report.files.fromCache, 10);
  },
);

test('broken files in the content are diagnostics in the report, not a failed build', async (t) => {
  const root = tempDir(t, 'broken');
  const content = join(root, 'content');
  cpSync(SAMPLE_DIR, content, { recursive: true });
  writeFileSync(join(content, 'compositions/empty.md'), '');
  writeFileSync(join(content, 'compositions/bomb.md'), readFileSync(new URL('./fixtures/broken-yaml-alias-bomb/input.md', import.meta.url)));
  mkdirSync(join(content, 'compositions/sub'), { recursive: true });
  writeFileSync(join(content, 'compositions/sub/no-fm.md'), '# No frontmatter\n');
  const { report } = await build(options(root, content));
  assert.deepEqual(report.files, { total: 13, used: 10, failed: 3, fromCache: 0 });
  assert.equal(report.diagnostics.bySeverity['error'], 3);
  assert.deepEqual(
    report.diagnostics.items.filter((d) => d.severity === 'error').map((d) => [d.file.split('/').slice(1).join('/'), d.code]),
    [
      ['compositions/bomb.md', 'frontmatter-alias-limit'],
      ['compositions/empty.md', 'file-empty'],
      ['compositions/sub/no-fm.md', 'frontmatter-missing'],
    ],
  );
  assert.equal(report.fidelity.complete, 13);
});
