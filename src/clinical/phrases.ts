import type { Phase, Population, Route } from './schema.js';

/**
 * Small readers for the phrases around a dose: route, frequency, duration, infusion time, cycle
 * days, phase, population. Each returns null when the text says nothing, and `AMBIGUOUS` when it
 * says something that does not give one value (`every 6–8 hours`, `IV or IM`): the caller then
 * leaves the field empty rather than guess.
 */

export const AMBIGUOUS = 'ambiguous' as const;
export type Read<T> = T | typeof AMBIGUOUS | null;

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, once: 1, single: 1, two: 2, twice: 2, three: 3, thrice: 3, four: 4, five: 5, six: 6, seven: 7,
  eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fourteen: 14, fifteen: 15, sixteen: 16, eighteen: 18, twenty: 20,
  'twenty-four': 24, 'twenty-one': 21, 'twenty-eight': 28, thirty: 30,
};
const NUMBER_ALTERNATIVES = String.raw`\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|sixteen|eighteen|twenty|twenty-one|twenty-four|twenty-eight|thirty`;
/** A number in digits or words, captured; `NUM_NC` the same without a capture group. */
const NUM = `(${NUMBER_ALTERNATIVES})`;
const NUM_NC = `(?:${NUMBER_ALTERNATIVES})`;

/** `3` → 3, `three` → 3, `twice` → 2; null when not a number. */
export function numberOf(s: string): number | null {
  const t = s.toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  return NUMBER_WORDS[t] ?? null;
}

/** One value from every reading in a text: null if none, AMBIGUOUS if they disagree. */
function agree<T>(values: readonly Read<T>[], same: (a: T, b: T) => boolean = (a, b) => a === b): Read<T> {
  let out: T | null = null;
  for (const v of values) {
    if (v === null) continue;
    if (v === AMBIGUOUS) return AMBIGUOUS;
    if (out === null) out = v;
    else if (!same(out, v)) return AMBIGUOUS;
  }
  return out;
}

// ---- route ---------------------------------------------------------------------------------------

/** Each route's pattern, after a cheap test for a fragment it must contain (most text names no route). */
const ROUTE_PATTERNS: [Route, RegExp, RegExp, RegExp | null][] = [
  // Words in any case; the abbreviations (IV, IM, SC, PO) in capitals only, so "iv" inside words or "im" as a word do not count.
  ['IV', /iv|i\.v|intraven/i, /\bintra-?venous(?:ly)?\b/i, /\b(?:IV|I\.V\.?|i\.v\.?|iv)(?![\w-])/],
  ['SC', /sub|sc|s\.c|sq/i, /\bsub-?cutaneous(?:ly)?\b|\bsubcut\b|\bsub-?q\b/i, /\b(?:SC|S\.C\.?|SQ|s\.c\.?)(?![\w-])/],
  ['IM', /intram|im|i\.m/i, /\bintra-?muscular(?:ly)?\b/i, /\b(?:IM|I\.M\.?|i\.m\.?)(?![\w-])/],
  ['oral', /oral|mouth|po|p\.o|per os/i, /\b(?:oral(?:ly)?|by mouth|per os)\b/i, /\b(?:PO|P\.O\.?|p\.o\.?)(?![\w-])/],
  ['sublingual', /lingual/i, /\bsub-?lingual(?:ly)?\b/i, null],
  ['inhaled', /inhal|nebul/i, /\b(?:inhal(?:ed|ations?|ers?)|nebuli[sz](?:ed|ers?|ation))\b/i, null],
  ['nasal', /nasal|nostril/i, /\b(?:intra-?nasal(?:ly)?|nasal spray|per nostril|each nostril)\b/i, null],
  ['rectal', /rect|suppos/i, /\b(?:rectal(?:ly)?|per rectum|(?:into|in) the rectum|suppositor(?:y|ies))\b/i, null],
  ['vaginal', /vagin|pessar/i, /\b(?:vaginal(?:ly)?|intravaginal(?:ly)?|pessar(?:y|ies)|(?:into|in)\s+the\s+vagina|per\s+vaginam)\b/i, null],
  ['ophthalmic', /ophth|eye/i, /\b(?:ophthalmic|eye drops?|into the eyes?|in the affected eyes?)\b/i, null],
  ['otic', /otic|ear/i, /\b(?:otic|ear drops?|into the ears?)\b/i, null],
  ['intrathecal', /intrathecal/i, /\bintrathecal(?:ly)?\b/i, null],
  ['intravitreal', /intravitreal/i, /\bintravitreal(?:ly)?\b/i, null],
  ['transdermal', /transdermal/i, /\btransdermal(?:ly)?\b/i, null],
  ['topical', /topical|appl/i, /\b(?:topical(?:ly)?|applied to the (?:skin|affected area)|apply to the (?:skin|affected area))\b/i, null],
];
// Weak signals, used only when no route is named: an infusion is intravenous, a tablet is swallowed.
const INFUSION = /\binfus(?:ion|ions|ed|e)\b/i;
const ORAL_FORM = /\b(?:tablets?|capsules?|caplets?|syrup|oral suspension|oral solution|lozenges?)\b/i;
const NOT_ORAL_FORM = /\b(?:chewable|dispersible|effervescent|vaginal|sublingual|buccal|orally disintegrating|inhal\w*|nebuli[sz]\w*)\b/i;

