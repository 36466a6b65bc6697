import { fold } from '../util/text.js';
/** Small pure helpers shared by the views: text, dates, ids, letters, escaping. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Decode the entities a sanitizer emits (named basics and numeric). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+[0-9]*);/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

/** Plain text of an HTML fragment: tags dropped (block boundaries become spaces), entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** NFKD, marks removed, lowercase, runs of anything else than letters/digits → `-`. */
export function slugify(text: string): string {
  return (
    fold(text)
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

/** Browse bucket of a title: `a`…`z`, or `0-9` for anything else (digits, symbols, other scripts). */
export function letterOf(title: string): string {
  const c0 = title.charCodeAt(0) | 0x20; // ASCII fast path: most titles start with a plain letter
  if (c0 >= 0x61 && c0 <= 0x7a) return String.fromCharCode(c0);
  const first = /[\p{L}\p{N}]/u.exec(fold(title));
  const c = first?.[0] ?? '';
  return c >= 'a' && c <= 'z' ? c : '0-9';
}

/** The browse buckets, in display order. */
export const LETTERS: readonly string[] = [...'abcdefghijklmnopqrstuvwxyz', '0-9'];

/** Display label of a bucket: `A`, `0–9`. */
export const letterLabel = (letter: string): string => (letter === '0-9' ? '0–9' : letter.toUpperCase());

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A parseable date string → ISO string, else null. */
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

export function isoDate(value: string | null): string | null {
  if (value === null) return null;
  if (ISO_UTC.test(value)) return value;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** ISO date → `22 September 2025` (UTC). */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
}

const INT = new Intl.NumberFormat('en-IN');
const RUPEES = new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `1,918` (Indian grouping). */
export const formatInt = (n: number): string => INT.format(n);
const rupees = new Map<number, string>();
/** `₹1,234.50`. Remembered per amount (ICU formatting was 1 s of a 30,000-brand build; prices repeat). */
export function formatRupees(n: number): string {
  let s = rupees.get(n);
  if (s === undefined) {
    s = `₹${RUPEES.format(n)}`;
    if (rupees.size >= 100_000) rupees.clear();
    rupees.set(n, s);
  }
  return s;
}

/** JSON for a `<script type="application/ld+json">` body: `<` escaped as `\u003c`, so no `</script>` or `<!--` can appear. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** Escape text for XML content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const HTML_SPECIAL = /[&<>"']/;
const HTML_SPECIAL_G = /[&<>"']/g;

/** Escape text for HTML content or a double-quoted attribute value (same rules as hono/jsx). */
export function escapeHtml(text: string): string {
  return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIAL_G, (c) => HTML_ESCAPES[c] ?? c) : text;
}

/** Alias of escapeHtml for attribute values. */
export const escapeAttr = escapeHtml;

/** A URL path with characters outside printable ASCII percent-encoded (already-encoded input is kept). */
export function encodePath(path: string): string {
  return /[^\x21-\x7e]/.test(path) ? encodeURI(path).replace(/%25([0-9A-Fa-f]{2})/g, '%$1') : path;
}

/** Level of a heading tag starting at `i` (`<h3>`, `<h3 id…`, `</h3>`), else 0. */
function headingLevelAt(html: string, i: number, close: boolean): number {
  const at = i + (close ? 3 : 2);
  const d = html.charCodeAt(at) - 48;
  if (d < 1 || d > 6) return 0;
  const next = html.charCodeAt(at + 1);
  return next === 62 /* > */ || next === 32 /* space */ || next === 10 || next === 9 ? d : 0;
}

/**
 * Re-level the headings of a trusted HTML fragment that sits under a heading of level `base`: the fragment's
 * top headings become `base + 1`, each heading nests one level under the nearest preceding heading of a higher
 * source level (so siblings stay siblings and nothing skips a level), capped at h6. Source markdown is
 * uneven (an `####` straight under `##`, a stray `##` inside a section), and axe's heading-order rule checks
 * the whole page. Returns the input unchanged (no copy) when nothing moves.
 * @example relevelHeadings('<h4>Adults</h4>', 2) // "<h3>Adults</h3>"
 */
export function relevelHeadings(html: string, base: number): string {
  let i = html.indexOf('<h');
  if (i === -1) return html;
  const levels: number[] = [];
  for (; i !== -1; i = html.indexOf('<h', i + 2)) {
    const l = headingLevelAt(html, i, false);
    if (l !== 0) levels.push(l);
  }
  if (levels.length === 0) return html;
  // Nesting-preserving: siblings keep one level, a child goes one deeper than its parent, nothing skips.
  const stack: { from: number; to: number }[] = [];
  let moved = false;
  const targets = levels.map((l) => {
    while (stack.length > 0 && (stack[stack.length - 1]?.from ?? 0) >= l) stack.pop();
    const t = Math.min(6, (stack[stack.length - 1]?.to ?? base) + 1);
    stack.push({ from: l, to: t });
    if (t !== l) moved = true;
    return t;
  });
  if (!moved) return html;
  let out = '';
  let last = 0;
  let k = -1;
  for (i = html.indexOf('<', 0); i !== -1; i = html.indexOf('<', i + 1)) {
    const close = html.charCodeAt(i + 1) === 47; /* / */
    if (html.charCodeAt(i + (close ? 2 : 1)) !== 104 /* h */) continue;
    const l = headingLevelAt(html, i, close);
    if (l === 0) continue;
    if (!close) k++;
    const digit = i + (close ? 3 : 2);
    out += html.slice(last, digit) + String(targets[Math.max(0, k)] ?? l);
    last = digit + 1;
  }
  return out + html.slice(last);
}

/**
 * Hands out ids unique within one page: `x`, then `x-2`, `x-3`…
 * @example const ids = new IdRegistry(['main']); ids.unique('dosage') // "dosage"; again → "dosage-2"
 */
export class IdRegistry {
  readonly #used = new Set<string>();
  constructor(reserved: Iterable<string> = []) {
    for (const id of reserved) this.#used.add(id);
  }
  unique(base: string): string {
    let id = base;
    for (let n = 2; this.#used.has(id); n++) id = `${base}-${n}`;
    this.#used.add(id);
    return id;
  }
  /**
   * Register the `id="…"` attributes of a trusted HTML fragment, renaming the ones already taken on the page,
   * and point the fragment's own `href="#…"` links at the renamed ids. Returns the input (no copy) when no id
   * collides, which is the common case.
   */
  fixFragment(html: string): string {
    const ATTR = ' id="';
    let i = html.indexOf(ATTR);
    if (i === -1) return html;
    const renames: { start: number; end: number; to: string }[] = [];
    const firstSeen = new Set<string>();
    const links = new Map<string, string>();
    for (; i !== -1; i = html.indexOf(ATTR, i + ATTR.length)) {
      const start = i + ATTR.length;
      const end = html.indexOf('"', start);
      if (end === -1) break;
      const id = decodeEntities(html.slice(start, end));
      const unique = this.unique(id);
      const first = !firstSeen.has(id);
      firstSeen.add(id);
      if (unique === id) continue;
      renames.push({ start, end, to: unique });
      if (first) links.set(id, unique);
    }
    if (renames.length === 0) return html;
    let out = '';
    let last = 0;
    for (const r of renames) {
      out += html.slice(last, r.start) + escapeAttr(r.to);
      last = r.end;
    }
    out += html.slice(last);
    if (links.size === 0) return out;
    return out.replace(/(\shref="#)([^"]*)"/g, (m, pre: string, raw: string) => {
      const to = links.get(decodeEntities(raw));
      return to === undefined ? m : `${pre}${escapeAttr(to)}"`;
    });
  }
}
