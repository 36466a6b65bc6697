import { inlineText, md, renderTokens, slugifyId, type Block, type Token } from '../content/index.js';
import { SECTION_ORDER, SECTION_TITLES, type Section, type SectionId, type Subsection } from '../model/index.js';
import { memoize } from '../util/memo.js';
import { classifyHeading, subsectionId, type HeadingClass } from './headings.js';

/** A run of body blocks that forms one section, before rendering. */
export interface Span {
  cls: HeadingClass | { type: 'preamble' } | { type: 'ingredient-group'; ingredient: string };
  /** Heading text as written, markup removed; null for the preamble. */
  heading: string | null;
  /** Label and text on the same line (`### **Dosage Adjustments:** Text…`, `**Usage:** Text…`). */
  rest: string | null;
  /** File line of the heading or label; first content line for the preamble. */
  start: number;
  end: number;
  /** Source heading level (inline labels count as `baseLevel`). */
  level: number;
  blocks: Block[];
  /** The heading/label block itself (excluded from `blocks`). */
  head: Block | null;
  /** Ingredient the span belongs to (per-ingredient sections). */
  ingredient: string | null;
}

const LABEL = /^\*\*\s*([^*]{2,80}?)\s*(:)?\s*\*\*\s*(:)?\s*([\s\S]*)$/;
const PLAIN_LABEL = /^([A-Za-z][A-Za-z &()/'-]{1,60}):\s+([\s\S]+)$/;

/** `**Children:** Safety…` → ['Children', 'Safety…']; a heading or paragraph with no trailing text → null. */
export function splitLabel(inline: string): [string, string] | null {
  const m = LABEL.exec(inline.trim());
  if (m && (m[2] || m[3] || m[4] === '')) return [m[1]!.trim(), m[4]!.trim()];
  const p = PLAIN_LABEL.exec(inline.trim());
  if (p) return [p[1]!.trim(), p[2]!.trim()];
  return null;
}

/** Text of a heading without markup and trailing colon (memoized: headings repeat across pages). */
export const headingText = memoize(function headingText(inline: string): string {
  const label = splitLabel(inline);
  return inlineText(label ? label[0] : inline).replace(/[:\s]+$/, '');
});

/** Whether a paragraph opens with a `**Label:**` that names a section. */
function inlineSectionLabel(b: Block, ingredients: readonly string[]): { cls: HeadingClass; label: string; rest: string } | null {
  if (b.type !== 'paragraph' || !b.inline.trimStart().startsWith('**')) return null;
  const label = splitLabel(b.inline);
  if (!label) return null;
  const cls = classifyHeading(label[0], ingredients);
  if (cls.type === 'other') return null;
  return { cls, label: inlineText(label[0]), rest: label[1] };
}

const isDisclaimer = (b: Block): boolean => b.type === 'paragraph' && /^\*\*\s*Disclaimer\s*:?\s*\*\*/i.test(b.inline.trim());

/**
 * Cut the body into section spans. Headings at the section level start sections; deeper headings
 * stay inside as subsections. Pages without section headings (the old inline style) are cut at
 * `**Usage:**`-style labels. A `**Disclaimer:**` paragraph always starts the disclaimer.
 */
export function cutSpans(blocks: readonly Block[], ingredients: readonly string[]): { spans: Span[]; titleLine: number | null } {
  let titleLine: number | null = null;
  const content: Block[] = [];
  for (const b of blocks) {
    if (titleLine === null && b.type === 'heading' && b.level === 1 && content.length === 0) {
      titleLine = b.start;
      continue;
    }
    content.push(b);
  }
  const headingClasses = new Map<Block, HeadingClass>();
  let sectionLevel = 7;
  for (const b of content) {
    if (b.type !== 'heading') continue;
    const cls = classifyHeading(headingText(b.inline), ingredients);
    headingClasses.set(b, cls);
    if (cls.type !== 'other' && b.level < sectionLevel) sectionLevel = b.level;
  }
  // A heading that is just an ingredient's name (`### Alprazolam`) groups that ingredient's text.
  const ingredientKeys = new Map(ingredients.map((i) => [i.toLowerCase(), i]));
  const useInlineLabels = sectionLevel === 7;
  if (useInlineLabels) {
    for (const b of content) if (b.type === 'heading' && b.level > 1 && b.level < sectionLevel) sectionLevel = b.level;
  }
  const spans: Span[] = [];
  let cur: Span | null = null;
  let group: string | null = null;
  const open = (span: Span): void => {
    if (cur) spans.push(cur);
    cur = span;
  };
  for (const b of content) {
    let started = false;
    if (b.type === 'heading' && b.level <= sectionLevel) {
      const text = headingText(b.inline);
      const ing = ingredientKeys.get(text.toLowerCase());
      const label = splitLabel(b.inline);
      if (ing) {
        group = ing;
        open({ cls: { type: 'ingredient-group', ingredient: ing }, heading: text, rest: null, start: b.start, end: b.end, level: b.level, blocks: [], head: b, ingredient: ing });
      } else {
        const cls = headingClasses.get(b) ?? { type: 'other' as const };
        if (cls.type === 'section' || cls.type === 'generic-name') group = null;
        open({
          cls,
          heading: text,
          rest: label && label[1] ? label[1] : null,
          start: b.start,
          end: b.end,
          level: b.level,
          blocks: [],
          head: b,
          ingredient: cls.type === 'ingredient-section' ? cls.ingredient : null,
        });
      }
      started = true;
    } else if (isDisclaimer(b)) {
      group = null;
      const label = splitLabel(b.inline);
      open({ cls: { type: 'section', id: 'disclaimer' }, heading: 'Disclaimer', rest: label?.[1] ?? '', start: b.start, end: b.end, level: sectionLevel, blocks: [], head: b, ingredient: null });
      started = true;
    } else if (useInlineLabels || group !== null) {
      const found = inlineSectionLabel(b, ingredients);
      if (found) {
        const cls: HeadingClass =
          group !== null && (found.cls.type === 'section' || found.cls.type === 'generic-name')
            ? { type: 'ingredient-section', ingredient: group, id: found.cls.type === 'section' ? found.cls.id : 'generic-name' }
            : found.cls;
        open({
          cls,
          heading: found.label,
          rest: found.rest,
          start: b.start,
          end: b.end,
          level: sectionLevel + (group !== null ? 1 : 0),
          blocks: [],
          head: b,
          ingredient: cls.type === 'ingredient-section' ? cls.ingredient : null,
        });
        started = true;
      }
    }
    if (started) continue;
    if (!cur) cur = { cls: { type: 'preamble' }, heading: null, rest: null, start: b.start, end: b.end, level: sectionLevel, blocks: [], head: null, ingredient: null };
    const c: Span = cur;
    c.blocks.push(b);
    c.end = Math.max(c.end, b.end);
  }
  if (cur) spans.push(cur);
  return { spans, titleLine };
}

export interface BuildSectionContext {
  tokens: Token[];
  /** Body lines; `lines[k]` is file line `k + firstLine`. */
  lines: readonly string[];
  firstLine: number;
  usedIds: Set<string>;
}

/** Render a span into a model Section with its markdown, sanitized HTML, range and subsections. */
export function buildSection(span: Span, id: string, canonical: boolean, title: string, ctx: BuildSectionContext): Section {
  const from = span.head ? span.head.end + 1 : span.start;
  const body = ctx.lines.slice(from - ctx.firstLine, span.end - ctx.firstLine + 1).join('\n');
  const markdown = (span.rest ? span.rest + (body.trim() ? '\n' + body : '') : body).replace(/^\n+/, '').trimEnd();
  const sectionId = uniqueSectionId(id, ctx.usedIds);
  const parts: string[] = [];
  if (span.rest) parts.push(md.render(span.rest));
  const subsections: Subsection[] = [];
  if (span.blocks.length > 0) {
    const first = span.blocks[0]!;
    const last = span.blocks[span.blocks.length - 1]!;
    const slice = splitHeadingText(ctx.tokens.slice(first.tokenStart, last.tokenEnd));
    parts.push(renderTokens(slice, { baseLevel: span.level, idPrefix: `${sectionId}-`, usedIds: ctx.usedIds }));
    const heads = span.blocks.filter((b) => b.type === 'heading');
    heads.forEach((h, k) => {
      // A subsection runs to the next heading of its own level or higher: `### Standard Dosage`
      // holds its `#### Adults:` … `#### Special Cases:` subsections.
      const next = heads.slice(k + 1).find((x) => x.level <= h.level);
      const end = next ? next.start - 1 : span.end;
      const text = headingText(h.inline);
      subsections.push({
        id: subsectionId(text) ?? slugifyId(text),
        title: text,
        range: { start: h.start, end: lastNonBlank(ctx, h.start, end) },
      });
    });
  }
  return {
    id: sectionId,
    canonical,
    title,
    heading: span.heading,
    markdown,
    html: parts.join(''),
    range: { start: span.start, end: lastNonBlank(ctx, span.start, span.end) },
    subsections,
  };
}

function lastNonBlank(ctx: BuildSectionContext, start: number, end: number): number {
  for (let l = end; l > start; l--) if ((ctx.lines[l - ctx.firstLine] ?? '').trim() !== '') return l;
  return start;
}

function uniqueSectionId(id: string, used: Set<string>): string {
  let out = id;
  for (let n = 2; used.has(out); n++) out = `${id}-${n}`;
  used.add(out);
  return out;
}

/**
 * Headings that carry text on their own line (`#### **Children:** Safety…`) become a heading with
 * the label and a paragraph with the text, so the page shows a short heading and normal prose.
 */
function splitHeadingText(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const inline = tokens[i + 1];
    if (t.type === 'heading_open' && inline?.type === 'inline') {
      const label = splitLabel(inline.content);
      if (label && label[1]) {
        const close = tokens[i + 2]!;
        const head = md.parseInline(label[0], {})[0];
        const rest = md.parseInline(label[1], {})[0];
        if (head && rest) {
          head.map = inline.map;
          rest.map = inline.map;
          const pOpen = Object.assign(Object.create(Object.getPrototypeOf(t) as object) as Token, t, { type: 'paragraph_open', tag: 'p', markup: '' });
          const pClose = Object.assign(Object.create(Object.getPrototypeOf(close) as object) as Token, close, { type: 'paragraph_close', tag: 'p', markup: '' });
          out.push(t, head, close, pOpen, rest, pClose);
          i += 2;
          continue;
        }
      }
      // A heading's own emphasis and trailing colon (`#### **Adults:**`) are markup, not words.
      const text = label ? label[0] : inline.content.replace(/\s*:\s*$/, '');
      if (text !== inline.content) {
        const head = md.parseInline(text, {})[0];
        if (head) {
          head.map = inline.map;
          out.push(t, head);
          i += 1;
          continue;
        }
      }
    }
    out.push(t);
  }
  return out;
}

/** Sort key placing canonical sections in model order and others after the section they followed. */
export function orderSections<T extends { id: string; canonical: boolean }>(items: readonly T[]): T[] {
  let lastCanon = -1;
  const keyed = items.map((s, seq) => {
    const base = s.id.replace(/-\d+$/, '');
    const idx = s.canonical ? SECTION_ORDER.indexOf(base as SectionId) : -1;
    if (idx >= 0) lastCanon = idx;
    const key = idx >= 0 ? idx * 1000 + seq : lastCanon * 1000 + 500 + seq;
    return { s, key };
  });
  return keyed.sort((a, b) => a.key - b.key).map((k) => k.s);
}

export const canonicalTitle = (id: SectionId): string => SECTION_TITLES[id];