/** "vaginal yeast infections", "oral thrush", "oral contraceptives": conditions and products, not routes. */
const ROUTE_IN_CONDITION = /\b(?:oral|vaginal|nasal|rectal|ophthalmic|eye|ear|topical|intravenous)\s+(?:thrush|candidiasis|yeast|infections?|ulcers?|mucositis|hygiene|contracepti\w+|hypoglyc\w+|antidiabetic\w*|anticoagulants?|congestion|polyps|bleeding|atrophy|dryness|discharge|surgery|cancer|lesions?|pain|itching|drug abuse|fluids?|(?:or\s+enteral\s+)?(?:nutrition|intake|feeding|diet))\b/gi;

/** Every route a text names (`IV (or subcutaneously)` → IV, SC). */
export function routesIn(raw: string): Route[] {
  const text = raw.replace(ROUTE_IN_CONDITION, ' ').replace(/\boral(?:ly)?\s+(?=inhal)/gi, ' ');
  const out = new Set<Route>();
  for (const [route, quick, words, abbreviation] of ROUTE_PATTERNS) {
    if (quick.test(text) && (words.test(text) || abbreviation?.test(text))) out.add(route);
  }
  // A tablet is swallowed ("tablet, suspension, or intravenous injection" names two routes);
  // an infusion is intravenous unless a route is named ("subcutaneous infusion").
  if (!out.has('sublingual') && !out.has('vaginal') && ORAL_FORM.test(text) && !NOT_ORAL_FORM.test(text)) out.add('oral');
  if (out.size === 0 && INFUSION.test(text)) out.add('IV');
  return [...out];
}

/**
 * Routes the schema has no value for ("intra-articular injections … a single dose ranging from 2.5 mg
 * to 40 mg"): a dose given so has no route the reader can give, and none of another clause's.
 */
export const UNLISTED_ROUTE_WORDS = String.raw`(?:intra-?articular(?:ly)?|intra-?lesional(?:ly)?|intra-?dermal(?:ly)?|intra-?arterial(?:ly)?|intra-?vesical(?:ly)?|intra-?cavernous(?:ly)?|intra-?cavernosal(?:ly)?|intra-?osseous(?:ly)?|intra-?pleural(?:ly)?|intra-?cavitary|intra-?peritoneal(?:ly)?|intra-?ocular(?:ly)?|intra-?cameral(?:ly)?|intra-?tympanic|epidural(?:ly)?|peri-?articular|perineural|soft[- ]tissue injections?|local infiltration|infiltrat(?:ed|ion)\s+(?:into|around))`;
const UNLISTED_ROUTE = new RegExp(String.raw`\b${UNLISTED_ROUTE_WORDS}\b`, 'i');

/** The one route a text names, AMBIGUOUS for several or for a route the schema lacks, null for none. */
export function routeOf(text: string): Read<Route> {
  if (/intra|epidur|peri|infiltr|soft/i.test(text) && UNLISTED_ROUTE.test(text)) return AMBIGUOUS;
  const r = routesIn(text);
  return r.length === 0 ? null : r.length === 1 ? r[0]! : AMBIGUOUS;
}

// ---- frequency -----------------------------------------------------------------------------------

export interface Frequency {
  timesPerDay: number | null;
  timesPerWeek: number | null;
  everyDays: number | null;
}
const freq = (timesPerDay: number | null, timesPerWeek: number | null, everyDays: number | null): Frequency => ({ timesPerDay, timesPerWeek, everyDays });
const sameFreq = (a: Frequency, b: Frequency): boolean => a.timesPerDay === b.timesPerDay && a.timesPerWeek === b.timesPerWeek && a.everyDays === b.everyDays;

