import type { RelatedLocation, Span } from '../finding.js';
import { doseStatements, rangeLabel, type DoseStatement } from '../../clinical/dose-statements.js';
import type { Rule } from '../rule.js';
import type { SourceView } from '../source.js';

interface Located {
  line: number;
  dose: DoseStatement;
}

const MIXED = /\b(?:mg|mcg|µg|g)\s*\/\s*(?:m²|m2)\s*\/\s*kg\b|\b(?:mg|mcg|µg|g)\s*\/\s*kg\s*\/\s*(?:m²|m2)(?![\p{L}\d])/giu;
/** Between a dose and an equivalent in parentheses: `0.000011 mg/kg/min (0.65 mcg/kg/min)`. */
const EQUIVALENT_GAP = /^\s*\(\s*(?:=|≈|~|approximately|approx\.?|about|i\.e\.,?|or|equivalent to)?\s*$/i;
/** A maximum stated just before a dose: "Maximum daily dose: 4 g", "should not exceed 4 g per day". */
const MAX_BEFORE = /(?:\bmax(?:imum|\.)?\b[^.;:]{0,40}(?:dose|intake|of|is|:)\s*[:=]?\s*(?:is|of)?\s*|\bnot (?:to )?exceed\s*|\bshould not exceed\s*)$/i;
const DAILY_NEAR = /\b(?:daily|per day|a day|\/\s*day|in 24 hours|every 24 hours)\b/i;
const FACTOR = 10;
const SUBGROUP = /\b(?:child(?:ren)?|pediatric|paediatric|infants?|neonat\w*|adolescents?|elderly|geriatric|renal|hepatic|kidney|liver|under \d+|below \d+|less than \d+)\b/i;

/** The sentence of `text` around `at`. */
function sentenceOf(text: string, at: number): string {
  const start = text.lastIndexOf('. ', at);
  const end = text.indexOf('. ', at);
  return text.slice(start < 0 ? 0 : start + 2, end < 0 ? text.length : end + 1);
}

/**
 * `dose-implausible`: dose statements that cannot all be right — the same value per kg and per m²,
 * mixed units (mg/m²/kg), an equivalent in parentheses that does not match, a daily dose more than
 * ten times the page's own stated maximum daily dose.
 */
export const doseUnits: Rule = {
  name: 'dose-units',
  codes: ['dose-implausible'],
  checkFile(file, view, _ctx, report) {
    const m = file.result.monograph;
    if (!m || file.text === null || !/\d/.test(file.text)) return;
    const here = (line: number, d: DoseStatement): Span => view.spanAt(line, d.index, d.length);
    const rel = (line: number, d: DoseStatement, message: string): RelatedLocation => ({ file: file.file, ...here(line, d), message });

    if (/\/\s*kg\s*\/|\/\s*(?:m²|m2)\s*\//i.test(file.text)) for (const { line, match } of view.matches(MIXED, view.bodyStart)) {
      report('dose-implausible', view.spanAt(line, match.index, match[0].length), `The dose unit "${match[0]}" mixes body surface (m²) and body weight (kg); a dose is given per kg or per m², not both.`);
    }

    const all: Located[] = [];
    for (let n = view.bodyStart; n <= view.lines.length; n++) {
      const text = view.line(n);
      const doses = doseStatements(text);
      doses.forEach((d, k) => {
        all.push({ line: n, dose: d });
        const next = doses[k + 1];
        // Only a parenthesis that holds nothing but the other dose: "(equivalent to 120 mg bismuth
        // oxide)" or "(0.3 mg/kg/hour in elderly)" say something else.
        if (next && EQUIVALENT_GAP.test(text.slice(d.index + d.length, next.index)) && /^\s*\)/.test(text.slice(next.index + next.length))) {
          const ratio = comparableRatio(d, next);
          if (ratio !== null && (ratio > 2 || ratio < 0.5)) {
            report('dose-implausible', here(n, next), `"${next.text}" is given as the equivalent of "${d.text}", but they differ ${ratio > 1 ? ratio.toPrecision(2) : (1 / ratio).toPrecision(2)}-fold; one of the units or values is wrong.`, {
              related: [rel(n, d, 'the dose it is said to equal')],
            });
          }
        }
      });
    }

    // The same number and unit per kg in one place and per m² in another.
    const perKg = new Map<string, Located>();
    const perM2 = new Map<string, Located>();
    const reported = new Set<string>();
    for (const x of all) {
      if (x.dose.per === null) continue;
      const key = `${x.dose.number}\u0000${x.dose.unit.toLowerCase()}`;
      const [mine, other] = x.dose.per === 'kg' ? [perKg, perM2] : [perM2, perKg];
      if (!mine.has(key)) mine.set(key, x);
      const first = other.get(key);
      if (!first || reported.has(key)) continue;
      reported.add(key);
      const [unit, otherUnit] = x.dose.per === 'kg' ? ['kg of body weight', 'm² of body surface'] : ['m² of body surface', 'kg of body weight'];
      report('dose-implausible', here(x.line, x.dose), `"${x.dose.text}" is also written "${first.dose.text}" on this page (line ${first.line}): the same value per ${unit} and per ${otherUnit} is a unit confusion.`, {
        related: [rel(first.line, first.dose, 'the same value in the other unit')],
      });
    }

    // A daily dose beyond ten times the stated maximum daily dose (single-drug pages: a combination
    // page states the maximum of each ingredient).
    if (m.kind !== 'composition') return;
    const maxima: Located[] = [];
    const daily: Located[] = [];
    for (const x of all) {
      const text = view.line(x.line);
      const before = text.slice(Math.max(0, x.dose.index - 70), x.dose.index);
      const after = text.slice(x.dose.index + x.dose.length, x.dose.index + x.dose.length + 25);
      const isDaily = x.dose.period === 1440 || DAILY_NEAR.test(before.slice(-30)) || DAILY_NEAR.test(after);
      if (!isDaily) continue;
      if (!MAX_BEFORE.test(before)) daily.push(x);
      // A maximum for a subgroup (children, renal impairment…) is no limit on the adult dose.
      else if (!SUBGROUP.test(sentenceOf(text, x.dose.index))) maxima.push(x);
    }
    // Compared within one (sub)section only: "Children: … up to a maximum of 50 mcg/day" limits
    // the children's dose, not the adults' under another heading.
    const block = blocks(view);
    for (const x of daily) {
      const limits = maxima.filter((y) => y.dose.per === x.dose.per && y.dose.period === x.dose.period && block[y.line] === block[x.line]);
      if (limits.length === 0) continue;
      const limit = limits.reduce((a, b) => (b.dose.max > a.dose.max ? b : a));
      if (x.dose.max > FACTOR * limit.dose.max) {
        report('dose-implausible', here(x.line, x.dose), `The daily dose "${x.dose.text}" is more than ${FACTOR} times the maximum daily dose the page states ("${limit.dose.text}", ${rangeLabel(limit.dose.min, limit.dose.max, limit.dose.per)}).`, {
          related: [rel(limit.line, limit.dose, 'the stated maximum daily dose')],
        });
      }
    }
  },
};

