/**
 * Formulary's public API. Everything else is internal.
 *
 * @example
 * import { build } from 'formulary';
 * const { report } = await build({ contentDirs: ['content'], outDir: 'dist', siteUrl: 'https://example.org' });
 */
export { build, rebuild, type BuildOptions, type BuildReport, type BuildState } from './build/index.js';
export { normalizeFile, type NormalizeInput, type NormalizeResult, type Fidelity } from './normalize/index.js';
export { buildCatalog, type Catalog } from './catalog/index.js';
export { createApp, startServer, type ServerOptions } from './server/index.js';
export { sitePages, renderSearchPage, type SiteOptions, type PageSpec } from './site/index.js';
export { buildNamesIndex, searchNames, type NamesIndex, type NameMatch } from './search/index.js';
export { DiagnosticSchema, CODES, formatText, type Diagnostic } from './diagnostics/index.js';
export {
  MonographSchema,
  SectionSchema,
  FaqSchema,
  CatalogEntrySchema,
  KindSchema,
  SECTION_ORDER,
  pagePath,
  type Monograph,
  type Section,
  type Faq,
  type CatalogEntry,
  type Kind,
} from './model/index.js';
