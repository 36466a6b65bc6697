import { parseBody, readFrontmatter, decodeSource, DEFAULT_LIMITS, inlineText, type ReadLimits, type Block } from '../content/index.js';
import { diag, type Diagnostic } from '../diagnostics/index.js';
import {
  SECTION_TITLES,
  type IngredientSections,
  type Kind,
  type Monograph,
  type Product,
  type Section,
  type SourceFormat,
} from '../model/index.js';
import { compositionKey, parseComposition, parsePack, unitPrice } from '../brands/index.js';
import { cutAtWord, descriptionDamage, firstProse } from './description.js';
import { findDrugClass, findNames, findNotAProduct } from './facts.js';
import { parseBodyFaqs, readFrontmatterFaqs, reconcileFaqs } from './faqs.js';
import { slugify, splitIngredients } from './names.js';
import { buildSection, cutSpans, orderSections, type Span } from './sections.js';

/** Bump when the normalizer's output changes, so cached results are not reused. */
export const NORMALIZER_VERSION = 1;

export interface NormalizeInput {
  /** Display path (`rxhive-astro/compositions/x.md`). */
  file: string;
  bytes: Uint8Array;
  /** Kind implied by the folder, if any. */
  kindHint: Kind | null;
  limits?: ReadLimits;
}

/** Lines of the source and how many of the non-blank ones the result accounts for. */
export interface Fidelity {
  file: string;
  nonBlankLines: number;
  accountedLines: number;
  /** Non-blank lines accounted for by neither the model nor a diagnostic (should be empty). */
  unaccounted: number[];
}

export interface NormalizeResult {
  file: string;
  digest: string;
  /** Null when the file could not be used; `diagnostics` then holds at least one error. */
  monograph: Monograph | null;
  diagnostics: Diagnostic[];
  fidelity: Fidelity;
}

const KNOWN_KEYS = new Set([
  'title', 'description', 'is_banned', 'lastModified', 'faqs', 'type', 'generic_slug', 'combination_slug',
  'company', 'strength', 'pack_size', 'mrp', 'composition', 'discontinued', 'is_discontinued',
]);

