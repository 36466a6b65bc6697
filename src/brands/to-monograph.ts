import { createHash } from 'node:crypto';
import { md } from '../content/markdown.js';
import type { BrandIngredient, Monograph, Product, Section } from '../model/index.js';
import { slugify } from '../normalize/names.js';
import { compositionKey } from './key.js';
import { rowUnitPrice } from './price.js';
import type { BrandRecord } from './types.js';
import { NONE } from '../util/frozen.js';

/**
 * A brand catalog row as a `medicine` monograph: the same model as a brand page, so linking,
 * pages, search and the API treat both alike. Nothing is added that the row does not say: the
 * description restates the row's own fields, and the free-text columns some catalogs have (uses,
 * side effects) become sections, attributed to the row.
 *
 * A catalog may hold 250,000 rows, so a row's monograph keeps little of its own: parts that many
 * rows repeat (ingredients, pack, texts the CSV reader shares) are the same frozen objects, empty
 * lists are one frozen list, and the two strings made from other fields (the description and the
 * unit price's formula) are made when read: reading them, spreading the monograph and
 * `JSON.stringify` give what plain objects would (a spread of the description itself would not).
 */
export function brandMonograph(r: BrandRecord): Monograph {
  const line = r.source.row;
  const file = r.source.file;
  const sections: Section[] = [];
  const text = (id: string, title: string, value: string | null): void => {
    if (value === null || value.trim() === '') return;
    const markdown = value.trim();
    sections.push({ id, canonical: true, title, heading: null, markdown, html: md.render(markdown), range: { start: line, end: line }, subsections: [] });
  };
  text('overview', 'Usage', r.uses);
  text('side-effects', 'Side effects', r.sideEffects);
  const pack = r.pack;
  const form = r.form ?? pack?.form ?? null;
  const parts = componentParts(r.ingredients, form);
  const composition = r.composition.trim();
  const product: Product = {
    type: form,
    company: r.company,
    strength: parts.strength,
    packSize: r.packLabel,
    mrp: r.mrp,
    genericSlug: null,
    combinationSlug: null,
    discontinued: r.discontinued,
    composition: composition === '' ? null : composition,
    components: r.ingredients,
    pack,
    form,
    unitPrice: rowUnitPrice(r.mrp, pack),
    substituteKey: parts.substituteKey,
  };
  return {
    slug: slugify(r.name),
    kind: 'medicine',
    title: r.name,
    genericName: null,
    brandNames: NONE,
    synonyms: NONE,
    ingredients: parts.names,
    description: new RowDescription(r.name, product),
    drugClass: r.therapeuticClass !== null && r.therapeuticClass.trim() !== '' && r.therapeuticClass.trim().toLowerCase() !== 'other' ? { text: r.therapeuticClass.trim(), line, file } : null,
    isBanned: false,
    lastModified: null,
    notAProduct: null,
    product,
    sections: sections.length > 0 ? sections : NONE,
    perIngredient: NONE,
    faqs: NONE,
    sources: [{ file, format: 'catalog', role: 'primary', digest: rowDigest(r), lines: { start: line, end: line } }],
    alternates: NONE,
    aliases: NONE,
    extra: NO_EXTRA,
  };
}

const NO_EXTRA: Record<string, unknown> = Object.freeze({});

/** What a row's ingredients give, the same objects for every row with the same (shared) ingredient list. */
interface ComponentParts {
  names: string[];
  strength: string | null;
  keys: Map<string | null, string | null>;
  substituteKey: string | null;
}
const PARTS = new WeakMap<readonly BrandIngredient[], Omit<ComponentParts, 'substituteKey'>>();

function componentParts(ingredients: readonly BrandIngredient[], form: string | null): ComponentParts {
  let parts = PARTS.get(ingredients);
  if (parts === undefined) {
    const strengths = ingredients.map((i) => i.strength?.text).filter((s): s is string => s !== undefined);
    parts = {
      names: Object.freeze(ingredients.map((i) => i.name)) as string[],
      strength: strengths.length > 0 ? strengths.join(' + ') : null,
      keys: new Map(),
    };
    // Only a frozen list is shared by rows; another (a test's, a brand page's) is its own.
    if (Object.isFrozen(ingredients)) PARTS.set(ingredients, parts);
  }
  let substituteKey = parts.keys.get(form);
  if (substituteKey === undefined) {
    substituteKey = ingredients.length > 0 ? compositionKey(ingredients, form) : null;
    parts.keys.set(form, substituteKey);
  }
  return { ...parts, substituteKey };
}

/**
 * A row's description, made from the monograph's own fields when read (it restates them, so
 * keeping it would only repeat them: ~330 B of heap a brand). Its fields read as a plain
 * object's, and `JSON.stringify` gives the plain `{ text, origin, original }`.
 */
class RowDescription {
  readonly #name: string;
  readonly #product: Product;
  constructor(name: string, product: Product) {
    this.#name = name;
    this.#product = product;
  }

  get text(): string {
    return describe(this.#name, this.#product);
  }

  get origin(): 'catalog' {
    return 'catalog';
  }

  get original(): null {
    return null;
  }

  toJSON(): Monograph['description'] {
    return { text: this.text, origin: this.origin, original: this.original };
  }
}

/** The row's fields in one sentence (the page's meta description). */
function describe(name: string, p: Product): string {
  const composition = p.composition ?? '';
  const parts = [composition !== '' ? `${name} contains ${composition.replace(/\s+/g, ' ').trim()}.` : `${name}.`];
  const made = [p.packSize !== null ? capitalize(p.packSize) : null, p.company !== null ? `by ${p.company}` : null].filter((x) => x !== null).join(' ');
  if (made !== '') parts.push(`${made}${p.mrp !== null ? `; MRP ₹${p.mrp.toFixed(2)}` : ''}.`);
  else if (p.mrp !== null) parts.push(`MRP ₹${p.mrp.toFixed(2)}.`);
  if (p.discontinued === true) parts.push('Marked discontinued.');
  return parts.join(' ');
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Digest of what the row says (what a page signature needs to notice an edit). */
function rowDigest(r: BrandRecord): string {
  const key = JSON.stringify([r.name, r.company, r.mrp, r.discontinued, r.composition, r.packLabel, r.form, r.uses, r.sideEffects, r.therapeuticClass, r.source.row]);
  return createHash('sha1').update(key).digest('hex').slice(0, 16);
}
