import type { Diagnostic } from '../diagnostics/index.js';

/**
 * Brand catalogs (issue 4): what a CSV row or a brand page says about a brand, parsed. These are
 * plain data shapes shared by the parsers (composition, pack, price, CSV layouts) and by the
 * catalog, which links brands to their generic or combination and groups substitutes.
 */

// Strength, BrandIngredient, Pack and UnitPrice are part of the one model (zod schemas in
// src/model/schema.ts, stored on a brand's `product`); they are re-exported here for the parsers.
export type { BrandIngredient, Pack, Strength, UnitPrice } from '../model/index.js';
import type { BrandIngredient, Pack } from '../model/index.js';

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
