import { z } from 'zod';
import { API_SCHEMAS, described } from './schemas.js';

/**
 * The part of FHIR R4 that Formulary writes: `MedicationKnowledge` with the elements it can fill
 * from a monograph, `Bundle` (searchset) and `OperationOutcome`. Each element keeps its R4 name
 * and type; the tests validate the output against the official R4 JSON schema, which is the
 * authority. Optional elements are left out rather than written empty (FHIR forbids empty arrays
 * and objects).
 */
const opt = <T extends z.ZodType>(schema: T) => schema.exactOptional();

export const FhirCodeableConceptSchema = z.object({ text: z.string().min(1) });
export const FhirReferenceSchema = z.object({ reference: opt(z.string().min(1)), display: opt(z.string().min(1)) });
export const FhirQuantitySchema = z.object({ value: z.number(), unit: z.string().min(1), system: opt(z.literal('http://unitsofmeasure.org')), code: opt(z.string().min(1)) });
export const FhirRatioSchema = z.object({ numerator: FhirQuantitySchema, denominator: opt(FhirQuantitySchema) });

const FhirAttachmentSchema = z.object({ contentType: z.string(), url: z.string().min(1), title: z.string().min(1) });

/** FHIR R4 `Dosage`: what a regimen states (the sentence as `text`, route, dose, timing, maximum). */
const FhirDurationSchema = z.object({ value: z.number(), unit: z.string().min(1), system: z.literal('http://unitsofmeasure.org'), code: z.string().min(1) });
export const FhirDosageSchema = z.object({
  text: described(z.string().min(1), 'The sentence the regimen was read from.'),
  timing: opt(
    z.object({
      repeat: z.object({
        frequency: opt(z.number().int().positive()),
        period: opt(z.number().positive()),
        periodUnit: opt(z.enum(['d', 'wk'])),
        duration: opt(z.number().positive()),
        durationUnit: opt(z.literal('min')),
        boundsDuration: opt(FhirDurationSchema),
      }),
    }),
  ),
  route: opt(FhirCodeableConceptSchema),
  doseAndRate: opt(
    z
      .array(
        z.object({
          doseQuantity: opt(FhirQuantitySchema),
          doseRange: opt(z.object({ low: FhirQuantitySchema, high: FhirQuantitySchema })),
        }),
      )
      .min(1),
  ),
  maxDosePerPeriod: opt(FhirRatioSchema),
});

/** A contained DocumentReference pointing at the monograph page and its JSON document. */
export const FhirDocumentReferenceSchema = z.object({
  resourceType: z.literal('DocumentReference'),
  id: z.string(),
  status: z.literal('current'),
  description: z.string(),
  content: z.array(z.object({ attachment: FhirAttachmentSchema })).min(1),
});

export const FhirNarrativeSchema = z.object({ status: z.literal('generated'), div: z.string().startsWith('<div xmlns="http://www.w3.org/1999/xhtml">') });

