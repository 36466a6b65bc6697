import type { Diagnostic } from '../diagnostics/index.js';
import type { CatalogEntry, Kind } from '../model/index.js';

/** All monographs, merged across sources and linked. Entries are sorted by title. */
export interface Catalog {
  entries: CatalogEntry[];
  /** `kind:slug` → entry. */
  byKey: Map<string, CatalogEntry>;
  /** Old (unsafe) path → new path, for redirects. Paths as in `pagePath`. */
  redirects: Map<string, string>;
  diagnostics: Diagnostic[];
}

export const entryKey = (kind: Kind, slug: string): string => `${kind}:${slug}`;
