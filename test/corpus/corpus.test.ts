import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, entryKey } from '../../src/catalog/index.js';
import { discover, type DiscoveredFile } from '../../src/content/index.js';
import type { DiagnosticCode } from '../../src/diagnostics/index.js';
import type { Monograph } from '../../src/model/index.js';
import { normalizeFile, type NormalizeResult } from '../../src/normalize/index.js';
import { sitePages } from '../../src/site/index.js';

// The corpus suite (`npm run test:corpus`, not part of `npm test`): every real page of
// ../shared/corpus, and a synthetic corpus with ground truth from generate.mjs. Figures are printed
// as test diagnostics; any crash, unaccounted line, undetected broken file or mismatch fails.

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const REAL = ['rxhive-astro', 'rxhive-jekyll'].map((d) => join(CORPUS, d));
const SYNTHETIC_COUNT = Number(process.env['CORPUS_COUNT'] ?? 1000);

assert.ok(existsSync(join(CORPUS, 'generate.mjs')), `the corpus is not at ${CORPUS} (expected ../shared/corpus beside the repository)`);

const pct = (a: number, b: number): string => (b === 0 ? '100' : ((100 * a) / b).toFixed(3));

interface Loaded {
  file: DiscoveredFile;
  result: NormalizeResult | null;
  crash: string | null;
}

function loadAll(files: readonly DiscoveredFile[]): Loaded[] {
  return files.map((file) => {
    try {
      return { file, result: normalizeFile({ file: file.file, bytes: readFileSync(file.abs), kindHint: file.kindHint }), crash: null };
    } catch (e) {
      return { file, result: null, crash: (e as Error).stack ?? String(e) };
    }
  });
}

test('real corpus (rxhive-astro + rxhive-jekyll): no crash, every non-blank line accounted for, overlapping slugs merged', (t) => {
  const files = REAL.flatMap((d) => discover(d));
  assert.ok(files.length > 10_000, `only ${files.length} files found under ${CORPUS}`);
  const t0 = performance.now();
  const loaded = loadAll(files);
  const ms = performance.now() - t0;

  const crashes = loaded.filter((l) => l.crash !== null);
  const results = loaded.flatMap((l) => (l.result ? [l.result] : []));
  const incomplete = results.filter((r) => r.fidelity.accountedLines !== r.fidelity.nonBlankLines);
  const nonBlank = results.reduce((a, r) => a + r.fidelity.nonBlankLines, 0);
  const accounted = results.reduce((a, r) => a + r.fidelity.accountedLines, 0);
  const refused = results.filter((r) => r.monograph === null);
  const byCode = new Map<string, number>();
  for (const r of results) for (const d of r.diagnostics) byCode.set(`${d.code} (${d.severity})`, (byCode.get(`${d.code} (${d.severity})`) ?? 0) + 1);

  t.diagnostic(`files: ${files.length} (${files.filter((f) => f.file.startsWith('rxhive-astro/')).length} astro, ${files.filter((f) => f.file.startsWith('rxhive-jekyll/')).length} jekyll), normalized in ${Math.round(ms)} ms (${(ms / files.length).toFixed(2)} ms/file)`);
  t.diagnostic(`crashes: ${crashes.length}; refused: ${refused.length}`);
  t.diagnostic(`fidelity: ${accounted}/${nonBlank} non-blank lines (${pct(accounted, nonBlank)}%), complete files ${results.length - incomplete.length}/${results.length} (${pct(results.length - incomplete.length, results.length)}%)`);
  t.diagnostic(`diagnostics: ${[...byCode].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ')}`);

  assert.deepEqual(crashes.slice(0, 5).map((c) => `${c.file.file}: ${c.crash}`), [], `${crashes.length} files crashed normalizeFile`);
  assert.deepEqual(
    incomplete.slice(0, 20).map((r) => `${r.file}: lines ${r.fidelity.unaccounted.join(', ')}`),
    [],
    `${incomplete.length} files have non-blank lines that neither the model nor a diagnostic accounts for`,
  );
  assert.deepEqual(refused.map((r) => r.file), [], 'a real page was refused');

  const monographs = results.flatMap((r) => (r.monograph ? [r.monograph] : []));
  const t1 = performance.now();
  const catalog = buildCatalog(monographs);
  const catMs = performance.now() - t1;
  const merged = catalog.entries.filter((e) => e.monograph.alternates.length > 0);
  const crossSource = merged.filter((e) => new Set(e.monograph.sources.map((s) => s.file.split('/')[0])).size > 1);
  const catCodes = new Map<string, number>();
  for (const d of catalog.diagnostics) catCodes.set(d.code, (catCodes.get(d.code) ?? 0) + 1);
  t.diagnostic(`catalog: ${catalog.entries.length} entries from ${monographs.length} monographs in ${Math.round(catMs)} ms; ${merged.length} merged (${crossSource.length} across astro and jekyll); ${[...catCodes].map(([c, n]) => `${c} ${n}`).join(', ')}`);

  const alemtuzumab = catalog.byKey.get(entryKey('composition', 'alemtuzumab'));
  assert.ok(alemtuzumab, 'no alemtuzumab entry');
  assert.deepEqual(alemtuzumab.monograph.sources.map((s) => [s.file, s.role]), [
    ['rxhive-astro/compositions/alemtuzumab.md', 'primary'],
    ['rxhive-jekyll/composition/a/alemtuzumab.md', 'alternate'],
  ]);
  assert.equal(alemtuzumab.monograph.alternates.length, 1);
  assert.ok(alemtuzumab.monograph.alternates[0]!.sections.length > 0, 'the Jekyll alternate lost its sections');
  const page = sitePages(catalog, { siteUrl: null, siteName: 'Formulary', adSlots: {}, builtAt: '2026-01-01T00:00:00.000Z' }).find((p) => p.path === 'composition/alemtuzumab/index.html');
  assert.ok(page, 'no alemtuzumab page');
  const ids = [...page.render().matchAll(/ id="([^"]+)"/g)].map((x) => x[1]!);
  assert.equal(new Set(ids).size, ids.length, `duplicate ids on the merged page: ${ids.filter((x, i) => ids.indexOf(x) !== i).join(', ')}`);
  assert.equal(catalog.entries.filter((e) => e.monograph.title.toLowerCase() === 'alemtuzumab').length, 1, 'alemtuzumab listed twice');
  assert.ok(crossSource.length > 1500, `only ${crossSource.length} drugs merged across the two sources (about 2,000 slugs overlap)`);
  assert.equal(catCodes.get('duplicate-source'), monographs.length - catalog.entries.length, 'one duplicate-source diagnostic per merged-away source');
  const keys = catalog.entries.map((e) => entryKey(e.monograph.kind, e.monograph.slug));
  assert.equal(new Set(keys).size, keys.length, 'two entries share a kind and slug');
});

