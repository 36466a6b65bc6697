import type { Monograph, Section } from '../model/index.js';
import type { DrugClass } from './schema.js';
import { sectionLines, sentences } from './section-lines.js';

/**
 * The drug class: the normalizer's `**Pharmacological classification:**` fact when the page has
 * one, else the minimal format's "X is a <class> used to treat …" when the class is a recognised
 * kind of drug (an inhibitor, an antibody, an antibiotic …), not "a prescription medication".
 */

const IS_A = /\bis an?\s+((?:[\w/+()';-]+\s+){0,10}?[\w/+()'-]+?)\s+(?:used|that|which|prescribed|indicated|given|approved|medication|medicine|drug)\b/i;
const CLASS_HEAD = /\b(?:antibod(?:y|ies)|inhibitors?|antagonists?|agonists?|blockers?|antibiotics?|antifungals?|antivirals?|antiretrovirals?|statins?|analogues?|analogs?|antineoplastics?|anticoagulants?|heparins?|diuretics?|corticosteroids?|steroids?|hormones?|vaccines?|antihistamines?|benzodiazepines?|opioids?|nsaids?|anti-inflammatory|antidepressants?|antipsychotics?|anticonvulsants?|antiepileptics?|bisphosphonates?|sulfonylureas?|sulphonylureas?|penicillins?|cephalosporins?|macrolides?|fluoroquinolones?|tetracyclines?|aminoglycosides?|carbapenems?|immunosuppressants?|immunomodulators?|bronchodilators?|antiemetics?|laxatives?|antacids?|anthelmintics?|antimalarials?|antiplatelets?|vasodilators?|chemotherapy agent|alkylating agent|antimetabolites?|conjugates?|modulators?|(?:\w+-)?blocking agents?)\b/i;

export interface DrugClassOptions {
  file: string;
}

export function extractDrugClass(m: Monograph, opts: DrugClassOptions): DrugClass | null {
  if (m.drugClass) return { text: m.drugClass.text, source: { file: m.drugClass.file, line: m.drugClass.line, text: m.drugClass.text } };
  const usage: Section | undefined = m.sections.find((s) => s.id === 'overview');
  if (!usage) return null;
  const first = sectionLines(usage)[0];
  if (!first) return null;
  const s = sentences(first.text)[0];
  if (!s) return null;
  const c = IS_A.exec(s.text);
  if (!c) return null;
  const text = c[1]!.trim();
  if (!CLASS_HEAD.test(text) || /\b(?:prescription|combination|medication|medicine|drug|type of|form of|kind of)\b/i.test(text)) return null;
  return { text, source: { file: opts.file, line: first.line, text: s.text } };
}
