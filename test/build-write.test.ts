import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Folders, removeTree, SiteWriter, ThreadedWriter } from '../src/build/write.js';

const scratch = (): string => mkdtempSync(join(tmpdir(), 'formulary-write-'));

test('SiteWriter writes every file, creating nested folders once each', () => {
  const root = scratch();
  try {
    const w = new SiteWriter(root);
    for (let i = 0; i < 100; i++) w.write(`p/${i % 7}/page-${i}/index.html`, `<p>${i}</p>`);
    w.write('top.html', 'top');
    for (let i = 0; i < 100; i++) assert.equal(readFileSync(join(root, `p/${i % 7}/page-${i}/index.html`), 'utf8'), `<p>${i}</p>`);
    assert.equal(readFileSync(join(root, 'top.html'), 'utf8'), 'top');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('SiteWriter refuses paths that leave the root and throws on a failed write', () => {
  const root = scratch();
  try {
    const w = new SiteWriter(root);
    assert.throws(() => w.write('../escape.html', 'x'), /escapes the output directory/);
    writeFileSync(join(root, 'blocker'), 'a file where a folder is needed');
    assert.throws(() => w.write('blocker/index.html', 'x'), /EEXIST|ENOTDIR/);
    assert.throws(() => w.write('blocker/deeper/index.html', 'x'), /EEXIST|ENOTDIR/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('Folders makes missing parents and accepts folders that already exist, but not a file in the way', () => {
  const root = scratch();
  try {
    const f = new Folders();
    mkdirSync(join(root, 'a'));
    f.make(join(root, 'a', 'b', 'c'));
    f.make(join(root, 'a', 'b', 'c'));
    assert.ok(statSync(join(root, 'a', 'b', 'c')).isDirectory());
    writeFileSync(join(root, 'file'), 'x');
    assert.throws(() => f.make(join(root, 'file')), /EEXIST/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('ThreadedWriter writes every file on its worker, in small batches with a small window, and close waits for them', () => {
  const root = scratch();
  try {
    const w = new ThreadedWriter(root, { window: 2, batchBytes: 64 });
    const big = 'x'.repeat(10_000);
    for (let i = 0; i < 300; i++) w.write(`p/${i % 7}/page-${i}/index.html`, i % 50 === 0 ? big : `<p>${i}</p>`);
    w.write('bulk.bin', new Uint8Array([1, 2, 3]));
    w.close();
    for (let i = 0; i < 300; i++) assert.equal(readFileSync(join(root, `p/${i % 7}/page-${i}/index.html`), 'utf8'), i % 50 === 0 ? big : `<p>${i}</p>`);
    assert.deepEqual([...readFileSync(join(root, 'bulk.bin'))], [1, 2, 3]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('ThreadedWriter hands a byte array that spans its buffer over to its worker (not copied); a view into a larger buffer is copied', () => {
  const root = scratch();
  try {
    const w = new ThreadedWriter(root);
    const own = new Uint8Array(Buffer.from('whole buffer'));
    const shared = new Uint8Array(new ArrayBuffer(16), 4, 8).fill(65);
    w.write('own.bin', own);
    w.write('view.bin', shared);
    w.close();
    assert.equal(readFileSync(join(root, 'own.bin'), 'utf8'), 'whole buffer');
    assert.equal(readFileSync(join(root, 'view.bin'), 'utf8'), 'AAAAAAAA');
    assert.equal(own.byteLength, 0, 'the whole-buffer array was transferred, so it is detached here');
    assert.equal(shared.byteLength, 8, 'the view was copied, its buffer left alone');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('ThreadedWriter refuses paths that leave the root at once, and a failed write at close', () => {
  const root = scratch();
  try {
    writeFileSync(join(root, 'blocker'), 'a file where a folder is needed');
    const w = new ThreadedWriter(root);
    assert.throws(() => w.write('../escape.html', 'x'), /escapes the output directory/);
    w.write('fine/index.html', 'ok');
    w.write('blocker/index.html', 'x');
    assert.throws(() => w.close(), /EEXIST|ENOTDIR/);
    assert.equal(readFileSync(join(root, 'fine/index.html'), 'utf8'), 'ok');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('removeTree removes a folder with everything in it, leaves what a symbolic link points to, and a missing path is not an error', async () => {
  const root = scratch();
  try {
    const site = join(root, 'site');
    // More entries in a folder than it removes at once, nested folders, an empty folder.
    for (let i = 0; i < 150; i++) {
      mkdirSync(join(site, 'medicines', `brand-${i}`), { recursive: true });
      writeFileSync(join(site, 'medicines', `brand-${i}`, 'index.html'), `<p>${i}</p>`);
    }
    mkdirSync(join(site, 'empty'));
    writeFileSync(join(site, 'top.html'), 'top');
    const kept = join(root, 'kept');
    mkdirSync(kept);
    writeFileSync(join(kept, 'file.txt'), 'still here');
    symlinkSync(kept, join(site, 'link'));
    await removeTree(site);
    assert.equal(existsSync(site), false);
    assert.deepEqual(readdirSync(root), ['kept']);
    assert.equal(readFileSync(join(kept, 'file.txt'), 'utf8'), 'still here', 'the link was removed, not followed');
    await removeTree(site);
    await removeTree(join(root, 'never-was', 'deeper'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
