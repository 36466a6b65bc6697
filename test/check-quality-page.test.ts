import assert from 'node:assert/strict';
import { test } from 'node:test';
import { qualityReport } from '../src/check/index.js';
import { sitePages } from '../src/site/index.js';
import { qualityPageSpec } from '../src/site/quality-page.js';
import { check, cleanTexts, contentOf, replaceOnce, VELBUTAMIDE, withDefect, ZORALTINIB } from './helpers/check.js';

const SITE = { siteUrl: 'https://example.org', siteName: 'Formulary', adSlots: {}, builtAt: '2026-01-01T00:00:00.000Z' };

const defective = (): ReturnType<typeof cleanTexts> =>
  withDefect(
    VELBUTAMIDE,
    (t) => replaceOnce(t, '* Headache', '* Headache <script>alert(1)</script>'),
    withDefect(ZORALTINIB, (t) => replaceOnce(replaceOnce(t, '- Zoraltinib blocks', '- Zoraltanib blocks'), '## Usage\n', '## **Usage**\n')),
  );

test('the report: counts per rule, worst file first', () => {
  const texts = defective();
  const content = contentOf(texts);
  const r = qualityReport(check(texts), content.catalog, content.files.length);
  assert.deepEqual(r.counts, { error: 0, warning: 2, info: 1 });
  assert.deepEqual(r.rules.map((x) => [x.doc.code, x.count]), [['name-spelled-two-ways', 1], ['unsafe-html', 1], ['heading-markup', 1]]);
  assert.equal(r.byFile[0]?.file, ZORALTINIB, '1 warning + 1 note outranks 1 warning');
  assert.deepEqual(r.byFile[0]?.page, { url: '/composition/zoraltinib/', title: 'Zoraltinib' });
});

test('/quality/: noindex, links to each page and source line, escaped messages, rule docs', () => {
  const texts = defective();
  const content = contentOf(texts);
  const spec = qualityPageSpec(check(texts), content.catalog, content.files.length, SITE, { sourceUrl: 'https://git.example.org/content/blob/main/{file}#L{line}' });
  assert.equal(spec.path, 'quality/index.html');
  const html = spec.render();
  assert.match(html, /<meta name="robots" content="noindex"\/>/);
  assert.match(html, /<link rel="canonical" href="https:\/\/example\.org\/quality\/"\/>/);
  assert.match(html, /<a href="\/composition\/zoraltinib\/">Zoraltinib<\/a>/);
  assert.match(html, /<a href="https:\/\/git\.example\.org\/content\/blob\/main\/astro-site\/compositions\/zoraltinib\.md#L\d+"><code>astro-site\/compositions\/zoraltinib\.md:\d+:3<\/code><\/a>/);
  assert.doesNotMatch(html, /<script>alert/, 'content in messages is escaped');
  assert.match(html, /&lt;script/);
  assert.match(html, /<dt id="rule-heading-markup">/);
  assert.match(html, /href="#rule-name-spelled-two-ways"/);
  // Without a template, the source place is shown as text.
  assert.match(qualityPageSpec(check(texts), content.catalog, 4, SITE).render(), /<code>astro-site\/compositions\/zoraltinib\.md:\d+:3<\/code>/);
  // Same findings, same signature; other findings, another one.
  assert.equal(qualityPageSpec(check(texts), content.catalog, 4, SITE).signature, qualityPageSpec(check(texts), content.catalog, 4, SITE).signature);
  assert.notEqual(qualityPageSpec(check(cleanTexts()), content.catalog, 4, SITE).signature, qualityPageSpec(check(texts), content.catalog, 4, SITE).signature);
});

test('/quality/ is not one of the site pages, so it is in neither the sitemap nor search', () => {
  const content = contentOf(cleanTexts());
  const pages = sitePages(content.catalog, SITE);
  assert.equal(pages.some((p) => p.path.startsWith('quality/')), false);
  const sitemap = pages.find((p) => p.path === 'sitemap.xml')!.render();
  assert.doesNotMatch(sitemap, /quality/);
  assert.match(qualityPageSpec(check(cleanTexts()), content.catalog, 4, SITE).render(), /No findings: every page passed every rule\./);
});
