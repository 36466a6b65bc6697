import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { decodeSource, DEFAULT_LIMITS, detectLayout, digestOf, discover, parseBody, readFrontmatter } from '../src/content/index.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'formulary-content-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

test('discover: Astro layout, kinds from folders, sorted, docs/hidden/node_modules/non-markdown skipped', (t) => {
  const root = tree({
    'compositions/zinc.md': 'z',
    'compositions/alemtuzumab.md': 'a',
    "compositions/ringer's-lactate.md": 'r',
    'combinations/paracetamol-caffeine.md': 'c',
    'medicines/crocin-650.md': 'm',
    'README.md': '# docs',
    'compositions/CHANGELOG.md': '# docs',
    '.git/x.md': 'x',
    'node_modules/pkg/readme2.md': 'x',
    'compositions/notes.txt': 'x',
    'other/extra.markdown': 'e',
  });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  assert.equal(detectLayout(root), 'astro');
  const name = basename(root);
  const found = discover(root);
  assert.deepEqual(
    found.map((f) => [f.file, f.kindHint, f.layout]),
    [
      [`${name}/combinations/paracetamol-caffeine.md`, 'combination', 'astro'],
      [`${name}/compositions/alemtuzumab.md`, 'composition', 'astro'],
      [`${name}/compositions/ringer's-lactate.md`, 'composition', 'astro'],
      [`${name}/compositions/zinc.md`, 'composition', 'astro'],
      [`${name}/medicines/crocin-650.md`, 'medicine', 'astro'],
      [`${name}/other/extra.markdown`, null, 'astro'],
    ],
  );
  const zinc = found.find((f) => f.file.endsWith('zinc.md'))!;
  assert.equal(zinc.abs, join(root, 'compositions/zinc.md'));
  assert.equal(zinc.size, 1);
  assert.ok(zinc.mtimeMs > 0);
});

test('discover: Jekyll and plain layouts give no kind hint; a missing folder gives nothing', (t) => {
  const jekyll = tree({ 'composition/a/acebrophylline-acetylcysteine.md': 'x', 'composition/i/ibalizumab.md': 'y' });
  const plain = tree({ 'a/abc.md': 'x' });
  t.after(() => {
    rmSync(jekyll, { recursive: true, force: true });
    rmSync(plain, { recursive: true, force: true });
  });
  assert.equal(detectLayout(jekyll), 'jekyll');
  assert.deepEqual(discover(jekyll).map((f) => [f.file.split('/').slice(1).join('/'), f.kindHint, f.layout]), [
    ['composition/a/acebrophylline-acetylcysteine.md', null, 'jekyll'],
    ['composition/i/ibalizumab.md', null, 'jekyll'],
  ]);
  assert.equal(detectLayout(plain), 'plain');
  assert.deepEqual(discover(plain).map((f) => f.kindHint), [null]);
  assert.deepEqual(discover(join(plain, 'does-not-exist')), []);
});

test('decodeSource: BOM removed, CRLF and lone CR become LF (line count unchanged), digest of the raw bytes', () => {
  const raw = Buffer.from('\uFEFF---\r\ntitle: A\r\n---\rBody\r\n');
  const { source, diagnostics } = decodeSource('x.md', raw);
  assert.deepEqual(diagnostics, []);
  assert.equal(source?.text, '---\ntitle: A\n---\nBody\n');
  assert.equal(source?.bytes, raw.length);
  assert.equal(source?.digest, digestOf(raw));
  assert.match(source!.digest, /^[0-9a-f]{16}$/);
  assert.notEqual(digestOf(Buffer.from('---\ntitle: A\n---\nBody\n')), source!.digest);
});

test('decodeSource: a NUL after the first 8 KiB is not taken for binary', () => {
  const bytes = Buffer.concat([Buffer.from('---\ntitle: A\n---\n' + 'x'.repeat(9000)), Buffer.from([0])]);
  const { source, diagnostics } = decodeSource('x.md', bytes, DEFAULT_LIMITS);
  assert.ok(source);
  assert.deepEqual(diagnostics, []);
});

test('readFrontmatter: fences, key lines and body start line; `...` closes a block too', () => {
  const text = '---\ntitle: Isatuximab\ndescription: >-\n  Folded\n  text\nfaqs:\n  - q: A?\n    a: B\n...\n# Isatuximab\n';
  const r = readFrontmatter('x.md', text, DEFAULT_LIMITS);
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.frontmatter?.startLine, 1);
  assert.equal(r.frontmatter?.endLine, 9);
  assert.deepEqual([...r.frontmatter!.keyLines], [
    ['title', 2],
    ['description', 3],
    ['faqs', 6],
  ]);
  assert.deepEqual(r.frontmatter?.data, { title: 'Isatuximab', description: 'Folded text', faqs: [{ q: 'A?', a: 'B' }] });
  assert.equal(r.bodyStartLine, 10);
  assert.equal(r.body, '# Isatuximab\n');
});

test('readFrontmatter: YAML is read with the JSON schema (no dates, no custom tags)', () => {
  const r = readFrontmatter('x.md', "---\ntitle: A\nlastModified: 2025-09-22\nwhen: '2025-09-22T17:21:53.372Z'\n---\n", DEFAULT_LIMITS);
  assert.deepEqual(r.frontmatter?.data, { title: 'A', lastModified: '2025-09-22', when: '2025-09-22T17:21:53.372Z' });
  const tagged = readFrontmatter('x.md', '---\ntitle: !!js/function "function () {}"\n---\n', DEFAULT_LIMITS);
  assert.equal(tagged.frontmatter, null);
  assert.deepEqual(tagged.diagnostics.map((d) => d.code), ['frontmatter-invalid-yaml']);
});

test('parseBody: blocks carry file lines, offset by the body start', () => {
  const { blocks } = parseBody('## **Usage**\n\n- one\n- two\n\nText\nmore text\n', 10);
  assert.deepEqual(
    blocks.map((b) => [b.type, b.level, b.inline, b.start, b.end]),
    [
      ['heading', 2, '**Usage**', 10, 10],
      // markdown-it's list map takes in the blank line that ends the list; section ranges trim it
      ['list', 0, '', 12, 14],
      ['paragraph', 0, 'Text\nmore text', 15, 16],
    ],
  );
});
