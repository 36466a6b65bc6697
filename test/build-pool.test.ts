import { test } from 'node:test';
import assert from 'node:assert/strict';
import { discover } from '../src/content/index.js';
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
