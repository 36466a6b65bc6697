import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { escapeHtml } from './text.js';

/** Markup that is safe to insert as is: hono's escaped-string type, so JSX inserts it without escaping again. */
export type Safe = HtmlEscapedString;

/** What `h` accepts: text (escaped), numbers, safe markup, lists of those; null/undefined/false render nothing. */
export type HtmlValue = string | number | null | undefined | false | Safe | readonly HtmlValue[];

const isList = (v: HtmlValue): v is readonly HtmlValue[] => Array.isArray(v);

function valueToString(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (typeof v === 'number') return String(v);
  // Safe values are String objects (hono's raw()); plain strings are primitives and get escaped.
  if (typeof v === 'string') return escapeHtml(v);
  if (isList(v)) {
    let s = '';
    for (const x of v) s += valueToString(x);
    return s;
  }
  return String(v);
}

/**
 * Tagged template for the repeated leaves of a page (sections, FAQ items, TOC entries, link lists): every
 * interpolated string is escaped exactly as JSX would, `Safe` values (from `h`, `trusted`, or rendered JSX) go in
 * as they are. About 3× cheaper per element than hono/jsx (see docs/design-site.md), and synchronous.
 * @example h`<li><a href="${url}">${title}</a></li>` // title "A & B" → "A &amp; B"
 */
export function h(strings: TemplateStringsArray, ...values: HtmlValue[]): Safe {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += valueToString(values[i]) + (strings[i + 1] ?? '');
  return raw(out);
}

/** Mark HTML as trusted: only for sanitized section/FAQ HTML and operator ad snippets. */
export const trusted = (html: string): Safe => raw(html);
