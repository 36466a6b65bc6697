import { inlineText } from '../content/index.js';

export const DESCRIPTION_MAX = 160;

/** Why a frontmatter description cannot be used as it is, or null when it is fine. */
export function descriptionDamage(d: string): string | null {
  const t = d.trim();
  if (t === '') return 'it is empty';
  if (/^[-*+]\s/.test(t)) return 'it starts with a list marker';
  if (/(\.\.\.|…)$/.test(t)) return 'it is cut off and ends with "..."';
  if (/(treatment of|used for|indicated for|prescribed for)\s*:?\s*$/i.test(t)) return 'it stops before saying what the drug is for';
  if (t.length < 25) return 'it is too short to describe the drug';
  return null;
}

/** Plain prose from markdown: list markers, key labels and emphasis removed, whitespace folded. */
export function toPlain(markdown: string): string {
  return markdown
    .split('\n')
    .map((l) => l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''))
    .map((l) => inlineText(l))
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cut at a word boundary to at most `max` characters, ending with `…` when cut. */
export function cutAtWord(text: string, max = DESCRIPTION_MAX): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const slice = t.slice(0, max - 1);
  const sentence = slice.lastIndexOf('. ');
  if (sentence > max * 0.6) return slice.slice(0, sentence + 1);
  const space = slice.lastIndexOf(' ');
  const cut = (space > max * 0.5 ? slice.slice(0, space) : slice).replace(/[\s,;:.(–-]+$/, '');
  return cut + '…';
}

/**
 * The first prose of a Usage section: its first paragraph or first list item that is not a
 * `**Key:**` bullet, as plain text.
 */
export function firstProse(markdown: string): string {
  const blocks = markdown.split(/\n\s*\n|\n(?=\s*[-*+]\s)/);
  for (const b of blocks) {
    if (/^\s*(?:[-*+]\s+)?\*\*[^*]+:\*\*/.test(b)) continue;
    const plain = toPlain(b);
    if (plain.length >= 20) return plain;
  }
  return toPlain(markdown);
}
