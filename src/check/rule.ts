import type { Catalog } from '../catalog/index.js';
import type { Severity } from '../diagnostics/index.js';
import type { CatalogEntry } from '../model/index.js';
import type { RelatedLocation, Span } from './finding.js';
import type { CheckCode } from './rules-doc.js';
import type { CheckFile, SourceView } from './source.js';

/** Options of a check run. */
export interface CheckOptions {
  /** "Today" for date rules; pass a fixed date in tests. Default: the current time. */
  now?: Date;
  /** Age after which `lastModified` is stale, in days. Default 730 (two years). */
  staleAfterDays?: number;
}

export const DEFAULT_STALE_AFTER_DAYS = 730;

export interface ResolvedCheckOptions {
  now: Date;
  staleAfterDays: number;
}

/**
 * What a rule sees of the catalogue while it checks one file: a few lookups made from the linked
 * catalogue. Plain data underneath (`FileContextData`), so the file rules can run on another
 * thread than the one holding the catalogue (a build's quality report does).
 */
export interface FileCheckContext {
  readonly options: ResolvedCheckOptions;
  /** The URL of the catalogue entry a file was merged into (as primary or alternate source). */
  entryUrl(path: string): string | undefined;
  /** Whether a file with this display path was loaded. */
  hasFile(path: string): boolean;
  /** Every drug page's URL and every redirected old URL. */
  pageUrls(): ReadonlySet<string>;
  /**
   * Folded words (5+ letters) of every single-drug page's titles, generic name, synonyms and brand
   * names → the URLs of the entries that use them: the names of drugs the catalogue knows.
   */
  nameWords(): ReadonlyMap<string, ReadonlySet<string>>;
}

/** What catalogue rules see besides: all files, the linked catalog. */
export interface CheckContext extends FileCheckContext {
  readonly files: readonly CheckFile[];
  readonly catalog: Catalog;
  /** The line view of a file (made once per file). */
  view(file: CheckFile): SourceView;
  /** A file by display path. */
  file(path: string): CheckFile | undefined;
  /** The catalogue entry a file was merged into (as primary or alternate source). */
  entryOf(path: string): CatalogEntry | undefined;
}

export interface ReportExtra {
  /** Another file than the one being checked (cross-page rules). */
  file?: string;
  related?: RelatedLocation[];
  /** Where in the frontmatter data, e.g. `faqs`. */
  path?: string;
  /** Overrides the code's severity (kept for loader diagnostics whose severity was overridden). */
  severity?: Severity;
}

/** Record one finding; the code's doc gives its severity, hint and fixability. */
export type Report = (code: CheckCode, at: Span, message: string, extra?: ReportExtra) => void;

/**
 * A quality rule: a small module that reports one or a few related codes, per file or over the
 * whole catalogue. Rules never throw for bad content; an exception is a bug, reported as `rule-failed`.
 */
export interface Rule {
  /** Module name, for `rule-failed` messages. */
  name: string;
  codes: readonly CheckCode[];
  checkFile?(file: CheckFile, view: SourceView, ctx: FileCheckContext, report: Report): void;
  checkCatalog?(ctx: CheckContext, report: Report): void;
}
