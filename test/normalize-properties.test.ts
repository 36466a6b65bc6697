import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MonographSchema } from '../src/model/index.js';
import { normalizeFile, type NormalizeResult } from '../src/normalize/index.js';
import { sameText } from '../src/normalize/faqs.js';
import { CASES } from './helpers/cases.js';
import { normalizeCase } from './helpers/fixtures.js';

// Property tests against simple models of what must always hold: determinism (normalize twice =
// once, in any order), no crash on any input, every non-blank line accounted for, positions inside
// the file, schema-valid output and inert HTML.

const RUNS = Number(process.env['FC_RUNS'] ?? 300);

// ---- fragments of real pages (rxhive-astro / rxhive-jekyll) ------------------------------------

const HEADINGS = [
  '## **Usage**', '## Usage', '### Usage', '## **Alternate Names** ', '## **How It Works**', '### How it Works', '## **Dosage**',
  '### Dosage', '### **Standard Dosage**  ', '#### **Adults:**', '#### Adults:', '#### **Special Cases**:', '### **Clinical Use Cases**',
  '## **Side Effects**', '### Side Effects', '### **Common Side Effects:**', '### Rare but Serious Side Effects:',
  '## **Contraindications**', '## Drug Interactions', '## **Pregnancy and Breastfeeding**', '## Pregnancy and Breastfeeding:',
  '## **Drug Profile Summary**', '## **Popular Combinations**', '## **Precautions**', '### Precautions', '## Precautions:',
  '## **FAQs (Frequently Asked Questions)**', '### FAQs', '### FAQs (Combined Use)', '### Generic Name', '# Itolizumab',
  '### Acebrophylline Usage', '### Acetylcysteine Side Effects', '### Mebeverine', '### Combined Use of Mebeverine and Alprazolam',
  '## Storage', '## Overdose', '#', '######', '### **Q1: What is the recommended dosage?**', '### Q2: How is it stored?',
];
const TEXT_ON_HEADING = [
  '#### **Children:** Safety and efficacy have not been established in patients younger than 18 years.',
  '### **Dosage Adjustments:** Dose modifications are not well established.',
];
const LABELS = [
  '**Generic Name:** Ibalizumab', '**Usage:** Mebeverine is an antispasmodic medication.', '**Usage:**', '**Dosage:**',
  '**Side Effects:** Common side effects are generally mild.', '**How it Works:** It blocks calcium channels.',
  '**Precautions:**', '**Popular Brand Names (India):**', '**FAQs:**', '**Please Note:**  This combination is not a standard, pre-made pharmaceutical product.',
  '**Disclaimer:** This information is intended for educational purposes only.', '**Note:** This information is AI-generated.',
];
const BULLETS = [
  '- Itolizumab is prescribed for the treatment of moderate to severe chronic plaque psoriasis in adults.',
  '- **Pharmacological classification:** Immunomodulator, monoclonal antibody.', '* Dizziness', '*   B-cell chronic lymphocytic leukemia (B-CLL)',
  '    *   First Treatment Course: 12 mg/day IV over 4 hours', '        *   Start with 3 mg IV daily.', '    - Day 1: 0.8 mg/m² IV infusion over 1 hour.',
  '- Alzumab-L™ (Brand name in India)', '- **Brand Name:** Besponsa™', '* **Loading Dose:** 2 grams (g) given as a single dose.', '1. First', '2) Second',
  '- Lactated Ringer\'s Solution',
];
const FAQ_LINES = [
  '**A:**  For plaque psoriasis: 1.6 mg/kg IV infusion every 2 weeks.', '* **Q: Can I take Ibalizumab with other medications?** A: Ibalizumab is used *in combination*.',
  '**Q: How is Isatuximab stored?**  Follow the specific storage instructions.', '* **Is this vaccine safe?**  Yes, it is extensively tested.',
  '**Q1. Question without mark**', 'A: plain answer line', '### **Q3:**', '**Q:** ',
];
const PROSE = [
  'Alemtuzumab is prescribed for the treatment of:', 'Alemtuzumab is marketed under the brand names Campath (for B-CLL) and Lemtrada (for MS).',
  'I cannot provide information on a medication composed of A + B.', 'The combination of Mebeverine and Alprazolam is not a standard, pre-made pharmaceutical product.',
  'Garenoxacin is also known as T-3811ME or BMS-284756.', 'Common side effects (occurring in 1-10% of patients) may include:',
  'Isatuximab is administered intravenously (IV).  Dosage is calculated based on the patient\'s actual body weight.',
  '<script>alert(1)</script><img src=x onerror=alert(2)> [click](javascript:alert(3))', '<div onclick="x()">raw</div>', '[ok](https://example.org)',
  '> quoted text', '```', 'code inside a fence', '---', '***', '| a | b |', '|---|---|', '    indented code', 'Text with trailing spaces   ',
  'Unicode: mg/m² ™ ® ≥ ≤ µg — “quotes” ﬁ 𝛼', '\t\ttabbed', '&amp; &lt; &#0; &#x110000;', '<!-- comment -->', '\\*escaped\\*', '**unclosed bold', '[ref]: https://x.org',
];
const BLANK = ['', '', '  '];

