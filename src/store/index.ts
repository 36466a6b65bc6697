export { Store, type CachedFile, type StoreReader } from './store.js';
