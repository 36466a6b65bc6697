import type { CatalogEntry } from '../model/index.js';
import { fold } from '../util/text.js';
import { sortFindings, type Finding, type Span } from './finding.js';
import type { CheckContent } from './load.js';
import type { Catalog } from '../catalog/index.js';
import { DEFAULT_STALE_AFTER_DAYS, type CheckContext, type CheckOptions, type FileCheckContext, type Report, type ReportExtra, type ResolvedCheckOptions, type Rule } from './rule.js';
import { ruleDoc, type CheckCode } from './rules-doc.js';
import { RULES } from './rules/index.js';
import { SourceView, type CheckFile } from './source.js';

/**
 * Run every quality rule over loaded content; findings come back sorted (file, line, column).
 * Bad content never throws: it is findings. A rule that throws is a bug and becomes a
 * `rule-failed` finding on that file; the other rules still run.
 * @example const findings = runChecks(loadContent(['content']), { now: new Date('2026-01-01') });
 */
export function runChecks(content: CheckContent, options: CheckOptions = {}, rules: readonly Rule[] = RULES): Finding[] {
  const ctx = context(content, options);
  return runCatalogRules(ctx, checkFiles(content.files, ctx, rules), rules);
}

/**
 * `runChecks` with the file rules' findings already made (by `checkFiles`, e.g. on a worker
 * thread): runs the catalogue rules and gives the same sorted findings `runChecks` would.
 */
export function runCatalogChecks(content: CheckContent, fileFindings: readonly Finding[], options: CheckOptions = {}, rules: readonly Rule[] = RULES): Finding[] {
  return runCatalogRules(context(content, options), fileFindings, rules);
}

/**
 * The file rules over `files`, unsorted (`runChecks` sorts). Files read lazily (`lazyCheckFilesOf`)
 * drop their text once their rules have run.
 */
export function checkFiles(files: Iterable<CheckFile>, ctx: FileCheckContext, rules: readonly Rule[] = RULES): Finding[] {
  const { out, reporter } = collector();
  for (const file of files) {
    const report = reporter(file.file);
    const view = new SourceView(file.text);
    for (const rule of rules) {
      if (!rule.checkFile) continue;
      try {
        rule.checkFile(file, view, ctx, report);
      } catch (e) {
        report('rule-failed', { line: 1, column: 1, endLine: 1, endColumn: 2 }, `The rule "${rule.name}" failed on this file: ${(e as Error).message}`);
      }
    }
    // The text of every file at once is ~180 MB for the real corpora. Catalogue rules read again the few they need.
    releaseText(file);
  }
  return out;
}

function runCatalogRules(ctx: CheckContext, fileFindings: readonly Finding[], rules: readonly Rule[]): Finding[] {
  const { out, reporter } = collector(fileFindings);
  for (const rule of rules) {
    if (!rule.checkCatalog) continue;
    const report = reporter('(catalog)');
    try {
      rule.checkCatalog(ctx, report);
    } catch (e) {
      report('rule-failed', { line: 1, column: 1, endLine: 1, endColumn: 2 }, `The rule "${rule.name}" failed over the catalogue: ${(e as Error).message}`);
    }
  }
  return sortFindings(out);
}

/**
 * Findings reported once each (same file, code, place and message), starting from `initial` (made
 * elsewhere, maybe in parts: its repeats are dropped too).
 */
