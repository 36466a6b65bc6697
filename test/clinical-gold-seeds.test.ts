import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadGold } from '../bench/extract-gold.js';
import { emptyScore, GOLD_FIELDS, scorePage } from '../bench/extract-score.js';
import { extractClinicalFacts } from '../src/clinical/index.js';
import { caseNamed } from './helpers/cases.js';
import { normalizeCase } from './helpers/fixtures.js';

// The hand-checked gold entries of the five seeds (test/fixtures/clinical/gold.json, root "repo"):
// every regimen the seeds' dosage text states, each field and line as written there. The real
// corpus part of the same file is test/corpus/clinical-gold.test.ts.

const gold = loadGold(readFileSync(new URL('./fixtures/clinical/gold.json', import.meta.url), 'utf8'));
const seeds = gold.pages.filter((p) => p.root === 'repo');

test('gold file: five seeds and at least 40 real pages, each real page quoted by path and line only', () => {
  assert.equal(seeds.length, 5);
  assert.ok(gold.pages.filter((p) => p.root === 'corpus').length >= 40);
  const files = gold.pages.map((p) => p.file);
  assert.equal(new Set(files).size, files.length, 'a page is in the gold file twice');
});

test('agreement file: a second labelling of gold pages, in the gold format, each page once and in gold.json', () => {
  const raw = JSON.parse(readFileSync(new URL('./fixtures/clinical/agreement.json', import.meta.url), 'utf8')) as { pages: { file: string; split: string }[] };
  const second = loadGold(JSON.stringify({ ...raw, pages: raw.pages.map((p) => ({ ...p, split: 'dev' })) }));
  assert.ok(second.pages.length >= 20);
  assert.ok(raw.pages.every((p) => p.split === 'agreement'));
  const files = second.pages.map((p) => p.file);
  assert.equal(new Set(files).size, files.length);
  for (const f of files) assert.ok(gold.pages.some((g) => g.file === f), `${f} is not in gold.json`);
});

for (const p of seeds) {
  const name = p.file.split('/')[2]!;
  test(`gold: ${name} gives exactly its hand-checked regimens and pregnancy status`, () => {
    const m = normalizeCase(caseNamed(name)).monograph;
    assert.ok(m);
    const facts = extractClinicalFacts(m);
    const score = emptyScore();
    scorePage(score, p.file, facts.regimens, p.regimens, () => GOLD_FIELDS, true);
    assert.deepEqual(score.errors, []);
    assert.equal(score.correct, p.regimens.length);
    if (p.pregnancy !== undefined) assert.equal(facts.pregnancy?.status ?? null, p.pregnancy);
  });
}
