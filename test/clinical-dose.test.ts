import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { z } from 'zod';
import { bodySurfaceArea } from '../src/clinical/bsa.js';
import {
  DOSE_LIMITS,
  DOSE_REFUSAL_CODES,
  DoseRefusalSchema,
  DoseRequestSchema,
  DoseResponseSchema,
  DoseResultSchema,
  computeDose,
  registerDoseSchemas,
  selectRegimen,
  type DoseAnswer,
  type DosePatient,
  type DoseRefusalCode,
  type DoseResult,
} from '../src/clinical/dose.js';
import type { Regimen } from '../src/clinical/schema.js';
import { EXAMPLES, regimen } from './helpers/clinical-examples.js';

function ok(answer: DoseAnswer): DoseResult {
  if (!answer.ok) assert.fail(`refused: ${answer.code}: ${answer.message}`);
  // Every answer is a valid response shape.
  DoseResultSchema.parse(answer);
  return answer;
}

describe('body surface area', () => {
  // Published worked examples: Mosteller, NEJM 1987 (√(cm × kg / 3600)); DuBois & DuBois 1916.
  // 170 cm, 70 kg: √(11900 / 3600) = √3.30556 = 1.8181; 0.007184 × 70^0.425 (6.0834) × 170^0.725 (41.403) = 1.8097.
  const cases: { method: 'mosteller' | 'dubois'; kg: number; cm: number; m2: string }[] = [
    { method: 'mosteller', kg: 70, cm: 170, m2: '1.818' },
    { method: 'dubois', kg: 70, cm: 170, m2: '1.810' },
    { method: 'mosteller', kg: 80, cm: 180, m2: '2.000' }, // √(14400 / 3600) = √4
    { method: 'mosteller', kg: 3.6, cm: 50, m2: '0.224' }, // newborn: √(180 / 3600) = √0.05
    { method: 'dubois', kg: 100, cm: 200, m2: '2.369' }, // 0.007184 × 100^0.425 (7.0795) × 200^0.725 (46.585)
  ];
  for (const c of cases) {
    test(`${c.method} ${c.cm} cm ${c.kg} kg = ${c.m2} m²`, () => {
      assert.equal(bodySurfaceArea(c.method, c.kg, c.cm).toFixed(3), c.m2);
    });
  }
});