function collector(initial: readonly Finding[] = []): { out: Finding[]; reporter: (current: string) => Report } {
  const out: Finding[] = [];
  const keyOf = (file: string, code: string, at: Span, message: string): string => `${file}\u0000${code}\u0000${at.line}\u0000${at.column}\u0000${message}`;
  const seen = new Set<string>();
  for (const f of initial) {
    const key = keyOf(f.file, f.code, f, f.message);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  const reporter =
    (current: string): Report =>
    (code: CheckCode, at: Span, message: string, extra: ReportExtra = {}): void => {
      const doc = ruleDoc(code);
      const file = extra.file ?? current;
      const key = keyOf(file, code, at, message);
      if (seen.has(key)) return;
      seen.add(key);
      const f: Finding = {
        code,
        severity: extra.severity ?? doc.severity,
        message,
        hint: doc.hint,
        file,
        ...at,
        related: extra.related ?? [],
        fixable: doc.fixable,
      };
      if (extra.path !== undefined) f.path = extra.path;
      out.push(f);
    };
  return { out, reporter };
}

function releaseText(file: CheckFile): void {
  (file as CheckFile & { release?: () => void }).release?.();
}

/**
 * What the file rules need of the catalogue, as plain data: made where the catalogue is, sent
 * where the file rules run (`fileContext`).
 */
export interface FileContextData {
  /** `options.now`, in ms since the epoch. */
  now: number;
  staleAfterDays: number;
  /** Display paths of the loaded files. */
  files: string[];
  /** Display path → URL of the entry it was merged into. */
  entryUrls: [string, string][];
  pageUrls: string[];
  nameWords: [string, string[]][];
}

export function fileContextData(content: CheckContent, options: CheckOptions = {}): FileContextData {
  const resolved = resolveOptions(options);
  return {
    now: resolved.now.getTime(),
    staleAfterDays: resolved.staleAfterDays,
    files: content.files.map((f) => f.file),
    entryUrls: [...entriesBySource(content.catalog)].map(([file, e]) => [file, e.url]),
    pageUrls: [...pageUrlsOf(content.catalog)],
    nameWords: [...nameWordsOf(content.catalog)].map(([w, urls]) => [w, [...urls]]),
  };
}

/** The lookups of `FileContextData`. */
export function fileContext(data: FileContextData): FileCheckContext {
  const files = new Set(data.files);
  const entryUrls = new Map(data.entryUrls);
  const pageUrls = new Set(data.pageUrls);
  const words = new Map(data.nameWords.map(([w, urls]) => [w, new Set(urls)]));
  return {
    options: { now: new Date(data.now), staleAfterDays: data.staleAfterDays },
    entryUrl: (path) => entryUrls.get(path),
    hasFile: (path) => files.has(path),
    pageUrls: () => pageUrls,
    nameWords: () => words,
  };
}

function resolveOptions(options: CheckOptions): ResolvedCheckOptions {
  return { now: options.now ?? new Date(), staleAfterDays: options.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS };
}

/** Line views the catalogue rules keep at once (they visit a file's diagnostics together). */
const VIEWS_KEPT = 32;

function context(content: CheckContent, options: CheckOptions): CheckContext {
  // The last few views only, and each file's text dropped once its view is made: the catalogue's
  // diagnostics name 3,876 files of the real corpora, whose views and texts (37 MiB) were all held
  // to the end of the checks, at the end of a build, where its memory peaks.
  const views = new Map<CheckFile, SourceView>();
  const byPath = new Map(content.files.map((f) => [f.file, f]));
  const entries = entriesBySource(content.catalog);
  let words: Map<string, Set<string>> | null = null;
  let urls: Set<string> | null = null;
  return {
    files: content.files,
    catalog: content.catalog,
    options: resolveOptions(options),
    view(file) {
      let v = views.get(file);
      if (!v) {
        v = new SourceView(file.text);
        releaseText(file);
        if (views.size >= VIEWS_KEPT) views.delete(views.keys().next().value!);
        views.set(file, v);
      }
      return v;
    },
    file: (path) => byPath.get(path),
    hasFile: (path) => byPath.has(path),
    entryOf: (path) => entries.get(path),
    entryUrl: (path) => entries.get(path)?.url,
    pageUrls: () => (urls ??= pageUrlsOf(content.catalog)),
    nameWords: () => (words ??= nameWordsOf(content.catalog)),
  };
}

/** Each source file's display path → the entry it was merged into (as primary or alternate source). */
function entriesBySource(catalog: Catalog): Map<string, CatalogEntry> {
  const out = new Map<string, CatalogEntry>();
  for (const e of catalog.entries) for (const s of e.monograph.sources) out.set(s.file, e);
  return out;
}

/** Every drug page's URL and every redirected old URL. */
function pageUrlsOf(catalog: Catalog): Set<string> {
  const set = new Set(catalog.entries.map((e) => e.url));
  for (const from of catalog.redirects.keys()) set.add(from);
  return set;
}

/** Folded words (5+ letters) of single-drug pages' names → the URLs of the entries using them. */
function nameWordsOf(catalog: Catalog): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const e of catalog.entries) {
    const m = e.monograph;
    // Single drugs only: a combination's title names this drug too, and is no other drug.
    if (m.kind !== 'composition') continue;
    for (const name of [m.title, m.genericName ?? '', ...m.synonyms, ...m.brandNames, ...m.alternates.map((a) => a.title)]) {
      for (const w of fold(name).split(/[^\p{L}]+/u)) {
        if (w.length < 5) continue;
        const owners = out.get(w) ?? new Set<string>();
        owners.add(e.url);
        out.set(w, owners);
      }
    }
  }
  return out;
}
