import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Monograph, Section } from '../src/model/index.js';
import { caseNamed } from './helpers/cases.js';
import { normalizeCase } from './helpers/fixtures.js';

// What the seed pages must give, stated independently of the goldens: the goldens pin every byte,
// these say what is right about them (../shared/seeds/README.md).

function load(name: string): Monograph {
  const r = normalizeCase(caseNamed(name));
  assert.ok(r.monograph, `${name} was refused: ${JSON.stringify(r.diagnostics)}`);
  assert.equal(r.fidelity.accountedLines, r.fidelity.nonBlankLines, `${name}: unaccounted lines ${r.fidelity.unaccounted.join(', ')}`);
  return r.monograph;
}

const section = (m: Monograph, id: string): Section => {
  const s = m.sections.find((x) => x.id === id);
  assert.ok(s, `no section "${id}" in ${m.slug}: ${m.sections.map((x) => x.id).join(', ')}`);
  return s;
};

const RICH_SECTIONS = ['overview', 'alternate-names', 'how-it-works', 'dosage', 'side-effects', 'contraindications', 'interactions', 'pregnancy', 'summary', 'combinations', 'precautions', 'faqs'];

test('Itolizumab: brand Alzumab-L, class from "Pharmacological classification", 9 repaired FAQs, clean description', () => {
  const m = load('seed-itolizumab');
  assert.equal(m.kind, 'composition');
  assert.equal(m.sources[0]!.format, 'rich');
  assert.deepEqual(m.brandNames, ['Alzumab-L']);
  assert.deepEqual(m.synonyms, []);
  assert.deepEqual(m.drugClass, {
    text: 'Immunomodulator, monoclonal antibody (specifically, a humanized recombinant IgG1 monoclonal antibody)',
    line: 85,
    file: 'rxhive-astro/compositions/itolizumab.md',
  });
  assert.deepEqual(m.sections.map((s) => s.id), RICH_SECTIONS);
  assert.equal(m.faqs.length, 9);
  for (const f of m.faqs) {
    assert.equal(f.origin, 'body+frontmatter', f.question);
    assert.equal(f.repaired, true, f.question);
    assert.doesNotMatch(f.question, /\*\*|A:/, 'question still carries the damaged answer');
    assert.doesNotMatch(f.answer, /^\s*(A:|\*\*)/, 'answer still starts with the A: label');
    assert.ok(f.question.endsWith('?'), f.question);
  }
  assert.equal(m.faqs[5]!.question, 'How is Itolizumab administered?');
  assert.equal(m.faqs[5]!.answer, 'Itolizumab is administered as an intravenous infusion.');
  // The frontmatter description starts with "- " and ends with "...": regenerated from Usage.
  assert.equal(m.description.origin, 'usage');
  assert.equal(m.description.text, 'Itolizumab is prescribed for the treatment of moderate to severe chronic plaque psoriasis in adults.');
  assert.ok(m.description.original?.startsWith('- Itolizumab is prescribed'));
  assert.equal(m.isBanned, false);
  assert.equal(m.lastModified, '2025-09-22T17:21:53.372Z');
});

test('Itolizumab dosage: nested subsections with ranges, heading text split into heading + paragraph', () => {
  const m = load('seed-itolizumab');
  const dosage = section(m, 'dosage');
  assert.deepEqual(
    dosage.subsections.map((s) => [s.id, s.title, s.range.start, s.range.end]),
    [
      ['standard', 'Standard Dosage', 102, 116],
      ['adults', 'Adults', 104, 107],
      ['children', 'Children', 109, 109],
      ['special-populations', 'Special Cases', 111, 116],
      ['clinical-use-cases', 'Clinical Use Cases', 119, 125],
      ['adjustments', 'Dosage Adjustments', 127, 127],
    ],
  );
  assert.match(dosage.html, /<h4 id="dosage-children">Children<\/h4>\n<p>Safety and efficacy have not been established in patients younger than 18 years\.<\/p>/);
  assert.match(dosage.html, /<h3 id="dosage-dosage-adjustments">Dosage Adjustments<\/h3>\n<p>Dose modifications are not well established\./);
  assert.deepEqual(
    section(m, 'side-effects').subsections.map((s) => s.id),
    ['common', 'serious', 'long-term', 'adr'],
  );
});

