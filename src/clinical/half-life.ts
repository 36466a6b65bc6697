import type { Section } from '../model/index.js';
import type { HalfLife } from './schema.js';
import { sectionLines, sentences } from './section-lines.js';

/**
 * The elimination half-life a page states ("The elimination half-life is approximately 11 days"),
 * in hours. Only a sentence with one half-life value is read; a metabolite's, or two values for two
 * groups ("2 hours in adults and 8 hours in neonates"), give nothing.
 */

const HALF_LIFE = /\bhalf[- ]?li(?:fe|ves)\b/i;
const VALUE = /(?<![\w.])(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*(hours?|hrs?|h|days?|weeks?|minutes?|mins?)\b/gi;
const HOURS: Record<string, number> = { h: 1, d: 24, w: 168, m: 1 / 60 };

export interface HalfLifeOptions {
  file: string;
}

export function extractHalfLife(sections: readonly Section[], opts: HalfLifeOptions): HalfLife | null {
  const order = ['how-it-works', 'summary', 'overview'];
  const ordered = [...sections].sort((a, b) => rank(order, a.id) - rank(order, b.id));
  for (const section of ordered) {
    if (section.id === 'faqs' || section.id === 'dosage' || !/half[- ]?li/i.test(section.markdown)) continue;
    for (const l of sectionLines(section)) {
      if (!HALF_LIFE.test(l.text)) continue;
      for (const s of sentences(l.text)) {
        const at = s.text.search(HALF_LIFE);
        if (at < 0) continue;
        const after = s.text.slice(at);
        if (/\bmetabolites?\b/i.test(s.text) || /\bterminal\b[^.]*\bdistribution\b/i.test(s.text)) continue;
        const values = [...after.matchAll(VALUE)];
        if (values.length !== 1) continue;
        const v = values[0]!;
        // The value belongs to the half-life only if little stands between them.
        if ((v.index ?? 0) > 60) continue;
        const factor = HOURS[v[3]!.toLowerCase().startsWith('mi') ? 'm' : v[3]!.toLowerCase()[0]!]!;
        const lo = Number(v[1]) * factor;
        const hi = v[2] !== undefined ? Number(v[2]) * factor : null;
        if (!(lo > 0) || (hi !== null && !(hi > lo))) continue;
        return { hours: round(lo), hoursMax: hi === null ? null : round(hi), source: { file: opts.file, line: l.line, text: s.text } };
      }
    }
  }
  return null;
}

const rank = (order: readonly string[], id: string): number => {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
};
const round = (v: number): number => Number(v.toPrecision(6));
