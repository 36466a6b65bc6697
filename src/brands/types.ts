import type { Diagnostic } from '../diagnostics/index.js';

/**
 * Brand catalogs (issue 4): what a CSV row or a brand page says about a brand, parsed. These are
 * plain data shapes shared by the parsers (composition, pack, price, CSV layouts) and by the
 * catalog, which links brands to their generic or combination and groups substitutes.
 */

/** A strength as written, parsed: `500mg` → 500 mg; `138mg/5ml` → 138 mg per 5 ml; `0.1% w/w`. */
export interface Strength {
  value: number;
  /** Normalized unit: `mg`, `mcg`, `g`, `IU`, `%`, `ml`, `mEq`, … (lower case except IU and mEq). */
  unit: string;
  /** Per how much of the product (`/5ml` → { value: 5, unit: 'ml' }); null when absolute. */
  per: { value: number; unit: string } | null;
  /** Qualifier after a percentage (`w/w`, `w/v`, `v/v`), else null. */
  basis: string | null;
  /** The strength text exactly as written (trimmed). */
  text: string;
}

export interface BrandIngredient {
  /** The ingredient's name as written, whitespace collapsed (`Amoxycillin`, `Clavulanic Acid`). */
  name: string;
  strength: Strength | null;
  /** The part of the composition text this came from. */
  raw: string;
}

/** A pack label parsed: `strip of 15 tablets`, `bottle of 100 ml Syrup`, `vial of 1 Injection`. */
export interface Pack {
  /** The label as written (trimmed). */
  text: string;
  /** `strip`, `bottle`, `vial`, `tube`, `box`, `packet`, `ampoule`, … or null. */
  container: string | null;
  /** Countable units in the pack (15 tablets, 1 injection), null for a volume or weight pack. */
  count: number | null;
  /** Volume or weight of the pack (100 ml, 30 gm → { value: 30, unit: 'g' }), null for counted packs. */
  amount: { value: number; unit: 'ml' | 'g' } | null;
  /** Singular unit a count is made of (`tablet`, `capsule`, `injection`, `sachet`, …), null when not counted. */
  unit: string | null;
  /** Dosage form (`tablet`, `capsule`, `syrup`, `injection`, `cream`, `drops`, …) or null when the label does not say. */
  form: string | null;
}

/** Price of one unit: per tablet for counted packs, per ml or g for volume/weight packs. */
export interface UnitPrice {
  /** Rupees per `per`, rounded to 2 decimals. */
  value: number;
  /** `tablet`, `capsule`, `ml`, `g`, … */
  per: string;
  /** How it was computed, shown to readers: `₹223.42 ÷ 10 tablets`. */
  formula: string;
}

export type BrandLayout = 'a-z' | 'products' | 'details';

/** One brand from a catalog row (or brand page), parsed but not yet linked. */
export interface BrandRecord {
  /** Brand name as written (`Augmentin 625 Duo Tablet`). */
  name: string;
  company: string | null;
  /** MRP in rupees, null when the source has none. */
  mrp: number | null;
  discontinued: boolean | null;
  /** Composition text as written (`Amoxycillin (500mg) + Clavulanic Acid (125mg)`). */
  composition: string;
  ingredients: BrandIngredient[];
  /** Pack label as written, and parsed. */
  packLabel: string | null;
  pack: Pack | null;
  /** Dosage form from a dedicated column, else from the pack label or the name; null if unknown. */
  form: string | null;
  /** Free text some catalogs carry (medicine-details: uses, side effects), as written. */
  uses: string | null;
  sideEffects: string | null;
  therapeuticClass: string | null;
  source: { file: string; layout: BrandLayout; row: number };
}

export interface BrandCsvResult {
  /** Null when the header matches no known layout (then `diagnostics` explains which columns were expected). */
  layout: BrandLayout | null;
  records: BrandRecord[];
  diagnostics: Diagnostic[];
}
