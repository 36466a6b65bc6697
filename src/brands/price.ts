import type { Pack, UnitPrice } from './types.js';

/**
 * The price of one unit of a pack: MRP ÷ count for counted packs (per tablet, capsule, injection,
 * dose…), MRP ÷ amount for volume or weight packs (per ml, per g). Null when it makes no sense: no
 * MRP, an MRP that is not a positive number, no pack, a count of nothing known (`strip of 10` with
 * no form), or a result below ₹0.005 (it would show as ₹0.00).
 *
 * Rounding: the exact quotient is rounded half up to 2 decimals (paise), once, at the end.
 *
 * @example unitPrice(223.42, parsePack('strip of 10 tablets')) // { value: 22.34, per: 'tablet', formula: '₹223.42 ÷ 10 tablets' }
 * @example unitPrice(118, parsePack('bottle of 100 ml Syrup')) // { value: 1.18, per: 'ml', formula: '₹118.00 ÷ 100 ml' }
 */
export function unitPrice(mrp: number | null, pack: Pack | null): UnitPrice | null {
  const q = quote(mrp, pack);
  return q === null ? null : { value: q.value, per: q.per, formula: `${formatRupees(q.mrp)} ÷ ${q.what}` };
}

/**
 * `unitPrice` for a catalog row, the same fields to read and the same JSON, but the formula (a string
 * per brand, ~150 B of heap) is made from the MRP and the shared pack when it is read: a brand page
 * shows it once, and 250,000 brands need not keep it.
 */
export function rowUnitPrice(mrp: number | null, pack: Pack | null): UnitPrice | null {
  const q = quote(mrp, pack);
  return q === null ? null : new RowUnitPrice(q.value, q.per, q.mrp, pack!);
}

class RowUnitPrice implements UnitPrice {
  readonly #mrp: number;
  readonly #pack: Pack;
  constructor(
    readonly value: number,
    readonly per: string,
    mrp: number,
    pack: Pack,
  ) {
    this.#mrp = mrp;
    this.#pack = pack;
  }

  get formula(): string {
    return unitPrice(this.#mrp, this.#pack)!.formula;
  }

  toJSON(): UnitPrice {
    return { value: this.value, per: this.per, formula: this.formula };
  }
}

function quote(mrp: number | null, pack: Pack | null): { value: number; per: string; what: string; mrp: number } | null {
  if (mrp === null || !Number.isFinite(mrp) || mrp <= 0 || pack === null) return null;
  let divisor: number;
  let per: string;
  let what: string;
  if (pack.count !== null && pack.count > 0 && pack.unit !== null) {
    divisor = pack.count;
    per = pack.unit;
    what = `${formatNumber(pack.count)} ${pack.count === 1 ? pack.unit : plural(pack.unit)}`;
  } else if (pack.amount !== null && pack.amount.value > 0) {
    divisor = pack.amount.value;
    per = pack.amount.unit;
    what = `${formatNumber(pack.amount.value)} ${pack.amount.unit}`;
  } else {
    return null;
  }
  const value = roundHalfUp2(mrp / divisor);
  if (value <= 0 || !Number.isFinite(value)) return null;
  return { value, per, what, mrp };
}

/**
 * Round half up to 2 decimals in decimal, not binary: 1.005 → 1.01 (plain `Math.round(x * 100) / 100`
 * gives 1.00 because 1.005 is stored as 1.00499…). The quotient is first cut to 12 significant
 * digits, which removes binary noise without changing any price.
 */
export function roundHalfUp2(x: number): number {
  const clean = Number(x.toPrecision(12));
  const [mantissa = '0', exponent = '0'] = clean.toExponential().split('e');
  const shifted = Math.round(Number(`${mantissa}e${Number(exponent) + 2}`));
  return Number(`${shifted}e-2`);
}

/** `₹223.42`, `₹118.00`, `₹1,234.50` (Indian digit grouping, as MRPs are printed). */
export function formatRupees(amount: number): string {
  return `₹${RUPEES.format(amount)}`;
}

// One formatter: `toLocaleString` with options builds a new one per call (0.1 ms each, measured).
const RUPEES = new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const formatNumber = (n: number): string => String(n);

/** Plural of a pack unit (`tablet` → `tablets`, `patch` → `patches`, `dose` → `doses`). */
function plural(unit: string): string {
  if (/(?:s|x|z|ch|sh)$/.test(unit)) return `${unit}es`;
  if (/[^aeiou]y$/.test(unit)) return `${unit.slice(0, -1)}ies`;
  return `${unit}s`;
}
