import { inlineText } from '../content/index.js';
import type { Section } from '../model/index.js';
import { namesConditionWord } from './labels.js';

/**
 * A section's markdown as lines with their file line numbers and the labels they are written
 * under: headings, `**Label:**` paragraphs and parent bullets. Monograph prose keeps one sentence
 * group per line (bullets, label paragraphs), so a line is the unit a fact's source points at.
 */
export interface TextLine {
  /** 1-based file line. */
  line: number;
  kind: 'heading' | 'bullet' | 'text';
  /** `**Plaque Psoriasis:** 1.6 mg/kg …` → `Plaque Psoriasis`; `Day 1: …` → `Day 1`; else null. */
  label: string | null;
  /** Plain text after the label (markup removed). */
  text: string;
  /** The enclosing line: a heading, a label paragraph or a parent bullet (see `chainOf`). */
  parent: TextLine | null;
  /** Nesting key: headings 1–6, label paragraphs 10, bullets 20 + indent. */
  depth: number;
  /** A paragraph ending with a colon that introduces the list after it ("For neonates (less than 3 months):"). */
  leadIn: boolean;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^(\s*)(?:[-*+]|\d{1,2}[.)])\s+(.*)$/;
const BOLD_LABEL = /^\*\*\s*([^*]{1,100}?)\s*(:)?\s*\*\*\s*(:)?\s*(.*)$/;
const BOLD_WHOLE = /^\*\*\s*([^*]{1,100}?)\s*\*\*\s*$/;
/** A bold span whose text holds italic spans (`*name*`). */
const BOLD_WITH_ITALIC = /^\*\*((?:[^*]|\*[^*\s][^*]*\*)+?)\*\*/;
/** A longer bold label must end with its colon ("**Susceptible Infections (e.g., acute intestinal amebiasis, …):**"); a longer bold sentence is no label. */
const LONG_BOLD_LABEL = /^\*\*\s*([^*]{101,200}?)\s*(?::\s*\*\*|\*\*\s*:)\s*(.*)$/;
const PLAIN_LABEL = /^([A-Za-z0-9<>≥≤][A-Za-z0-9 &()/'’,+<>≥≤.–-]{0,60}?)\s*:\s+(.*)$/;

/** Plain text of inline markdown; most lines have no markup and skip the parser. */
export function plainText(s: string): string {
  if (/[*_`[\]<>\\!&]/.test(s)) return inlineText(s);
  const t = s.trim();
  return /\s\s|[\t\n]/.test(t) ? t.replace(/\s+/g, ' ') : t;
}

/** The line and the lines enclosing it, outermost first. */
export function chainOf(line: TextLine): TextLine[] {
  const out: TextLine[] = [];
  for (let l: TextLine | null = line; l; l = l.parent) out.push(l);
  return out.reverse();
}

/** Split `**Label:** rest` (or `Label: rest`) into label and plain text; the whole line as text when it has no label. */
export function splitLabel(raw: string): { label: string | null; text: string } {
  // ("**Adults (Cystic Fibrosis with *Pseudomonas aeruginosa* infection):**", "***Helicobacter pylori* Eradication:** …",
  // "***Adults:*** …": italic inside a bold label, anywhere in it; the label is read without it.)
  let s = raw.trim();
  const italic = s.startsWith('**') ? BOLD_WITH_ITALIC.exec(s) : null;
  if (italic && italic[1]!.includes('*')) s = `**${italic[1]!.replace(/\*/g, '')}**${s.slice(italic[0].length)}`;
  if (s.startsWith('**') || s.startsWith('__')) {
    const b = BOLD_LABEL.exec(s);
    if (b && (b[2] || b[3] || b[4] === '')) {
      const label = inlineText(b[1]!).replace(/[:\s]+$/, '');
      if (label) return { label, text: plainText(b[4]!) };
    }
    const w = BOLD_WHOLE.exec(s);
    if (w) return { label: inlineText(w[1]!).replace(/[:\s]+$/, ''), text: '' };
    const long = LONG_BOLD_LABEL.exec(s);
    if (long) return { label: inlineText(long[1]!).replace(/[:\s]+$/, ''), text: plainText(long[2]!) };
  }
  const plain = plainText(s);
  const colon = plain.indexOf(':');
  if (colon < 0 || colon > 62) return { label: null, text: plain };
  const p = PLAIN_LABEL.exec(plain);
  // A period only inside a parenthesis, an abbreviation's ("Duodenal Ulcer (H. pylori): 20 mg …"); outside it one
  // ends a sentence, so there is no label. (A condition's words are counted outside its parenthesis: "Duodenal Ulcer
  // (as part of H. pylori eradication therapy):" is a label; "3-hour infusion (6-12 hours after symptom onset):" is not.)
  const outside = p ? p[1]!.replace(/\([^()]*\)/g, '()') : '';
  const words = (p?.[1] ?? '').split(' ').length;
  if (p && !outside.includes('.') && (words <= 6 || (outside.trim().split(/\s+/).length <= 6 && namesConditionWord(outside))) && /[A-Za-z]/.test(p[1]!)) return { label: p[1]!.trim(), text: p[2]! };
  // "Adults:" alone on its line; not "These usually include:".
  const alone = /^([A-Za-z][A-Za-z0-9 &()/'’,+–-]{0,40}?)\s*:$/.exec(plain);
  if (alone && alone[1]!.split(' ').length <= 4 && !/\b(?:include|includes|including|following|follows|below|above|are|is|as|be|were|was)\b/i.test(alone[1]!)) return { label: alone[1]!.trim(), text: '' };
  return { label: null, text: plain };
}

const cache = new WeakMap<Section, TextLine[]>();

/** The lines of a section (computed once per section object; several readers share them). */
export function sectionLines(section: Section): TextLine[] {
  let lines = cache.get(section);
  if (!lines) {
    lines = readLines(section);
    cache.set(section, lines);
  }
  return lines;
}

/** The file line of each line of a section's markdown (the markdown ends at `range.end`). */
function readLines(section: Section): TextLine[] {
  const md = section.markdown;
  if (!md.trim()) return [];
  const raw = md.split('\n');
  const first = section.range.end - raw.length + 1;
  const out: TextLine[] = [];
  const stack: TextLine[] = [];
  /** Label-only bullets still heading the bullets after them at their own depth (see below). */
  const labelOnlyBullets = new Set<TextLine>();
  let prevBullet: TextLine | null = null;
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    if (!r.trim()) continue;
    const lineNo = first + i;
    const h = HEADING.exec(r);
    let kind: TextLine['kind'];
    let depth: number;
    let body: string;
    if (h) {
      kind = 'heading';
      depth = h[1]!.length;
      body = h[2]!;
      prevBullet = null;
    } else {
      const b = BULLET.exec(r);
      if (b) {
        kind = 'bullet';
        depth = 20 + b[1]!.replace(/\t/g, '    ').length;
        body = b[2]!;
      } else if (prevBullet && /^\s+\S/.test(r)) {
        // An indented line under a bullet continues it.
        const cont: TextLine = { ...prevBullet, line: lineNo, label: null, text: plainText(r), parent: prevBullet.parent, leadIn: false };
        out.push(cont);
        continue;
      } else {
        kind = 'text';
        depth = 10;
        body = r;
        prevBullet = null;
      }
    }
    const split = splitLabel(body);
    // A heading is a label for what follows it, with or without a colon.
    const label = split.label ?? (kind === 'heading' ? split.text.replace(/[:\s]+$/, '') || null : null);
    const text = split.label === null && kind === 'heading' ? '' : split.text;
    // A plain paragraph without a label ends the bullets above it (and a lead-in) but keeps the label paragraph in scope.
    const keepLabels = kind === 'text' && label === null;
    while (stack.length && (keepLabels ? stack[stack.length - 1]!.depth > 10 || stack[stack.length - 1]!.leadIn : stack[stack.length - 1]!.depth >= depth)) stack.pop();
    // … unless bullets nested under it follow: then it heads those only ("* **Uncomplicated UTIs:**" over its own
    // sub-bullets does not head the next "* **Prophylaxis:** 50-100 mg at bedtime").
    const top = stack[stack.length - 1];
    if (kind === 'bullet' && top !== undefined && labelOnlyBullets.has(top) && depth > top.depth + 1) {
      labelOnlyBullets.delete(top);
      top.depth++;
    }
    const leadIn = keepLabels && text.endsWith(':');
    // A bullet that is only a label ("* **Intravenous administration**") heads the bullets after it.
    const labelOnly = kind === 'bullet' && label !== null && text === '';
    const tl: TextLine = { line: lineNo, kind, label, text, parent: stack[stack.length - 1] ?? null, depth: labelOnly ? depth - 1 : depth, leadIn };
    out.push(tl);
    if (labelOnly) labelOnlyBullets.add(tl);
    if (kind === 'bullet') prevBullet = tl;
    if (kind !== 'text' || label !== null || leadIn) stack.push(tl);
  }
  return out;
}

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'eg', 'ie', 'approx', 'vs', 'dr', 'no', 'fig', 'max', 'min', 'incl', 'resp', 'cf', 'etc', 'inj', 'tab', 'tabs', 'caps', 'sr', 'vol', 'wt']);

const sentenceCache = new Map<string, { text: string; start: number }[]>();

/** Sentences of a line of plain text, with their start offsets. Never splits inside parentheses or after "e.g.". */
export function sentences(text: string): { text: string; start: number }[] {
  let out = sentenceCache.get(text);
  if (!out) {
    out = splitSentences(text);
    if (sentenceCache.size > 20_000) sentenceCache.clear();
    sentenceCache.set(text, out);
  }
  return out;
}

function splitSentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if ((c === '.' || c === '!' || c === '?') && depth === 0) {
      const next = text[i + 1];
      if (next !== undefined && next !== ' ') continue;
      if (c === '.') {
        const word = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, i - 8), i))?.[1]?.toLowerCase() ?? '';
        // ("1 g. Alternative …": a unit after a number ends the sentence; "A. fumigatus" does not.)
        const unit = /^[gl]$/i.test(word) && /\d\s*[gl]$/i.test(text.slice(Math.max(0, i - 4), i));
        if (!unit && (ABBREVIATIONS.has(word) || /^[a-z]$/i.test(word) || /(?:^|\.)[a-z]$/i.test(word))) continue;
        // "… mg. Then" ends a sentence; "approx. 5" does not (handled above); a lowercase start continues.
        const after = text.slice(i + 1).trimStart();
        if (after && /^[a-z]/.test(after)) continue;
      }
      const s = text.slice(start, i + 1).trim();
      if (s) out.push({ text: s, start });
      start = i + 1;
    }
  }
  const rest = text.slice(start).trim();
  if (rest) out.push({ text: rest, start });
  return out;
}
