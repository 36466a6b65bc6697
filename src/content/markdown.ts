import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { memoize } from '../util/memo.js';
import { fold } from '../util/text.js';

/**
 * markdown-it with raw HTML disabled (it is shown as text, never passed through) and its default
 * link validation (javascript:, vbscript:, file: and non-image data: links are not made links).
 * Chosen over remark for speed: see docs/DESIGN.md.
 */
export const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
// Monographs use no tables, setext headings or link reference definitions; skipping those rules
// makes parsing measurably faster (docs/DESIGN.md).
md.disable(['table', 'lheading', 'reference']);

export type { Token };

/** A top-level block of the body with its position in the file. */
export interface Block {
  type: 'heading' | 'paragraph' | 'list' | 'other';
  /** Heading level 1–6, 0 otherwise. */
  level: number;
  /** Inline source text of a heading or paragraph (markdown, unrendered); '' for lists and others. */
  inline: string;
  /** 1-based inclusive file lines. */
  start: number;
  end: number;
  /** Token slice [tokenStart, tokenEnd) of `tokens`. */
  tokenStart: number;
  tokenEnd: number;
}

export interface ParsedBody {
  tokens: Token[];
  blocks: Block[];
}

/** Parse a markdown body once; `firstLine` is the file line of the body's first line. */
export function parseBody(body: string, firstLine: number): ParsedBody {
  const tokens = md.parse(body, {});
  const blocks: Block[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    let j = i + 1;
    if (t.nesting === 1) {
      let depth = 1;
      while (j < tokens.length && depth > 0) {
        depth += tokens[j]!.nesting;
        j++;
      }
    }
    const map = t.map ?? [0, 1];
    const type = t.type === 'heading_open' ? 'heading' : t.type === 'paragraph_open' ? 'paragraph' : t.type.endsWith('list_open') ? 'list' : 'other';
    const inlineTok = type === 'heading' || type === 'paragraph' ? tokens[i + 1] : undefined;
    blocks.push({
      type,
      level: type === 'heading' ? Number(t.tag.slice(1)) : 0,
      inline: inlineTok?.content ?? '',
      start: map[0] + firstLine,
      end: Math.max(map[0] + 1, map[1]) + firstLine - 1,
      tokenStart: i,
      tokenEnd: j,
    });
    i = j;
  }
  return { tokens, blocks };
}

/** Plain text of inline markdown: emphasis, code and link markup removed. */
export function inlineText(src: string): string {
  // Fast path: only emphasis markers and plain text.
  if (!/[`[\]<>\\!&]/.test(src)) return src.replace(/\*\*|__|(?<![\w*])[*_]|[*_](?![\w*])/g, '').replace(/\s+/g, ' ').trim();
  const toks = md.parseInline(src, {})[0]?.children ?? [];
  let out = '';
  for (const t of toks) {
    if (t.type === 'text' || t.type === 'code_inline') out += t.content;
    else if (t.type === 'softbreak' || t.type === 'hardbreak') out += ' ';
    else if (t.type === 'image') out += t.content;
  }
  return out.replace(/\s+/g, ' ').trim();
}

export interface RenderOptions {
  /** Source heading level that maps to the page's h2 (the section's own heading level). */
  baseLevel: number;
  /** Prefix for heading ids, and the set of ids already used on the page (kept unique). */
  idPrefix: string;
  usedIds: Set<string>;
}

/**
 * Render a token slice to HTML. Headings inside a section are shifted so that they sit below the
 * page's h2 (h3 and deeper, never skipping levels from the section heading) and get unique ids.
 */
export function renderTokens(tokens: Token[], opts: RenderOptions): string {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'heading_open' || t.type === 'heading_close') {
      const src = Number(t.tag.slice(1));
      const level = Math.min(6, Math.max(3, src - opts.baseLevel + 2));
      const copy = Object.assign(Object.create(Object.getPrototypeOf(t) as object) as Token, t);
      copy.tag = `h${level}`;
      if (t.type === 'heading_open') {
        const text = inlineText(tokens[i + 1]?.content ?? '');
        copy.attrs = [['id', uniqueId(opts.idPrefix + slugifyId(text), opts.usedIds)]];
      }
      out.push(copy);
    } else out.push(t);
  }
  return md.renderer.render(out, md.options, {});
}

export const slugifyId = memoize(function slugifyId(s: string): string {
  return (
    fold(s)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'section'
  );
});

export function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
