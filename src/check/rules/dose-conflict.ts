import type { Section } from '../../model/index.js';
import type { Span } from '../finding.js';
import { doseStatements, rangeLabel, type DoseStatement, type PerBody } from '../../clinical/dose-statements.js';
import type { CheckContext, Rule } from '../rule.js';

/** Two sources conflict when their dose ranges in one unit do not overlap and are this many times apart. */
const APART = 2;

interface SourceDoses {
  file: string;
  /** Per unit family: the range of doses and where the first one is. */
  ranges: Map<PerBody, { min: number; max: number; first: Span; text: string }>;
}

/**
 * `dose-conflict-between-sources`: a drug described by two sources (merged into one catalogue
 * entry) whose Dosage sections give doses in the same unit family that do not overlap and are at
 * least twofold apart. Only single-drug pages: a combination page lists each ingredient's doses.
 */
export const doseConflict: Rule = {
  name: 'dose-conflict',
  codes: ['dose-conflict-between-sources'],
  checkCatalog(ctx, report) {
    for (const entry of ctx.catalog.entries) {
      const m = entry.monograph;
      if (m.kind !== 'composition' || m.alternates.length === 0) continue;
      const sources: SourceDoses[] = [];
      const primary = m.sources[0];
      if (primary) sources.push(dosesOf(ctx, primary.file, m.sections));
      for (const alt of m.alternates) sources.push(dosesOf(ctx, alt.source.file, alt.sections));
      const [a, ...others] = sources;
      if (!a) continue;
      for (const b of others) {
        for (const [per, rb] of b.ranges) {
          const ra = a.ranges.get(per);
          if (!ra) continue;
          if (rb.max * APART < ra.min || ra.max * APART < rb.min) {
            report(
              'dose-conflict-between-sources',
              rb.first,
              `This source gives ${rangeLabel(rb.min, rb.max, per)} (e.g. "${rb.text}") where ${a.file} gives ${rangeLabel(ra.min, ra.max, per)} (e.g. "${ra.text}") for the same drug; the ranges do not overlap.`,
              { file: b.file, related: [{ file: a.file, ...ra.first, message: `the doses of ${a.file}` }] },
            );
          }
        }
      }
    }
  },
};

function dosesOf(ctx: CheckContext, file: string, sections: readonly Section[]): SourceDoses {
  const out: SourceDoses = { file, ranges: new Map() };
  const f = ctx.file(file);
  if (!f) return out;
  const view = ctx.view(f);
  for (const s of sections) {
    if (s.id.replace(/-\d+$/, '') !== 'dosage') continue;
    for (let n = s.range.start; n <= s.range.end; n++) {
      // Infusion rates (per minute, per hour) are not doses.
      for (const d of doseStatements(view.line(n))) if (d.period === null || d.period === 1440) add(out, d, view.spanAt(n, d.index, d.length));
    }
  }
  return out;
}

function add(out: SourceDoses, d: DoseStatement, at: Span): void {
  const r = out.ranges.get(d.per);
  if (!r) out.ranges.set(d.per, { min: d.min, max: d.max, first: at, text: d.text });
  else {
    r.min = Math.min(r.min, d.min);
    r.max = Math.max(r.max, d.max);
  }
}