const line = fc.oneof(
  { arbitrary: fc.constantFrom(...HEADINGS), weight: 4 },
  { arbitrary: fc.constantFrom(...TEXT_ON_HEADING), weight: 1 },
  { arbitrary: fc.constantFrom(...LABELS), weight: 2 },
  { arbitrary: fc.constantFrom(...BULLETS), weight: 4 },
  { arbitrary: fc.constantFrom(...FAQ_LINES), weight: 2 },
  { arbitrary: fc.constantFrom(...PROSE), weight: 3 },
  { arbitrary: fc.constantFrom(...BLANK), weight: 4 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
);

const TITLES = ['Itolizumab', 'Acebrophylline + Acetylcysteine', 'Mebeverine + Alprazolam', "Ringer's lactate", 'A+B', '"Quoted: title"', '123'];
const FILES = ['rxhive-astro/compositions/itolizumab.md', "rxhive-astro/compositions/ringer's-lactate.md", 'rxhive-jekyll/composition/m/mebeverine-alprazolam.md', 'plain/x_y-.md'];

const frontmatter = fc.record({
  title: fc.constantFrom(...TITLES),
  minimal: fc.boolean(),
  description: fc.option(fc.constantFrom('- Itolizumab is prescribed for...', 'Alemtuzumab is prescribed for the treatment of:', 'A short one.', 'A fixed-dose combination of paracetamol with caffeine, used to relieve pain.'), { nil: undefined }),
  faqs: fc.option(fc.constantFrom(
    '  - q: >-\n      What is the recommended dosage?**\n\n      **A:**  1.6 mg/kg.\n    a: \'A:**  1.6 mg/kg.\'',
    '  - q: "How is it stored?"\n    a: "Cool and dry."',
    '  - a: "no question"',
    '  - just a string',
  ), { nil: undefined }),
  banned: fc.constantFrom(undefined, 'true', 'false', '"yes"', '[1]'),
  extra: fc.constantFrom(undefined, 'nav_exclude: true', 'generic_slug: paracetamol\nmrp: "₹ 31.5"', 'ingredients:\n  - generic_slug: a'),
});

const document = fc.record({
  fm: frontmatter,
  body: fc.array(line, { maxLength: 60 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  file: fc.constantFrom(...FILES),
  kindHint: fc.constantFrom(null, 'composition' as const, 'combination' as const, 'medicine' as const),
});

type Doc = typeof document extends fc.Arbitrary<infer T> ? T : never;

function render(d: Doc): Buffer {
  const fm = ['---'];
  if (d.fm.minimal) fm.push('layout: minimal-medicine');
  fm.push(`title: ${d.fm.title}`);
  if (d.fm.description !== undefined) fm.push(`description: ${JSON.stringify(d.fm.description)}`);
  if (d.fm.banned !== undefined) fm.push(`is_banned: ${d.fm.banned}`);
  if (d.fm.faqs !== undefined) fm.push('faqs:', d.fm.faqs);
  if (d.fm.extra !== undefined) fm.push(d.fm.extra);
  fm.push('---');
  let text = [...fm, ...d.body].join('\n') + '\n';
  if (d.crlf) text = text.replace(/\n/g, '\r\n');
  if (d.bom) text = '\uFEFF' + text;
  return Buffer.from(text);
}

const run = (d: Doc): NormalizeResult => normalizeFile({ file: d.file, bytes: render(d), kindHint: d.kindHint });

function checkInvariants(r: NormalizeResult, bytes: Buffer): void {
  const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;
  assert.equal(r.fidelity.accountedLines, r.fidelity.nonBlankLines, `unaccounted lines ${r.fidelity.unaccounted.join(', ')}`);
  assert.deepEqual(r.fidelity.unaccounted, []);
  for (const d of r.diagnostics) {
    assert.ok(d.line >= 1 && d.line <= lines, `${d.code} at line ${d.line} of ${lines}`);
    assert.ok(d.column >= 1);
    if (d.endLine !== undefined) assert.ok(d.endLine >= d.line && d.endLine <= lines, `${d.code} ends at ${d.endLine} of ${lines}`);
  }
  if (!r.monograph) {
    assert.ok(r.diagnostics.some((d) => d.severity === 'error'), 'refused without an error');
    return;
  }
  MonographSchema.parse(r.monograph);
  const m = r.monograph;
  const sections = [...m.sections, ...m.perIngredient.flatMap((g) => g.sections)];
  const ranges = sections.map((s) => s.range).sort((a, b) => a.start - b.start);
  for (const [i, rg] of ranges.entries()) {
    assert.ok(rg.start >= 1 && rg.end >= rg.start && rg.end <= lines, `range ${rg.start}-${rg.end} of ${lines}`);
    const next = ranges[i + 1];
    if (next) assert.ok(next.start > rg.end, `sections overlap: ${rg.start}-${rg.end} and ${next.start}-${next.end}`);
  }
  for (const s of sections) {
    for (const sub of s.subsections) assert.ok(sub.range.start >= s.range.start && sub.range.end <= s.range.end, `subsection ${sub.id} outside ${s.id}`);
  }
  assert.equal(new Set(sections.map((s) => s.id)).size, sections.length, 'section ids are unique on the page');
  for (const f of m.faqs) assert.ok(f.line >= 1 && f.line <= lines);
  for (const html of [...sections.map((s) => s.html), ...m.faqs.map((f) => f.answerHtml)]) {
    assert.doesNotMatch(html, /<script|<[a-z][^>]*\son[a-z]+\s*=|href="(?:javascript|vbscript|data):/i);
  }
}

test('random monographs from real fragments: never throws, every non-blank line accounted for, sound positions', () => {
  fc.assert(
    fc.property(document, (d) => {
      const bytes = render(d);
      const r = normalizeFile({ file: d.file, bytes, kindHint: d.kindHint });
      checkInvariants(r, bytes);
    }),
    { numRuns: RUNS },
  );
});

test('arbitrary text (any unicode, any bytes) never throws and is fully accounted for', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.boolean(), (s, withFm) => {
      const bytes = Buffer.from(withFm ? `---\ntitle: X\n---\n${s}` : s);
      checkInvariants(normalizeFile({ file: 'x/any.md', bytes, kindHint: null }), bytes);
    }),
    { numRuns: RUNS },
  );
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (u) => {
      const bytes = Buffer.concat([Buffer.from('---\ntitle: X\n---\n'), Buffer.from(u)]);
      const r = normalizeFile({ file: 'x/bytes.md', bytes, kindHint: null });
      assert.equal(r.fidelity.accountedLines, r.fidelity.nonBlankLines);
    }),
    { numRuns: RUNS },
  );
});

