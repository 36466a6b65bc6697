export { normalizeFile, NORMALIZER_VERSION, type NormalizeInput, type NormalizeResult, type Fidelity } from './normalize.js';
export { slugify, nameKey, comboKey, splitIngredients } from './names.js';
export { classifyHeading, headingKey } from './headings.js';
