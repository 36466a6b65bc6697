import type { Section } from '../model/index.js';
import { spellingFold } from '../util/text.js';
import type { SafetyFact, SafetyStatus } from './schema.js';
import { sectionLines, sentences } from './section-lines.js';

/**
 * Pregnancy and breastfeeding status as a page states it. The rich format has a *Pregnancy and
 * Breastfeeding* section with `**Pregnancy…:**` and `**Breastfeeding:**` bullets: the first
 * sentence there that rates use decides. Prose (the minimal format's *Precautions*) is read
 * sentence by sentence; statements that disagree give nothing. A statement that rates pregnancy
 * only by trimester or only per ingredient rates no whole pregnancy: the page then gives nothing,
 * and no later section is read in its place.
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

/**
 * "It should be discontinued as soon as pregnancy is detected", "… if pregnancy occurs": to be stopped in pregnancy
 * (avoid), which a "contraindicated" beside it does not contradict.
 */
const STOP_ON_PREGNANCY = /\b(?:should|must) be (?:discontinued|stopped)\s+(?:upon|on|once|when|if|as soon as)\s+(?:the\s+)?(?:confirmation of\s+)?pregnan/i;

/** "Safety … has not been (fully) established", "haven't been established", "may not be fully established". */
const NOT_ESTABLISHED = /\bnot (?:been |be )?(?:well[- ]|fully |firmly |clearly |adequately )?established\b|n['’]t been (?:well[- ]|fully |firmly |clearly |adequately )?established\b/i;

/** Status words of a sentence, strongest first; null when it rates nothing. */
export function statusOf(sentence: string): SafetyStatus | null {
  // "… used in combination with lenalidomide or pomalidomide, which are contraindicated during pregnancy": the
  // relative clause rates the drugs it is given with, not this one.
  const s = sentence.toLowerCase().replace(WITH_OTHER_DRUGS_RATED, '');
  // "Safe for occasional use …, but prolonged use should be avoided": safe with a limit is caution.
  if (LIMITED_AVOID.test(s) && SAFE.test(s) && statusOf(s.replace(LIMITED_AVOID_ALL, ' ')) === 'compatible') {
    // "Safe in food amounts, but avoid excessive consumption" rates food, not the medicine.
    return FOOD_AMOUNTS.test(s) ? null : 'caution';
  }
  if (/\b(?:not|never|no longer)\s+(?:\w+\s+)?contraindicated\b/.test(s)) return null;
  // "Contraindicated in pregnancy unless the potential benefit justifies the potential risk": no one status.
  if (/\bcontraindicated\b[^.;]{0,40}\bunless\b[^.;]{0,20}\bbenefits?\b/.test(s)) return null;
  if (/\bcontraindicated\b|\bcategory\s*:?\s*x\b|\bmust not be (?:used|taken|given)\b/.test(s)) return 'contraindicated';
  // ("High doses are generally not recommended during pregnancy unless specifically prescribed": a limit on the dose, no
  // rating of use.)
  if (HIGH_DOSES_AVOIDED.test(s)) return null;
  if (/\bnot (?:generally )?recommended\b|\bavoid(?:ed)?\b|\bshould not be (?:used|taken|given)\b|\bdo not (?:use|take)\b|\bdiscontinue breast-?feeding\b|\bnot (?:to be )?used\b/.test(s) || STOP_ON_PREGNANCY.test(s) || /\b(?:is|are)\s+(?:generally\s+|strongly\s+|usually\s+)?discouraged\b/.test(s.replace(/\([^()]*\)/g, ' '))) return 'avoid';
  // "Pregnancy Category is unknown; use only when clearly needed": the advice rates use, not the evidence beside it
  // (a weak caution does not: "not established; discuss the risks and benefits" stays not established).
  // "Many antibiotics are considered safe during pregnancy …, while others should be used with caution": other drugs.
  if (/^(?:many|some|most|certain|other)\s+(?:antibiotics|medications|medicines|drugs|treatments)\b/.test(s)) return null;
  if (/\bwith caution\b|\bcaution\b|\bonly (?:occur |be used |be given |(?:be )?undertaken |use \S+ )?under (?:the )?(?:strict |close |careful )?(?:medical )?(?:supervision|guidance)\b|\bcautious(?:ly)?\b|\bonly if (?:clearly |absolutely )?(?:needed|necessary|essential|required)\b|\bonly if (?:the )?(?:potential )?benefits?\b|\bbenefits? (?:clearly )?outweighs?\b|\bonly when (?:clearly )?(?:needed|necessary)\b|\bweigh(?:ed|ing)? (?:the )?(?:potential )?(?:risks?|benefits?) against\b|\bonly (?:be )?(?:used|given|taken)\b[^.;]{0,60}\b(?:after|following) (?:a )?careful (?:assessment|evaluation|consideration|weighing)\b/.test(s)) return 'caution';
  if (NOT_ESTABLISHED.test(s) || /\bunknown\b|\bnot (?:fully |well )?known\b|\binsufficient (?:data|evidence|information)\b|\b(?:not|isn['’]t|aren['’]t)\s+enough\s+(?:reliable\s+)?(?:data|evidence|information)\b|\blimited (?:data|information|evidence)\b|\bno (?:adequate|well-controlled|sufficient) (?:\w+ )?(?:studies|data)\b|\bnot (?:been )?studied\b/.test(s)) return 'not-established';
  if (CONSULT_ON_RISKS.test(s)) return 'caution';
  if (SAFE.test(s)) {
    if (/\bnot (?:\w+ )?(?:compatible|safe)\b|\bun(?:safe)\b/.test(s)) return null;
    return 'compatible';
  }
  return null;
}

/** ", which is contraindicated …" after "with X" (the drugs this one is combined with), up to the end of the clause. */
const WITH_OTHER_DRUGS_RATED = /(?<=\bwith\s[^.;,]{1,60}),\s*which (?:is|are)\b[^.;]*/g;

/**
 * "Discuss the risks and benefits with your doctor": caution, but a weak one — beside another rating of the
 * statement ("generally not recommended … Discuss the risks and benefits …") it does not disagree (`weakCaution`).
 */
const CONSULT_ON_RISKS = /\b(?:consult|discuss)\w*\b[^.]{0,60}\b(?:(?:potential )?risks? and (?:potential )?benefits?|(?:potential )?benefits? and (?:potential )?risks?)\b|\b(?:(?:potential )?risks? and (?:potential )?benefits?|(?:potential )?benefits? and (?:potential )?risks?) should be (?:carefully )?(?:considered|weighed|evaluated|assessed)\b|\b(?:use|it|its use)\b[^.]{0,60}\bshould be carefully considered\b|\brequires? careful consideration\b/;
const CONSULT_ON_RISKS_ALL = new RegExp(CONSULT_ON_RISKS.source, 'g');
/** A caution that only the advice to discuss risks and benefits gives. */
const isWeakCaution = (status: SafetyStatus | null, text: string): boolean => status === 'caution' && statusOf(text.toLowerCase().replace(CONSULT_ON_RISKS_ALL, ' ')) === null;
const weakCaution = (f: SafetyFact): boolean => isWeakCaution(f.status, f.source.text);

// (not "There isn't enough reliable information to know if FOS are safe to use": whether it is safe is the question)
const SAFE = /\bcompatible\b|\b(?:considered|generally|probably|likely) safe\b|(?<!\b(?:if|whether)\s(?:[\w-]+\s){0,4})\bsafe (?:to use|for use)\b|\bcan be (?:safely )?used\b/;
/** Safety of the amounts in food ("safe in food amounts"), not of the medicine. */
const FOOD_AMOUNTS = /\b(?:food|dietary) (?:amounts|quantities)\b|\bfound in (?:\w+ )?foods?\b|\bamounts (?:normally )?found in (?:\w+ )?foods?\b/;
/**
 * Avoidance of one kind of use only: "prolonged or frequent use should be avoided", "avoid high
 * doses", "but prolonged high doses can lead to fetal or neonatal complications".
 */
const LIMITED_AVOID = /\b(?:prolonged|long[- ]term|frequent|extensive|excessive|high|large|chronic)\b(?:[\s,]+(?:or|and|\w+))*?[\s,]+(?:use|intake|doses?|amounts?|consumption)\b[^.;]{0,40}?\bshould be avoided\b|\bavoid (?:the )?(?:prolonged|long[- ]term|frequent|extensive|excessive|high|large|chronic)\b(?:[\s,]+(?:or|and|\w+))*?[\s,]+(?:use|usage|intake|doses?|amounts?|consumption)\b|\bavoid (?:\w+\s+){0,2}(?:on|to|over) (?:large|extensive|broken|damaged)\s+(?:areas?|surfaces?|skin)\b|\bbut (?:prolonged|long[- ]term|frequent|extensive|excessive|high|large|chronic)\b(?:[\s,]+(?:or|and|\w+))*?[\s,]+(?:use|intake|doses?|amounts?|consumption)\b[^.;,]{0,20}?\b(?:can|may|could|might)\s+(?:lead to|cause|result in|harm|pose)\b/;
const LIMITED_AVOID_ALL = new RegExp(LIMITED_AVOID.source, 'g');
/** A sentence whose subject is high doses: "High doses are generally not recommended during pregnancy …". */
const HIGH_DOSES_AVOIDED = /^(?:however,?\s+)?(?:very\s+)?(?:high|large|excessive|mega)[\s-]+(?:doses?|dosages?|amounts?|intakes?)\b[^.;]{0,30}?\b(?:are|is|should be)\s+(?:generally\s+|usually\s+|best\s+)?(?:not recommended|avoided|discouraged)\b/;

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

/**
 * A sentence about one trimester only ("Avoid during the third trimester", "Avoid use after 20 weeks of gestation")
 * rates no whole pregnancy.
 */
const GESTATION_WEEKS = String.raw`\b\d+\s*(?:(?:-|–|to|and)\s*\d+\s*)?weeks?\s+(?:of\s+)?(?:gestation|pregnancy)\b`;
const TRIMESTER = new RegExp(String.raw`\btrimesters?\b|\bnear term\b|\blater?\s+(?:pregnancy|stages?(?:\s+of\s+pregnancy)?)\b|${GESTATION_WEEKS}`, 'i');
const WHOLE_PREGNANCY = /\b(?:during|in|throughout)\s+pregnancy\b/i;
/** "during pregnancy (after 20 weeks)", "in pregnancy (third trimester)": a parenthesis that limits the pregnancy named. */
const LIMITING_PARENTHESIS = /\bpregnan\w*\s*\(\s*(?:(?:after|before|from|beyond|until|in|during)\s+(?:the\s+)?)?(?:\d+\s*weeks?|(?:(?:first|second|third|1st|2nd|3rd|late|early)(?:\s*(?:,|and|or|&)\s*(?:second|third|2nd|3rd))?)\s+trimesters?)\b[^()]*\)/i;
const limitedToTrimester = (s: string): boolean => LIMITING_PARENTHESIS.test(s) || (TRIMESTER.test(s) && !WHOLE_PREGNANCY.test(s));
/** "Not recommended, especially in the third trimester" stresses one trimester and "in all trimesters" names all: neither limits. */
const EMPHASIS = new RegExp(String.raw`\b(?:especially|particularly|notably|mainly|mostly)\b[^.;]{0,40}(?:\btrimesters?\b|\bnear term\b|\blater?\s+(?:pregnancy|stages?)\b|${GESTATION_WEEKS})|\b(?:all|any|every|each) (?:three )?trimesters?\b`, 'i');
/** A rating of some trimesters only: "Avoid during the third trimester". */
const ratesOneTrimester = (s: string): boolean => limitedToTrimester(s) && !EMPHASIS.test(s) && statusOf(s) !== null;

/** The ingredients a text names, by key. */
function ingredientsNamed(text: string, opts: SafetyOptions): string[] {
  const t = spellingFold(withNamesSpelledOut(text, opts));
  return (opts.ingredients ?? []).map(ingredientKey).filter((k): k is string => k !== undefined && t.includes(k));
}

/**
 * Ratings a statement gives of parts of a pregnancy only, which rate no whole pregnancy: of some
 * trimesters, or of single ingredients of a combination. `whole` is set by a rating of the whole
 * product ("Aceclofenac + Diacerein is contraindicated…", "Both … are…", "This combination…").
 */
interface LeftOut {
  trimester: boolean;
  ingredients: Set<string>;
  whole: boolean;
}
const leftOut = (): LeftOut => ({ trimester: false, ingredients: new Set(), whole: false });
/** Two or more ingredients rated one by one, or a rating of some trimesters, and no rating of the product. */
const ratesParts = (left: LeftOut): boolean => (left.trimester || left.ingredients.size >= 2) && !left.whole;

/** Note a rated sentence left out because it names an ingredient or one trimester. */
function leaveOut(text: string, opts: SafetyOptions, left: LeftOut, label: string | null = null): void {
  if (statusOf(text) === null) return;
  const all = opts.ingredients?.length ?? 0;
  // A reason in parentheses ("… fetal harm (losartan)") does not make the rating one ingredient's.
  const named = ingredientsNamed(`${label ?? ''} ${text.replace(/\([^)]*\)/g, ' ')}`, opts);
  if (all >= 2 && named.length > 0) {
    const product = (named.length === all && all >= 2) || /\bboth\b|\b(?:this|the) combination\b/i.test(text);
    if (product) left.whole = true;
    else named.forEach((k) => left.ingredients.add(k));
  } else if (ratesOneTrimester(text)) left.trimester = true;
}

/**
 * Whether a sentence of a combination page rates some of its ingredients, not the product: it names one
 * ("Dicyclomine should be used with caution…"), but not every one ("The safety of glucosamine and MSM during
 * pregnancy … hasn't been fully established" rates the product) nor "both" or "this combination".
 */
function namesIngredient(text: string, opts: SafetyOptions): boolean {
  if (opts.ingredients === undefined || opts.ingredients.length < 2 || !aboutIngredient(text, opts)) return false;
  return !namesEveryIngredientTogether(text, opts) && !/\bboth\b|\b(?:this|the) combination\b/i.test(text);
}

/**
 * Every ingredient named in one phrase, as one subject ("glucosamine and chondroitin", "Diacerein + Paracetamol"),
 * not each in its own clause ("Metformin is generally considered safe …, but acarbose should be used with caution").
 */
function namesEveryIngredientTogether(text: string, opts: SafetyOptions): boolean {
  const t = spellingFold(withNamesSpelledOut(text, opts)).replace(/\([^)]*\)/g, ' ');
  const ingredients = opts.ingredients ?? [];
  const at = ingredients.map((i) => {
    const k = ingredientKey(i);
    return k === undefined ? -1 : t.indexOf(k);
  });
  if (at.some((i) => i < 0)) return false;
  // Between the first and the last name: only the names' own words and what joins them ("and", "+", "/", ",").
  const words = new Set(ingredients.flatMap((i) => spellingFold(i).split(/[^\p{L}\d]+/u).filter((w) => w.length >= 2)));
  const between = t.slice(Math.min(...at), Math.max(...at)).split(/[^\p{L}\d]+/u).filter((w) => w !== '');
  return between.every((w) => words.has(w) || /^(?:and|or|with|plus)$/.test(w) || (w.length >= 4 && [...words].some((n) => n.length >= 4 && (n.startsWith(w) || w.startsWith(n)))));
}

