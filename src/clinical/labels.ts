import { memoize } from '../util/memo.js';
import { fold, spellingFold } from '../util/text.js';
import { AMBIGUOUS, daysOf, labelPhase, parseDayList, populationOf, populationOfAges, populationsIn, routeOf, UNLISTED_ROUTE_WORDS, type Read } from './phrases.js';
import type { Phase, Population, Route } from './schema.js';

/**
 * What a heading or bold label above a dose says about it: `**Adults:**` a population,
 * `**Loading Dose:**` a phase, `**Plaque Psoriasis:**` an indication, `Day 8:` the day,
 * `**Premedications:**` that the doses under it are another drug's.
 */
export interface LabelInfo {
  population: Read<Population>;
  phase: Phase | null;
  route: Read<Route>;
  indication: string | null;
  ingredient: string | null;
  days: number[] | null;
  /** Doses under this label are not regimens of this drug (premedication, overdose, maxima). */
  block: boolean;
  /**
   * The label may name a condition but was not read as one ("Strep Throat", "Chronic Phase CML"):
   * a dose under it has an indication the reader cannot give, so it gives no regimen.
   */
  unknown: boolean;
}

/** Reference intakes (RDA, AI, DRI, upper levels): amounts for a population's diet, not doses (not a test's "upper limit of normal"). */
export const REFERENCE_INTAKE = String.raw`(?:dietary\s+)?reference\s+intakes?|dris?\b|rdas?\b|rnis?\b|adequate\s+intakes?|recommended\s+(?:daily\s+dietary|daily|dietary)\s+(?:allowances?|intakes?)|(?:tolerable\s+)?upper\s+(?:intake\s+)?(?:levels?|limits?)(?!\s+of\s+(?:the\s+)?normal)`;
const BLOCK = new RegExp(String.raw`\b(?:${REFERENCE_INTAKE}|premedicat\w*|pre-medicat\w*|overdos\w*|storage|contraindicat\w*|warnings?|side effects?|interactions?|pregnan\w*|(?<!\b(?:inhibition|suppression|prevention)\s+of\s+)lactation(?!\s+(?:inhibition|suppression))|breastfeeding|poisoning|missed doses?|components?|maximum|max\.?|not recommended|other drugs?|studies|clinical trials?|equivalen\w*|conver(?:sion|ting)|switch\w*|transition\w*|changing to)\b`, 'i');
/** Labels that say nothing about the indication: section names, courses and cycles, forms, settings, ages. */
const REFERENCE_INTAKE_WORDS = new RegExp(String.raw`\b(?:${REFERENCE_INTAKE})`, 'i');
const GENERIC = /\b(?:dosage|doses?|dosing|regimens?|administration|schedule|titration|tapering|special (?:cases|populations|considerations)|clinical use|adjustments?|modifications?|notes?|important|guidelines?|instructions?|courses?|cycles?|steps?|(?<!\b(?:chronic|accelerated|blast|acute|crisis)\s)phases?|weeks?|(?:immediate|extended|modified|sustained|delayed|controlled|prolonged)[- ]release|tablets?|capsules?|caplets?|formulations?|syrup|suspension|solution|injection|cream|ointment|gel|drops|inhaler|powder|patch|granules|sachets?|vials?|comorbid\w*|unboosted|boosted|monotherapy|liposomal|lipid complex|deoxycholate|nebuli[sz]ers?|inhalers?|metered|mdi|sprays?|devices?|auto-?injectors?|rda|rni|recommended (?:daily|dietary) (?:allowance|intake)|adequate intake|daily (?:allowances?|intakes?|requirements?)|upper (?:intake )?limits?|concomitant|inhibitors?|inducers?|toxicity|toxicities|adverse (?:reactions?|effects?|events?)|approved|indications|hypothetical|illustrative|examples?|duration|frequency|monitoring|precautions?|emergency\s+contraception|(?<!\bhypertensive\s)emergency|surgical procedures|suppressi(?:ve|on) therapy|intubation|mechanical ventilation|intensive care|icu|weight-based|body weight|bsa|years?|age[ds]?|kg|outpatients?|inpatients?|hospitali[sz]ed|men|women|males?|females?|intranasal|transdermal|suppositor(?:y|ies)|enemas?|lozenges?|liquid|oils?|tea|tinctures?|dried|microsize|ultramicrosize|macrocrystals|monohydrate|continuous|intermittent|range|guidance|long-term|off-label|conventional|(?:dietary\s+)?supplements?|treatment-(?:naive|experienced)|add-on|adjunct(?:ive)?|booster|cyp\w+|diagnostic|therapeutic|uses?(?!\s+disorders?\b)|patient-controlled|pca)\b/i;
/**
 * "Surgical Prophylaxis", "Perioperative Prophylaxis": a purpose in a setting, not a condition (the gold file's
 * vancomycin, neomycin and cefazolin labels); "Prophylaxis of Postoperative Infection" names one.
 */
