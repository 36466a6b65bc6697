import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CASES } from './helpers/cases.js';
import { checkGolden, FIXTURES_DIR, goldenOf, listFixtureDirs, normalizeCase, UPDATE } from './helpers/fixtures.js';

// Golden files: test/fixtures/<case>/expected.json holds the whole monograph (MonographSchema-parsed),
// the diagnostics and the fidelity figures of input.md. Regenerate with UPDATE=1, then review the diff.

for (const c of CASES) {
  test(`golden ${c.name}: ${c.about}`, () => {
    const result = normalizeCase(c);
    checkGolden(`${FIXTURES_DIR}${c.name}`, goldenOf(result));
  });
}

test('every fixture folder has a case, and every case a folder', () => {
  const names = CASES.map((c) => c.name).sort();
  assert.deepEqual(listFixtureDirs(), names);
  assert.equal(new Set(names).size, names.length, 'duplicate case names');
});

test('a missing golden fails instead of being created', { skip: UPDATE ? 'UPDATE=1 writes goldens' : false }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'formulary-golden-'));
  try {
    assert.throws(() => checkGolden(dir, { a: 1 }), /golden .*expected\.json is missing: review the output and create it with UPDATE=1/);
    writeFileSync(join(dir, 'expected.json'), JSON.stringify({ a: 1 }));
    assert.doesNotThrow(() => checkGolden(dir, { a: 1 }));
    assert.throws(() => checkGolden(dir, { a: 2 }), /output differs from/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