function aboutIngredient(label: string | null, opts: SafetyOptions): boolean {
  if (!label || !opts.ingredients || opts.ingredients.length < 2) return false;
  const l = spellingFold(withNamesSpelledOut(label, opts));
  return opts.ingredients.some((i) => {
    const k = ingredientKey(i);
    return k !== undefined && l.includes(k);
  });
}

/**
 * The text with each ingredient's initials written out: "The safety of EPO and Tocopherol …" on Evening Primrose Oil
 * + Tocoferol's page names both ingredients.
 */
function withNamesSpelledOut(text: string, opts: SafetyOptions): string {
  let out = text;
  for (const i of opts.ingredients ?? []) {
    const words = i.split(/[^\p{L}\d]+/u).filter((w) => w.length >= 2);
    if (words.length < 2) continue;
    const initials = words.map((w) => w[0]!.toUpperCase()).join('');
    if (out.includes(initials)) out = out.replace(new RegExp(String.raw`\b${initials}\b`, 'g'), i);
  }
  return out;
}

/** The first six letters of an ingredient's first long word: "Potassium Citrate" → "potass" (spelling variants made one). */
function ingredientKey(ingredient: string): string | undefined {
  return spellingFold(ingredient).split(/[^\p{L}]+/u).find((x) => x.length >= 4)?.slice(0, 6);
}