/** Read one monograph file into the model. Never throws for bad content. */
export function normalizeFile(input: NormalizeInput): NormalizeResult {
  const { file } = input;
  const limits = input.limits ?? DEFAULT_LIMITS;
  const decoded = decodeSource(file, input.bytes, limits);
  const diagnostics = [...decoded.diagnostics];
  const src = decoded.source;
  const textLines = src ? src.text.split('\n') : [];
  const fail = (): NormalizeResult => {
    // The file is refused as a whole: the refusing error spans it, and accounts for its lines.
    const refusal = [...diagnostics].reverse().find((d) => d.severity === 'error');
    if (refusal && textLines.length > 1) refusal.endLine = textLines.length;
    const whole: [number, number][] = refusal ? [[1, textLines.length]] : [];
    return { file, digest: src?.digest ?? '', monograph: null, diagnostics, fidelity: fidelityOf(file, textLines, diagnostics, whole) };
  };
  if (!src) return fail();

  const split = readFrontmatter(file, src.text, limits);
  diagnostics.push(...split.diagnostics);
  const fm = split.frontmatter;
  if (!fm) return fail();
  const data = fm.data;
  const line = (key: string): number => fm.keyLines.get(key) ?? 1;

  const title = typeof data['title'] === 'string' ? data['title'].trim() : typeof data['title'] === 'number' ? String(data['title']) : '';
  if (!title) {
    diagnostics.push(diag('title-missing', file, 'The frontmatter has no `title`, so the page cannot be named or linked.', { line: 1 }));
    return fail();
  }

  const kind: Kind = input.kindHint ?? inferKind(data, title);
  const ingredients = kind === 'combination' ? splitIngredients(title) : [];
  const body = parseBody(split.body, split.bodyStartLine);
  const bodyLines = split.body.split('\n');
  const { spans, titleLine } = cutSpans(body.blocks, ingredients);
  const format = detectFormat(kind, data, body.blocks, spans);

  const ctx = { tokens: body.tokens, lines: bodyLines, firstLine: split.bodyStartLine, usedIds: new Set<string>() };
  const sections: Section[] = [];
  const perIngredient = new Map<string, Section[]>();
  let genericName: string | null = null;
  let faqSpan: Span | null = null;
  for (const span of spans) {
    const cls = span.cls;
    if (cls.type === 'section') {
      const s = buildSection(span, cls.id, true, SECTION_TITLES[cls.id], ctx);
      sections.push(s);
      if (cls.id === 'faqs' && !faqSpan) faqSpan = span;
    } else if (cls.type === 'generic-name') {
      const s = buildSection(span, 'generic-name', false, 'Generic name', ctx);
      sections.push(s);
      genericName ??= inlineText(s.markdown.split('\n').find((l) => l.trim()) ?? '') || null;
    } else if (cls.type === 'ingredient-section' || cls.type === 'ingredient-group') {
      const ing = cls.ingredient;
      const id = cls.type === 'ingredient-section' ? (cls.id === 'generic-name' ? 'generic-name' : cls.id) : 'about';
      const title = cls.type === 'ingredient-section' ? (cls.id === 'generic-name' ? 'Generic name' : SECTION_TITLES[cls.id]) : ing;
      const s = buildSection(span, `${slugify(ing)}-${id}`, false, title, ctx);
      const list = perIngredient.get(ing) ?? [];
      list.push(s);
      perIngredient.set(ing, list);
    } else if (cls.type === 'preamble') {
      sections.push(buildSection(span, 'introduction', false, 'Introduction', ctx));
    } else {
      const heading = span.heading ?? 'Section';
      sections.push(buildSection(span, `x-${slugify(heading) || 'section'}`, false, heading, ctx));
    }
  }
  if (sections.length === 0 && perIngredient.size === 0 && kind !== 'medicine') {
    diagnostics.push(diag('sections-missing', file, 'The page has no content sections.', { line: split.bodyStartLine }));
  }

  // FAQs: body pairs reconciled with the (repaired) frontmatter pairs.
  const bodyFaqs = faqSpan
    ? parseBodyFaqs(bodyLines.slice(faqSpan.start - split.bodyStartLine, faqSpan.end - split.bodyStartLine + 1), faqSpan.start)
    : [];
  const frontFaqs = readFrontmatterFaqs(data['faqs'], file, line('faqs'), diagnostics);
  const faqs = reconcileFaqs(bodyFaqs, frontFaqs, file, line('faqs'), diagnostics);
  if (faqSpan && bodyFaqs.length === 0 && faqSpan.blocks.length > 0) {
    diagnostics.push(diag('faq-unparsed', file, 'The FAQ section has text but no question/answer pairs could be read from it; it is shown as written.', { line: faqSpan.start }));
  }

  // Description: the frontmatter's when sound, else regenerated from Usage.
  const overview = sections.find((s) => s.id === 'overview');
  const rawDescription = typeof data['description'] === 'string' ? data['description'] : null;
  const damage = rawDescription === null ? 'it is missing' : descriptionDamage(rawDescription);
  let description: Monograph['description'];
  if (!damage && rawDescription) description = { text: cutAtWord(rawDescription), origin: 'frontmatter', original: rawDescription };
  else {
    const fromBody = overview ? firstProse(overview.markdown) : firstBodyProse(sections, perIngredient);
    if (fromBody) {
      description = { text: cutAtWord(fromBody), origin: 'usage', original: rawDescription };
      if (rawDescription !== null) {
        diagnostics.push(diag('description-damaged', file, `The frontmatter description was not usable (${damage}); it was regenerated from Usage.`, { line: line('description'), path: 'description' }));
      }
    } else {
      description = { text: rawDescription ? cutAtWord(rawDescription.replace(/^[-*+]\s+/, '').replace(/(\.\.\.|…)$/, '')) : '', origin: rawDescription ? 'frontmatter' : 'none', original: rawDescription };
      if (!rawDescription) diagnostics.push(diag('description-missing', file, 'The page has no description and no Usage section to make one from.', { line: 1 }));
    }
  }

  const names = findNames(sections.find((s) => s.id === 'alternate-names'), title);
  const notAProduct = kind === 'combination' || ingredients.length > 1 ? findNotAProduct(bodyLines, split.bodyStartLine, file) : null;
  if (notAProduct) diagnostics.push(diag('combination-not-a-product', file, `The page says this combination is not a real product: "${notAProduct.text.slice(0, 120)}"`, { line: notAProduct.line }));

  // The frontmatter too: its FAQs are shown on the page.
  scanUnsafe(textLines, 1, file, diagnostics);

  const baseName = file.split('/').pop()!.replace(/\.(md|markdown|mdx)$/i, '');
  const slug = slugify(baseName) || slugify(title);
  const aliases = slug !== baseName && baseName !== '' ? [baseName] : [];
  if (aliases.length) diagnostics.push(diag('slug-changed', file, `The file name "${baseName}" is not URL-safe; the page is published as "${slug}".`));

  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (!KNOWN_KEYS.has(k)) extra[k] = v;

  const ordered = orderSections(sections);
  const perIng: IngredientSections[] = [...perIngredient].map(([ingredient, list]) => ({ ingredient, sections: list }));
  const monograph: Monograph = {
    slug,
    kind,
    title,
    genericName: genericName ?? (kind === 'medicine' ? null : title),
    brandNames: names.brandNames,
    synonyms: names.synonyms,
    ingredients,
    description,
    drugClass: findDrugClass(ordered, bodyLines, split.bodyStartLine, file),
    isBanned: readBool(data['is_banned'], file, line('is_banned'), diagnostics),
    lastModified: readDate(data['lastModified']),
    notAProduct,
    product: kind === 'medicine' ? readProduct(data) : null,
    sections: ordered,
    perIngredient: perIng,
    faqs,
    sources: [{ file, format, role: 'primary', digest: src.digest, lines: { start: 1, end: textLines.length } }],
    alternates: [],
    aliases,
    extra,
  };

  // Fidelity: which non-blank lines the model (frontmatter, title, sections) or a diagnostic covers.
  const ranges: [number, number][] = [[fm.startLine, fm.endLine]];
  if (titleLine !== null) ranges.push([titleLine, titleLine]);
  for (const s of sections) ranges.push([s.range.start, s.range.end]);
  for (const group of perIngredient.values()) for (const s of group) ranges.push([s.range.start, s.range.end]);
  return {
    file,
    digest: src.digest,
    monograph,
    diagnostics,
    fidelity: fidelityOf(file, textLines, diagnostics, ranges),
  };
}

