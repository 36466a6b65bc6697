import { MARK_CLOSE, MARK_OPEN } from './document.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const UNSAFE = /[&<>"']/g;
const MARKS = /[\uE000\uE001]/g;
/** Block markup at the start of a line: bullets, numbers, headings, quotes, table pipes. */
const LINE_MARKUP = /^[ \t]*(?:[-*+]|\d+[.)]|#{1,6}|>)[ \t]+/gm;
/** Emphasis and code markers, strikethrough; a `*` or `_` only where it opens or closes a word. */
const INLINE_MARKUP = /\*\*|__|~~|`+|(?<![\p{L}\p{N}*_])[*_](?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])[*_](?![\p{L}\p{N}*_])/gu;

/** Text of a markdown passage without its markup: bullets, heading marks, emphasis, backticks. */
export function withoutMarkdown(text: string): string {
  return text.replace(LINE_MARKUP, '').replace(INLINE_MARKUP, '');
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(UNSAFE, (c) => ESCAPES[c] ?? c);
}

/**
 * Safe snippet HTML from FTS5 `snippet()` output whose matches were wrapped in the private-use
 * markers (which indexed text never contains): markdown markup is removed, the text is escaped,
 * and only then each marker pair becomes `<mark>`…`</mark>`, so content such as `<script>` comes
 * out as text. Unbalanced markers (a cut at the snippet's edge) are dropped; whitespace runs
 * become one space.
 *
 * @example
 * snippetHtml('- **Dose:** a \uE000<b>\uE001 c') // 'Dose: a <mark>&lt;b&gt;</mark> c'
 */
export function snippetHtml(raw: string): string {
  const text = escapeHtml(withoutMarkdown(raw).replace(/\s+/g, ' ').trim());
  let open = false;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(MARKS)) {
    const i = m.index;
    out += text.slice(last, i);
    last = i + 1;
    if (m[0] === MARK_OPEN && !open) {
      // Only open a mark that is closed later.
      if (text.indexOf(MARK_CLOSE, i) === -1) continue;
      out += '<mark>';
      open = true;
    } else if (m[0] === MARK_CLOSE && open) {
      out += '</mark>';
      open = false;
    }
  }
  out += text.slice(last);
  return open ? out + '</mark>' : out;
}
