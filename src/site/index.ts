/**
 * The HTML site layer: catalog → static pages (HTML, sitemap, robots, redirects), plus the server-rendered search page.
 * Views are typed hono/jsx components; content strings are escaped by JSX, and only pre-sanitized section HTML,
 * FAQ answers and operator ad snippets are injected raw.
 */
export type { AdSlots, SiteOptions, PageSpec, ProductSummary, SearchResultView, SearchPageData, PageKind } from './types.js';
export { sitePages, eachSitePage, entryPage, renderSearchPage, renderInteractionsPage, renderComparePage, renderDosePage } from './pages.js';
export { regimensOf, doseText, scheduleText, forText } from './regimens-block.js';
export { INTERACTION_FIELDS, COMPARE_FIELDS, type ToolInput, type InteractionsPageData, type ComparePageData, type CompareColumn, type DosePageData } from './tools-pages.js';
export { ASSET_FILES } from './assets.js';
export { TEMPLATE_VERSION } from './signature.js';
export { SITEMAP_MAX_URLS } from './sitemap.js';
export { qualityPageSpec, renderQualityPage, QUALITY_PATH, QUALITY_FILE, type QualityPageOptions } from './quality-page.js';
