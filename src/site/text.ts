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
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

/** Browse bucket of a title: `a`…`z`, or `0-9` for anything else (digits, symbols, other scripts). */
export function letterOf(title: string): string {
  const first = /[\p{L}\p{N}]/u.exec(title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase());
  const c = first?.[0] ?? '';
  return c >= 'a' && c <= 'z' ? c : '0-9';
}

/** The browse buckets, in display order. */
export const LETTERS: readonly string[] = [...'abcdefghijklmnopqrstuvwxyz', '0-9'];

/** Display label of a bucket: `A`, `0–9`. */
export const letterLabel = (letter: string): string => (letter === '0-9' ? '0–9' : letter.toUpperCase());

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A parseable date string → ISO string, else null. */
export function isoDate(value: string | null): string | null {
  if (value === null) return null;
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
/** `₹1,234.50`. */
export const formatRupees = (n: number): string => `₹${RUPEES.format(n)}`;

/** JSON for a `<script type="application/ld+json">` body: `<` (and the JS line separators) escaped. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Escape text for XML content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));
}

/** Escape text for an HTML attribute value in double quotes. */
export function escapeAttr(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** A URL path with characters outside printable ASCII percent-encoded (already-encoded input is kept). */
export function encodePath(path: string): string {
  return /[^\x21-\x7e]/.test(path) ? encodeURI(path).replace(/%25([0-9A-Fa-f]{2})/g, '%$1') : path;
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
  /** Make the `id="…"` attributes of a trusted HTML fragment unique, rewriting its own `href="#…"` to match. */
  fixFragment(html: string): string {
    if (!html.includes(' id=')) return html;
    const renamed = new Map<string, string>();
    const out = html.replace(/(\sid=")([^"]*)"/g, (_m, pre: string, raw: string) => {
      const id = decodeEntities(raw);
      const unique = this.unique(id);
      if (unique !== id) renamed.set(id, unique);
      return `${pre}${escapeAttr(unique)}"`;
    });
    if (renamed.size === 0) return out;
    return out.replace(/(\shref="#)([^"]*)"/g, (m, pre: string, raw: string) => {
      const to = renamed.get(decodeEntities(raw));
      return to === undefined ? m : `${pre}${escapeAttr(to)}"`;
    });
  }
}
