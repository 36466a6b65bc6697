import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Catalog } from '../src/catalog/types.js';
import { entryKey } from '../src/catalog/types.js';
import type { CatalogEntry, Faq, Kind, Link, Monograph, Section } from '../src/model/index.js';
import { pagePath, SECTION_TITLES } from '../src/model/index.js';
import { ASSET_FILES, renderSearchPage, sitePages, type PageSpec, type SearchResultView, type SiteOptions } from '../src/site/index.js';
import { buildSitePages, DEFAULT_LIMITS } from '../src/site/pages.js';
import { h, trusted } from '../src/site/fragment.js';
import { decodeEntities, IdRegistry, relevelHeadings } from '../src/site/text.js';

// ---------------------------------------------------------------- fixtures

function section(id: string, html: string, title?: string): Section {
  return {
    id,
    canonical: !id.startsWith('x-'),
    title: title ?? (SECTION_TITLES as Record<string, string>)[id] ?? id,
    heading: title ?? id,
    markdown: '',
    html,
    range: { start: 1, end: 2 },
    subsections: [],
  };
}

function faq(question: string, answerHtml: string): Faq {
  return { question, answer: answerHtml, answerHtml, origin: 'body', repaired: false, line: 10 };
}

function monograph(kind: Kind, slug: string, title: string, over: Partial<Monograph> = {}): Monograph {
  return {
    slug,
    kind,
    title,
    genericName: null,
    brandNames: [],
    synonyms: [],
    ingredients: [],
    description: { text: `${title} is used for things.`, origin: 'usage', original: null },
    drugClass: null,
    isBanned: false,
    lastModified: '2025-09-22T17:21:53.372Z',
    notAProduct: null,
    product: null,
    sections: [section('overview', `<p>${title} usage text.</p>`), section('disclaimer', '<p>Source disclaimer text.</p>')],
    perIngredient: [],
    faqs: [],
    sources: [
      { file: `rxhive-astro/${kind}/${slug}.md`, format: 'rich', role: 'primary', digest: `d-${slug}`, lines: { start: 1, end: 80 } },
    ],
    alternates: [],
    aliases: [],
    extra: {},
    ...over,
  };
}

const link = (m: Monograph): Link => ({ slug: m.slug, title: m.title, kind: m.kind, url: pagePath(m.kind, m.slug) });

function entry(m: Monograph, over: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    monograph: m,
    url: pagePath(m.kind, m.slug),
    links: { ingredients: [], combinations: [], brands: [], generic: null },
    banned: { value: m.isBanned, from: 'self', registry: null },
    ...over,
  };
}

const FAQ_ANSWER_1 = 'Campath is given as an <strong>IV infusion</strong> over 2 hours.';
const FAQ_ANSWER_2 = '<p>Infusion reactions &amp; infections.</p>';

interface Fixture {
  paracetamolTitle?: string;
}

