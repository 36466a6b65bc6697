import type { Diagnostic } from '../diagnostics/index.js';
import type { BanRecord, CatalogEntry, Kind } from '../model/index.js';

/** All monographs, merged across sources and linked. Entries are sorted by title. */
export interface Catalog {
  entries: CatalogEntry[];
  /** `kind:slug` → entry. */
  byKey: Map<string, CatalogEntry>;
  /** Old (unsafe) path → new path, for redirects. Paths as in `pagePath`. */
  redirects: Map<string, string>;
  /** Brands with the same composition (molecules, strengths, form), cheapest per unit first, by `product.substituteKey`. */
  substitutes: Map<string, CatalogEntry[]>;
  /** The banned registry entries the catalog was built with. */
  registry: BanRecord[];
  diagnostics: Diagnostic[];
}

export interface CatalogOptions {
  /** Banned registry entries (content folders' `banned.yaml` / `banned.csv`). */
  registry?: readonly BanRecord[];
}

export const entryKey = (kind: Kind, slug: string): string => `${kind}:${slug}`;
