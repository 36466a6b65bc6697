import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  apiIds,
  FhirBundleSchema,
  fhirContext,
  MedicationKnowledgeSchema,
  operationOutcome,
  OperationOutcomeSchema,
  parseStrengths,
  toBundle,
  toListItem,
  toMedicationKnowledge,
  type ApiListItem,
  type MedicationKnowledge,
} from '../src/api/index.js';
import { buildCatalog } from '../src/catalog/index.js';
import { loadDir, mono, SAMPLE_DIR } from './helpers/monographs.js';
import { fhirSchemaBytes, fhirValidator } from './api-validators.js';

// FHIR R4 views of the catalog, validated against the official R4 JSON schema (test/fixtures/fhir-r4.schema.json.gz).

const catalog = buildCatalog(loadDir(SAMPLE_DIR));
const ids = apiIds(catalog);
const items: ApiListItem[] = catalog.entries.map((e) => toListItem(e, ids));
const ctx = fhirContext(items, 'https://formulary.example');
const mk = (id: string): MedicationKnowledge => toMedicationKnowledge(items.find((i) => i.id === id)!, ctx);

describe('the official FHIR R4 schema', () => {
  test('is the file we say it is (HL7 4.0.0 fhir.schema.json as npm ships it), unedited', () => {
    const bytes = fhirSchemaBytes();
    assert.equal(bytes.byteLength, 3_365_955);
    assert.equal(createHash('sha256').update(bytes).digest('hex'), '15b9548af6412c44faaa411456e0652542de286fd1c58ef882b09bdc8947909d');
  });

  test('is live: it refuses what R4 forbids (a negative control for every test below)', () => {
    const v = fhirValidator();
    assert.deepEqual(v.errors('MedicationKnowledge', { resourceType: 'MedicationKnowledge', id: 'ok', code: { text: 'X' } }), []);
    assert.ok(v.errors('MedicationKnowledge', { resourceType: 'MedicationKnowledge', id: 'has space' }).length > 0, 'id pattern');
    assert.ok(v.errors('MedicationKnowledge', { resourceType: 'MedicationKnowledge', synonyms: ['x'] }).length > 0, 'unknown element');
    assert.ok(v.errors('MedicationKnowledge', { resourceType: 'MedicationKnowledge', meta: { lastUpdated: '2026-11-01' } }).length > 0, 'instant needs a time');
    assert.ok(v.errors('MedicationKnowledge', { resourceType: 'MedicationKnowledge', cost: [{ cost: { value: 1, currency: 'INR' } }] }).length > 0, 'cost.type is required');
    assert.ok(v.errors('Bundle', { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: { resourceType: 'MedicationKnowledge', bogus: true } }] }).length > 0);
  });
});