/** A small catalog covering every page kind and the awkward cases. */
export function makeCatalog(fx: Fixture = {}): Catalog {
  const alem = monograph('composition', 'alemtuzumab', 'Alemtuzumab', {
    brandNames: ['Campath', 'Lemtrada', 'Evil <script>alert(1)</script>'],
    synonyms: ['Alemtuzumabum'],
    drugClass: { text: 'Monoclonal antibody', line: 12, file: 'x.md' },
    isBanned: true,
    sections: [
      section('overview', '<p>Alemtuzumab treats CLL.</p><h3 id="note">Note</h3><p>See <a href="#note">note</a>.</p>'),
      section('dosage', '<h4>Adults</h4><ul><li>30 mg three times a week</li></ul><h3 id="note">Note</h3>'),
      section('x-dosage', '<p>Second heading that slugs the same.</p>', 'Dosage'),
      section('x-dosage', '<p>Third copy of the heading.</p>', 'Dosage'),
      section('faqs', '<p>FAQ-SECTION-RAW</p>'),
      section('disclaimer', '<p>Source disclaimer text.</p>'),
    ],
    faqs: [
      faq('How is Alemtuzumab given?', FAQ_ANSWER_1),
      faq('What are the side effects of Alemtuzumab & co?', FAQ_ANSWER_2),
      faq('Is </script><script>alert(1)</script> escaped?', '<p>Yes.</p>'),
    ],
    alternates: [
      {
        source: { file: 'rxhive-jekyll/composition/a/alemtuzumab.md', format: 'minimal', role: 'alternate', digest: 'alt-digest', lines: { start: 1, end: 40 } },
        title: 'Alemtuzumab',
        sections: [section('overview', '<p>ALT-OVERVIEW text from Jekyll.</p>'), section('dosage', '<p>ALT-DOSAGE text.</p><h3>ALT-SUB</h3><p>x</p>')],
        perIngredient: [],
        faqs: [faq('ALT question?', '<p>ALT answer.</p>')],
      },
    ],
  });
  const para = monograph('composition', 'paracetamol', fx.paracetamolTitle ?? 'Paracetamol');
  const ringer = monograph('composition', 'ringers-lactate', "Ringer's Lactate", { lastModified: null });
  const combo = monograph('combination', 'paracetamol-caffeine-unobtainium', 'Paracetamol + Caffeine + Unobtainium', {
    ingredients: ['Paracetamol', 'Caffeine', 'Unobtainium'],
    notAProduct: { text: 'This combination is not a recognised product in India.', line: 3, file: 'c.md' },
    perIngredient: [
      { ingredient: 'Paracetamol', sections: [section('overview', '<p>PARA-PER-INGREDIENT usage.</p>'), section('dosage', '<p>500 mg.</p>')] },
      { ingredient: 'Caffeine', sections: [section('overview', '<p>CAFF-PER-INGREDIENT usage.</p>'), section('dosage', '<p>50 mg.</p>')] },
    ],
  });
  const campath = monograph('medicine', 'campath-30mg', 'Campath 30mg Injection', {
    description: { text: '', origin: 'none', original: null },
    product: { type: 'single', company: 'Sanofi India Ltd', strength: '30 mg/mL', packSize: '1 vial', mrp: 12500.5, genericSlug: 'alemtuzumab', combinationSlug: null, discontinued: null, composition: null, components: [], pack: null, form: null, unitPrice: null, substituteKey: null },
    lastModified: 'not a date',
  });
  const n9 = monograph('composition', '5-fluorouracil', '5-Fluorouracil');

  const eAlem = entry(alem, {
    links: { ingredients: [], combinations: [], brands: [link(campath)], generic: null },
    banned: { value: true, from: 'self', registry: null },
  });
  const ePara = entry(para, { links: { ingredients: [], combinations: [link(combo)], brands: [], generic: null } });
  const eCombo = entry(combo, {
    links: {
      ingredients: [
        { name: 'Paracetamol', link: link(para) },
        { name: 'Caffeine', link: null },
        { name: 'Unobtainium', link: null },
      ],
      combinations: [],
      brands: [],
      generic: null,
    },
  });
  const eCampath = entry(campath, {
    links: { ingredients: [{ name: 'Alemtuzumab', link: link(alem) }], combinations: [], brands: [], generic: link(alem) },
    banned: { value: true, from: 'alemtuzumab', registry: null },
  });
  const eRinger = entry(ringer);
  const e9 = entry(n9);
  const entries = [e9, eAlem, eCampath, ePara, eCombo, eRinger];
  return {
    entries,
    byKey: new Map(entries.map((e) => [entryKey(e.monograph.kind, e.monograph.slug), e])),
    redirects: new Map([["/composition/ringer's-lactate/", '/composition/ringers-lactate/']]),
    substitutes: new Map(),
    registry: [],
    diagnostics: [],
  };
}

const OPTIONS: SiteOptions = { siteUrl: 'https://example.org/', siteName: 'Formulary', adSlots: {}, builtAt: '2026-01-02T03:04:05.000Z' };
const hit = (over: Partial<SearchResultView>): SearchResultView => ({
  slug: 'alemtuzumab', kind: 'composition', title: 'Alemtuzumab', url: '/composition/alemtuzumab/', score: 3, matched: 'Alemtuzumab', how: 'exact', banned: false, ...over,
});

function build(catalog = makeCatalog(), options: SiteOptions = OPTIONS): Map<string, { spec: PageSpec; out: string }> {
  return new Map(sitePages(catalog, options).map((spec) => [spec.path, { spec, out: spec.render() }]));
}

function page(site: Map<string, { out: string }>, path: string): string {
  const p = site.get(path);
  assert.ok(p, `no page ${path}; have ${[...site.keys()].join(', ')}`);
  return p.out;
}

const htmlPages = (site: Map<string, { out: string }>): [string, string][] =>
  [...site].filter(([path]) => path.endsWith('.html')).map(([path, p]) => [path, p.out]);

const textOf = (html: string): string => decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();

function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? ''));
}

const ALEM = 'composition/alemtuzumab/index.html';
const COMBO = 'composition/combination/paracetamol-caffeine-unobtainium/index.html';
const CAMPATH = 'medicines/campath-30mg/index.html';

// ---------------------------------------------------------------- tests