describe('the four example regimens', () => {
  const cases: {
    name: string;
    regimen: Regimen;
    patient: DosePatient;
    doseMg: number;
    formula: string;
    rounding: RegExp;
    bsaM2?: number;
  }[] = [
    {
      name: '1.6 mg/kg every 2 weeks, 72 kg',
      regimen: EXAMPLES.weightInduction,
      patient: { weightKg: 72 },
      doseMg: 115,
      formula: '1.6 mg/kg × 72 kg = 115.2 mg',
      rounding: /^115\.2 mg rounded to the nearest 1 mg .*: 115 mg$/,
    },
    {
      name: '1.6 mg/kg every 4 weeks, 68.5 kg',
      regimen: EXAMPLES.weightMaintenance,
      patient: { weightKg: 68.5 },
      doseMg: 110,
      formula: '1.6 mg/kg × 68.5 kg = 109.6 mg',
      rounding: /: 110 mg$/,
    },
    {
      name: '1.6 mg/kg, child of 6.2 kg (under 10 mg: 0.1 mg)',
      regimen: EXAMPLES.weightInduction,
      patient: { weightKg: 6.2 },
      doseMg: 9.9,
      formula: '1.6 mg/kg × 6.2 kg = 9.92 mg',
      rounding: /nearest 0\.1 mg.*: 9\.9 mg$/,
    },
    {
      name: '0.8 mg/m² day 1, Mosteller 170 cm 70 kg',
      regimen: EXAMPLES.bsaDay1,
      patient: { weightKg: 70, heightCm: 170 },
      doseMg: 1.5,
      bsaM2: 1.82,
      formula: 'body surface area (Mosteller: √(170 cm × 70 kg / 3600) = 1.818 m², rounded to 1.82 m²); 0.8 mg/m² × 1.82 m² = 1.456 mg',
      rounding: /^1\.456 mg rounded to the nearest 0\.1 mg .*: 1\.5 mg$/,
    },
    {
      name: '0.8 mg/m² day 1, DuBois 170 cm 70 kg',
      regimen: EXAMPLES.bsaDay1,
      patient: { weightKg: 70, heightCm: 170, bsa: 'dubois' },
      doseMg: 1.4,
      bsaM2: 1.81,
      formula: 'body surface area (DuBois: 0.007184 × 70 kg^0.425 × 170 cm^0.725 = 1.810 m², rounded to 1.81 m²); 0.8 mg/m² × 1.81 m² = 1.448 mg',
      rounding: /: 1\.4 mg$/,
    },
    {
      name: '0.5 mg/m² days 8 and 15, Mosteller (under 1 mg: 2 significant figures)',
      regimen: EXAMPLES.bsaDays8And15,
      patient: { weightKg: 70, heightCm: 170 },
      doseMg: 0.91,
      bsaM2: 1.82,
      formula: 'body surface area (Mosteller: √(170 cm × 70 kg / 3600) = 1.818 m², rounded to 1.82 m²); 0.5 mg/m² × 1.82 m² = 0.91 mg',
      rounding: /^0\.91 mg: no rounding needed \(doses under 1 mg are given to 2 significant figures\)$/,
    },
    {
      name: '0.5 mg/m² days 8 and 15, DuBois: 0.905 mg → 0.91 mg',
      regimen: EXAMPLES.bsaDays8And15,
      patient: { weightKg: 70, heightCm: 170, bsa: 'dubois' },
      doseMg: 0.91,
      bsaM2: 1.81,
      formula: 'body surface area (DuBois: 0.007184 × 70 kg^0.425 × 170 cm^0.725 = 1.810 m², rounded to 1.81 m²); 0.5 mg/m² × 1.81 m² = 0.905 mg',
      rounding: /^0\.905 mg rounded to 2 significant figures .*: 0\.91 mg$/,
    },
    {
      name: 'loading dose 2 g, no weight needed',
      regimen: EXAMPLES.loading,
      patient: {},
      doseMg: 2000,
      formula: 'fixed dose: 2000 mg',
      rounding: /^Not rounded/,
    },
    {
      name: 'maintenance 800 mg, a weight given is not used',
      regimen: EXAMPLES.maintenance,
      patient: { weightKg: 90, heightCm: 180 },
      doseMg: 800,
      formula: 'fixed dose: 800 mg',
      rounding: /^Not rounded/,
    },
    ...[EXAMPLES.escalationStart, EXAMPLES.escalationMiddle, EXAMPLES.escalationTarget].map((r) => ({
      name: `${r.amount} mg three times a week`,
      regimen: r,
      patient: {},
      doseMg: r.amount,
      formula: `fixed dose: ${r.amount} mg`,
      rounding: /^Not rounded/,
    })),
  ];
  for (const c of cases) {
    test(c.name, () => {
      const a = ok(computeDose(c.regimen, c.patient));
      assert.equal(a.doseMg, c.doseMg);
      assert.equal(a.doseMgMax, null);
      assert.equal(a.formula, c.formula);
      assert.match(a.rounding, c.rounding);
      assert.equal(a.capped, false);
      assert.equal(a.bsaM2, c.bsaM2 ?? null);
      assert.equal(a.bsaMethod, c.bsaM2 === undefined ? null : (c.patient.bsa ?? 'mosteller'));
      assert.equal(a.perDayMg, null, 'no doses a day in the text, so no daily total');
      assert.deepEqual(a.source, c.regimen.source);
      assert.deepEqual(a.regimen, c.regimen);
    });
  }
});