describe('MedicationKnowledge', () => {
  test('every sample entry is valid R4 and matches our schema', () => {
    const v = fhirValidator();
    for (const item of items) {
      const resource = toMedicationKnowledge(item, ctx);
      assert.deepEqual(v.errors('MedicationKnowledge', resource), [], item.id);
      MedicationKnowledgeSchema.parse(resource);
    }
  });

  test('a brand: manufacturer, dose form, pack, MRP and price per unit in INR, its parsed ingredient strength, its generic related', () => {
    const r = mk('crocin-650');
    assert.equal(r.status, 'active');
    assert.deepEqual(r.manufacturer, { display: 'GlaxoSmithKline' });
    assert.deepEqual(r.doseForm, { text: 'tablet' });
    assert.deepEqual(r.packaging, { quantity: { value: 15, unit: 'tablet' } });
    assert.deepEqual(r.cost, [
      { type: { text: 'Maximum retail price (MRP)' }, source: 'as stated by the source', cost: { value: 30.5, currency: 'INR' } },
      { type: { text: 'price per tablet' }, source: 'computed: ₹30.50 ÷ 15 tablets', cost: { value: 2.03, currency: 'INR' } },
    ]);
    assert.deepEqual(r.ingredient, [
      { itemCodeableConcept: { text: 'Paracetamol' }, isActive: true, strength: { numerator: { value: 650, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } } },
    ]);
    assert.deepEqual(r.relatedMedicationKnowledge, [{ type: { text: 'generic or combination of this brand' }, reference: [{ reference: 'MedicationKnowledge/paracetamol', display: 'Paracetamol' }] }]);
    assert.deepEqual(r.drugCharacteristic, [
      { type: { text: 'strength as labelled' }, valueString: '650 mg' },
      { type: { text: 'pack size' }, valueString: '15 tablets' },
    ]);
    assert.deepEqual(r.meta, { lastUpdated: '2026-11-01T00:00:00.000Z' });
  });

  test('a catalog brand: parsed strengths per ingredient (per volume too), none for a percentage; discontinued is inactive; a volume pack in UCUM', () => {
    const crocin = items.find((i) => i.id === 'crocin-650')!;
    const strength = (value: number, unit: string, per: { value: number; unit: string } | null = null, basis: string | null = null) => ({ value, unit, per, basis, text: `${value}${unit}` });
    const item: ApiListItem = {
      ...crocin,
      id: 'examplamol-syrup',
      title: 'Examplamol Syrup',
      generic: null,
      product: {
        ...crocin.product!,
        discontinued: true,
        form: 'syrup',
        strength: null,
        components: [
          { name: 'Paracetamol', strength: strength(125, 'mg', { value: 5, unit: 'ml' }), raw: 'Paracetamol (125mg/5ml)' },
          { name: 'Menthol', strength: strength(0.1, '%', null, 'w/v'), raw: 'Menthol (0.1% w/v)' },
          { name: 'Vitamin B12', strength: strength(500, 'mcg'), raw: 'Vitamin B12 (500mcg)' },
        ],
        pack: { text: 'bottle of 60 ml Syrup', container: 'bottle', count: null, amount: { value: 60, unit: 'ml' }, unit: null, form: 'syrup' },
        unitPrice: null,
      },
    };
    const r = toMedicationKnowledge(item, ctx);
    assert.deepEqual(fhirValidator().errors('MedicationKnowledge', r), []);
    MedicationKnowledgeSchema.parse(r);
    assert.equal(r.status, 'inactive');
    assert.deepEqual(r.doseForm, { text: 'syrup' });
    assert.deepEqual(r.packaging, { quantity: { value: 60, unit: 'mL', system: 'http://unitsofmeasure.org', code: 'mL' } });
    assert.deepEqual(r.ingredient?.map((i) => [i.itemCodeableConcept.text, i.strength]), [
      ['Paracetamol', { numerator: { value: 125, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' }, denominator: { value: 5, unit: 'mL', system: 'http://unitsofmeasure.org', code: 'mL' } }],
      ['Menthol', undefined],
      ['Vitamin B12', { numerator: { value: 500, unit: 'mcg', system: 'http://unitsofmeasure.org', code: 'ug' } }],
    ]);
    assert.deepEqual(r.cost?.length, 1, 'no price per unit for a volume pack without one');
  });

  test('a brand of a banned combination is inactive; one strength per ingredient, in order', () => {
    const r = mk('demoxin-plus');
    assert.equal(r.status, 'inactive');
    assert.deepEqual(
      r.ingredient?.map((i) => [i.itemCodeableConcept.text, i.strength?.numerator.value]),
      [
        ['Exampleol', 10],
        ['Demoxin', 20],
      ],
    );
    assert.match(r.text.div, /banned/);
  });

  test('a generic lists its brands and the combinations containing it; a combination its ingredients with pages', () => {
    const para = mk('paracetamol');
    assert.deepEqual(
      para.relatedMedicationKnowledge?.map((g) => [g.type.text, g.reference.map((x) => x.reference)]),
      [
        ['brand', ['MedicationKnowledge/crocin-650']],
        ['combination containing it', ['MedicationKnowledge/paracetamol-caffeine']],
      ],
    );
    const combo = mk('paracetamol-caffeine');
    assert.deepEqual(combo.ingredient?.map((i) => i.itemCodeableConcept.text), ['Paracetamol', 'Caffeine']);
    assert.deepEqual(combo.relatedMedicationKnowledge?.[0]?.reference, [{ reference: 'MedicationKnowledge/paracetamol', display: 'Paracetamol' }], 'caffeine has no page: not referenced');
    assert.equal(combo.ingredient?.[0]?.strength, undefined, 'a combination page gives no strengths');
  });

  test('names, class and the monograph as a contained DocumentReference with absolute URLs', () => {
    const r = mk('alemtuzumab');
    assert.deepEqual(r.code, { text: 'Alemtuzumab' });
    assert.deepEqual(r.synonym, ['Campath', 'Lemtrada']);
    assert.equal(r.medicineClassification?.[0]?.classification[0]?.text.startsWith('Alemtuzumab is a monoclonal antibody'), true);
    assert.deepEqual(r.monograph, [{ type: { text: 'monograph' }, source: { reference: '#monograph', display: 'Alemtuzumab' } }]);
    assert.deepEqual(r.contained[0]?.content.map((c) => c.attachment.url), ['https://formulary.example/composition/alemtuzumab/', 'https://formulary.example/api/v1/drugs/alemtuzumab.json']);
    assert.equal(mk('ibalizumab').meta, undefined, 'no lastModified in the source: no lastUpdated');
  });

  test('markup in a title is escaped in the narrative, and the resource stays valid', () => {
    const m = mono('synthetic/compositions/x.md', '---\ntitle: "<script>alert(1)</script> & Co"\n---\n## Usage\n\n- x\n', 'composition');
    const cat = buildCatalog([m]);
    const item = toListItem(cat.entries[0]!, apiIds(cat));
    const r = toMedicationKnowledge(item, fhirContext([item], ''));
    assert.ok(!r.text.div.includes('<script>'));
    assert.match(r.text.div, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; Co/);
    assert.deepEqual(fhirValidator().errors('MedicationKnowledge', r), []);
  });
});

describe('Bundle and OperationOutcome', () => {
  test('the Bundle of all entries is a valid R4 searchset whose related references all resolve inside it', () => {
    const bundle = toBundle(items, ctx, [{ relation: 'self', url: 'https://formulary.example/fhir/MedicationKnowledge' }]);
    assert.deepEqual(fhirValidator().errors('Bundle', bundle), []);
    FhirBundleSchema.parse(bundle);
    assert.equal(bundle.total, items.length);
    const ids = new Set(bundle.entry?.map((e) => `MedicationKnowledge/${e.resource.id}`));
    for (const e of bundle.entry ?? []) {
      assert.equal(e.fullUrl, `https://formulary.example/fhir/MedicationKnowledge/${e.resource.id}`);
      for (const g of e.resource.relatedMedicationKnowledge ?? []) for (const r of g.reference) assert.ok(ids.has(r.reference!), r.reference);
    }
    const empty = toBundle([], ctx, [{ relation: 'self', url: 'https://formulary.example/fhir/MedicationKnowledge?status=inactive' }]);
    assert.deepEqual(fhirValidator().errors('Bundle', empty), []);
    assert.equal(empty.entry, undefined, 'FHIR forbids empty arrays');
  });

  test('errors are valid OperationOutcomes', () => {
    for (const status of [400, 404, 405, 413, 414, 429, 500, 503]) {
      const o = operationOutcome(status, `status ${status}`);
      OperationOutcomeSchema.parse(o);
      assert.deepEqual(fhirValidator().errors('OperationOutcome', o), [], String(status));
    }
  });
});

describe('parseStrengths', () => {
  test('one plain amount per ingredient, UCUM codes; anything else gives nothing', () => {
    assert.deepEqual(parseStrengths('650 mg', 1), [{ numerator: { value: 650, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }]);
    assert.deepEqual(parseStrengths('125mg/5ml', 1), [
      { numerator: { value: 125, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' }, denominator: { value: 5, unit: 'mL', system: 'http://unitsofmeasure.org', code: 'mL' } },
    ]);
    assert.deepEqual(parseStrengths('40 IU/ml', 1)?.[0]?.numerator.code, '[iU]');
    assert.deepEqual(parseStrengths('250 mcg', 1)?.[0]?.numerator.code, 'ug');
    assert.deepEqual(parseStrengths('500 mg + 125 mg', 2)?.map((r) => r.numerator.value), [500, 125]);
    for (const [text, n] of [
      ['500 mg + 125 mg', 1],
      ['650 mg', 2],
      ['1% w/v', 1],
      ['500 mg / 2 tablets', 1],
      ['', 1],
      ['mg', 1],
      ['10 mg', 0],
    ] as const) {
      assert.equal(parseStrengths(text, n), null, `${text} × ${n}`);
    }
  });
});

describe('administrationGuidelines (a site built with --regimens)', () => {
  const withRegimens = catalog.entries.map((e) => toListItem(e, ids, { regimens: true }));
  const rctx = fhirContext(withRegimens, 'https://formulary.example');
  const resources = withRegimens.map((i) => toMedicationKnowledge(i, rctx));

  test('every resource is valid R4, with one guideline per regimen; none without --regimens', () => {
    const v = fhirValidator();
    let guidelines = 0;
    for (const [k, r] of resources.entries()) {
      assert.deepEqual(v.errors('MedicationKnowledge', r), [], r.id);
      MedicationKnowledgeSchema.parse(r);
      assert.equal(r.administrationGuidelines?.length ?? 0, withRegimens[k]!.regimens!.length, r.id);
      guidelines += r.administrationGuidelines?.length ?? 0;
    }
    assert.ok(guidelines > 10, `${guidelines} guidelines in the sample`);
    assert.ok(items.every((i) => toMedicationKnowledge(i, ctx).administrationGuidelines === undefined));
  });

  test('a regimen per kg on cycle days: dose in UCUM mg/kg, route, indication, and the sentence as text', () => {
    const isa = resources.find((r) => r.id === 'isatuximab')!;
    const first = isa.administrationGuidelines![0]!;
    const dosage = first.dosage[0]!.dosage[0]!;
    assert.equal(dosage.text, '10 mg/kg on days 1, 8, 15, and 22 of a 28-day cycle.');
    assert.deepEqual(dosage.doseAndRate, [{ doseQuantity: { value: 10, unit: 'mg/kg', system: 'http://unitsofmeasure.org', code: 'mg/kg' } }]);
    assert.deepEqual(dosage.route, { text: 'IV' });
    assert.equal(dosage.timing, undefined, 'cycle days have no Timing.repeat form: the text carries them');
    assert.deepEqual(first.indicationCodeableConcept, { text: 'Multiple Myeloma (Relapsed or Refractory)' });
  });

  test('frequency, duration, infusion time and a daily maximum map to Timing and maxDosePerPeriod', () => {
    const all = resources.flatMap((r) => r.administrationGuidelines ?? []).map((g) => g.dosage[0]!.dosage[0]!);
    const timed = all.find((d) => d.timing?.repeat.frequency !== undefined);
    assert.ok(timed, 'some regimen has a frequency');
    assert.ok(['d', 'wk'].includes(timed.timing!.repeat.periodUnit!));
    const regimens = withRegimens.flatMap((i) => i.regimens ?? []);
    const capped = regimens.findIndex((r) => r.maxDailyAmount !== null);
    if (capped >= 0) assert.deepEqual(all[capped]!.maxDosePerPeriod?.denominator, { value: 1, unit: 'd', system: 'http://unitsofmeasure.org', code: 'd' });
    const infused = regimens.findIndex((r) => r.infusionMinutes !== null);
    if (infused >= 0) assert.deepEqual([all[infused]!.timing?.repeat.duration, all[infused]!.timing?.repeat.durationUnit], [regimens[infused]!.infusionMinutes, 'min']);
    assert.ok(capped >= 0 || infused >= 0, 'the sample has a capped or an infused regimen');
  });
});
