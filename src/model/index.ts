export * from './schema.js';
export { pagePath, absoluteUrl } from './urls.js';