const RANGE_FREQ = [
  new RegExp(String.raw`\b${NUM}\s*(?:-|–|to|or)\s*${NUM}\s+times\s+(?:a\s+|per\s+|each\s+|every\s+)?(?:day|daily|week|weekly)\b`, 'i'),
  /\b(?:every|q)\s*\d+(?:\.\d+)?\s*(?:-|–|to|or)\s*\d+\s*(?:hours?|hrs?|h|days?|weeks?|months?)\b/i,
  // ("once to three times daily", "once or more weekly")
  /\bonce\s+or\s+more\b|\bonce\s+(?:or|to)\s+(?:twice|two\s+times|three\s+times|thrice)\b|\btwice\s+(?:or|to)\s+(?:three|thrice|four)\b|\b(?:one|two|three)\s+(?:or|to)\s+(?:two|three|four)\s+times\b/i,
  /\b(?:biweekly|bi-weekly|several times|two or more|multiple times|as often as|at intervals? of)\b/i,
  /\bup\s+to\s+(?:\w+\s+)?times\b/i,
];
/** "after meals and at bedtime": several doses a day, how many not said unless a count says it ("four times daily, … before meals and at bedtime"). */
const MEALS_AND_BEDTIME = /\b(?:after|before|with)\s+(?:each\s+|main\s+)?meals\b[^.;]{0,30}\b(?:and|or)\s+(?:at\s+)?bedtime\b/gi;
// Phrases about a daily amount or limit, not how often: read by amount/max, not here.
const NOT_FREQUENCY = /\b(?:(?:total|maximum|max|usual|recommended|average|typical)\s+)?(?:daily|weekly)\s+(?:dose|doses|dosage|amount|intake|maximum|limit|requirement|allowance|value)s?\b/gi;
const TIMES_A_DAY = new RegExp(String.raw`\b(?:(once|twice|thrice)|${NUM}\s+times)\s+(?:a\s+|per\s+|each\s+|every\s+|in\s+a\s+)?(?:day|daily)\b`, 'gi');
const TIMES_A_DAY_TEST = new RegExp(TIMES_A_DAY.source, 'i');
const APPROX_EVERY = /\b(?:approximately|about|roughly|around)\s+every\s+\d+(?:\.\d+)?\s*(?:hours?|hrs?|h)\b/i;
const TIMES_A_WEEK = new RegExp(String.raw`\b(?:(once|twice|thrice)|${NUM}\s+times)\s+(?:a\s+|per\s+|each\s+|every\s+)?week(?:ly)?\b`, 'gi');
const DAYS_A_WEEK = new RegExp(String.raw`\b${NUM}\s+(?:consecutive\s+)?days?\s+(?:a|per|each|every)\s+week\b`, 'gi');
const DAYS_A_WEEK_TEST = new RegExp(DAYS_A_WEEK.source, 'i');
const EVERY = new RegExp(String.raw`\b(?:every|each)\s+(other\s+|${NUM_NC}\s*)?(hours?|hrs?|h|days?|weeks?|months?|years?|fortnight|night|morning|evening)\b`, 'gi');
const Q_HOURS = /\bq\s?(\d{1,2})\s?h(?:rs?|ours?)?\b/gi;
const LATIN = /\b(?:(b\.?i\.?d|bd|b\.d)|(t\.?i\.?d|tds|t\.d\.s)|(q\.?i\.?d|qds|q\.d\.s)|(o\.?d|q\.?d|qhs|q\.h\.s|o\.d))\.?(?![\w])/gi;
const DAILY = /\b(?:daily|a day|per day|each day|every day|nightly|at bedtime|at night|per night|a night|each night|before bedtime|once-daily)\b/gi;
const WEEKLY = /\b(?:weekly|per week|(?<!\b(?:for|in|within|after|over|of)\s)a week|once-weekly)\b/gi;
const FORTNIGHTLY = /\bfortnightly\b/gi;
const MONTHLY = /\b(?:monthly|a month|per month|every month)\b/gi;
/** "at 1 PM, 2 PM, and 11 PM": a dose at each of two or more stated clock times of the day. */
const CLOCK = String.raw`\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)`;
const CLOCK_TIMES = new RegExp(String.raw`\bat\s+${CLOCK}(?:\s*(?:,\s*(?:and\s+)?|and\s+)${CLOCK})+`, 'gi');
const ALTERNATE = /\b(?:every\s+other\s+day|on\s+alternate\s+days|alternate\s+days|alternate-day)\b/gi;

