import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Monograph, Section } from '../src/model/index.js';
import { normalizeFile } from '../src/normalize/index.js';
import { CASES, caseNamed } from './helpers/cases.js';
import { normalizeCase, plain, readInput } from './helpers/fixtures.js';
import { mono } from './helpers/monographs.js';

// The real variants of the corpus, one fixture each (test/fixtures/<case>/input.md, cut down from
// rxhive-astro / rxhive-jekyll pages). The goldens pin the whole output; these state what matters.

function load(name: string): Monograph {
  const r = normalizeCase(caseNamed(name));
  assert.ok(r.monograph, `${name} was refused: ${JSON.stringify(r.diagnostics)}`);
  assert.equal(r.fidelity.accountedLines, r.fidelity.nonBlankLines, `${name}: unaccounted lines ${r.fidelity.unaccounted.join(', ')}`);
  return r.monograph;
}

const section = (sections: readonly Section[], id: string): Section => {
  const s = sections.find((x) => x.id === id);
  assert.ok(s, `no section "${id}": ${sections.map((x) => x.id).join(', ')}`);
  return s;
};

test('plain headings, trailing colons and trailing spaces are recognised as canonical sections', () => {
  const m = load('heading-plain-trailing-colon');
  assert.deepEqual(
    m.sections.map((s) => [s.id, s.heading]),
    [
      ['overview', 'Usage'],
      ['alternate-names', 'Alternate Names'],
      ['how-it-works', 'How It Works'],
      ['dosage', 'Dosage'],
      ['side-effects', 'Side Effects'],
      ['pregnancy', 'Pregnancy and Breastfeeding'],
      ['precautions', 'Precautions'],
    ],
  );
  assert.ok(m.sections.every((s) => s.canonical));
  assert.deepEqual(
    section(m.sections, 'dosage').subsections.map((s) => [s.id, s.title]),
    [
      ['standard', 'Standard Dosage'],
      ['adults', 'Adults'],
      ['special-populations', 'Special Cases'],
      ['clinical-use-cases', 'Clinical Use Cases'],
    ],
  );
  assert.deepEqual(section(m.sections, 'side-effects').subsections.map((s) => s.id), ['common', 'serious']);
  // "A common brand name under which it's marketed is Geninax." / "also known as T-3811ME or BMS-284756"
  assert.deepEqual(m.brandNames, ['Geninax']);
  assert.deepEqual(m.synonyms, ['T-3811ME', 'BMS-284756']);
});

