import type { Monograph, Section } from '../model/index.js';
import { fold } from '../util/text.js';
import { memoize } from '../util/memo.js';
import { amountsIn, withoutAmountParens, type Amount } from './amounts.js';
import { BOTH_LEAD, classifyLabel, ingredientOfWord, labelIngredient, namesCondition, namesConditionWord, REFERENCE_INTAKE, SURGICAL_PURPOSE, type LabelInfo } from './labels.js';
import {
  AMBIGUOUS,
  cycleDaysOf,
  daysOf,
  durationOf,
  frequencyOf,
  infusionMinutesOf,
  lastPhase,
  numberOf,
  phasesIn,
  populationOf,
  populationsIn,
  routeOf,
  routesIn,
  withoutCourseRepeat,
  type Frequency,
  type Read,
} from './phrases.js';
import type { Phase, Population, Regimen, Route } from './schema.js';
import { chainOf, sectionLines, sentences, type TextLine } from './section-lines.js';

/**
 * Structured regimens from a monograph's Dosage section(s). Precision first: a dose is read only
 * when the words around it are understood (an unknown word next to the amount, a maximum, a
 * total, a threshold, another drug's dose or a parenthesis make it no regimen), and a field whose
 * words disagree (`every 6–8 hours`, `IV or IM`) is left null rather than guessed.
 */

/** Words that may stand right before an amount that is a dose of this drug. */
const LEFT_OK = new Set(
  `dose doses dosage dosing is are was be been being of to at with take takes taking taken give gives giving given administer administered administering
  start starts starting started begin begins beginning initially initial then usually typically commonly generally normally often recommended usual
  standard followed by as a an the single daily weekly adults adult children child patients loading maintenance approximately about around roughly
  increase increased increasing increases titrate titrated titrating reduce reduced reducing decrease decreased lower lowered and or plus receive
  receives received prescribed regimen orally oral iv im sc intravenously intravenous subcutaneously subcutaneous intramuscularly intramuscular
  infusion injection bolus first second subsequent further additional another repeat repeated once twice dosed consider considered
  may can should will would need needed required require recommend suggested advised only also either each per tablet tablets capsule capsules
  amount amounts intake escalate escalated escalating titration target administration course cycle cycles day days week weeks range ranging
  between thereafter afterwards later subsequently eventually ultimately finally full so preferably include includes including additional extra alternatively even instead from po sq one involve involves involving requires require
  sublingual sublingually rectal rectally vaginal vaginally intranasal intranasally nasal inhaled intrathecal intrathecally transdermal
  suggest suggests recommends`.split(/\s+/),
);
/** A product form, as a label inside a line ("Oral powder:", "Extended-release formulation:"). */
const FORM_LABEL_WORDS = new Set('powder powders granules sachet sachets solution solutions suspension suspensions syrup syrups drops liquid liquids elixir formulation formulations release'.split(' '));
/** Words that may follow an amount that is a dose. */
const RIGHT_OK = new Set(
  `orally oral po iv im sc sq intravenously intravenous intramuscularly intramuscular subcutaneously subcutaneous by via once twice thrice three four
  one two five six daily every each per a an as at on for in given taken administered infused injected tablet tablets capsule capsules caplet caplets softgel softgels lozenge lozenges implant implants pessary pessaries suppository suppositories dose doses dosage injections infusions
  initially then base body bw qd od bid tid qid bd tds qds q stat weekly monthly nightly before after with without and or to if until over followed
  divided single loading maintenance times hour hours day days week weeks minute minutes is was are should can may will x infusion injection bolus
  when prn immediately slowly deep preferably approximately intravenous about repeated repeat which that usually diluted dissolved reconstituted
  elemental of during within starting several depending according up daily: weekly: orally: iv: im: sc:
  sublingually sublingual rectally vaginally intranasally intrathecally transdermally regardless continuous`.split(/\s+/),
);
const OF_OK = new Set(`the this it drug medication medicine elemental active body`.split(/\s+/));

