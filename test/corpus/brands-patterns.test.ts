import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CORPUS, extractPatterns, loadPatterns } from '../../bench/brands/shapes.js';

// The table-driven parsing tests (test/brands-composition.test.ts, test/brands-pack.test.ts) hold
// one real string per shape; these check, against the real catalogs in ../shared/corpus/brands,
// that no shape is missing from that table.
const patterns = loadPatterns();

test('brands: the composition table is complete: every shape in the real CSVs has a row', () => {
  const found = extractPatterns(DEFAULT_CORPUS);
  const have = new Set([...patterns.compositions, ...patterns.strengths].map((p) => `${p.source}\u0000${p.shape}\u0000${p.text}`));
  const missing = [...found.compositions, ...found.strengths].filter((f) => !have.has(`${f.source}\u0000${f.shape}\u0000${f.example}`));
  assert.deepEqual(
    missing.map((m) => `${m.source}: ${m.example}`),
    [],
    'shapes missing from test/fixtures/brands/patterns.json: run `node --import tsx bench/brands/patterns.ts --write` and review',
  );
});

test('brands: the pack table is complete: every pack shape in the real CSVs has a row', () => {
  const found = extractPatterns(DEFAULT_CORPUS);
  const have = new Set(patterns.packs.map((p) => `${p.source}\u0000${p.text}`));
  const haveColumns = new Set(patterns.productPacks.map((p) => JSON.stringify(p.columns)));
  assert.deepEqual(found.packs.filter((f) => !have.has(`${f.source}\u0000${f.example}`)).map((f) => f.example), []);
  assert.deepEqual(found.productPacks.filter((f) => !haveColumns.has(JSON.stringify(f.example))).map((f) => f.shape), []);
});

