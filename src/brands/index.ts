export type { BrandCsvResult, BrandIngredient, BrandLayout, BrandRecord, Pack, Strength, UnitPrice } from './types.js';
export { parseComposition, joinComposition, readIngredientList, type CompositionParse, type ListedIngredient } from './composition.js';
export { parseStrength } from './strength.js';
export { parsePack, parseProductPack, type ProductPackColumns } from './pack.js';
export { normalizeForm, formFromName } from './form.js';
export { unitPrice } from './price.js';
export { moleculeKey, compositionKey, strengthKey } from './key.js';
export { readBrandCsv, BRAND_LAYOUTS } from './csv.js';
