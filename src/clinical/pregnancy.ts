import type { Section } from '../model/index.js';
import type { SafetyFact, SafetyStatus } from './schema.js';
import { sectionLines, sentences } from './section-lines.js';

/**
 * Pregnancy and breastfeeding status as a page states it. The rich format has a *Pregnancy and
 * Breastfeeding* section with `**Pregnancy…:**` and `**Breastfeeding:**` bullets: the first
 * sentence there that rates use decides. Prose (the minimal format's *Precautions*) is read
 * sentence by sentence; statements that disagree give nothing.
 */

type Topic = 'pregnancy' | 'breastfeeding';

const TOPIC: Record<Topic, RegExp> = {
  pregnancy: /\b(?:pregnan\w*|fetus|fetal|foetus|foetal|unborn|teratogen\w*|childbearing)\b/i,
  breastfeeding: /\b(?:breast-?feeding|breast-?fed|breast milk|human milk|lactation|lactating|nursing (?:mothers?|women|infants?)|breastfeed\w*)\b/i,
};
const LABEL: Record<Topic, RegExp> = {
  pregnancy: /\bpregnan/i,
  breastfeeding: /\b(?:breast|lactat|nursing)/i,
};

/** Status words of a sentence, strongest first; null when it rates nothing. */
export function statusOf(sentence: string): SafetyStatus | null {
  const s = sentence.toLowerCase();
  if (/\b(?:not|never|no longer)\s+(?:\w+\s+)?contraindicated\b/.test(s)) return null;
  if (/\bcontraindicated\b|\bcategory\s*:?\s*x\b|\bmust not be (?:used|taken|given)\b/.test(s)) return 'contraindicated';
  if (/\bnot (?:generally )?recommended\b|\bavoid(?:ed)?\b|\bshould not be (?:used|taken|given)\b|\bdo not (?:use|take)\b|\bdiscontinue breast-?feeding\b|\bnot (?:to be )?used\b/.test(s)) return 'avoid';
  if (/\bnot (?:been )?(?:well[- ])?established\b|\bunknown\b|\bnot known\b|\binsufficient (?:data|evidence|information)\b|\blimited (?:data|information|evidence)\b|\bno (?:adequate|well-controlled|sufficient) (?:\w+ )?(?:studies|data)\b|\bnot (?:been )?studied\b/.test(s)) return 'not-established';
  if (/\bwith caution\b|\bcaution\b|\bcautious(?:ly)?\b|\bonly if (?:clearly |absolutely )?(?:needed|necessary|essential|required)\b|\bonly if (?:the )?(?:potential )?benefits?\b|\bbenefits? (?:clearly )?outweighs?\b|\bonly when (?:clearly )?(?:needed|necessary)\b/.test(s)) return 'caution';
  if (/\bcompatible\b|\b(?:considered|generally|probably|likely) safe\b|\bsafe (?:to use|for use)\b|\bcan be (?:safely )?used\b/.test(s)) {
    if (/\bnot (?:\w+ )?(?:compatible|safe)\b|\bun(?:safe)\b/.test(s)) return null;
    return 'compatible';
  }
  return null;
}

const CATEGORY = /\b[Cc]ategory\s*:?\s*\**\s*([ABCDX])\b/;
/** Sentences about the evidence ("data are limited"), not a rating of use. */
const EVIDENCE = /\b(?:limited|insufficient|inadequate|no adequate|no well-controlled|lack of|few)\b[^.]{0,40}\b(?:data|studies|evidence|information|experience)\b|\b(?:data|studies|evidence|information)\b[^.]{0,30}\b(?:limited|insufficient|inadequate|lacking)\b/i;

/** A sentence that is only a rating: "Contraindicated.", "Not recommended unless essential." */
const STATUS_ONLY = /^(?:contraindicated|not recommended(?: unless (?:essential|clearly needed|necessary))?|avoid(?: unless (?:essential|clearly needed|necessary))?|not established|use with caution|caution|compatible|safe)\.?$/i;

export interface SafetyOptions {
  file: string;
  /** Ingredient names of a combination page: a bullet about one of them does not rate the product. */
  ingredients?: readonly string[];
}

/** A sentence about one trimester only ("Avoid during the third trimester") rates no whole pregnancy. */
const TRIMESTER = /\btrimesters?\b|\bnear term\b/i;
const WHOLE_PREGNANCY = /\b(?:during|in|throughout)\s+pregnancy\b/i;
const limitedToTrimester = (s: string): boolean => TRIMESTER.test(s) && !WHOLE_PREGNANCY.test(s);

function namesIngredient(text: string, opts: SafetyOptions): boolean {
  return opts.ingredients !== undefined && opts.ingredients.length > 1 && aboutIngredient(text, opts);
}

function aboutIngredient(label: string | null, opts: SafetyOptions): boolean {
  if (!label || !opts.ingredients || opts.ingredients.length < 2) return false;
  const l = label.toLowerCase();
  return opts.ingredients.some((i) => {
    const w = i.toLowerCase().split(/[^\p{L}]+/u).find((x) => x.length >= 4);
    return w !== undefined && l.includes(w.slice(0, 6));
  });
}