test('normalize twice = once: the same bytes give the same JSON', () => {
  fc.assert(
    fc.property(document, (d) => {
      assert.equal(JSON.stringify(run(d)), JSON.stringify(run(d)));
    }),
    { numRuns: RUNS },
  );
});

test('results do not depend on what was normalized before (no state leaks between files)', () => {
  const fresh = new Map(CASES.map((c) => [c.name, JSON.stringify(normalizeCase(c))]));
  fc.assert(
    fc.property(fc.shuffledSubarray(CASES, { minLength: 1 }), fc.array(document, { maxLength: 3 }), (order, noise) => {
      for (const c of order) {
        for (const d of noise) run(d);
        assert.equal(JSON.stringify(normalizeCase(c)), fresh.get(c.name), c.name);
      }
    }),
    { numRuns: 30 },
  );
});

test('CRLF and BOM never change lines, columns or content', () => {
  fc.assert(
    fc.property(document, (d) => {
      const lf = run({ ...d, crlf: false, bom: false });
      const crlf = run({ ...d, crlf: true, bom: true });
      const strip = (r: NormalizeResult): string =>
        JSON.stringify({ ...r, digest: '', monograph: r.monograph && { ...r.monograph, sources: r.monograph.sources.map((s) => ({ ...s, digest: '' })) } });
      assert.equal(strip(crlf), strip(lf));
    }),
    { numRuns: RUNS },
  );
});

test('sameText (FAQ answers compared without case, spaces or punctuation) agrees with comparing the keys, for any text', () => {
  const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  // Near-equal pairs too: the same text with its case, spaces and punctuation changed, or one character more.
  const vary = (s: string, seed: number): string => (seed % 3 === 0 ? s.toUpperCase() : seed % 3 === 1 ? s.replace(/ /g, ' , ') : s + (seed % 2 ? 'x' : ''));
  const text = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'B', '1', ' ', '.', '*', 'İ', 'K', 'é', 'ß', '\u0301') }), fc.string({ unit: 'grapheme' }));
  fc.assert(
    fc.property(text, text, fc.nat(), (a, b, seed) => {
      assert.equal(sameText(a, b), key(a) === key(b), JSON.stringify([a, b]));
      const v = vary(a, seed);
      assert.equal(sameText(a, v), key(a) === key(v), JSON.stringify([a, v]));
    }),
    { numRuns: RUNS * 5 },
  );
  assert.equal(sameText('İbuprofen is taken', 'i̇buprofen IS taken.'), true);
  assert.equal(sameText('Take 500 mg', 'Take 50 mg'), false);
});
