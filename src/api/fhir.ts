import type { z } from 'zod';
import type { Pack } from '../model/index.js';
import type { Regimen } from '../clinical/index.js';
import { escapeHtml, isoDate } from '../site/text.js';
import type { FhirBundle, FhirQuantitySchema, FhirRatioSchema, MedicationKnowledge, OperationOutcome } from './fhir-schemas.js';
import { fhirId } from './ids.js';
import { fhirPath } from './paths.js';
import type { ApiListItem } from './schemas.js';
import { parseStrengths, strengthRatio, ucumQuantity } from './strength.js';

type Ratio = z.infer<typeof FhirRatioSchema>;
type Quantity = z.infer<typeof FhirQuantitySchema>;

/** What mapping one entry needs to know about the others. */
export interface FhirContext {
  /** Prefix of absolute URLs (`https://example.org`), or `''` for site-relative ones. */
  base: string;
  byId: ReadonlyMap<string, ApiListItem>;
  /** Generic or combination id → its brands' ids. */
  brandsOf: ReadonlyMap<string, readonly string[]>;
  /** Composition id → ids of the combinations containing it. */
  combinationsOf: ReadonlyMap<string, readonly string[]>;
}

/** Index the list once for mapping many entries. `base` without a trailing slash. */
export function fhirContext(items: readonly ApiListItem[], base: string): FhirContext {
  const byId = new Map(items.map((i) => [i.id, i]));
  const brandsOf = new Map<string, string[]>();
  const combinationsOf = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, id: string): void => {
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  for (const i of items) {
    if (i.kind === 'medicine' && i.generic !== null) push(brandsOf, i.generic, i.id);
    if (i.kind === 'combination') for (const ing of i.ingredients) if (ing.id !== null) push(combinationsOf, ing.id, i.id);
  }
  return { base: base.replace(/\/+$/, ''), byId, brandsOf, combinationsOf };
}

const KIND_LABEL = { composition: 'composition (generic)', combination: 'fixed-dose combination', medicine: 'branded product' } as const;
/** FHIR `instant`: seconds and a time zone are required. */
const FHIR_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;

/**
 * FHIR R4 MedicationKnowledge of one list entry. Only what the source states is written: the
 * title as `code.text` (no coded terminology), names as synonyms, banned as `inactive`, ingredients
 * (with strengths only for a brand whose label gives one amount per ingredient), classification,
 * MRP as cost, the page and its JSON as the monograph.
 */
