import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import type { Catalog } from '../src/catalog/types.js';
import type { CatalogEntry, Faq, Link, Monograph, Section } from '../src/model/index.js';
import { pagePath, SECTION_ORDER } from '../src/model/index.js';
import { sitePages, type SiteOptions } from '../src/site/index.js';

/**
 * Render benchmark (npm run bench:render): CPU per drug page for a realistic page (the Itolizumab
 * seed's sections and FAQs, 8 brand and 5 combination links), and per page spec + signature.
 * Prints a table and writes bench/results/render.json. A benchmark, not a test: no timed assertions.
 */

const PAGES = 400;

function seedCatalog(n: number): Catalog {
  const md = new MarkdownIt({ html: false });
  const body = readFileSync(new URL('../../shared/seeds/000_ab4362fe65be8586.txt', import.meta.url), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
  const sections: Section[] = body
    .split(/^## /m)
    .filter((p) => p.trim() !== '')
    .map((p, i) => {
      const nl = p.indexOf('\n');
      const title = p.slice(0, nl).replace(/\*/g, '').trim();
      const markdown = p.slice(nl + 1);
      return { id: SECTION_ORDER[i] ?? `x-${i}`, canonical: true, title, heading: title, markdown, html: md.render(markdown), range: { start: 1, end: 2 }, subsections: [] };
    });
  const faqs: Faq[] = [...body.matchAll(/### \*\*Q\d+: (.*?)\*\*\n+\*\*A:\*\* (.*)/g)].map((m, i) => ({
    question: m[1] ?? '',
    answer: m[2] ?? '',
    answerHtml: md.render(m[2] ?? ''),
    origin: 'body',
    repaired: false,
    line: i + 1,
  }));
  assert.ok(sections.length >= 10 && faqs.length >= 8, 'seed parsed');
  const link = (kind: Link['kind'], slug: string, title: string): Link => ({ kind, slug, title, url: pagePath(kind, slug) });
  const entries: CatalogEntry[] = Array.from({ length: n }, (_, i) => {
    const slug = `itolizumab-${i}`;
    const m: Monograph = {
      slug,
      kind: 'composition',
      title: `Itolizumab ${i}`,
      genericName: null,
      brandNames: ['Alzumab-L'],
      synonyms: [],
      ingredients: [],
      description: { text: 'Itolizumab is prescribed for the treatment of moderate to severe chronic plaque psoriasis in adults.', origin: 'frontmatter', original: null },
      drugClass: { text: 'Immunomodulator, monoclonal antibody', line: 1, file: 'x' },
      isBanned: false,
      lastModified: '2025-09-22T17:21:53.372Z',
      notAProduct: null,
      product: null,
      sections,
      perIngredient: [],
      faqs,
      sources: [{ file: `rxhive-astro/compositions/${slug}.md`, format: 'rich', role: 'primary', digest: `d${i}`, lines: { start: 1, end: 180 } }],
      alternates: [],
      aliases: [],
      extra: {},
    };
    return {
      monograph: m,
      url: pagePath('composition', slug),
      banned: { value: false, from: 'self', registry: null },
      links: {
        ingredients: [],
        combinations: Array.from({ length: 5 }, (_, j) => link('combination', `c${i}-${j}`, `Itolizumab + Drug ${j}`)),
        brands: Array.from({ length: 8 }, (_, j) => link('medicine', `b${i}-${j}`, `Alzumab ${j} 25mg Injection`)),
        generic: null,
      },
    };
  });
  return { entries, byKey: new Map(entries.map((e) => [`composition:${e.monograph.slug}`, e])), redirects: new Map(), substitutes: new Map(), registry: [], diagnostics: [] };
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

{
  const options: SiteOptions = { siteUrl: 'https://example.org', siteName: 'Formulary', adSlots: {}, builtAt: '2026-01-01T00:00:00.000Z' };
  const catalog = seedCatalog(PAGES);
  sitePages(catalog, options); // warm up
  let c = process.cpuUsage();
  const pages = sitePages(catalog, options);
  const specMs = cpuMs(c) / pages.length;
  const drug = pages.filter((p) => p.path.startsWith('composition/'));
  for (const p of drug.slice(0, 100)) p.render(); // warm up
  let best = Infinity;
  let bytes = 0;
  for (let round = 0; round < 8; round++) {
    c = process.cpuUsage();
    bytes = 0;
    for (const p of drug) bytes += p.render().length;
    best = Math.min(best, cpuMs(c) / drug.length);
  }
  const result = { date: new Date().toISOString(), pages: drug.length, renderCpuMsPerPage: best, kbPerPage: bytes / drug.length / 1024, specCpuMsPerPage: specMs };
  console.log('| measure | value |\n| --- | --- |');
  console.log(`| drug page render, CPU | ${best.toFixed(3)} ms/page |`);
  console.log(`| page size | ${result.kbPerPage.toFixed(1)} KB |`);
  console.log(`| page spec + signature, CPU | ${(specMs * 1000).toFixed(0)} µs/page |`);
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL('render.json', dir), JSON.stringify(result, null, 2));
}