/** Pregnancy and breastfeeding status of a page: its *Pregnancy* section first, else its *Precautions* prose. */
export function extractSafety(sections: readonly Section[], opts: SafetyOptions): { pregnancy: SafetyFact | null; breastfeeding: SafetyFact | null } {
  const section = sections.find((s) => s.id === 'pregnancy');
  const precautions = sections.find((s) => s.id === 'precautions');
  const summary = sections.find((s) => s.id === 'summary');
  const read = (topic: Topic): SafetyFact | null =>
    (section ? fromLabels(section, topic, opts) ?? fromProse(section, topic, opts) : null) ??
    (precautions ? fromProse(precautions, topic, opts) : null) ??
    (summary ? fromSummary(summary, topic, opts) : null);
  return { pregnancy: read('pregnancy'), breastfeeding: read('breastfeeding') };
}

/** `**Pregnancy Safety Category:** Not established. …` → the first sentence that rates use. */
function fromLabels(section: Section, topic: Topic, opts: SafetyOptions): SafetyFact | null {
  for (const l of sectionLines(section)) {
    if (!l.label || !LABEL[topic].test(l.label)) continue;
    // "Pregnancy & Breastfeeding:" speaks of both: read as prose instead.
    const other: Topic = topic === 'pregnancy' ? 'breastfeeding' : 'pregnancy';
    if (LABEL[other].test(l.label)) continue;
    const cat = CATEGORY.exec(`${l.label} ${l.text}`);
    const list = sentences(l.text);
    // A rating that differs by trimester is no rating of the whole pregnancy.
    const byTrimester = list.some((s) => limitedToTrimester(s.text) && statusOf(s.text) !== null);
    for (const s of byTrimester ? [] : list) {
      // "Dicyclomine should be used with caution…" on a combination page rates one ingredient.
      if (namesIngredient(s.text, opts)) continue;
      const status = statusOf(s.text);
      if (status) return { status, category: (cat?.[1] as SafetyFact['category']) ?? null, source: { file: opts.file, line: l.line, text: s.text } };
    }
    if (cat) return { status: cat[1] === 'X' ? 'contraindicated' : null, category: cat[1] as SafetyFact['category'], source: { file: opts.file, line: l.line, text: l.text } };
  }
  return null;
}

/** Sentences about the topic; a rating-only sentence ("Contraindicated.") speaks for the sentence after it. */
function fromProse(section: Section, topic: Topic, opts: SafetyOptions): SafetyFact | null {
  const other: Topic = topic === 'pregnancy' ? 'breastfeeding' : 'pregnancy';
  const found: SafetyFact[] = [];
  const evidence = new Set<SafetyFact>();
  for (const l of sectionLines(section)) {
    if (aboutIngredient(l.label, opts)) continue;
    const list = sentences(l.text);
    list.forEach((s, i) => {
      if (!TOPIC[topic].test(s.text) || limitedToTrimester(s.text) || namesIngredient(s.text, opts)) return;
      const prev = list[i - 1];
      let status = statusOf(s.text);
      let text = s.text;
      if (prev && STATUS_ONLY.test(prev.text.trim())) {
        status = statusOf(prev.text);
        text = `${prev.text} ${s.text}`;
      }
      // A sentence rating the other topic only ("… unknown whether it passes into breast milk") is not this one's.
      if (status && TOPIC[other].test(s.text) && !bothSubjects(s.text)) return;
      const cat = CATEGORY.exec(s.text);
      if (status || cat) {
        found.push({ status: status ?? (cat?.[1] === 'X' ? 'contraindicated' : null), category: (cat?.[1] as SafetyFact['category']) ?? null, source: { file: opts.file, line: l.line, text } });
        if (status === 'not-established' && EVIDENCE.test(s.text) && !/\bnot (?:been )?(?:well[- ]|fully )?established\b/i.test(s.text)) evidence.add(found[found.length - 1]!);
      }
    });
  }
  // "Data on human pregnancy is limited … Avoid unless …": the advice rates use; the evidence does not.
  // ("Safety in pregnancy has not been established" is a rating, and disagrees with "contraindicated".)
  const advice = found.filter((f) => !evidence.has(f));
  const kept = advice.length ? advice : found;
  const statuses = new Set(kept.map((f) => f.status));
  return statuses.size === 1 ? kept[0]! : null;
}

/** The summary's `**Pregnancy & Breastfeeding:** Contraindicated in pregnancy; breastfeeding should be discontinued.` */
function fromSummary(section: Section, topic: Topic, opts: SafetyOptions): SafetyFact | null {
  for (const l of sectionLines(section)) {
    if (!l.label || !LABEL[topic].test(l.label)) continue;
    const other: Topic = topic === 'pregnancy' ? 'breastfeeding' : 'pregnancy';
    const parts = sentences(l.text).flatMap((x) => x.text.split(/;\s*/));
    if (parts.some((p) => limitedToTrimester(p) && statusOf(p) !== null)) return null;
    for (const part of parts) {
      // A clause naming the other topic only is not this one's; a bare rating ("Contraindicated.") rates both.
      if (TOPIC[other].test(part) && !TOPIC[topic].test(part)) continue;
      if (!TOPIC[topic].test(part) && LABEL[other].test(l.label) && l.text.includes(';')) continue;
      if (limitedToTrimester(part)) continue;
      const status = statusOf(part);
      if (status) return { status, category: null, source: { file: opts.file, line: l.line, text: l.text } };
    }
  }
  return null;
}

/** "Pregnant and breastfeeding women should…": one statement about both. */
function bothSubjects(s: string): boolean {
  return /\bpregnan\w*\s+(?:and|or|&)\s+(?:breast-?feeding|lactating|nursing)\b|\b(?:breast-?feeding|lactating|nursing)\s+(?:and|or|&)\s+pregnan/i.test(s) || /\bpregnancy\s+(?:and|or|&)\s+(?:breast-?feeding|lactation)\b/i.test(s);
}
