export { normalizeName } from './normalize.js';
export {
  NAMES_INDEX_VERSION,
  NamesIndexSchema,
  NamesItemSchema,
  buildNamesIndex,
  parseNamesIndex,
  emptyNamesIndex,
  type NamesIndex,
  type NamesItem,
  type ParseNamesIndexResult,
} from './names-index.js';
export {
  searchNames,
  MAX_QUERY_LENGTH,
  DEFAULT_SEARCH_LIMIT,
  toResultView,
  type NameMatch,
  type SearchResultView,
  type MatchHow,
} from './search-names.js';