export const SURGICAL_PURPOSE = /\b(?:(?:(?:peri|pre|post)-?operative\s+)?(?:surgical|surgery)|(?:peri|pre|post)-?operative)\s+prophylaxis\b/i;
const GENERIC_WHOLE = /^(?:(?:for\s+)?(?:[a-z]+\s+)?supplementation|(?:pre|intra|post|peri)-?operative(?:ly)?|general|other|others|overview|alternative|options?|summary|usual|standard|typical|recommended|treatment|therapy|management|prophylaxis|prevention|suppression|indications?|uses?(?!\s+disorders?\b)|purpose|consider|note|notes|caution|warning|important|tips?|remember|example|examples|alternatively|alternative regimen|also|additionally|then|or|daily|weekly|intermittent|(?:once|twice|thrice|three times)\s+(?:daily|weekly|a day|a week))$/i;
/**
 * "Second-line single-agent therapy", "First-line combination therapy", "Combination therapy with Cabotegravir", "As a
 * single agent": a line of treatment, no condition.
 */
const TREATMENT_LINE = /^(?:as\s+(?:an?\s+)?)?(?:(?:(?:first|second|third|fourth|later)[- ]line|single[- ]agent|combination|monotherapy|therapy|treatment|regimens?|intravenous|oral|subcutaneous|intramuscular|iv|sc|im)[\s-]*)+(?:with\s+[\p{L}][\p{L}\d-]*(?:\s*(?:,|and|or)\s*[\p{L}][\p{L}\d-]*)*)?$/iu;
const SEVERITY = /^(?:mild|moderate|severe|end-stage)(?:\s*(?:to|or|and|-|–)\s*(?:mild|moderate|severe))?(?:\s+(?:impairment|dysfunction|insufficiency|disease|cases?|failure))?$/i;
const CONDITION_START = /^(?:patients?|people|those|individuals?|subjects?|when|if|in|with|during|after|before|for patients|for those|for people|for individuals)\b/i;
/** "both" before conditions joined by "and" ("both CTCL and PTCL"): no part of them. */
export const BOTH_LEAD = /^both\s+(?=\S.*\s(?:and|&)\s)/i;
const FOR_CONDITION = /^(?:for|in)\s+(?:the\s+)?(?:(?:treatment|management|prevention|prophylaxis|control|relief)\s+of\s+)?/i;

/**
 * Whether a phrase names a condition: a disease word or ending (arthritis, fibrosis, anaemia,
 * lymphoma, pneumonia …), a symptom or purpose (pain, nausea, sedation, prophylaxis of …), or an
 * abbreviation (CLL, cSSSI). Labels that do not ("Nebulizer", "Unboosted", "RDA") are no indication.
 */
/** A condition's word or ending in a text (not an abbreviation, which may be a gene, a test or a product). */
export function namesConditionWord(s: string): boolean {
  return CONDITION_WORD.test(s) || CONDITION_ENDING.test(s);
}

