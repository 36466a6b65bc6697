import { memoize } from '../util/memo.js';
import type { SectionId } from '../model/index.js';

/** What a heading (or an inline `**Label:**` paragraph) announces. */
export type HeadingClass =
  | { type: 'section'; id: SectionId }
  | { type: 'generic-name' }
  | { type: 'ingredient-section'; ingredient: string; id: SectionId | 'generic-name' }
  | { type: 'other' };

const SECTION_NAMES: [RegExp, SectionId | 'generic-name'][] = [
  [/^(usage|uses|use|indications?|overview|therapeutic uses?)$/, 'overview'],
  [/^(alternate names?|alternative names?|other names?|(popular )?brand names?( in india| india)?|synonyms)$/, 'alternate-names'],
  [/^(how (it|they|this combination) works?|mechanism of action|mode of action)$/, 'how-it-works'],
  [/^(dosage|dosage and administration|dose|doses|dosing|administration)$/, 'dosage'],
  [/^(side effects?|adverse effects?|adverse reactions?)$/, 'side-effects'],
  [/^(contraindications?)$/, 'contraindications'],
  [/^((drug )?interactions?)$/, 'interactions'],
  [/^(pregnancy( and|,| &) (breastfeeding|lactation)|pregnancy|breastfeeding|pregnancy and breast ?feeding)$/, 'pregnancy'],
  [/^(drug profile summary|profile summary|summary)$/, 'summary'],
  [/^(popular combinations?|common combinations?)$/, 'combinations'],
  [/^(precautions?|warnings?( and precautions?)?|precautions? and warnings?)$/, 'precautions'],
  [/^(storage|how to store)$/, 'storage'],
  [/^(faqs?|frequently asked questions|faqs? frequently asked questions)$/, 'faqs'],
  [/^(disclaimer)$/, 'disclaimer'],
  [/^(generic names?|generic names? components)$/, 'generic-name'],
];

/** Lowercase, markup removed, a trailing `(…)` note and colon dropped. */
export const headingKey = memoize(function headingKey(text: string): string {
  return text
    .replace(/[*_`]/g, '')
    .toLowerCase()
    .replace(/\((frequently asked questions|individual components|components|combined use|not applicable|india)\)/g, ' $1')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[:.\s]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
});

function matchName(key: string): SectionId | 'generic-name' | null {
  for (const [re, id] of SECTION_NAMES) if (re.test(key)) return id;
  // Notes in parentheses were turned into words: "usage individual components", "faqs combined use".
  const stripped = key.replace(/ (individual components|components|combined use|not applicable|india)$/, '');
  if (stripped !== key) return matchName(stripped);
  return null;
}

/**
 * Classify a heading's text. `ingredients` are the combination's ingredient names, so that
 * `Acebrophylline Usage` is recognised as the Usage section of the ingredient Acebrophylline.
 */
export function classifyHeading(text: string, ingredients: readonly string[] = []): HeadingClass {
  const base = classifyName(text);
  if (base.type !== 'other' || ingredients.length === 0) return base;
  const key = headingKey(text);
  for (const ing of ingredients) {
    const ik = headingKey(ing);
    if (ik && key.startsWith(ik + ' ')) {
      const rest = matchName(key.slice(ik.length + 1));
      if (rest) return { type: 'ingredient-section', ingredient: ing, id: rest };
    }
  }
  return base;
}

/** The class of a heading on its own (no ingredients): remembered, headings repeat across pages. */
const classifyName = memoize((text: string): HeadingClass => {
  const id = matchName(headingKey(text));
  if (id === 'generic-name') return { type: 'generic-name' };
  if (id) return { type: 'section', id };
  return { type: 'other' };
});


const SUB_NAMES: [RegExp, string][] = [
  [/^(adults?|adult dosage|standard dosage for adults)$/, 'adults'],
  [/^(children|pediatrics?|paediatrics?|pediatric patients|children and adolescents)$/, 'children'],
  [/^(special cases|special populations|special patient groups)$/, 'special-populations'],
  [/^(clinical use cases)$/, 'clinical-use-cases'],
  [/^(dosage adjustments?|dose adjustments?)$/, 'adjustments'],
  [/^(standard dosage)$/, 'standard'],
  [/^(common side effects)$/, 'common'],
  [/^(rare but serious side effects|serious side effects)$/, 'serious'],
  [/^(long-term effects|long term effects)$/, 'long-term'],
  [/^(adverse drug reactions|adverse drug reactions adr|adr)$/, 'adr'],
];

/** Canonical sub-id of a subsection heading, or null. */
export const subsectionId = memoize(function subsectionId(text: string): string | null {
  const key = headingKey(text);
  for (const [re, id] of SUB_NAMES) if (re.test(key)) return id;
  return null;
});
