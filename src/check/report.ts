import type { Catalog } from '../catalog/index.js';
import type { Severity } from '../diagnostics/index.js';
import { countFindings, type Finding } from './finding.js';
import { ruleDoc, type RuleDoc } from './rules-doc.js';

/** The page a source file is published on. */
export interface PageRef {
  url: string;
  title: string;
}

export interface RuleCount {
  doc: RuleDoc;
  count: number;
  /** Files with at least one finding of the rule. */
  files: number;
}

export interface FileReport {
  file: string;
  page: PageRef | null;
  counts: Record<Severity, number>;
  /** errors × 100 + warnings × 10 + notes: what "worst" means. */
  score: number;
  findings: Finding[];
}

/** What the quality report page shows: data only, computed from the findings and the catalogue. */
export interface QualityReport {
  files: number;
  counts: Record<Severity, number>;
  fixable: number;
  rules: RuleCount[];
  /** Every file with findings, worst first. */
  byFile: FileReport[];
}

/** Where each source file is published: its catalogue entry's URL and title (alternate sources too). */
export function pagesOf(catalog: Catalog): Map<string, PageRef> {
  const out = new Map<string, PageRef>();
  for (const e of catalog.entries) for (const s of e.monograph.sources) out.set(s.file, { url: e.url, title: e.monograph.title });
  return out;
}

/**
 * Counts per rule (most frequent first), and every file's findings, worst file first.
 * @example const report = qualityReport(findings, catalog, files.length)
 */
export function qualityReport(findings: readonly Finding[], catalog: Catalog, files: number): QualityReport {
  const pages = pagesOf(catalog);
  const perRule = new Map<string, { count: number; files: Set<string> }>();
  const perFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const r = perRule.get(f.code) ?? { count: 0, files: new Set<string>() };
    r.count++;
    r.files.add(f.file);
    perRule.set(f.code, r);
    const list = perFile.get(f.file);
    if (list) list.push(f);
    else perFile.set(f.file, [f]);
  }
  const rules = [...perRule]
    .map(([code, r]) => ({ doc: ruleDoc(code), count: r.count, files: r.files.size }))
    .sort((a, b) => severityRank(a.doc.severity) - severityRank(b.doc.severity) || b.count - a.count || (a.doc.code < b.doc.code ? -1 : 1));
  const byFile = [...perFile].map(([file, list]): FileReport => {
    const counts = countFindings(list);
    return { file, page: pages.get(file) ?? null, counts, score: counts.error * 100 + counts.warning * 10 + counts.info, findings: list };
  });
  byFile.sort((a, b) => b.score - a.score || (a.file < b.file ? -1 : 1));
  return { files, counts: countFindings(findings), fixable: findings.filter((f) => f.fixable).length, rules, byFile };
}

const severityRank = (s: Severity): number => (s === 'error' ? 0 : s === 'warning' ? 1 : 2);