/** How often a dose is given, from the words near it. */
export function frequencyOf(text: string): Read<Frequency> {
  // "daily for 12-15 days per month": a schedule within the month, not a monthly dose.
  // ("daily for 5 days, repeated every 21 days": the repetition is the course's cycle, see cycleDaysOf.)
  let t = text
    .replace(NOT_FREQUENCY, ' ')
    .replace(/\b\d+(?:\s*(?:-|–|to)\s*\d+)?\s+days?\s+(?:per|a|each|every)\s+(?:month|cycle)\b/gi, ' ');
  t = withoutCourseRepeat(t, text);
  // "2.5 mg three times per day, approximately every 6 hours": the stated count; the interval is only about its spacing.
  if (APPROX_EVERY.test(t) && TIMES_A_DAY_TEST.test(t)) t = t.replace(APPROX_EVERY, ' ');
  MEALS_AND_BEDTIME.lastIndex = 0;
  if (MEALS_AND_BEDTIME.test(t)) {
    if (!TIMES_A_DAY_TEST.test(t)) return AMBIGUOUS;
    // ("120 mg four times daily, taken half an hour before meals and at bedtime": the count, and when the doses fall.)
    t = t.replace(MEALS_AND_BEDTIME, ' ');
  }
  if (RANGE_FREQ.some((re) => re.test(t))) return AMBIGUOUS;
  const found: Read<Frequency>[] = [];
  let rest = t;
  const take = (re: RegExp, f: (m: RegExpExecArray) => Read<Frequency>): void => {
    re.lastIndex = 0;
    rest = rest.replace(re, (...args: unknown[]) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      found.push(f(m));
      return ' ';
    });
  };
  const has = (w: RegExp): boolean => w.test(t);
  if (has(/altern|other/i)) take(ALTERNATE, () => freq(null, null, 2));
  if (has(/da(?:y|ily)/i)) take(TIMES_A_DAY, (m) => {
    const n = numberOf(m[1] ?? m[2] ?? '');
    return n !== null && Number.isInteger(n) && n > 0 ? freq(n, null, null) : AMBIGUOUS;
  });
  // "four days a week": on four days of each week (not weekly).
  if (has(/week/i)) take(DAYS_A_WEEK, (m) => {
    const n = numberOf(m[1]!);
    return n !== null && Number.isInteger(n) && n > 1 && n < 7 ? freq(null, n, null) : AMBIGUOUS;
  });
  if (has(/week/i)) take(TIMES_A_WEEK, (m) => {
    const n = numberOf(m[1] ?? m[2] ?? '');
    if (n === 1) return freq(null, null, 7);
    return n !== null && Number.isInteger(n) && n > 1 ? freq(null, n, null) : AMBIGUOUS;
  });
  if (has(/every|each/i)) take(EVERY, (m) => {
    const other = m[1] !== undefined && /^other/i.test(m[1]);
    const n = other ? 2 : m[1] === undefined ? 1 : numberOf(m[1].trim());
    const unit = m[2]!.toLowerCase();
    if (n === null || n <= 0) return AMBIGUOUS;
    if (unit === 'night' || unit === 'morning' || unit === 'evening') return n === 1 ? freq(1, null, null) : AMBIGUOUS;
    if (unit.startsWith('h')) {
      if (n <= 24 && Number.isInteger(24 / n)) return freq(24 / n, null, null);
      if (n % 24 === 0) return freq(null, null, n / 24);
      return AMBIGUOUS;
    }
    if (unit.startsWith('d')) return n === 1 ? freq(1, null, null) : freq(null, null, n);
    if (unit.startsWith('w')) return freq(null, null, 7 * n);
    if (unit === 'fortnight') return freq(null, null, 14);
    return AMBIGUOUS; // months, years: not a fixed number of days
  });
  if (has(/q\s?\d/i)) take(Q_HOURS, (m) => {
    const n = Number(m[1]);
    return n > 0 && n <= 24 && Number.isInteger(24 / n) ? freq(24 / n, null, null) : AMBIGUOUS;
  });
  if (has(/\d\s*[ap]\.?m\b/i)) take(CLOCK_TIMES, (m) => freq(m[0].match(new RegExp(CLOCK, 'gi'))!.length, null, null));
  take(LATIN, (m) => (m[1] ? freq(2, null, null) : m[2] ? freq(3, null, null) : m[3] ? freq(4, null, null) : freq(1, null, null)));
  if (has(/fortnight/i)) take(FORTNIGHTLY, () => freq(null, null, 14));
  if (has(/month/i)) take(MONTHLY, () => AMBIGUOUS);
  if (has(/week/i)) take(WEEKLY, () => freq(null, null, 7));
  if (has(/da(?:y|ily)|night|bed/i)) take(DAILY, () => freq(1, null, null));
  // "6 mg/kg once daily for 5 days a week": how often on each of those days, and on how many.
  if (found.length === 2) {
    const [a, b] = found;
    const days = [a, b].find((f): f is Frequency => f !== undefined && f !== null && f !== AMBIGUOUS && f.timesPerWeek !== null && f.timesPerDay === null && f.everyDays === null && DAYS_A_WEEK_TEST.test(t));
    const perDay = [a, b].find((f): f is Frequency => f !== undefined && f !== null && f !== AMBIGUOUS && f.timesPerDay !== null && f.timesPerWeek === null && f.everyDays === null);
    if (days && perDay) return freq(perDay.timesPerDay, days.timesPerWeek, null);
  }
  return agree(found, sameFreq);
}

// ---- duration, infusion, days, cycle -----------------------------------------------------------

export interface Duration {
  days: number | null;
  weeks: number | null;
}
const DURATION_RANGE = new RegExp(String.raw`\b(?:for|x|×)\s+(?:up\s+to\s+|at\s+least\s+|about\s+|approximately\s+)?${NUM}\s*(?:-|–|to|or)\s*${NUM}\s+(?:consecutive\s+)?(?:days?|weeks?)\b|\bfor\s+(?:the\s+(?:first|next)\s+)?(?:at\s+least|a\s+minimum\s+of|more\s+than|less\s+than|several|a\s+few|few)\b`, 'i');
const DURATION = new RegExp(String.raw`(?:\bfor|\bx|×|\bon(?=\s+\w+\s+consecutive\s+days?\b))\s+(?:up\s+to\s+|a\s+(?:total|period|course|maximum)\s+of\s+|another\s+|a\s+further\s+)?${NUM}\s+(?:consecutive\s+|more\s+)?(days?|weeks?)\b(?!\s+(?:(?:a|per|each|every)\s+(?:week|month)|weekly|monthly))|\bfor\s+the\s+first\s+()(day|week)\b`, 'gi');

