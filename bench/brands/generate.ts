/**
 * A deterministic synthetic brand catalog in the A–Z layout (`a-z-india-sample-500.csv`'s header),
 * for the brands benchmark: the same options give the same bytes.
 *
 *   node --import tsx bench/brands/generate.ts --count 250000 --seed 1 --out FILE [--compositions TITLES.txt]
 *
 * Brands are spread over products (a composition in a form, with strengths) with a long-tailed
 * popularity, as in the real market (94 brands of aceclofenac 100 mg + paracetamol 325 mg), so many
 * brands have exact substitutes. Names are syllables + the strength + the form (`Zenpar 650
 * Tablet`), unique within a catalog; prices are log-normal around a per-product price per unit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { moleculeKey } from '../../src/brands/index.js';
import { GENERICS, type GenericProduct } from './generics.js';

export interface GenerateBrandsOptions {
  /** Rows to write (brands). */
  count: number;
  /** Any integer; the same seed gives the same catalog. */
  seed: number;
  /**
   * Composition or combination titles to draw from (`Paracetamol`, `Amoxicillin + Clavulanic Acid`),
   * e.g. a corpus's page titles, so that synthetic brands link like real ones. Molecules the
   * built-in table knows get their usual forms and strengths; others get a form and strengths
   * derived from their name. Default: the built-in table of about 200 common Indian generics.
   */
  compositions?: readonly string[];
}

/** The A–Z dataset's header. */
export const AZ_HEADER = 'id,name,price(₹),Is_discontinued,manufacturer_name,type,pack_size_label,short_composition1,short_composition2';

/**
 * Generate a synthetic A–Z brand catalog as CSV text (header + `count` rows, `\n` line ends).
 *
 * @example generateBrands({ count: 3, seed: 1 }).split('\n')[1] // '1,Zenpar 650 Tablet,31.20,FALSE,…'
 */
export function generateBrands(options: GenerateBrandsOptions): string {
  const { count, seed } = options;
  if (!Number.isInteger(count) || count < 0) throw new Error(`generateBrands: count must be a whole number ≥ 0, not ${count}`);
  if (!Number.isFinite(seed)) throw new Error(`generateBrands: seed must be a number, not ${seed}`);
  const rng = mulberry32(hash(`seed:${seed}`));
  const products = productsFrom(options.compositions);
  if (products.length === 0) throw new Error('generateBrands: no composition to draw from (all titles were blank)');
  const pick = popularity(products.length, rng);
  const baseUnitPrice = products.map((p) => logNormal(rng, MEDIAN_UNIT_PRICE[p.form] ?? 3, 0.8));
  const companies = makeCompanies(rng, Math.max(20, Math.min(3000, Math.ceil(count / 80))));
  const taken = new Set<string>();
  const out: string[] = [AZ_HEADER];
  for (let id = 1; id <= count; id++) {
    const pi = pick();
    const product = products[pi]!;
    const option = Math.floor(rng() * product.strengths.length);
    const strengths = product.strengths[option]!;
    const style = FORMS[product.form] ?? FORMS['tablet']!;
    const pack = style.packs[Math.floor(rng() * style.packs.length)]!;
    const name = uniqueName(rng, taken, `${headline(strengths[0] ?? '')}${style.title}`);
    const unitPrice = baseUnitPrice[pi]! * (1 + 0.35 * option) * logNormal(rng, 1, 0.35);
    const mrp = Math.max(1, round2(unitPrice * pack.units));
    const company = companies[Math.floor(rng() ** 2 * companies.length)]!;
    const parts = product.names.map((n, i) => `${n} (${strengths[i] ?? ''})`);
    const row = [String(id), name, mrp.toFixed(2), rng() < 0.06 ? 'TRUE' : 'FALSE', company, 'allopathy', pack.label, parts[0] ?? '', parts.slice(1).join(' + ')];
    out.push(row.map(csvField).join(','));
  }
  return `${out.join('\n')}\n`;
}

interface FormStyle {
  /** The form as a brand name ends: `Tablet`, `Oral Suspension`. */
  title: string;
  /** Pack labels and how many units (tablets, ml, g) each holds. */
  packs: { label: string; units: number }[];
  /** Strength ladder for molecules the table does not know. */
  ladder: string[];
}

const counted = (container: string, counts: number[], what: string): FormStyle['packs'] => counts.map((n) => ({ label: `${container} of ${n} ${what}`, units: n }));
const measured = (container: string, sizes: number[], unit: string, what: string): FormStyle['packs'] => sizes.map((n) => ({ label: `${container} of ${n} ${unit} ${what}`, units: n }));
const ladder = (values: number[], unit: string): string[] => values.map((v) => `${v}${unit}`);