/** The statement rates the topic only by trimester or only per ingredient: the page gives no status. */
const WITHHELD = 'withheld';
type Reading = SafetyFact | typeof WITHHELD | null;

/** Pregnancy and breastfeeding status of a page: its *Pregnancy* section first, else its *Precautions* prose. */
export function extractSafety(sections: readonly Section[], opts: SafetyOptions): { pregnancy: SafetyFact | null; breastfeeding: SafetyFact | null } {
  const section = sections.find((s) => s.id === 'pregnancy');
  const precautions = sections.find((s) => s.id === 'precautions');
  const summary = sections.find((s) => s.id === 'summary');
  const read = (topic: Topic): SafetyFact | null => {
    const r: Reading = (section ? fromSection(section, topic, opts) : null) ??
      (precautions ? fromProse(precautions, topic, opts) : null) ??
      (summary ? fromSummary(summary, topic, opts) : null);
    return r === WITHHELD ? null : r;
  };
  return { pregnancy: read('pregnancy'), breastfeeding: read('breastfeeding') };
}

/** The *Pregnancy* section: its labelled bullets, else its prose (which may rate the whole product where the bullets rate parts). */
function fromSection(section: Section, topic: Topic, opts: SafetyOptions): Reading {
  const labels = fromLabels(section, topic, opts);
  if (labels !== null && labels !== WITHHELD && bareCategory.has(labels)) {
    const advice = fromProse(section, topic, opts, true);
    if (advice !== null && advice !== WITHHELD && advice.status !== null && advice.status !== 'not-established') return advice;
    return labels;
  }
  if (labels !== null && labels !== WITHHELD && (labels.status !== null || byTrimesterOnly.has(labels))) return labels;
  // ("**Pregnancy Safety Category:** D (Bisoprolol) and D (Telmisartan)." names a category and rates no use: the prose may.)
  const prose = fromProse(section, topic, opts, true);
  if (prose !== null && prose !== WITHHELD && (prose.status !== null || labels === null || labels === WITHHELD)) {
    return labels !== null && labels !== WITHHELD && prose.category === null ? { ...prose, category: labels.category } : prose;
  }
  return labels ?? prose;
}

