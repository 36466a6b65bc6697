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
  /** Indexed fields, in column order. */
  fields: { title: string; names: string; usage: string; body: string };
}

/** The two characters snippets are marked with before escaping; removed from every indexed text. */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';
const MARKERS = /[\uE000\uE001]/g;

/** Sections never indexed: the disclaimer is the same boilerplate on every page. */
const SKIPPED_SECTIONS = new Set(['disclaimer']);
/** Sections indexed in the `usage` field (the rest go to `body`). */
const USAGE_SECTIONS = new Set(['overview']);

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

function addSection(s: Section, usage: string[], body: string[]): void {
  if (SKIPPED_SECTIONS.has(s.id)) return;
  if (s.markdown === '') return;
  const text = markdownText(s.markdown);
  (USAGE_SECTIONS.has(s.id) ? usage : body).push(text);
}

function addFaqs(faqs: readonly Faq[], body: string[]): void {
  for (const f of faqs) body.push(plain(f.question), markdownText(f.answer));
}

function addSections(sections: readonly Section[], faqs: readonly Faq[], usage: string[], body: string[]): void {
  for (const s of sections) {
    // The page shows the FAQ list instead of the FAQ section when there are parsed pairs.
    if (s.id === 'faqs' && faqs.length > 0) continue;
    addSection(s, usage, body);
  }
  addFaqs(faqs, body);
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
 */
export function toFulltextDocument(entry: CatalogEntry): FulltextDocument {
  const m = entry.monograph;
  const usage: string[] = [];
  const body: string[] = [];
  if (m.description.origin === 'frontmatter') usage.push(plain(m.description.text));
  addSections(m.sections, m.faqs, usage, body);
  for (const g of m.perIngredient) for (const s of g.sections) addSection(s, usage, body);
  for (const alt of m.alternates) {
    addSections(alt.sections, alt.faqs, usage, body);
    for (const g of alt.perIngredient) for (const s of g.sections) addSection(s, usage, body);
  }
  const company = m.product?.company?.trim() || null;
  if (company !== null) body.push(plain(company));
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
    fields: { title: plain(m.title), names, usage: usage.join('\n'), body: body.join('\n') },
  };
}
