import { createHash } from 'node:crypto';
import { md } from '../content/markdown.js';
import type { Monograph, Section } from '../model/index.js';
import { slugify } from '../normalize/names.js';
import { compositionKey } from './key.js';
import { unitPrice } from './price.js';
import type { BrandRecord } from './types.js';

/**
 * A brand catalog row as a `medicine` monograph: the same model as a brand page, so linking,
 * pages, search and the API treat both alike. Nothing is added that the row does not say: the
 * description restates the row's own fields, and the free-text columns some catalogs have (uses,
 * side effects) become sections, attributed to the row.
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
  const strengths = r.ingredients.map((i) => i.strength?.text).filter((s): s is string => s !== undefined);
  return {
    slug: slugify(r.name),
    kind: 'medicine',
    title: r.name,
    genericName: null,
    brandNames: [],
    synonyms: [],
    ingredients: r.ingredients.map((i) => i.name),
    description: { text: describe(r), origin: 'catalog', original: null },
    drugClass: r.therapeuticClass !== null && r.therapeuticClass.trim() !== '' && r.therapeuticClass.trim().toLowerCase() !== 'other' ? { text: r.therapeuticClass.trim(), line, file } : null,
    isBanned: false,
    lastModified: null,
    notAProduct: null,
    product: {
      type: form,
      company: r.company,
      strength: strengths.length > 0 ? strengths.join(' + ') : null,
      packSize: r.packLabel,
      mrp: r.mrp,
      genericSlug: null,
      combinationSlug: null,
      discontinued: r.discontinued,
      composition: r.composition.trim() === '' ? null : r.composition.trim(),
      components: r.ingredients,
      pack,
      form,
      unitPrice: unitPrice(r.mrp, pack),
      substituteKey: r.ingredients.length > 0 ? compositionKey(r.ingredients, form) : null,
    },
    sections,
    perIngredient: [],
    faqs: [],
    sources: [{ file, format: 'catalog', role: 'primary', digest: rowDigest(r), lines: { start: line, end: line } }],
    alternates: [],
    aliases: [],
    extra: {},
  };
}

/** The row's fields in one sentence (the page's meta description). */
function describe(r: BrandRecord): string {
  const parts = [r.composition.trim() !== '' ? `${r.name} contains ${r.composition.replace(/\s+/g, ' ').trim()}.` : `${r.name}.`];
  const made = [r.packLabel !== null ? capitalize(r.packLabel) : null, r.company !== null ? `by ${r.company}` : null].filter((x) => x !== null).join(' ');
  if (made !== '') parts.push(`${made}${r.mrp !== null ? `; MRP ₹${r.mrp.toFixed(2)}` : ''}.`);
  else if (r.mrp !== null) parts.push(`MRP ₹${r.mrp.toFixed(2)}.`);
  if (r.discontinued === true) parts.push('Marked discontinued.');
  return parts.join(' ');
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Digest of what the row says (what a page signature needs to notice an edit). */
function rowDigest(r: BrandRecord): string {
  const key = JSON.stringify([r.name, r.company, r.mrp, r.discontinued, r.composition, r.packLabel, r.form, r.uses, r.sideEffects, r.therapeuticClass, r.source.row]);
  return createHash('sha1').update(key).digest('hex').slice(0, 16);
}