const FORMS: Readonly<Record<string, FormStyle>> = {
  tablet: { title: 'Tablet', packs: counted('strip', [10, 10, 10, 15, 15, 6, 30, 20], 'tablets'), ladder: ladder([1, 2, 2.5, 4, 5, 10, 20, 25, 40, 50, 75, 100, 150, 200, 250, 300, 400, 500, 650, 750, 1000], 'mg') },
  capsule: { title: 'Capsule', packs: counted('strip', [10, 10, 15, 20], 'capsules'), ladder: ladder([10, 20, 25, 50, 75, 100, 150, 200, 250, 300, 500], 'mg') },
  syrup: { title: 'Syrup', packs: measured('bottle', [60, 100, 100, 200], 'ml', 'Syrup'), ladder: ladder([5, 10, 15, 25, 30, 50, 100, 125, 250], 'mg/5ml') },
  suspension: { title: 'Oral Suspension', packs: measured('bottle', [30, 60], 'ml', 'Oral Suspension'), ladder: ladder([25, 50, 100, 125, 200, 250], 'mg/5ml') },
  injection: {
    title: 'Injection',
    packs: [
      { label: 'vial of 1 Injection', units: 1 },
      { label: 'vial of 1 Injection', units: 1 },
      { label: 'ampoule of 1 Injection', units: 1 },
      { label: 'box of 5 injections', units: 5 },
    ],
    ladder: ladder([1, 2, 4, 10, 20, 40, 80, 100, 250, 500, 1000], 'mg'),
  },
  cream: { title: 'Cream', packs: measured('tube', [15, 20, 30], 'gm', 'Cream'), ladder: ladder([0.025, 0.05, 0.1, 0.5, 1, 2, 5], '% w/w') },
  gel: { title: 'Gel', packs: measured('tube', [15, 30], 'gm', 'Gel'), ladder: ladder([0.1, 0.5, 1, 2, 5], '% w/w') },
  ointment: { title: 'Ointment', packs: measured('tube', [5, 15, 20], 'gm', 'Ointment'), ladder: ladder([0.05, 0.1, 1, 2, 5], '% w/w') },
  solution: { title: 'Solution', packs: measured('bottle', [30, 60, 100], 'ml', 'Solution'), ladder: ladder([0.5, 1, 2, 5], '% w/v') },
  'eye drops': { title: 'Eye Drop', packs: measured('bottle', [5, 10], 'ml', 'Eye Drop'), ladder: ladder([0.1, 0.3, 0.5, 1], '% w/v') },
  inhaler: { title: 'Inhaler', packs: counted('packet', [120, 200], 'MDI Inhaler'), ladder: ladder([50, 100, 200, 250], 'mcg') },
};

/** Median MRP per unit (tablet, ml, g, dose) by form, in rupees. */
const MEDIAN_UNIT_PRICE: Readonly<Record<string, number>> = {
  tablet: 4, capsule: 7, syrup: 0.9, suspension: 2, injection: 90, cream: 5, gel: 5, ointment: 6, solution: 3, 'eye drops': 12, inhaler: 1.5,
};

/** Forms for molecules the table does not know, by weight. */
const FALLBACK_FORMS: readonly [string, number][] = [['tablet', 60], ['capsule', 12], ['syrup', 7], ['injection', 10], ['cream', 5], ['gel', 2], ['eye drops', 2], ['suspension', 2]];

function productsFrom(titles: readonly string[] | undefined): GenericProduct[] {
  if (titles === undefined) return [...GENERICS];
  const known = new Map<string, GenericProduct[]>();
  for (const g of GENERICS) {
    const k = g.names.map(keyOf).sort().join('+');
    known.set(k, [...(known.get(k) ?? []), g]);
  }
  const single = new Map<string, GenericProduct>();
  for (const g of GENERICS) if (g.names.length === 1 && !single.has(keyOf(g.names[0]!))) single.set(keyOf(g.names[0]!), g);
  const out: GenericProduct[] = [];
  for (const title of titles) {
    const names = title.split('+').map((n) => n.trim()).filter((n) => n !== '');
    if (names.length === 0) continue;
    const table = known.get(names.map(keyOf).sort().join('+'));
    if (table !== undefined) {
      // The table's own products, with the title's spelling and order of names.
      for (const g of table) out.push({ names, form: g.form, strengths: g.strengths.map((s) => names.map((n) => s[g.names.findIndex((gn) => keyOf(gn) === keyOf(n))] ?? s[0] ?? '1mg')) });
      continue;
    }
    const lead = single.get(keyOf(names[0]!));
    const form = lead?.form ?? weighted(FALLBACK_FORMS, hash(`form:${title}`));
    const style = FORMS[form] ?? FORMS['tablet']!;
    const options = 1 + (hash(`n:${title}`) % 2);
    const strengths: string[][] = [];
    for (let o = 0; o < options; o++) {
      strengths.push(names.map((n) => {
        const own = single.get(keyOf(n));
        if (own !== undefined && own.form === form) return own.strengths[o % own.strengths.length]![0]!;
        const h = hash(`s:${n}:${form}`);
        return style.ladder[(h + o * 2) % style.ladder.length]!;
      }));
    }
    out.push({ names, form, strengths });
  }
  return out;
}