export function namesCondition(s: string): boolean {
  // (not a gene or allele: "UGT1A1", "CYP3A4", "HLA-B*5701"; not a product's suffix: "Megace ES", "Wellbutrin XL")
  // ("HoFH", "HeFH": an abbreviation with a lowercase letter after its first.)
  return CONDITION_WORD.test(s) || CONDITION_ENDING.test(s) || /(?:^|[\s(/,-])[A-Z][a-z][A-Z]{2,5}(?=$|[\s)/,:;-])/.test(s) || /(?:^|[\s(/,-])[a-z]?[A-Z][A-Z0-9]{1,6}s?(?=$|[\s)/,:;-])/.test(s.replace(/\b(?:IV|IM|SC|SQ|PO|OD|BID|TID|QID|RDA|ER|XR|SR|IR|CR|MDI|DPI)\b|\b(?<=[A-Z][a-z]+\s)(?:ES|XL|LA|DR|EC|ODT)\b|\b[A-Z]+\d+[A-Z][A-Z\d*]*\b|\bHLA-\S+/g, ''));
}
const CONDITION_WORD = /\b(?:diseases?|disorders?|syndromes?|infections?|infestations?|cancers?|tumou?rs?|carcinomas?|sarcomas?|melanomas?|neoplasms?|malignan\w*|metasta\w*|failure|pain|fever|hypertension|hypotension|angina|asthma|diabetes|arthritis|migraine|epilep\w*|seizures?|convulsions?|depression|anxiety|panic|insomnia|schizophrenia|psychosis|dyskinesias?|dystonias?|immunodeficienc\w*|bipolar|mania|psoriasis|acne|gout|ulcers?|reflux|gerd|nausea|vomiting|emesis|constipation|diarrh(?:o)?ea|cough|cold|flu|influenza|allerg\w*|rhinitis|urticaria|dermatitis|eczema|obesity|deficienc\w*|insufficienc\w*|poisoning|overdose|toxicity|transplant\w*|rejection|prophylaxis of|prevention of|treatment of|sedation|an(?:a)?esthesia|analgesia|shock|o?edema|effusions?|bleeding|ha?emorrhage|thrombo\w*|embolism|stroke|infarction|fibrillation|flutter|tachycardia|bradycardia|arrhythmia|hiv|hepatitis|tuberculosis|malaria|worms?|lice|scabies|herpes|zoster|shingles|warts?|burns?|wounds?|fractures?|spasms?|spasticity|tremor|withdrawal|dependence|addiction|smoking|cessation|contraception|pregnancy|labou?r|delivery|abortion|miscarriage|fetal death|cervical ripening|menopaus\w*|infertility|ovulation induction|induction of ovulation|lactation (?:inhibition|suppression)|(?:inhibition|suppression|prevention) of lactation|endometriosis|dysfunction|hyper\w+|hypo\w+|chemotherapy|radiotherapy|surgery|surgical|postoperative|preoperative|(?<!\b(?:prolonged|lengthy|long|longer|short|shorter|minor|major)\s)procedures?|vertigo|motion sickness|dyspepsia|gastroparesis|heartburn|indigestion|flatulence|bloating|hiccups|glaucoma|cataract|conjunctivitis|acromegaly|myeloma|leuka?emia|lymphoma|gist|nsclc|crohn\w*|colitis|pemphig\w*|lupus|sclerosis|dystrophy|atrophy|hemangioma|lesions?|(?:h\.?|helicobacter)\s*pylori|growth|stature|puberty|enuresis|incontinence|(?:spastic|periodic|peripheral|facial|flaccid|cerebral)\s+paralysis|palsy|paresis|(?:overactive|neurogenic|irritable|unstable)\s+bladder|prostat\w*|erectile|alopecia|vitiligo|rosacea|inflammation|inflammatory|injur\w*|trauma|bites?|stings?|envenomation|dehydration|electrolyte|acidosis|alkalosis|hyperkalemia|anemia|anaemia|neutropenia|thrombocytopenia|bacter\w*|fung\w*|viral|parasit\w*|amoebiasis|amebiasis|giardiasis|helminth\w*|mycos\w*|candid\w*|cystitis|pyelonephritis|sinusitis|otitis|pharyngitis|tonsillitis|bronchitis|pneumonia|meningitis|endocarditis|osteomyelitis|cellulitis|sepsis|septicemia|gonorrh(?:o)?ea|syphilis|chlamydia|typhoid|cholera|leprosy|leishmaniasis|trypanosom\w*|filariasis|toxoplasmosis|pneumocystis|cmv|covid\w*|symptoms?|relief|control|management of|impetigo|prurit\w*|itch\w*|(?:strep|sore) throat|(?:dental|tooth) extractions?|anthrax|plague|tularemia|botulism|tetanus|rabies|diphtheria|pertussis|measles|mumps|rubella|varicella|chickenpox|smallpox|leptospirosis|brucellosis|lyme|typhus|anaphyla\w*|(?:cardiac|cardiopulmonary|respiratory)\s+arrest|bronchospasms?|myasthenia|ha?emorrhoids?|ha?emorrhoidal|arrhythmias|dysentery|caries|narcolepsy|fibroids?|ataxia|contractures?|cholestasis|(?:iron|fluid|volume)\s+overload|angio-?o?edema|rickets|pellagra|xerostomia|\w*porphyri\w*|raynaud\w*|ossification|tinea|gvhd|graft[- ]versus[- ]host|intoxication|dementia|alzheimer\w*|parkinson\w*|abscess(?:es)?|cachexia|anorexia|colic|croup|priapism|jaundice|gallstones?|dysmenorrh\w*|t[12]dm|hfref|hfpef|achondroplasia|torsades?(?:\s+de\s+pointes)?|crisis|crises|congestion|intracranial\s+pressure)\b/i;
const CONDITION_ENDING = /\b\w{3,}(?:itis|osis|oses|iasis|emia|aemia|algia|pathy|pathies|oma|omas|plegia|trophy|rrhea|rrhoea|uria|ism)\b/i;

