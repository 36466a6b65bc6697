import type { CatalogEntry, Faq, Kind, Section } from '../../model/index.js';
import { fold } from '../../util/text.js';

/**
 * One catalog entry as the full-text index sees it: four weighted text fields (markdown as written,
 * see {@link markdownText}) and the small display and facet fields kept beside them.
 */
export interface FulltextDocument {
  slug: string;
  kind: Kind;
  title: string;
  url: string;
  banned: boolean;
  /** Short drug-class label (see {@link classLabel}), or null. */
  drugClass: string | null;
  /** The product's company (brand pages), or null. */
  company: string | null;
  /**
   * How widely the drug is used, as the corpus shows it: combinations containing it plus its brand
   * names. A small prior in ranking (see `PRIOR_WEIGHT` in search.ts); 0 when unknown.
   */
  uses?: number;
  /**
   * Indexed fields: `title`, `names`, `usage`, `body` are the `fts` columns; `mechanism` (the How
   * it works sections, also in `body`) and `lead` (drug class and the start of Usage) go only to
   * the ranking table `core` (see `CORE_FIELDS`), empty when absent.
   */
  fields: { title: string; names: string; usage: string; body: string; mechanism?: string; lead?: string };
}

/** The two characters snippets are marked with before escaping; removed from every indexed text. */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';
const MARKERS = /[\uE000\uE001]/g;

/** Sections never indexed: the disclaimer is the same boilerplate on every page. */
const SKIPPED_SECTIONS = new Set(['disclaimer']);
/** Sections indexed in the `usage` field (the rest go to `body`). */
const USAGE_SECTIONS = new Set(['overview']);
/** Sections also indexed in the `mechanism` field of the ranking table. */
const MECHANISM_SECTIONS = new Set(['how-it-works']);
/** Words of the Usage text that go to the `lead` field. */
const LEAD_WORDS = 40;

const LINK = /!?\[([^\]\n]*)\]\([^)\n]*\)/g;

/**
 * Indexed text of a markdown fragment (a section's `markdown`, an FAQ answer): the markdown as
 * written, with link and image targets dropped (`[label](url)` → `label`) and the private-use
 * snippet markers removed, so that content can never forge a highlight. Other markup (`**`, `#`,
 * list bullets, backticks) is left to the tokenizer, which treats it as separators, and is removed
 * from snippets (`snippetHtml`). Measured on the real corpus: taking the text from the rendered
 * HTML instead (92 MB; tags stripped, entities decoded) took ~1.0 s of CPU on its own, against
 * 0.36 s for the whole extraction now.
 *
 * @example
 * markdownText('- **Dose:** 5 mg, see [label](https://x.example/a)') // "- **Dose:** 5 mg, see label"
 */
export function markdownText(markdown: string): string {
  let text = markdown.includes('](') ? markdown.replace(LINK, '$1') : markdown;
  if (text.includes(MARK_OPEN) || text.includes(MARK_CLOSE)) text = text.replace(MARKERS, '');
  return text;
}

/** Text outside any markup (names, titles, questions): only the snippet markers removed. */
function plain(text: string): string {
  return text.includes(MARK_OPEN) || text.includes(MARK_CLOSE) ? text.replace(MARKERS, '') : text;
}

const SENTENCE = /^(this|these|it|a|an|the)\b|\b(is|are|was|contains?|containing|combines|includes?|classified|meaning|acts)\b/i;

/**
 * A short facet label from a free-text drug class as the source writes it: parenthesized asides
 * and tags removed, then the first clause (up to a comma, semicolon, colon, slash, `+` or
 * ` and `), first letter upper-cased. Sentences ("This is a combination product containing: …", "X is classified as …")
 * and over-long clauses give null: a facet shows only what the source states as a class.
 *
 * @example
 * classLabel('Angiotensin-Converting Enzyme (ACE) inhibitor') // "Angiotensin-Converting Enzyme inhibitor"
 * classLabel('Analgesic, Antipyretic') // "Analgesic"
 * classLabel('This is a combination product containing:') // null
 */
export function classLabel(text: string): string | null {
  const clause = text
    .replace(/<[^>]*>/g, '')
    .replace(/\s*\([^()]*\)/g, '')
    .split(/\s*[(),;/+:]\s*|\s+and\s+|\s+-\s+/i)[0]
    ?.replace(/[.\s]+$/, '')
    .trim();
  if (clause === undefined || clause.length < 3 || clause.length > 48 || SENTENCE.test(clause)) return null;
  return clause[0]!.toUpperCase() + clause.slice(1);
}

