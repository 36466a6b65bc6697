import { SECTION_TITLES, type Section, type SectionId, type SourceFormat } from '../../model/index.js';
import type { Rule } from '../rule.js';
import type { SourceView } from '../source.js';
import { notAProduct } from './not-answered.js';

type Required = SectionId | 'generic-name';

/**
 * The sections every page of a format has. The minimal (Jekyll) format's seven `###` headings; for
 * the rich (Astro) format the sections that every complete page of the real corpus has. Other
 * formats (brand pages, plain pages) have no fixed sections.
 */
export const REQUIRED_SECTIONS: Partial<Record<SourceFormat, readonly Required[]>> = {
  minimal: ['generic-name', 'overview', 'dosage', 'side-effects', 'how-it-works', 'precautions', 'faqs'],
  inline: ['overview', 'dosage', 'side-effects', 'precautions'],
  rich: ['overview', 'dosage', 'side-effects', 'contraindications', 'precautions', 'faqs'],
};

const title = (id: Required): string => (id === 'generic-name' ? 'Generic Name' : SECTION_TITLES[id]);
const base = (id: string): string => id.replace(/-\d+$/, '');

/** `section-required-missing`: a page without one of its format's sections. */
export const requiredSections: Rule = {
  name: 'required-sections',
  codes: ['section-required-missing'],
  checkFile(file, view, _ctx, report) {
    const m = file.result.monograph;
    const format = m?.sources[0]?.format;
    // Per-ingredient pages and pages that say the product does not exist have their own findings.
    if (!m || !format || m.perIngredient.length > 0 || m.sections.length === 0 || notAProduct(file, view)) return;
    const present = new Set(m.sections.map((s) => base(s.id)));
    const missing = (REQUIRED_SECTIONS[format] ?? []).filter((id) => !present.has(id));
    if (missing.length === 0) return;
    const names = missing.map(title);
    const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
    const first = m.sections[0]!;
    report('section-required-missing', view.spanOfLines(first.range.start), `The page has no ${list} section${names.length === 1 ? '' : 's'}, which every page in the ${format} format has.`);
  },
};

/** `section-empty`: a section or subsection heading with nothing under it. */
export const emptySections: Rule = {
  name: 'empty-sections',
  codes: ['section-empty'],
  checkFile(file, view, _ctx, report) {
    const m = file.result.monograph;
    if (!m) return;
    const all: Section[] = [...m.sections, ...m.perIngredient.flatMap((g) => g.sections)];
    for (const s of all) {
      // An ingredient's group heading (`### Alprazolam`) only gathers that ingredient's sections.
      if (s.heading === null || s.id.endsWith('-about')) continue;
      if (isEmpty(view, s.range.start, s.range.end)) {
        report('section-empty', view.spanOfLines(s.range.start), `The section "${s.heading}" has no text.`);
        continue;
      }
      for (const sub of s.subsections) {
        if (isEmpty(view, sub.range.start, sub.range.end)) report('section-empty', view.spanOfLines(sub.range.start), `The subsection "${sub.title}" of "${s.heading}" has no text.`);
      }
    }
  },
};

const ATX = /^ {0,3}(#{1,6})(?:[ \t]|$)/;

/**
 * Whether the heading (or `**Label:**`) on line `start` is only a label and nothing follows it
 * before the next heading of its level or higher (for a label: before the end of its span).
 */
function isEmpty(view: SourceView, start: number, spanEnd: number): boolean {
  const head = view.line(start);
  if (!labelOnly(head)) return false;
  const level = ATX.exec(head)?.[1]?.length ?? null;
  for (let n = start + 1; n <= view.lines.length; n++) {
    const line = view.line(n);
    if (level === null ? n > spanEnd : (ATX.exec(line)?.[1]?.length ?? 7) <= level) break;
    if (line.trim() !== '') return false;
  }
  return true;
}

/** A heading or label line that is only a label (`#### **Children:**`, `### Usage`, `**Usage:**`), not a label with text after it. */
function labelOnly(line: string): boolean {
  const inline = line.replace(/^\s{0,3}#{1,6}\s*/, '').trim();
  return /^(?:\*\*[^*]+\*\*\s*:?|\*\*[^*]+:\*\*|__[^_]+__\s*:?|[^*_:]+:?)$/.test(inline);
}