/** Category facts of labels whose sentences rate some trimesters only. */
const byTrimesterOnly = new WeakSet<SafetyFact>();
/**
 * Facts of a bare "**Pregnancy Safety Category:** Not established.": the evidence, which advice elsewhere in the
 * section ("- **Fetal Risks:** … Avoid use during pregnancy …") outweighs (see `fromSection`).
 */
const bareCategory = new WeakSet<SafetyFact>();
const BARE_NOT_ESTABLISHED = /^not (?:yet )?(?:established|assigned|available|classified)\.?$/i;

/** `**Pregnancy Safety Category:** Not established. …` → the first sentence that rates use. */
function fromLabels(section: Section, topic: Topic, opts: SafetyOptions): Reading {
  const left = leftOut();
  for (const l of sectionLines(section)) {
    if (!l.label || !LABEL[topic].test(l.label)) continue;
    // "Pregnancy & Breastfeeding:" speaks of both: read as prose instead.
    const other: Topic = topic === 'pregnancy' ? 'breastfeeding' : 'pregnancy';
    if (LABEL[other].test(l.label)) continue;
    const cat = CATEGORY.exec(`${l.label} ${l.text}`);
    const list = sentences(l.text);
    // A rating that differs by trimester is no rating of the whole pregnancy.
    // ("Not recommended, especially during the first trimester" stresses one trimester and rates the whole pregnancy.)
    const byTrimester = list.some((s) => ratesOneTrimester(s.text));
    const rated = (byTrimester ? [] : list).flatMap((s) => {
      // ("**Pregnancy Safety Category:** C (…). This medication may pass into breast milk and is generally not
      // recommended during breastfeeding.": a sentence about the other topic only rates nothing here.)
      if (TOPIC[other].test(s.text) && !TOPIC[topic].test(s.text)) return [];
      // "Dicyclomine should be used with caution…" on a combination page rates one ingredient.
      if (namesIngredient(s.text, opts)) {
        leaveOut(s.text, opts, left);
        return [];
      }
      const status = statusOf(s.text);
      return status ? [{ status, text: s.text }] : [];
    });
    // "Not established. Use only if potential benefits outweigh the risks.": the advice after the evidence rates use
    // (as in prose, see `fromProse`).
    const first = rated[0];
    // (Not "Discuss risks and benefits with a healthcare provider": a weak caution, see `weakCaution`.)
    const advice = rated[1];
    const pick = first?.status === 'not-established' && advice !== undefined && ADVICE.has(advice.status) && !isWeakCaution(advice.status, advice.text) ? advice : first;
    if (pick) {
      const fact: SafetyFact = { status: pick.status, category: (cat?.[1] as SafetyFact['category']) ?? null, source: { file: opts.file, line: l.line, text: pick.text } };
      if (pick.status === 'not-established' && /\bcategory\b/i.test(l.label) && BARE_NOT_ESTABLISHED.test(pick.text.trim())) bareCategory.add(fact);
      return fact;
    }
    if (cat) {
      const fact: SafetyFact = { status: cat[1] === 'X' ? 'contraindicated' : null, category: cat[1] as SafetyFact['category'], source: { file: opts.file, line: l.line, text: l.text } };
      // ("C (second and third trimesters). Contraindicated in the first trimester.": rated by trimester; the prose is not read instead.)
      if (byTrimester) byTrimesterOnly.add(fact);
      return fact;
    }
    if (byTrimester) list.forEach((s) => leaveOut(s.text, opts, left));
  }
  // The labelled statement rates pregnancy only by trimester or per ingredient: it rates no whole pregnancy.
  return ratesParts(left) ? WITHHELD : null;
}

