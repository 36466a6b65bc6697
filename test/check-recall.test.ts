import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHECK_CODES } from '../src/check/index.js';
import { BRAND, check, cleanTexts, COMBINATION, only, replaceOnce, VELBUTAMIDE, withDefect, ZORALTINIB, type Texts } from './helpers/check.js';

/**
 * Seeded-defect recall: every defect type of issue 5 (and every quality rule) injected into the
 * clean fixtures, one at a time; each must be found under its code, in the file it was put in.
 */
interface Seeded {
  code: string;
  defect: string;
  file: string;
  texts: () => Texts;
}

const edit = (file: string, from: string | RegExp, to: string) => (): Texts => withDefect(file, (t) => replaceOnce(t, from, to));
const Z_DESC = 'description: Zoraltinib is prescribed for adults with chronic plaque psoriasis that has not responded to treatment applied to the skin.';

const SEEDED: Seeded[] = [
  { code: 'frontmatter-invalid-yaml', defect: 'broken frontmatter YAML', file: ZORALTINIB, texts: edit(ZORALTINIB, 'title: Zoraltinib', 'title: [Zoraltinib') },
  { code: 'frontmatter-unterminated', defect: 'frontmatter never closed', file: VELBUTAMIDE, texts: edit(VELBUTAMIDE, '---\n\n# Velbutamide', '\n# Velbutamide') },
  { code: 'frontmatter-missing', defect: 'no frontmatter (unreadable metadata)', file: VELBUTAMIDE, texts: edit(VELBUTAMIDE, /^---\n[\s\S]*?\n---\n/, '') },
  { code: 'file-encoding', defect: 'unreadable bytes (not UTF-8)', file: VELBUTAMIDE, texts: () => { const t = cleanTexts(); t.set(VELBUTAMIDE, Buffer.concat([Buffer.from((t.get(VELBUTAMIDE) as string).replace('mg/kg', 'mg/')), Buffer.from([0xb2])])); return t; } },
  { code: 'title-missing', defect: 'missing title', file: VELBUTAMIDE, texts: edit(VELBUTAMIDE, 'title: Velbutamide\n', '') },
  { code: 'title-h1-mismatch', defect: 'title differs from H1', file: VELBUTAMIDE, texts: edit(VELBUTAMIDE, '# Velbutamide\n', '# Velbutamid Injection\n') },
  { code: 'section-required-missing', defect: 'missing required section for the format', file: VELBUTAMIDE, texts: edit(VELBUTAMIDE, /### Side Effects\n[\s\S]*?(?=### How it Works)/, '') },
  { code: 'section-empty', defect: 'empty section', file: ZORALTINIB, texts: edit(ZORALTINIB, '- Strong CYP3A4 inhibitors such as ketoconazole raise zoraltinib levels.\n- Live vaccines should not be given during treatment.\n', '') },
  { code: 'sections-missing', defect: 'no sections at all', file: ZORALTINIB, texts: edit(ZORALTINIB, /---\n## Usage[\s\S]*$/, '---\n') },
  { code: 'faq-frontmatter-damaged', defect: 'damaged frontmatter FAQ', file: ZORALTINIB, texts: edit(ZORALTINIB, "    a: 50 mg by mouth once daily, taken with food.", "    a: 'A:** 50 mg by mouth once daily, taken with food.'") },
  { code: 'faq-frontmatter-differs', defect: 'frontmatter FAQ differs from the visible FAQ', file: ZORALTINIB, texts: edit(ZORALTINIB, '    a: 50 mg by mouth once daily, taken with food.', '    a: 100 mg twice daily.') },
  { code: 'faq-unparsed', defect: 'FAQ section without pairs', file: VELBUTAMIDE, texts: edit(VELBUTAMIDE, /\* \*\*Q: How is[\s\S]*?(?=\*\*Disclaimer)/, 'Ask your doctor about infusions.\n\n') },
  { code: 'description-damaged', defect: 'description starting with "- "', file: ZORALTINIB, texts: edit(ZORALTINIB, Z_DESC, "description: '- Zoraltinib is prescribed for adults with chronic plaque psoriasis.'") },
  { code: 'description-damaged', defect: 'description cut mid-word', file: ZORALTINIB, texts: edit(ZORALTINIB, Z_DESC, 'description: Zoraltinib is prescribed for adults with chronic plaque psor') },
  { code: 'description-damaged', defect: 'description is only "prescribed for the treatment of:"', file: ZORALTINIB, texts: edit(ZORALTINIB, Z_DESC, "description: 'Zoraltinib is prescribed for the treatment of:'") },
  { code: 'name-spelled-two-ways', defect: "the drug's own name spelled two ways", file: ZORALTINIB, texts: edit(ZORALTINIB, '- Zoraltinib blocks', '- Zoraltenib blocks') },
  { code: 'combination-not-a-product', defect: 'the combination does not exist', file: COMBINATION, texts: edit(COMBINATION, '## Usage\n\n', '## Usage\n\nThis combination is not a recognized or approved pharmaceutical formulation.\n\n') },
  { code: 'model-could-not-answer', defect: 'the model could not answer', file: ZORALTINIB, texts: edit(ZORALTINIB, '## Precautions\n\n', '## Precautions\n\nAs an AI language model, I cannot provide medical advice on precautions.\n\n') },
  { code: 'combination-per-ingredient', defect: 'per-ingredient page presented as one product', file: COMBINATION, texts: edit(COMBINATION, /## Dosage\n[\s\S]*?(?=## Side Effects)/, '## Velbutamide Dosage\n\n- 10 mg/kg.\n\n## Zoraltinib Dosage\n\n- 50 mg.\n\n') },
  { code: 'dose-implausible', defect: 'mg/kg vs mg/m² confusion', file: ZORALTINIB, texts: edit(ZORALTINIB, '- Severe hepatic impairment: 25 mg once daily.', '- Severe hepatic impairment: 0.8 mg/m² once daily.\n- Renal impairment: 0.8 mg/kg once daily.') },
  { code: 'dose-implausible', defect: 'daily dose beyond ten times the stated maximum', file: ZORALTINIB, texts: edit(ZORALTINIB, '#### Adults\n\n- 50 mg by mouth once daily', '#### Adults\n\n- 2 g daily') },
  { code: 'dose-implausible', defect: 'equivalent in parentheses that does not match', file: VELBUTAMIDE, texts: edit(VELBUTAMIDE, '10 mg/kg every 2 weeks', '10 mg/kg (100 mcg/kg) every 2 weeks') },
  { code: 'pregnancy-contradiction', defect: 'contradictory pregnancy statements', file: ZORALTINIB, texts: edit(ZORALTINIB, '- Breastfeeding should be stopped during treatment.', '- Breastfeeding should be stopped during treatment.\n- It is safe to use during pregnancy.') },
  {
    code: 'dose-conflict-between-sources',
    defect: 'same drug in two sources with conflicting doses',
    file: 'jekyll-site/composition/z/zoraltinib.md',
    texts: () => {
      const t = cleanTexts();
      t.set('jekyll-site/composition/z/zoraltinib.md', (t.get(VELBUTAMIDE) as string).replace(/Velbutamide|velbutamide/g, 'Zoraltinib').replace('10 mg/kg every 2 weeks', '500 mg once daily'));
      return t;
    },
  },
  { code: 'last-modified-stale', defect: 'stale lastModified', file: ZORALTINIB, texts: edit(ZORALTINIB, "lastModified: '2025-09-22T17:21:53.335Z'", "lastModified: '2020-01-01'") },
  { code: 'last-modified-invalid', defect: 'lastModified not a date', file: ZORALTINIB, texts: edit(ZORALTINIB, "lastModified: '2025-09-22T17:21:53.335Z'", "lastModified: 'yesterday'") },
  { code: 'link-broken', defect: 'link to a page that does not exist', file: COMBINATION, texts: edit(COMBINATION, '[Zoraltinib](/composition/zoraltinib/)', '[Zoraltinib](/composition/zoraltinb/)') },
  { code: 'link-unresolved-generic', defect: 'brand pointing at no page', file: BRAND, texts: edit(BRAND, 'generic_slug: zoraltinib', 'generic_slug: zoraltinb') },
  {
    code: 'slug-collision',
    defect: 'slug collision',
    file: 'jekyll-site/composition/v/velbutamide-zoraltinib.md',
    texts: () => {
      const t = cleanTexts();
      t.set('jekyll-site/composition/v/velbutamide-zoraltinib.md', (t.get(VELBUTAMIDE) as string).replace(/Velbutamide\n/g, 'Velbutamide + Zoraltinibum\n'));
      return t;
    },
  },
  { code: 'unsafe-html', defect: 'raw HTML or script in content', file: VELBUTAMIDE, texts: edit(VELBUTAMIDE, '* Headache', '* Headache <img src=x onerror=alert(1)>') },
  { code: 'heading-markup', defect: 'heading markup', file: VELBUTAMIDE, texts: edit(VELBUTAMIDE, '### Usage', '### **Usage:**') },
];

test('seeded-defect recall: every injected defect is found under its code, in its file', () => {
  const missed: string[] = [];
  for (const s of SEEDED) {
    const found = only(check(s.texts()), s.code).filter((f) => f.file === s.file);
    if (found.length === 0) missed.push(`${s.defect} (${s.code})`);
  }
  const recall = (SEEDED.length - missed.length) / SEEDED.length;
  assert.deepEqual(missed, [], `recall ${(recall * 100).toFixed(0)} %`);
});

test('the recall table covers every quality rule (except the internal rule-failed)', () => {
  const covered = new Set(SEEDED.map((s) => s.code));
  assert.deepEqual(CHECK_CODES.filter((c) => c !== 'rule-failed' && !covered.has(c)), []);
});

test('nothing is found on the clean fixtures: each finding above comes from its defect', () => {
  assert.deepEqual(check(cleanTexts()), []);
});