describe('rounding edges', () => {
  // 1 mg/kg, so the dose before rounding is the weight.
  const perKg = regimen({ amount: 1, per: 'kg' });
  const cases: [weightKg: number, doseMg: number][] = [
    [9.94, 9.9],
    [9.95, 10], // half way up to 10.0
    [9.99, 10],
    [10, 10],
    [10.49, 10],
    [10.5, 11], // half way: up
    [1, 1],
    [1.04, 1],
    [1.05, 1.1],
    [0.99, 0.99],
    [0.995, 1], // 2 significant figures rounds up to 1.0
    [0.5, 0.5],
  ];
  for (const [weightKg, doseMg] of cases) {
    test(`1 mg/kg × ${weightKg} kg → ${doseMg} mg`, () => {
      assert.equal(ok(computeDose(perKg, { weightKg })).doseMg, doseMg);
    });
  }

  test('the rule is by the size before rounding, and stated', () => {
    assert.equal(ok(computeDose(perKg, { weightKg: 10 })).rounding, '10 mg: no rounding needed (doses of 10 mg and more are given to the nearest 1 mg)');
    assert.equal(ok(computeDose(perKg, { weightKg: 9.99 })).rounding, '9.99 mg rounded to the nearest 0.1 mg (doses from 1 mg to under 10 mg): 10 mg');
    assert.equal(ok(computeDose(perKg, { weightKg: 1 })).rounding, '1 mg: no rounding needed (doses from 1 mg to under 10 mg are given to the nearest 0.1 mg)');
  });

  test('a small dose is never rounded to zero', () => {
    const tiny = regimen({ amount: 0.001, per: 'kg' });
    const a = ok(computeDose(tiny, { weightKg: 3.37 }));
    assert.equal(a.doseMg, 0.0034);
    assert.equal(a.formula, '0.001 mg/kg × 3.37 kg = 0.00337 mg');
  });

  test('rounding never goes up past the maximum, even when the dose itself is under it', () => {
    const r = regimen({ amount: 1, per: 'kg', maxDailyAmount: 114.8 });
    const a = ok(computeDose(r, { weightKg: 114.6 }));
    assert.equal(a.doseMg, 114);
    assert.equal(a.capped, false);
    assert.match(a.rounding, /rounded down rather than up so as not to pass the maximum of 114\.8 mg: 114 mg$/);
  });

  test('a stated amount is not rounded', () => {
    const a = ok(computeDose(regimen({ amount: 0.125 }), {}));
    assert.equal(a.doseMg, 0.125);
    assert.equal(a.formula, 'fixed dose: 0.125 mg');
  });
});

