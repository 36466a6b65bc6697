import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_LIMITS } from '../src/content/index.js';
import type { Diagnostic } from '../src/diagnostics/index.js';
import type { Monograph } from '../src/model/index.js';
import { normalizeFile, type NormalizeResult } from '../src/normalize/index.js';
import { caseNamed } from './helpers/cases.js';
import { normalizeCase } from './helpers/fixtures.js';

// One fixture per class of broken file (test/fixtures/broken-*). Each is refused, or loaded with a
// warning, with one positioned diagnostic whose code, severity, position and text are pinned here.

type Pinned = Pick<Diagnostic, 'code' | 'severity' | 'line' | 'column' | 'message'> & { endLine?: number };

const pin = (d: Diagnostic): Pinned => {
  const p: Pinned = { code: d.code, severity: d.severity, line: d.line, column: d.column, message: d.message };
  if (d.endLine !== undefined) p.endLine = d.endLine;
  return p;
};

function refused(name: string, expected: Pinned): NormalizeResult {
  const r = normalizeCase(caseNamed(name));
  assert.equal(r.monograph, null, `${name} should be refused`);
  assert.deepEqual(r.diagnostics.map(pin), [expected]);
  const d = r.diagnostics[0]!;
  assert.equal(d.file, caseNamed(name).file);
  assert.ok(d.hint.length > 0);
  assert.doesNotMatch(d.message, /^Error:/, 'no "Error:" prefix: the severity lives in its field');
  // The refusing error accounts for every line of the file.
  assert.equal(r.fidelity.accountedLines, r.fidelity.nonBlankLines);
  return r;
}

test('empty file → file-empty', () => {
  refused('broken-empty', { code: 'file-empty', severity: 'error', line: 1, column: 1, message: 'The file is empty.' });
  // whitespace only is empty too
  const r = normalizeFile({ file: 'x/blank.md', bytes: Buffer.from('\n  \r\n\t\n'), kindHint: null });
  assert.deepEqual(r.diagnostics.map((d) => d.code), ['file-empty']);
});

test('no frontmatter → frontmatter-missing', () => {
  refused('broken-no-frontmatter', {
    code: 'frontmatter-missing',
    severity: 'error',
    line: 1,
    column: 1,
    endLine: 5,
    message: 'The file does not start with a `---` frontmatter block, so it has no title or metadata.',
  });
});

test('unterminated frontmatter → frontmatter-unterminated', () => {
  refused('broken-unterminated-frontmatter', {
    code: 'frontmatter-unterminated',
    severity: 'error',
    line: 1,
    column: 1,
    endLine: 6,
    message: 'The frontmatter block opened on line 1 is never closed by a `---` line.',
  });
});

test('invalid YAML → frontmatter-invalid-yaml at js-yaml’s own position', () => {
  refused('broken-invalid-yaml', {
    code: 'frontmatter-invalid-yaml',
    severity: 'error',
    line: 3,
    column: 1,
    endLine: 7,
    message: 'The frontmatter is not valid YAML: missed comma between flow collection entries.',
  });
  // a column past 1: the position is the parser's mark, mapped to file lines (fence on line 1)
  const r = normalizeFile({ file: 'x/bad.md', bytes: Buffer.from('---\ntitle: Isatuximab\ndescription: "a "b" c"\n---\nBody\n'), kindHint: null });
  assert.deepEqual(r.diagnostics.map(pin), [
    { code: 'frontmatter-invalid-yaml', severity: 'error', line: 3, column: 18, endLine: 6, message: 'The frontmatter is not valid YAML: bad indentation of a mapping entry.' },
  ]);
});

test('missing title → title-missing', () => {
  refused('broken-missing-title', {
    code: 'title-missing',
    severity: 'error',
    line: 1,
    column: 1,
    endLine: 8, // a refused file: the error spans all of it
    message: 'The frontmatter has no `title`, so the page cannot be named or linked.',
  });
  // a blank title is missing too
  const r = normalizeFile({ file: 'x/blank-title.md', bytes: Buffer.from('---\ntitle: "  "\n---\n## Usage\nText.\n'), kindHint: null });
  assert.deepEqual(r.diagnostics.map((d) => d.code), ['title-missing']);
});