describe('sitePages: files', () => {
  const site = build();
  it('writes home, browse, search, 404, every entry, redirects, sitemap and robots', () => {
    for (const p of [
      'index.html',
      'browse/a/index.html',
      'browse/z/index.html',
      'browse/0-9/index.html',
      'search/index.html',
      '404.html',
      ALEM,
      COMBO,
      CAMPATH,
      'composition/paracetamol/index.html',
      "composition/ringer's-lactate/index.html",
      '_redirects',
      'sitemap.xml',
      'robots.txt',
    ]) {
      assert.ok(site.has(p), p);
    }
  });
  it('omits browse/0-9 when no title starts with a digit or symbol', () => {
    const c = makeCatalog();
    c.entries = c.entries.filter((e) => e.monograph.slug !== '5-fluorouracil');
    assert.ok(!sitePages(c, OPTIONS).some((p) => p.path === 'browse/0-9/index.html'));
  });
  it('lists every page once on its letter, grouped by kind', () => {
    const a = page(site, 'browse/a/index.html');
    assert.match(a, /href="\/composition\/alemtuzumab\/"/);
    assert.doesNotMatch(a, /paracetamol\//);
    assert.ok(a.indexOf('Generic medicines') < a.indexOf('Brands') || !a.includes('Brands <'), 'groups in kind order');
    assert.match(page(site, 'browse/c/index.html'), /href="\/medicines\/campath-30mg\/"/);
    assert.match(page(site, 'browse/0-9/index.html'), /5-Fluorouracil/);
    assert.match(page(site, 'browse/r/index.html'), /Ringer&#39;s Lactate/);
  });
  it('splits a letter into pages of `browsePageSize` links: every page once, kind order kept, pages linked and in the sitemap', () => {
    const c = makeCatalog();
    // Letter C holds more pages than one browse page takes: five copies of Campath's brand.
    const campath = c.entries.find((e) => e.monograph.slug === 'campath-30mg')!;
    for (let i = 1; i <= 4; i++) c.entries.push({ ...campath, url: `/medicines/campath-${i}/`, monograph: { ...campath.monograph, slug: `campath-${i}`, title: `Campath ${i}` } });
    const cTotal = c.entries.filter((e) => /^c/i.test(e.monograph.title)).length;
    const pages = new Map(buildSitePages(c, OPTIONS, { ...DEFAULT_LIMITS, browsePageSize: 2 }).map((p) => [p.path, p.render()]));
    const count = Math.ceil(cTotal / 2);
    assert.ok(count >= 3, `letter C has ${cTotal} pages`);
    const paths = Array.from({ length: count }, (_, i) => (i === 0 ? 'browse/c/index.html' : `browse/c/${i + 1}/index.html`));
    for (const p of paths) assert.ok(pages.has(p), p);
    assert.ok(!pages.has(`browse/c/${count + 1}/index.html`));
    // Every page of letter C once, over its pages.
    const linked = paths.flatMap((p) => [...(pages.get(p) ?? '').matchAll(/<li><a href="(\/(?:composition|medicines)\/[^"]+)"/g)].map((m) => m[1]));
    assert.equal(linked.length, cTotal);
    assert.equal(new Set(linked).size, cTotal);
    const second = pages.get('browse/c/2/index.html')!;
    assert.match(second, /<title>Medicines starting with C \(page 2 of \d+\) \|/);
    assert.match(second, /<a href="\/browse\/c\/" rel="prev">Previous<\/a>/);
    assert.match(second, /<a href="\/browse\/c\/2\/" aria-current="page">2<\/a>/);
    assert.match(second, /<link rel="canonical" href="[^"]*\/browse\/c\/2\/"/);
    assert.match(pages.get('browse/c/index.html')!, /<a href="\/browse\/c\/2\/" rel="next">Next<\/a>/);
    assert.match(pages.get('browse/a/index.html')!, /<h1>Medicines starting with A<\/h1>/, 'a letter that fits one page has no pager');
    assert.doesNotMatch(pages.get('browse/a/index.html')!, /class="pager"/);
    const sitemap = pages.get('sitemap.xml')!;
    for (let n = 2; n <= count; n++) assert.match(sitemap, new RegExp(`/browse/c/${n}/</loc>`));
  });
  it('home page counts kinds and links A–Z and the search page', () => {
    const home = page(site, 'index.html');
    assert.match(home, /<strong>4<\/strong> generic medicines/);
    assert.match(home, /<strong>1<\/strong> combinations/);
    assert.match(home, /<strong>1<\/strong> brands/);
    assert.match(home, /<strong>2<\/strong> marked banned/);
    assert.match(home, /href="\/browse\/q\/"/);
    assert.match(home, /<form[^>]*role="search"[^>]*action="\/search\/"[^>]*method="get"/);
  });
  it('maps asset files that exist', () => {
    assert.deepEqual(
      ASSET_FILES.map((a) => a.path),
      ['assets/site.css', 'assets/search.js', 'assets/favicon.svg'],
    );
    for (const a of ASSET_FILES) assert.ok(existsSync(a.file), a.file);
  });
});

describe('every HTML page', () => {
  const site = build(makeCatalog(), { ...OPTIONS, adSlots: { top: '<div class="test-ad">AD</div>' } });
  const search = renderSearchPage({ query: 'camp', results: [hit({ matched: 'campath', how: 'prefix', banned: true })], didYouMean: null }, OPTIONS);
  const pages: [string, string][] = [...htmlPages(site), ['search?q=camp', search]];

  it('has exactly one h1, lang=en, header/nav/main/footer landmarks', () => {
    for (const [path, html] of pages) {
      assert.equal(html.match(/<h1[\s>]/g)?.length, 1, `${path}: h1 count`);
      assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/, path);
      if (path.startsWith("composition/ringer's")) continue; // redirect stub: main only
      for (const tag of ['header', 'nav', 'main', 'footer']) assert.match(html, new RegExp(`<${tag}[\\s>]`), `${path}: <${tag}>`);
    }
  });
  it('has no inline script or style (CSP: script-src/style-src self)', () => {
    for (const [path, html] of pages) {
      for (const m of html.matchAll(/<script\b[^>]*>/g)) {
        assert.match(m[0], /\ssrc="|type="application\/ld\+json"/, `${path}: inline ${m[0]}`);
      }
      assert.doesNotMatch(html, /\sstyle=/, `${path}: style attribute`);
      assert.doesNotMatch(html, /<style[\s>]/, `${path}: <style>`);
      assert.doesNotMatch(html, /\son[a-z]+=/, `${path}: event handler attribute`);
    }
  });
  it('has unique ids, and every #fragment link points at one of them', () => {
    for (const [path, html] of pages) {
      const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
      const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
      assert.deepEqual(dupes, [], `${path}: duplicate ids`);
      for (const m of html.matchAll(/\shref="#([^"]*)"/g)) assert.ok(ids.includes(m[1]), `${path}: dangling #${m[1]}`);
    }
  });
  it('never skips a heading level', () => {
    for (const [path, html] of pages) {
      let prev = 0;
      for (const m of html.matchAll(/<h([1-6])[\s>]/g)) {
        const level = Number(m[1]);
        assert.ok(level <= prev + 1, `${path}: h${prev} → h${level}`);
        prev = level;
      }
    }
  });
  it('labels every input', () => {
    for (const [path, html] of pages) {
      for (const m of html.matchAll(/<input[^>]*\sid="([^"]+)"/g)) assert.match(html, new RegExp(`<label for="${m[1]}"`), `${path}: label for ${m[1]}`);
    }
  });
  it('has a canonical without a double slash after the scheme', () => {
    for (const [path, html] of pages) {
      if (path === '404.html') {
        assert.doesNotMatch(html, /rel="canonical"/);
        continue;
      }
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      assert.ok(canonical, `${path}: canonical`);
      assert.match(canonical, /^https:\/\/example\.org\//, path);
      assert.doesNotMatch(canonical.slice('https://'.length), /\/\//, `${path}: ${canonical}`);
    }
  });
});

describe('drug page', () => {
  const site = build();
  const alem = page(site, ALEM);
  const combo = page(site, COMBO);
  const campath = page(site, CAMPATH);

  it('has SEO head: title, description, canonical, OpenGraph', () => {
    assert.match(alem, /<title>Alemtuzumab: Uses, Dosage, Side Effects \| Formulary<\/title>/);
    assert.match(alem, /<meta name="description" content="Alemtuzumab is used for things."/);
    assert.match(alem, /<link rel="canonical" href="https:\/\/example.org\/composition\/alemtuzumab\/"/);
    assert.match(alem, /<meta property="og:title" content="Alemtuzumab"/);
    assert.match(alem, /<meta property="og:description" content="Alemtuzumab is used for things."/);
    assert.match(alem, /<meta property="og:url" content="https:\/\/example.org\/composition\/alemtuzumab\/"/);
    assert.match(alem, /<meta property="og:type" content="article"/);
    assert.match(alem, /<meta property="og:site_name" content="Formulary"/);
    assert.match(campath, /<meta name="description" content="Campath 30mg Injection: brand medicine/, 'generated description');
  });

  it('shows all section text without JavaScript, in open <details>', () => {
    assert.match(alem, /Alemtuzumab treats CLL\./);
    assert.match(alem, /<details open="">\s*<summary><h2>Dosage<\/h2><\/summary>/);
    assert.doesNotMatch(alem, /\shidden[\s=>]/);
    for (const id of ['overview', 'dosage', 'x-dosage', 'x-dosage-2', 'faqs', 'disclaimer']) assert.match(alem, new RegExp(`<section id="${id}"`), id);
  });

  it('renders FAQs once, from faqs[], not the FAQ section html', () => {
    assert.doesNotMatch(alem, /FAQ-SECTION-RAW/);
    assert.equal(alem.match(/class="faq-question"/g)?.length, 3);
  });

  it('FAQPage JSON-LD equals the visible FAQ: question names only', () => {
    const visible = [...alem.matchAll(/<h3 class="faq-question">([\s\S]*?)<\/h3>/g)].map((m) => textOf(m[1] ?? ''));
    const faqPage = jsonLd(alem).find((j) => j['@type'] === 'FAQPage');
    assert.ok(faqPage);
    const questions = faqPage['mainEntity'] as { '@type': string; name: string; acceptedAnswer: { '@type': string; text: string } }[];
    assert.deepEqual(
      questions.map((q) => q.name),
      visible,
    );
    assert.deepEqual(visible, ['How is Alemtuzumab given?', 'What are the side effects of Alemtuzumab & co?', 'Is </script><script>alert(1)</script> escaped?']);
    for (const q of questions) {
      assert.equal(q['@type'], 'Question');
      assert.equal(q.acceptedAnswer['@type'], 'Answer');
      assert.ok(!q.name.includes('infusion') && !q.name.includes('A:'), q.name);
    }
    assert.equal(questions[0]?.acceptedAnswer.text, 'Campath is given as an IV infusion over 2 hours.');
    assert.equal(questions[1]?.acceptedAnswer.text, 'Infusion reactions & infections.');
    assert.equal(jsonLd(combo).filter((j) => j['@type'] === 'FAQPage').length, 0, 'no FAQPage without FAQs');
  });

  it('escapes < inside JSON-LD and content everywhere', () => {
    for (const m of alem.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) assert.doesNotMatch(m[1] ?? '', /</);
    assert.doesNotMatch(alem, /<script>alert/);
    assert.match(alem, /Evil &lt;script&gt;/);
  });

  it('MedicalWebPage with a Drug mainEntity', () => {
    const ld = jsonLd(alem).find((j) => j['@type'] === 'MedicalWebPage');
    assert.ok(ld);
    assert.equal(ld['@context'], 'https://schema.org');
    assert.equal(ld['url'], 'https://example.org/composition/alemtuzumab/');
    const drug = ld['mainEntity'] as Record<string, unknown>;
    assert.equal(drug['@type'], 'Drug');
    assert.equal(drug['name'], 'Alemtuzumab');
    assert.deepEqual(drug['alternateName'], ['Campath', 'Lemtrada', 'Evil <script>alert(1)</script>', 'Alemtuzumabum']);
    assert.deepEqual(drug['drugClass'], { '@type': 'DrugClass', name: 'Monoclonal antibody' });
    assert.equal(drug['dateModified'], '2025-09-22T17:21:53.372Z');
    assert.equal(drug['url'], 'https://example.org/composition/alemtuzumab/');
    assert.equal(drug['activeIngredient'], undefined);

    const comboDrug = jsonLd(combo).find((j) => j['@type'] === 'MedicalWebPage')?.['mainEntity'] as Record<string, unknown>;
    assert.deepEqual(comboDrug['activeIngredient'], ['Paracetamol', 'Caffeine', 'Unobtainium']);

    const medDrug = jsonLd(campath).find((j) => j['@type'] === 'MedicalWebPage')?.['mainEntity'] as Record<string, unknown>;
    assert.deepEqual(medDrug['manufacturer'], { '@type': 'Organization', name: 'Sanofi India Ltd' });
    assert.equal(medDrug['dateModified'], undefined, 'unparseable lastModified is left out');
  });

  it('banned banner, own and inherited with a link to the source', () => {
    assert.match(alem, /role="alert"[^>]*>\s*<p><strong>Banned in India\.<\/strong>/);
    assert.match(campath, /<strong>Banned in India\.<\/strong>[^<]*its generic <a href="\/composition\/alemtuzumab\/">Alemtuzumab<\/a>/);
    assert.doesNotMatch(combo, /Banned in India/);
  });

  it('summary box: kind, class, brands, ingredients (linked where resolved), combinations, sources, updated', () => {
    const glance = /<section class="glance"[\s\S]*?<\/section>/.exec(alem)?.[0] ?? '';
    assert.match(glance, /Generic medicine/);
    assert.match(glance, /Monoclonal antibody/);
    assert.match(glance, /<li>Campath<\/li>/);
    assert.match(glance, /<a href="\/medicines\/campath-30mg\/">Campath 30mg Injection<\/a>/);
    assert.match(glance, /<time datetime="2025-09-22T17:21:53.372Z">22 September 2025<\/time>/);
    assert.match(glance, /<code>rxhive-astro\/composition\/alemtuzumab.md<\/code>, lines 1–80 \(primary\)/);

    const cg = /<section class="glance"[\s\S]*?<\/section>/.exec(combo)?.[0] ?? '';
    assert.match(cg, /<li><a href="\/composition\/paracetamol\/">Paracetamol<\/a><\/li><li>Caffeine<\/li><li>Unobtainium<\/li>/);
    assert.match(page(site, 'composition/paracetamol/index.html'), /In combinations[\s\S]*href="\/composition\/combination\/paracetamol-caffeine-unobtainium\/"/);

    const mg = /<section class="glance"[\s\S]*?<\/section>/.exec(campath)?.[0] ?? '';
    for (const s of ['Sanofi India Ltd', '30 mg/mL', '1 vial', '₹12,500.50', '<a href="/composition/alemtuzumab/">Alemtuzumab</a>']) assert.ok(mg.includes(s), s);
  });

  it('table of contents links every block; disclaimer comes last', () => {
    const toc = /<nav class="toc"[\s\S]*?<\/nav>/.exec(alem)?.[0] ?? '';
    for (const id of ['overview', 'dosage', 'x-dosage', 'x-dosage-2', 'faqs', 'alternate-1', 'disclaimer']) assert.match(toc, new RegExp(`href="#${id}"`));
    const sectionIds = [...alem.matchAll(/<section id="([^"]+)" class="section/g)].map((m) => m[1]);
    assert.equal(sectionIds.at(-1), 'disclaimer');
    assert.match(alem, /Source disclaimer text\./);
  });

  it('alternate sources in a collapsed <details>, nothing dropped', () => {
    const alt = /<section id="alternate-1"[\s\S]*?<\/details>\s*<\/section>/.exec(alem)?.[0] ?? '';
    assert.match(alt, /^<section id="alternate-1" class="section alternate"><details><summary><h2>Also described in <code>rxhive-jekyll\/composition\/a\/alemtuzumab.md<\/code>/);
    for (const s of ['ALT-OVERVIEW', 'ALT-DOSAGE', 'ALT question?', 'ALT answer.']) assert.ok(alt.includes(s), s);
    assert.doesNotMatch(alt, /class="faq-question"/, 'alternate FAQs are not the page FAQ');
  });

  it('per-ingredient groups and the not-a-product notice', () => {
    assert.match(combo, /<section id="ingredient-paracetamol" class="section ingredient"><h2>Paracetamol<\/h2>/);
    assert.match(combo, /<section id="paracetamol-dosage"/);
    assert.match(combo, /<section id="caffeine-dosage"/);
    assert.match(combo, /PARA-PER-INGREDIENT[\s\S]*CAFF-PER-INGREDIENT/);
    assert.match(combo, /<strong>Not a recognised product\.<\/strong>[\s\S]*<blockquote><p>This combination is not a recognised product in India\.<\/p><\/blockquote>/);
  });

  it('re-levels section headings under their container, never skipping a level', () => {
    assert.equal(relevelHeadings('<h4 id="a">A</h4><p>x</p><h6>B</h6><h2>C</h2>', 2), '<h3 id="a">A</h3><p>x</p><h4>B</h4><h3>C</h3>');
    assert.equal(relevelHeadings('<h3>A</h3><h4>B</h4>', 3), '<h4>A</h4><h5>B</h5>');
    assert.equal(relevelHeadings('<h3>A</h3><h4>B</h4><h5>C</h5>', 4), '<h5>A</h5><h6>B</h6><h6>C</h6>');
    assert.equal(relevelHeadings('<h4>Adults</h4><h4>Children</h4><h3>Clinical</h3><h5>x</h5>', 2), '<h3>Adults</h3><h3>Children</h3><h3>Clinical</h3><h4>x</h4>', 'siblings stay siblings');
    const same = '<h3 id="a">A</h3><h4>B</h4><h3>C</h3>';
    assert.equal(relevelHeadings(same, 2), same, 'already well-formed: returned as is');
    assert.equal(relevelHeadings('<p>no headings, <header>not one</header><hr></p>', 2), '<p>no headings, <header>not one</header><hr></p>');
    assert.match(alem, /<h3>ALT-SUB<\/h3>|<h4>ALT-SUB<\/h4>/);
    assert.match(alem, /<h4>ALT-SUB<\/h4>/, 'a body h3 under an alternate h3 section title becomes h4');
  });

  it('h escapes text like JSX and inserts safe markup, lists and nothing for null/false', () => {
    const title = `A & B <i>"x"</i> 'y'`;
    assert.equal(String(h`<a href="${'/x?a=1&b="2"'}">${title}</a>`), '<a href="/x?a=1&amp;b=&quot;2&quot;">A &amp; B &lt;i&gt;&quot;x&quot;&lt;/i&gt; &#39;y&#39;</a>');
    assert.equal(String(h`<ul>${['a<', 'b'].map((x) => h`<li>${x}</li>`)}${null}${false}${undefined}${3}</ul>`), '<ul><li>a&lt;</li><li>b</li>3</ul>');
    assert.equal(String(h`<div>${trusted('<p>ok</p>')}</div>`), '<div><p>ok</p></div>');
  });

  it('IdRegistry: unique ids, fragment ids renamed only on collision, own links follow', () => {
    const ids = new IdRegistry(['main']);
    assert.equal(ids.unique('main'), 'main-2');
    assert.equal(ids.unique('dosage'), 'dosage');
    const html = '<h3 id="dosage">D</h3><p><a href="#dosage">up</a> <a href="#free">f</a></p><h3 id="free">F</h3><h3 id="free">F2</h3>';
    assert.equal(ids.fixFragment(html), '<h3 id="dosage-2">D</h3><p><a href="#dosage-2">up</a> <a href="#free">f</a></p><h3 id="free">F</h3><h3 id="free-2">F2</h3>');
    const clean = '<h3 id="other">x</h3>';
    assert.equal(ids.fixFragment(clean), clean);
    assert.equal(ids.unique('other'), 'other-2', 'fragment ids are registered');
  });

  it('renames colliding ids inside section html and rewrites its own #links', () => {
    assert.match(alem, /<h3 id="note">Note<\/h3><p>See <a href="#note">/);
    assert.match(alem, /<h3 id="note-2">Note<\/h3>/);
  });
});

describe('home and search JSON-LD', () => {
  const site = build();
  it('home: WebSite with a SearchAction', () => {
    const ld = jsonLd(page(site, 'index.html'));
    assert.equal(ld.length, 1);
    assert.equal(ld[0]?.['@type'], 'WebSite');
    assert.equal(ld[0]?.['url'], 'https://example.org/');
    assert.deepEqual(ld[0]?.['potentialAction'], {
      '@type': 'SearchAction',
      target: 'https://example.org/search/?q={search_term_string}',
      'query-input': 'required name=search_term_string',
    });
  });
  it('search page: a GET form that works without JS, results, noindex when a query is given', () => {
    const empty = page(site, 'search/index.html');
    assert.match(empty, /<form[^>]*action="\/search\/" method="get"/);
    assert.match(empty, /<input id="search-q"[^>]*name="q" value=""/);
    assert.doesNotMatch(empty, /noindex/);
    const html = renderSearchPage({ query: 'camp"<', results: [hit({ matched: 'campath', how: 'prefix', banned: true })], didYouMean: null }, OPTIONS);
    assert.match(html, /name="q" value="camp&quot;&lt;"/);
    assert.match(html, /<li class="result"><a href="\/composition\/alemtuzumab\/">Alemtuzumab<\/a>/);
    assert.match(html, /matches “campath”/);
    assert.match(html, /badge-banned/);
    assert.match(html, /1 result for “camp&quot;&lt;”/);
    assert.match(html, /<meta name="robots" content="noindex"/);
  });
  it('search page: "did you mean" for a typo, labels for synonyms, safe snippets only', () => {
    const typo = renderSearchPage({ query: 'paracetmol', results: [hit({ title: 'Paracetamol', url: '/composition/paracetamol/', matched: 'Paracetamol', how: 'fuzzy', distance: 1 })], didYouMean: 'Paracetamol' }, OPTIONS);
    assert.match(typo, /Did you mean <a href="\/search\/\?q=Paracetamol">Paracetamol<\/a>\?/);
    assert.match(typo, /similar name: “Paracetamol”/);
    const syn = renderSearchPage({ query: 'acetaminophen', results: [hit({ title: 'Paracetamol', matched: 'acetaminophen', how: 'synonym', synonymSource: 'INN/USAN' })], didYouMean: null }, OPTIONS);
    assert.match(syn, /international name “acetaminophen”/);
    assert.doesNotMatch(syn, /Did you mean/);
    const text = renderSearchPage(
      {
        query: 'cd52',
        results: [
          hit({ how: 'text', matched: 'usage', snippet: 'binds <mark>CD52</mark> &amp; more' }),
          hit({ slug: 'x', url: '/composition/x/', how: 'text', matched: 'body', snippet: '<img src=x onerror=alert(1)> <mark>CD52</mark>' }),
        ],
        didYouMean: null,
      },
      OPTIONS,
    );
    assert.match(text, /<p class="snippet">binds <mark>CD52<\/mark> &amp; more<\/p>/);
    assert.doesNotMatch(text, /<img/, 'a snippet with markup other than <mark> is shown as text');
    assert.match(text, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });
});

describe('sitemap and robots', () => {
  const site = build();
  const xml = page(site, 'sitemap.xml');
  const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1] ?? '');

  it('lists each page once, with lastmod, excluding 404 and redirects', () => {
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    assert.equal(new Set(locs).size, locs.length, 'unique');
    assert.equal(xml.match(/<url>/g)?.length, xml.match(/<lastmod>/g)?.length);
    for (const e of makeCatalog().entries) assert.ok(locs.includes(`https://example.org${e.url}`), e.url);
    assert.ok(locs.includes('https://example.org/'));
    assert.ok(locs.includes('https://example.org/browse/a/'));
    assert.ok(!locs.some((l) => l.includes('404') || l.includes("ringer's") || l.includes('ringer%27s')));
    assert.ok(!locs.includes('https://example.org/browse/q/'), 'empty letters are left out');
    assert.match(xml, /<loc>https:\/\/example.org\/composition\/alemtuzumab\/<\/loc><lastmod>2025-09-22T17:21:53.372Z<\/lastmod>/);
    assert.match(xml, /<loc>https:\/\/example.org\/medicines\/campath-30mg\/<\/loc><lastmod>2026-01-02T03:04:05.000Z<\/lastmod>/, 'builtAt fallback');
  });

  it('switches to a sitemap index past the limit', () => {
    const pages = new Map(buildSitePages(makeCatalog(), OPTIONS, { ...DEFAULT_LIMITS, sitemapMaxUrls: 4 }).map((p) => [p.path, p.render()]));
    const index = pages.get('sitemap.xml') ?? '';
    assert.match(index, /<sitemapindex xmlns=/);
    const parts = [...index.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    const n = Math.ceil(locs.length / 4);
    assert.deepEqual(
      parts,
      Array.from({ length: n }, (_, i) => `https://example.org/sitemap-${i + 1}.xml`),
    );
    const all = Array.from({ length: n }, (_, i) => [...(pages.get(`sitemap-${i + 1}.xml`) ?? '').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]));
    assert.ok(all.every((chunk) => chunk.length <= 4 && chunk.length > 0));
    assert.deepEqual(all.flat(), locs);
  });

  it('robots.txt allows all and names the sitemap', () => {
    assert.equal(page(site, 'robots.txt'), 'User-agent: *\nAllow: /\nDisallow: /quality/\n\nSitemap: https://example.org/sitemap.xml\n');
  });

  it('without siteUrl: relative canonicals, http://localhost in sitemap and robots', () => {
    const local = build(makeCatalog(), { ...OPTIONS, siteUrl: null });
    assert.match(page(local, ALEM), /<link rel="canonical" href="\/composition\/alemtuzumab\/"/);
    assert.doesNotMatch(page(local, ALEM), /og:url/);
    assert.match(page(local, 'sitemap.xml'), /<loc>http:\/\/localhost\/composition\/alemtuzumab\/<\/loc>/);
    assert.match(page(local, 'robots.txt'), /Sitemap: http:\/\/localhost\/sitemap.xml/);
  });

  it('a siteUrl with a base path prefixes links and assets', () => {
    const based = build(makeCatalog(), { ...OPTIONS, siteUrl: 'https://example.org/ref/' });
    const html = page(based, ALEM);
    assert.match(html, /<link rel="canonical" href="https:\/\/example.org\/ref\/composition\/alemtuzumab\/"/);
    assert.match(html, /<link rel="stylesheet" href="\/ref\/assets\/site.css"/);
    assert.match(html, /href="\/ref\/medicines\/campath-30mg\/"/);
    assert.match(page(based, 'robots.txt'), /Sitemap: https:\/\/example.org\/ref\/sitemap.xml/);
  });
});

describe('redirects', () => {
  const site = build();
  it('writes a stub at the decoded old path with meta refresh and canonical', () => {
    const stub = page(site, "composition/ringer's-lactate/index.html");
    assert.match(stub, /<meta http-equiv="refresh" content="0; url=\/composition\/ringers-lactate\/"/);
    assert.match(stub, /<link rel="canonical" href="https:\/\/example.org\/composition\/ringers-lactate\/"/);
    assert.match(stub, /<meta name="robots" content="noindex"/);
    assert.match(stub, /<a href="\/composition\/ringers-lactate\/">Ringer&#39;s Lactate<\/a>/);
  });
  it('writes a Netlify _redirects file', () => {
    assert.equal(page(site, '_redirects'), "/composition/ringer's-lactate/ /composition/ringers-lactate/ 301\n");
  });
  it('decodes percent-encoded old paths and skips unsafe ones', () => {
    const c = makeCatalog();
    c.redirects = new Map([
      ['/composition/ringer%27s-lactate/', '/composition/ringers-lactate/'],
      ['/composition/../../etc/', '/composition/ringers-lactate/'],
      ['/composition/paracetamol/', '/composition/ringers-lactate/'],
    ]);
    const paths = sitePages(c, OPTIONS).map((p) => p.path);
    assert.ok(paths.includes("composition/ringer's-lactate/index.html"));
    assert.ok(!paths.some((p) => p.includes('..') || p.startsWith('etc')));
    assert.equal(paths.filter((p) => p === 'composition/paracetamol/index.html').length, 1, 'a real page wins over a stub');
  });
});

describe('ad slots', () => {
  it('render nothing by default', () => {
    for (const [path, html] of htmlPages(build())) assert.doesNotMatch(html, /class="ad /, path);
  });
  it('render per page kind, kind-specific keys overriding plain ones', () => {
    const site = build(makeCatalog(), {
      ...OPTIONS,
      adSlots: { top: '<div class="ad-unit">TOP-AD</div>', 'medicine:bottom': '<div class="ad-unit">MED-BOTTOM</div>', 'medicine:top': '' },
    });
    assert.match(page(site, ALEM), /<div class="ad ad-top"><div class="ad-unit">TOP-AD<\/div><\/div>/);
    assert.doesNotMatch(page(site, ALEM), /MED-BOTTOM/);
    assert.match(page(site, 'index.html'), /TOP-AD/);
    const med = page(site, CAMPATH);
    assert.match(med, /<div class="ad ad-bottom"><div class="ad-unit">MED-BOTTOM<\/div><\/div>/);
    assert.doesNotMatch(med, /TOP-AD/, 'an empty kind-specific slot turns the plain one off');
  });
});

describe('signatures', () => {
  const sigs = (c: Catalog, o: SiteOptions = OPTIONS): Map<string, string> => new Map(sitePages(c, o).map((p) => [p.path, p.signature]));
  const base = sigs(makeCatalog());

  it('are stable for unchanged input', () => {
    assert.deepEqual(sigs(makeCatalog()), base);
  });
  it('change exactly where a linked title changes', () => {
    const renamed = sigs(makeCatalog({ paracetamolTitle: 'Acetaminophen' }));
    assert.notEqual(renamed.get(COMBO), base.get(COMBO), 'combination links the ingredient');
    assert.notEqual(renamed.get('composition/paracetamol/index.html'), base.get('composition/paracetamol/index.html'));
    assert.equal(renamed.get(ALEM), base.get(ALEM));
    assert.equal(renamed.get(CAMPATH), base.get(CAMPATH));
    assert.notEqual(renamed.get('browse/p/index.html'), base.get('browse/p/index.html'));
  });
  it('change with a source digest, the banned status and the options', () => {
    const c = makeCatalog();
    const alem = c.byKey.get('composition:alemtuzumab');
    assert.ok(alem?.monograph.sources[0]);
    alem.monograph.sources[0].digest = 'changed';
    assert.notEqual(sigs(c).get(ALEM), base.get(ALEM));

    const b = makeCatalog();
    const para = b.byKey.get('composition:paracetamol');
    assert.ok(para);
    para.banned = { value: true, from: 'self', registry: null };
    assert.notEqual(sigs(b).get('composition/paracetamol/index.html'), base.get('composition/paracetamol/index.html'));

    const other = sigs(makeCatalog(), { ...OPTIONS, siteName: 'Other' });
    assert.notEqual(other.get(ALEM), base.get(ALEM));
    const ads = sigs(makeCatalog(), { ...OPTIONS, adSlots: { 'medicine:top': '<p>x</p>' } });
    assert.notEqual(ads.get(CAMPATH), base.get(CAMPATH));
    assert.equal(ads.get(ALEM), base.get(ALEM), 'ads for another kind do not matter');
  });
  it('do not depend on builtAt for pages that do not show it', () => {
    const later = sigs(makeCatalog(), { ...OPTIONS, builtAt: '2027-01-01T00:00:00.000Z' });
    assert.equal(later.get(ALEM), base.get(ALEM));
    assert.equal(later.get('index.html'), base.get('index.html'));
    assert.notEqual(later.get('sitemap.xml'), base.get('sitemap.xml'), 'the sitemap shows builtAt as a fallback lastmod');
  });
});
