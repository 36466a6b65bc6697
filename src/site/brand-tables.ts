import type { Catalog } from '../catalog/types.js';
import { entryKey } from '../catalog/types.js';
import type { CatalogEntry, UnitPrice } from '../model/index.js';

/** One brand in a price table. */
export interface BrandRow {
  title: string;
  url: string;
  company: string | null;
  pack: string | null;
  mrp: number | null;
  unitPrice: UnitPrice | null;
  discontinued: boolean | null;
  banned: boolean;
}

export interface PriceRange {
  /** `tablet`, `ml`, … (ranges are only given within one unit). */
  per: string;
  min: number;
  max: number;
  brands: number;
}

/** What a drug page shows about brands: a generic's brands, or a brand's substitutes. */
export interface BrandTables {
  /**
   * A composition's or combination's brands (at most `BRAND_TABLE_MAX`): by unit (`ranges`' order:
   * the unit most brands share first), cheapest per unit first within each, unpriced last.
   */
  brands: { rows: BrandRow[]; total: number; ranges: PriceRange[] } | null;
  /** A brand's substitutes: same molecules, strengths and form, cheapest per unit first. */
  substitutes: { rows: BrandRow[]; total: number; self: BrandRow } | null;
}

export const BRAND_TABLE_MAX = 30;
export const SUBSTITUTES_MAX = 20;

export function brandRow(e: CatalogEntry): BrandRow {
  const p = e.monograph.product;
  return {
    title: e.monograph.title,
    url: e.url,
    company: p?.company ?? null,
    pack: p?.packSize ?? null,
    mrp: p?.mrp ?? null,
    unitPrice: p?.unitPrice ?? null,
    discontinued: p?.discontinued ?? null,
    banned: e.banned.value,
  };
}

const perUnit = (e: CatalogEntry): number => e.monograph.product?.unitPrice?.value ?? Number.POSITIVE_INFINITY;

/** The brand tables of one entry's page. */
export function brandTables(catalog: Catalog, entry: CatalogEntry): BrandTables {
  const m = entry.monograph;
  if (m.kind === 'medicine') {
    const key = m.product?.substituteKey ?? null;
    const group = key === null ? [] : (catalog.substitutes.get(key) ?? []);
    const others = group.filter((e) => e !== entry);
    return { brands: null, substitutes: others.length > 0 ? { rows: others.slice(0, SUBSTITUTES_MAX).map(brandRow), total: others.length, self: brandRow(entry) } : null };
  }
  const brands: CatalogEntry[] = [];
  for (const l of entry.links.brands) {
    const b = catalog.byKey.get(entryKey(l.kind, l.slug));
    if (b) brands.push(b);
  }
  if (brands.length === 0) return { brands: null, substitutes: null };
  const ranges = new Map<string, PriceRange>();
  for (const b of brands) {
    const u = b.monograph.product?.unitPrice;
    if (!u) continue;
    const r = ranges.get(u.per);
    if (r) {
      r.min = Math.min(r.min, u.value);
      r.max = Math.max(r.max, u.value);
      r.brands++;
    } else ranges.set(u.per, { per: u.per, min: u.value, max: u.value, brands: 1 });
  }
  const units = [...ranges.values()].sort((a, b) => b.brands - a.brands || (a.per < b.per ? -1 : 1));
  // Prices per tablet and per ml are not comparable: the unit most brands share comes first, each
  // unit cheapest first, brands without a unit price last.
  const unitRank = new Map(units.map((r, i) => [r.per, i]));
  const rankOf = (e: CatalogEntry): number => unitRank.get(e.monograph.product?.unitPrice?.per ?? '') ?? units.length;
  brands.sort((a, b) => rankOf(a) - rankOf(b) || perUnit(a) - perUnit(b) || (a.monograph.title < b.monograph.title ? -1 : a.monograph.title > b.monograph.title ? 1 : 0));
  return {
    brands: { rows: brands.slice(0, BRAND_TABLE_MAX).map(brandRow), total: brands.length, ranges: units },
    substitutes: null,
  };
}

/** Signature parts of the tables (everything they show). */
export function brandTableParts(t: BrandTables): (string | number | boolean | null)[] {
  const row = (r: BrandRow): (string | number | boolean | null)[] => [r.title, r.url, r.company, r.pack, r.mrp, r.unitPrice?.value ?? null, r.unitPrice?.per ?? null, r.discontinued, r.banned];
  const parts: (string | number | boolean | null)[] = ['brand-tables'];
  if (t.brands) {
    parts.push('b', t.brands.total);
    for (const r of t.brands.rows) parts.push(...row(r));
    for (const r of t.brands.ranges) parts.push(r.per, r.min, r.max, r.brands);
  }
  if (t.substitutes) {
    parts.push('s', t.substitutes.total, ...row(t.substitutes.self));
    for (const r of t.substitutes.rows) parts.push(...row(r));
  }
  return parts;
}

/** How a substitute's price per unit compares with this brand's: `29% cheaper`, `12% dearer`, `same price`. */
export function comparePrice(self: UnitPrice | null, other: UnitPrice | null): string | null {
  if (self === null || other === null || self.per !== other.per || self.value <= 0) return null;
  const pct = Math.round(((self.value - other.value) / self.value) * 100);
  if (pct === 0) return 'same price';
  return pct > 0 ? `${pct}% cheaper` : `${-pct}% dearer`;
}
