import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadGold, UNGATED_SPLITS } from '../../bench/extract-gold.js';
import { CONTRACT_FIELDS, emptyScore, GOLD_FIELDS, precision, recall, scorePage, type Expected } from '../../bench/extract-score.js';
import { ClinicalFactsSchema, extractClinicalFacts } from '../../src/clinical/index.js';
import { discover } from '../../src/content/index.js';
import { normalizeFile } from '../../src/normalize/index.js';

// The clinical extractor against (a) the hand-checked gold pages of the real corpora and (b) the
// synthetic generator's manifest. Needs ../shared/corpus (`npm run test:corpus`); the figures and
// the per-field table are `npm run bench:extract`.

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
assert.ok(existsSync(join(CORPUS, 'generate.mjs')), `the corpus is not at ${CORPUS}`);

test('gold pages of the real corpora the extractor was worked on: precision ≥ 0.99, recall ≥ 0.9 (the held-out set and those whose fixes are unfinished are measured, not gated)', (t) => {
  const gold = loadGold(readFileSync(new URL('../fixtures/clinical/gold.json', import.meta.url), 'utf8'));
  const files = new Map(['rxhive-astro', 'rxhive-jekyll'].flatMap((d) => discover(join(CORPUS, d))).map((f) => [f.file, f]));
  const score = emptyScore();
  const ungated = emptyScore();
  for (const p of gold.pages.filter((x) => x.root === 'corpus')) {
    const f = files.get(p.file);
    assert.ok(f, `gold page ${p.file} is not in the corpus`);
    const m = normalizeFile({ file: f.file, bytes: readFileSync(f.abs), kindHint: f.kindHint }).monograph;
    assert.ok(m, `${p.file} was refused`);
    const facts = extractClinicalFacts(m);
    ClinicalFactsSchema.parse(facts);
    scorePage(UNGATED_SPLITS.includes(p.split) ? ungated : score, p.file, facts.regimens, p.regimens, () => GOLD_FIELDS, true);
  }
  assert.ok(score.pages > 100 && (UNGATED_SPLITS.length === 0 || ungated.pages > 0), `${score.pages} worked pages, ${ungated.pages} not gated`);
  if (UNGATED_SPLITS.length > 0) t.diagnostic(`${UNGATED_SPLITS.join(', ')} (not gated): ${ungated.pages} pages, ${ungated.expected} regimens: precision ${precision(ungated).toFixed(4)}, recall ${recall(ungated).toFixed(4)}`);
  t.diagnostic(`${score.pages} pages, ${score.expected} regimens: precision ${precision(score).toFixed(4)}, recall ${recall(score).toFixed(4)}`);
  assert.ok(precision(score) >= 0.99, `precision ${precision(score)}: ${JSON.stringify(score.errors.slice(0, 5))}`);
  assert.ok(recall(score) >= 0.9, `recall ${recall(score)}: ${JSON.stringify(score.errors.slice(0, 5))}`);
});

test('synthetic corpus (generate.mjs --count 600): regimens precision ≥ 0.99, recall ≥ 0.9; pregnancy status precision ≥ 0.99', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'formulary-clinical-'));
  try {
    execFileSync(process.execPath, [join(CORPUS, 'generate.mjs'), '--count', '600', '--seed', '7', '--out', dir], { stdio: 'ignore' });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: { path: string; error?: string | null; regimens?: Expected[]; pregnancy?: string }[] };
    const byPath = new Map(discover(dir).map((f) => [f.file.slice(f.file.indexOf('/') + 1), f]));
    const score = emptyScore();
    let pregnancyFound = 0;
    let pregnancyRight = 0;
    for (const truth of manifest.files) {
      if (truth.error || !truth.regimens) continue;
      const f = byPath.get(truth.path)!;
      const m = normalizeFile({ file: f.file, bytes: readFileSync(f.abs), kindHint: f.kindHint }).monograph!;
      const facts = extractClinicalFacts(m);
      const dosage = m.sections.filter((s) => s.id === 'dosage').map((s) => s.markdown).join('\n').toLowerCase();
      const want = truth.regimens.map((r) => {
        const w: Expected = { ...r };
        if (typeof w.indication === 'string' && !dosage.includes(w.indication.toLowerCase())) w.indication = null;
        if (w.population === 'adult' && !/\badults?\b/.test(dosage)) w.population = null;
        return w;
      });
      scorePage(score, truth.path, facts.regimens, want, (w) => CONTRACT_FIELDS.filter((k) => k in w), false);
      if (facts.pregnancy?.status) {
        pregnancyFound++;
        if (facts.pregnancy.status === truth.pregnancy) pregnancyRight++;
      }
    }
    t.diagnostic(`${score.pages} pages, ${score.expected} regimens: precision ${precision(score).toFixed(4)}, recall ${recall(score).toFixed(4)}; pregnancy ${pregnancyRight}/${pregnancyFound}`);
    assert.ok(precision(score) >= 0.99 && recall(score) >= 0.9, JSON.stringify(score.errors.slice(0, 5)));
    assert.ok(pregnancyRight / pregnancyFound >= 0.99);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
