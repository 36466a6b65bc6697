import { doseStatements } from './dose-statements.js';

/**
 * Dose amounts in a sentence, from the quality checks' dose-statement reader (values in mg, per kg
 * or m², a period when written), with what a regimen needs on top: `500 mg to 1 g` joined into one
 * range, whether the amount is a daily total, whether it sits inside parentheses. Rates
 * (`mg/kg/hour`, `mcg/kg/min`) are not doses and are left out.
 */
export interface Amount {
  min: number;
  max: number;
  per: 'kg' | 'm2' | null;
  /** Written as a daily total: `mg/day`, `per day`, `a day`. */
  daily: boolean;
  /** Offsets in the sentence. */
  start: number;
  end: number;
  inParens: boolean;
  text: string;
}

/** `mg/kg/day`, `mg per day`, `0.25 mg per kilogram of body weight per day`, `10 g/m² body surface area (BSA) per day`. */
const DAY_AFTER = /^\s*(?:\([^()]*\)\s*)?(?:of\s+body\s*weight\s+|(?:body\s+surface\s+area|bsa)\s+(?:\([^()]*\)\s*)?)?(?:(?:orally|po|iv|im|sc|intravenously|subcutaneously|intramuscularly)\s+)?(?:(?:a|per)\s+day\b|\/\s*(?:day|d)\b)/i;
/** `1.5 g (1 g ampicillin/0.5 g sulbactam) to 3 g`: a range with a parenthesis after its lower end. */
const RANGE_GAP = /^\s*(?:\([^()]*\)\s*)?(?:-|–|—|to)\s*$/;

/** `BID to`, `once daily to`, `every 8 hours to`: a frequency between the two ends of a range that repeats it after the second. */
const FREQUENCY_GAP = /^\s*(bid|tid|qid|od|qd|daily|(?:once|twice|thrice|three\s+times|four\s+times)\s+(?:daily|a\s+day|per\s+day)|every\s+\d+\s+hours?)\s*(?:-|–|to)\s*$/i;

/** Amounts of a sentence in order. */
export function amountsIn(sentence: string): Amount[] {
  const out: Amount[] = [];
  for (const d of doseStatements(sentence)) {
    if (d.period !== null && d.period < 1440) continue; // a rate, not a dose
    const start = d.index;
    let end = d.index + d.length;
    let daily = d.period === 1440;
    const after = sentence.slice(end);
    const day = DAY_AFTER.exec(after);
    if (!daily && day) {
      daily = true;
      end += day[0].length;
    }
    // "0.5 mg/kg/hour" is matched up to "/hour" only when the period is known; "mg/kg/h" too.
    if (/^\s*\/\s*(?:h|hr|hour|min|minute)s?\b|^\s*per\s+(?:hour|minute)\b/i.test(sentence.slice(end))) continue;
    out.push({ min: d.min, max: d.max, per: d.per, daily, start, end, inParens: parenDepth(sentence, start) > 0, text: sentence.slice(start, end) });
  }
  // `500 mg to 1 g`, `1.2 mg - 1.8 mg`: one range (not `from 300 mg to 200 mg`, a change of dose).
  const merged: Amount[] = [];
  for (const a of out) {
    const prev = merged[merged.length - 1];
    const gap = prev ? sentence.slice(prev.end, a.start) : '';
    // ("between 3 mg/kg and 10 mg/kg": one range too.)
    // ("from 50mg BID to 150mg BID": one range, its frequency said at both ends.)
    const freqGap = prev ? FREQUENCY_GAP.exec(gap) : null;
    const sameFrequency = freqGap !== null && new RegExp(String.raw`^\s*${freqGap[1]!.replace(/\s+/g, String.raw`\s+`)}\b`, 'i').test(sentence.slice(a.end));
    const ranged = prev !== undefined && (RANGE_GAP.test(gap) || sameFrequency || (/^\s*and\s*$/i.test(gap) && /\bbetween\s*$/i.test(sentence.slice(0, prev.start))));
    if (prev && prev.per === a.per && (prev.daily === a.daily || a.daily) && prev.inParens === a.inParens && ranged && a.min > prev.max) {
      const before = sentence.slice(0, prev.start);
      if (!/\bfrom\s*$/i.test(before) || /\b(?:rang\w*|var(?:y|ies|ying)|between|adjust(?:ed)?|adjustable)\s*,?\s+(?:\w+ly\s*,?\s+)?from\s*$/i.test(before)) {
        merged[merged.length - 1] = { ...prev, max: a.max, daily: a.daily, end: a.end, text: sentence.slice(prev.start, a.end) };
        continue;
      }
    }
    merged.push(a);
  }
  return merged;
}

function parenDepth(s: string, at: number): number {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    const c = s[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
  }
  return depth;
}

/** The sentence without parenthesized parts that hold an amount (`(or 1 g every 12 hours)`, `(maximum 30 mg/day)`). */
export function withoutAmountParens(s: string): string {
  return s.replace(/\([^()]*\d\s*(?:mg|g|mcg|µg|μg|micrograms?|milligrams?|grams?)\b[^()]*\)/gi, (m) => ' '.repeat(m.length));
}