/**
 * `for 5 consecutive days` (or `on three consecutive days`) → 5 days, `for up to 12 weeks` (or `for a maximum of …`)
 * → 12 weeks; ranges and minimums are AMBIGUOUS. "for 5 days a week" is no duration but a frequency (see `frequencyOf`),
 * nor "on two consecutive days monthly" (a monthly pattern).
 */
export function durationOf(text: string): Read<Duration> {
  if (!/\b(?:for|x)\b|×|\bconsecutive\b/i.test(text)) return null;
  if (DURATION_RANGE.test(text)) return AMBIGUOUS;
  // "starting 1–2 days before travel and continuing for 7 days after leaving": how long after, not the course's length.
  if (/\b(?:starting|beginning)\b[^.;]{0,60}\bbefore\b/i.test(text) && /\bfor\s+\S+\s+(?:days?|weeks?)\s+after\b/i.test(text)) return AMBIGUOUS;
  // "for three consecutive days before and three consecutive days after myelotoxic therapy": two spans around an event.
  if (/\b(?:days?|weeks?)\s+before\s+and\s+(?:\S+\s+){0,3}(?:days?|weeks?)\s+after\b/i.test(text)) return AMBIGUOUS;
  const found: Read<Duration>[] = [];
  DURATION.lastIndex = 0;
  for (let m = DURATION.exec(text); m; m = DURATION.exec(text)) {
    // "for the first week": one week.
    const n = m[3] !== undefined ? 1 : numberOf(m[1]!);
    const unit = m[2] ?? m[4]!;
    if (n === null || !Number.isInteger(n) || n <= 0) found.push(AMBIGUOUS);
    else found.push(unit.toLowerCase().startsWith('d') ? { days: n, weeks: null } : { days: null, weeks: n });
  }
  return agree(found, (a, b) => a.days === b.days && a.weeks === b.weeks);
}

const INFUSION_RANGE = new RegExp(String.raw`\bover\s+(?:a\s+period\s+of\s+)?(?:at\s+least|not\s+less\s+than|a\s+minimum\s+of|up\s+to|more\s+than|less\s+than|no\s+less\s+than|${NUM}\s*(?:-|–|to|or)\s*${NUM})\b|\b${NUM}\s*(?:-|–|to)\s*${NUM}[- ](?:minutes?|mins?|hours?|hrs?)\s+(?:intravenous\s+|iv\s+)?infusion|\bover\s+${NUM}\s*(?:minutes?|mins?|hours?|hrs?|h)\s+or\s+(?:less|more|longer)\b|\bover\s+${NUM}\s*(?:minutes?|mins?|hours?|hrs?|h)\s+or\s+(?:over\s+)?${NUM}\s*(?:minutes?|mins?|hours?|hrs?|h)\b`, 'i');
const INFUSION_TIME = new RegExp(String.raw`\bover\s+(?:a\s+period\s+of\s+)?(?:(?:approximately|about|around)\s+)?(?:${NUM}|half\s+an)\s*(minutes?|mins?|hours?|hrs?|h|seconds?|secs?)\b|\b(?:as\s+an?\s+)?${NUM}[- ](minutes?|mins?|hours?|hrs?)\s+(?:intravenous\s+|iv\s+|IV\s+)?infusion`, 'gi');

/** `over 2 hours` → 120, `over approximately 30 minutes` → 30 (the gold file's reading), `as a 30-minute infusion` → 30; ranges and minimums are AMBIGUOUS. */
export function infusionMinutesOf(text: string): Read<number> {
  if (!/over|infusion/i.test(text)) return null;
  if (INFUSION_RANGE.test(text)) return AMBIGUOUS;
  const found: Read<number>[] = [];
  INFUSION_TIME.lastIndex = 0;
  for (let m = INFUSION_TIME.exec(text); m; m = INFUSION_TIME.exec(text)) {
    const unit = (m[2] ?? m[4] ?? '').toLowerCase();
    const n = m[1] !== undefined ? numberOf(m[1]) : m[3] !== undefined ? numberOf(m[3]) : 0.5;
    if (n === null || n <= 0) found.push(AMBIGUOUS);
    // ("IV bolus over 60 seconds": one minute; "over 30 seconds", no whole minute, is left unread.)
    else if (unit.startsWith('s')) {
      if (n % 60 === 0) found.push(n / 60);
    } else found.push(unit.startsWith('h') ? n * 60 : n);
  }
  return agree(found);
}

const DAY_LIST = /\bdays?\s+(\d{1,3}(?:\s*(?:,|and|&|to|through|thru|-|–)\s*(?:and\s+)?\d{1,3})*|one|two|three|four|five|six|seven)\b/gi;