/**
 * Sentences about the topic; a rating-only sentence ("Contraindicated.") speaks for the sentence after it.
 * `underTopic`: the section is the Pregnancy section, so advice right after a sentence saying safety in
 * the topic is not established is about the topic too (as under a label naming the topic).
 */
function fromProse(section: Section, topic: Topic, opts: SafetyOptions, underTopic = false): Reading {
  const other: Topic = topic === 'pregnancy' ? 'breastfeeding' : 'pregnancy';
  const found: SafetyFact[] = [];
  const evidence = new Set<SafetyFact>();
  // Ratings left out because they speak of one trimester or one ingredient only.
  const left = leftOut();
  for (const l of sectionLines(section)) {
    if (aboutIngredient(l.label, opts)) {
      // "**Amlodipine:** Use only if …": a rating of one ingredient.
      for (const s of sentences(l.text)) if (TOPIC[topic].test(s.text) || !TOPIC[other].test(s.text)) leaveOut(s.text, opts, left, l.label);
      continue;
    }
    // ("Pregnancy and breastfeeding:  Glutamine is present in breast milk, so caution should be exercised during
    // breastfeeding.": a heading inside the line; a sentence after it that names a topic rates what it names — one that
    // names none, "Use only if necessary", rates the heading's.)
    const list = sentences(l.text).map((x) => {
      const body = x.text.replace(INLINE_TOPIC_LABEL, '');
      return body !== x.text && (TOPIC.pregnancy.test(body) || TOPIC.breastfeeding.test(body)) ? { ...x, text: body } : x;
    });
    list.forEach((s, i) => {
      const prev = list[i - 1];
      // "… during pregnancy and breastfeeding has not been established. It is recommended to avoid use during these periods …"
      // ("**Pregnancy and Lactation:** The safety … during pregnancy … is unknown. It should be used cautiously …": under a
      // label naming the topic, or in the Pregnancy section, advice right after a sentence saying safety is not
      // established needs no back reference.)
      const afterTopicSentence = !TOPIC[topic].test(s.text) && !TOPIC[other].test(s.text) && prev !== undefined && TOPIC[topic].test(prev.text) && !namesIngredient(prev.text, opts);
      const backReference =
        afterTopicSentence &&
        // ("Avoid application on large areas or prolonged usage": a limit on how it is used, not a rating of use.)
        !LIMITED_AVOID.test(s.text.toLowerCase()) &&
        (BACK_REFERENCE.test(s.text) ||
          ((underTopic || LABEL[topic].test(l.label ?? '')) && statusOf(prev.text) === 'not-established' && ADVICE.has(statusOf(s.text))) ||
          // ("**Pregnancy and breastfeeding:** Consult a doctor before using this medication during pregnancy or breastfeeding. The
          // safety profile may not be fully established.": under a label naming the topic, the evidence said of it.)
          (LABEL[topic].test(l.label ?? '') && statusOf(s.text) === 'not-established'));
      // "Ambroxol should be avoided, especially during the first trimester" speaks of pregnancy too.
      const trimester = topic === 'pregnancy' && TRIMESTER.test(s.text) && !TOPIC[other].test(s.text);
      if (!TOPIC[topic].test(s.text) && !backReference && !trimester) return;
      // ("Avoid it, especially during the first trimester of pregnancy" stresses one trimester: it rates the whole pregnancy.)
      // (not "prolonged use, especially near term, should be avoided": a limit on how it is used)
      if ((limitedToTrimester(s.text) && (!EMPHASIS.test(s.text) || (LIMITED_AVOID.test(s.text.toLowerCase()) && statusOf(s.text) === 'avoid'))) || namesIngredient(s.text, opts)) {
        leaveOut(s.text, opts, left);
        return;
      }
      let status = statusOf(s.text);
      let text = s.text;
      // ("Not established. Use with caution, especially in the first trimester.": advice keeps its own rating.)
      const leading = prev !== undefined && STATUS_ONLY.test(prev.text.trim()) && !(statusOf(prev.text) === 'not-established' && status !== null);
      if (leading) {
        status = statusOf(prev.text);
        text = `${prev.text} ${s.text}`;
      }
      // "Use with caution during pregnancy, avoid while breastfeeding": the clause about this topic rates it.
      const own = leading ? null : ownClause(s.text, topic);
      if (own !== null) {
        status = statusOf(own);
        // "… is categorized as Pregnancy Category B, but its excretion in breast milk is unknown" rates breastfeeding only.
        if (status === null) return;
      }
      // A sentence rating the other topic only ("… unknown whether it passes into breast milk") is not this one's.
      else if (status && TOPIC[other].test(s.text) && !bothSubjects(s.text)) return;
      // "Tamsulosin is not generally recommended for women, and its safety during pregnancy … is not fully established":
      // the clause naming the topic rates it, not one before it about another group.
      else if (status) status = statusOf(topicClauses(s.text, topic) ?? '') ?? status;
      // "**Contraindications:** Olmesartan medoxomil should not be used during pregnancy, …": listed as a contraindication.
      // (Only where it names use in pregnancy: not "It should not be used as a pregnancy test".)
      if (status === 'avoid' && /\bcontraindicat/i.test(l.label ?? '') && /\b(?:should|must) not be (?:used|taken|given)\b/i.test(s.text) && /\b(?:during|in)\s+pregnancy\b|\bpregnant\b/i.test(s.text)) status = 'contraindicated';
      const cat = CATEGORY.exec(s.text);
      if (status || cat) {
        found.push({ status: status ?? (cat?.[1] === 'X' ? 'contraindicated' : null), category: (cat?.[1] as SafetyFact['category']) ?? null, source: { file: opts.file, line: l.line, text } });
        if (status === 'not-established' && EVIDENCE.test(s.text) && !NOT_ESTABLISHED.test(s.text)) evidence.add(found[found.length - 1]!);
        // "Safety … has not been established. Avoid use during these periods …" (or the other way round): two sentences
        // joined by a back reference are advice and its reason; the advice rates use.
        const before = found[found.length - 2];
        // (A weak caution, "Discuss the risks and benefits …", does not make the evidence before it mere evidence.)
        const current = found[found.length - 1]!;
        if (backReference && status && before?.status && before.source.line === l.line && before.source.text === prev!.text && (before.status === 'not-established') !== (status === 'not-established') && !weakCaution(before.status === 'not-established' ? current : before)) {
          evidence.add(before.status === 'not-established' ? before : current);
        }
      }
    });
  }
  // "Data on human pregnancy is limited … Avoid unless …": the advice rates use; the evidence does not.
  // ("Safety in pregnancy has not been established" is a rating, and disagrees with "contraindicated".)
  if (found.length === 0) return ratesParts(left) ? WITHHELD : null;
  // "… Category C, meaning its safety has not been fully established. Use during pregnancy should only be considered if the
  // potential benefits outweigh the risks" (or the advice first): in one statement, the evidence and the advice it leads
  // to; the advice rates use, as under a label (see `fromLabels`). ("Contraindicated in patients with pregnancy. Safety in
  // pregnancy has not been established." still disagrees: an absolute rating beside no evidence either way.)
  for (const f of found) {
    if (f.status === 'not-established' && found.some((g) => g.source.line === f.source.line && (g.status === 'avoid' || g.status === 'caution') && !weakCaution(g))) evidence.add(f);
  }
  // "… hasn't been fully established. It's generally advised to avoid it during the first trimester", "Use should be avoided,
  // especially during the first trimester. Use with caution in later trimesters": a rating of some trimesters beside the
  // rest; the statement differs by trimester and rates no whole pregnancy.
  if (left.trimester && !left.whole) return WITHHELD;
  const advice = found.filter((f) => !evidence.has(f));
  // (Advice that is only a weak caution does not outweigh the evidence: "Limited data … Discuss the risks and benefits …".)
  const onlyWeakAdvice = advice.some((f) => f.status !== null) && advice.every((f) => f.status === null || weakCaution(f));
  const kept = advice.length > 0 && !onlyWeakAdvice ? advice : found;
  // A category that rates nothing by itself ("categorized … (Category C or D)") does not disagree with a rating.
  const all = kept.filter((f) => f.status !== null);
  if (all.length === 0) return kept[0]!;
  const strong = all.filter((f) => !weakCaution(f));
  let rated = strong.length > 0 ? strong : all;
  // ("Contraindicated in pregnancy … It should be discontinued as soon as pregnancy is detected.": one rating.)
  if (rated.some((f) => f.status === 'contraindicated')) rated = rated.filter((f) => !(f.status === 'avoid' && STOP_ON_PREGNANCY.test(f.source.text)));
  return new Set(rated.map((f) => f.status)).size === 1 ? rated[0]! : null;
}

