export { Store, type CachedFile } from './store.js';