/** Sentences that are not dosing instructions: strengths, studies, toxicity, overdose, levels. */
const NOT_DOSING = new RegExp(String.raw`\b(?:appl(?:y|ied|ying|ication)\b|${REFERENCE_INTAKE}|upper\s+tolerable\s+(?:intake\s+)?(?:level|limit)|intake\s+level|limited\s+data|data\s+suggest\w*|evidence\s+suggest\w*|research|investigational|under\s+investigation|being\s+(?:investigated|studied|explored)|(?:doses?|dosages?)\s+used\s+(?:have|has)\b|available (?:as|in)|strengths?|is supplied|comes? in|(?<!\b(?:meals?|foods?|diet|snacks?|drinks?|beverages?)\s)contain(?:s|ing|ed)?|hypothetical(?:ly)?|each (?:tablet|capsule|ml|vial|spray|puff|actuation|drop|inhalation|sachet|ampoule|patch)|(?:spray|puff|actuation|patch|auto-?injectors?|(?:pre-?filled\s+)?pens?|devices?)\s+(?:(?:typically|usually|generally|each)\s+)?(?:delivers?|delivered|contains?|releases?)|overdos\w*|toxic (?:dose|doses|effects? at)|lethal|fatal|studied|stud(?:y|ies)|explored|trials?|was reported|were reported|has been used|have been used|(?:translates?|works?\s+out)\s+to\b(?:[^.]|\.\d)*\bfor\s+an?\s+[\d,]+[\s-]*(?:kg|kilograms?|calories?)|for\s+an?\s+[\d,]+[\s-]*(?:kg|kilograms?|calories?)\b(?:[^.]|\.\d)*\b(?:translates?|works?\s+out)\s+to|(?:was|were)\s+(?:previously\s+|formerly\s+|historically\s+|once\s+)?(?:administered|given|used|prescribed|dosed|recommended)|no longer (?:prescribed|used|recommended|available|marketed)|(?:dose|dosage|doses|dosing)\s+(?:was|were)|should not be used|must not be used|do not (?:use|give|take|exceed)|don't|not recommended|avoid|never|missed|miss|per (?:tablet|capsule|caplet|sachet|vial|ampoule|5 ?ml|ml|spoonful|teaspoon)|in each (?:tablet|capsule|sachet|5 ?ml))\b`, 'i');
/** Where a dose's own words end: another drug or treatment given with it, or ", or significantly higher doses …", another dose. */
const CUT_RIGHT = /\b(?:in combination with|combined with|along with|together with|concomitant(?:ly)? with|co-?administered with|or with|and with|plus|as part of|followed by (?:a |an )?(?:[a-z-]+ )?(?:of )?(?:other|another)|(?:following|after) (?:the|a|an) (?:[a-z-]+ )?(?:dose|infusion|injection))\b|,\s*or\s+(?:\w+\s+){0,2}(?:higher|lower|larger|smaller|greater)\s+doses\b/i;
/** "… for children under 3 years", "for patients weighing over 50 kg": a group of the dose's patients, named after a maximum. */
const GROUP_CAP_AFTER = /^\s*(?:\/\s*day|(?:per|a)\s+day|daily)?\s*for\s+(?:children|adults|patients|infants|adolescents|those|people)\s+(?:under|over|below|above|younger|older|aged|weighing|of|less|more|[<>≤≥]|\d)/i;
const MAX_BEFORE = /(?:\bmax(?:imum|\.)?(?:\s+(?:daily|total|single|recommended|permitted|allowed|of|dose|dosage|is|should be|will be|:))*|\bnot\s+(?:to\s+)?exceed(?:ing)?|\bshould\s+not\s+exceed|\bexceed(?:ing)?|\bno\s+more\s+than|\bup\s+to(?:\s+a\s+max(?:imum)?\s+of)?|\blimit(?:ed)?\s+to|\bceiling\s+of|\bat\s+most|\bmaximal(?:ly)?)\s*[:(]?\s*$/i;
/** A maximum's words, then a colon opening the list the amount is in ("The maximum daily dose depends on weight: …; …"). */
const MAX_LIST_LEAD = /\bmax(?:imum|\.)?\b[^.:;()]*:[^:]*$/i;
/** What ends a maximum's clause: a new instruction, not "or 400 mg/day for extended-release". */
const MAX_AFTER = /^\s*(?:is|as|being|would be|will be)\s+(?:the|a|its)\s+(?:usual\s+|recommended\s+)?max(?:imum|\.)?\s+(?:(daily|per day|a day)\s+)?(?:dose|dosage|amount|limit)\b/i;
const STRONG_BREAK = /;|\bthen\b|\bfollowed by\b|\bincreas\w*|\breduc\w*|\binitial\w*|\bstart\w*|\bdose of\b|\bgive\w*|\badminister\w*/i;
/** Maximum words in the clause before an amount ("The maximum daily dose is usually 600 mg"). */
const MAX_IN_CLAUSE = /\b(?:max(?:imum|\.)?|not\s+(?:to\s+)?exceed(?:ing)?|exceed(?:ing)?|no\s+more\s+than|up\s+to|limit(?:ed)?\s+to|ceiling|at\s+most)\b/i;
const TOTAL_BEFORE = /\b(?:total|cumulative|combined)(?:\s+(?:daily|weekly|course|cycle|recommended))?(?:\s+(?:dose|dosage|amount|doses))?(?:\s+(?:of|is|should be|:|(?:typically\s+|usually\s+|generally\s+)?ranges?\s+from))*(?:\s+(?:approximately|about|around|roughly|up to|at least))?\s*$/i;
const TOTAL_DAILY_BEFORE = /\btotal\s+daily\s+(?:dose|dosage|amount)(?:\s+(?:of|is|should be|:))*\s*$/i;
const DAILY_DOSE_BEFORE = /\b(?:a\s+|the\s+)?daily\s+(?:dose|dosage|amount|allowance|intake|requirement)(?:\s+(?:of|is|should be|:))*\s*(?:\w+\s+){0,2}$/i;
/** "150 mg as a single daily dose": a daily amount given once. */
const DAILY_DOSE_AFTER = /^\s*(?:as\s+)?(?:a|one)\s+(?:single\s+)?daily\s+dose\b|^\s*(?:[\p{L}]+\s+){0,2}\(\s*(?:the\s+)?(?:total\s+)?daily\s+(?:dose|total|amount)\s*\)/iu;
const WEEKLY_DOSE_BEFORE = /\bweekly\s+(?:dose|dosage)(?:\s+(?:of|is|:))*\s*$/i;
const NOT_A_DOSE_BEFORE = /(?:[<>≤≥]|\b(?:(?:lowest|minimum|minimal)\s+(?:recommended\s+|effective\s+)?(?:daily\s+)?(?:dose|dosage)\s+(?:is|of)|above|below|over|under|greater than|less than|more than|higher than|lower than|exceeding|equivalent (?:to|of)|equal to|corresponding to|instead of|rather than|compared (?:to|with)|versus|vs\.?|weighing|weight of|weighs|increments? of|steps? of|intervals? of|(?:increments?|decrements?|steps?)\s+(?:down|up)\s+to|(?:increas|reduc|decreas|adjust|lower|rais|titrat)\w*(?:\s+\w+){0,2}\s+by(?:\s+(?:approximately|about|around|roughly|up\s+to))?|divisible by|multiples? of|as (?:low|high|little|much) as|if\s+(?:the\s+)?(?:recommended|usual|current|prescribed)\s+(?:daily\s+)?dose\s+is|rounded to(?: the nearest)?|nearest|minimum(?: of)?|min\.?|at least))\s*$/i;
const FROM_BEFORE = /\bfrom\s*$/i;
const PER_BODY_CHAIN = /(?:\d[\d.,]*\s*(?:mg|g|mcg)\s+[\p{L}-]+\s*\/\s*)+\d[\d.,]*\s*(?:mg|g|mcg)\s+[\p{L}-]+(?:\s+component)?\s+(?:per|\/)\s*(kg|m²|m2)\b/giu;
/** "40-50 mg/kg divided over 2-5 days": a course total. */
const DIVIDED_OVER = /^\s*(?:\([^()]*\)\s*)?(?:divided|given|spread|administered)\s+(?:equally\s+)?over\s+(?:\d+(?:\s*(?:-|–|to)\s*\d+)?|a|two|three|four|five|several)\s+(?:consecutive\s+)?(?:days?|weeks?|months?|years?)\b/i;
const SPREAD_OVER = /\b(?:divided|spread|split|distributed)\s+(?:equally\s+)?over\s+(?:\d+(?:\s*(?:-|–|to)\s*\d+)?|a|two|three|four|five|several|a\s+few|multiple)\s+(?:consecutive\s+)?(?:days?|weeks?|months?)\b/i;
const RANGE_FROM = /\b(?:rang\w*|var(?:y|ies|ying)|between|adjust(?:ed)?|adjustable)\s*,?\s+(?:\w+ly\s*,?\s+)?from\s*$/i;
const COMPARISON = /\b(?:usual dose|usual dosage|normal dose|instead of|rather than|compared (?:to|with)|in place of|versus)\b/i;
/** "in equally divided doses every 12 hours": the interval of a divided daily amount. */
const DIVIDED_EVERY_HOURS = /\bdivided\s+doses?\s+(?:given\s+|administered\s+)?every\s+([1-9]\d?)\s*(?:hours?|hrs?|h)\b/i;
const DIVIDED = /\b(?:in|into)\s+(\w+)\s+(?:equally\s+)?divided\s+doses\b|\bin\s+(two|three|four|2|3|4)\s+(?:equal\s+|separate\s+)?doses\b|\bdivided\s+into\s+(\w+)\s+(?:equal\s+|separate\s+)?(?:doses|administrations)\b|\b(?:in\s+)?divided\s+doses\b|\bdivided\s+(?:every|q)\b|\bdivided\b/i;
/** "as needed", "PRN", "when required": a dose given as needed. */
const AS_NEEDED_WORDS = String.raw`as (?:needed|required)|when (?:needed|required)|prn|p\.r\.n\.?|on demand`;
const CONDITIONS = new RegExp(String.raw`\b(?:if (?:required|needed|necessary|tolerated|clinically indicated)|${AS_NEEDED_WORDS})\b`, 'gi');
const SINGLE = /\b(?:single dose|as a single(?!\s+daily)|once only|one-time|one time|single injection|single infusion|stat)\b|\bonce\b(?!\s*(?:daily|a\s+day|per\s+day|every|each|weekly|a\s+week|per\s+week|monthly|a\s+month|(?:or|to)\s+(?:twice|thrice|two|three|four|more)|\w+\s+(?:day|week|month)|(?:the|a|an|this|that|these|it|they|symptoms?|improvement|control|remission|response|patients?|stabili[sz]\w*|stable|\w+\s+(?:is|are|has|have|was|were))\b))/i;
const CONNECTOR = /;|,|\bthen\b|\bfollowed by\b|\bor\b|\band\b|\bincreas(?:e|ed|ing)\s+to\b|\breduc(?:e|ed|ing)\s+to\b|\btitrat\w*\s+to\b|\bafter which\b|\bthereafter\b|\bplus\b/gi;
const PAIR_END = String.raw`(?:[\p{L}][\p{L}-]*\s+){0,3}\d[\d.,]*\s*(?:mg|g|mcg|µg|μg)\s*\/\s*(?:[\p{L}][\p{L}-]*\s+){0,3}\d[\d.,]*\s*(?:mg|g|mcg|µg|μg)`;
const PAIRED_RANGE = new RegExp(String.raw`\bfrom\s+${PAIR_END}\s+(?:to|up to)\s+${PAIR_END}`, 'iu');
/** Between two doses of a list each for its own group: "for patients under 50kg, (and)". */
const QUALIFIED_GAP = /^\s*for\s+[^,;.()]{1,60},\s*(?:and\s+)?$/i;
/** The last dose's group, then what the list shares: "for patients over 70kg, every 4 hours …". */
const QUALIFIED_TAIL = /^\s*for\s+[^,;.()]{1,60},\s*([^;]*)$/i;
const CHAIN = /^\W*(?:and\s+)?then\s+(?:possibly\s+|further\s+|again\s+)?to\s+(?:the\s+(?:full\s+)?)?$/i;
const LIST_GAP = /^[\s,/+&]*(?:(?:or|and|and\/or)[\s,]*(?:(?:eventually|ultimately|finally)[\s,]*)?)?$/i;
/** "increased to 7 mg and then 14 mg daily": a later dose of the same chain, whose words may be the earlier's too. */
const CHAIN_GAP = /^[\s,]*(?:and|or)\s+(?:(?:then|eventually|ultimately|finally|later|subsequently|possibly|potentially|gradually)\s+){0,2}(?:(?:further\s+)?to\s+)?$/i;
/** "The dosage for MDR-TB, in both intensive and continuous phases, is typically …": the condition a dose is for. */
const DOSE_FOR = /\b(?:doses?|dosages?|regimens?)(?:\s+of\s+[\p{L}][\p{L}\d-]*(?:\s+[\p{L}][\p{L}\d-]*){0,2}?)?\s+for\s+([^,:;]{3,80}?)(?:\s*,\s*(?:for example|for instance|e\.g\.|(?:in|during)\s+[^,:;]{3,50})\s*,)?\s+(?:(?:usually|typically|generally|commonly|often|can|may|might|could|will|would)\s+)?(?:is|are|:|(?:could|may|might|would|can|should|will)\s+(?:be|involve|include)|involves?|includes?|starts?|begins?|ranges?|var(?:y|ies))\b/iu;
const INDICATION_LEAD = [
  // "For susceptible bacterial infections like UTIs, prostatitis, and respiratory tract infections, …": the list is the condition.
  /^(?:for|in)\s+(?:the\s+)?(?:(?:treatment|management|prevention|prophylaxis|control|relief)\s+of\s+)?((?:[^,:;]{2,80},\s*)+(?:and|or)\s+[^,:;]{2,80}?)\s*[,:]/i,
  /^(?:for|in)\s+(?:the\s+)?(?:treatment|management|prevention|prophylaxis|control|relief)\s+of\s+([^,:;]{3,80}?)\s*[,:]/i,
  /^(?:for|in)\s+([^,:;]{3,90}?)\s*[,:]/i,
  DOSE_FOR,
];
/** Words after "dose for" that name a purpose or a form, not a condition. */
const PURPOSE = /^(?:(?:the\s+)?(?:treatment|prevention|prophylaxis|maintenance|management|therapy|use|this|these|that|each|both|all|oral|intravenous|intramuscular|subcutaneous|topical|rectal|iv|im|sc|tablets?|capsules?|injection|infusion|solution|suspension|syrup|most|many|general|this\s+purpose|\w+\s+use)\b)/i;
const SEVERITY_IMPAIRMENT = /\b(?:mild|moderate|severe|significant)(?:[\s-]+(?:to|or)[\s-]+(?:moderate|severe))?\s+(?:impairment|insufficiency)\b/i;
const ORGAN_DISEASE = /\b(?:liver|kidney|renal|hepatic)\s+(?:disease|problems?)\b/i;
const ORGAN_IMPAIRMENT = /\b(?:impair\w*|insufficien\w*|dysfunction|failure|child-pugh|crcl|clcr|creatinine|(?:ha?emo|peritoneal\s+)?dialysis|ha?emo(?:dia)?filtration|end-stage|esrd|eskd|crrt|e?gfr)\b/i;
/** "one 100mg capsule", "a 500 mg film-coated tablet": a product's strength, not a dose. */
const STRENGTH_AFTER = /^\s*(?:[\p{L}-]+\s+)?(?:tablets?|capsules?|caplets?|sachets?|vials?|ampoules?|ampules?|suppositor(?:y|ies)|pessar(?:y|ies)|lozenges?|patch(?:es)?|strengths?)\b/iu;
/** "one tablet of Norfloxacin 200mg + Ornidazole 500mg": a product's contents. */
const CONTENTS_BEFORE = /\b(?:tablets?|capsules?|caplets?|sachets?|vials?|ampoules?|suppositor(?:y|ies)|formulations?|preparations?|products?)\s+(?:of|containing|that contains?)\b[^.;()]*$/i;
/** "… or 4 mg lozenges": the amount heads a list of a product's strengths (plural forms). */
const STRENGTHS_LISTED = /^\s*(?:or|and|,)\s*\d+(?:\.\d+)?\s*(?:mg|g|mcg|µg|μg)\s+(?:[\p{L}-]+\s+)?(?:tablets|capsules|caplets|lozenges|sachets|patches|pessaries|suppositories|vials|ampoules|implants)\b/iu;
/** "the dosage is one 0.6 mg lozenge", "take one 500 mg tablet": the unit whose strength is the dose, not a product's strength. */
const DOSE_IS_ONE = /\b(?:(?:dose|dosage|regimen)\s+is|take|give|administer|insert|dissolve|chew|suck)\s+(?:a|an|one)\s+$/i;
/** "one 180 mg tablet of fexofenadine with 240 mg of pseudoephedrine": a tablet of two drugs, whose contents are no dose. */
const WITH_OTHER_AMOUNT = /^[^.;]{0,40}?\b(?:with|and|plus)\s+\d+(?:\.\d+)?\s*(?:mg|g|mcg|µg|μg)\b|^[^.;]{0,40}?\+\s*\d/i;
/** A limit's words up to its count: "not exceeding ", "the maximum daily dose is limited to ". */
const UNIT_LIMIT_LEAD = String.raw`\b(?:not\s+(?:exceeding|to\s+exceed|more\s+than)|no\s+more\s+than|max(?:imum|\.)?)(?:\s+\p{L}+){0,5}?\s+`;
/** "not exceeding 12 lozenges", "the maximum daily dose is limited to 8 lozenges": a limit in units, which leaves a dose stated by its strength a dose. */
const MAX_UNIT_COUNT = new RegExp(UNIT_LIMIT_LEAD + String.raw`\d+\s+[\p{L}-]+`, 'giu');
/** A most-units-a-day limit: "not to exceed 10 lozenges per day", "a maximum of 8 tablets in 24 hours" (the count). */
const DAILY_UNIT_CAP = new RegExp(UNIT_LIMIT_LEAD + String.raw`(\d+)\s+[\p{L}-]+\s+(?:per|a|each|in|within)\s+(?:(?:a|any|one)\s+)?(?:day|24[- ]hours?(?:\s+period)?)\b`, 'iu');
/**
 * "1-3 capsules daily with 250-1000mg", "two tablets of 500 mg": a dose stated as a count of product units; an amount
 * in the same sentence is their contents, or another way of saying the dose, not clearly a dose to give
 * ("One 500 mg tablet twice daily", where the amount names the unit, is one; a volume of diluent is no unit).
 */
const UNIT_COUNT = /\b(?:\d+(?:\.\d+)?(?:\s*(?:-|–|to|or)\s*\d+(?:\.\d+)?)?|one|two|three|four|five|six|half|one-half|1\/2)\s+(?:(?!(?:mg|g|mcg|µg|μg|milligrams?|grams?|micrograms?)\b)[\p{L}-]+\s+)?(?:tablets?|capsules?|caplets?|softgels?|sachets?|packets?|teaspoons?(?:ful)?|tablespoons?(?:ful)?|spoonfuls?|puffs?|inhalations?|actuations?|sprays?|drops?|pessar(?:y|ies)|suppositor(?:y|ies)|lozenges?|scoops?|applicator(?:s|fuls?)?)\b/iu;
/** "The 125mg dose is usually administered as one 100mg capsule and …": a sentence about a dose stated before. */
const DOSE_REFERENCE = /^\s*(?:the|this|that)\s+\d[\d.,]*\s*(?:mg|g|mcg|µg|μg)\s+doses?\s+(?:is|are|can|may|should|will|must|could|would)\b/i;
/** "(usually after initial intravenous treatment)", "switch to oral": a route of another treatment. */
const OTHER_TREATMENT_ROUTE = /\b(?:after|following|followed\s+by|before|prior\s+to|preceded\s+by|switch(?:ed|ing)?\s+(?:from|to)|step(?:ped)?[- ]?down\s+(?:from|to)|instead\s+of|in\s+place\s+of|transition(?:ed|ing)?\s+(?:from|to))\s+(?:(?:an?|the|initial|initially|usually|prior|previous|\w+ly)\s+){0,3}(?:intravenous(?:ly)?|iv|i\.v\.?|oral(?:ly)?|parenteral(?:ly)?|intramuscular(?:ly)?|im|subcutaneous(?:ly)?|sc)\b(?:\s*(?:\/|,|or|and)\s*(?:intravenous(?:ly)?|iv|i\.v\.?|oral(?:ly)?|parenteral(?:ly)?|intramuscular(?:ly)?|im|subcutaneous(?:ly)?|sc)\b)*(?:\s+(?:treatment|therapy|administration|dosing|antibiotics?|doses?|route|formulation))?/gi;
/** "moderate-to-severe", "mild to moderate", "severe": how bad a condition is. */
const SEVERITY_WORDS = /\b(?:mild|moderate|severe)(?:[\s-]+(?:to|or)[\s-]+(?:moderate|severe))?\b/gi;
const NOT_INDICATION = /\b(?:toxicity|toxicities|adverse|grade|milder|more severe|less severe|patients?|adults?|child(?:ren)?|infants?|neonates?|adolescents?|girls?|boys?|elderly|people|those|individuals?|example|instance|most|some|all|each|this|these|use|dosing|dose|doses|weight|kg|years?|months?|renal|hepatic|kidney|liver|impairment|mild|moderate|severe|first|long-term|short-term|maintenance|initial)\b/i;

/**
 * "Capecitabine is given concurrently at a dose of 750 mg/m²", "Probenecid is administered orally with each dose of
 * cidofovir: 2 g …", "The dose of capecitabine is …", "with capecitabine at a dose of 750 mg/m²": the subject the
 * amount is said of. A subject that is neither this drug (or an ingredient, a brand) nor a word for its doses and forms
 * may be another drug: the amount is no regimen.
 */
const SUBJECT_VERB = String.raw`(?:\s*\([^()]*\))?\s+(?:is|are|should\s+be|may\s+be|can\s+be|will\s+be|must\s+be|is\s+to\s+be|are\s+to\s+be|is\s+then|are\s+then)\s+(?:(?:also|then|usually|typically|often|generally|commonly|normally|concurrently|concomitantly|simultaneously|additionally|\w+ly)\s+)*(?:given|administered|dosed|taken|infused|injected|added|started|co-?administered|prescribed|used|continued|initiated)\b`;
const SUBJECT_PHRASE = String.raw`((?:[\p{L}][\p{L}\d'’-]*\s+){0,2}[\p{L}][\p{L}\d'’-]*)`;
const CLAUSE_SUBJECT = new RegExp(String.raw`(?:^|[;:]\s*|,\s*(?:(?:and|but|while|whereas)\s+)?|\b(?:and|but|while|whereas)\s+)` + SUBJECT_PHRASE + SUBJECT_VERB, 'giu');
const DOSE_OF_SUBJECT = /\b(?:dose|dosage|doses|dosing)\s+of\s+((?:[\p{L}][\p{L}\d'’-]*\s+){0,1}[\p{L}][\p{L}\d'’-]*)(?:\s+(?:in|for|with|when|during)\s+[^,.;:()]{1,50}?)?\s+(?:is|are|should|may|can|will|ranges?|varies|typically|usually|generally|commonly)\b/giu;
const WITH_DRUG_AT = /\b(?:with|plus)\s+([\p{L}][\p{L}\d'’-]*)\s+(?:\([^()]*\)\s*)?(?:(?:given|administered|dosed)\s+)?at\s+(?:a\s+)?(?:(?:\w+\s+)?(?:dose|dosage)\s+of\s+)?$/iu;
/** Nouns that, heading a subject, name this drug's doses, forms or patients, not a drug. */
const SUBJECT_HEAD_OK = new Set(
  `it this that these those they which who one dose doses dosage dosages dosing amount amounts range ranges regimen regimens treatment treatments therapy
  course courses cycle cycles medication medications medicine medicines drug drugs product products agent component tablet tablets capsule capsules
  caplet caplets softgels injection injections infusion infusions solution solutions suspension syrup liquid granules powder cream formulation
  formulations form forms preparation preparations administration use route bolus booster supplement supplements supplementation prophylaxis
  patient patients adults adult children child infants infant neonates neonate adolescents elderly people individuals women men
  mg mcg g grams milligrams micrograms`.split(/\s+/),
);

/** Whether a sentence's subject may be another drug: its head word (or, after "dose of", any word) is none of this drug's names nor a generic noun. */
function subjectIsOther(phrase: string, scope: Scope): boolean {
  const words = fold(phrase).split(/[^\p{L}\d'’-]+/u).filter(Boolean);
  if (words.length === 0) return false;
  if (words.some((w) => isOwnName(w, scope) || scope.subjectNames.has(w) || w.split('-').some((p) => p.length >= 4 && isOwnName(p, scope)))) return false;
  // "The L-methylfolate component" on "L-Methyl Folate + …": the name written without its space.
  const compact = words.join('').replace(/[^\p{L}\d]/gu, '');
  if (scope.compactNames.some((n) => compact.includes(n))) return false;
  return !SUBJECT_HEAD_OK.has(words[words.length - 1]!);
}

/** Whether the subject an amount is said of, the last one named before it in its sentence, may be another drug. */
function otherDrugSubject(before: string, scope: Scope): boolean {
  let last: { at: number; other: boolean } | null = null;
  for (const re of [CLAUSE_SUBJECT, DOSE_OF_SUBJECT]) {
    re.lastIndex = 0;
    for (let m = re.exec(before); m; m = re.exec(before)) {
      const at = m.index + m[0].length;
      if (last === null || at > last.at) last = { at, other: subjectIsOther(m[1]!, scope) };
    }
  }
  const w = WITH_DRUG_AT.exec(before);
  if (w && subjectIsOther(w[1]!, scope) && !/^(?:food|meals?|water|milk|juice)$/i.test(w[1]!)) return true;
  return last?.other ?? false;
}

export interface RegimenOptions {
  /** File for the sources (defaults to the monograph's primary source). */
  file?: string;
}

interface Scope {
  file: string;
  ingredients: readonly string[];
  /** Name keys that may stand next to an amount: the title's words and the ingredients'. */
  ownNames: Set<string>;
  /** Further names of this drug that may stand as a sentence's subject: the words of its brand names, synonyms and Alternate Names section. */
  subjectNames: Set<string>;
  /** The title's and ingredients' names without spaces or punctuation ("lmethylfolate"). */
  compactNames: string[];
  label: (raw: string) => LabelInfo;
}

interface Candidate {
  amount: Amount;
  /** Text before the amount that belongs to it, and after it. */
  left: string;
  right: string;
  /** Where `left` starts in the sentence. */
  leftFrom: number;
  ingredient: string | null;
}

/** The dosage sections of a monograph: `dosage` and per-ingredient `*-dosage`, with the ingredient. */
export function dosageSections(m: Monograph): { section: Section; ingredient: string | null }[] {
  const out: { section: Section; ingredient: string | null }[] = [];
  for (const s of m.sections) if (s.id === 'dosage' || /^dosage-\d+$/.test(s.id)) out.push({ section: s, ingredient: null });
  for (const g of m.perIngredient) for (const s of g.sections) if (/-dosage(?:-\d+)?$/.test(s.id)) out.push({ section: s, ingredient: g.ingredient });
  return out;
}

/** A measured value named by its substance: "serum calcium", "potassium levels", "blood glucose concentrations". */
const LAB_VALUE = /\b(?:serum|plasma|blood|urine|urinary)\s+\p{L}+|\b\p{L}+\s+(?:levels?|concentrations?)\b/giu;

/** Labels repeat across thousands of pages ("Adults", "Elderly Patients"): read each once. */
const baseLabel = memoize((raw: string) => classifyLabel(raw, { ingredients: [] }), 20_000);
const productKey = (s: string): string => fold(s).replace(/[^\p{L}\d]+/gu, '');
/** "Penicillin V", "Insulin glargine": the page's own drug, maybe with a letter or one more word naming its form. */
function namesOwnForm(raw: string, ownNames: ReadonlySet<string>): boolean {
  const words = fold(raw).split(/[^\p{L}\d]+/u).filter(Boolean);
  return words.length >= 1 && words.length <= 2 && ownNames.has(words[0]!) && words.slice(1).every((w) => w.length <= 2);
}

function labelReader(ingredients: readonly string[], brands: readonly string[], ownNames: ReadonlySet<string>): (raw: string) => LabelInfo {
  const brandKeys = new Set(brands.map(productKey).filter((k) => k.length >= 3));
  const single = ingredients.length < 2 ? baseLabel : null;
  return (raw: string): LabelInfo => {
    const base = baseLabel(raw);
    // "Penicillin V: 250-500 mg orally every 6-8 hours" on Penicillin's page: the drug's own form, no condition.
    if (base.unknown && single && namesOwnForm(raw, ownNames)) return { ...base, unknown: false };
    if (single && brandKeys.size === 0) return base;
    // "* Megace ES: 625 mg orally once daily" under "**Anorexia/Cachexia (AIDS):**": a label that is one of the page's
    // brand names names a product, not a condition (nor one the reader does not know).
    if (brandKeys.has(productKey(raw.replace(/\([^()]*\)/g, ' ')))) return { ...base, indication: null, unknown: false };
    if (single) return base;
    const ingredient = labelIngredient(raw, ingredients);
    // A label naming an ingredient ("Amlodipine:") says which ingredient, and is no indication.
    if (ingredient !== null) {
      // "Nitrofurantoin (for UTI treatment)": the ingredient, and the condition its parenthesis names.
      const inner = /\(\s*(?:for\s+)?([^()]{2,60})\)\s*$/i.exec(raw)?.[1]?.trim() ?? null;
      const indication = inner !== null && /^\(\s*for\b/i.test(raw.slice(raw.lastIndexOf('('))) && namesCondition(inner) ? inner : null;
      return { ...base, ingredient, indication, unknown: false, block: base.block && !/\bcomponents?\b/i.test(raw) };
    }
    // On a combination page a short abbreviation ("α-GPC", "cSSTI") may be an ingredient or a condition: not clear.
    if (base.indication !== null && !namesCondition(base.indication.replace(/(?:^|[\s(/,-])[a-z]?[A-Z][A-Z0-9]{1,6}s?(?=$|[\s)/,:;-])/g, ' '))) return { ...base, indication: null, unknown: true };
    return base;
  };
}

const nameWords = (s: string): string[] => fold(s).split(/[^\p{L}\d]+/u).filter((w) => w.length >= 4);

/** Every regimen the dosage sections of a monograph state. Never throws. */
export function extractRegimens(m: Monograph, opts: RegimenOptions = {}): Regimen[] {
  const file = opts.file ?? m.sources.find((s) => s.role === 'primary')?.file ?? m.sources[0]?.file ?? m.slug;
  const ingredients = m.ingredients.length > 1 ? m.ingredients : [];
  const ownNames = new Set([...nameWords(m.title), ...(m.genericName ? nameWords(m.genericName) : []), ...ingredients.flatMap(nameWords)]);
  const alternateNames = m.sections.filter((s) => s.id === 'alternate-names').map((s) => s.markdown);
  // "Tocoferol (Vitamin E)" in the description: another name of an ingredient.
  const aliases = [...m.description.text.matchAll(/([\p{L}][\p{L}\d-]*)\s*\(([^()]{2,30})\)/gu)].filter((x) => ownNames.has(fold(x[1]!))).map((x) => x[2]!);
  const subjectNames = new Set([...m.brandNames, ...m.synonyms, ...alternateNames].flatMap((b) => fold(b).split(/[^\p{L}\d]+/u).filter((w) => w.length >= 4)));
  const compactNames = [m.title, ...(m.genericName ? [m.genericName] : []), ...ingredients, ...aliases].map((n) => fold(n).replace(/[^\p{L}\d]/gu, '')).filter((n) => n.length >= 5);
  const scope: Scope = { file, ingredients, ownNames, subjectNames, compactNames, label: labelReader(ingredients, m.brandNames, ownNames) };
  const out: Regimen[] = [];
  for (const { section, ingredient } of dosageSections(m)) {
    try {
      out.push(...sectionRegimens(section, ingredient, scope));
    } catch {
      // Odd text never breaks a build; the section simply yields nothing.
    }
  }
  return out;
}

/** A line without doses saying what follows is historical ("the following information is for historical purposes only"). */
const HISTORICAL_USE = String.raw`historical (?:context|purposes|reference|interest)`;
const HISTORICAL_FOLLOWING = new RegExp(String.raw`\b(?:following|below)\b[^.]{0,60}\bfor ${HISTORICAL_USE}\b|\bfor ${HISTORICAL_USE}\b[^.]{0,30}:\s*$`, 'i');
const HISTORICAL = new RegExp(String.raw`\b(?:no longer (?:available|marketed|prescribed|used|approved|manufactured|sold)|${HISTORICAL_USE}|historically used|(?:is|are) (?:now |generally |largely |considered )*(?:outdated|obsolete)|withdrawn from (?:the )?market|(?:has been|was) (?:withdrawn|discontinued))\b`, 'i');
/** "The following are examples of dosages found in studies, *not recommendations*:": what the list gives is not to be given. */
const STUDY_LEAD = /\b(?:stud(?:y|ies)|studied|trials?|research|investigational|not (?:a )?recommendations?)\b/i;

/** "Recommended daily dietary intake is:": the list gives reference intakes, not doses (the gold file's rule). */
const REFERENCE_LEAD = new RegExp(String.raw`\b(?:${REFERENCE_INTAKE})\b`, 'i');

/**
 * A lead-in names who the list is for (and may name the route), not an indication or phase as a label would;
 * its `condition` is one it names the way a dose's sentence does ("The dosage for migraine prophylaxis in adults is:").
 */
function leadInInfo(info: LabelInfo, block: boolean, condition: string | null): LabelInfo {
  // ("Gemcitabine dosage varies depending on the cancer being treated …:" names which ingredient, on a combination page.)
  return { population: info.population, route: info.route, phase: null, indication: condition, ingredient: info.ingredient, days: null, block, unknown: false };
}

/** The last sentence of a lead-in paragraph, read like a label ("For neonates (less than 3 months)"). */
function leadInLabel(text: string): string {
  const list = sentences(text);
  return (list[list.length - 1]?.text ?? '').replace(/[:\s]+$/, '');
}

/** A digit before what may start a mass unit, or a missed-dose rule: lines without either give nothing. */
const QUICK_AMOUNT = /\d\s*(?:mc|µ|μ|mi|m|g)|\bmiss/i;

/** "The following pertains to promethazine when used independently": the ingredient an opening says the section is about. */
const PERTAINS_TO = /\b(?:following|information|guidance|dosage|doses|dosing)\b[^.]{0,40}?\b(?:pertains?|refers?|applies|relates?)\s+(?:only\s+)?to\s+(?:the\s+)?([\p{L}][\p{L}\d-]*)/iu;

/** The ingredients of a combination page a text names, each once. */
function ingredientsNamed(text: string, scope: Scope): string[] {
  return [...new Set(text.split(/[^\p{L}\d]+/u).flatMap((w) => ingredientOfWord(fold(w), scope.ingredients) ?? []))];
}

/** The one ingredient a section's opening paragraph (the lines before its first label) says its doses are of, else null. */
function declaredIngredient(lines: readonly TextLine[], scope: Scope): string | null {
  const named = new Set<string>();
  for (const l of lines) {
    if (l.kind !== 'text' || l.label !== null) break;
    for (const x of sentences(l.text)) {
      const m = PERTAINS_TO.exec(x.text);
      const ing = m ? ingredientOfWord(fold(m[1]!), scope.ingredients) : null;
      // (not "pertains to the Bromhexine and Chlorpheniramine combination": the product)
      if (ing !== null && ingredientsNamed(x.text, scope).length === 1) named.add(ing);
    }
  }
  return named.size === 1 ? [...named][0]! : null;
}

function sectionRegimens(section: Section, sectionIngredient: string | null, scope: Scope): Regimen[] {
  const lines = sectionLines(section);
  // "No established dosage guidelines exist for the combination. The following pertains to promethazine when used
  // independently.": the section's doses are that ingredient's.
  const ingredient = sectionIngredient ?? (scope.ingredients.length > 1 ? declaredIngredient(lines, scope) : null);
  const introRoute = sectionIntroRoute(lines);
  // The opening paragraph's route stands for the doses that name none only when no line of the section names another.
  const introSure = introRoute !== null && lines.every((l) => routesIn(withoutAmountParens(`${l.label ?? ''} ${l.text}`)).every((r) => r === introRoute));
  // "* **Route:** Intravenous (IV) infusion." declares the route for the lines beside and below it.
  const declared = new Map<TextLine | null, Route>();
  for (const l of lines) {
    if (!l.label || !/^(?:routes?|routes? of administration|administration route)$/i.test(l.label)) continue;
    const r = routeOf(l.text);
    if (r !== null && r !== AMBIGUOUS) declared.set(l.parent, r);
  }
  const declaredRoute = (line: TextLine): Route | null => {
    for (let p: TextLine | null = line.parent; ; p = p.parent) {
      const r = declared.get(p);
      if (r) return r;
      if (p === null) return null;
    }
  };
  const out: Regimen[] = [];
  const missed: { text: string; phases: Phase[] }[] = [];
  // "Lorcaserin is no longer available, thus the following information is for historical purposes only.": nothing after it is to be given.
  let historical = false;
  for (const line of lines) {
    if (!historical && HISTORICAL_FOLLOWING.test(line.text) && !QUICK_AMOUNT.test(line.text)) historical = true;
    if (historical || !QUICK_AMOUNT.test(line.text)) continue;
    const chain = chainOf(line);
    const infos = chain.map((l) => {
      if (!l.label && !l.leadIn) return null;
      const lead = l.leadIn || (l.label !== null && l !== line && /:\s*$/.test(l.text)) ? leadInLabel(l.text) : '';
      const notToGive = lead !== '' && (STUDY_LEAD.test(lead) || REFERENCE_LEAD.test(lead));
      // ("Eptinezumab is administered intravenously (IV).  The dosage for migraine prophylaxis in adults is:": the lead-in
      // names the condition, as a dose's own sentence would; added to a label that names none.)
      const leadCondition = lead === '' ? null : indicationOf(lead);
      const condition = typeof leadCondition === 'string' && leadCondition !== AMBIGUOUS ? leadCondition : null;
      if (!l.label) return leadInInfo(scope.label(lead), notToGive, condition);
      // "**Children:** … Recommended daily dietary intake is:": a labelled paragraph whose lead-in says what the list gives.
      const info = scope.label(l.label);
      const withCondition = info.indication === null && condition !== null ? { ...info, indication: condition } : info;
      return notToGive ? { ...withCondition, block: true } : withCondition;
    });
    if (infos.some((i) => i?.block)) continue;
    // "Dosage information for Boceprevir is provided for historical context only, as the drug is no longer available.":
    // the line's doses are not to be given.
    if (HISTORICAL.test(line.text)) continue;
    const lineRegimens: Regimen[] = [];
    const doseless: string[] = [];
    // What the lines above say about route and infusion, from those that state no dose of their own.
    let doselessAncestors: string | undefined;
    // "… is usually given three times daily. The usual starting dose is 1.5 mg/kg per dose.": how often the doses after it are given.
    let stated: Read<Frequency> = null;
    for (const sentence of sentences(line.text)) {
      let s = sentence;
      if (/\bmiss(?:ed|es)?\b/i.test(s.text) && /\bdoses?\b/i.test(s.text)) {
        // "Loading dose 2 g, then 800 mg every 14 days; if a maintenance dose is missed …, repeat the
        // loading dose": the missed-dose clause is a condition; what comes before it is read as usual.
        const clauses = s.text.split(/;\s*/);
        const at = clauses.findIndex((c) => /\bmiss(?:ed|es)?\b/i.test(c));
        missed.push({ text: clauses.slice(at).join('; '), phases: phasesIn(clauses.slice(at).join(' ')) });
        if (at <= 0) continue;
        s = { text: clauses.slice(0, at).join('; '), start: s.start };
      }
      const amounts = amountsIn(s.text);
      if (amounts.length === 0) {
        doseless.push(s.text);
        if (FREQUENCY_STATEMENT.test(s.text) && !NOT_DOSING.test(s.text)) stated = stated === null ? frequencyOf(s.text) : AMBIGUOUS;
        continue;
      }
      doselessAncestors ??= chain
        .slice(0, -1)
        .filter((l) => amountsIn(l.text).length === 0)
        .map((l) => l.text)
        .join(' ');
      const got = sentenceRegimens(s.text, amounts, line, chain, infos, doselessAncestors, ingredient, declaredRoute(line) ?? introRoute, declaredRoute(line) !== null || introSure, scope);
      // "It is commonly given as two 200mg tablets taken at once.": a sentence whose amounts are no doses says what a
      // sentence without any does (its amounts blanked: a maximum's "per day" is no frequency).
      if (got.length === 0) doseless.push(withoutAmounts(s.text));
      if (stated !== null && stated !== AMBIGUOUS) {
        for (const r of got) {
          if (r.amountPer !== 'dose' || r.single || r.timesPerDay !== null || r.timesPerWeek !== null || r.everyDays !== null || frequencyUnclear.has(r) || AS_NEEDED.test(r.source.text)) continue;
          r.timesPerDay = stated.timesPerDay;
          r.timesPerWeek = stated.timesPerWeek;
          r.everyDays = stated.everyDays;
        }
      }
      lineRegimens.push(...got);
    }
    // A sentence of the same line without a dose may give the infusion time or route for all.
    // "10 mg by mouth once daily. The dose may be increased to 20 mg …": the route the line's doses state.
    const lineRoutes = new Set(lineRegimens.flatMap((r) => (r.route ? [r.route] : [])));
    if (lineRoutes.size === 1) {
      const lineRoute = [...lineRoutes][0]!;
      for (const r of lineRegimens) if (r.route === null && !routeUnclear.has(r)) r.route = lineRoute;
    }
    if (lineRegimens.length && doseless.length) lineRegimens.splice(0, lineRegimens.length, ...fillFromLine(lineRegimens, doseless));
    out.push(...lineRegimens);
  }
  for (const m of missed) {
    for (const r of out) if (m.phases.length === 0 || r.phase === null || m.phases.includes(r.phase)) r.conditions.push(m.text);
  }
  return out;
}

/** "… up to a maintenance dose of": the dose after it is the maintenance dose aimed at, not a cap. */
const UP_TO_MAINTENANCE = /\bup\s+to\s+(?:a|the)\s+(?:usual\s+|target\s+|recommended\s+)?maintenance\s+(?:dose|dosage)\s+of\s*$/i;
/** What joins a later step to the dose before it ("followed by", "then"). */
const STEP_AFTER = /\b(?:followed\s+by|then|thereafter|after\s+which)\b/i;
/** How often a step of a chain is given, written right after its amount ("BID", "once daily", "(twice daily)"). */
const STEP_FREQUENCY = /^\s*(?:\b(?:bid|tid|qid|od|qd|once|twice|thrice|(?:one|two|three|four|\d+)\s+times)\b(?:\s+(?:daily|a\s+day|per\s+day|weekly|a\s+week))?|\bdaily\b|\bweekly\b)(?:\s*\([^()]*\))?/i;

/** "Oral:", "Intravenous (IV):" inside a line's text: a route label of the clause after it. */
const INLINE_ROUTE_LABEL = /(?:^|[.;,]\s*|\s)(oral(?:ly)?|intravenous(?:ly)?|iv|im|intramuscular(?:ly)?|subcutaneous(?:ly)?|sc|subq|sublingual|rectal|inhaled|inhalation|topical|intranasal|nasal)(?:\s*\([^()]{1,12}\))?\s*:/gi;

/**
 * The infusion time the last dose's words give the whole list: "3.375 g every 6 hours or 4.5 g every 8 hours,
 * administered intravenously over 30 minutes". Not a time in the last dose's parenthesis ("175 mg/m² every three weeks
 * (given over 3 hours)"), nor one after a later step ("400 mg/m² IV bolus on Day 1, followed by 2400 mg/m² continuous
 * infusion over 46 hours"), nor when an earlier dose says how long its own takes ("over several hours for mild …").
 */
function sharedInfusion(s: string, cands: readonly { amount: Amount; right: string }[]): Read<number> {
  const last = cands[cands.length - 1]!;
  if (cands.some((x, j) => j > 0 && STEP_AFTER.test(s.slice(cands[j - 1]!.amount.end, x.amount.start)))) return null;
  if (cands.some((x, j) => j < cands.length - 1 && /\b(?:over|infused|infusion)\b/i.test(x.right))) return null;
  return infusionMinutesOf(last.right.replace(/\([^()]*\)/g, ' '));
}

/** A sentence with its amounts (and what they are per) blanked. */
function withoutAmounts(s: string): string {
  let out = s;
  for (const a of amountsIn(s).reverse()) out = out.slice(0, a.start) + ' '.repeat(a.end - a.start) + out.slice(a.end);
  return out;
}

/** The route a section's opening paragraph names ("is administered intravenously (IV)"), when it names one. */
function sectionIntroRoute(lines: readonly TextLine[]): Route | null {
  const intro: string[] = [];
  for (const l of lines) {
    if (l.kind !== 'text' || l.label !== null) break;
    intro.push(l.text);
  }
  // "**Adults:** Doripenem is administered intravenously (IV). Dosage varies …:": an opening paragraph under a label
  // that states the route and no dose.
  const first = lines[0];
  if (intro.length === 0 && first && first.kind === 'text' && amountsIn(first.text).length === 0 && sentences(first.text).some((x) => ROUTE_STATEMENT.test(x.text))) intro.push(first.text);
  if (intro.length === 0) return null;
  const text = withoutAmountParens(intro.join(' '));
  // "the specific formulation of the medication (tablets, syrup, injection)": forms for more than one route, though
  // an injection names none of its own.
  if (INJECTION_FORM.test(text) && routesIn(text).includes('oral')) return null;
  const r = routeOf(text);
  return r === AMBIGUOUS ? null : r;
}

/**
 * "The dosage is weight-based and administered twice daily for ten days. The recommended dosage is as follows:": how long
 * the doses below are given, stated as such in the lines above them that state no dose.
 */
function statedDuration(doselessAncestors: string): ReturnType<typeof durationOf> {
  if (!doselessAncestors || !/\bfor\b/i.test(doselessAncestors)) return null;
  return durationOf(sentences(doselessAncestors).map((x) => x.text).filter((x) => /\b(?:is|are)\s+(?:[\w-]+\s+){0,3}?(?:administered|given|taken)\b/i.test(x)).join(' '));
}

/** "for infants", "for adolescents": an age group named after a dose (AGE_STEP: right after it; AGE_STEPS: each in a sentence). */
const FOR_AGE_GROUP = String.raw`\bfor\s+(?:\w+\s+){0,2}?(?:infants?|neonates?|newborns?|toddlers?|children|child|adolescents?|teen\w*|adults?|the\s+elderly|elderly)\b`;
const AGE_STEP = new RegExp(String.raw`^[^.;]{0,20}?` + FOR_AGE_GROUP, 'i');
const AGE_STEPS = new RegExp(FOR_AGE_GROUP, 'gi');
/** "The usual dosage range is", "the typical dose is": the regular dose, named as such. */
const USUAL_DOSE = /\b(?:usual|typical|standard|regular|normal)\s+(?:\w+\s+)?(?:dose|doses|dosage|dosing|range)\b/i;
/** An injection names no route of its own (IV, IM or SC), but beside a tablet or a syrup it names a second one. */
const INJECTION_FORM = /\b(?:injections?|injectables?)\b/i;

/**
 * "Administer intravenously.", "It is given orally", "Oral administration is standard", "Oral powder: Dosage is
 * weight-based." (a route label opening the sentence): a statement of the route, not "IV administration should be infused
 * over 60 minutes".
 */
const ROUTE_STATEMENT = /\b(?:should|must|is to|are to)\s+be\s+infused\b|\b(?:is|are|be|should be|must be|to be)\s+(?:usually\s+|typically\s+|always\s+)?(?:given|administered|taken|infused|injected|done)\s+(?:by\s+|via\s+|as\s+an?\s+)?(?:the\s+)?(?:intravenous\w*|iv|oral\w*|subcutaneous\w*|intramuscular\w*|mouth|infusion|injection)|^(?:administer|give|take|infuse|inject)\w*\s+(?:it\s+)?(?:intravenous\w*|iv|oral\w*|subcutaneous\w*|intramuscular\w*|by mouth)|\b(?:oral|intravenous|iv|subcutaneous|intramuscular)\s+(?:administration|use|route)\s+is\s+(?:the\s+)?(?:standard|usual|typical|preferred|common|recommended)\b|^(?:oral|intravenous|iv|subcutaneous|intramuscular|sublingual|rectal)(?:\s+(?:powder|granules|capsules?|tablets?|solution|suspension|syrup|liquid|infusion|injection))?\s*:/i;

/**
 * "Two capsules … are typically prescribed", "Tizanidine comes in oral tablets", "Different formulations exist (capsules and
 * controlled-release tablets)": a product form that is swallowed, stated for the line's doses.
 */
const FORM_STATEMENT = /\b(?:formulations?|forms?)\s+(?:exist|are\s+available)\s*\((?:[^()]*\b(?:tablets?|capsules?|caplets?)\b[^()]*)\)|\b(?:tablets?|capsules?|caplets?|syrups?|oral\s+(?:solutions?|suspensions?|liquids?))\s+(?:\w+\s+){0,4}?(?:is|are|may\s+be|can\s+be)\s+(?:usually\s+|typically\s+|generally\s+|commonly\s+)?(?:prescribed|taken|given|swallowed|used|available)\b|\b(?:given|taken|administered|swallowed)\s+as\s+(?:(?:one|two|three|four|a|an|\d+)\s+)?(?:\S+\s+){0,2}?(?:tablets?|capsules?|caplets?)\b|\b(?:comes?|is\s+available|are\s+available)\s+(?:only\s+)?(?:in|as)\s+(?:an?\s+)?oral\s+(?:tablets?|capsules?|caplets?|solutions?|suspensions?|syrups?|forms?)\b|\b(?:comes?|is\s+available|are\s+available)\s+(?:only\s+)?(?:in|as)\s+(?:an?\s+)?(?:tablets?|capsules?|caplets?|pellets?|granules?)(?:\s*(?:,|and|or)\s*(?:tablets?|capsules?|caplets?|pellets?|granules?))*(?:\s+forms?)?(?![\s,]*(?:and|or)\s)/i;

/** "general supplementation", "preventing deficiency": purposes that name no condition (a nutrient's deficiency does). */
const GENERAL_PURPOSE = /\b(?:(?:general|routine|dietary|nutritional)\s+)?supplementation\b|\b(?:preventing|prevention\s+of|to\s+prevent)\s+(?:a\s+)?deficiency\b/gi;

/** A sentence about pausing or stopping treatment. */
const PAUSE = /\b(?:withh[eo]ld\w*|interrupt\w*|held|hold|pause[ds]?|suspend\w*|discontinu\w*)\b/i;

/**
 * "It is usually given three times daily": how often the doses after it in the line are given, stated as such
 * (not "should only be taken once daily", a limit, nor "might be taken twice daily").
 */
const FREQUENCY_STATEMENT = /\b(?:is|are)\s+(?:usually\s+|typically\s+|generally\s+|commonly\s+|normally\s+)?(?:given|administered|taken|dosed)\s+(?:orally\s+|by mouth\s+|intravenously\s+|subcutaneously\s+)?(?:once|twice|thrice|\w+\s+times|every)\b/i;
/** "This is administered … once every three weeks", "It is given twice daily": the dose before it, and how often it is given. */
const BACK_FREQUENCY = /^(?:this(?:\s+dose)?|it|the\s+dose|each\s+dose)\s+(?:is|should\s+be|will\s+be|is\s+to\s+be)\s+(?:usually\s+|typically\s+|generally\s+)?(?:given|administered|infused|injected|taken)\b/i;
/** A dose given as needed: no fixed frequency to fill in. */
const AS_NEEDED = new RegExp(String.raw`\b(?:${AS_NEEDED_WORDS})\b`, 'i');

/**
 * What the line's sentences without a dose say about its doses: an infusion time, a route stated as
 * such, a cycle, filled in; a route, frequency or duration said otherwise may be theirs or not, so a
 * dose that states none of its own gives no regimen.
 */
function fillFromLine(regimens: Regimen[], doseless: readonly string[]): Regimen[] {
  // ("There are no IV formulations of either drug": a route denied is none named.)
  const text = doseless.join(' ').replace(/\b(?:no|not\s+(?:available\s+)?(?:as|in))\s+(?:an?\s+)?(?:iv|intravenous|injectable|parenteral)\s+(?:formulations?|forms?|preparations?)\b/gi, ' ');
  const inf = infusionMinutesOf(text);
  const named = routeOf(text);
  const route = ROUTE_STATEMENT.test(text) || FORM_STATEMENT.test(text) ? named : null;
  // "This 28-day cycle is repeated …": the cycle of the line's doses.
  // ("Different regimens might use … (e.g., every 42 days, or multiple doses within a 6-week cycle)": other regimens' cycles.)
  const cycleSentences = doseless.filter((d) => !/\b(?:e\.g\.|for example|for instance|such as|might|other|different)\b/i.test(d)).map((d) => d.replace(/\([^()]*\)/g, ' '));
  const cycle = cycleDaysOf(cycleSentences.join(' '));
  // "This is administered on Day 1 of each 14-day cycle.": the days its own sentence gives with the cycle.
  const cycleSentence = typeof cycle === 'number' ? cycleSentences.find((d) => cycleDaysOf(d) === cycle) : undefined;
  const cycleDays = cycleSentence === undefined ? null : daysOf(cycleSentence);
  // ("the medication should be withheld for up to eight weeks": how long a pause lasts, not the course.)
  const duration = durationOf(doseless.filter((d) => !PAUSE.test(d)).join(' '));
  // "2.5 mg/kg of actual body weight. This is administered intravenously (IV) over approximately 30 minutes once every
  // three weeks.": a sentence whose subject is the dose before it says how often it is given.
  const backStated = doseless.filter((d) => BACK_FREQUENCY.test(d));
  const backFrequency = backStated.length === 1 && regimens.length === 1 ? frequencyOf(backStated[0]!) : null;
  const out: Regimen[] = [];
  for (const r of regimens) {
    if (backFrequency !== null && backFrequency !== AMBIGUOUS && r.amountPer === 'dose' && !r.single && r.timesPerDay === null && r.timesPerWeek === null && r.everyDays === null && !frequencyUnclear.has(r) && !AS_NEEDED.test(r.source.text)) {
      r.timesPerDay = backFrequency.timesPerDay;
      r.timesPerWeek = backFrequency.timesPerWeek;
      r.everyDays = backFrequency.everyDays;
    }
    if (typeof cycle === 'number' && r.cycleDays === null) {
      r.cycleDays = cycle;
      if (Array.isArray(cycleDays) && r.days === null) r.days = cycleDays;
    }
    // ("The maximum dose over one hour is 1.8 mg": a time that is no infusion's; "This can be administered either orally
    // (as a tablet) or intravenously (IV) as a 1-hour infusion": the IV option's time, not a dose's whose route is open.)
    if (typeof inf === 'number' && r.infusionMinutes === null && !infusionUnclear.has(r) && (r.route === 'IV' || (r.route === null && named !== AMBIGUOUS && /\binfus/i.test(text)))) r.infusionMinutes = inf;
    if (r.route === null && !routeUnclear.has(r)) {
      if (route !== null && route !== AMBIGUOUS) r.route = route;
      else if (named !== null && named !== AMBIGUOUS) continue;
    }
    if (duration !== null && duration !== AMBIGUOUS && r.durationDays === null && r.durationWeeks === null) continue;
    out.push(r);
  }
  return out;
}

function sentenceRegimens(
  s: string,
  amounts: Amount[],
  line: TextLine,
  chain: readonly TextLine[],
  infos: readonly (LabelInfo | null)[],
  doselessAncestors: string,
  sectionIngredient: string | null,
  introRoute: Route | null,
  introRouteSure: boolean,
  scope: Scope,
): Regimen[] {
  // Maxima and candidates.
  let maxDaily: number | null = null;
  let maxConflict = false;
  const kept: { amount: Amount; ingredient: string | null; daily: boolean; weekly: boolean }[] = [];
  const example = /^(?:for example|for instance|e\.g\.),?\s+([\p{L}][\p{L}-]+)\s+(?:might|may|can|could|is|are|would)\s+(?:be\s+)?(?:given|administered|used|prescribed|taken|dosed)\b/iu.exec(s);
  // "For example, metoclopramide might be given as 10 mg": another drug's example dose (a class page).
  const notDosing = NOT_DOSING.test(s) || DOSE_REFERENCE.test(s) || /\b(?:AI|UL)\b/.test(s) || (example !== null && !isOwnName(fold(example[1]!), scope)) || UNIT_COUNT.test(s.replace(/\([^()]*\)/g, ' ').replace(MAX_UNIT_COUNT, ' '));
  let prevMax: Amount | null = null;
  let prevIncrement: Amount | null = null;
  let prevStrength: Amount | null = null;
  for (let a of amounts) {
    const before = s.slice(0, a.start);
    const after = s.slice(a.end);
    const paren = a.inParens ? before.slice(before.lastIndexOf('(') + 1) : before;
    // "not to exceed 1200 mg/day or 3200 mg/day": every amount of a listed maximum is one.
    // (a comma ends the list: "up to 24 mg orally (…), or 0.15 mg/kg IV" is a dose)
    const gapAfterMax = prevMax === null ? '' : s.slice(prevMax.end, a.start).replace(/\([^()]*\)/g, ' ');
    // ("should not exceed 32 mg Bromhexine, 24 mg Chlorpheniramine Maleate, and 2400 mg Guaifenesin": one per ingredient.)
    const namedItem = /^\s*([\p{L}][\p{L}\d -]{0,40}?)\s*,\s*(?:and\s+)?$/u.exec(gapAfterMax);
    const listedMax = prevMax !== null && !a.inParens && !STRONG_BREAK.test(gapAfterMax) && (!/[,;]/.test(gapAfterMax) || (namedItem !== null && isOwnName(fold(namedItem[1]!.split(/\s+/)[0]!), scope)));
    if (!a.inParens) prevMax = null;
    // "not exceeding the maximum daily dose (typically 4000mg)": the parenthesis gives the maximum.
    const parenOfMax = a.inParens && /\bmax(?:imum|\.)?(?:\s+\w+){0,3}\s*\(\s*(?:\w+\s+)?$/i.test(before);
    // ("the maximum daily dose is reduced to 60 mg": the clause of a maximum runs up to a comma, not to "reduced to")
    const maxClause = paren.slice(Math.max(paren.lastIndexOf(','), paren.lastIndexOf(';'), paren.search(/\b(?:then|followed by)\b(?!.*\b(?:then|followed by)\b)/i)) + 1);
    // "… but 10mg is the maximum daily dose": a maximum named after its amount.
    const maxAfter = a.inParens ? null : MAX_AFTER.exec(after);
    // "The maximum daily dose depends on weight: 50 mg TID if weight ≤60 kg; 100 mg TID if weight >60 kg": a list of maxima.
    const maxList = !a.inParens && MAX_LIST_LEAD.test(before);
    // "Increase weekly by 50 mg twice daily up to a maintenance dose of 100-200 mg twice daily": the dose aimed at, no cap.
    if (!UP_TO_MAINTENANCE.test(before) && (MAX_BEFORE.test(paren) || MAX_IN_CLAUSE.test(maxClause) || listedMax || parenOfMax || maxAfter !== null || maxList)) {
      prevMax = a;
      // "Ciprofloxacin 500 mg + Tinidazole 600 mg twice daily, along with Loperamide as needed (4 mg initially, then 2 mg
      // after each loose stool, not exceeding 16 mg/day)": on a combination page, a parenthesis with doses of its own
      // caps those, not the sentence's.
      const parenStart = a.inParens ? before.lastIndexOf('(') : -1;
      if (parenStart >= 0 && scope.ingredients.length > 1 && amounts.some((b) => b !== a && b.inParens && b.start > parenStart && b.end <= a.start)) continue;
      // "100-300 mg daily for pellagra, up to 3 grams per day for conditions like osteoarthritis": the top dose of
      // another use, no maximum of this one.
      const forOther = /^\s*(?:\/\s*day|(?:per|a)\s+day|daily)?\s*(?:for|in)\s+([^,;.()]{3,60})/i.exec(after);
      // (not "up to a maximum daily dose of 30 grams for acute bleeding", the maximum of the use the sentence is about)
      const forEarlier = /\bfor\s+([^,;.()]{3,40})/i.exec(before);
      if (forOther && forEarlier && !/\b(?:hours?|days?|weeks?|months?|years?|minutes?|adults?|children|patients|infants|elderly)\b/i.test(forEarlier[1]!) && !sameCondition(forEarlier[1]!, forOther[1]!) && (/\bconditions?\s+(?:like|such\s+as)\b/i.test(forOther[1]!) || namesConditionWord(forOther[1]!))) continue;
      // "20 mg/kg/day (up to a maximum of 850 mg)": the parenthesis right after a daily amount caps the day — when
      // they are the sentence's only amounts (the sentence's maximum is every dose's: "2 mg/kg/day (up to 100 mg) …,
      // or 4 mg/kg once weekly (up to 200 mg)" has none).
      const prevDose = kept[kept.length - 1];
      const capsDailyDose = amounts.length === 2 && a.inParens && prevDose !== undefined && prevDose.daily && s.slice(prevDose.amount.end, before.lastIndexOf('(')).trim() === '';
      const daily = a.daily || capsDailyDose || maxAfter?.[1] !== undefined || /^\s*(?:daily|a day|per day|\/day|in 24 hours|in (?:a|any) 24[- ]hours? period|per 24 hours|every 24 hours|once (?:daily|a day))\b/i.test(after) || /\bdaily\b[^.]{0,20}$/i.test((parenOfMax ? before : maxClause).slice(-40)) || (a.inParens && /\bdaily\s+(?:doses?|dosages?|amounts?)\s+(?:not\s+(?:exceeding|to\s+exceed|more\s+than)|(?:of\s+)?up\s+to)\s*$/i.test(paren)) || /\bmax(?:imum|\.)?\s+daily\s+(?:doses?|dosages?)\s+(?:[a-z]+\s+){0,3}$/i.test(maxClause.slice(-60));
      // ("a maximum daily dose of 110 mg for children under 3 years and 275 mg for children over 3 years": the cap of one
      // group of the dose's patients, not of the dose.)
      if (GROUP_CAP_AFTER.test(after)) {
        maxConflict = true;
        continue;
      }
      if (daily && a.min === a.max && a.per === null) {
        if (maxDaily !== null && maxDaily !== a.max) maxConflict = true;
        maxDaily = a.max;
      }
      continue;
    }
    if (a.inParens || notDosing) continue;
    // "Capecitabine is given concurrently at a dose of 750 mg/m²": another drug's dose (not "… and neratinib 240 mg").
    if (otherDrugSubject(before, scope) && !ownNameBeside(before, after, scope)) continue;
    // "0 g", "0-5 mg": no amount to give.
    if (a.min <= 0) continue;
    // "If there is no response … at 1 mg/kg, the dose may be increased to …": the condition's amount.
    if (/^\s*(?:if|when|after|unless|in case|once|where)\b/i.test(s) && !/[,;]/.test(before.replace(/\([^()]*\)/g, '')) && /,/.test(after)) continue;
    if (TOTAL_BEFORE.test(before) && !TOTAL_DAILY_BEFORE.test(before)) continue;
    // "250 mg three or four times a day, aiming for a total daily dose of 10-15 mg/kg/day": a target, not a dose.
    // (not "increasing … to reach a total daily dose of 60-120 mg", the escalation's end)
    if (/\b(?:aim(?:ing)?\s+(?:for|at)|targeting)\s+(?:an?\s+)?(?:total\s+)?(?:daily\s+)?(?:dose|dosage|intake)?\s*(?:of\s+)?$/i.test(before)) continue;
    // "2 grams per 10 cm²": an amount per area of skin, not a dose.
    if (/^\s*(?:\([^()]*\)\s*)?(?:per|\/|for each)\s*(?:\d+\s*)?(?:cm|square|sq\.?\s*cm|inch)/i.test(after)) continue;
    // "250 mg (650,000 IU) per 5 kg body weight": an amount per band of weight, not a dose.
    if (/^\s*(?:\([^()]*\)\s*)?(?:per|\/|for each|for every)\s*\d+(?:\.\d+)?\s*(?:kg|kilograms?|lbs?|pounds?)\b/i.test(after)) continue;
    if (DIVIDED_OVER.test(after)) continue;
    // "50 mcg is equivalent to 1 million units": a conversion between units, not a dose.
    if (/^\s*(?:\/\s*(?:kg|m²|m2)\s*)?(?:is|are|=)\s+(?:equivalent|equal|equals|corresponds?)\b|^\s*(?:is|are)\s+(?:roughly\s+|approximately\s+|about\s+)?(?:equivalent|equal)\s+to\b/i.test(after)) continue;
    // "400 mg/kg to 2 g/kg, given as a single dose or spread over several days": maybe a course's total.
    if (SPREAD_OVER.test(after.split(/[.;]/)[0]!)) continue;
    // "30 mg or higher": a lower bound.
    if (/^\s*(?:\/\s*(?:kg|m²|m2)\s*)?(?:or|and)\s+(?:higher|more|above|greater|over)\b/i.test(after)) continue;
    // "doses of 500 mg or less": an upper bound.
    if (/^\s*(?:\/\s*(?:kg|m²|m2)\s*)?(?:or\s+(?:less|lower|fewer|below|under)|at\s+most)\b/i.test(after)) continue;
    // "increased gradually by 500 mg every week or 850 mg every two weeks": both are increments.
    const gapAfterIncrement = prevIncrement === null ? '' : s.slice(prevIncrement.end, a.start).replace(/\([^()]*\)/g, ' ');
    // ("in increments of 125 mg, 250 mg, or 375 mg": a list, with commas.)
    // ("in increments of 2 mg rosiglitazone/500 mg metformin": a pair of the ingredients' amounts, both increments.)
    const listedIncrement = prevIncrement !== null && !STRONG_BREAK.test(gapAfterIncrement) && ((!/[,;]/.test(gapAfterIncrement) && /\bor\b|\band\b/.test(gapAfterIncrement)) || /^\s*,\s*(?:(?:or|and)\s+)?$/.test(gapAfterIncrement) || /^\s*[\p{L}][\p{L}\d-]*\s*\/\s*$/u.test(gapAfterIncrement));
    prevIncrement = null;
    if (NOT_A_DOSE_BEFORE.test(before) || listedIncrement) {
      if (listedIncrement || /\bby(?:\s+(?:approximately|about|around|roughly|up\s+to))?\s*$|\bincrements?\s+of\s*$|\bsteps?\s+of\s*$/i.test(before)) prevIncrement = a;
      continue;
    }
    // "from 300 mg to 200 mg" is a change of dose; "after escalation from 3 mg and 10 mg" names the steps.
    if (FROM_BEFORE.test(before) && !RANGE_FROM.test(before) && !/\b(?:escalat\w*|titrat\w*)\s+from\s*$/i.test(before)) continue;
    if (kept.length > 0 && COMPARISON.test(before.slice(kept[kept.length - 1]!.amount.end))) break;
    // "Discontinue permanently if the 15 mg/m² dose is not tolerated": a dose named before, not an instruction to give it
    // ("increase to the 30 mg dose" is one).
    if (/\b(?:the|this|that)\s*$/i.test(before) && /^\s*doses?\b/i.test(after) && !/\b(?:increas|escalat|titrat|reduc|decreas|switch|giv|administ|continu|start|begin|resum|us|mov|proceed)\w*\s+(?:\w+\s+){0,2}(?:the|this|that)\s*$/i.test(before)) continue;
    // Strengths and contents of a product, and a sentence about a dose stated before, are no regimens.
    // ("given as two 250 mg tablets", "in 500 mg capsules"; not "One 500 mg tablet twice daily", the dose itself)
    const productUnit = /\b(?:as|in|using)\s+(?:(?:one|two|three|four|a|an|\d+)\s+)?$|\b(?:multiple|several|various|different|or)\s*$|\bfrom\s+(?:(?:a|one|the)\s+)?(?:single\s+)?$/i.test(before) || (/\b(?:a|an|one)\s+$/i.test(before) && before.trim().split(/\s+/).length > 1 && !(DOSE_IS_ONE.test(before) && !WITH_OTHER_AMOUNT.test(after)));
    if ((STRENGTH_AFTER.test(after) && productUnit) || CONTENTS_BEFORE.test(before)) continue;
    // "2 mg or 4 mg lozenges.": strengths the product comes in, listed, with no word of how often to take one
    // ("a combination of 3.6 mg and 10.8 mg implants": the list's last one too).
    const listEnd = prevStrength !== null && /^\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)$/i.test(s.slice(prevStrength.end, a.start));
    prevStrength = null;
    if ((STRENGTHS_LISTED.test(after) && frequencyOf(after) === null) || listEnd) {
      prevStrength = a;
      continue;
    }
    // "300 mg Irbesartan/12.5 mg": the name before the slash is the earlier amount's; this one's must follow it.
    const pairName = /\d\s*(?:mg|g|mcg|µg|μg)\s+[\p{L}][\p{L}\d-]*\s*\/\s*$/u.test(before);
    const afterWord = /^\s*(?:of\s+)?([\p{L}][\p{L}\d'’-]*)/u.exec(after)?.[1];
    if (pairName && !(afterWord !== undefined && isOwnName(fold(afterWord), scope))) {
      // … and the pair's first amount ("300 mg Irbesartan/12.5 mg or …") is no clearer a dose than the second.
      const prev = kept[kept.length - 1];
      if (prev && /^\s*[\p{L}][\p{L}\d-]*\s*\/\s*$/u.test(s.slice(prev.amount.end, a.start))) kept.pop();
      continue;
    }
    // "End-stage renal disease (ESRD) on intermittent hemodialysis: 250 mg …": a sentence opening with a group too long
    // to be read as a label; its last word is no word next to the dose.
    const groupOpening = /^([^:;.]{3,120}):\s*$/.exec(before);
    const groupRead = groupOpening ? populationOf(groupOpening[1]!) : null;
    const ing = pairName ? ingredientOf(fold(afterWord!), scope) : adjacentIngredient(groupRead !== null && groupRead !== AMBIGUOUS ? '' : before, after, scope);
    if (ing === false) continue;
    // "500 mg/125 mg", "90mg/6.4mg/kg/day of amoxycillin/clavulanic acid" on a combination page: which
    // amount is which ingredient is not written next to it ("Valsartan 51 mg/Sacubitril 49 mg" is).
    // ("1200 mg/600 mg loading dose" on a single drug's page: a product of two drugs, or a strength per volume.)
    if ((/^\s*\/\s*\d/.test(after) || /\d\s*(?:mg|g|mcg|µg|μg)\s*\/\s*$/i.test(before)) && (scope.ingredients.length > 1 ? !leftNamesIngredient(before, scope) : !namesOwnNext(before, after, scope))) continue;
    const prevKept = kept[kept.length - 1];
    // "a single daily dose of 10 mg (infants) or 20 mg (children)": the second is a daily dose too.
    const listed = prevKept !== undefined && LIST_GAP.test(s.slice(prevKept.amount.end, a.start).replace(/\([^()]*\)/g, ' '));
    // "2 to 3 mg of diethylcarbamazine per kilogram of body weight": the body unit after the name.
    const perAfter = a.per === null ? /^\s*(?:of\s+)?(?:[\p{L}-]+\s+){1,3}(?:per|\/)\s*(kg|kilograms?|m²|m2|square met)|^\s*\([^()]*\)\s*\/\s*(kg|m²|m2)\b/iu.exec(after) : null;
    if (perAfter) a = { ...a, per: /^k/i.test(perAfter[1] ?? perAfter[2]!) ? 'kg' : 'm2' };
    kept.push({
      amount: a,
      ingredient: ing,
      daily: a.daily || TOTAL_DAILY_BEFORE.test(before) || DAILY_DOSE_BEFORE.test(before) || DAILY_DOSE_AFTER.test(after) || (listed && prevKept.daily && !prevKept.amount.daily) || namePerDay(after, scope),
      weekly: WEEKLY_DOSE_BEFORE.test(before) || (listed && prevKept.weekly),
    });
  }
  if (maxConflict) maxDaily = null;
  if (kept.length === 0) return [];

  // "100 mg piperacillin/12.5 mg tazobactam per kg": the body unit written once for the chain.
  for (const m of s.matchAll(PER_BODY_CHAIN)) {
    const from = m.index;
    const to = from + m[0].length;
    const per = /kg/i.test(m[1]!) ? 'kg' : 'm2';
    for (const k of kept) if (k.amount.start >= from && k.amount.end <= to && k.amount.per === null) k.amount = { ...k.amount, per };
  }

  // Cut the sentence between doses: what follows a connector belongs to the next dose.
  const clean = withoutAmountParens(s);
  const cands: Candidate[] = [];
  let leftStart = 0;
  for (let i = 0; i < kept.length; i++) {
    const k = kept[i]!;
    const next = kept[i + 1];
    let rightEnd = s.length;
    let nextLeft = s.length;
    if (next) {
      const gap = s.slice(k.amount.end, next.amount.start);
      // No connector between two doses: what follows the first is the first's.
      let cut = gap.length;
      CONNECTOR.lastIndex = 0;
      for (let m = CONNECTOR.exec(gap); m; m = CONNECTOR.exec(gap)) {
        if (parenDepthIn(gap, m.index) === 0) cut = m.index;
      }
      rightEnd = k.amount.end + cut;
      nextLeft = rightEnd;
    }
    // … and before the clause of the next amount, even one that is no dose ("… and is increased in increments of 500mg").
    const nextAny = amounts.find((a) => a.start >= k.amount.end && !a.inParens);
    if (nextAny && nextAny.start < rightEnd) {
      const clauseStart = nextAny.start - clauseBefore(s.slice(0, nextAny.start)).length;
      if (clauseStart > k.amount.end) rightEnd = Math.min(rightEnd, clauseStart);
    }
    let right = clean.slice(k.amount.end, rightEnd);
    const cutAt = CUT_RIGHT.exec(right);
    if (cutAt) right = right.slice(0, cutAt.index);
    // "…every 2 weeks for 12 weeks, then every 4 weeks": what follows "then" is a later step (with no amount of its own).
    const step = /,?\s*\b(?:then|followed by|thereafter|after which|subsequently)\b/i.exec(right);
    if (step) right = right.slice(0, step.index);
    // "250-500mg orally every 6 hours for less severe infections, to much higher intravenous doses (…)": the other end of a range of doses.
    const contrast = /,\s*(?:to|while|whereas)\s+(?:much\s+|even\s+|far\s+)?(?:higher|lower|larger|smaller|greater)\b/i.exec(right);
    if (contrast) right = right.slice(0, contrast.index);
    // "… every 12 hours with a maximum dose of 24 mcg daily": the maximum's words are not the dose's.
    // ("for a maximum of 7 days" is how long, not a maximum dose.)
    const maxAt = /,?\s*\b(?:(?:with|to|at)\s+a\s+)?(?:(?<!\bfor\s+a\s+)max(?:imum|\.)?\b|not\s+(?:to\s+)?exceed\w*|up\s+to\s+(?:a\s+)?\d[\d.,]*\s*(?:mg|g|mcg|µg|μg)\b)/i.exec(right);
    if (maxAt) right = right.slice(0, maxAt.index);
    // What stands before the dose, from its own clause: a dropped amount before it (a maximum,
    // another drug's dose) does not lend it its words.
    const leftFrom = Math.max(leftStart, k.amount.start - clauseBefore(s.slice(0, k.amount.start)).length);
    cands.push({ amount: k.amount, left: clean.slice(leftFrom, k.amount.start), right, leftFrom, ingredient: k.ingredient });
    leftStart = nextLeft;
  }

  // Sentence-wide readings.
  const sentenceText = clean.replace(CUT_RIGHT, ' ');
  const otherTreatmentRoute = OTHER_TREATMENT_ROUTE.test(s);
  OTHER_TREATMENT_ROUTE.lastIndex = 0;
  const sRoute = routeOf(otherTreatmentRoute ? sentenceText.replace(OTHER_TREATMENT_ROUTE, ' ') : sentenceText);
  const sCycle = cycleDaysOf(sentenceText);
  // The course the lines above state for the doses below them (read once for the sentence's doses).
  const ancestorDuration = statedDuration(doselessAncestors);
  const sInfusion = infusionMinutesOf(sentenceText);
  const sPopulation = populationOf(s.slice(0, kept[0]!.amount.start)) ?? suffixPopulation(s.slice(kept[kept.length - 1]!.amount.end));
  const lead = indicationOf(s.slice(0, kept[0]!.amount.start));
  // "For patients with severe disease …,": the sentence opens with what may be a condition the reader does not take.
  if (lead === AMBIGUOUS) return [];
  // "can range from Metoprolol Succinate 25 mg / Chlorthalidone 6.25 mg to Metoprolol Succinate 100 mg / Chlorthalidone
  // 25 mg": a range of a combination's paired strengths, each end two amounts; not read (its ends are no doses).
  if (s.includes('/') && PAIRED_RANGE.test(s)) return [];
  const sIndication = lead;
  // "The typical dosage for adults with <a condition not read> is 1000 mg/m²": a condition named before the doses and not read.
  // ("For general supplementation or preventing deficiency, doses around 400 mcg …": purposes, no condition.)
  const opening = s.slice(0, amounts[0]!.start).replace(/\([^()]*\)/g, ' ').replace(SURGICAL_PURPOSE, ' ').replace(GENERAL_PURPOSE, ' ');
  if (sIndication === null && namesConditionWord(opening) && !/\b(?:impair\w*|insufficien\w*|dysfunction|failure|disease)\b/i.test(opening)) return [];
  // "For cystic fibrosis-associated liver disease, …": an organ's disease is a condition or a population, not clear which.
  if ((sPopulation === 'renal' || sPopulation === 'hepatic') && ORGAN_DISEASE.test(s.slice(0, kept[0]!.amount.start)) && !ORGAN_IMPAIRMENT.test(s.slice(0, kept[0]!.amount.start))) return [];
  // What the sentence says outside every dose's own words: a frequency or duration there belongs to no dose for sure.
  const covered = clean.split('');
  for (const c of cands) for (let x = c.leftFrom; x < c.amount.end + c.right.length && x < covered.length; x++) covered[x] = ' ';
  // … nor in the clause of an amount that is no dose ("up to a maximum of 100 mg daily", "24 mg orally (…)").
  for (const a of amounts) {
    if (a.inParens || kept.some((k) => k.amount.start === a.start)) continue;
    const from = a.start - clauseBefore(s.slice(0, a.start)).length;
    CONNECTOR.lastIndex = 0;
    const after = s.slice(a.end);
    let to = s.length;
    for (let m = CONNECTOR.exec(after); m; m = CONNECTOR.exec(after)) {
      if (parenDepthIn(after, m.index) === 0) {
        to = a.end + m.index;
        break;
      }
    }
    for (let x = from; x < to && x < covered.length; x++) covered[x] = ' ';
  }
  const restText = covered.join('').replace(CUT_RIGHT, ' ');
  const restFrequency = frequencyOf(restText);
  const restDuration = durationOf(restText);
  // A route named outside every dose's own words, in a sentence naming several ("Oral and intravenous dosages are 600 mg").
  // (the sentence's opening "For elderly patients, …" is read as the sentence's population, not here)
  const restPopulations = populationsIn(covered.join('').slice(kept[0]!.amount.start));
  const restRoutes = routesIn(otherTreatmentRoute ? restText.replace(OTHER_TREATMENT_ROUTE, ' ') : restText);
  // ("0.5–1 mcg daily, adjusted according to serum calcium levels": a lab value names no ingredient of the dose.)
  const sentenceIngredients = scope.ingredients.length > 1 ? ingredientsNamed(s.replace(LAB_VALUE, ' '), scope) : [];

  const out: Regimen[] = [];
  const candPhases: (Phase | null)[] = [];
  // A most-units-a-day limit of the sentence (see below).
  const unitCap = DAILY_UNIT_CAP.exec(s);
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    const k = kept[i]!;
    const seg = `${c.left} ${c.amount.text} ${c.right}`;
    // A list "250 mg or 500 mg twice daily": the earlier amounts share what follows the last.
    const listGap = (j: number): boolean => LIST_GAP.test(stripNames(s.slice(cands[j - 1]!.amount.end, cands[j]!.amount.start).replace(/\([^()]*\)/g, ' '), scope));
    let shared = c.right;
    for (let j = i + 1; j < cands.length && listGap(j); j++) shared = cands[j]!.right;
    // "30 grams daily, divided into six doses of 5 grams each for up to 16 weeks": the next amount is this day's share,
    // and what its words say (how many doses, how long) is said of this day too.
    const nextShare = cands[i + 1] !== undefined && /^\W*(?:(?:typically|usually|often|generally)\s+)?(?:divided|split)\s+into\s+(?:\w+\s+(?:equal\s+)?doses\s+of\s*)?$/i.test(cands[i + 1]!.left) ? cands[i + 1]! : null;
    const own = (shared === c.right ? seg : `${seg} ${shared}`) + (nextShare ? ` ${nextShare.left} ${nextShare.right}` : '');
    // "Typical BID dosing is Lopinavir 400 mg/Ritonavir 100 mg": the later amounts share what stands before the first
    // (how often, how long, the days; not the phase, read below).
    let listLeft = '';
    for (let j = i; j > 0 && listGap(j); j--) listLeft = cands[j - 1]!.left;
    // "a single dose of either 166.5 mg intravenously or 180 mg orally given … on day 1": alternatives opened by
    // "either" share what follows the last one (its days, duration, how often), not its route.
    let eitherTail = '';
    if (/\beither\s+$/i.test(s.slice(0, c.amount.start))) {
      for (let j = i + 1; j < cands.length; j++) {
        if (!/^\s*(?:[\p{L}-]+\s+){0,3}or\s+$/iu.test(s.slice(cands[j - 1]!.amount.end, cands[j]!.amount.start))) break;
        eitherTail = cands[j]!.right;
      }
    }

    // ("as a single dose on Day 1 or divided equally on Days 1 and 8": a cycle's amount split over its days, no daily total.)
    // "600 mg daily, typically divided into 150 mg four times a day": the amount is the day's share, given as its own
    // words say.
    const shareOfDay = /\b(?:divided|split)\s+into\s*$/i.test(c.left);
    const divided = shareOfDay || /\bdivided\s+(?:equally\s+)?(?:on|over|between|across)\s+days?\b/i.test(own) ? null : DIVIDED.exec(own);
    // "once daily or in two divided doses of 160 mg", "divided into six doses of 5 grams each": the amount is each of the
    // divided doses, not the day's.
    const eachDivided = divided !== null && /\bdivided\s+(?:into\s+(?:\w+\s+)?)?doses\s+of\s*$/i.test(c.left);
    // How many doses the day is divided into, when said ("in 4 divided doses", "divided into two doses").
    const dividedWord = divided === null ? undefined : (divided[1] ?? divided[2] ?? divided[3]);
    const dividedCount = dividedWord ? numberOf(dividedWord) : null;
    let daily = k.daily || (!eachDivided && divided !== null && /\b(?:daily|a day|per day|\/day)\b/i.test(own));
    // A daily total's "per day" says what the amount is, not how often it is given.
    let freqRead = frequencyOf(daily ? own.replace(/\b(?:per|a|each)\s+day\b|\/\s*day\b/gi, ' ') : own);
    if (freqRead === null && eitherTail) freqRead = frequencyOf(eitherTail);
    if (freqRead === null && listLeft) freqRead = frequencyOf(listLeft);
    // "1 mg for patients under 50kg, 1.5 mg for patients weighing 50-70kg, and 2 mg for patients over 70kg, every 4
    // hours": a list of doses each for its group, then how often, for all of them.
    if (freqRead === null) {
      let j = i + 1;
      while (j < cands.length && QUALIFIED_GAP.test(s.slice(cands[j - 1]!.amount.end, cands[j]!.amount.start))) j++;
      const tail = j > i + 1 && j === cands.length ? QUALIFIED_TAIL.exec(cands[j - 1]!.right) : null;
      if (tail) freqRead = frequencyOf(tail[1]!);
    }
    // "cSSSI: Dosage is based on age and weight, administered intravenously once daily:" above "12-17 years: 5 mg/kg".
    if (freqRead === null && !daily && doselessAncestors) freqRead = frequencyOf(doselessAncestors);
    let frequency: Frequency | null = freqRead === AMBIGUOUS ? null : freqRead;
    if (k.weekly && frequency === null) frequency = { timesPerDay: null, timesPerWeek: null, everyDays: 7 };
    // "Intermittent (twice weekly): 50-70 mg/kg …": a label that only says how often, for a dose that does not.
    if (freqRead === null && frequency === null && !daily) frequency = labelFrequency(chain);
    // "1.5-9 mg daily (dosing frequency may vary)": a daily amount, how often not said.
    const frequencyVaries = /\bfrequency\s+(?:may\s+|can\s+|will\s+)?var(?:y|ies)\b|\bvarying\s+frequenc/i.test(own);
    if (eachDivided) {
      frequency = dividedCount !== null && Number.isInteger(dividedCount) ? { timesPerDay: dividedCount, timesPerWeek: null, everyDays: null } : null;
    } else if (divided && /\bor\s+(?:in\s+)?divided\b|\b(?:single|once)\b[^.;]{0,40}\bor\b[^.;]{0,30}\bdivided\b|\bdivided\b[^.;]{0,30}\bor\s+(?:as\s+)?(?:a\s+)?(?:single|once|\w+\s+(?:divided\s+)?doses)\b/i.test(own)) {
      // "as a single dose or in two divided doses": how often is not one number.
      daily = true;
      frequency = null;
    } else if (divided) {
      const count = dividedCount;
      if (daily || count !== null) {
        daily = true;
        // "400-800 mg daily in 4 divided doses": the daily total given four times a day.
        if (count !== null && Number.isInteger(count) && (frequency === null || frequency.timesPerDay === count || frequency.timesPerDay === 1)) frequency = { timesPerDay: count, timesPerWeek: null, everyDays: null };
        // "25-50 mg/kg/day divided into four doses, four days a week": four times on each of those days.
        else if (count !== null && Number.isInteger(count) && frequency?.timesPerDay === null && frequency.timesPerWeek !== null && frequency.everyDays === null) frequency = { ...frequency, timesPerDay: count };
        else {
          // "2 to 4 grams daily, administered in equally divided doses every 12 hours": as many as the interval gives
          // (the sentence's "daily" and "every 12 hours" read together are no one frequency).
          const hours = count === null ? Number(DIVIDED_EVERY_HOURS.exec(own)?.[1] ?? 0) : 0;
          if (hours > 0) frequency = 24 % hours === 0 && hours < 24 ? { timesPerDay: 24 / hours, timesPerWeek: null, everyDays: null } : null;
          else if (frequency?.timesPerDay === 1) frequency = null; // "daily in divided doses": how many is not said
        }
      }
    } else if (daily && frequency?.timesPerDay === 1 && !/\b(?:once|one time|at bedtime|before bedtime|at night|nightly|in the morning)\b/i.test(own)) {
      // "600 mg per day": a daily total; the "per day" is not a second "once daily" (but "0.05 mg/kg/day orally at
      // bedtime" is given once).
      frequency = null;
    }

    // "One 2.4 mg lozenge every 2 hours as needed, not to exceed 10 lozenges per day": a daily cap below what the
    // interval gives makes the interval a least spacing, not a schedule.
    if (unitCap && frequency !== null && frequency.timesPerDay !== null && Number(unitCap[1]) < frequency.timesPerDay) frequency = null;
    if (frequencyVaries) {
      if (frequency?.timesPerDay === 1 || /\bdaily\b/i.test(`${c.amount.text}${c.right}`)) daily = true;
      frequency = null;
    }
    // "as a single daily dose", "15 mg/kg/day as a single dose": once a day.
    // ("A single daily dose of 20 mg taken orally": said before the amount.)
    if (frequency === null && !divided && (/\b(?:a|one)\s+single\s+daily\s+dose\b|\bonce[- ]daily\s+dose\b/i.test(`${c.amount.text}${c.right}`) || /\b(?:a|one)\s+single\s+daily\s+dose\s+(?:of\s+)?$/i.test(c.left) || (daily && /^\W*(?:given\s+|taken\s+|administered\s+)?as\s+(?:a|one)\s+single\s+(?:oral\s+|daily\s+)?dose\b/i.test(c.right))))
      frequency = { timesPerDay: 1, timesPerWeek: null, everyDays: null };
    // "every 20 minutes", "3 times": words of how often that the reader does not understand.
    // (not "every 2 minutes": a repetition within minutes is no dosing frequency)
    // (not "for 5 days, repeated every 3-4 weeks": the course's repetition)
    if (freqRead === null && frequency === null && /\bevery\b|\btimes\b|\bq\s?\d/i.test(withoutCourseRepeat(own).replace(/\bat\s+all\s+times\b|\bevery\s+\d+(?:\s*(?:-|–|to)\s*\d+)?\s*min(?:ute)?s?\b/gi, ' '))) continue;
    const dur = durationOf(own) ?? (eitherTail ? durationOf(eitherTail) : null) ?? (listLeft ? durationOf(listLeft) : null) ?? ancestorDuration;
    // A frequency or duration the sentence states outside every dose's words may be this dose's: not clear.
    if (freqRead === null && frequency === null && !daily && restFrequency !== null && restFrequency !== AMBIGUOUS) continue;
    if (dur === null && restDuration !== null && restDuration !== AMBIGUOUS) continue;
    // "once weekly for up to 7 weeks followed by a one-week rest; subsequent cycles: once weekly for 3 weeks out of
    // every 4 weeks": another duration in the sentence makes the dose's own unclear (the dose stands, without it).
    const durationKnown = dur !== null && dur !== AMBIGUOUS && !(restDuration !== null && restDuration !== AMBIGUOUS && (restDuration.days !== dur.days || restDuration.weeks !== dur.weeks));
    const inf = infusionMinutesOf(own);
    const cyc = cycleDaysOf(own);
    const days = daysOf(own) ?? (eitherTail ? daysOf(eitherTail) : null) ?? (listLeft ? daysOf(listLeft) : null);
    let segRoute = otherTreatmentRoute ? routeOf(own.replace(OTHER_TREATMENT_ROUTE, ' ')) : routeOf(own);
    // "Oral: 200 mg once daily or 400 mg once daily for 10 days; Intravenous: 400 mg single dose": a route label inside
    // the line opens the clause its doses stand in.
    if (segRoute === null) {
      const head = s.slice(0, c.amount.start);
      const inline = [...head.slice(head.lastIndexOf(';') + 1).matchAll(INLINE_ROUTE_LABEL)];
      const r = inline.length === 1 ? routeOf(inline[0]![1]!) : null;
      if (r !== null && r !== AMBIGUOUS) segRoute = r;
    }
    // "70-200 mg IV every 6-8 hours are often used, although oral administration is also utilized": the route right after
    // the amount, up to the clause's end, is the dose's own ("500 mg IV or IM" names two and stays unclear).
    // ("1 mg subcutaneously, intramuscularly, or intravenously": a list of routes, still unclear.)
    if (segRoute === AMBIGUOUS && /^\s*(?:iv|im|sc|po|orally|intravenously|intramuscularly|subcutaneously)\b/i.test(c.right)) {
      const [clause = '', ...rest] = c.right.split(/[,;]/);
      const listed = /^\s*(?:or\s+|and\s+)?(?:iv|im|sc|sq|po|oral(?:ly)?|intravenous(?:ly)?|intramuscular(?:ly)?|subcutaneous(?:ly)?|rectal(?:ly)?|sublingual(?:ly)?|by mouth|inhaled|topical(?:ly)?)\b/i.test(rest.join(','));
      const own = routeOf(clause);
      if (!listed && own !== null && own !== AMBIGUOUS) segRoute = own;
    }

    // Phase: the words before the amount, a "then to" chain, or a label.
    // ("5 mg Prasugrel maintenance dose": the drug's own name between the amount and its phase.)
    const nameAfter = /^\s*([\p{L}][\p{L}\d-]*)/u.exec(c.right)?.[1];
    const phaseRight = nameAfter !== undefined && isOwnName(fold(nameAfter), scope) ? c.right.replace(nameAfter, ' ') : c.right;
    const asPhase = /^\W*(initially)\b|^\W*(?:as\s+(?:a|an|the)\s+)?(?:(?:iv|im|sc|oral|intravenous|subcutaneous|intramuscular)\s+)?(loading|maintenance|initial|starting|induction)\s+doses?\b|\(\s*(loading|maintenance|initial|induction)(?:\s+(?:dose|phase|therapy))?\s*\)/i.exec(phaseRight);
    // "a 400 mg loading dose": the noun after the amount names its phase before a verb before it ("begins with").
    // ("increase … up to a maintenance dose of 100-200 mg": the maintenance dose aimed at.)
    const toMaintenance = UP_TO_MAINTENANCE.test(c.left);
    let phase: Phase | null = asPhase ? lastPhase(asPhase[1] ?? asPhase[2] ?? asPhase[3]!) : toMaintenance ? 'maintenance' : lastPhase(c.left);
    // "reduce the initial dose to 750 mg/m²": two phases before the dose; which is its own is not clear.
    if (!asPhase && !toMaintenance && phasesIn(c.left).length > 1) continue;
    // (Its own words say how often it is given, not the steps' before it: "Increase weekly by 50 mg twice daily up to …".)
    if (toMaintenance && frequency === null && !daily) {
      const f = frequencyOf(c.right);
      if (f !== null && f !== AMBIGUOUS) frequency = f;
    }
    // "0.1 mg/kg every 8 hours initially".
    if (phase === null && /\binitially\b/i.test(c.right)) phase = 'initial';
    // "5 to 20 mg IM every 2 weeks is a typical starting dose", "… for induction".
    const later = /\b(?:is|are)\s+(?:a|the|an)\s+(?:typical\s+|usual\s+|recommended\s+|common\s+)?(initial|starting|loading|maintenance|induction)\s+dose\b|\bfor\s+(?:the\s+)?(induction|maintenance|initial)(?:\s+(?:therapy|treatment|phase))?\b|\bfor\s+(?:\w+\s+)?(loading|maintenance|induction|initial)\s+doses\b/i.exec(s.slice(k.amount.end, cands[i + 1]?.amount.start ?? s.length));
    if (phase === null && later) phase = lastPhase(later[1] ?? later[2] ?? later[3]!);
    // "The initial dose can vary …, ranging from 5 mg to 60 mg": a noun naming the first dose of the sentence.
    if (phase === null && i === 0 && amounts[0] === k.amount && !/\b(?:followed by|then|after which|thereafter)\b/i.test(s.slice(0, k.amount.start))) {
      const p = lastPhase(s.slice(0, k.amount.start));
      if (p === 'initial' || p === 'loading' || p === 'maintenance' || p === 'induction') phase = p;
    }
    // "after escalation from 3 mg and 10 mg": the verb before the amount when no connector separates them.
    if (phase === null && i > 0 && c.left.trim() === '') {
      const p = lastPhase(s.slice(cands[i - 1]!.amount.end, c.amount.start));
      if (p === 'escalation' || p === 'reduction') phase = p;
    }
    if (phase === null && i > 0 && (CHAIN.test(c.left) || /^[\W]*(?:or|and)?[\W]*$/i.test(c.left) || LIST_GAP.test(stripNames(s.slice(cands[i - 1]!.amount.end, c.amount.start), scope)))) phase = out[out.length - 1]?.phase ?? null;
    // "increased to 7 mg and then 14 mg daily": a step after an increase (or a reduction) is one too (also after the
    // earlier step's frequency: "increased to 7 mg BID, and then 10 mg BID").
    if (phase === null && i > 0 && CHAIN_GAP.test(stripNames(s.slice(cands[i - 1]!.amount.end, c.amount.start), scope).replace(STEP_FREQUENCY, ' '))) {
      const p = candPhases[i - 1] ?? null;
      if (p === 'escalation' || p === 'reduction') phase = p;
    }
    // "Initial dose 80 mg/day, titrated upwards …, to a usual range of 80-160 mg/day": the verb before the "to".
    if (phase === null && i > 0 && /^\W*to\b/i.test(c.left)) {
      const p = lastPhase(s.slice(cands[i - 1]!.amount.end, c.amount.start));
      if (p === 'escalation' || p === 'reduction') phase = p;
    }
    // "starting at 40 mg/day for infants and increasing to 45-75 mg/day for adolescents": steps of age, not of treatment.
    if ((phase === 'initial' || phase === 'escalation') && AGE_STEP.test(c.right) && (s.match(AGE_STEPS) ?? []).length >= 2) phase = null;
    else if (phase === null) {
      phase = nearest(infos, (x) => x.phase);
      // ("Loading Dose (Optional): 200 mg single dose, followed by 100 mg twice daily": the regimen after the label's first
      // dose, given on, is not in its loading or initial phase; "8 mg on day 1, then 16 mg on day 2" under "Induction" is.)
      if ((phase === 'loading' || phase === 'initial') && i > 0 && frequency !== null && STEP_AFTER.test(s.slice(cands[i - 1]!.amount.end, c.amount.start))) phase = null;
      // "Initial dose: 60 mg three times a day. The usual dosage range is 30-90 mg …": a later sentence of the line
      // that names the usual dose is not the label's first step.
      if (phase === 'initial' && !line.text.trim().startsWith(s) && USUAL_DOSE.test(s.slice(0, k.amount.start))) phase = null;
      // "Initial dose: 1.5 mg. A supplemental dose of 0.75 mg may be given 1 hour after the initial dose": the dose's
      // own words name a phase it is not in; the label's is not clearly its.
      if (phase !== null && lastPhase(s.slice(k.amount.end, cands[i + 1]?.amount.start ?? s.length)) !== null) continue;
      // "Initial dose: … Gradually titrate up to the highest tolerated dose, typically 15-20 mg/kg/day": words of
      // another phase before the dose in its sentence (outside its own clause) make the label's phase unclear.
      const from = i > 0 ? cands[i - 1]!.amount.end + cands[i - 1]!.right.length : 0;
      const p = c.leftFrom > from ? lastPhase(s.slice(from, c.leftFrom)) : null;
      if (p !== null && p !== phase) continue;
    }

    candPhases[i] = phase;
    // "… increased to 7 mg and then 14 mg daily": how often the later dose of the chain is given may be the earlier's too.
    const next = cands[i + 1];
    if (frequency === null && !daily && !frequencyVaries && phase !== 'loading' && phase !== 'initial' && next && CHAIN_GAP.test(stripNames(s.slice(c.amount.end, next.amount.start), scope)) && frequencyOf(next.right) !== null) continue;

    let route: Route | null = null;
    // The route of an earlier or later treatment ("after initial intravenous treatment") is not this dose's.
    let unclear = segRoute === AMBIGUOUS || (segRoute === null && sRoute === AMBIGUOUS) || otherTreatmentRoute;
    // The dose's own words, then its label ("IV:", "Oral (Immediate Release)"), then the rest of the sentence.
    const lr = nearestRead(infos, (x) => x.route);
    if (segRoute !== null) route = segRoute === AMBIGUOUS ? null : segRoute;
    else if (lr !== null && lr !== AMBIGUOUS) route = lr;
    else if (sRoute !== null) route = sRoute === AMBIGUOUS ? null : sRoute;
    else if (lr === AMBIGUOUS) {
      // "IV/IM: 600-1200 mg/day …": the label names two routes; another route named in the line changes nothing.
      route = null;
      unclear = true;
    } else {
      const ar = routeOf(doselessAncestors);
      if (ar === null && introRoute !== null && !introRouteSure) continue; // the section's opening names a route, but other lines name others
      route = ar === AMBIGUOUS ? null : ar ?? introRoute;
    }
    // "Oral and intravenous dosages are generally 600 mg": another route named outside the dose's own words
    // (unless the words right after the amount name its route: "250-500mg orally every 6 hours, to much higher
    // intravenous doses").
    if (route !== null && restRoutes.some((r) => r !== route) && routeOf(c.right) !== route) {
      route = null;
      unclear = true;
    }

    let population: Population | null;
    // The group the dose's own words name ("…; in children, 10 mg/kg", "(children under 12)"), then the sentence's, then the label's.
    const segPopulation = i > 0 || cands.length > 1 ? populationOf(own) : null;
    const sentencePopulation = segPopulation ?? sPopulation;
    if (sentencePopulation !== null) {
      // "Children (12 years and older): The dosage is the same as for adults: 1500 mg", "Hepatic Dysfunction: … for
      // adults and children …": the sentence names other groups than its label (not a narrower one: elderly or
      // impaired adults, impaired children); which one the dose is for is not clear.
      const lp = nearestRead(infos, (x) => x.population);
      if (sentencePopulation === AMBIGUOUS && lp !== null) continue;
      population = sentencePopulation === AMBIGUOUS ? null : sentencePopulation;
      if (population !== null && lp !== null && lp !== AMBIGUOUS && lp !== population && !(lp === 'adult' && population !== 'child') && !(lp === 'child' && (population === 'renal' || population === 'hepatic'))) continue;
    } else {
      const lp = nearestRead(infos, (x) => x.population);
      population = lp === AMBIGUOUS ? null : lp;
    }
    // "Those with mild impairment may not require dosage changes, but moderate impairment might necessitate starting
    // with 1 mg weekly": an impairment whose organ the sentence does not name is a group the reader cannot give.
    if (population !== 'renal' && population !== 'hepatic' && SEVERITY_IMPAIRMENT.test(s) && !populationsIn(s).some((p) => p === 'renal' || p === 'hepatic')) continue;
    // Another group named in the sentence outside every dose's words: which dose it is for is not clear.
    if (population !== null && restPopulations.some((p) => p !== population && !(population === 'elderly' && p === 'adult') && !((population === 'renal' || population === 'hepatic') && p === 'adult'))) continue;

    // "Dosage for inflammatory conditions ranges from 2 to 24 mg per day orally, while for allergic conditions, it might be
    // 1 mg three times daily, potentially increased to 6 mg per day": a dose after "for <another condition>" is not clearly
    // the sentence's condition's.
    if (sIndication !== null && i > 0) {
      const gap = s.slice(cands[0]!.amount.end, c.amount.start).replace(/\([^()]*\)/g, ' ');
      const other = /\bfor\s+([^,;:.]{3,60})/i.exec(gap);
      if (other && namesConditionWord(other[1]!) && !sameCondition(other[1]!, sIndication)) continue;
    }
    const forWhat = /\(\s*for\s+([^()]{2,60}?)(?:\s+only)?\s*\)/i.exec(c.right);
    let trailing = forWhat && !NOT_INDICATION.test(forWhat[1]!) && namesCondition(forWhat[1]!) ? forWhat[1]!.trim() : null;
    // "4 mg/kg (cSSSI) or 6 mg/kg (S. aureus bloodstream infections) every 48 hours": a parenthesis right after the
    // dose that names a condition is its indication.
    const parenAfter = /^\s*\(([^()]{2,60})\)/.exec(c.right);
    if (trailing === null && parenAfter && parenNamesCondition(parenAfter[1]!)) trailing = parenAfter[1]!.trim();
    if (trailing !== null && !forWhat) {
      // … and a label naming another condition makes it unclear which.
      const li = nearest(infos, (x) => x.indication);
      if (li !== null && !sameCondition(li, trailing)) continue;
    }
    let indication = sIndication ?? trailing;
    if (indication === null) {
      // The nearest label naming a condition; a label that may name one the reader does not know, nearer or alone, leaves it unclear.
      let unknown = false;
      for (let j = infos.length - 1; j >= 0 && indication === null && !unknown; j--) {
        const x = infos[j];
        if (x?.unknown) unknown = true;
        else if (x?.indication) indication = x.indication;
      }
      if (unknown) continue;
    } else {
      // "Hypertensive Emergency: … For non-life-threatening symptoms, 0.25 mg/kg": the sentence and its label name different conditions.
      const li = nearest(infos, (x) => x.indication);
      if (li !== null && indicationKeyOf(li) !== indicationKeyOf(indication) && !indicationKeyOf(indication).includes(indicationKeyOf(li)) && !indicationKeyOf(li).includes(indicationKeyOf(indication))) continue;
    }
    let ingredient = c.ingredient ?? sectionIngredient ?? nearest(infos, (x) => x.ingredient);
    // A page of three or more ingredients: an amount naming none is the product's, not one drug's.
    if (ingredient === null && scope.ingredients.length > 2 && sentenceIngredients.length === 0) continue;
    if (ingredient === null && scope.ingredients.length > 1) {
      // "Vancomycin is generally 10-15 mg/kg IV …": the one ingredient the sentence names; several → unclear.
      const named = sentenceIngredients;
      if (named.length > 1) continue;
      ingredient = named[0] ?? null;
      // "200-600 mg/day for CoQ10 and 25-75 mg/day for DHEA": an amount said of a name the reader does not know as one of
      // the ingredients (nor a condition or group).
      const forName = /^\s*(?:\/\s*day|(?:per|a)\s+day|daily)?\s*for\s+([A-Z][\p{L}\d-]*)(?=[\s.,;)]|$)/u.exec(c.right);
      if (ingredient === null && forName && !namesConditionWord(forName[1]!) && populationOf(forName[1]!) === null) continue;
    }

    let cycleDays: number | null = typeof cyc === 'number' ? cyc : null;
    // ("200 mg … for 12 days per 28-day cycle, or 100 mg daily when combined with estrogen": an alternative after "or"
    // has no part in the other's cycle.)
    const alternative = i > 0 && /\bor\b/i.test(s.slice(cands[i - 1]!.amount.end, c.amount.start).replace(/\([^()]*\)/g, ' '));
    if (cyc === null) cycleDays = typeof sCycle === 'number' ? (alternative ? null : sCycle) : sCycle === null ? ancestorCycle(chain) : null;
    let infusion: number | null = typeof inf === 'number' ? inf : null;
    if (inf === null && typeof sInfusion === 'number' && (cands.length === 1 || /\beach\b/i.test(sentenceText) || sharedInfusion(s, cands) === sInfusion)) infusion = sInfusion;
    if (infusion === null && inf === null && sInfusion === null) {
      const ai = infusionMinutesOf(doselessAncestors);
      if (typeof ai === 'number') infusion = ai;
    }
    if (infusion !== null && route !== 'IV' && !routesIn(own).includes('IV') && !/\binfus/i.test(`${own} ${doselessAncestors}`)) infusion = null;
    // "given as a single infusion over 2-24 hours": a time the dose's words leave open is not filled from elsewhere.
    const infusionOpen = inf === AMBIGUOUS || (inf === null && sInfusion === AMBIGUOUS);

    let dayList: number[] | null = days !== null && days !== AMBIGUOUS ? days : null;
    if (days === null) dayList = nearest(infos, (x) => x.days);
    // "on Days 1 and 8 every 28 days": days of a 28-day cycle, not a dose every 28 days.
    if (dayList !== null && dayList.length >= 2 && cycleDays === null && frequency !== null && frequency.everyDays !== null && frequency.timesPerDay === null && frequency.timesPerWeek === null && frequency.everyDays > Math.max(...dayList)) {
      cycleDays = frequency.everyDays;
      frequency = null;
    }

    const conditions: string[] = [];
    for (const m of own.matchAll(CONDITIONS)) conditions.push(m[0]);
    // ("as a single dose or divided into multiple doses": either; no single dose.)
    const single = SINGLE.test(own) && frequency === null && !/\bsingle\b[^.;]{0,40}\bor\b[^.;]{0,30}\bdivided\b/i.test(own);

    const regimen: Regimen = {
      indication,
      population,
      phase,
      ingredient,
      amount: round(c.amount.min),
      amountMax: c.amount.max !== c.amount.min ? round(c.amount.max) : null,
      unit: 'mg',
      per: c.amount.per,
      amountPer: daily ? 'day' : 'dose',
      route,
      timesPerDay: frequency?.timesPerDay ?? null,
      timesPerWeek: frequency?.timesPerWeek ?? null,
      everyDays: frequency?.everyDays ?? null,
      cycleDays,
      days: dayList,
      durationDays: durationKnown ? dur.days : null,
      durationWeeks: durationKnown ? dur.weeks : null,
      infusionMinutes: infusion,
      maxDailyAmount: maxDaily,
      single,
      conditions,
      context: chain.flatMap((l) => (l.label ? [l.label] : [])),
      source: { file: scope.file, line: line.line, text: s },
    };
    if (unclear) routeUnclear.add(regimen);
    if (freqRead === AMBIGUOUS) frequencyUnclear.add(regimen);
    if (infusionOpen) infusionUnclear.add(regimen);
    out.push(regimen);
  }
  return out;
}

/** Regimens whose own words said how often in words that are not one number ("twice or three times daily"). */
const frequencyUnclear = new WeakSet<Regimen>();
/** Regimens whose own words named several routes ("IV (or subcutaneously)"): never filled from elsewhere. */
const routeUnclear = new WeakSet<Regimen>();
/** Regimens whose own words gave an infusion time that is not one number ("over 2-24 hours"). */
const infusionUnclear = new WeakSet<Regimen>();

const round = (v: number): number => Number(v.toPrecision(12));

/** How often, in a label: "once daily", "twice weekly", "every 3 weeks", "BID". */
const FREQUENCY_PHRASE = /\b(?:(?:once|twice|thrice|(?:two|three|four|\d+)\s+times)\s+(?:a\s+|per\s+|each\s+)?(?:day|daily|week|weekly)|daily|weekly|every\s+(?:other\s+)?(?:\d+\s+)?(?:days?|weeks?|hours?)|bid|tid|qid|od)\b/gi;
/** Words a label that only says how often may have beside it. */
const FREQUENCY_LABEL_REST = /\b(?:intermittent|continuous|regimens?|dosing|schedule|therapy|treatment|maintenance|dose|doses)\b/gi;

/** The frequency of the nearest label (of the dose's line or above it) that says nothing but how often. */
function labelFrequency(chain: readonly TextLine[]): Frequency | null {
  for (let j = chain.length - 1; j >= 0; j--) {
    const label = chain[j]!.label;
    if (!label) continue;
    // ("Weekly Regimen:" over "Initial dose: 400 mg/m² IV": the first dose is given once.)
    if (/\b(?:initial|loading|first|starting|test)\b/i.test(label)) return null;
    if (label.replace(FREQUENCY_PHRASE, ' ').replace(FREQUENCY_LABEL_REST, ' ').replace(/[()[\]\s,:;/-]+/g, '') !== '') continue;
    const f = frequencyOf(label);
    return f === null || f === AMBIGUOUS ? null : f;
  }
  return null;
}

/** The text from the last connector ("then", "or", "increase to" …; after a comma) outside parentheses. */
function clauseBefore(before: string): string {
  let cut = 0;
  CONNECTOR.lastIndex = 0;
  for (let m = CONNECTOR.exec(before); m; m = CONNECTOR.exec(before)) if (parenDepthIn(before, m.index) === 0) cut = m.index + (/^[;,]/.test(m[0]) ? 1 : 0);
  return before.slice(cut);
}

function parenDepthIn(s: string, at: number): number {
  let d = 0;
  for (let i = 0; i < at; i++) {
    if (s[i] === '(') d++;
    else if (s[i] === ')' && d > 0) d--;
  }
  return d;
}

/** The nearest label (the line's own first, then its parents, innermost first) that says something. */
function nearest<T>(infos: readonly (LabelInfo | null)[], get: (i: LabelInfo) => T | null): T | null {
  for (let i = infos.length - 1; i >= 0; i--) {
    const info = infos[i];
    if (!info) continue;
    const v = get(info);
    if (v !== null) return v;
  }
  return null;
}
function nearestRead<T>(infos: readonly (LabelInfo | null)[], get: (i: LabelInfo) => Read<T>): Read<T> {
  return nearest(infos, get);
}

function ancestorCycle(chain: readonly TextLine[]): number | null {
  for (let i = chain.length - 2; i >= 0; i--) {
    const l = chain[i]!;
    const c = cycleDaysOf(`${l.label ?? ''} ${l.text}`);
    if (c === AMBIGUOUS) return null;
    if (c !== null) return c;
  }
  return null;
}

/** "… for 7-14 days (adults)", "… in children": a group named after the dose; not "based on renal function". */
function suffixPopulation(suffix: string): Read<Population> {
  const m = /\(\s*(?:in\s+|for\s+)?(adults?|children|pa?ediatric(?:\s+patients)?|infants|neonates|elderly(?:\s+patients)?)\s*\)|\b(?:in|for)\s+(adults|children|infants|neonates|elderly patients|pa?ediatric patients)\b/i.exec(suffix);
  return m ? populationOf(m[1] ?? m[2]!) : null;
}

function indicationOf(prefix: string): string | typeof AMBIGUOUS | null {
  const lead = prefix.trim().replace(/^(?:for example|for instance|e\.g\.|generally|typically|usually|in general)\s*,\s*/i, '').replace(/\([^()]*\)/g, ' ');
  for (const re of INDICATION_LEAD) {
    const m = re.exec(lead);
    if (!m) continue;
    // "dosage for adults with relapsed follicular lymphoma is": the condition after the group.
    const what = m[1]!
      .trim()
      // ("for both adults and children with Pompe disease": the groups, then the condition.)
      .replace(/^(?:both\s+)?(?:(?:adults?|children|adolescents)\s+(?:and|or)\s+)?(?:adults?|adult patients|children|adolescents|infants|neonates|elderly(?: patients)?|pa?ediatric patients|patients|people|those)\s+(?:with|who have)\s+/i, '')
      // "dosage for the polyneuropathy of hATTR amyloidosis": the condition, without its article.
      .replace(/^the\s+(?=\S)/i, '')
      .replace(/\s+in\s+(?:adults?|children|infants|neonates|adolescents|elderly(?: patients)?|pa?ediatric patients)$/i, '')
      // "remission induction in APL": the phase, then the condition.
      .replace(/^(?:(?:remission\s+)?induction|maintenance|consolidation|initial\s+treatment|treatment|management)\s+(?:in|of|for)\s+/i, '')
      // "dose for treating bacterial vaginosis": the condition, not the verb.
      .replace(/^(?:treating|managing)\s+/i, '')
      // "In cases of post-operative pain", "For off-label Streptococcus pneumoniae prevention": the condition.
      .replace(/^(?:(?:cases|instances)\s+of|off[- ]label(?:\s+use\s+(?:in|for))?)\s+/i, '')
      // "For conditions like rheumatoid arthritis, psoriatic arthritis, …": the conditions.
      .replace(/^(?:conditions?|diseases?|disorders?|indications?)\s+(?:like|such as|including)\s+/i, '')
      // "The dosage regimen for IM administration in bipolar mania is …": the route, then the condition.
      .replace(/^(?:iv|im|sc|oral|intravenous|intramuscular|subcutaneous)\s+(?:administration|use|dosing|injection)\s+(?:in|for)\s+/i, '')
      // "for both CTCL and PTCL": the conditions, not the word joining them.
      .replace(BOTH_LEAD, '');
    // "For general supplementation or preventing deficiency, doses around 400 mcg …": a purpose, no one condition.
    if (what.replace(GENERAL_PURPOSE, ' ').replace(/\b(?:or|and|general)\b/gi, ' ').trim() === '') return null;
    // "In the ICU, an initial IV bolus of …": a setting, no condition (the label's may be).
    if (/^(?:icu|intensive\s+care(?:\s+units?)?|(?:the\s+)?(?:hospital|clinic|emergency\s+(?:room|department)|operating\s+(?:room|theatre)))$/i.test(what)) return null;
    // "For children with a BSA of less than 1 m², the dose is …": a body size, no condition.
    if (/^(?:an?\s+)?(?:bsa|body\s+surface\s+area|(?:body\s+)?weight|e?gfr|crcl|creatinine\s+clearance)\b/i.test(what)) return null;
    // "Doses for various purposes", "Dosages for other cancers", "for DHEA supplements": no one condition.
    if (re === DOSE_FOR && !PURPOSE.test(what) && (/^(?:various|other|different)\b/i.test(what) || /\b(?:purposes?|supplements?|supplementation)$/i.test(what))) return AMBIGUOUS;
    // "For other cancers, the dose ranges from …", "For surgical prophylaxis, a single dose of 1-2 g": no condition named.
    if (/^(?:various|other|different)\b/i.test(what) || SURGICAL_PURPOSE.test(what)) return null;
    if (!NOT_INDICATION.test(what) && namesCondition(what)) return what;
    // "dosage for adults with non-nodular moderate-to-severe acne varies": a condition with its severity.
    const unqualified = what.replace(SEVERITY_WORDS, ' ').trim();
    // (not "severe disease who are critically ill", a condition mixed with other words; nor "severe cirrhosis", the hepatic group)
    if (unqualified !== what && unqualified !== '' && !NOT_INDICATION.test(unqualified) && !/\b(?:who|which|that|are|is|was|were|with)\b/i.test(unqualified) && populationOf(unqualified) === null && namesConditionWord(unqualified)) return what;
    // "For patients with severe disease who are critically ill,": a condition mixed with other words.
    if (namesCondition(what) && populationOf(what) === null) return AMBIGUOUS;
    // "The typical dose for functional dyspepsia is 50 mg": after "dose for", words the reader does not know may name the condition.
    if (re === DOSE_FOR && populationOf(what) === null && !NOT_INDICATION.test(what) && !PURPOSE.test(what)) return AMBIGUOUS;
  }
  return null;
}

const WORD_BEFORE = /([\p{L}][\p{L}\d'’-]*)[\s:(=–-]*$/u;
const WORD_AFTER = /^[\s)/:-]*(?:\([^()]*\)\s*)*(?:(?:body\s+weight|bw|bsa|body\s+surface\s+area)\b\s*(?:\([^()]*\)\s*)?)?([\p{L}][\p{L}\d'’-]*:?)/u;

/**
 * Whether the words right next to an amount allow it to be a dose of this drug: the ingredient it
 * is of (combination pages), null when it is this drug's, false when another word stands there
 * ("dexamethasone 20 mg", "weighing 40 kg", "levels above 10 mg").
 */
function adjacentIngredient(before: string, after: string, scope: Scope): string | null | false {
  let ingredient: string | null = null;
  const wb = WORD_BEFORE.exec(before);
  if (wb) {
    const w = fold(wb[1]!);
    if (isOwnName(w, scope)) ingredient = ingredientOf(w, scope);
    // "1050 mg total, split into 350 mg on day 1 and 700 mg on day 2".
    // ("Oral powder: 5 grams twice a day", "Oral capsules: 500 mg/day": a form named as a label inside the line.)
    else if (!LEFT_OK.has(w) && !(w === 'into' && /\b(?:split|divided|separated)\s+into\s*$/i.test(before)) && !(FORM_LABEL_WORDS.has(w) && /:\s*$/.test(before))) return false;
  }
  // "1.5 g (1 g ampicillin/0.5 g sulbactam)": the amount of a mixture with another drug.
  const mix = /^\s*\(([^()]*)\)/.exec(after);
  if (mix) for (const w of mix[1]!.matchAll(/\d\s*(?:mg|g|mcg|µg|μg)(?:\s*\/\s*(?:kg|m²|m2|day|d))*\s+([\p{L}][\p{L}-]{3,})/giu)) if (!isOwnName(fold(w[1]!), scope) && !RIGHT_OK.has(fold(w[1]!)) && !/^(?:elemental|base|activity|component)$/i.test(w[1]!)) return false;
  // "25 mg/m² (expressed as tegafur content)", "20 mg/m² twice daily (expressed as tegafur content)": an amount of another drug of the product.
  const expressed = /^[^.;()]{0,40}?\(\s*(?:expressed|calculated)\s+as\s+([\p{L}][\p{L}-]{3,})/iu.exec(after);
  if (expressed && !isOwnName(fold(expressed[1]!), scope) && !/^(?:base|elemental|the|free|anhydrous)$/i.test(expressed[1]!)) return false;
  // "6-7 mg/kg (aminophylline)": a parenthesis naming another drug.
  const paren = /^\s*\(\s*([\p{L}][\p{L}-]{3,})\s*\)/u.exec(after);
  if (paren && !isOwnName(fold(paren[1]!), scope) && !RIGHT_OK.has(fold(paren[1]!)) && !/^[A-Z]{2,4}$/.test(paren[1]!) && !parenNamesCondition(paren[1]!) && !/^(?:approximately|total|elemental|base|daily|weekly|once|twice|initially|maximum|max|orally|intravenously|subcutaneously|intramuscularly|oral|intravenous|subcutaneous|intramuscular|adults?|children|infants|neonates|elderly)$/i.test(paren[1]!)) return false;
  const wa = WORD_AFTER.exec(after);
  if (wa) {
    const w = fold(wa[1]!).replace(/:$/, '');
    if (w === 'of') {
      const next = /^\s*of\s+([\p{L}][\p{L}\d'’-]*)/u.exec(after.replace(/^[\s,)]*/, ''));
      if (next) {
        const n = fold(next[1]!);
        if (isOwnName(n, scope)) ingredient ??= ingredientOf(n, scope);
        // ("2.5 mg/kg of actual body weight": the weight the dose is counted on.)
        else if (!OF_OK.has(n) && !/^\s*of\s+(?:actual|ideal|lean|adjusted|total)\s+body\s*weight\b/i.test(after.replace(/^[\s,)]*/, ''))) return false;
        // "20-45 mg/kg/day of the amoxicillin component": another drug's share of the product.
        else if (otherComponent(after, scope)) return false;
        // "10-20 grams of the combined formulation": an amount of product, not of drug.
        else if (/^\s*of\s+(?:the\s+|this\s+)?(?:\w+\s+)?(?:formulation|powder|granules?|granulate|suspension|solution|syrup|cream|gel|ointment|product|mixture|mix|blend|preparation|tablets?|capsules?|liquid|lotion|paste|sachets?)\b/i.test(after.replace(/^[\s,)]*/, ''))) return false;
      }
    } else if (isOwnName(w, scope)) ingredient ??= ingredientOf(w, scope);
    else if (!RIGHT_OK.has(w) && !RIGHT_OK.has(w + ':') && !/^q\d{1,2}h(?:rs?)?$/.test(w)) return false;
  }
  return ingredient;
}

/** "of the amoxicillin component": the amount is another drug's share of the product. */
function otherComponent(after: string, scope: Scope): boolean {
  const part = /^\s*of\s+(?:the\s+)?([\p{L}][\p{L}\d-]*)\s+(?:component|content|portion|part)\b/iu.exec(after.replace(/^[\s,)]*/, ''));
  return part !== null && !isOwnName(fold(part[1]!), scope);
}

/** Whether a parenthesis after a dose names a condition ("(cSSSI)", "(S. aureus bloodstream infections)"), not a qualifier or a product. */
function parenNamesCondition(inner: string): boolean {
  const x = inner.trim();
  if (/^(?:if|when|unless|as|to|with|without|after|before|during|in|on|at|until|depending|based|e\.g\.?|i\.e\.?|eg|ie|such as|including|or|and|approximately|about|see|not|max\w*|min\w*|up to|total|each|per|equivalent|corresponding)\b/i.test(x)) return false;
  if (NOT_INDICATION.test(x) || /\d/.test(x)) return false;
  if (namesConditionWord(x)) return true;
  // An abbreviation alone, not a form or a frequency ("ODT", "BID").
  return /^[a-z]?[A-Z][A-Z0-9]{2,6}s?$/.test(x) && !/^(?:ODT|MDI|DPI|BID|TID|QID|QDS|TDS|PRN|STAT|SOS|HS|QHS|IV|IM|SC|SQ|PO|ER|XR|SR|IR|CR|XL|ES|DR|EC|LA|USP|BP|IP|INN|API|FDC|OTC|RDA)$/.test(x);
}

const sameCondition = (a: string, b: string): boolean => {
  const x = indicationKeyOf(a);
  const y = indicationKeyOf(b);
  return x === y || x.includes(y) || y.includes(x);
};

const indicationKeyOf = (s: string): string =>
  s
    .toLowerCase()
    .replace(/\([^()]*\)/g, ' ')
    .replace(/[^\p{L}\d]+/gu, ' ')
    .trim();

/** "1-2 mg of Trifluoperazine per day", "20-120 mcg molybdenum per day": a daily amount with the drug's name between. */
function namePerDay(after: string, scope: Scope): boolean {
  if (/^\s*(?:of\s+[\p{L}][\p{L}\s-]{0,40}?\s+)?(?:per|\/)\s*(?:kg|kilograms?)(?:\s+of\s+body\s*weight)?\s*(?:per\s+day|a\s+day|\/\s*day)\b/iu.test(after)) return true;
  const m = /^\s*(?:of\s+)?([\p{L}][\p{L}\s-]{0,50}?)\s*(?:(?:per|a|each)\s+day\b|\/\s*day\b)/iu.exec(after);
  return m !== null && m[1]!.split(/[\s-]+/).every((w) => isOwnName(fold(w), scope) || /^(?:the|this|elemental)$/i.test(w));
}

/**
 * Whether the word right before or after an amount names this drug ("400 mg sofosbuvir/100 mg velpatasvir").
 * `wordBefore` says what may stand between the word before and the amount.
 */
function namesOwnNext(before: string, after: string, scope: Scope, wordBefore: RegExp = WORD_BEFORE): boolean {
  const wb = wordBefore.exec(before);
  const wa = /^\s*(?:of\s+)?([\p{L}][\p{L}\d'’-]*)/u.exec(after);
  return (wb !== null && isOwnName(fold(wb[1]!), scope)) || (wa !== null && isOwnName(fold(wa[1]!), scope));
}

/** "… and neratinib 240 mg daily": this drug's name right before the amount (only a space between) or right after it. */
const ownNameBeside = (before: string, after: string, scope: Scope): boolean => namesOwnNext(before, after, scope, /([\p{L}][\p{L}\d'’-]*)\s+$/u);

function leftNamesIngredient(before: string, scope: Scope): boolean {
  const wb = WORD_BEFORE.exec(before);
  return wb !== null && ingredientOf(fold(wb[1]!), scope) !== null;
}

function ingredientOf(word: string, scope: Scope): string | null {
  return ingredientOfWord(word, scope.ingredients);
}

/** A word that names this drug or one of its ingredients (spellings differ after six letters). */
function isOwnName(word: string, scope: Scope): boolean {
  if (scope.ownNames.has(word)) return true;
  if (word.length < 6) return false;
  for (const n of scope.ownNames) if (n.length >= 6 && n.slice(0, 6) === word.slice(0, 6)) return true;
  return false;
}

function stripNames(gap: string, scope: Scope): string {
  return gap.replace(/[\p{L}][\p{L}\d]*/gu, (w) => (isOwnName(fold(w), scope) || /^(?:of|[a-z])$/i.test(w) ? ' ' : w)).replace(/(?<=\s)-(?=\s)|^-|-$/g, ' ');
}
