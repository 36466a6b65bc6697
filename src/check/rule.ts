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

/** What every rule can see: all files, the linked catalog, the options. */
export interface CheckContext {
  readonly files: readonly CheckFile[];
  readonly catalog: Catalog;
  readonly options: ResolvedCheckOptions;
  /** The line view of a file (made once per file). */
  view(file: CheckFile): SourceView;
  /** A file by display path. */
  file(path: string): CheckFile | undefined;
  /** The catalogue entry a file was merged into (as primary or alternate source). */
  entryOf(path: string): CatalogEntry | undefined;
  /**
   * Folded words (5+ letters) of every single-drug page's titles, generic name, synonyms and brand
   * names → the URLs of the entries that use them: the names of drugs the catalogue knows.
   */
  nameWords(): ReadonlyMap<string, ReadonlySet<string>>;
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
  checkFile?(file: CheckFile, view: SourceView, ctx: CheckContext, report: Report): void;
  checkCatalog?(ctx: CheckContext, report: Report): void;
}