/** Count the non-blank lines covered by the model's ranges or by a diagnostic's range. */
function fidelityOf(file: string, lines: readonly string[], diagnostics: readonly Diagnostic[], ranges: readonly [number, number][]): Fidelity {
  const covered = new Uint8Array(lines.length + 2);
  const mark = (a: number, b: number): void => {
    for (let l = a; l <= b && l < covered.length; l++) covered[l] = 1;
  };
  for (const [a, b] of ranges) mark(a, b);
  for (const d of diagnostics) mark(d.line, d.endLine ?? d.line);
  const unaccounted: number[] = [];
  let nonBlank = 0;
  lines.forEach((t, k) => {
    if (t.trim() === '') return;
    nonBlank++;
    if (!covered[k + 1]) unaccounted.push(k + 1);
  });
  return { file, nonBlankLines: nonBlank, accountedLines: nonBlank - unaccounted.length, unaccounted: unaccounted.slice(0, 20) };
}

function inferKind(data: Record<string, unknown>, title: string): Kind {
  if ('generic_slug' in data || 'combination_slug' in data || 'company' in data || 'mrp' in data) return 'medicine';
  if (/\s\+\s|\S\+\S/.test(title)) return 'combination';
  return 'composition';
}

function detectFormat(kind: Kind, data: Record<string, unknown>, blocks: readonly Block[], spans: readonly Span[]): SourceFormat {
  if (kind === 'medicine') return 'medicine';
  const minimal = data['layout'] === 'minimal-medicine';
  const hasSectionHeadings = spans.some((s) => s.head?.type === 'heading' && s.cls.type !== 'other' && s.cls.type !== 'preamble');
  if (minimal) return hasSectionHeadings ? 'minimal' : 'inline';
  if (blocks.some((b) => b.type === 'heading' && b.level === 2) && hasSectionHeadings) return 'rich';
  return hasSectionHeadings ? 'rich' : 'plain';
}

