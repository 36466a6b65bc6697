import { z } from 'zod';

/**
 * The one monograph model. Every type in the engine that describes content comes from here
 * (`z.infer`), and the JSON Schema of the API is emitted from these schemas.
 */

export const KindSchema = z.enum(['composition', 'combination', 'medicine']);
export type Kind = z.infer<typeof KindSchema>;

/** Canonical section ids, in the order a page shows them. */
export const SECTION_ORDER = [
  'overview',
  'alternate-names',
  'how-it-works',
  'dosage',
  'side-effects',
  'contraindications',
  'interactions',
  'pregnancy',
  'summary',
  'combinations',
  'precautions',
  'storage',
  'faqs',
  'disclaimer',
] as const;
export const SectionIdSchema = z.enum(SECTION_ORDER);
export type SectionId = z.infer<typeof SectionIdSchema>;

/** Display titles of the canonical sections. */
export const SECTION_TITLES: Record<SectionId, string> = {
  overview: 'Usage',
  'alternate-names': 'Alternate names',
  'how-it-works': 'How it works',
  dosage: 'Dosage',
  'side-effects': 'Side effects',
  contraindications: 'Contraindications',
  interactions: 'Drug interactions',
  pregnancy: 'Pregnancy and breastfeeding',
  summary: 'Drug profile summary',
  combinations: 'Popular combinations',
  precautions: 'Precautions',
  storage: 'Storage',
  faqs: 'FAQs',
  disclaimer: 'Disclaimer',
};

/** 1-based, inclusive line range in the original file. */
export const LineRangeSchema = z.object({ start: z.number().int().min(1), end: z.number().int().min(1) });
export type LineRange = z.infer<typeof LineRangeSchema>;

export const SubsectionSchema = z.object({
  /** Canonical sub-id where recognised (`adults`, `children`, `special-populations`, `clinical-use-cases`,
   * `adjustments`, `common`, `serious`, `long-term`, `adr`), else a slug of the heading. */
  id: z.string(),
  title: z.string(),
  /** Lines of the subsection inside its section (its markdown is that part of the section's). */
  range: LineRangeSchema,
});
export type Subsection = z.infer<typeof SubsectionSchema>;

export const SectionSchema = z.object({
  /** A canonical id (see SECTION_ORDER) or `x-<slug of the heading>` for a section kept as written. */
  id: z.string(),
  canonical: z.boolean(),
  /** Display title. */
  title: z.string(),
  /** The heading as written in the source, without markup; null for text before the first heading. */
  heading: z.string().nullable(),
  /** The section's markdown as written (without its heading line). */
  markdown: z.string(),
  /** Sanitized HTML rendered from `markdown` (raw HTML escaped, unsafe links dropped). */
  html: z.string(),
  range: LineRangeSchema,
  subsections: z.array(SubsectionSchema),
});
export type Section = z.infer<typeof SectionSchema>;

export const IngredientSectionsSchema = z.object({
  ingredient: z.string(),
  sections: z.array(SectionSchema),
});
export type IngredientSections = z.infer<typeof IngredientSectionsSchema>;

export const FaqSchema = z.object({
  question: z.string(),
  /** Answer markdown. */
  answer: z.string(),
  answerHtml: z.string(),
  /** Where the pair came from; `body+frontmatter` when both agree. */
  origin: z.enum(['body', 'frontmatter', 'body+frontmatter']),
  /** Whether the frontmatter copy had to be repaired (damaged `q` / `a`). */
  repaired: z.boolean(),
  line: z.number().int().min(1),
});
export type Faq = z.infer<typeof FaqSchema>;

export const SourceFormatSchema = z.enum(['rich', 'minimal', 'inline', 'medicine', 'plain']);
export type SourceFormat = z.infer<typeof SourceFormatSchema>;

export const SourceSchema = z.object({
  /** Path relative to its content dir's parent, e.g. `rxhive-astro/compositions/alemtuzumab.md`. */
  file: z.string(),
  format: SourceFormatSchema,
  role: z.enum(['primary', 'alternate']),
  /** sha256 of the file's bytes (hex, first 16 chars). */
  digest: z.string(),
  lines: LineRangeSchema,
});
export type Source = z.infer<typeof SourceSchema>;

/** A value taken from the text, with where it was found. */
export const FactSchema = z.object({ text: z.string(), line: z.number().int().min(1), file: z.string() });
export type Fact = z.infer<typeof FactSchema>;

export const ProductSchema = z.object({
  type: z.string().nullable(),
  company: z.string().nullable(),
  strength: z.string().nullable(),
  packSize: z.string().nullable(),
  /** Maximum retail price in rupees as given by the source. */
  mrp: z.number().nullable(),
  genericSlug: z.string().nullable(),
  combinationSlug: z.string().nullable(),
});
export type Product = z.infer<typeof ProductSchema>;

export const AlternateSchema = z.object({
  source: SourceSchema,
  title: z.string(),
  sections: z.array(SectionSchema),
  perIngredient: z.array(IngredientSectionsSchema),
  faqs: z.array(FaqSchema),
});
export type Alternate = z.infer<typeof AlternateSchema>;

export const MonographSchema = z.object({
  slug: z.string(),
  kind: KindSchema,
  title: z.string(),
  /** Generic name as the source states it (minimal format `Generic Name`); the title otherwise. */
  genericName: z.string().nullable(),
  /** Brand names from *Alternate Names* (trademark signs and country notes removed). */
  brandNames: z.array(z.string()),
  /** Other names of the same drug found in the source (alternate spellings). */
  synonyms: z.array(z.string()),
  /** For combinations: ingredient names from the title `A + B + C`. */
  ingredients: z.array(z.string()),
  description: z.object({ text: z.string(), origin: z.enum(['frontmatter', 'usage', 'none']), original: z.string().nullable() }),
  drugClass: FactSchema.nullable(),
  isBanned: z.boolean(),
  lastModified: z.string().nullable(),
  /** The page says this combination is not a recognised product. */
  notAProduct: FactSchema.nullable(),
  product: ProductSchema.nullable(),
  sections: z.array(SectionSchema),
  perIngredient: z.array(IngredientSectionsSchema),
  faqs: z.array(FaqSchema),
  sources: z.array(SourceSchema),
  alternates: z.array(AlternateSchema),
  /** Slugs this page was also published under (unsafe file names), redirected to `slug`. */
  aliases: z.array(z.string()),
  /** Frontmatter fields the model has no place for, kept verbatim. */
  extra: z.record(z.string(), z.unknown()),
});
export type Monograph = z.infer<typeof MonographSchema>;

export const LinkSchema = z.object({ slug: z.string(), title: z.string(), kind: KindSchema, url: z.string() });
export type Link = z.infer<typeof LinkSchema>;

export const LinksSchema = z.object({
  /** Combination and brand ingredients, resolved where a page exists. */
  ingredients: z.array(z.object({ name: z.string(), link: LinkSchema.nullable() })),
  /** Combinations that contain this composition. */
  combinations: z.array(LinkSchema),
  /** Brand (medicine) pages of this composition or combination. */
  brands: z.array(LinkSchema),
  /** For a brand: its generic or combination page. */
  generic: LinkSchema.nullable(),
});
export type Links = z.infer<typeof LinksSchema>;

export const BannedSchema = z.object({
  value: z.boolean(),
  /** `self` or the slug the status was inherited from. */
  from: z.string(),
});

export const CatalogEntrySchema = z.object({
  monograph: MonographSchema,
  url: z.string(),
  links: LinksSchema,
  banned: BannedSchema,
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;