const LABEL_LINE = /^\s{0,3}(?:#{1,6}\s|\*\*[^*]+\*\*\s*:?\s*$|\*\*[^*]+:\*\*\s*$)/;

/** For each line, the line of the heading or label-only line it is under (0 before the first). */
function blocks(view: SourceView): number[] {
  const out = new Array<number>(view.lines.length + 1).fill(0);
  let current = 0;
  for (let n = 1; n <= view.lines.length; n++) {
    if (LABEL_LINE.test(view.line(n))) current = n;
    out[n] = current;
  }
  return out;
}

/** How many times larger `a` is than `b` when they are in the same unit family (per body, per time); null otherwise. */
function comparableRatio(a: DoseStatement, b: DoseStatement): number | null {
  if (a.per !== b.per) return null;
  if ((a.period === null) !== (b.period === null)) return null;
  const rate = (d: DoseStatement, v: number): number => (d.period === null ? v : v / d.period);
  const hi = rate(a, a.max) / rate(b, b.max);
  const lo = rate(a, a.min) / rate(b, b.min);
  if (!Number.isFinite(hi) || !Number.isFinite(lo) || hi <= 0 || lo <= 0) return null;
  // Report the worse of the two ends.
  const far = (r: number): number => Math.max(r, 1 / r);
  return far(hi) >= far(lo) ? hi : lo;
}