describe('caps: the text\'s maximum daily amount', () => {
  const cases: {
    name: string;
    regimen: Regimen;
    weightKg?: number;
    doseMg: number;
    doseMgMax?: number;
    perDayMg: number | null;
    capped: boolean;
    formula: string;
  }[] = [
    {
      name: 'per dose, 4 a day, under the maximum',
      regimen: regimen({ amount: 15, per: 'kg', timesPerDay: 4, maxDailyAmount: 4000 }),
      weightKg: 60,
      doseMg: 900,
      perDayMg: 3600,
      capped: false,
      formula: '15 mg/kg × 60 kg = 900 mg',
    },
    {
      name: 'per dose, 4 a day, over the maximum: max ÷ 4',
      regimen: regimen({ amount: 15, per: 'kg', timesPerDay: 4, maxDailyAmount: 4000 }),
      weightKg: 80,
      doseMg: 1000,
      perDayMg: 4000,
      capped: true,
      formula: '15 mg/kg × 80 kg = 1200 mg; × 4 doses a day = 4800 mg per day, above the text\'s maximum of 4000 mg per day, so at most 4000 mg ÷ 4 = 1000 mg per dose: 1000 mg',
    },
    {
      name: 'max ÷ 3 is rounded down, never up past the maximum',
      regimen: regimen({ amount: 1, per: 'kg', timesPerDay: 3, maxDailyAmount: 80 }),
      weightKg: 30,
      doseMg: 26,
      perDayMg: 78,
      capped: true,
      formula: '1 mg/kg × 30 kg = 30 mg; × 3 doses a day = 90 mg per day, above the text\'s maximum of 80 mg per day, so at most 80 mg ÷ 3 = 26.6667 mg per dose: 26.6667 mg',
    },
    {
      name: 'a daily amount over the maximum',
      regimen: regimen({ amount: 10, per: 'kg', amountPer: 'day', maxDailyAmount: 500 }),
      weightKg: 72,
      doseMg: 500,
      perDayMg: 500,
      capped: true,
      formula: '10 mg/kg per day × 72 kg = 720 mg per day; above the text\'s maximum of 500 mg per day, so 500 mg per day',
    },
    {
      name: 'no doses a day in the text: one dose is at most the daily maximum',
      regimen: regimen({ amount: 20, per: 'kg', everyDays: 14, maxDailyAmount: 1000 }),
      weightKg: 72,
      doseMg: 1000,
      perDayMg: null,
      capped: true,
      formula: '20 mg/kg × 72 kg = 1440 mg; above the text\'s maximum of 1000 mg per day, so 1000 mg',
    },
    {
      name: 'a range whose high end is capped',
      regimen: regimen({ amount: 1, amountMax: 2, per: 'kg', maxDailyAmount: 100 }),
      weightKg: 72,
      doseMg: 72,
      doseMgMax: 100,
      perDayMg: null,
      capped: true,
      formula: '1–2 mg/kg × 72 kg = 72–144 mg; above the text\'s maximum of 100 mg per day, so 72–100 mg',
    },
    {
      name: 'a fixed dose at the maximum is not capped',
      regimen: regimen({ amount: 20, timesPerDay: 2, maxDailyAmount: 40 }),
      doseMg: 20,
      perDayMg: 40,
      capped: false,
      formula: 'fixed dose: 20 mg',
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const a = ok(computeDose(c.regimen, c.weightKg === undefined ? {} : { weightKg: c.weightKg }));
      assert.equal(a.doseMg, c.doseMg);
      assert.equal(a.doseMgMax, c.doseMgMax ?? null);
      assert.equal(a.perDayMg, c.perDayMg);
      assert.equal(a.capped, c.capped);
      assert.equal(a.formula, c.formula);
    });
  }

  test('a range: both ends worked out, rounded and given per day', () => {
    const a = ok(computeDose(regimen({ amount: 2.5, amountMax: 5, per: 'kg', timesPerDay: 2 }), { weightKg: 13.3 }));
    assert.equal(a.formula, '2.5–5 mg/kg × 13.3 kg = 33.25–66.5 mg');
    assert.equal(a.doseMg, 33);
    assert.equal(a.doseMgMax, 67);
    assert.equal(a.perDayMg, 66);
    assert.equal(a.perDayMgMax, 134);
    assert.equal(a.rounding.split('; ').length, 2);
  });

  // A naive model: the dose is amount × weight, at most the maximum ÷ doses a day, within one rounding step.
  test('property: the dose is the arithmetic, rounded by at most one step, never over the maximum', () => {
    fc.assert(
      fc.property(
        fc.double({ min: DOSE_LIMITS.weightKg.min, max: DOSE_LIMITS.weightKg.max, noNaN: true }),
        fc.constantFrom(0.01, 0.5, 1, 1.6, 5, 15, 20),
        fc.constantFrom(null, 1, 2, 3, 4),
        fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }),
        (weightKg, amount, timesPerDay, maxDailyAmount) => {
          const a = ok(computeDose(regimen({ amount, per: 'kg', timesPerDay, maxDailyAmount }), { weightKg }));
          const ceiling = maxDailyAmount === null ? Infinity : maxDailyAmount / (timesPerDay ?? 1);
          const expected = Math.min(amount * weightKg, ceiling);
          const step = expected >= 10 ? 1 : expected >= 1 ? 0.1 : 10 ** Math.floor(Math.log10(expected)) / 10;
          assert.ok(Math.abs(a.doseMg - expected) <= step + 1e-9, `${a.doseMg} vs ${expected}`);
          assert.ok(a.doseMg <= ceiling + 1e-9, `${a.doseMg} over ${ceiling}`);
          assert.ok(a.doseMg > 0);
          assert.equal(a.capped, amount * weightKg > ceiling + 1e-9);
          if (maxDailyAmount !== null && a.perDayMg !== null) assert.ok(a.perDayMg <= maxDailyAmount + 1e-9);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('refusals', () => {
  const perKg = EXAMPLES.weightInduction;
  const perM2 = EXAMPLES.bsaDay1;
  const cases: { name: string; regimen: Regimen; patient: DosePatient; code: DoseRefusalCode; message?: string }[] = [
    {
      name: 'per kg without a weight',
      regimen: perKg,
      patient: { heightCm: 170 },
      code: 'weight-required',
      message: 'This dose is written per kilogram of body weight (1.6 mg/kg). Enter the weight in kilograms to work it out.',
    },
    {
      name: 'per m² without a height',
      regimen: perM2,
      patient: { weightKg: 70 },
      code: 'weight-and-height-required',
      message: 'This dose is written per square metre of body surface area (0.8 mg/m²), which is worked out from weight and height. Enter the height (weight in kg, height in cm).',
    },
    { name: 'per m² without a weight', regimen: perM2, patient: { heightCm: 170 }, code: 'weight-and-height-required' },
    { name: 'per m² with neither', regimen: perM2, patient: {}, code: 'weight-and-height-required' },
    {
      name: 'weight under 0.5 kg',
      regimen: perKg,
      patient: { weightKg: 0.4 },
      code: 'weight-out-of-range',
      message: 'A weight of 0.4 kg is outside what this calculator accepts (0.5–350 kg). Check the number, and that it is in kilograms, not pounds or grams.',
    },
    { name: 'weight over 350 kg', regimen: perKg, patient: { weightKg: 350.1 }, code: 'weight-out-of-range' },
    { name: 'weight in pounds, for a fixed dose too', regimen: EXAMPLES.loading, patient: { weightKg: 400 }, code: 'weight-out-of-range' },
    { name: 'weight 0', regimen: perKg, patient: { weightKg: 0 }, code: 'weight-out-of-range' },
    { name: 'weight negative', regimen: perKg, patient: { weightKg: -70 }, code: 'weight-out-of-range' },
    {
      name: 'height under 30 cm',
      regimen: perM2,
      patient: { weightKg: 70, heightCm: 29 },
      code: 'height-out-of-range',
      message: 'A height of 29 cm is outside what this calculator accepts (30–250 cm). Check the number, and that it is in centimetres, not metres or inches.',
    },
    { name: 'height in metres', regimen: perM2, patient: { weightKg: 70, heightCm: 1.7 }, code: 'height-out-of-range' },
    { name: 'height over 250 cm', regimen: perM2, patient: { weightKg: 70, heightCm: 251 }, code: 'height-out-of-range' },
    {
      name: 'weight NaN',
      regimen: perKg,
      patient: { weightKg: Number.NaN },
      code: 'weight-not-a-number',
      message: 'The weight is not a number. Enter the weight in kilograms, for example 72.',
    },
    { name: 'weight Infinity', regimen: perKg, patient: { weightKg: Infinity }, code: 'weight-not-a-number' },
    { name: 'weight as a string', regimen: perKg, patient: { weightKg: '72' as unknown as number }, code: 'weight-not-a-number' },
    { name: 'height -Infinity', regimen: perM2, patient: { weightKg: 70, heightCm: -Infinity }, code: 'height-not-a-number' },
    {
      name: 'a negative amount',
      regimen: { ...perKg, amount: -1 },
      patient: { weightKg: 70 },
      code: 'regimen-not-computable',
      message: 'This dose could not be read from the text as numbers a calculator can use, so no amount is worked out. Read the dosing section as written.',
    },
    { name: 'an amount NaN', regimen: { ...perKg, amount: Number.NaN }, patient: { weightKg: 70 }, code: 'regimen-not-computable' },
    { name: 'a range upside down', regimen: { ...perKg, amount: 5, amountMax: 2 }, patient: { weightKg: 70 }, code: 'regimen-not-computable' },
    { name: 'a unit not mg', regimen: { ...perKg, unit: 'g' as 'mg' }, patient: { weightKg: 70 }, code: 'regimen-not-computable' },
    { name: 'per something else', regimen: { ...perKg, per: 'lb' as 'kg' }, patient: { weightKg: 70 }, code: 'regimen-not-computable' },
    { name: 'an infinite maximum', regimen: { ...perKg, maxDailyAmount: Infinity }, patient: { weightKg: 70 }, code: 'regimen-not-computable' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const a = computeDose(c.regimen, c.patient);
      assert.equal(a.ok, false);
      DoseRefusalSchema.parse(a);
      if (a.ok) return;
      assert.equal(a.code, c.code);
      if (c.message !== undefined) assert.equal(a.message, c.message);
      assert.doesNotMatch(a.message, /^Error/);
    });
  }

  test('every refusal code is reachable', () => {
    const seen = new Set<string>(cases.map((c) => c.code));
    for (const r of [selectRegimen([], undefined), selectRegimen([perKg, perM2], undefined), selectRegimen([perKg], 1)]) {
      if (!r.ok) seen.add(r.code);
    }
    assert.deepEqual([...seen].sort(), [...DOSE_REFUSAL_CODES].sort());
  });

  test('the limits themselves are accepted', () => {
    for (const weightKg of [DOSE_LIMITS.weightKg.min, DOSE_LIMITS.weightKg.max]) {
      for (const heightCm of [DOSE_LIMITS.heightCm.min, DOSE_LIMITS.heightCm.max]) ok(computeDose(perM2, { weightKg, heightCm }));
    }
  });
});

describe('selectRegimen', () => {
  const two = [EXAMPLES.loading, EXAMPLES.maintenance];
  test('the only regimen when no index is given', () => {
    assert.deepEqual(selectRegimen([EXAMPLES.loading], undefined), { ok: true, regimen: EXAMPLES.loading, index: 0 });
  });
  test('the regimen at the index', () => {
    assert.deepEqual(selectRegimen(two, 1), { ok: true, regimen: EXAMPLES.maintenance, index: 1 });
  });
  test('refusals name the choices', () => {
    assert.deepEqual(selectRegimen(two, undefined), {
      ok: false,
      code: 'regimen-required',
      message: 'The text of this drug gives 2 doses. Choose which one to calculate (regimen 0 to 1).',
    });
    assert.deepEqual(selectRegimen(two, 2), { ok: false, code: 'regimen-not-found', message: 'There is no regimen 2: the text of this drug gives 2 (0 to 1).' });
  });
});

describe('schemas', () => {
  test('DoseRequestSchema accepts a request', () => {
    const body = { slug: 'medicine.examplumab-100', regimen: 1, weightKg: 72.5, heightCm: 170, bsa: 'dubois' };
    assert.deepEqual(DoseRequestSchema.parse(body), body);
    assert.deepEqual(DoseRequestSchema.parse({ slug: 'x' }), { slug: 'x' });
  });

  const bad: [string, unknown][] = [
    ['an unknown key', { slug: 'x', weight: 70 }],
    ['no slug', { weightKg: 70 }],
    ['an empty slug', { slug: '' }],
    ['a slug of 201 characters', { slug: 'a'.repeat(201) }],
    ['a slug with a slash', { slug: 'a/b' }],
    ['a slug in capitals', { slug: 'Examplumab' }],
    ['a negative regimen', { slug: 'x', regimen: -1 }],
    ['a fractional regimen', { slug: 'x', regimen: 1.5 }],
    ['a weight as a string', { slug: 'x', weightKg: '70' }],
    ['an infinite weight', { slug: 'x', weightKg: Infinity }],
    ['a NaN height', { slug: 'x', heightCm: Number.NaN }],
    ['another BSA formula', { slug: 'x', bsa: 'haycock' }],
    ['not an object', 'x'],
  ];
  for (const [name, body] of bad) {
    test(`DoseRequestSchema rejects ${name}`, () => {
      assert.equal(DoseRequestSchema.safeParse(body).success, false);
    });
  }
  test('a slug of 200 characters is accepted', () => {
    assert.equal(DoseRequestSchema.safeParse({ slug: 'a'.repeat(200) }).success, true);
  });

  test('a parsed request can be passed to computeDose as it is', () => {
    const body = DoseRequestSchema.parse({ slug: 'x', weightKg: 70, heightCm: 170 });
    assert.equal(ok(computeDose(EXAMPLES.bsaDay1, body)).doseMg, 1.5);
  });

  test('DoseResponseSchema: a result with slug and index, without ok', () => {
    const { ok: _ok, ...result } = ok(computeDose(EXAMPLES.weightInduction, { weightKg: 72 }));
    const response = { ...result, slug: 'examplumab', regimenIndex: 0 };
    assert.deepEqual(DoseResponseSchema.parse(response), response);
    const { formula: _f, ...noFormula } = response;
    assert.equal(DoseResponseSchema.safeParse(noFormula).success, false);
    assert.equal(DoseResponseSchema.safeParse({ ...response, doseMg: 0 }).success, false);
    assert.equal(DoseResponseSchema.safeParse({ ...response, source: { file: 'x', line: 0, text: 'y' } }).success, false);
  });

  test('the schemas become JSON Schema with their descriptions', () => {
    const registry = z.registry<{ id?: string; description?: string }>();
    registerDoseSchemas(registry);
    const json = z.toJSONSchema(registry, { target: 'draft-2020-12', io: 'input', metadata: registry, unrepresentable: 'throw' });
    assert.deepEqual(Object.keys(json.schemas).sort(), ['DoseRefusal', 'DoseRequest', 'DoseResponse']);
    const request = json.schemas.DoseRequest as { additionalProperties: unknown; required: string[]; properties: Record<string, { description?: string }> };
    assert.equal(request.additionalProperties, false);
    assert.deepEqual(request.required, ['slug']);
    assert.match(request.properties.weightKg?.description ?? '', /0\.5–350/);
  });
});
