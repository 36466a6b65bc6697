import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { compositionKey, moleculeKey, readBrandCsv, unitPrice } from '../src/brands/index.js';
import { AZ_HEADER, generateBrands } from '../bench/brands/generate.js';
import { GENERICS } from '../bench/brands/generics.js';

const TITLES = ['Paracetamol', 'Amoxicillin + Clavulanic Acid', 'Zuclopenthixol', 'Abacavir + Lamivudine', 'Vitamin C + Zinc Sulfate', 'Acebrophylline + Desloratadine + Montelukast', 'Cetirizine'];

describe('generateBrands', () => {
  test('deterministic: the same options give the same bytes; another seed, another catalog', () => {
    const a = generateBrands({ count: 2000, seed: 7 });
    assert.equal(generateBrands({ count: 2000, seed: 7 }), a);
    assert.notEqual(generateBrands({ count: 2000, seed: 8 }), a);
    assert.equal(generateBrands({ count: 2000, seed: 7, compositions: TITLES }), generateBrands({ count: 2000, seed: 7, compositions: TITLES }));
  });

  test('an A–Z catalog that reads without a single diagnostic, every brand priced and keyed', () => {
    const csv = generateBrands({ count: 3000, seed: 1 });
    const lines = csv.split('\n');
    assert.equal(lines[0], AZ_HEADER);
    assert.equal(lines.length, 3002, 'header + rows + final newline');
    const r = readBrandCsv('synthetic.csv', csv);
    assert.equal(r.layout, 'a-z');
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.records.length, 3000);
    for (const b of r.records) {
      assert.ok(b.mrp !== null && b.mrp >= 1, `${b.name}: MRP ${b.mrp}`);
      assert.notEqual(unitPrice(b.mrp, b.pack), null, `${b.name}: no unit price for ${b.packLabel}`);
      assert.notEqual(compositionKey(b.ingredients, b.form), null, `${b.name}: no composition key for ${b.composition}`);
    }
    assert.equal(new Set(r.records.map((b) => b.name)).size, 3000, 'brand names are unique');
  });

  test('realistic: names end in strength and form, packs and forms agree, substitutes exist, prices spread', () => {
    const r = readBrandCsv('synthetic.csv', generateBrands({ count: 5000, seed: 3 }));
    const tablet = r.records.find((b) => b.form === 'tablet');
    assert.match(tablet?.name ?? '', /^[A-Z][a-z]+(?: [A-Za-z]+)?(?: \d+(?:\.\d+)?)? Tablet$/);
    for (const b of r.records) assert.equal(b.pack?.form, b.form);
    const groups = new Map<string, number[]>();
    for (const b of r.records) {
      const k = compositionKey(b.ingredients, b.form)!;
      groups.set(k, [...(groups.get(k) ?? []), unitPrice(b.mrp, b.pack)!.value]);
    }
    const sizes = [...groups.values()].map((g) => g.length).sort((a, b) => b - a);
    assert.ok(sizes[0]! >= 20, `the most common composition has ${sizes[0]} brands`);
    assert.ok(sizes[0]! <= 5000 * 0.1, `no composition takes more than a tenth of the market (${sizes[0]})`);
    assert.ok(sizes.filter((n) => n >= 2).length >= 100, 'many compositions have substitutes');
    // Log-normal prices: within one composition the dearest brand costs several times the cheapest.
    const big = [...groups.values()].filter((g) => g.length >= 20);
    const spreads = big.map((g) => Math.max(...g) / Math.min(...g));
    assert.ok(spreads.every((s) => s > 1.5 && s < 100), `price spreads ${spreads.map((s) => s.toFixed(1)).join(', ')}`);
    const discontinued = r.records.filter((b) => b.discontinued).length / r.records.length;
    assert.ok(discontinued > 0.03 && discontinued < 0.1, `discontinued share ${discontinued}`);
  });

  test('compositions come from the titles given, strengths from the table where it knows them', () => {
    const r = readBrandCsv('synthetic.csv', generateBrands({ count: 2000, seed: 5, compositions: TITLES }));
    assert.deepEqual(r.diagnostics, []);
    const want = new Set(TITLES.map((t) => t.split(' + ').map(moleculeKey).sort().join('+')));
    const got = new Set(r.records.map((b) => b.ingredients.map((i) => moleculeKey(i.name)).sort().join('+')));
    assert.deepEqual([...got].sort(), [...want].sort());
    const known = new Set(GENERICS.filter((g) => g.names.join() === 'Paracetamol').flatMap((g) => g.strengths.map((s) => s[0])));
    for (const b of r.records.filter((x) => x.composition.startsWith('Paracetamol ('))) assert.ok(known.has(b.ingredients[0]!.strength!.text), b.composition);
    const combo = r.records.find((b) => b.ingredients.length === 3);
    assert.ok(combo, 'a three-molecule combination is written');
    assert.match(readCsvLine(generateBrands({ count: 2000, seed: 5, compositions: TITLES }), combo.name), /,Acebrophylline \([^)]+\),Desloratadine \([^)]+\) \+ Montelukast \([^)]+\)$/);
  });

  test('the built-in table has about 200 generics with strengths', () => {
    assert.ok(GENERICS.length >= 200, `${GENERICS.length} products`);
    for (const g of GENERICS) for (const s of g.strengths) assert.equal(s.length, g.names.length, `${g.names.join('+')}: ${s.join('+')}`);
  });

  test('the price is the first decimal field of a row (bench/brands.ts edits it)', () => {
    for (const line of generateBrands({ count: 500, seed: 2 }).trim().split('\n').slice(1)) {
      const price = /,(\d+\.\d+),/.exec(line)?.[1];
      assert.equal(price, line.split(',')[2], line);
    }
  });

  test('bad options are programmer errors', () => {
    assert.throws(() => generateBrands({ count: -1, seed: 1 }), /count must be a whole number/);
    assert.throws(() => generateBrands({ count: 1, seed: 1, compositions: [' ', ''] }), /no composition to draw from/);
    assert.equal(generateBrands({ count: 0, seed: 1 }), `${AZ_HEADER}\n`);
  });
});

test('the CLI writes the same catalog to a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'formulary-brands-'));
  try {
    const out = join(dir, 'b.csv');
    execFileSync(process.execPath, ['--import', 'tsx', 'bench/brands/generate.ts', '--count', '300', '--seed', '4', '--out', out], { stdio: 'pipe' });
    assert.equal(readFileSync(out, 'utf8'), generateBrands({ count: 300, seed: 4 }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function readCsvLine(csv: string, name: string): string {
  return csv.split('\n').find((l) => l.split(',')[1] === name) ?? '';
}
