import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { joinComposition, readIngredientList, type BrandIngredient, type Pack, type Strength } from '../../src/brands/index.js';

/**
 * Shapes of the strings in real brand catalogs, for the table-driven parser tests: two strings
 * have the same shape when they differ only in names and digits. Shared by `patterns.ts` (which
 * writes one real string per shape into the test table) and the parser tests (which check that the
 * table still covers every shape of the catalogs, when they are beside the repository).
 */

/** Letter runs kept as written in a shape (units and the words around strengths); any other word is `A`. */
const KEPT = new Set([
  'mg', 'mcg', 'g', 'gm', 'ml', 'iu', 'i', 'u', 'w', 'v', 'na', 'meq', 'million', 'billion', 'spores', 'millionspores',
  'cfu', 'cells', 'lf', 'au', 'pfu', 'ffu', 'ccid', 'd', 'antigen', 'unit', 'units', 'miu', 'lac', 'ppm', 'spray', 'cu',
]);

/**
 * A composition's shape: names → `A` (a multi-word name is one `A`), integers → `9`, decimals →
 * `9.9`, unit words kept in lower case, spacing and punctuation kept.
 *
 * @example compositionShape('Amoxycillin  (500mg) +  Clavulanic Acid (125mg)') // 'A  (9mg) +  A (9mg)'
 */
