import { MARK_CLOSE, MARK_OPEN } from './document.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const UNSAFE = /[&<>"']/g;
const MARKS = /[\uE000\uE001]/g;
/** Block markup at the start of a line: bullets, numbers, headings, quotes, table pipes. */
const LINE_MARKUP = /^[ \t]*(?:[-*+]|\d+[.)]|#{1,6}|>)[ \t]+/gm;
/**
 * Emphasis and code markers, strikethrough, and single `*` or `_` (removed only where one opens or
 * closes a word: see `markerGone`). Matching the markers alone and looking at their neighbours in
 * a callback is ~4× faster than the same rule as lookarounds in the pattern, which V8 tries at
 * every character (measured on a 200-character passage: 19 → 5 µs).
 */
const INLINE_MARKUP = /\*\*|__|~~|`+|[*_]/g;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** Whether the code point that ends at `end` (exclusive) or starts at `start` is a letter or digit. */
const wordBefore = (s: string, end: number): boolean => {
  if (end <= 0) return false;
  const lowSurrogate = end >= 2 && /[\uDC00-\uDFFF]/.test(s[end - 1]!) && /[\uD800-\uDBFF]/.test(s[end - 2]!);
  return WORD_CHAR.test(s.slice(lowSurrogate ? end - 2 : end - 1, end));
};
const wordAt = (s: string, start: number): boolean => start < s.length && WORD_CHAR.test(String.fromCodePoint(s.codePointAt(start)!));

/** A single `*` or `_` at `i` is markup when it opens a word (no word or marker before, a word after) or closes one. */
function markerGone(s: string, i: number): boolean {
  const before = s[i - 1];
  const after = s[i + 1];
  const markerBefore = before === '*' || before === '_';
  const markerAfter = after === '*' || after === '_';
  return (!markerBefore && !wordBefore(s, i) && wordAt(s, i + 1)) || (wordBefore(s, i) && !markerAfter && !wordAt(s, i + 1));
}

/** Text of a markdown passage without its markup: bullets, heading marks, emphasis, backticks. */
export function withoutMarkdown(text: string): string {
  const lines = text.replace(LINE_MARKUP, '');
  return lines.replace(INLINE_MARKUP, (m: string, i: number, s: string) => (m.length > 1 || m === '`' || markerGone(s, i) ? '' : m));
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
