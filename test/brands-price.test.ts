import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parsePack, unitPrice, type Pack } from '../src/brands/index.js';
import { formatRupees, roundHalfUp2 } from '../src/brands/price.js';

const pack = (label: string): Pack => {
  const p = parsePack(label);
  assert.ok(p, `test pack ${label} should parse`);
  return p;
};

describe('unitPrice', () => {
  test('per tablet for counted packs, with the formula shown to readers', () => {
    assert.deepEqual(unitPrice(223.42, pack('strip of 10 tablets')), { value: 22.34, per: 'tablet', formula: '₹223.42 ÷ 10 tablets' });
    assert.deepEqual(unitPrice(132.36, pack('strip of 5 tablets')), { value: 26.47, per: 'tablet', formula: '₹132.36 ÷ 5 tablets' });
  });

  test('per ml and per g for volume and weight packs', () => {
    assert.deepEqual(unitPrice(118, pack('bottle of 100 ml Syrup')), { value: 1.18, per: 'ml', formula: '₹118.00 ÷ 100 ml' });
    assert.deepEqual(unitPrice(150, pack('tube of 30 gm Cream')), { value: 5, per: 'g', formula: '₹150.00 ÷ 30 g' });
    assert.deepEqual(unitPrice(95.5, pack('bottle of 1 l Infusion')), { value: 0.1, per: 'ml', formula: '₹95.50 ÷ 1000 ml' });
  });

  test('one unit reads in the singular; other units in their plural', () => {
    assert.deepEqual(unitPrice(450, pack('vial of 1 Injection')), { value: 450, per: 'injection', formula: '₹450.00 ÷ 1 injection' });
    assert.equal(unitPrice(300, pack('box of 30 patches'))?.formula, '₹300.00 ÷ 30 patches');
    assert.equal(unitPrice(400, pack('packet of 200 MDI Inhaler'))?.formula, '₹400.00 ÷ 200 doses');
    assert.equal(unitPrice(1234.5, pack('vial of 1 Powder for Injection'))?.formula, '₹1,234.50 ÷ 1 vial');
  });

  test('rounding is half up on the exact decimal quotient, to 2 decimals', () => {
    assert.equal(unitPrice(10.05, pack('strip of 10 tablets'))?.value, 1.01); // 1.005 → 1.01, not 1.00
    assert.equal(unitPrice(10.04, pack('strip of 10 tablets'))?.value, 1);
    assert.equal(unitPrice(100, pack('strip of 3 tablets'))?.value, 33.33);
    assert.equal(unitPrice(200, pack('strip of 3 tablets'))?.value, 66.67);
    assert.equal(roundHalfUp2(2.675), 2.68);
    assert.equal(roundHalfUp2(0.125), 0.13);
    assert.equal(roundHalfUp2(0.1 + 0.2), 0.3);
  });

  test('null when it makes no sense', () => {
    const strip = pack('strip of 10 tablets');
    assert.equal(unitPrice(null, strip), null);
    assert.equal(unitPrice(0, strip), null);
    assert.equal(unitPrice(-5, strip), null);
    assert.equal(unitPrice(Number.NaN, strip), null);
    assert.equal(unitPrice(Number.POSITIVE_INFINITY, strip), null);
    assert.equal(unitPrice(120, null), null);
    assert.equal(unitPrice(120, pack('strip of 10')), null, 'ten of what is not known');
    assert.equal(unitPrice(0.004, pack('strip of 1 tablet')), null, 'would show as ₹0.00');
    assert.equal(unitPrice(10, { ...strip, count: 0 }), null);
  });

  test('formatRupees groups digits the Indian way', () => {
    assert.equal(formatRupees(223.42), '₹223.42');
    assert.equal(formatRupees(123456.5), '₹1,23,456.50');
  });
});

test('the unit price is MRP ÷ units within half a paisa, for any MRP and pack (fast-check)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 10_000_000 }).map((paise) => paise / 100),
      fc.oneof(
        fc.integer({ min: 1, max: 500 }).map((n) => `strip of ${n} tablets`),
        fc.integer({ min: 1, max: 2000 }).map((n) => `bottle of ${n} ml Syrup`),
        fc.integer({ min: 1, max: 500 }).map((n) => `tube of ${n} gm Cream`),
      ),
      (mrp, label) => {
        const p = pack(label);
        const u = unitPrice(mrp, p);
        const units = p.count ?? p.amount?.value ?? Number.NaN;
        const exact = mrp / units;
        if (u === null) {
          assert.ok(exact < 0.005, `null only below half a paisa, got ${exact}`);
          return;
        }
        assert.ok(Math.abs(u.value - exact) <= 0.005 + 1e-9, `${u.value} vs ${exact}`);
        assert.equal(Math.round(u.value * 100) / 100, u.value, 'two decimals');
        assert.match(u.formula, /^₹[\d,]+\.\d\d ÷ \d+ (tablets?|ml|g)$/);
      },
    ),
    { numRuns: 3000 },
  );
});