export function compositionShape(text: string): string {
  return text
    .replace(/\d+\.\d+|\d+|[A-Za-zµμ]+/g, (t) => (/^\d+\.\d+$/.test(t) ? '9.9' : /^\d+$/.test(t) ? '9' : KEPT.has(t.toLowerCase()) ? t.toLowerCase() : 'A'))
    .replace(/A(?:[ '.-]+A)+/g, 'A');
}

/** A pack label's shape: lower case, numbers → `9` (`9.9` for decimals); the words are the pattern. */
export function packShape(text: string): string {
  return text
    .toLowerCase()
    .replace(/\d+\.\d+|\d+/g, (t) => (t.includes('.') ? '9.9' : '9'))
    .trim();
}

/** The shape of the products layout's ingredient list: per dict, the strength field's and the description's shape. */
export function ingredientListShape(items: readonly { strength: string | null; fullDescription: string | null }[]): string {
  return items.map((i) => `{${i.strength === null ? 'None' : compositionShape(i.strength)} | ${i.fullDescription === null ? 'None' : compositionShape(i.fullDescription)}}`).join(', ');
}

/** An ingredient as one readable line for a test table: `Amoxycillin @ 500 mg`, `Ambroxol @ 30 mg per 5 ml`, `Guaifenesin @ none`. */
export function describeIngredient(i: BrandIngredient): string {
  return `${i.name} @ ${describeStrength(i.strength) ?? 'none'}`;
}

/** A strength as one readable line: `500 mg`, `30 mg per 5 ml`, `0.1 % w/w`. */
export function describeStrength(s: Strength | null): string | null {
  if (s === null) return null;
  const per = s.per === null ? '' : ` per ${s.per.value} ${s.per.unit}`;
  const basis = s.basis === null ? '' : ` ${s.basis}`;
  return `${s.value} ${s.unit}${per}${basis}`;
}

/** A pack as one readable line: `strip: 15 tablet (tablet)`, `bottle: 100 ml (syrup)`. */
export function describePack(p: Pack | null): string | null {
  if (p === null) return null;
  const size = p.count !== null ? `${p.count} ${p.unit ?? '?'}` : p.amount !== null ? `${p.amount.value} ${p.amount.unit}` : '?';
  return `${p.container ?? '-'}: ${size} (${p.form ?? '-'})`;
}

/** The test table: one real string per shape, with what the parsers must make of it. */
export const PATTERNS_FILE = fileURLToPath(new URL('../../test/fixtures/brands/patterns.json', import.meta.url));

/** The real catalogs beside the repository (`../shared/corpus/brands`). */
export const DEFAULT_CORPUS = fileURLToPath(new URL('../../../shared/corpus/brands', import.meta.url));

export const CORPUS_FILES = { az: 'a-z-india-sample-500.csv', products: 'indian-pharma-products-5k.csv', details: 'medicine-details-11k.csv' } as const;

const ColumnsSchema = z.object({ packagingRaw: z.string().nullable(), packSize: z.string().nullable(), packUnit: z.string().nullable(), dosageForm: z.string().nullable() });
const Shaped = { source: z.string(), shape: z.string(), rows: z.number().int().min(1) };

export const PatternsSchema = z.object({
  $comment: z.string(),
  compositions: z.array(z.object({ ...Shaped, text: z.string(), ok: z.boolean(), ingredients: z.array(z.string()) })),
  strengths: z.array(z.object({ ...Shaped, text: z.string(), strength: z.string().nullable() })),
  packs: z.array(z.object({ ...Shaped, text: z.string(), pack: z.string().nullable() })),
  productPacks: z.array(z.object({ ...Shaped, columns: ColumnsSchema, pack: z.string().nullable() })),
});
export type Patterns = z.infer<typeof PatternsSchema>;

export function loadPatterns(file = PATTERNS_FILE): Patterns {
  return PatternsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

interface Found<T> {
  source: string;
  shape: string;
  rows: number;
  example: T;
}

/** Distinct shapes of `items`, most frequent first, each with its first real example. */
function distinct<T>(source: string, items: Iterable<T>, shapeOf: (t: T) => string): Found<T>[] {
  const seen = new Map<string, Found<T>>();
  for (const item of items) {
    const shape = shapeOf(item);
    const s = seen.get(shape);
    if (s) s.rows++;
    else seen.set(shape, { source, shape, rows: 1, example: item });
  }
  return [...seen.values()].sort((a, b) => b.rows - a.rows || (a.shape < b.shape ? -1 : a.shape > b.shape ? 1 : 0));
}

type Row = Record<string, string>;

/**
 * Every distinct shape in the real catalogs, with its first real string: compositions (the A–Z
 * columns each and joined, details' `Composition`, the products layout's ingredient lists),
 * strengths (the products layout's `primary_strength` and each listed `strength`), pack labels
 * (A–Z `pack_size_label`, products `packaging_raw`) and the products layout's pack columns.
 */
export function extractPatterns(dir: string) {
  const rowsOf = (file: string): Row[] => parse(readFileSync(join(dir, file)), { columns: true, bom: true }) as Row[];
  const az = rowsOf(CORPUS_FILES.az);
  const products = rowsOf(CORPUS_FILES.products);
  const details = rowsOf(CORPUS_FILES.details);
  const col = (rows: Row[], name: string): string[] => rows.map((r) => r[name] ?? '').filter((s) => s.trim() !== '');
  const listed = products.flatMap((r) => (readIngredientList(r['active_ingredients'] ?? '') ?? []).map((i) => i.strength)).filter((s): s is string => s !== null);
  const columnsOf = (r: Row) => ({ packagingRaw: r['packaging_raw'] ?? null, packSize: r['pack_size'] ?? null, packUnit: r['pack_unit'] ?? null, dosageForm: r['dosage_form'] ?? null });
  return {
    compositions: [
      ...distinct('a-z short_composition1', col(az, 'short_composition1'), compositionShape),
      ...distinct('a-z short_composition2', col(az, 'short_composition2'), compositionShape),
      ...distinct('a-z short_composition1 + short_composition2', az.map((r) => joinComposition([r['short_composition1'], r['short_composition2']])).filter((s) => s !== ''), compositionShape),
      ...distinct('details Composition', col(details, 'Composition'), compositionShape),
      ...distinct('products active_ingredients', col(products, 'active_ingredients'), (t) => ingredientListShape(readIngredientList(t) ?? [])),
    ],
    strengths: [
      ...distinct('products primary_strength', col(products, 'primary_strength'), compositionShape),
      ...distinct("products active_ingredients 'strength'", listed, compositionShape),
    ],
    packs: [...distinct('a-z pack_size_label', col(az, 'pack_size_label'), packShape), ...distinct('products packaging_raw', col(products, 'packaging_raw'), packShape)],
    productPacks: distinct('products packaging_raw + pack_size + pack_unit + dosage_form', products.map(columnsOf), (c) =>
      `${c.dosageForm ?? ''}|${(c.packSize ?? '') === '' ? '' : '9'}|${c.packUnit ?? ''}|${packShape(c.packagingRaw ?? '')}`,
    ),
  };
}
