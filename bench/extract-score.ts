import { moleculeKey } from '../src/brands/index.js';
import type { Regimen } from '../src/clinical/index.js';

/**
 * Scoring of extracted regimens against expected ones (the synthetic manifest, the hand-checked
 * gold file). A regimen is correct when every compared field of the expected one matches:
 * - the manifest: every contract field present in its entry;
 * - the gold file: every field of `GOLD_FIELDS` (a field the entry leaves out is expected null),
 *   and the source line.
 * Numbers compare exactly (amounts in mg), `days` as lists, `indication` by `indicationKey`
 * (case, punctuation and parenthesized parts ignored), `ingredient` by the molecule it names
 * (`moleculeKey`, the brand linker's: "Dextromethorphan Hydrobromide" is the label's
 * "Dextromethorphan", a salt form of one molecule; an ester such as "Cefpodoxime Proxetil" is not
 * stripped; an acid is its anion, "Alendronic Acid" the label's "alendronate"). Extracted and
 * expected regimens are paired one to one, greedily in source order.
 */

export const CONTRACT_FIELDS = [
  'indication', 'population', 'phase', 'amount', 'unit', 'per', 'route', 'everyDays', 'timesPerDay', 'timesPerWeek',
  'cycleDays', 'days', 'durationWeeks', 'infusionMinutes', 'maxDailyAmount',
] as const;
/** The gold file also pins what changes the meaning of an amount: a range, a daily total, the ingredient, a duration in days. */
export const GOLD_FIELDS = [...CONTRACT_FIELDS, 'amountMax', 'amountPer', 'ingredient', 'durationDays'] as const;
export type Field = (typeof GOLD_FIELDS)[number];

export type Expected = Partial<Record<Field, unknown>> & { line?: number };

/**
 * `Multiple Myeloma (Relapsed or Refractory)` → `multiple myeloma`; a leading group word is the population's, not
 * the condition's (`Pediatric ALL` → `all`).
 */
export function indicationKey(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const k = s
    .toLowerCase()
    .replace(/\([^()]*\)/g, ' ')
    .replace(/[^\p{L}\d]+/gu, ' ')
    .trim()
    .replace(/^(?:adults?|pa?ediatric|childhood|children)\s+(?=\S)/, '');
  return k || null;
}

/** An acid and its anion name one molecule: "Alendronic Acid" is the label's "alendronate". */
const ingredientKey = (s: string): string => moleculeKey(s.replace(/ic\s+acid\b/i, 'ate'));

function same(field: Field, want: unknown, got: unknown): boolean {
  if (field === 'indication') return indicationKey(want) === indicationKey(got);
  if (field === 'ingredient') return typeof want === 'string' && typeof got === 'string' ? ingredientKey(want) === ingredientKey(got) : indicationKey(want) === indicationKey(got);
  if (want === undefined) want = null;
  if (got === undefined) got = null;
  if (Array.isArray(want) || Array.isArray(got)) return JSON.stringify(want) === JSON.stringify(got);
  if (field === 'amountPer') return (want ?? 'dose') === (got ?? 'dose');
  return want === got;
}

export interface FieldCounts {
  /** Extracted and right, extracted and wrong, expected but not extracted. */
  tp: number;
  fp: number;
  fn: number;
}
export interface Score {
  pages: number;
  expected: number;
  extracted: number;
  correct: number;
  fields: Record<string, FieldCounts>;
  /** Wrong or missed regimens, for reading. */
  errors: { file: string; kind: 'wrong' | 'missed'; line: number | null; regimen: unknown; expected?: unknown }[];
}

export function emptyScore(): Score {
  return { pages: 0, expected: 0, extracted: 0, correct: 0, fields: {}, errors: [] };
}

/**
 * Score one page. `fields` is what is compared for each expected regimen (all GOLD_FIELDS for the
 * gold file; the manifest entry's own keys for the synthetic corpus); `byLine` also requires the line.
 */
export function scorePage(score: Score, file: string, got: readonly Regimen[], want: readonly Expected[], fieldsOf: (w: Expected) => readonly Field[], byLine: boolean): void {
  score.pages++;
  score.expected += want.length;
  score.extracted += got.length;
  const used = new Set<number>();
  const matched = new Set<number>();
  const value = (r: Regimen, f: Field): unknown => (r as unknown as Record<string, unknown>)[f];
  got.forEach((r, gi) => {
    const wi = want.findIndex((w, i) => !used.has(i) && (!byLine || w.line === r.source.line) && fieldsOf(w).every((f) => same(f, w[f], value(r, f))));
    if (wi >= 0) {
      used.add(wi);
      matched.add(gi);
      score.correct++;
    }
  });
  // Field counts: pair each extracted regimen with the expected one of the same amount (and line).
  const pairUsed = new Set<number>();
  got.forEach((r, gi) => {
    let wi = want.findIndex((w, i) => !pairUsed.has(i) && (!byLine || w.line === r.source.line) && w.amount === r.amount && same('per', w.per, r.per) && fieldsOf(w).every((f) => same(f, w[f], value(r, f))));
    if (wi < 0) wi = want.findIndex((w, i) => !pairUsed.has(i) && (!byLine || w.line === r.source.line) && w.amount === r.amount && same('per', w.per, r.per));
    const w = wi >= 0 ? want[wi]! : null;
    if (wi >= 0) pairUsed.add(wi);
    for (const f of w ? fieldsOf(w) : []) {
      const c = (score.fields[f] ??= { tp: 0, fp: 0, fn: 0 });
      const g = value(r, f);
      const e = w![f] ?? null;
      if (g !== null && g !== undefined && same(f, e, g) && e !== null) c.tp++;
      else if (g !== null && g !== undefined && !(f === 'amountPer' && g === 'dose' && e === null) && !same(f, e, g)) c.fp++;
      else if ((g === null || g === undefined) && e !== null) c.fn++;
    }
    if (!w) {
      const c = (score.fields['(unpaired)'] ??= { tp: 0, fp: 0, fn: 0 });
      c.fp++;
    }
    if (!matched.has(gi)) score.errors.push({ file, kind: 'wrong', line: r.source.line, regimen: compact(r), ...(w ? { expected: w } : {}) });
  });
  want.forEach((w, wi) => {
    if (!used.has(wi)) score.errors.push({ file, kind: 'missed', line: w.line ?? null, regimen: w });
    if (!pairUsed.has(wi)) {
      for (const f of fieldsOf(w)) if ((w[f] ?? null) !== null) (score.fields[f] ??= { tp: 0, fp: 0, fn: 0 }).fn++;
    }
  });
}

/** A regimen without nulls, empty lists and its long source, for error listings. */
export function compact(r: Regimen): Record<string, unknown> {
  const o: Record<string, unknown> = { line: r.source.line };
  for (const [k, v] of Object.entries(r)) {
    if (v === null || k === 'source' || k === 'unit' || k === 'context' || (Array.isArray(v) && v.length === 0) || (k === 'single' && v === false) || (k === 'amountPer' && v === 'dose')) continue;
    o[k] = v;
  }
  o['text'] = r.source.text.length > 120 ? r.source.text.slice(0, 117) + '…' : r.source.text;
  return o;
}

export const precision = (s: Score): number => (s.extracted === 0 ? 1 : s.correct / s.extracted);
export const recall = (s: Score): number => (s.expected === 0 ? 1 : s.correct / s.expected);
export const f1 = (s: Score): number => {
  const p = precision(s);
  const r = recall(s);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};