export const MedicationKnowledgeSchema = z
  .object({
    resourceType: z.literal('MedicationKnowledge'),
    id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/),
    meta: opt(z.object({ lastUpdated: described(z.string(), 'The source\'s lastModified as an instant; absent when the source gives none.') })),
    text: FhirNarrativeSchema,
    contained: z.array(FhirDocumentReferenceSchema).min(1),
    code: described(FhirCodeableConceptSchema, 'The page title (no coded terminology: the sources give none).'),
    status: described(z.enum(['active', 'inactive']), '`inactive` when the drug is banned (brands inherit the status) or the brand is discontinued.'),
    manufacturer: opt(described(FhirReferenceSchema, 'A brand\'s company, by name.')),
    doseForm: opt(described(FhirCodeableConceptSchema, 'A brand\'s dosage form as the source names it (`tablet`, `syrup`…).')),
    synonym: opt(z.array(z.string().min(1)).min(1)),
    relatedMedicationKnowledge: opt(
      z
        .array(z.object({ type: FhirCodeableConceptSchema, reference: z.array(FhirReferenceSchema).min(1) }))
        .min(1),
    ),
    productType: z.array(FhirCodeableConceptSchema).min(1),
    monograph: z.array(z.object({ type: FhirCodeableConceptSchema, source: FhirReferenceSchema })).min(1),
    ingredient: opt(
      z
        .array(
          z.object({
            itemCodeableConcept: FhirCodeableConceptSchema,
            isActive: z.boolean(),
            strength: opt(described(FhirRatioSchema, 'A brand\'s strength of this ingredient, when its composition gives one in units FHIR can code (UCUM).')),
          }),
        )
        .min(1),
    ),
    cost: opt(
      described(
        z.array(z.object({ type: FhirCodeableConceptSchema, source: z.string(), cost: z.object({ value: z.number(), currency: z.literal('INR') }) })).min(1),
        'A brand\'s MRP, and its price per unit when the pack allows (computed; `source` gives the formula).',
      ),
    ),
    medicineClassification: opt(z.array(z.object({ type: FhirCodeableConceptSchema, classification: z.array(FhirCodeableConceptSchema).min(1) })).min(1)),
    packaging: opt(described(z.object({ quantity: FhirQuantitySchema }), 'A brand\'s pack: a count of units (`15 tablet`) or a volume or weight (`100 mL`).')),
    drugCharacteristic: opt(z.array(z.object({ type: FhirCodeableConceptSchema, valueString: z.string().min(1) })).min(1)),
    administrationGuidelines: opt(
      described(
        z
          .array(
            z.object({
              dosage: z.array(z.object({ type: FhirCodeableConceptSchema, dosage: z.array(FhirDosageSchema).min(1) })).min(1),
              indicationCodeableConcept: opt(FhirCodeableConceptSchema),
              patientCharacteristics: opt(z.array(z.object({ characteristicCodeableConcept: FhirCodeableConceptSchema })).min(1)),
            }),
          )
          .min(1),
        'One per dose regimen read from the text, when the site publishes them (`--regimens`, experimental): the Dosage (dose, route, timing, maximum, the sentence as `text`), its indication and population as written.',
      ),
    ),
  })
  .register(API_SCHEMAS, {
    id: 'FhirMedicationKnowledge',
    description:
      'FHIR R4 MedicationKnowledge: code (title), synonyms, status, ingredients (with strengths for brands), dose form and pack (brands), related pages, classification, cost (brands), the monograph as a contained DocumentReference, meta.lastUpdated, and `administrationGuidelines` from the dose regimens when the site publishes them (`--regimens`).',
  });
export type MedicationKnowledge = z.infer<typeof MedicationKnowledgeSchema>;

export const FhirBundleSchema = z
  .object({
    resourceType: z.literal('Bundle'),
    type: z.literal('searchset'),
    total: z.number().int().min(0),
    link: z.array(z.object({ relation: z.string(), url: z.string() })).min(1),
    entry: opt(
      z
        .array(z.object({ fullUrl: z.string(), resource: MedicationKnowledgeSchema, search: z.object({ mode: z.literal('match') }) }))
        .min(1),
    ),
  })
  .register(API_SCHEMAS, { id: 'FhirBundle', description: 'FHIR R4 Bundle (searchset) of MedicationKnowledge resources.' });
export type FhirBundle = z.infer<typeof FhirBundleSchema>;

export const OperationOutcomeSchema = z
  .object({
    resourceType: z.literal('OperationOutcome'),
    issue: z
      .array(z.object({ severity: z.enum(['fatal', 'error', 'warning', 'information']), code: z.string(), diagnostics: z.string() }))
      .min(1),
  })
  .register(API_SCHEMAS, { id: 'FhirOperationOutcome', description: 'FHIR R4 OperationOutcome: how errors under `/fhir` are sent.' });
export type OperationOutcome = z.infer<typeof OperationOutcomeSchema>;