test('Alemtuzumab: brand names Campath and Lemtrada from prose, description completed from the Usage list', () => {
  const m = load('seed-alemtuzumab');
  assert.deepEqual(m.brandNames, ['Campath', 'Lemtrada']);
  assert.deepEqual(m.sections.map((s) => s.id), RICH_SECTIONS);
  assert.equal(m.faqs.length, 10);
  assert.ok(m.faqs.every((f) => f.origin === 'body+frontmatter' && f.repaired));
  // frontmatter "Alemtuzumab is prescribed for the treatment of:" stops before saying what for
  assert.equal(m.description.original, 'Alemtuzumab is prescribed for the treatment of:');
  assert.equal(m.description.origin, 'usage');
  assert.equal(
    m.description.text,
    'Alemtuzumab is prescribed for the treatment of B-cell chronic lymphocytic leukemia (B-CLL) and relapsing forms of multiple sclerosis (MS), including…',
  );
  assert.ok(m.description.text.length <= 160);
  // "… in B-CLL.  It also functions as …": the class is the first sentence, not a cut-off pair of sentences
  assert.equal(m.drugClass?.text, 'Alemtuzumab is a monoclonal antibody, classified as a disease-modifying therapy (DMT) in MS and a targeted therapy in B-CLL');
  assert.equal(m.drugClass?.line, 99);
});

test('Inotuzumab ozogamicin: title kept as written, slug from the file, brand Besponsa, nested mg/m² dosage', () => {
  const m = load('seed-inotuzumab-ozogamicin');
  assert.equal(m.title, 'Inotuzumab Ozogamacin');
  assert.equal(m.slug, 'inotuzumab-ozogamicin');
  assert.deepEqual(m.brandNames, ['Besponsa']);
  assert.equal(m.drugClass?.text, 'Antineoplastic agent, Antibody-drug conjugate (ADC)');
  assert.equal(m.drugClass?.line, 100);
  assert.equal(m.faqs.length, 10);
  assert.ok(m.faqs.every((f) => f.origin === 'body+frontmatter' && f.repaired));
  const dosage = section(m, 'dosage');
  assert.match(dosage.html, /<li><strong>Cycle 1:<\/strong> Total dose of 1\.8 mg\/m² per 21-day cycle, divided into three doses\.\n<ul>\n<li>Day 1: 0\.8 mg\/m² IV infusion over 1 hour\.<\/li>/);
});

test('Ibalizumab: minimal format, Precautions prose stays precautions, 5 FAQs from `* **Q: …?** A: …`, disclaimer', () => {
  const m = load('seed-ibalizumab');
  assert.equal(m.sources[0]!.format, 'minimal');
  assert.deepEqual(m.extra, { layout: 'minimal-medicine' });
  assert.equal(m.genericName, 'Ibalizumab');
  assert.deepEqual(
    m.sections.map((s) => s.id),
    ['generic-name', 'overview', 'how-it-works', 'dosage', 'side-effects', 'precautions', 'faqs', 'disclaimer'],
  );
  const precautions = section(m, 'precautions');
  assert.match(precautions.markdown, /^Ibalizumab is contraindicated \(should not be used\)/);
  assert.ok(!m.sections.some((s) => ['contraindications', 'interactions', 'pregnancy'].includes(s.id)), 'Precautions prose must not be split into guessed sections');
  assert.deepEqual(
    m.faqs.map((f) => [f.question, f.origin, f.line]),
    [
      ['Can I take Ibalizumab with other medications?', 'body', 62],
      ['How is Ibalizumab stored?', 'body', 64],
      ['What should I do if I miss a dose?', 'body', 66],
      ['Is Ibalizumab right for everyone with HIV?', 'body', 68],
      ['What are the long-term effects of Ibalizumab?', 'body', 70],
    ],
  );
  assert.equal(m.faqs[1]!.answer, "Refer to the manufacturer's guidelines for storage instructions.");
  assert.match(m.faqs[0]!.answerHtml, /<em>in combination<\/em>/);
  const disclaimer = section(m, 'disclaimer');
  assert.deepEqual(disclaimer.range, { start: 73, end: 73 });
  assert.match(disclaimer.markdown, /^This information is intended for educational purposes only/);
  assert.ok(!m.faqs.some((f) => /educational purposes/.test(f.answer)), 'the disclaimer leaked into the last FAQ');
  assert.equal(m.description.origin, 'usage');
  assert.equal(m.description.text, 'Ibalizumab is a prescription medication used in combination with other antiretroviral drugs to treat HIV-1 infection in adults.');
});

test('Isatuximab: FAQs from `**Q: …?** answer` lines; bold labels in Dosage stay inside Dosage', () => {
  const m = load('seed-isatuximab');
  assert.deepEqual(
    m.faqs.map((f) => f.question),
    ['How is Isatuximab stored?', 'How long does it take to see results?', 'Can I drive while taking Isatuximab?', 'What should I do if I miss a dose?', 'Are there any long-term effects?'],
  );
  assert.equal(m.faqs[0]!.answer, 'Follow the specific storage instructions provided by your pharmacist.  Generally, it should be refrigerated.');
  assert.ok(m.faqs.every((f) => f.origin === 'body' && !f.repaired));
  const dosage = section(m, 'dosage');
  assert.deepEqual(dosage.range, { start: 13, end: 28 });
  assert.match(dosage.markdown, /\*\*Premedications:\*\*/);
  assert.match(dosage.markdown, /\*\*Dosage Adjustments:\*\* No dosage adjustments/);
  assert.equal(section(m, 'disclaimer').range.start, 98);
});
