import type { CatalogEntry } from '../model/index.js';
import { fold } from '../util/text.js';
import { sortFindings, type Finding, type Span } from './finding.js';
import type { CheckContent } from './load.js';
import { DEFAULT_STALE_AFTER_DAYS, type CheckContext, type CheckOptions, type Report, type ReportExtra, type Rule } from './rule.js';
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
  const out: Finding[] = [];
  const seen = new Set<string>();
  const reporter =
    (current: string): Report =>
    (code: CheckCode, at: Span, message: string, extra: ReportExtra = {}): void => {
      const doc = ruleDoc(code);
      const file = extra.file ?? current;
      const key = `${file}\u0000${code}\u0000${at.line}\u0000${at.column}\u0000${message}`;
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
  for (const file of content.files) {
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
    // Files read lazily (`lazyCheckFilesOf`) drop their text between uses: the text of every file
    // at once is ~180 MB for the real corpora. Catalogue rules read again the few they need.
    releaseText(file);
  }
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

function releaseText(file: CheckFile): void {
  (file as CheckFile & { release?: () => void }).release?.();
}

function context(content: CheckContent, options: CheckOptions): CheckContext {
  const views = new WeakMap<CheckFile, SourceView>();
  const byPath = new Map(content.files.map((f) => [f.file, f]));
  let words: Map<string, Set<string>> | null = null;
  const entries = new Map<string, CatalogEntry>();
  for (const e of content.catalog.entries) for (const s of e.monograph.sources) entries.set(s.file, e);
  return {
    files: content.files,
    catalog: content.catalog,
    options: { now: options.now ?? new Date(), staleAfterDays: options.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS },
    view(file) {
      let v = views.get(file);
      if (!v) {
        v = new SourceView(file.text);
        views.set(file, v);
      }
      return v;
    },
    file: (path) => byPath.get(path),
    entryOf: (path) => entries.get(path),
    nameWords() {
      if (words) return words;
      const out = new Map<string, Set<string>>();
      for (const e of content.catalog.entries) {
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
      words = out;
      return out;
    },
  };
}