function firstBodyProse(sections: readonly Section[], per: Map<string, Section[]>): string {
  for (const list of per.values()) {
    const usage = list.find((s) => s.id.endsWith('-overview'));
    if (usage) return firstProse(usage.markdown);
  }
  const intro = sections.find((s) => s.id === 'introduction');
  return intro ? firstProse(intro.markdown) : '';
}

function readBool(v: unknown, file: string, line: number, diagnostics: Diagnostic[]): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'yes') return true;
  if (v === 'false' || v === 'no') return false;
  diagnostics.push(diag('frontmatter-field-type', file, `\`is_banned\` should be true or false, not ${JSON.stringify(v)}.`, { line, path: 'is_banned' }));
  return false;
}

function readDate(v: unknown): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (typeof v === 'string' && v.trim() && !Number.isNaN(Date.parse(v))) return v.trim();
  return null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);

function readProduct(data: Record<string, unknown>): Product {
  const mrpRaw = data['mrp'];
  const mrp = typeof mrpRaw === 'number' ? mrpRaw : typeof mrpRaw === 'string' && /^\s*(?:₹|rs\.?)?\s*\d+(\.\d+)?\s*$/i.test(mrpRaw) ? Number(mrpRaw.replace(/[^\d.]/g, '')) : null;
  const composition = str(data['composition']);
  const packSize = str(data['pack_size']);
  const type = str(data['type']);
  // `type` on RxHive brand pages is `single` / `combination`, not a dosage form: the form comes from the pack.
  const pack = packSize ? parsePack(packSize) : null;
  const components = composition ? parseComposition(composition).ingredients : [];
  const form = pack?.form ?? null;
  const discontinued = readFlag(data['discontinued'] ?? data['is_discontinued']);
  return {
    type,
    company: str(data['company']),
    strength: str(data['strength']),
    packSize,
    mrp,
    genericSlug: str(data['generic_slug']),
    combinationSlug: str(data['combination_slug']),
    discontinued,
    composition,
    components,
    pack,
    form,
    unitPrice: unitPrice(mrp, pack),
    // Brand pages that name only a generic and a strength get their key when linked (catalog).
    substituteKey: components.length > 0 ? compositionKey(components, form) : null,
  };
}

function readFlag(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'yes') return true;
  if (v === 'false' || v === 'no') return false;
  return null;
}

const UNSAFE = /<\s*(script|iframe|object|embed|style|link|meta|img|svg|form|input)\b|\bon[a-z]+\s*=|javascript:|vbscript:/i;

function scanUnsafe(lines: readonly string[], firstLine: number, file: string, diagnostics: Diagnostic[]): void {
  // One pass over the whole text (much faster than a regex per line); lines found from offsets.
  const text = lines.join('\n');
  // Nearly every page has none of the characters an unsafe construct needs: skip the costly regex.
  if (!text.includes('<') && !text.includes('=') && !/script:/i.test(text)) return;
  const re = new RegExp(UNSAFE.source, 'gi');
  let n = 0;
  let lastLine = -1;
  let m: RegExpExecArray | null;
  while (n < 5 && (m = re.exec(text))) {
    const before = text.lastIndexOf('\n', m.index - 1);
    const line = countNewlines(text, m.index);
    if (line === lastLine) continue;
    lastLine = line;
    n++;
    diagnostics.push(diag('unsafe-html', file, `Raw HTML or a script link (\`${m[0]}\`) in the content; it is shown as text and never runs.`, { line: firstLine + line, column: m.index - before }));
  }
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