/** Titles and the table match as molecules (`Amoxicillin` = `Amoxycillin`, salts folded). */
const keyOf = moleculeKey;

/** Weighted choice from a fixed table, by a hash (deterministic per title). */
function weighted(table: readonly [string, number][], h: number): string {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = h % total;
  for (const [v, w] of table) {
    if (x < w) return v;
    x -= w;
  }
  return table[0]![0];
}

/** A sampler of product indexes with Zipf-like popularity (weight 1/√rank, ranks shuffled): with 4,000 products the most popular gets ~1% of brands. */
function popularity(n: number, rng: () => number): () => number {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) {
    total += 1 / Math.sqrt(r + 1);
    cumulative[r] = total;
  }
  return () => {
    const x = rng() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return order[lo]!;
  };
}

const ONSETS = ['Az', 'Ben', 'Cal', 'Dol', 'Ef', 'Fen', 'Glu', 'Hep', 'Ib', 'Jor', 'Kef', 'Lo', 'Mon', 'Nor', 'Ox', 'Pan', 'Quin', 'Ro', 'Sil', 'Tel', 'Ul', 'Ven', 'Xy', 'Zen', 'Am', 'Bro', 'Cyp', 'Dex', 'Eto', 'Flo', 'Gra', 'Hy', 'Ino', 'Lev', 'Mer', 'Neu', 'Ome', 'Pra', 'Rab', 'Sto', 'Tri', 'Vo', 'Zy', 'Ace', 'Bio', 'Cor', 'Duo', 'Ery'];
const MIDDLES = ['', '', 'a', 'e', 'i', 'o', 'u', 'ra', 'li', 'to', 'ne', 'mi', 'za', 'ce', 'lo', 'va'];
const ENDINGS = ['par', 'cin', 'dol', 'flam', 'zole', 'pril', 'tin', 'mox', 'fix', 'cet', 'lin', 'zid', 'vas', 'max', 'gard', 'cal', 'dex', 'pan', 'ril', 'tab', 'nac', 'set', 'lex', 'mune', 'vin', 'tec', 'zon', 'ral', 'mol', 'fen'];
const VARIANTS = ['Plus', 'Forte', 'DS', 'XT', 'Neo', 'Duo', 'OD', 'Kid', 'MR', 'LS'];

/** `650 ` from `650mg`, `0.5 ` from `0.5% w/v`; nothing for strengths that read badly in a name. */
function headline(strength: string): string {
  const m = /^(\d+(?:\.\d+)?)/.exec(strength);
  return m !== null && !strength.includes('/') ? `${m[1]} ` : '';
}

function stem(rng: () => number): string {
  const at = (list: readonly string[]): string => list[Math.floor(rng() * list.length)]!;
  return `${at(ONSETS)}${at(MIDDLES)}${at(ENDINGS)}`;
}

/** A brand name not yet taken: a fresh stem (a few tries), then a variant word, then a number. */
function uniqueName(rng: () => number, taken: Set<string>, tail: string): string {
  for (let t = 0; t < 6; t++) {
    const name = `${stem(rng)} ${tail}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  const base = stem(rng);
  for (const v of VARIANTS) {
    const name = `${base} ${v} ${tail}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  for (let k = 2; ; k++) {
    const name = `${base} ${k} ${tail}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

const COMPANY_SUFFIXES = ['Pharmaceuticals Ltd', 'Healthcare Pvt Ltd', 'Lifesciences Pvt Ltd', 'Laboratories Ltd', 'Remedies Pvt Ltd', 'Biotech Ltd', 'Formulations Pvt Ltd', 'Pharma Pvt Ltd'];

function makeCompanies(rng: () => number, n: number): string[] {
  const out = new Set<string>();
  while (out.size < n) out.add(`${stem(rng)} ${COMPANY_SUFFIXES[Math.floor(rng() * COMPANY_SUFFIXES.length)]!}`);
  return [...out];
}

/** Log-normal with the given median and σ of the log (Box–Muller). */
function logNormal(rng: () => number, median: number, sigma: number): number {
  const u = 1 - rng();
  const v = rng();
  return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** RFC 4180 quoting where needed. */
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** 32-bit FNV-1a. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; deterministic across platforms. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '250000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      compositions: { type: 'string' },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 0 || !Number.isFinite(seed)) {
    console.error('usage: node --import tsx bench/brands/generate.ts --count N --seed S --out FILE [--compositions TITLES.txt]');
    process.exitCode = 2;
    return;
  }
  const options: GenerateBrandsOptions = { count, seed };
  if (values.compositions !== undefined) {
    options.compositions = readLines(values.compositions);
  }
  const t0 = performance.now();
  const csv = generateBrands(options);
  if (values.out === undefined) process.stdout.write(csv);
  else {
    writeFileSync(values.out, csv);
    console.error(`${count} brands → ${values.out} in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  }
}

function readLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
