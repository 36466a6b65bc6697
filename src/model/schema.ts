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

/** `catalog`: a row of a brand catalog (CSV); its `lines` are that row's. */
export const SourceFormatSchema = z.enum(['rich', 'minimal', 'inline', 'medicine', 'plain', 'catalog']);
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

/** A strength as written, parsed: `500mg` → 500 mg; `138mg/5ml` → 138 mg per 5 ml; `0.1% w/w`. */
export const StrengthSchema = z.object({
  value: z.number(),
  /** Normalized unit: `mg`, `mcg`, `g`, `IU`, `%`, `ml`, `mEq`, … */
  unit: z.string(),
  /** Per how much of the product (`/5ml` → 5 ml); null when absolute. */
  per: z.object({ value: z.number(), unit: z.string() }).nullable(),
  /** Qualifier after a percentage (`w/w`, `w/v`, `v/v`), else null. */
  basis: z.string().nullable(),
  /** As written. */
  text: z.string(),
});
export type Strength = z.infer<typeof StrengthSchema>;

/** One active ingredient of a brand, as its composition states it. */
export const BrandIngredientSchema = z.object({ name: z.string(), strength: StrengthSchema.nullable(), raw: z.string() });
export type BrandIngredient = z.infer<typeof BrandIngredientSchema>;

/** A pack label parsed: `strip of 15 tablets`, `bottle of 100 ml Syrup`, `vial of 1 Injection`. */
export const PackSchema = z.object({
  text: z.string(),
  container: z.string().nullable(),
  /** Countable units in the pack; null for a volume or weight pack. */
  count: z.number().nullable(),
  /** Volume or weight of the pack; null for counted packs. */
  amount: z.object({ value: z.number(), unit: z.enum(['ml', 'g']) }).nullable(),
  /** Singular unit a count is made of (`tablet`, `capsule`, …). */
  unit: z.string().nullable(),
  /** Dosage form (`tablet`, `syrup`, `injection`, …) or null when the label does not say. */
  form: z.string().nullable(),
});
export type Pack = z.infer<typeof PackSchema>;

/** Price of one unit (per tablet, per ml, …), computed from the MRP and the pack; `formula` shows how. */
export const UnitPriceSchema = z.object({ value: z.number(), per: z.string(), formula: z.string() });
export type UnitPrice = z.infer<typeof UnitPriceSchema>;

export const ProductSchema = z.object({
  type: z.string().nullable(),
  company: z.string().nullable(),
  strength: z.string().nullable(),
  packSize: z.string().nullable(),
  /** Maximum retail price in rupees as given by the source. */
  mrp: z.number().nullable(),
  genericSlug: z.string().nullable(),
  combinationSlug: z.string().nullable(),
  /** Whether the source marks the brand discontinued; null when it does not say. */
  discontinued: z.boolean().nullable(),
  /** The composition as the source writes it (`Amoxycillin (500mg) + Clavulanic Acid (125mg)`). */
  composition: z.string().nullable(),
  /** The composition parsed into ingredients with strengths. */
  components: z.array(BrandIngredientSchema),
  pack: PackSchema.nullable(),
  /** Dosage form (`tablet`, `syrup`, …) from the source's form column, pack label or name. */
  form: z.string().nullable(),
  /** Computed from `mrp` and `pack`; null when that makes no sense (no price, no countable pack). */
  unitPrice: UnitPriceSchema.nullable(),
  /** Exact-composition key (molecules, strengths, form): brands with equal keys are substitutes. */
  substituteKey: z.string().nullable(),
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
  /** `catalog`: a sentence restating a catalog row's fields (name, composition, company, pack, MRP). */
  description: z.object({ text: z.string(), origin: z.enum(['frontmatter', 'usage', 'catalog', 'none']), original: z.string().nullable() }),
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

/** A banned-registry entry (`banned.yaml` / `banned.csv` in a content folder): legal status with its source. */
export const BanRecordSchema = z.object({
  /** The composition as the registry names it. */
  composition: z.string(),
  status: z.enum(['banned', 'suspended', 'stayed', 'revoked']),
  notification: z.string().nullable(),
  date: z.string().nullable(),
  /** Link to the notification or order. */
  source: z.string().nullable(),
  note: z.string().nullable(),
  /** Whether the registry file says it is sample data, not a legal list. */
  sample: z.boolean(),
  file: z.string(),
  line: z.number().int().min(1),
});
export type BanRecord = z.infer<typeof BanRecordSchema>;

export const BannedSchema = z.object({
  value: z.boolean(),
  /** `self` or the slug the status was inherited from. */
  from: z.string(),
  /** The registry entry behind the status (this entry's or the inherited one's), when a registry names it. */
  registry: BanRecordSchema.nullable(),
});

export const CatalogEntrySchema = z.object({
  monograph: MonographSchema,
  url: z.string(),
  links: LinksSchema,
  banned: BannedSchema,
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;