export interface LabelOptions {
  /** Ingredient names of a combination page (empty for a single drug). */
  ingredients: readonly string[];
}

/** Read one label. Memoized by the caller (labels repeat across pages). */
export function classifyLabel(raw: string, opts: LabelOptions): LabelInfo {
  // ("Small Intestinal Bacterial Overgrowth (SIBO) (off-label)": a trailing off-label mark qualifies the label and names nothing.)
  let label = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*\(off[- ]label\)$/i, '');
  const info: LabelInfo = { population: null, phase: null, route: null, indication: null, ingredient: null, days: null, block: false, unknown: false };
  if (!label) return info;
  // A heading that runs on into prose ("Clinical Use Cases Selenium is primarily given through TPN …") is no label the reader understands.
  if ((label.replace(/\([^()]*\)/g, ' ').match(/\p{L}{3,}/gu) ?? []).length > 10) {
    info.unknown = true;
    info.block = BLOCK.test(label);
    return info;
  }
  // "Tourette's Disorder Dosage in Children": the condition, then the group.
  const dosageOf = /^(.+?)\s+(?:dosage|dosing|doses?)(?:\s+(?:in|for)\s+(\S.*))?$/i.exec(label);
  if (dosageOf && !/[()]/.test(dosageOf[1]!) && populationOf(dosageOf[1]!) === null && !GENERIC.test(dosageOf[1]!) && !BLOCK.test(dosageOf[1]!) && namesConditionWord(dosageOf[1]!)) {
    const group = dosageOf[2] === undefined ? null : populationOf(dosageOf[2]);
    if (dosageOf[2] === undefined || (group !== null && group !== AMBIGUOUS)) return { ...info, population: group, indication: dosageOf[1]! };
  }
  // "Adolescents (12-17 years) (Schizophrenia)": the ages of a group the label names, then the condition.
  const ages = /^([^()]+?)\s*\((?:[^()]*\b(?:years?|months?)\b[^()]*)\)\s*(?=\()/i.exec(label);
  if (ages && populationOf(ages[1]!) !== null) label = `${ages[1]!} ${label.slice(ages[0].length)}`;
  const paren = /^(.*?)\s*\(([^()]*)\)\s*(.*)$/.exec(label);
  const main = paren ? `${paren[1]!} ${paren[3]!}`.trim() : label;
  const inner = paren ? paren[2]!.trim() : '';

  // "Starting Day 14", "From Week 5": when a schedule starts; no day list, phase or condition.
  if (/^(?:starting|beginning|from|after|until|through)\s+(?:on\s+|at\s+|in\s+)?(?:day|week|month|cycle)s?\b/i.test(main)) return info;
  const dayLabel = /^days?\s+([\d\s,&and–-]+|\d+\s*(?:to|through)\s*\d+)$/i.exec(main);
  if (dayLabel) {
    info.days = parseDayList(dayLabel[1]!.trim());
    return info;
  }
  // ("Dietary Supplementation (RDA)": reference intakes, named in the parenthesis.)
  if (BLOCK.test(main) || REFERENCE_INTAKE_WORDS.test(inner)) {
    info.block = true;
    return info;
  }
  info.ingredient = labelIngredient(main, opts.ingredients);
  const mainPopulation = populationOf(main) ?? populationOfAges(main);
  // "Edema (due to heart failure or kidney disease)": an organ's disease in a parenthesis is part of the condition, not the group.
  const innerPopulation = populationOf(inner);
  // ("Edema (due to heart failure or kidney disease)": the failure is the heart's.)
  const innerGroup = (innerPopulation === 'renal' || innerPopulation === 'hepatic') && /\bdisease\b/i.test(inner) && !/\b(?:renal|kidney|hepatic|liver)\s+(?:impair\w*|insufficien\w*|dysfunction|failure)\b|\b(?:impaired|reduced)\s+(?:renal|kidney|hepatic|liver)\b|\b(?:child-pugh|crcl|clcr|creatinine|dialysis|e?gfr)\b/i.test(inner) ? null : innerPopulation;
  info.population = mainPopulation ?? innerGroup ?? populationOfAges(inner);
  info.phase = labelPhase(main) ?? (inner ? labelPhase(inner) : null);
  info.route = routeOf(label);
  // "Initial Dose (Days 1 & 2)": the days may stand in the parenthesis, when it is only a list of days
  // (not "(Day 6 onwards)", a start) and the label is no titration ("Titration Phase (Days 1-7)" spans
  // the steps of its doses).
  const innerDays = /^days?\s+\d[\d\s,&and–-]*$/i.test(inner) && info.phase !== 'escalation' ? daysOf(inner) : null;
  const days = daysOf(main) ?? innerDays;
  if (days !== null && days !== AMBIGUOUS) info.days = days;

  // "Adult Dosage for Prostate Cancer (mCRPC and mCSPC)": the condition after "dosage for", with its parenthesis.
  const dosageFor = /^(?:(?:adults?|pa?ediatric|children|child)\s+)?(?:dosage|dose|dosing)\s+for\s+(.{3,})$/i.exec(main);
  if (dosageFor && namesCondition(dosageFor[1]!) && populationOf(dosageFor[1]!) === null) {
    info.indication = inner && !isQualifier(inner) && populationOf(inner) === null ? `${dosageFor[1]!.trim()} (${inner})` : dosageFor[1]!.trim();
    return info;
  }
  let named = main.replace(FOR_CONDITION, '');
  // "Adult Pneumonia", "Pediatric Pneumonia": a group, then the condition.
  const lead = /^(?:adults?|adult patients|pa?ediatrics?|children|child|infants?|neonates?|elderly|geriatric)\s+(?:with\s+)?(.{3,})$/i.exec(named);
  const condition = lead?.[1]?.trim();
  if (mainPopulation !== null && mainPopulation !== AMBIGUOUS && condition && !/^[\d<>≥≤]/.test(condition) && !GENERIC.test(condition) && !GENERIC_WHOLE.test(condition) && populationOf(condition) === null && !CONDITION_START.test(condition)) {
    if (namesCondition(condition)) info.indication = condition;
    return info;
  }
  // "Seizure Maintenance Therapy": a phase, and the condition.
  if (info.phase !== null) {
    const rest = named.replace(/\b(?:loading|maintenance|induction|initial|starting|escalation|titration|dose|doses|dosing|therapy|treatment|phase)\b/gi, ' ').replace(/\s+/g, ' ').trim();
    if (rest.length >= 3 && !GENERIC.test(rest) && !GENERIC_WHOLE.test(rest) && populationOf(rest) === null && !CONDITION_START.test(rest) && !/^(?:of|for|in|and|with)\b/i.test(rest)) {
      if (namesCondition(rest)) info.indication = rest;
      return info;
    }
  }
  // "Proteinuric Chronic Kidney Disease", "Iron-deficiency anemia in hemodialysis patients": an organ
  // population and a condition; "Renal Impairment", "Severe hepatic impairment" are the population only.
  // "Adults with Chronic Liver Disease-Associated Thrombocytopenia": a group, an organ's disease and a condition; not clear.
  if ((mainPopulation === 'renal' || mainPopulation === 'hepatic') && /\b(?:liver|kidney|renal|hepatic)\s+disease\b/i.test(named) && populationsIn(named).length > 1) {
    info.unknown = true;
    return info;
  }
  if ((mainPopulation === 'renal' || mainPopulation === 'hepatic') && !/^(?:patients?\s+(?:with|on)\s+)?(?:(?:mild|moderate|severe|end-stage)\s+(?:(?:to|or)\s+(?:moderate|severe)\s+)?)?(?:(?:continuous|intermittent)\s+(?:veno-?venous\s+)?)?(?:renal|kidney|hepatic|liver|creatinine|crcl|clcr|egfr|gfr|dialysis|ha?emodialysis|ha?emo(?:dia)?filtration|esrd|eskd|crrt|cvvhd?f?|capd|child-pugh)\b/i.test(named) && namesCondition(named.replace(/\b(?:renal|kidney|hepatic|liver)\s+(?:impairment|insufficiency|dysfunction)\b/gi, ''))) {
    info.indication = label;
    return info;
  }
  const mainIsOther =
    /^[<>≥≤=]|\bkg\b|\blbs?\b/i.test(main) || info.ingredient !== null || mainPopulation !== null || info.phase !== null || routeOnly(main) || GENERIC.test(main) || GENERIC_WHOLE.test(main) ||
    SEVERITY.test(main) || TREATMENT_LINE.test(main.replace(/\([^()]*\)/g, ' ').trim()) || CONDITION_START.test(named) || /^\d/.test(main) || named.length < 2 || SURGICAL_PURPOSE.test(main) ||
    // "For most infections": no one condition ("Other infections" is one, as the gold file's labels read it).
    /^(?:most|many|some|various|certain|several)\b/i.test(named);
  if (!mainIsOther) {
    // The label names a condition; a parenthesis that only gives a route, ages or a form is not part of it.
    const whole = named === main ? label : label.replace(FOR_CONDITION, '');
    // ("Hyperphosphatemia (Adults with Stage 5 CKD on Dialysis)": a parenthesis naming the group is no part of the condition.)
    const text = inner && (isQualifier(inner) || GENERIC_WHOLE.test(inner) || (innerGroup !== null && /^(?:adults?|children|pa?ediatric|elderly|patients|neonates|infants)\b/i.test(inner) && !/\b(?:prophyla\w*|prevent\w*|treatment|therapy|maintenance|induction|uses?)\b/i.test(inner))) ? named : whole;
    if (namesCondition(text)) info.indication = text;
    // A name the reader does not know ("Strep Throat", "Impetigo", a trial's name): maybe a condition.
    else info.unknown = true;
  } else if (inner && inner.replace(/[^A-Za-z]/g, '').toLowerCase() !== main.split(/[\s-]+/).map((w) => w[0] ?? '').join('').toLowerCase() && !(/\bdiagnos\w*|\btest(?:s|ing)?\b/i.test(main) && !namesConditionWord(inner))) {
    // ("Diagnostic Testing (ACTH Function)": what a test measures, not a condition treated; not "Diagnostic Aid (GI procedures)".)
    // ("Dry powder inhaler (DPI)": the parenthesis abbreviates the label, and names nothing.)
    // `Adults (MCL and CLL/SLL)`, `Cycle 1 (multiple myeloma)`, `Adults (for premature labor)`, `Emergencies (e.g., acute asthma)`: the parenthesis names the condition.
    // ("(eGFR 30-59 mL/min)" starts with no "eg".)
    const examples = /^(?:e\.g\.|eg\b|such as|including)\s*,?\s*/i.test(inner);
    // ("Adults and Children (both for CGD and SMO)": the conditions, without "both for".)
    // ("Adults (for both wet AMD and DME)": the conditions, without "for both".)
    const cond = inner
      // ("Adults (Schizophrenia - Maintenance Treatment)": the phase after a dash is no part of the condition.)
      .replace(/\s+[-–—]\s+(?:(?:initial|maintenance|induction|loading|acute|long[- ]term)\s+)?(?:treatment|therapy|phase|dose|dosing)$/i, '')
      // ("Children (Juvenile Idiopathic Arthritis - Off-Label)", "Adults (… of the Pancreas, Second-Line)": marks that
      // qualify the condition and name nothing.)
      .replace(/\s*[-–,;]\s*(?:off[- ]label|(?:first|second|third|later)[- ]line)$/i, '')
      // ("Children (Central Precocious Puberty, ≥2 years of age)", "(Plaque Psoriasis only, 6 years and older)": the ages after the condition.)
      .replace(/\s*,\s*[≥≤<>]?\s*\d[^,()]*\b(?:years?|months?)(?:\s+(?:of\s+age|old|and\s+(?:older|above)))?$/i, '')
      // ("Children (Partial-onset seizures, ages 4-17)": the ages too.)
      .replace(/\s*,\s*ages?\s+\d+\s*(?:-|–|to)\s*\d+(?:\s+years?)?$/i, '')
      .replace(/\s+only$/i, '')
      .replace(/^(?:e\.g\.|i\.e\.|eg\b|ie\b|such as|including)\s*,?\s*/i, '')
      .replace(BOTH_LEAD, '')
      .replace(FOR_CONDITION, '')
      .replace(BOTH_LEAD, '');
    // "Emergency Situations (e.g., status epilepticus, cardiac arrest)": examples of several conditions; which is the dose's is not said.
    if (examples && /,|\bor\b|\band\b/i.test(cond)) {
      // no indication
    } else if (cond && !isQualifier(cond) && populationOf(cond) === null && !BLOCK.test(cond) && !GENERIC.test(cond) && !GENERIC_WHOLE.test(cond) && !CONDITION_START.test(cond) && namesCondition(cond)) info.indication = cond;
    // "Adults (18 years and older with cystic fibrosis)": a condition inside a qualifier; the dose's condition or not, not clear.
    else if (populationOf(inner) === null && namesConditionWord(inner) && /\bwith\b/i.test(inner)) info.unknown = true;
  }
  // "Chronic Phase CML", "Blast Phase": a word the reader sets aside ("phase", "cycle", "tablets")
  // inside what still names a condition; whether the label is the indication is not clear.
  if (info.indication === null && !info.unknown && info.ingredient === null && mainPopulation === null && info.phase === null && !routeOnly(main)) {
    const rest = main.replace(new RegExp(GENERIC.source, 'gi'), ' ').replace(/\bCYP\w+|\bP-gp\b/gi, ' ').replace(/\s+/g, ' ').trim();
    // (an abbreviation of two letters — "LD", "XL" — is more often a product's than a condition's)
    // ("Digitalis Toxicity" is a condition, "Hematologic Toxicity" a reason to change the dose: not clear which.)
    const signal = CONDITION_WORD.test(rest) || CONDITION_ENDING.test(rest) || /(?:^|[\s(/,-])[a-z]?[A-Z][A-Z0-9]{2,6}s?(?=$|[\s)/,:;-])/.test(rest) || /\btoxicit(?:y|ies)\b/i.test(main);
    if (rest !== main.trim() && rest.length >= 3 && !GENERIC_WHOLE.test(rest) && !SEVERITY.test(rest) && !CONDITION_START.test(rest) && !/^[\d<>≥≤]/.test(rest) && signal) info.unknown = true;
  }
  // "Patients with Cardiovascular Disease": a condition the patients have; the condition the dose is for, or not, is not clear.
  if (info.indication === null && !info.unknown && mainPopulation === null && info.ingredient === null && CONDITION_START.test(named) && namesConditionWord(named) && !GENERIC.test(named)) info.unknown = true;
  return info;
}

