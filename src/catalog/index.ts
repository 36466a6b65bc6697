export { buildCatalog, richness } from './catalog.js';
export { entryKey, type Catalog } from './types.js';