test('text on a heading line becomes a subsection heading and a paragraph', () => {
  const m = load('heading-text-on-line');
  const dosage = section(m.sections, 'dosage');
  assert.deepEqual(
    dosage.subsections.map((s) => [s.id, s.title, s.range.start, s.range.end]),
    [
      ['standard', 'Standard Dosage', 15, 25],
      ['adults', 'Adults', 17, 19],
      ['children', 'Children', 21, 21],
      ['special-populations', 'Special Cases', 23, 25],
      ['adjustments', 'Dosage Adjustments', 27, 27],
    ],
  );
  assert.match(dosage.html, /<h4 id="dosage-children">Children<\/h4>\n<p>Safety and efficacy have not been established in patients younger than 18 years\.<\/p>\n/);
  assert.match(
    dosage.html,
    /<h3 id="dosage-dosage-adjustments">Dosage Adjustments<\/h3>\n<p>Dose modifications based on renal\/hepatic dysfunction haven't been explicitly defined for <em>C\. butyricum\.<\/em><\/p>\n$/,
  );
  // the markdown is kept as written
  assert.match(dosage.markdown, /^#### \*\*Children:\*\* Safety and efficacy/m);
});

test('`-`, `*` and `*   ` bullets, nested lists and key-value bullets render as lists', () => {
  const m = load('bullets-nested-key-value');
  const dosage = section(m.sections, 'dosage');
  assert.match(dosage.html, /<li><strong>Cycle 1:<\/strong> Total dose of 1\.8 mg\/m² per 21-day cycle, divided into three doses\.\n<ul>\n<li>Day 1: 0\.8 mg\/m² IV infusion over 1 hour\.<\/li>\n<li>Day 8: 0\.5 mg\/m² IV infusion over 1 hour\.<\/li>\n<\/ul>\n<\/li>/);
  assert.match(dosage.html, /<li>30 mg IV three times a week\.  Dose escalation is required:\n<ul>\n<li>Start with 3 mg IV daily/);
  assert.equal((dosage.html.match(/<ul>/g) ?? []).length, 5, 'two top-level lists (the bullet character changes) and three nested ones');
  assert.doesNotMatch(dosage.html, /<p>\s*[-*]\s/, 'a bullet was rendered as text');
  const effects = section(m.sections, 'side-effects');
  assert.equal((effects.html.match(/<li>/g) ?? []).length, 4);
  assert.equal(m.drugClass?.text, 'Antineoplastic agent, Antibody-drug conjugate (ADC)');
  assert.equal(m.drugClass?.line, 10);
  assert.deepEqual(m.brandNames, ['Besponsa']);
  // Alternate Names written after Side Effects is still shown in model order.
  assert.deepEqual(m.sections.map((s) => s.id), ['overview', 'alternate-names', 'dosage', 'side-effects']);
});

test('old inline Jekyll style: `**Label:**` paragraphs are sections, `**Generic Name:**` is the generic name', () => {
  const m = load('jekyll-inline-style');
  assert.equal(m.sources[0]!.format, 'inline');
  assert.equal(m.kind, 'combination');
  assert.deepEqual(m.ingredients, ['Bacillus mesentericus TO-A JPC', 'Clostridium butryricum TO-A', 'Lactic acid bacillus', 'Streptococcus faecalis T-']);
  assert.equal(m.genericName, 'Bacillus mesentericus TO-A JPC + Clostridium butyricum TO-A + Lactic acid bacillus + Streptococcus faecalis T-');
  assert.deepEqual(
    m.sections.map((s) => [s.id, s.range.start]),
    [
      ['generic-name', 8],
      ['overview', 11],
      ['alternate-names', 35],
      ['how-it-works', 30],
      ['dosage', 16],
      ['side-effects', 21],
      ['precautions', 40],
      ['faqs', 46],
      ['disclaimer', 52],
    ],
  );
  // "Specific brand names … are not easily identified": no names invented from that sentence
  assert.deepEqual(m.brandNames, []);
  assert.deepEqual(m.faqs.map((f) => f.question), ['How long does it take to work?', 'How should I store it?']);
  assert.equal(m.description.text, 'This combination of bacterial strains is typically used as a probiotic supplement, aiming to improve gut health.');
  // the file name ends with "-": published without it, old name kept as an alias
  assert.equal(m.slug, 'bacillus-mesentericus-to-a-jpc-clostridium-butryricum-to-a-lactic-acid-bacillus-streptococcus-faecalis-t');
  assert.deepEqual(m.aliases, ['bacillus-mesentericus-to-a-jpc-clostridium-butryricum-to-a-lactic-acid-bacillus-streptococcus-faecalis-t-']);
});

test('per-ingredient sections `### Acebrophylline Usage` go to perIngredient, the shared ones stay sections', () => {
  const m = load('per-ingredient-sections');
  assert.deepEqual(
    m.perIngredient.map((g) => [g.ingredient, g.sections.map((s) => [s.id, s.title, s.range.start])]),
    [
      ['Acebrophylline', [['acebrophylline-overview', 'Usage', 13], ['acebrophylline-dosage', 'Dosage', 17], ['acebrophylline-side-effects', 'Side effects', 22]]],
      ['Acetylcysteine', [['acetylcysteine-overview', 'Usage', 29]]],
    ],
  );
  assert.deepEqual(m.sections.map((s) => s.id), ['generic-name', 'x-combined-use-of-acebrophylline-and-acetylcysteine', 'faqs', 'disclaimer']);
  assert.equal(section(m.sections, 'faqs').heading, 'FAQs (Combined Use)');
  assert.equal(m.faqs.length, 2);
  assert.deepEqual(m.notAProduct, {
    text: 'Please Note: Acebrophylline and Acetylcysteine are typically not combined into a single fixed-dose medication.',
    line: 10,
    file: 'rxhive-jekyll/composition/a/acebrophylline-acetylcysteine.md',
  });
});

test('`### Mebeverine` ingredient-name headings group the inline `**Usage:**` labels under that ingredient', () => {
  const r = normalizeCase(caseNamed('ingredient-name-headings'));
  const m = r.monograph!;
  assert.deepEqual(
    m.perIngredient.map((g) => [g.ingredient, g.sections.map((s) => s.id)]),
    [
      ['Mebeverine', ['mebeverine-about', 'mebeverine-generic-name', 'mebeverine-overview', 'mebeverine-dosage', 'mebeverine-side-effects', 'mebeverine-how-it-works', 'mebeverine-precautions']],
      ['Alprazolam', ['alprazolam-about', 'alprazolam-generic-name', 'alprazolam-overview']],
    ],
  );
  const usage = m.perIngredient[0]!.sections.find((s) => s.id === 'mebeverine-overview')!;
  assert.match(usage.markdown, /^Mebeverine is an antispasmodic medication/);
  assert.deepEqual(usage.range, { start: 13, end: 13 });
  // "… is not a standard, pre-made pharmaceutical product."
  assert.equal(m.notAProduct?.line, 7);
  assert.equal(m.notAProduct?.text, 'The combination of Mebeverine and Alprazolam is not a standard, pre-made pharmaceutical product.');
  assert.deepEqual(
    r.diagnostics.map((d) => [d.code, d.severity, d.line, d.column, d.message]),
    [['combination-not-a-product', 'warning', 7, 1, 'The page says this combination is not a real product: "The combination of Mebeverine and Alprazolam is not a standard, pre-made pharmaceutical product."']],
  );
});

test('a page saying the combination is not a recognised product: notAProduct + combination-not-a-product', () => {
  const r = normalizeCase(caseNamed('not-a-product'));
  const m = r.monograph!;
  assert.equal(m.kind, 'combination');
  assert.deepEqual(m.notAProduct, {
    text: 'I cannot provide information on a medication composed of Benzocaine + Chlorbutol + Paradichlorobenzene + Turpentine Oil.',
    line: 7,
    file: 'rxhive-jekyll/composition/b/benzocaine-chlorbutol-paradichlorobenzene-turpentine-oil.md',
  });
  assert.deepEqual(r.diagnostics, [
    {
      code: 'combination-not-a-product',
      severity: 'warning',
      message: 'The page says this combination is not a real product: "I cannot provide information on a medication composed of Benzocaine + Chlorbutol + Paradichlorobenzene + Turpentine Oil."',
      hint: 'The page says this combination is not a recognised product; review or remove it.',
      file: 'rxhive-jekyll/composition/b/benzocaine-chlorbutol-paradichlorobenzene-turpentine-oil.md',
      line: 7,
      column: 1,
    },
  ]);
  // the whole page is kept (as its introduction), nothing dropped
  assert.deepEqual(m.sections.map((s) => [s.id, s.range.start, s.range.end]), [['introduction', 7, 19]]);
});

test('a single composition never gets notAProduct, whatever its text says', () => {
  const text = '---\ntitle: Lipid\n---\n## Usage\n\nThis is not a recognized pharmaceutical product on its own.\n';
  const r = normalizeFile({ file: 'rxhive-astro/compositions/lipid.md', bytes: Buffer.from(text), kindHint: 'composition' });
  assert.equal(r.monograph?.notAProduct, null);
  assert.ok(!r.diagnostics.some((d) => d.code === 'combination-not-a-product'));
});

test('CRLF and BOM: same monograph, lines and columns as the LF file (only the digest differs)', () => {
  const c = caseNamed('crlf-bom');
  const raw = readInput(c.name);
  assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the fixture must keep its BOM');
  assert.ok(raw.includes('\r\n'), 'the fixture must keep its CRLF line endings (see test/fixtures/.gitattributes)');
  const lf = Buffer.from(raw.subarray(3).toString('utf8').replace(/\r\n/g, '\n'));
  const a = normalizeCase(c, raw);
  const b = normalizeCase(c, lf);
  const strip = (r: typeof a): unknown => plain({ ...r, digest: '', monograph: r.monograph && { ...r.monograph, sources: r.monograph.sources.map((s) => ({ ...s, digest: '' })) } });
  assert.deepEqual(strip(a), strip(b));
  assert.notEqual(a.digest, b.digest, 'the digest is of the raw bytes');
  assert.deepEqual(section(a.monograph!.sections, 'dosage').range, { start: 13, end: 17 });
  assert.doesNotMatch(JSON.stringify(a.monograph), /\\r|\\ufeff|\uFEFF/, 'a CR or BOM leaked into the model');
});

test('CRLF and BOM do not move any diagnostic of any fixture', () => {
  for (const c of CASES) {
    const raw = readInput(c.name);
    const text = raw.toString('utf8');
    if (raw.includes(0) || text.includes('\uFFFD') || text.includes('\r') || c.limits) continue;
    const crlf = Buffer.from('\uFEFF' + text.replace(/\n/g, '\r\n'));
    const a = normalizeCase(c, raw);
    const b = normalizeCase(c, crlf);
    const pos = (r: typeof a): unknown => r.diagnostics.map((d) => [d.code, d.line, d.column, d.endLine, d.message]);
    assert.deepEqual(pos(b), pos(a), c.name);
    assert.deepEqual(b.monograph?.sections.map((s) => s.range), a.monograph?.sections.map((s) => s.range), c.name);
    assert.deepEqual(b.monograph?.faqs.map((f) => f.line), a.monograph?.faqs.map((f) => f.line), c.name);
  }
});

test('`nav_exclude: true` is kept in extra; bold questions without "Q:" are FAQs', () => {
  const m = load('nav-exclude');
  assert.deepEqual(m.extra, { layout: 'minimal-medicine', nav_exclude: true });
  assert.deepEqual(
    m.faqs.map((f) => [f.question, f.line]),
    [
      ['Is this vaccine safe?', 27],
      ['How many doses are needed?', 28],
    ],
  );
  assert.match(m.faqs[0]!.answer, /^Yes, DTaP-IPV vaccines are extensively tested/);
  assert.equal(m.description.text, 'DTaP-IPV is a vaccine used to prevent diphtheria, tetanus (lockjaw), pertussis (whooping cough) and poliomyelitis (polio).');
  assert.equal(m.genericName, 'Diphtheria Toxoid, Tetanus Toxoid, Pertussis (Pertussis Toxoid & Filamentous Haemagglutinin), Inactivated Poliovirus (Types 1, 2, & 3)');
});

test("`ringer's-lactate.md`: slug ringers-lactate, alias kept, slug-changed", () => {
  const r = normalizeCase(caseNamed('ringers-lactate-file-name'));
  const m = r.monograph!;
  assert.equal(m.slug, 'ringers-lactate');
  assert.deepEqual(m.aliases, ["ringer's-lactate"]);
  assert.equal(m.title, "Ringer's lactate");
  const changed = r.diagnostics.filter((d) => d.code === 'slug-changed');
  assert.deepEqual(changed, [
    {
      code: 'slug-changed',
      severity: 'info',
      message: 'The file name "ringer\'s-lactate" is not URL-safe; the page is published as "ringers-lactate".',
      hint: 'The file name is not URL-safe; the page is published under the safe slug and the old URL redirects.',
      file: "rxhive-astro/compositions/ringer's-lactate.md",
      line: 1,
      column: 1,
    },
  ]);
  // Other names of the same solution are synonyms, not brands.
  assert.deepEqual(m.brandNames, []);
  assert.deepEqual(m.synonyms, ["Lactated Ringer's Solution", "Ringer's Lactate Solution", "Hartmann's solution", 'Sodium Lactate Compound Injection']);
  // "- **Medical Conditions:** Ringer's lactate is prescribed …": the label is not part of the description
  assert.match(m.description.text, /^Ringer's lactate is prescribed for fluid resuscitation/);
  assert.equal(m.drugClass?.text, 'Fluid and electrolyte replenisher, systemic alkalizer');
  assert.equal(m.drugClass?.line, 32);
});

test('a URL-safe file name gives no alias and no slug-changed', () => {
  const r = normalizeCase(caseNamed('seed-itolizumab'));
  assert.deepEqual(r.monograph?.aliases, []);
  assert.ok(!r.diagnostics.some((d) => d.code === 'slug-changed'));
});

test('brand (medicine) page: product fields, frontmatter FAQs, no generic name of its own', () => {
  const r = normalizeCase(caseNamed('brand-medicine'));
  const m = r.monograph!;
  assert.equal(m.kind, 'medicine');
  assert.equal(m.sources[0]!.format, 'medicine');
  assert.deepEqual(m.product, {
    type: 'single',
    company: 'GlaxoSmithKline',
    strength: '650 mg',
    packSize: '10 tablets',
    mrp: 50,
    genericSlug: 'paracetamol',
    combinationSlug: null,
    discontinued: null,
    composition: null,
    components: [],
    pack: { text: '10 tablets', container: null, count: 10, amount: null, unit: 'tablet', form: 'tablet' },
    form: 'tablet',
    unitPrice: { value: 5, per: 'tablet', formula: '₹50.00 ÷ 10 tablets' },
    // The key comes when the brand links to its generic (catalog): the page names no composition.
    substituteKey: null,
  });
  assert.equal(m.genericName, null);
  assert.equal(m.lastModified, '2025-09-22');
  assert.deepEqual(m.faqs.map((f) => [f.question, f.origin, f.repaired, f.line]), [
    ['What is Crocin 650 used for?', 'frontmatter', false, 10],
    ['Can I take Crocin 650 on an empty stomach?', 'frontmatter', false, 10],
  ]);
  assert.deepEqual(m.extra, {}, 'every brand field has a place in the model');
  assert.deepEqual(r.diagnostics, []);
});

test('a brand page may state its composition and discontinued flag; they are parsed like a catalog row', () => {
  const m = mono('x/medicines/clavam-625.md', '---\ntitle: Clavam 625\ncomposition: "Amoxycillin (500mg) + Clavulanic Acid (125mg)"\npack_size: strip of 10 tablets\nmrp: 200\ndiscontinued: true\n---\n\nText.\n', 'medicine');
  const p = m.product!;
  assert.deepEqual(p.components.map((c) => [c.name, c.strength?.value, c.strength?.unit]), [['Amoxycillin', 500, 'mg'], ['Clavulanic Acid', 125, 'mg']]);
  assert.equal(p.discontinued, true);
  assert.equal(p.unitPrice?.value, 20);
  assert.ok(p.substituteKey?.includes('| tablet'), p.substituteKey ?? 'no key');
  assert.deepEqual(m.extra, {}, 'composition and discontinued have a place in the model');
});

test('brand frontmatter without a folder hint is still a medicine; mrp strings are read', () => {
  const text = '---\ntitle: Dolo 650\ngeneric_slug: paracetamol\nmrp: "₹ 31.5"\n---\nDolo 650 is a brand of paracetamol tablets.\n';
  const m = normalizeFile({ file: 'plain/dolo-650.md', bytes: Buffer.from(text), kindHint: null }).monograph!;
  assert.equal(m.kind, 'medicine');
  assert.equal(m.product?.mrp, 31.5);
  assert.equal(m.product?.genericSlug, 'paracetamol');
});