const ROUTE_ONLY = new RegExp(String.raw`^(?:(?:iv|im|sc|sq|po|oral(?:ly)?|intravenous(?:ly)?|intramuscular(?:ly)?|subcutaneous(?:ly)?|topical(?:ly)?|inhaled|inhalation|rectal(?:ly)?|vaginal(?:ly)?|sublingual|intrathecal|intravitreal|${UNLISTED_ROUTE_WORDS}|nasal|ophthalmic|parenteral|injection|infusion|bolus|route|administration|and|or|\/|,|&)\s*)+$`, 'i');
const routeOnly = (s: string): boolean => ROUTE_ONLY.test(s.replace(/[()]/g, ' ').trim());

/** A parenthesis that qualifies rather than names: a route, ages, weights, a form, "off-label". */
function isQualifier(s: string): boolean {
  return routeOnly(s) || /^as\s/i.test(s) || SEVERITY.test(s) || /\b(?:years?|yrs?|months?|weeks?|days?|up to|kg|lbs?|pounds?|approximately|about|age[ds]?|off-label|unlabeled|tablets?|capsules?|(?:immediate|extended|modified|sustained|delayed|controlled)[- ]release|formulation|ir|er|xr|sr|cr)\b/i.test(s) || /^[\d\s<>≥≤=+–-]+$/.test(s);
}