test('binary file → file-binary', () => {
  refused('broken-binary', { code: 'file-binary', severity: 'error', line: 1, column: 1, message: 'The file contains NUL bytes: it is binary, not a markdown monograph.' });
});

test('YAML alias bomb → frontmatter-alias-limit (time to refuse: npm run bench:limits)', () => {
  const c = caseNamed('broken-yaml-alias-bomb');
  const r = normalizeCase(c);
  assert.equal(r.monograph, null);
  assert.deepEqual(r.diagnostics.map(pin), [
    {
      code: 'frontmatter-alias-limit',
      severity: 'error',
      line: 2,
      column: 1,
      endLine: 12,
      message: 'The frontmatter uses 54 YAML aliases (limit 10); it looks like an alias bomb and was refused.',
    },
  ]);
  // a bomb ten levels deep (9^10 leaves if expanded) is refused too, without being expanded
  const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + prev).join(',')}]`);
  }
  const deep = Buffer.from(`---\n${levels.join('\n')}\ntitle: Bomb\n---\n# Bomb\n`);
  const r2 = normalizeFile({ file: 'x/deep-bomb.md', bytes: deep, kindHint: null });
  assert.deepEqual(r2.diagnostics.map((d) => d.code), ['frontmatter-alias-limit']);
});

test('a few YAML aliases under the limit are accepted', () => {
  const text = '---\ntitle: Isatuximab\nx: &x [1, 2]\ny: *x\n---\n## Usage\n\nIsatuximab is used to treat multiple myeloma.\n';
  const r = normalizeFile({ file: 'x/isatuximab.md', bytes: Buffer.from(text), kindHint: null });
  assert.ok(r.monograph);
  assert.deepEqual(r.monograph.extra, { x: [1, 2], y: [1, 2] });
});

test('oversized file → file-too-large (fixture with a small limit, and the default 2 MiB limit)', () => {
  refused('broken-oversized', { code: 'file-too-large', severity: 'error', line: 1, column: 1, message: 'The file is 143 bytes, over the limit of 100 bytes.' });
  const big = Buffer.alloc(DEFAULT_LIMITS.maxFileBytes + 1, 'a');
  big.write('---\ntitle: Big\n---\n');
  const r = normalizeFile({ file: 'x/big.md', bytes: big, kindHint: null });
  assert.deepEqual(r.diagnostics.map(pin), [{ code: 'file-too-large', severity: 'error', line: 1, column: 1, message: 'The file is 2097153 bytes, over the limit of 2097152 bytes.' }]);
  // exactly at the limit is accepted
  const atLimit = Buffer.alloc(DEFAULT_LIMITS.maxFileBytes, 'a');
  atLimit.write('---\ntitle: Big\n---\n');
  assert.ok(normalizeFile({ file: 'x/big.md', bytes: atLimit, kindHint: null }).monograph);
});

test('oversized frontmatter → file-too-large over the frontmatter lines', () => {
  const limits = { ...DEFAULT_LIMITS, maxFrontmatterBytes: 64 };
  const text = `---\ntitle: Isatuximab\ndescription: ${'x'.repeat(80)}\n---\nBody\n`;
  const r = normalizeFile({ file: 'x/isatuximab.md', bytes: Buffer.from(text), kindHint: null, limits });
  assert.equal(r.monograph, null);
  assert.deepEqual(r.diagnostics.map(pin), [{ code: 'file-too-large', severity: 'error', line: 1, column: 1, endLine: 6, message: 'The frontmatter is over 64 bytes.' }]);
});

test('frontmatter that is not a mapping → frontmatter-not-mapping', () => {
  refused('broken-frontmatter-not-mapping', {
    code: 'frontmatter-not-mapping',
    severity: 'error',
    line: 2,
    column: 1,
    endLine: 7,
    message: 'The frontmatter is not a set of `key: value` fields.',
  });
});