/** `on days 1, 8 and 15` → [1, 8, 15]; `days 1–5` → [1 … 5]; `on the first day` → [1]. */
export function daysOf(text: string): Read<number[]> {
  const firstDay = /\bon\s+(?:the\s+)?(?:first|1st)\s+day\b/i.test(text);
  if (!firstDay && !/days?\s+(?:\d+|one|two|three|four|five|six|seven)\b/i.test(text)) return null;
  // "70 mg on the first day, followed by 50 mg daily": day 1.
  const found: Read<number[]>[] = firstDay ? [[1]] : [];
  // "on day 1 (transplant day, before implantation) and day 5": a parenthesis inside the list is no day.
  text = text.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ');
  // "once every 2 weeks, starting on day 21", "starting on day 5 … or day 6 of ovarian stimulation": when the schedule
  // starts (and its alternatives), not the days of a cycle.
  if (/\b(?:starting|beginning|commencing)\s+on\s+(?:the\s+)?(?:cycle\s+)?days?\s+\d/i.test(text)) return firstDay ? [1] : null;
  // "on days 1-5 and days 8-12": one list.
  text = text.replace(/(\bdays?\s+\d[\d\s,–-]*)\s+and\s+(?:on\s+)?days?\s+(?=\d)/gi, '$1 and ');
  DAY_LIST.lastIndex = 0;
  for (let m = DAY_LIST.exec(text); m; m = DAY_LIST.exec(text)) {
    // "for 5 days", "3 days after": a count of days, not a day number.
    const before = text.slice(0, m.index);
    if (/\d\s*$/.test(before) || /\b(?:consecutive|\d+)\s*$/i.test(before)) continue;
    // "within 3 days", "for days": not day numbers.
    // ("starting day 14", "from day 8 onward": when a course starts, not its days.)
    // ("from days 1-4": the days of a range, not a start.)
    const fromRange = /\bfrom\s*$/i.test(before) && /^days\s+\d+\s*(?:-|–|to|through)\s*\d+\b/i.test(m[0]) && !/^\s*(?:onwards?|and\s+beyond)\b/i.test(text.slice(m.index + m[0].length));
    if (!fromRange && /\b(?:for|within|after|before|up to|over|next|first|last|every|each|of|starting|beginning|from|until|till)\s*$/i.test(before) && !/\bon\s*$/i.test(before)) continue;
    const list = parseDayList(m[1]!);
    // "cycle day 3, 5, or other days": one of several days, not a list of days.
    found.push(list !== null && !/^\s*,?\s*or\b/i.test(text.slice(m.index + m[0].length)) ? list : AMBIGUOUS);
  }
  return agree(found, (a, b) => a.join() === b.join());
}

export function parseDayList(s: string): number[] | null {
  const word = numberOf(s.trim());
  if (word !== null && /^[a-z]+$/i.test(s.trim())) return [word];
  const out: number[] = [];
  const parts = s.split(/\s*(?:,|\band\b|&)\s*/).filter((p) => p.trim());
  for (const p of parts) {
    const r = /^(\d{1,3})\s*(?:to|through|thru|-|–)\s*(\d{1,3})$/.exec(p.trim());
    if (r) {
      const a = Number(r[1]);
      const b = Number(r[2]);
      if (b < a || b - a > 60) return null;
      for (let d = a; d <= b; d++) out.push(d);
    } else if (/^\d{1,3}$/.test(p.trim())) out.push(Number(p.trim()));
    else return null;
  }
  if (out.length === 0 || out.some((d) => d < 1)) return null;
  for (let i = 1; i < out.length; i++) if (out[i]! <= out[i - 1]!) return null;
  return out;
}

const CYCLE = new RegExp(String.raw`\b(\d{1,3}|${NUM_NC})[- ](day|week)\s+(?:treatment\s+|chemotherapy\s+)?cycles?\b|\bcycles?\s+(?:of|lasting)\s+(\d{1,3}|${NUM_NC})\s+(days|weeks)\b`, 'gi');

/** "repeated every", "repeat the course every". */
const REPEAT_EVERY = String.raw`\brepeat(?:ed|ing)?\s+(?:the\s+(?:course|cycle)\s+)?every\s+`;
const REPEAT_LEAD = String.raw`\bfor\s+${NUM}\s+(?:consecutive\s+)?days?\b[^.;]{0,40}?,?\s*(?:and\s+)?(?:then\s+)?${REPEAT_EVERY}`;
/**
 * "daily for 5 consecutive days, repeated every 21 days": a course of days repeated at a longer interval is a cycle
 * (not "150 mg, repeated every 7 days", a dose given weekly).
 */
export const REPEATED_COURSE = new RegExp(String.raw`${REPEAT_LEAD}${NUM}\s+(days?|weeks?)\b`, 'i');
/** The same with an interval that may be a range ("daily for 2 days, repeated every 3-4 weeks"): the course's repetition, no frequency of its doses. */
const REPEATED_COURSE_OPEN = new RegExp(String.raw`${REPEAT_LEAD}${NUM}(?:\s*(?:-|–|to)\s*${NUM})?\s+(days?|weeks?)\b`, 'i');

