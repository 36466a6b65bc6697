export { buildCatalog, replaceBrands, richness } from './catalog.js';
export { entryKey, type Catalog, type CatalogOptions } from './types.js';