/** "Pregnancy and breastfeeding:" opening a sentence: a heading written inline. */
const INLINE_TOPIC_LABEL = /^(?:pregnancy|breast-?feeding|lactation)(?:\s*(?:and|&|\/|,)\s*(?:pregnancy|breast-?feeding|lactation))*\s*:\s*/i;

/** The summary's `**Pregnancy & Breastfeeding:** Contraindicated in pregnancy; breastfeeding should be discontinued.` */
function fromSummary(section: Section, topic: Topic, opts: SafetyOptions): Reading {
  for (const l of sectionLines(section)) {
    if (!l.label || !LABEL[topic].test(l.label)) continue;
    const other: Topic = topic === 'pregnancy' ? 'breastfeeding' : 'pregnancy';
    const parts = sentences(l.text).flatMap((x) => x.text.split(/;\s*/)).map((p) => ownClause(p, topic) ?? p);
    if (parts.some((p) => ratesOneTrimester(p))) return null;
    for (const part of parts) {
      // ("Consult a physician; Metformin generally considered safe in pregnancy, L-Methylfolate is recommended": one ingredient's rating.)
      if (namesIngredient(part, opts)) continue;
      // A clause naming the other topic only is not this one's; a bare rating ("Contraindicated.") rates both.
      if (TOPIC[other].test(part) && !TOPIC[topic].test(part)) continue;
      if (!TOPIC[topic].test(part) && LABEL[other].test(l.label) && l.text.includes(';')) continue;
      if (limitedToTrimester(part) && !EMPHASIS.test(part)) continue;
      const status = statusOf(part);
      if (status) return { status, category: null, source: { file: opts.file, line: l.line, text: l.text } };
    }
  }
  return null;
}