/** A text without the repetition of its course ("…, repeated every 3-4 weeks"), when `whole` states one. */
export function withoutCourseRepeat(text: string, whole = text): string {
  return /repeat/i.test(whole) && REPEATED_COURSE_OPEN.test(whole) ? text.replace(COURSE_REPEAT, ' ') : text;
}
const COURSE_REPEAT = new RegExp(String.raw`${REPEAT_EVERY}\S+\s+(?:days?|weeks?)\b`, 'gi');

/** `21-day cycle` → 21; `3-week cycle` → 21; `daily for 5 days, repeated every 21 days` → 21. */
export function cycleDaysOf(text: string): Read<number> {
  const course = /repeat/i.test(text) ? REPEATED_COURSE.exec(text) : null;
  if (course) {
    const days = numberOf(course[1]!);
    const n = numberOf(course[2]!);
    const every = n === null ? null : /^w/i.test(course[3]!) ? n * 7 : n;
    // "repeated every 3 weeks or after hematologic recovery": no one interval.
    if (/^\s*or\b/i.test(text.slice(course.index + course[0].length))) return AMBIGUOUS;
    if (days !== null && every !== null && Number.isInteger(every) && every > days && !/cycle/i.test(text)) return every;
  }
  if (!/cycle/i.test(text)) return null;
  const found: Read<number>[] = [];
  CYCLE.lastIndex = 0;
  for (let m = CYCLE.exec(text); m; m = CYCLE.exec(text)) {
    const n = numberOf(m[1] ?? m[3] ?? '');
    const unit = (m[2] ?? m[4] ?? '').toLowerCase();
    if (n === null || !Number.isInteger(n) || n <= 0) found.push(AMBIGUOUS);
    else found.push(unit.startsWith('w') ? n * 7 : n);
  }
  return agree(found);
}

// ---- phase, population ---------------------------------------------------------------------------

const PHASE_WORDS: [Phase, RegExp][] = [
  ['loading', /\bloading\b/gi],
  ['maintenance', /\bmaintenance\b/gi],
  ['induction', /\binduction\b/gi],
  // (not "starting on day 14", "starting at week 4": when, not which dose)
  ['initial', /\b(?:initial(?:ly)?|starting(?!\s+(?:(?:on|from|at|in|with)\s+)?(?:the\s+)?(?:end\s+of\s+)?(?:day|week|month|cycle)s?\b)|start(?:s|ed|ing)?\s+(?:with|at)(?!\s+(?:the\s+)?(?:end\s+of\s+)?(?:day|week|month|cycle)s?\b)|commenc(?:e|es|ed|ing)\s+(?:with|at)|begin(?:s|ning)?\s+(?:with|at)|beg[au]n\s+(?:with|at)|initiate[ds]?\s+(?:at|with)|initiation\s+(?:dose\s+)?(?:is|at|with)|first\s+dose)\b/gi],
  ['escalation', /\b(?:increase[ds]?|increasing|titrat\w*|escalat\w*|up-?titrat\w*|uptitrat\w*)\b/gi],
  ['reduction', /\b(?:reduce[ds]?|reducing|reductions?|decrease[ds]?|decreasing|lower(?:ed)?\s+to)\b/gi],
];

/** The phase word nearest the end of a text (the dose follows it). */
export function lastPhase(text: string): Phase | null {
  let best: Phase | null = null;
  let at = -1;
  for (const [phase, re] of PHASE_WORDS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index > at) {
        at = m.index;
        best = phase;
      }
    }
  }
  return best;
}

const LABEL_PHASE: [Phase, RegExp][] = [
  ['loading', /\bloading\b/i],
  ['maintenance', /\bmaintenance\b/i],
  // (not "Ovulation Induction", "labour induction": what the dose is for)
  ['induction', /(?<!\b(?:ovulation|labou?r|sputum)\s)\binduction\b(?!\s+of\b)/i],
  ['initial', /(?<!\b(?:after|following|post|beyond)\s+(?:the\s+|an?\s+)?)\b(?:initial|starting)\s+(?:dose|dosage|dosing|therapy|treatment)\b|^(?:initial|starting|start)\b(?!\s+(?:(?:on|from|at|in)\s+)?(?:day|week|month|cycle)s?\b)|^(?:initiation|starting)\s+of\s+(?:the\s+)?(?:treatment|therapy|dosing)$/i],
  ['escalation', /\b(?:dose\s+)?(?:escalation|titration|up-?titration)\b|^(?:dose\s+)?(?:increase|increasing)$/i],
  ['reduction', /\bdose\s+reduction\b|\breduced\s+dose\b|^(?:dose\s+)?reduction$/i],
];