// ---- synthetic corpus with ground truth -------------------------------------------------------------

interface ManifestFile {
  path: string;
  title: string | null;
  error?: string | null;
  unsafe?: boolean;
  format?: 'rich' | 'minimal';
  isBanned?: boolean;
  lastModified?: string | null;
  sections?: string[];
  faqCount?: number;
  brands?: string[];
  class?: string;
}

/** The error classes generate.mjs writes → the code that must report them. */
const ERROR_CODES: Record<string, DiagnosticCode> = {
  empty: 'file-empty',
  'no-frontmatter': 'frontmatter-missing',
  'unterminated-frontmatter': 'frontmatter-unterminated',
  'invalid-yaml': 'frontmatter-invalid-yaml',
  'missing-title': 'title-missing',
  binary: 'file-binary',
  'yaml-alias-bomb': 'frontmatter-alias-limit',
};

/** Manifest section names → section ids of the model. */
const SECTION_IDS: Record<string, string> = {
  usage: 'overview',
  alternate: 'alternate-names',
  howworks: 'how-it-works',
  dosage: 'dosage',
  sideeffects: 'side-effects',
  contraindications: 'contraindications',
  interactions: 'interactions',
  pregnancy: 'pregnancy',
  summary: 'summary',
  combinations: 'combinations',
  precautions: 'precautions',
  faqs: 'faqs',
  storage: 'storage',
  overdose: 'x-overdose',
};