/** The ingredient a label names on a combination page (`Amlodipine:`, `D-chiro-inositol:`), or null. */
export function labelIngredient(label: string, ingredients: readonly string[]): string | null {
  if (ingredients.length < 2) return null;
  // "D-chiro-inositol" is the ingredient "D-Chiro Inositol", not "Myo-Inositol".
  const key = (x: string): string => fold(x).replace(/[^\p{L}\d]+/gu, '');
  const whole = ingredients.find((i) => key(i) === key(label));
  if (whole) return whole;
  // Else the ingredient most of whose words the label has ("Omega-3 fatty acids" → Omega-3 Fatty Acid, not Folic Acid).
  const words = fold(label).split(/[^\p{L}\d]+/u).filter((w) => w.length >= 4);
  let best: string | null = null;
  let bestScore = 0;
  let tie = false;
  for (const ing of ingredients) {
    const score = words.filter((w) => ingredientOfWord(w, [ing]) !== null).length;
    if (score > bestScore) {
      best = ing;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && score > 0) tie = true;
  }
  return tie ? null : best;
}

/**
 * The ingredient a word names: the same first six letters (spellings differ: tazobactum, tazobactam; amoxycillin,
 * amoxicillin — compared after `spellingFold`).
 */
export function ingredientOfWord(word: string, ingredients: readonly string[]): string | null {
  if (word.length < 4) return null;
  // ("methylcobalamin" is Methylcobalamin's, though it starts like the "methyl" of "L-Methyl Folate Calcium".)
  const whole = ingredients.find((ing) => ingredientWords(ing).includes(word));
  if (whole !== undefined) return whole;
  const w = spellingFold(word);
  for (const ing of ingredients) {
    for (const n of ingredientSpellings(ing)) {
      const k = Math.min(6, n.length);
      if (w.length >= k && w.slice(0, k) === n.slice(0, k)) return ing;
    }
  }
  return null;
}

/** An ingredient's folded words of four letters or more. */
const ingredientWords = memoize((ing: string): string[] => fold(ing).split(/[^\p{L}\d]+/u).filter((n) => n.length >= 4), 20_000);
/** The same words, spelling variants made one. */
const ingredientSpellings = memoize((ing: string): string[] => ingredientWords(ing).map(spellingFold), 20_000);