/** The phase a label names (`Loading Dose`, `Dose Reduction for …`); not "reduced" inside a condition's name. */
export function labelPhase(label: string): Phase | null {
  const found = LABEL_PHASE.filter(([, re]) => re.test(label)).map(([p]) => p);
  return found.length === 1 ? found[0]! : null;
}

/** Phases a text names anywhere. */
export function phasesIn(text: string): Phase[] {
  const out: Phase[] = [];
  for (const [phase, re] of PHASE_WORDS) {
    re.lastIndex = 0;
    if (re.test(text)) out.push(phase);
  }
  return out;
}

// Impaired organ function, not a disease of the organ ("kidney transplant", "fatty liver disease" are indications).
const RENAL = /\b(?:renal|kidney)(?:\s*\/\s*(?:hepatic|liver))?\s+(?:impairment|insufficiency|failure|dysfunction|disease|problems?)\b|\b(?:impaired|reduced|decreased|poor|compromised)\s+(?:renal|kidney)\b|\bcreatinine clearance\b|\bserum creatinine\b|\b(?:crcl|clcr|esrd)\b|\b(?:ha?emo|peritoneal\s+)?dialysis\b|\bha?emo(?:dia)?filtration\b|\brenal replacement therapy\b|\b(?:crrt|cvvhd?f?|capd)\b|\bend-stage renal\b|^renal\b|\brenal\s*$/i;
const HEPATIC = /\b(?:hepatic|liver)\s+(?:impairment|insufficiency|failure|dysfunction|disease|problems?|cirrhosis)\b|\b(?:impaired|reduced|decreased|poor)\s+(?:hepatic|liver)\b|\bchild-pugh\b|\bcirrhosis\b|^hepatic\b|\bhepatic\s*$/i;
const NOT_ORGAN_POPULATION = /\bfatty liver|\bhepatic (?:encephalopathy|coma|porphyria|veno-occlusive)|\bportal[- ]systemic|\bliver (?:cancer|flukes?|abscess|transplant\w*)|\bkidney (?:stones?|transplant\w*|cancer)|\brenal (?:cell|colic|stones?|transplant\w*|calculi|osteodystrophy|tubular acidosis)/i;
// eGFR, not EGFR (the receptor of oncology pages).
const GFR = /\b(?:eGFR|GFR)\b/;
const POPULATION_WORDS: [Population, { test(s: string): boolean }][] = [
  ['renal', { test: (s: string): boolean => !NOT_ORGAN_POPULATION.test(s) && (RENAL.test(s) || GFR.test(s)) }],
  ['hepatic', { test: (s: string): boolean => !NOT_ORGAN_POPULATION.test(s) && HEPATIC.test(s) }],
  ['elderly', /\b(?:elderly|geriatrics?|older (?:adults|patients|people)|aged (?:over|above) 6[05]|over (?:the age of )?6[05](?!\s*(?:kg|kilograms?|lbs?|pounds?|ml|mg)\b)|>\s*6[05] years|65 years (?:and|or) older)\b/i],
  ['child', /\b(?:child(?:ren)?(?![\w-])|pa?ediatrics?|infants?|neonates?|neonatal|newborns?|adolescents?|kids|toddlers?|boys|girls|babies|(?:pre-?)?teens|teenagers)\b/i],
  ['adult', /\badults?\b/i],
];

/** Populations a text names (renal, hepatic, elderly, child, adult). */
export function populationsIn(text: string): Population[] {
  return POPULATION_WORDS.filter(([, re]) => re.test(text)).map(([p]) => p);
}

/** The population a text is about; renal or hepatic impairment is more specific than an age group. */
export function populationOf(text: string): Read<Population> {
  const all = populationsIn(text);
  if (all.length === 0) return null;
  const organ = all.filter((p) => p === 'renal' || p === 'hepatic');
  if (organ.length === 1) return organ[0]!;
  if (organ.length > 1) return AMBIGUOUS;
  // "Elderly adults": the older group.
  if (all.length === 2 && all.includes('elderly') && all.includes('adult')) return 'elderly';
  return all.length === 1 ? all[0]! : AMBIGUOUS;
}

/** `6-12 years` → child, `over 65 years` → elderly, from an age range or bound. */
export function populationOfAges(text: string): Population | null {
  const range = /\b(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})\s*(?:years?|yrs?)\b/i.exec(text);
  if (range) return Number(range[2]) < 18 ? 'child' : Number(range[1]) >= 65 ? 'elderly' : Number(range[1]) >= 18 ? 'adult' : null;
  const under = /\b(?:under|below|less than|younger than|<)\s*(\d{1,2})\s*(?:years?|yrs?)\b/i.exec(text);
  if (under && Number(under[1]) <= 18) return 'child';
  // "6 months - 23 months", "(3 months and older)": infants.
  if (/^\W*\d{1,2}\s*months?\b/i.test(text.trim()) || /\b\d{1,2}\s*(?:-|–|to)\s*\d{1,2}\s*months?\b/i.test(text)) return 'child';
  return null;
}