/** The texts of one page being collected, field by field. */
interface Texts {
  usage: string[];
  body: string[];
  mechanism: string[];
}

/** A section id without the `-2`, `-3` the normalizer adds to a repeated heading. */
const baseId = (id: string): string => id.replace(/-\d+$/, '');

function addSection(s: Section, t: Texts): void {
  const id = baseId(s.id);
  if (SKIPPED_SECTIONS.has(id)) return;
  if (s.markdown === '') return;
  const text = markdownText(s.markdown);
  if (USAGE_SECTIONS.has(id)) {
    t.usage.push(text);
    return;
  }
  t.body.push(text);
  if (MECHANISM_SECTIONS.has(id)) t.mechanism.push(text);
}

function addFaqs(faqs: readonly Faq[], body: string[]): void {
  for (const f of faqs) body.push(plain(f.question), markdownText(f.answer));
}

function addSections(sections: readonly Section[], faqs: readonly Faq[], t: Texts): void {
  for (const s of sections) {
    // The page shows the FAQ list instead of the FAQ section when there are parsed pairs.
    if (s.id === 'faqs' && faqs.length > 0) continue;
    addSection(s, t);
  }
  addFaqs(faqs, t.body);
}

/** The first {@link LEAD_WORDS} words of a text (runs with a letter or digit; bullets and `**` do not count). */
function leadWords(text: string): string {
  return text
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, LEAD_WORDS)
    .join(' ');
}

/** Join names, dropping empty ones and repeats (by folded form), title excluded. */
function uniqueNames(title: string, names: readonly (string | null | undefined)[]): string {
  const seen = new Set([fold(title).trim()]);
  const out: string[] = [];
  for (const n of names) {
    if (n === null || n === undefined) continue;
    const p = plain(n).trim();
    const key = fold(p);
    if (p === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out.join(' · ');
}

/**
 * The indexed form of a catalog entry.
 * - `title`: the page title.
 * - `names`: generic name, brand names, synonyms, ingredients (and for a brand page its generic's
 *   title), each once.
 * - `usage`: the Usage (overview) sections of the page, its per-ingredient groups and alternate
 *   sources, and a description written in the frontmatter (one derived from Usage is not repeated).
 * - `body`: every other section (with its sub-headings), FAQs (question and answer), the
 *   company; the disclaimer (the same boilerplate everywhere) is left out.
 * - `mechanism`: the How it works sections (also in `body`); `lead`: the stated drug class and the
 *   first words of Usage. Both only rank (the `core` table), they are not shown.
 */
export function toFulltextDocument(entry: CatalogEntry): FulltextDocument {
  const m = entry.monograph;
  const t: Texts = { usage: [], body: [], mechanism: [] };
  if (m.description.origin === 'frontmatter') t.usage.push(plain(m.description.text));
  addSections(m.sections, m.faqs, t);
  for (const g of m.perIngredient) for (const s of g.sections) addSection(s, t);
  for (const alt of m.alternates) {
    addSections(alt.sections, alt.faqs, t);
    for (const g of alt.perIngredient) for (const s of g.sections) addSection(s, t);
  }
  const company = m.product?.company?.trim() || null;
  if (company !== null) t.body.push(plain(company));
  const lead = [m.drugClass === null ? '' : plain(m.drugClass.text), leadWords(t.usage[0] ?? '')].filter((x) => x !== '').join('\n');
  const names = uniqueNames(m.title, [
    m.genericName,
    ...m.brandNames,
    ...m.synonyms,
    ...m.ingredients,
    ...entry.links.ingredients.map((i) => i.name),
    entry.links.generic?.title,
  ]);
  return {
    slug: m.slug,
    kind: m.kind,
    title: m.title,
    url: entry.url,
    banned: entry.banned.value,
    drugClass: m.drugClass === null ? null : classLabel(m.drugClass.text),
    company,
    uses: entry.links.combinations.length + m.brandNames.length,
    fields: { title: plain(m.title), names, usage: t.usage.join('\n'), body: t.body.join('\n'), mechanism: t.mechanism.join('\n'), lead },
  };
}
