import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OverlappedWriter } from '../src/build/write.js';

const scratch = (): string => mkdtempSync(join(tmpdir(), 'formulary-write-'));

test('OverlappedWriter writes every file, creating folders, with a bounded window', async () => {
  const root = scratch();
  try {
    const w = new OverlappedWriter(root, 4);
    for (let i = 0; i < 100; i++) await w.write(`p/${i % 7}/page-${i}/index.html`, `<p>${i}</p>`);
    await w.flush();
    for (let i = 0; i < 100; i++) assert.equal(readFileSync(join(root, `p/${i % 7}/page-${i}/index.html`), 'utf8'), `<p>${i}</p>`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('OverlappedWriter refuses paths that leave the root and reports a failed write', async () => {
  const root = scratch();
  try {
    const w = new OverlappedWriter(root);
    await assert.rejects(w.write('../escape.html', 'x'), /escapes the output directory/);
    writeFileSync(join(root, 'blocker'), 'a file where a folder is needed');
    await w.write('blocker/index.html', 'x');
    await assert.rejects(w.flush(), /EEXIST|ENOTDIR/);
    await assert.rejects(w.write('later.html', 'x'), /EEXIST|ENOTDIR/, 'writes after a failure are refused');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
