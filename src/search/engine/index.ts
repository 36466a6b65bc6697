export { openSiteSearch, SEARCH_CACHE_ENTRIES, NAMES_FILE, FULLTEXT_FILE, MAX_SEARCH_LIMIT, type SiteSearch, type SiteSearchOptions, type OpenSiteSearchOptions, type SearchResponse } from './site-search.js';
export { mergeTiers, type SearchHit, type TextHit, type MergeInput } from './merge.js';
export { abbreviationTable, defaultAbbreviations, loadAbbreviations, expansionsOf, alternativesOf, isTypedAbbreviation, AbbreviationsSchema, DEFAULT_ABBREVIATIONS_FILE, type Abbreviations, type AbbreviationTable } from './abbreviations.js';
