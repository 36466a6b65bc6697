import { z } from 'zod';
import {
  AlternateSchema,
  BannedSchema,
  FactSchema,
  FaqSchema,
  IngredientSectionsSchema,
  KindSchema,
  LinkSchema,
  LinksSchema,
  MonographSchema,
  ProductSchema,
  SectionSchema,
  SourceSchema,
} from '../model/index.js';
import { DOSE_REFUSAL_CODES } from '../clinical/dose.js';
import { ClinicalFactsSchema, DoseRequestSchema, RegimenSchema, registerDoseSchemas } from '../clinical/index.js';
import { API_ID_PATTERN } from './ids.js';

/**
 * The JSON API's response shapes: the one definition of each, from which the TypeScript types
 * (`z.infer`), the OpenAPI document (`openApiDocument`) and the tests' validation all come. The
 * drug document extends the model's `MonographSchema` rather than repeating it.
 *
 * Every schema with an `id` here becomes `#/components/schemas/<id>` in the OpenAPI document.
 */
export const API_SCHEMAS = z.registry<{ id?: string; description?: string }>();

/** Attach a description (kept in the OpenAPI document) to a schema. */
export function described<T extends z.ZodType>(schema: T, description: string): T {
  API_SCHEMAS.add(schema, { description });
  return schema;
}

/** Version of the shapes below; a breaking change makes a new `/api/v2`. */
export const API_VERSION = 1;
const ApiVersion = described(z.literal(API_VERSION), 'Version of these shapes (the `v1` of the path).');

export const ApiIdSchema = z.string().regex(API_ID_PATTERN).register(API_SCHEMAS, {
  id: 'ApiId',
  description:
    'API id: the page slug, or `<kind>.<slug>` when a page of another kind has the same slug (compositions keep the bare slug, then combinations, then brands).',
});