/** Statuses that advise on use (not "not established", nor "compatible"). */
const ADVICE = new Set<SafetyStatus | null>(['contraindicated', 'avoid', 'caution']);
/** "during these periods": a sentence that speaks of what the sentence before it named. */
const BACK_REFERENCE = /\b(?:during|in|throughout) (?:these|this|such) (?:periods?|times?|stages?|situations?|circumstances)\b/i;

/**
 * Where a sentence's clauses part: commas, semicolons, "but", "whereas" … ("It's generally not recommended during pregnancy
 * and should be avoided while breastfeeding": "and" before a verb starts a clause too).
 */
const CLAUSE_BREAK = /\s*[,;]\s*|\s+(?:but|whereas|although|however)\s+|\s+and\s+(?=(?:should|must|is|are|may|can)\b)/i;

/**
 * The clauses of a sentence about both topics that speak of `topic`: "Use with caution during
 * pregnancy, avoid while breastfeeding" → "Use with caution during pregnancy". A clause naming
 * neither topic belongs to the one named last before it. Null when no clause names `topic` alone.
 */
function clauseAbout(sentence: string, topic: Topic): string | null {
  const other: Topic = topic === 'pregnancy' ? 'breastfeeding' : 'pregnancy';
  const own: string[] = [];
  let current: Topic | null = null;
  for (const c of sentence.split(CLAUSE_BREAK)) {
    const mine = TOPIC[topic].test(c);
    const theirs = TOPIC[other].test(c);
    if (mine && theirs) return null;
    if (mine || theirs) current = mine ? topic : other;
    if (current === topic) own.push(c);
  }
  return own.length ? own.join(', ') : null;
}