test('invalid UTF-8 → loads, with a file-encoding warning at the first bad byte', () => {
  const r = normalizeCase(caseNamed('broken-invalid-utf8'));
  assert.ok(r.monograph);
  assert.equal(r.monograph.title, 'Isatuximab');
  assert.deepEqual(r.diagnostics.map(pin), [{ code: 'file-encoding', severity: 'warning', line: 8, column: 46, message: 'The file is not valid UTF-8.' }]);
  assert.match(r.monograph.sections.find((s) => s.id === 'overview')!.markdown, /myeloma \uFFFD\uFFFD in adults/);
});

// ---- unsafe HTML and script links ---------------------------------------------------------------

/** Every HTML string of a monograph: sections, per-ingredient sections, FAQ answers. */
function allHtml(m: Monograph): string[] {
  return [...m.sections.map((s) => s.html), ...m.perIngredient.flatMap((g) => g.sections.map((s) => s.html)), ...m.faqs.map((f) => f.answerHtml)];
}

function assertInert(html: string, where: string): void {
  assert.doesNotMatch(html, /<script/i, `${where}: live <script>`);
  assert.doesNotMatch(html, /<[a-z][^>]*\son[a-z]+\s*=/i, `${where}: an on…= event attribute on a live element`);
  assert.doesNotMatch(html, /<(?:a|img|iframe|form)\b[^>]*(?:href|src|action)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i, `${where}: a script URL in a live attribute`);
  assert.doesNotMatch(html, /<(?:iframe|object|embed|img|svg|style|link|meta|form|input)\b/i, `${where}: raw HTML element passed through`);
}

test('script injection → loads with its title, unsafe-html warning, rendered HTML is inert', () => {
  const r = normalizeCase(caseNamed('broken-script-injection'));
  assert.ok(r.monograph, 'a page with unsafe HTML still loads');
  assert.equal(r.monograph.title, 'Zoraltinib');
  assert.deepEqual(r.diagnostics.map(pin), [
    { code: 'unsafe-html', severity: 'warning', line: 8, column: 1, message: 'Raw HTML or a script link (`<script`) in the content; it is shown as text and never runs.' },
  ]);
  const usage = r.monograph.sections.find((s) => s.id === 'overview')!;
  assertInert(usage.html, 'overview');
  assert.doesNotMatch(usage.html, /<script|onerror=\S*>|href="javascript:/i);
  // shown as text, not dropped
  assert.equal(usage.html, '<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; [click](javascript:alert(3))</p>\n');
  assert.equal(r.fidelity.accountedLines, r.fidelity.nonBlankLines);
});

test('unsafe HTML anywhere (headings, inline labels, lists, FAQ answers, links, images) is never live', () => {
  const text = [
    '---',
    'layout: minimal-medicine',
    'title: Zoraltinib',
    'faqs:',
    '  - q: "Is it safe?<script>alert(0)</script>"',
    '    a: "<img src=x onerror=alert(0)> [x](javascript:alert(0))"',
    '---',
    '',
    '# Zoraltinib',
    '### Usage <script>alert(1)</script>',
    'Used for [a link](JaVaScRiPt:alert(2)) and ![img](javascript:alert(3)) and <a href="javascript:alert(4)">x</a>.',
    '',
    '### Dosage',
    '* <iframe src="https://evil.example"></iframe>',
    '* [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [vb](vbscript:msgbox(1))',
    '',
    '**Side Effects:** <svg onload=alert(5)> <div onclick="alert(6)">x</div>',
    '',
    '### FAQs',
    '* **Q: Is it safe?** A: <script>alert(7)</script> <img src=x onerror=alert(8)>',
    '',
  ].join('\n');
  const r = normalizeFile({ file: 'x/zoraltinib.md', bytes: Buffer.from(text), kindHint: null });
  assert.ok(r.monograph);
  for (const [i, html] of allHtml(r.monograph).entries()) assertInert(html, `html #${i}`);
  const lines = r.diagnostics.filter((d) => d.code === 'unsafe-html').map((d) => [d.line, d.column]);
  // frontmatter FAQ lines too (they are shown on the page); at most five warnings per file
  assert.deepEqual(lines, [
    [5, 20],
    [6, 9],
    [10, 11],
    [11, 19],
    [14, 3],
  ]);
  // the safe link syntax survives as text; nothing became a link
  assert.ok(!allHtml(r.monograph).some((h) => /<a /.test(h)), 'a script link became a clickable link');
});
