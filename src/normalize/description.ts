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
 * `**Key:**` bullet, as plain text. A lead-in that ends with a colon ("… prescribed for the
 * treatment of:") is completed with the list that follows it; a section made only of `**Key:**`
 * bullets gives the first value that is prose, without its label.
 */
export function firstProse(markdown: string): string {
  const blocks = markdown.split(/\n\s*\n|\n(?=\s*[-*+]\s)/);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (KEY_VALUE.test(b)) continue;
    const plain = toPlain(b);
    if (plain.length < 20) continue;
    if (plain.endsWith(':')) {
      const items: string[] = [];
      for (let j = i + 1; j < blocks.length && TOP_ITEM.test(blocks[j]!); j++) {
        const kv = KEY_VALUE.exec(blocks[j]!);
        const item = kv ? lowerWords(inlineText(kv[1]!)) : lowerFirst(firstSentence(toPlain(blocks[j]!)));
        if (item) items.push(item);
      }
      // "… treatment of:" runs on into the list; "… several conditions:" keeps its colon.
      if (items.length > 0) return `${plain.slice(0, -1).trimEnd()}${RUNS_ON.test(plain) ? ' ' : ': '}${joinList(items)}.`;
    }
    return plain;
  }
  const values = blocks.flatMap((b) => {
    const m = KEY_VALUE.exec(b);
    return m ? [{ key: inlineText(m[1]!), value: toPlain(m[2]!) }] : [];
  });
  const prose = (v: { value: string }): boolean => v.value.length >= 20;
  const found = values.find((v) => prose(v) && !/class|mechanism|pharmaco/i.test(v.key)) ?? values.find(prose);
  if (!found) return toPlain(markdown);
  // "**Bromhexine:** This is an expectorant…" needs its label to say what "This" is.
  return /^(?:this|it|these|they)\b/i.test(found.value) ? `${found.key}: ${found.value}` : found.value;
}

/** A `**Key:** value` block (bullet or paragraph): key and the text after it. */
const KEY_VALUE = /^\s*(?:[-*+]\s+)?\*\*([^*]+?)(?::\*\*|\*\*\s*:)\s*([\s\S]*)$/;
const TOP_ITEM = /^ ?[-*+]\s/;
const RUNS_ON = /\b(?:of|for|to|treat|prevent|against|in|including|involving|targeting|as|like|with|by|from|manage|relieve|include|includes|such as)\s*:$/i;

/** The first sentence of plain text, without its full stop; abbreviations such as "e.g." do not end it. */
export function firstSentence(t: string): string {
  const m = /^(.+?\S)(?<!\b\p{L})\.(?:\s+(?=\p{Lu})|$)/u.exec(t);
  return (m ? m[1]! : t).replace(/\.$/, '').trim();
}

/** "Relapsing forms" → "relapsing forms"; "B-cell", "HIV" and "IgG" keep their case. */
const lowerFirst = (s: string): string => (/^\p{Lu}\p{Ll}/u.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
/** A Title Case label inside a sentence: "Nasal Congestion Relief" → "nasal congestion relief". */
const lowerWords = (s: string): string => s.replace(/(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}+(?![\p{L}\p{N}-])/gu, (w) => w.toLowerCase());

const joinList = (items: readonly string[]): string =>
  items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