/** "not generally recommended for women": a rating of use by a whole sex or age group, not in pregnancy. */
const GROUP_RATED = /\b(?:for|in|by)\s+(?:women|females|men|males|children)\b/i;

/**
 * The clauses of a sentence from the first that names `topic` on, when the clauses before it rate
 * use by a whole group and name neither topic ("Tamsulosin is not generally recommended for women,
 * and its safety during pregnancy … is not fully established" → "its safety during pregnancy … is
 * not fully established"); a clause about the other topic alone ends them. Else null (not "Exercise
 * caution … in immunocompromised individuals, … and during pregnancy", one rating of a list).
 */
function topicClauses(sentence: string, topic: Topic): string | null {
  const other: Topic = topic === 'pregnancy' ? 'breastfeeding' : 'pregnancy';
  const clauses = sentence.split(CLAUSE_BREAK);
  const first = clauses.findIndex((c) => TOPIC[topic].test(c));
  if (first <= 0) return null;
  const lead = clauses.slice(0, first);
  if (lead.some((c) => TOPIC[other].test(c)) || !lead.some((c) => GROUP_RATED.test(c))) return null;
  const own: string[] = [];
  for (const c of clauses.slice(first)) {
    if (TOPIC[other].test(c) && !TOPIC[topic].test(c)) break;
    own.push(c);
  }
  return own.join(', ');
}

/** The clause of a sentence that rates this topic when another clause rates the other topic in its own words; else null. */
function ownClause(sentence: string, topic: Topic): string | null {
  const other: Topic = topic === 'pregnancy' ? 'breastfeeding' : 'pregnancy';
  if (!TOPIC[topic].test(sentence) || !TOPIC[other].test(sentence) || bothSubjects(sentence)) return null;
  const own = clauseAbout(sentence, topic);
  const theirs = clauseAbout(sentence, other);
  return own !== null && theirs !== null && statusOf(theirs) !== null ? own : null;
}

/** "Pregnant and breastfeeding women should…": one statement about both. */
function bothSubjects(s: string): boolean {
  // ("contraindicated during pregnancy (especially at term) and breastfeeding": the parenthesis does not part them; not
  // "with caution during pregnancy (categories …) and breastfeeding is not recommended", a clause of its own.)
  // (Nor "in pregnancy (third trimester) and breastfeeding", "(after 20 weeks)": the parenthesis limits the rating to part of it.)
  const paren = /\bpregnan\w*\s*\(([^()]*)\)\s*(?:and|or|&)\s+(?:breast-?feeding|lactation)\b(?!\s+(?:is|are|should|must|may|can)\b)/i.exec(s);
  if (paren !== null && !LIMITING_PARENTHESIS.test(paren[0])) return true;
  // ("contraindicated in patients with …, pregnancy, breastfeeding, …": two items of one list.)
  return /\bpregnan\w*\s*,\s*(?:breast-?feeding|lactation)\b|\bpregnan\w*\s+(?:and|or|&)\s+(?:breast-?feeding|lactating|nursing)\b|\b(?:breast-?feeding|lactating|nursing)\s+(?:and|or|&)\s+pregnan/i.test(s) || /\bpregnancy\s+(?:and|or|&)\s+(?:breast-?feeding|lactation)\b/i.test(s);
}
