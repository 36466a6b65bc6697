import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalog } from '../src/catalog/index.js';
import { discover } from '../src/content/index.js';
import { writeFulltextInBackground } from '../src/build/fulltext-job.js';
import { openFulltextIndex } from '../src/search/fulltext/index.js';
import { normalizeOne } from '../src/build/normalize-one.js';
import { normalizeInWorkers } from '../src/build/pool.js';
import { SAMPLE_DIR } from './helpers/monographs.js';

test('the pool (workers + main thread) delivers every file once, equal to normalizing it directly', async () => {
  const sample = discover(SAMPLE_DIR);
  // Enough files for several worker jobs and many main-thread turns.
  const files = Array.from({ length: 300 }, (_, i) => sample[i % sample.length]!);
  const got = new Map<number, unknown>();
  let fromWorkers = 0;
  await normalizeInWorkers(files, (i, r) => {
    assert.ok(!got.has(i), `file ${i} delivered twice`);
    if (r.json !== undefined) fromWorkers++;
    got.set(i, r.json !== undefined ? JSON.parse(r.json) : JSON.parse(JSON.stringify(r.result)));
  });
  assert.equal(got.size, files.length);
  assert.ok(fromWorkers > 0, 'no file was normalized by a worker');
  assert.ok(fromWorkers < files.length, 'the main thread normalized nothing');
  files.forEach((f, i) => assert.deepEqual(got.get(i), JSON.parse(JSON.stringify(normalizeOne(f))), f.file));
});

test('the full-text index written on a worker is the one written in place', async () => {
  const catalog = buildCatalog(discover(SAMPLE_DIR).flatMap((f) => normalizeOne(f).monograph ?? []));
  const dir = mkdtempSync(join(tmpdir(), 'formulary-fulltext-'));
  try {
    // Batches of 3 documents: the worker pulls several, some sent before it asked.
    const onWorker = await writeFulltextInBackground(catalog, join(dir, 'worker', 'fulltext.db'), 0, 3);
    const inPlace = await writeFulltextInBackground(catalog, join(dir, 'inline', 'fulltext.db'));
    assert.equal(onWorker.documents, catalog.entries.length);
    assert.equal(inPlace.documents, catalog.entries.length);
    const a = openFulltextIndex(join(dir, 'worker', 'fulltext.db'));
    const b = openFulltextIndex(join(dir, 'inline', 'fulltext.db'));
    assert.ok(!('problem' in a) && !('problem' in b));
    for (const q of ['multiple sclerosis', 'paracetamol', 'infusion', 'cd38']) assert.deepEqual(a.search(q, { limit: 10 }), b.search(q, { limit: 10 }), q);
    a.close();
    b.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
