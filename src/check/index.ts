/**
 * Content quality checks for editors (`formulary check`): a rule engine over loaded monographs,
 * rule docs as data, text/JSON/SARIF output, and safe fixes.
 *
 * @example
 * const content = loadContent(['content']);
 * const findings = runChecks(content, { now: new Date(), staleAfterDays: 730 });
 */
export { FindingSchema, RelatedLocationSchema, SpanSchema, sortFindings, countFindings, countByRule, type Finding, type RelatedLocation, type Span } from './finding.js';
export { RULE_DOCS, CHECK_CODES, DOCUMENTED_LOADER_CODES, ruleDoc, isCheckCode, type RuleDoc, type CheckCode, type QualityCode } from './rules-doc.js';
export { DEFAULT_STALE_AFTER_DAYS, type CheckOptions, type FileCheckContext, type Rule } from './rule.js';
export { RULES } from './rules/index.js';
export { REQUIRED_SECTIONS } from './rules/sections.js';
export { runChecks, runCatalogChecks, checkFiles, fileContext, fileContextData, type FileContextData } from './engine.js';
export { loadContent, readCheckFile, checkFileOf, checkFilesOf, lazyCheckFilesOf, catalogOf, type CheckContent, type FileRef } from './load.js';
export { SourceView, type CheckFile } from './source.js';
export { fixFile, writeFix, unifiedDiff, contentFingerprint, type FileFix, type WriteOutcome } from './fix/apply.js';
export { formatFindingsText, summaryLine } from './format/text.js';
export { checkJson, type CheckJson } from './format/json.js';
export { toSarif, type SarifOptions } from './format/sarif.js';
export { qualityReport, pagesOf, type QualityReport, type FileReport, type RuleCount, type PageRef } from './report.js';
