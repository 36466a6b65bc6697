export { normalizeName } from './normalize.js';
export { parseQuery, type ParsedQuery } from './query.js';
export { editDistance, typoBudget } from './edit-distance.js';
export {
  DEFAULT_SYNONYMS_FILE,
  SynonymsSchema,
  defaultSynonyms,
  loadSynonyms,
  parseSynonyms,
  type ParseSynonymsResult,
  type SynonymGroup,
  type Synonyms,
} from './synonyms.js';
export {
  NAMES_INDEX_VERSION,
  NamesIndexSchema,
  NamesItemSchema,
  buildNamesIndex,
  parseNamesIndex,
  emptyNamesIndex,
  type NamesIndex,
  type NamesIndexOptions,
  type NamesItem,
  type NamesSynonym,
  type ParseNamesIndexResult,
} from './names-index.js';
export {
  lookupNames,
  prepareNamesIndex,
  searchNames,
  MAX_QUERY_LENGTH,
  DEFAULT_SEARCH_LIMIT,
  toResultView,
  type LookupOptions,
  type NameMatch,
  type NamesLookup,
  type SearchResultView,
  type MatchHow,
} from './search-names.js';
