import type { Monograph } from '../../model/index.js';
import { DESCRIPTION_MAX, descriptionDamage, firstProse } from '../../normalize/description.js';
import type { CheckFile } from '../source.js';
import { replaceFrontmatterField } from './frontmatter-edit.js';

/** A description may run past DESCRIPTION_MAX to keep its first sentence whole, but not past this. */
const HARD_MAX = 320;
const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * A description made of the first whole sentences of the Usage section's first prose (the
 * normalizer's own repair, `firstProse`), so it is never cut mid-word or mid-sentence; null when
 * there is no Usage prose or its first sentence is too long to use whole.
 */
export function regeneratedDescription(m: Monograph): string | null {
  const overview = m.sections.find((s) => s.id === 'overview');
  if (!overview) return null;
  const prose = firstProse(overview.markdown).replace(/\s+/g, ' ').trim();
  if (prose === '') return null;
  let out = '';
  for (const { segment } of SENTENCES.segment(prose)) {
    const next = (out + segment).trim();
    if (out !== '' && next.length > DESCRIPTION_MAX) break;
    out = next + ' ';
  }
  const text = out.trim();
  if (text.length > HARD_MAX || !/[.!?)]$/.test(text) || descriptionDamage(text) !== null) return null;
  return text;
}

/** Why a description that the loader accepted is still damaged (cut inside a word or a sentence of Usage), or null. */
export function cutDescription(m: Monograph): string | null {
  if (m.description.origin !== 'frontmatter' || m.description.original === null) return null;
  const overview = m.sections.find((s) => s.id === 'overview');
  if (!overview) return null;
  const raw = m.description.original.replace(/\s+/g, ' ').trim();
  const prose = firstProse(overview.markdown).replace(/\s+/g, ' ').trim();
  if (raw.length < 20 || prose.length <= raw.length || !prose.startsWith(raw)) return null;
  if (/[\p{L}\p{N}]/u.test(prose[raw.length]!)) return `it stops inside the word "${wordAt(prose, raw.length)}" of the Usage text`;
  if (!/[.!?)"'”]$/.test(raw)) return 'it stops in the middle of a sentence of the Usage text';
  return null;
}

function wordAt(text: string, at: number): string {
  let a = at;
  let b = at;
  while (a > 0 && /[\p{L}\p{N}-]/u.test(text[a - 1]!)) a--;
  while (b < text.length && /[\p{L}\p{N}-]/u.test(text[b]!)) b++;
  return text.slice(a, b);
}

/** The file with its damaged description regenerated from Usage, or null when there is nothing (safe) to do. */
export function fixDescription(file: CheckFile): string | null {
  const m = file.result.monograph;
  if (!m || file.text === null) return null;
  const damaged = file.result.diagnostics.some((d) => d.code === 'description-damaged') || cutDescription(m) !== null;
  if (!damaged) return null;
  const text = regeneratedDescription(m);
  if (text === null || text === m.description.original) return null;
  return replaceFrontmatterField(file.text, 'description', text);
}
