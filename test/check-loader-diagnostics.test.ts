import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BRAND, check, cleanTexts, COMBINATION, only, replaceOnce, VELBUTAMIDE, withDefect, ZORALTINIB } from './helpers/check.js';

// The loader's own diagnostics become findings under their own codes, with a full range.

test('loader codes: silent on the clean fixtures', () => {
  assert.deepEqual(check(cleanTexts()), []);
});

test('broken frontmatter: invalid YAML at the parser\'s position, unterminated, missing', () => {
  const yaml = only(check(withDefect(ZORALTINIB, (t) => replaceOnce(t, 'title: Zoraltinib', 'title: [Zoraltinib'))), 'frontmatter-invalid-yaml');
  assert.equal(yaml.length, 1);
  assert.equal(yaml[0]!.severity, 'error');
  assert.ok(yaml[0]!.line >= 2 && yaml[0]!.line <= 10, `line ${yaml[0]!.line}`);
  const unclosed = withDefect(VELBUTAMIDE, (t) => replaceOnce(t, '---\n\n# Velbutamide', '\n# Velbutamide'));
  const open = only(check(unclosed), 'frontmatter-unterminated');
  assert.deepEqual([open.length, open[0]?.line, open[0]?.endLine], [1, 1, (unclosed.get(VELBUTAMIDE) as string).split('\n').length]);
  assert.equal(only(check(withDefect(VELBUTAMIDE, (t) => t.replace(/^---\n[\s\S]*?\n---\n/, ''))), 'frontmatter-missing').length, 1);
});

test('missing title', () => {
  const f = only(check(withDefect(VELBUTAMIDE, (t) => replaceOnce(t, 'title: Velbutamide\n', ''))), 'title-missing');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.message, 'The frontmatter has no `title`, so the page cannot be named or linked.');
});

test('damaged frontmatter FAQ and FAQ that differs from the body, spanning the `faqs` field', () => {
  const damaged = withDefect(ZORALTINIB, (t) =>
    replaceOnce(t, '  - q: What is the usual dose of Zoraltinib?\n    a: 50 mg by mouth once daily, taken with food.', "  - q: |-\n      What is the usual dose of Zoraltinib?**\n      **A:** 50 mg by mouth once daily, taken with food.\n    a: 'A:** 50 mg by mouth once daily, taken with food.'"),
  );
  const f = only(check(damaged), 'faq-frontmatter-damaged');
  assert.equal(f.length, 1);
  assert.deepEqual([f[0]!.line, f[0]!.endLine, f[0]!.path, f[0]!.fixable], [6, 12, 'faqs', true]);
  const differs = withDefect(ZORALTINIB, (t) => replaceOnce(t, '    a: 50 mg by mouth once daily, taken with food.', '    a: 75 mg by mouth twice daily.'));
  assert.equal(only(check(differs), 'faq-frontmatter-differs').length, 1);
});

test('raw HTML and scripts, positioned on the token', () => {
  const f = only(check(withDefect(ZORALTINIB, (t) => replaceOnce(t, '- Nausea\n', '- Nausea <script>alert(1)</script>\n'))), 'unsafe-html');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.endColumn - f[0]!.column, '<script'.length);
});

test('cross-page: a brand pointing at no page, an ingredient without a page, a slug collision', () => {
  assert.equal(only(check(withDefect(BRAND, (t) => replaceOnce(t, 'generic_slug: zoraltinib', 'generic_slug: zoraltinb'))), 'link-unresolved-generic').length, 1);
  const texts = cleanTexts();
  const combo = texts.get(COMBINATION) as string;
  texts.delete(COMBINATION);
  texts.set('astro-site/combinations/quexafen-zoraltinib.md', combo.replace('title: Velbutamide + Zoraltinib', 'title: Quexafen + Zoraltinib'));
  assert.equal(only(check(texts), 'link-unresolved-ingredient')[0]?.message, 'The ingredient "Quexafen" of "Quexafen + Zoraltinib" has no composition page.');
  const collide = cleanTexts();
  collide.set('jekyll-site/composition/v/velbutamide-zoraltinib.md', (collide.get(VELBUTAMIDE) as string).replace(/Velbutamide\n/g, 'Velbutamide + Zoraltinibum\n'));
  assert.equal(only(check(collide), 'slug-collision').length, 1);
});