export function toMedicationKnowledge(item: ApiListItem, ctx: FhirContext): MedicationKnowledge {
  const id = fhirId(item.id);
  const url = (path: string): string => ctx.base + path;
  const mk: MedicationKnowledge = {
    resourceType: 'MedicationKnowledge',
    id,
    text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>${escapeHtml(item.title)} (${KIND_LABEL[item.kind]})${item.banned ? ': banned' : ''}</p></div>` },
    contained: [
      {
        resourceType: 'DocumentReference',
        id: 'monograph',
        status: 'current',
        description: `${item.title}: monograph`,
        content: [
          { attachment: { contentType: 'text/html', url: url(item.url), title: `${item.title} (page)` } },
          { attachment: { contentType: 'application/json', url: url(item.api), title: `${item.title} (JSON)` } },
        ],
      },
    ],
    code: { text: item.title },
    status: item.banned ? 'inactive' : 'active',
    productType: [{ text: KIND_LABEL[item.kind] }],
    monograph: [{ type: { text: 'monograph' }, source: { reference: '#monograph', display: item.title } }],
  };
  const updated = isoDate(item.lastModified);
  if (updated !== null && FHIR_INSTANT.test(updated)) mk.meta = { lastUpdated: updated };
  if (item.company !== null && item.company.trim() !== '') mk.manufacturer = { display: item.company.trim() };
  const synonyms = item.names.filter((n) => n !== item.title);
  if (synonyms.length > 0) mk.synonym = synonyms;

  const related = relatedOf(item, ctx);
  if (related.length > 0) mk.relatedMedicationKnowledge = related;

  const ingredients = ingredientsOf(item);
  if (ingredients.length > 0) mk.ingredient = ingredients;
  const p = item.product;
  if (p !== null) {
    if (p.discontinued === true) mk.status = 'inactive';
    if (p.form !== null && p.form.trim() !== '') mk.doseForm = { text: p.form.trim() };
    const quantity = packQuantity(p.pack);
    if (quantity !== null) mk.packaging = { quantity };
    const cost: NonNullable<MedicationKnowledge['cost']> = [];
    if (p.mrp !== null) cost.push({ type: { text: 'Maximum retail price (MRP)' }, source: 'as stated by the source', cost: { value: p.mrp, currency: 'INR' } });
    if (p.unitPrice !== null) cost.push({ type: { text: `price per ${p.unitPrice.per}` }, source: `computed: ${p.unitPrice.formula}`, cost: { value: p.unitPrice.value, currency: 'INR' } });
    if (cost.length > 0) mk.cost = cost;
  }
  if (item.drugClass !== null && item.drugClass.trim() !== '') {
    mk.medicineClassification = [{ type: { text: 'drug class' }, classification: [{ text: item.drugClass.trim() }] }];
  }
  const characteristics: { type: { text: string }; valueString: string }[] = [];
  if (item.product?.strength) characteristics.push({ type: { text: 'strength as labelled' }, valueString: item.product.strength });
  const packText = item.product?.packSize ?? item.product?.pack?.text ?? null;
  if (packText) characteristics.push({ type: { text: 'pack size' }, valueString: packText });
  if (characteristics.length > 0) mk.drugCharacteristic = characteristics;
  const guidelines = (item.regimens ?? []).map(administrationGuideline);
  if (guidelines.length > 0) mk.administrationGuidelines = guidelines;
  return mk;
}

type Guideline = NonNullable<MedicationKnowledge['administrationGuidelines']>[number];
type Dosage = Guideline['dosage'][number]['dosage'][number];
const UCUM = 'http://unitsofmeasure.org' as const;
/** An amount in mg (per kg or m², per day for a daily total) as a UCUM quantity. */
const mgQuantity = (value: number, per: Regimen['per'], daily = false): NonNullable<NonNullable<Dosage['doseAndRate']>[number]['doseQuantity']> => {
  const code = `mg${per === 'kg' ? '/kg' : per === 'm2' ? '/m2' : ''}${daily ? '/d' : ''}`;
  return { value, unit: code.replace('/m2', '/m²').replace(/\/d$/, '/day'), system: UCUM, code };
};

/** One regimen as FHIR: its Dosage (only the fields the text states), indication and population. */
function administrationGuideline(r: Regimen): Guideline {
  const dosage: Dosage = { text: r.source.text };
  const repeat: NonNullable<Dosage['timing']>['repeat'] = {};
  if (r.timesPerDay !== null) Object.assign(repeat, { frequency: r.timesPerDay, period: 1, periodUnit: 'd' });
  else if (r.timesPerWeek !== null) Object.assign(repeat, { frequency: r.timesPerWeek, period: 1, periodUnit: 'wk' });
  else if (r.everyDays !== null) Object.assign(repeat, { frequency: 1, period: r.everyDays, periodUnit: 'd' });
  if (r.infusionMinutes !== null) Object.assign(repeat, { duration: r.infusionMinutes, durationUnit: 'min' });
  if (r.durationWeeks !== null) repeat.boundsDuration = { value: r.durationWeeks, unit: 'wk', system: UCUM, code: 'wk' };
  else if (r.durationDays !== null) repeat.boundsDuration = { value: r.durationDays, unit: 'd', system: UCUM, code: 'd' };
  if (Object.keys(repeat).length > 0) dosage.timing = { repeat };
  if (r.route !== null) dosage.route = { text: r.route };
  const day = { value: 1, unit: 'd', system: UCUM, code: 'd' };
  // A daily total ("40 mg a day") is a quantity per day (`mg/d`), however many doses it is split into.
  const daily = r.amountPer === 'day';
  dosage.doseAndRate =
    r.amountMax !== null ? [{ doseRange: { low: mgQuantity(r.amount, r.per, daily), high: mgQuantity(r.amountMax, r.per, daily) } }] : [{ doseQuantity: mgQuantity(r.amount, r.per, daily) }];
  if (r.maxDailyAmount !== null) dosage.maxDosePerPeriod = { numerator: mgQuantity(r.maxDailyAmount, null), denominator: day };
  const g: Guideline = { dosage: [{ type: { text: r.phase ?? 'dose' }, dosage: [dosage] }] };
  if (r.indication !== null && r.indication.trim() !== '') g.indicationCodeableConcept = { text: r.indication.trim() };
  if (r.population !== null) g.patientCharacteristics = [{ characteristicCodeableConcept: { text: r.population } }];
  return g;
}

type Ingredient = NonNullable<MedicationKnowledge['ingredient']>[number];

/**
 * Ingredients: a brand's parsed composition (with strengths in UCUM units where the model parsed
 * them); else a brand's label strength matched in order to its combination's ingredients; else
 * the names (a combination's ingredients, a composition itself).
 */
function ingredientsOf(item: ApiListItem): Ingredient[] {
  const of = (name: string, strength: Ratio | null | undefined): Ingredient =>
    strength ? { itemCodeableConcept: { text: name }, isActive: true, strength } : { itemCodeableConcept: { text: name }, isActive: true };
  const components = item.product?.components ?? [];
  if (components.length > 0) return components.filter((c) => c.name.trim() !== '').map((c) => of(c.name.trim(), c.strength === null ? null : strengthRatio(c.strength)));
  const names = item.kind === 'composition' ? [item.title] : item.ingredients.map((i) => i.name);
  const label = item.kind === 'medicine' ? item.product?.strength : null;
  const strengths = label ? parseStrengths(label, names.length) : null;
  return names.map((name, k) => of(name, strengths?.[k]));
}

/** A pack as a quantity: a count of units, or a volume or weight; null when the label gives neither. */
function packQuantity(pack: Pack | null): Quantity | null {
  if (pack === null) return null;
  if (pack.count !== null) return { value: pack.count, unit: pack.unit ?? pack.form ?? 'unit' };
  if (pack.amount !== null) return ucumQuantity(pack.amount.value, pack.amount.unit);
  return null;
}

/** Pages related to this one: a brand's generic, a generic's brands, a combination's ingredients, a composition's combinations. */
function relatedOf(item: ApiListItem, ctx: FhirContext): NonNullable<MedicationKnowledge['relatedMedicationKnowledge']> {
  const refs = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const other = ctx.byId.get(id);
      return other ? [{ reference: `MedicationKnowledge/${fhirId(other.id)}`, display: other.title }] : [];
    });
  const groups: [string, readonly string[]][] = [
    ['generic or combination of this brand', item.generic === null ? [] : [item.generic]],
    ['ingredient', item.kind === 'combination' ? item.ingredients.flatMap((i) => (i.id === null ? [] : [i.id])) : []],
    ['brand', ctx.brandsOf.get(item.id) ?? []],
    ['combination containing it', ctx.combinationsOf.get(item.id) ?? []],
  ];
  return groups.flatMap(([text, ids]) => {
    const reference = refs(ids);
    return reference.length > 0 ? [{ type: { text }, reference }] : [];
  });
}

/**
 * A searchset Bundle: `items` are this page's entries, `total` counts every match, `links` are the
 * paging links (`self` first; `next`, `previous`… as the caller pages).
 */
export function toBundle(items: readonly ApiListItem[], ctx: FhirContext, links: FhirBundle['link'], total: number = items.length): FhirBundle {
  const bundle: FhirBundle = { resourceType: 'Bundle', type: 'searchset', total, link: links };
  if (items.length > 0) {
    bundle.entry = items.map((item) => ({
      fullUrl: ctx.base + fhirPath(fhirId(item.id)),
      resource: toMedicationKnowledge(item, ctx),
      search: { mode: 'match' as const },
    }));
  }
  return bundle;
}

/** FHIR's error body: one issue with the HTTP problem's detail. */
export function operationOutcome(status: number, detail: string): OperationOutcome {
  const code = status === 404 ? 'not-found' : status === 429 ? 'throttled' : status === 405 ? 'not-supported' : status === 503 ? 'transient' : status >= 500 ? 'exception' : 'invalid';
  return { resourceType: 'OperationOutcome', issue: [{ severity: status >= 500 ? 'fatal' : 'error', code, diagnostics: detail }] };
}