const SitePath = described(z.string().regex(/^\//), 'A path on this site (prefix the site URL to get an absolute URL).');

/** A link to another page, with its API id and document. */
export const ApiLinkSchema = LinkSchema.extend({ id: ApiIdSchema, api: SitePath }).register(API_SCHEMAS, {
  id: 'ApiLink',
  description: 'Another page of the catalog: its slug, title, kind, page URL, API id and API document.',
});
export type ApiLink = z.infer<typeof ApiLinkSchema>;

/** The catalog's links (the model's `LinksSchema`) with API ids. */
export const ApiLinksSchema = LinksSchema.extend({
  ingredients: z.array(LinksSchema.shape.ingredients.element.extend({ link: ApiLinkSchema.nullable() })),
  combinations: z.array(ApiLinkSchema),
  brands: z.array(ApiLinkSchema),
  generic: ApiLinkSchema.nullable(),
}).register(API_SCHEMAS, {
  id: 'ApiLinks',
  description:
    'Links: a combination\'s or brand\'s ingredients (resolved where a page exists), the combinations containing a composition, the brands of a generic or combination, and a brand\'s generic.',
});

export const BannedStatusSchema = BannedSchema.register(API_SCHEMAS, {
  id: 'BannedStatus',
  description: 'Whether the drug is banned, and from where: `self`, or the slug of the generic or combination a brand inherits the status from.',
});

// The model's parts, named once in the OpenAPI document instead of repeated inline.
SectionSchema.register(API_SCHEMAS, { id: 'Section', description: 'A section: canonical id or `x-<slug>`, heading as written, markdown as written, sanitized HTML, source line range.' });
FaqSchema.register(API_SCHEMAS, { id: 'Faq', description: 'A question and answer, with where it came from (`origin`) and whether the frontmatter copy was repaired.' });
SourceSchema.register(API_SCHEMAS, { id: 'Source', description: 'A source file of the monograph: path, format, role, digest and line range.' });
FactSchema.register(API_SCHEMAS, { id: 'Fact', description: 'A value taken from the text, with the file and line it was found at.' });
ProductSchema.register(API_SCHEMAS, { id: 'Product', description: 'A brand\'s product fields as the source gives them (`mrp` in rupees).' });
IngredientSectionsSchema.register(API_SCHEMAS, { id: 'IngredientSections', description: 'Sections written per ingredient of a combination.' });
AlternateSchema.register(API_SCHEMAS, { id: 'Alternate', description: 'Another source of the same drug, kept as written.' });

/** `GET /api/v1/drugs/<id>.json`: the full normalized monograph with its links and status. */
export const ApiDrugSchema = MonographSchema.extend({
  apiVersion: ApiVersion,
  id: ApiIdSchema,
  url: SitePath,
  api: z.object({ self: SitePath, fhir: SitePath }),
  links: ApiLinksSchema,
  banned: BannedStatusSchema,
  regimens: described(
    z.array(RegimenSchema),
    'Dose regimens read from the Dosage section, each with the sentence it was read from (`source`). Empty unless the site was built with `--regimens`, which is experimental: on pages not used to write the reader, not every field of every regimen is right (see the project\'s docs/DESIGN.md), so show `source.text` with any number used. Brands have none (their generic\'s page has them).',
  ),
  facts: described(
    ClinicalFactsSchema.omit({ regimens: true }),
    'The other clinical facts read from the text, each with its sentence (`source`): pregnancy and breastfeeding status, contraindications, interactions and monitoring as listed, half-life, targets, class. Present only when the site publishes regimens (`--regimens`, experimental); empty for brands (their generic\'s page has them).',
  ).exactOptional(),
}).register(API_SCHEMAS, {
  id: 'ApiDrug',
  description:
    'One drug: every field of the normalized monograph (see Monograph), plus its API id, page URL, catalog links, banned status (inherited for brands) and its dose `regimens` (when published).',
});

// The dose calculation's shapes (`POST /api/dose`), described where they are defined.
registerDoseSchemas(API_SCHEMAS);
API_SCHEMAS.add(RegimenSchema, {
  id: 'Regimen',
  description:
    'One dose as the text states it: amount in mg (per kg, per m² or fixed), route, frequency, cycle, duration, infusion time, phase, population, indication and maximum, each null when the text does not say it unambiguously.',
});
export { DoseRequestSchema };
export type ApiDrug = z.infer<typeof ApiDrugSchema>;

/** One row of the catalog list (static index pages and `GET /api/v1/drugs`). */
export const ApiListItemSchema = z
  .object({
    id: ApiIdSchema,
    slug: z.string(),
    kind: KindSchema,
    title: z.string(),
    names: described(z.array(z.string()), 'The title, then the generic name, brand names and synonyms the page gives (each once).'),
    url: SitePath,
    api: SitePath,
    lastModified: described(z.string().nullable(), 'As the source states it (a date or a timestamp), or null.'),
    letter: described(z.string().regex(/^(?:[a-z]|0-9)$/), 'The browse letter of the title: `a`–`z`, or `0-9` for anything else.'),
    banned: described(z.boolean(), 'Banned, or (brands) inheriting a banned generic or combination.'),
    drugClass: described(z.string().nullable(), 'Drug class as the source writes it.'),
    classLabel: described(z.string().nullable(), 'The short label of the drug class (its first clause), as in search facets.'),
    company: described(z.string().nullable(), 'The company of a brand.'),
    product: described(
      ProductSchema.pick({ type: true, strength: true, packSize: true, mrp: true, form: true, discontinued: true, components: true, pack: true, unitPrice: true }).nullable(),
      'A brand\'s product as the source gives it (MRP in rupees), with its parsed composition, pack and price per unit.',
    ),
    ingredients: described(
      z.array(z.object({ name: z.string(), id: ApiIdSchema.nullable() })),
      'A combination\'s or brand\'s ingredients with the API id of their page (null when none exists).',
    ),
    generic: described(ApiIdSchema.nullable(), 'A brand\'s generic or combination.'),
    regimens: described(z.array(RegimenSchema), 'The drug\'s dose regimens, as in its document; present only when the site publishes them (`--regimens`, experimental).').exactOptional(),
  })
  .register(API_SCHEMAS, { id: 'ApiListItem', description: 'One catalog entry in a list: enough to filter, link and show it.' });
export type ApiListItem = z.infer<typeof ApiListItemSchema>;

/** `GET /api/v1/index.json`, `/api/v1/index-<n>.json`: the static, paged catalog list. */
export const ApiIndexPageSchema = z
  .object({
    apiVersion: ApiVersion,
    page: z.number().int().min(1),
    pages: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    total: z.number().int().min(0),
    digest: described(z.string(), 'The same on every page of one build: a page with another digest belongs to another build.'),
    first: SitePath,
    prev: SitePath.nullable(),
    next: described(SitePath.nullable(), 'The next page, or null on the last.'),
    items: z.array(ApiListItemSchema),
  })
  .register(API_SCHEMAS, { id: 'ApiIndexPage', description: 'One page of the static catalog list, ordered by title (accents and case folded), then id.' });
export type ApiIndexPage = z.infer<typeof ApiIndexPageSchema>;

/** `GET /api/v1/drugs?…`: a filtered page of the list (server only). */
export const ApiListResponseSchema = z
  .object({
    apiVersion: ApiVersion,
    total: described(z.number().int().min(0), 'Entries matching the filters (all pages).'),
    limit: z.number().int().min(1),
    items: z.array(ApiListItemSchema),
    nextCursor: described(z.string().nullable(), 'Pass as `cursor` with the same filters for the next page; null on the last page.'),
    next: described(SitePath.nullable(), 'The next page\'s URL (filters and cursor included), or null.'),
  })
  .register(API_SCHEMAS, { id: 'ApiList', description: 'A page of catalog entries matching the filters, in index order.' });
export type ApiListResponse = z.infer<typeof ApiListResponseSchema>;

/** RFC 9457 problem details, as every error of the API (except under `/fhir`) is sent. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: described(z.string(), 'What went wrong and what to do, written for the client.'),
  })
  .register(API_SCHEMAS, { id: 'Problem', description: 'An error (RFC 9457 `application/problem+json`).' });
export type Problem = z.infer<typeof ProblemSchema>;

/** `POST /api/dose` refusals: a problem with the refusal's stable `code`. */
export const DoseProblemSchema = ProblemSchema.extend({
  code: described(z.enum(DOSE_REFUSAL_CODES), 'Why no dose was worked out (a stable name a client may branch on).'),
}).register(API_SCHEMAS, { id: 'DoseProblem', description: 'No dose could be worked out (422): an RFC 9457 problem with a `code`.' });

const SourceRefApiSchema = z.object({ file: z.string(), line: z.number().int().min(1), text: z.string() });
/** `GET /api/v1/interactions` (server): every pair of the drugs, flagged where one monograph names the other. */
export const InteractionsResponseSchema = z
  .object({
    drugs: z.array(
      z.object({
        id: ApiIdSchema,
        title: z.string(),
        url: SitePath,
        kind: KindSchema,
        via: described(z.object({ title: z.string(), url: SitePath }).nullable(), 'A brand: the generic or combination whose monograph speaks for it.'),
        classes: z.array(z.object({ text: z.string(), source: SourceRefApiSchema })),
        groups: described(z.array(z.object({ id: z.string(), label: z.string(), evidence: SourceRefApiSchema })), 'Groups its own monograph puts it in (live vaccines, QT-prolonging drugs…), each with the sentence.'),
      }),
    ),
    pairs: z.array(
      z.object({
        a: ApiIdSchema,
        b: ApiIdSchema,
        findings: described(
          z.array(
            z.object({
              /** Whose monograph says it (an id of `drugs`). */
              in: ApiIdSchema,
              by: z.enum(['name', 'class', 'group']),
              term: described(z.string(), 'The name, class or group found in the statement.'),
              statement: z.object({ text: z.string(), source: SourceRefApiSchema, from: described(z.object({ title: z.string(), url: SitePath }), 'The ingredient monograph it comes from (combinations).').exactOptional() }),
              evidence: described(SourceRefApiSchema.nullable(), 'For a class or group: the other drug\'s own sentence that puts it there.'),
            }),
          ),
          'Empty: no interaction found in these monographs, which is not a statement that the pair is safe.',
        ),
        shared: described(z.array(z.object({ title: z.string(), url: SitePath })), 'Ingredient pages both contain (the same ingredient taken twice).'),
      }),
    ),
    notice: z.string(),
  })
  .register(API_SCHEMAS, {
    id: 'InteractionsResponse',
    description: 'The interaction check of 2–10 drugs: what their monographs say about each other, with the sentences. It never says a combination is safe.',
  });
export type InteractionsResponse = z.infer<typeof InteractionsResponseSchema>;