test(`synthetic corpus (${SYNTHETIC_COUNT} files, 5% broken): every broken file reported with its code, every good file loads as the manifest says`, (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'formulary-synthetic-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  execFileSync(process.execPath, [join(CORPUS, 'generate.mjs'), '--count', String(SYNTHETIC_COUNT), '--bad', '0.05', '--out', dir], { stdio: 'pipe' });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: ManifestFile[] };
  const discovered = discover(dir);
  assert.equal(discovered.length, manifest.files.length, 'discover found another number of files than the manifest lists');
  const byPath = new Map(discovered.map((f) => [f.file.split('/').slice(1).join('/'), f]));

  const classes = new Map<string, { total: number; detected: number; misses: string[] }>();
  const mismatches = new Map<string, string[]>();
  const miss = (what: string, detail: string): void => {
    const list = mismatches.get(what) ?? [];
    list.push(detail);
    mismatches.set(what, list);
  };
  const count = (cls: string, ok: boolean, path: string): void => {
    const c = classes.get(cls) ?? { total: 0, detected: 0, misses: [] };
    c.total++;
    if (ok) c.detected++;
    else c.misses.push(path);
    classes.set(cls, c);
  };
  let good = 0;
  let crashes = 0;
  let incomplete = 0;

  for (const entry of manifest.files) {
    const f = byPath.get(entry.path);
    if (!f) {
      miss('not discovered', entry.path);
      continue;
    }
    let r: NormalizeResult;
    try {
      r = normalizeFile({ file: f.file, bytes: readFileSync(f.abs), kindHint: f.kindHint });
    } catch (e) {
      crashes++;
      miss('crash', `${entry.path}: ${(e as Error).message}`);
      continue;
    }
    if (r.fidelity.accountedLines !== r.fidelity.nonBlankLines) {
      incomplete++;
      miss('unaccounted lines', `${entry.path}: ${r.fidelity.unaccounted.join(', ')}`);
    }
    if (entry.error) {
      const code = ERROR_CODES[entry.error];
      assert.ok(code, `manifest error class "${entry.error}" has no code mapping`);
      const ok = r.monograph === null && r.diagnostics.some((d) => d.code === code && d.severity === 'error');
      count(entry.error, ok, `${entry.path} → ${r.diagnostics.map((d) => d.code).join(',') || 'nothing'}`);
      continue;
    }
    if (entry.unsafe) {
      const m = r.monograph;
      const html = m ? [...m.sections.map((s) => s.html), ...m.faqs.map((x) => x.answerHtml)].join('') : '';
      const ok =
        m !== null &&
        m.title === entry.title &&
        r.diagnostics.some((d) => d.code === 'unsafe-html' && d.severity === 'warning') &&
        !/<script|<[a-z][^>]*\son[a-z]+\s*=|href="javascript:/i.test(html);
      count('script-injection', ok, entry.path);
      continue;
    }
    good++;
    const m = r.monograph;
    if (!m) {
      miss('good file refused', `${entry.path}: ${r.diagnostics.map((d) => d.code).join(',')}`);
      continue;
    }
    check(entry, m, miss);
  }

  const classLine = [...classes].map(([c, v]) => `${c} ${v.detected}/${v.total}`).join(', ');
  t.diagnostic(`files: ${manifest.files.length} (${good} good, ${manifest.files.length - good} broken or unsafe); crashes ${crashes}; files with unaccounted lines ${incomplete}`);
  t.diagnostic(`broken files detected with the right code: ${classLine}`);
  t.diagnostic(`good-file mismatches: ${CHECKS.map((c) => `${c} ${mismatches.get(c)?.length ?? 0}`).join(', ')}`);

  for (const [cls, v] of classes) assert.deepEqual(v.misses, [], `${cls}: ${v.total - v.detected} of ${v.total} not reported with ${ERROR_CODES[cls] ?? 'unsafe-html'}`);
  assert.ok(classes.size >= 6, `only ${classes.size} broken classes in the sample: ${classLine}`);
  assert.deepEqual(Object.fromEntries([...mismatches].map(([k, v]) => [k, v.slice(0, 5)])), {}, 'the manifest and the normalized files disagree');
});

const CHECKS = ['title', 'faq count', 'sections', 'format', 'banned', 'lastModified', 'brands', 'class'] as const;

function check(entry: ManifestFile, m: Monograph, miss: (what: string, detail: string) => void): void {
  if (m.title !== entry.title) miss('title', `${entry.path}: ${JSON.stringify(m.title)} ≠ ${JSON.stringify(entry.title)}`);
  if (entry.faqCount !== undefined && m.faqs.length !== entry.faqCount) miss('faq count', `${entry.path}: ${m.faqs.length} ≠ ${entry.faqCount}`);
  const ids = new Set(m.sections.map((s) => s.id));
  const missing = (entry.sections ?? []).filter((s) => !ids.has(SECTION_IDS[s] ?? `?${s}`));
  if (missing.length > 0) miss('sections', `${entry.path}: missing ${missing.join(', ')} in ${[...ids].join(', ')}`);
  const expectedFormat = entry.format === 'minimal' ? 'minimal' : 'rich';
  if (entry.format && m.sources[0]!.format !== expectedFormat) miss('format', `${entry.path}: ${m.sources[0]!.format} ≠ ${expectedFormat}`);
  if (entry.isBanned !== undefined && m.isBanned !== entry.isBanned) miss('banned', `${entry.path}: ${m.isBanned} ≠ ${entry.isBanned}`);
  if (entry.lastModified !== undefined && m.lastModified !== entry.lastModified) miss('lastModified', `${entry.path}: ${m.lastModified} ≠ ${entry.lastModified}`);
  if (entry.brands && JSON.stringify(m.brandNames) !== JSON.stringify(entry.brands)) miss('brands', `${entry.path}: ${JSON.stringify(m.brandNames)} ≠ ${JSON.stringify(entry.brands)}`);
  // rich pages state the class (`**Pharmacological classification:** X.`); minimal ones only in prose
  if (entry.format === 'rich' && entry.class !== undefined && m.drugClass?.text !== entry.class) miss('class', `${entry.path}: ${JSON.stringify(m.drugClass?.text)} ≠ ${JSON.stringify(entry.class)}`);
}
