import { readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { readBrandCsv } from '../brands/index.js';
import { brandMonograph } from '../brands/to-monograph.js';
import { readRegistryIn } from '../content/banned-registry.js';
import { diag, type Diagnostic } from '../diagnostics/index.js';
import type { BanRecord, Monograph } from '../model/index.js';
import type { Fidelity } from '../normalize/index.js';

/** One brand catalog file read: its brands as monographs, its problems, and which lines were used. */
export interface BrandFileLoad {
  /** Absolute path (what a watcher reports when it changes). */
  abs: string;
  file: string;
  layout: string | null;
  monographs: Monograph[];
  diagnostics: Diagnostic[];
  fidelity: Fidelity;
  /** The file's lines as last read (for finding edited rows); empty when it could not be read. */
  lines: string[];
}

/** How a brand catalog file is named in diagnostics and sources: `brands/a-z.csv` (its folder and name). */
export function brandFileDisplay(path: string): string {
  const abs = resolve(path);
  const rel = relative(process.cwd(), abs);
  return rel !== '' && !rel.startsWith('..') ? rel : `${basename(dirname(abs))}/${basename(abs)}`;
}

/** Read one `--brands` file (CSV layouts of `readBrandCsv`); an unreadable file is a diagnostic. */
export function loadBrandFile(path: string): BrandFileLoad {
  const file = brandFileDisplay(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const d = diag('brand-file-unreadable', file, `The brand catalog could not be read: ${(e as Error).message}`);
    return { abs: resolve(path), file, layout: null, monographs: [], diagnostics: [d], fidelity: { file, nonBlankLines: 0, accountedLines: 0, unaccounted: [] }, lines: [] };
  }
  const read = readBrandCsv(file, text);
  const monographs = read.records.map(brandMonograph);
  const fidelity = csvFidelity(file, text, read.records.map((r) => r.source.row), read.diagnostics);
  return { abs: resolve(path), file, layout: read.layout, monographs, diagnostics: read.diagnostics, fidelity, lines: text.split('\n') };
}

/** A brand whose row was edited: its monograph before and after. */
export interface RowEdit {
  before: Monograph;
  after: Monograph;
}

/** Above this many edited lines a catalog is simply read again. */
const MAX_ROW_EDITS = 200;

/**
 * Re-read only the edited rows of a brand catalog (the `serve --watch` path for a one-brand edit
 * in a 250,000-row file): the file is compared line by line with the last read, and the changed
 * lines are parsed under the same header. Null whenever that would not be exactly what a full
 * read gives: lines added or removed, a new header, a quote (a field may span lines), a row that
 * was or becomes invalid, or a renamed brand. The caller then reads the whole file.
 */
export function reloadEditedRows(prev: BrandFileLoad, text: string): { load: BrandFileLoad; edits: RowEdit[] } | null {
  const lines = text.split('\n');
  if (prev.layout === null || lines.length !== prev.lines.length || lines[0] !== prev.lines[0]) return null;
  const changed: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === prev.lines[i]) continue;
    if (changed.length >= MAX_ROW_EDITS || lines[i]!.includes('"') || prev.lines[i]!.includes('"')) return null;
    changed.push(i);
  }
  if (changed.length === 0) return { load: { ...prev, lines }, edits: [] };
  const read = readBrandCsv(prev.file, [lines[0]!, ...changed.map((i) => lines[i]!)].join('\n') + '\n');
  if (read.diagnostics.length > 0 || read.records.length !== changed.length) return null;
  // Monographs are in row order: find a row's by binary search (no map of 250,000 rows per edit).
  const atLine = (line: number): number | undefined => {
    let lo = 0;
    let hi = prev.monographs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = prev.monographs[mid]!.sources[0]!.lines.start;
      if (start === line) return mid;
      if (start < line) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
  if (prev.diagnostics.some((d) => changed.includes(d.line - 1))) return null;
  const monographs = [...prev.monographs];
  const edits: RowEdit[] = [];
  for (let k = 0; k < changed.length; k++) {
    const line = changed[k]! + 1;
    const at = atLine(line);
    const record = read.records[k]!;
    if (at === undefined || record.source.row !== k + 2) return null;
    const after = brandMonograph({ ...record, source: { ...record.source, row: line } });
    const before = monographs[at]!;
    if (after.slug !== before.slug || after.title !== before.title) return null;
    monographs[at] = after;
    edits.push({ before, after });
  }
  return { load: { ...prev, monographs, lines }, edits };
}

/**
 * Lines of a CSV accounted for: the header, each record from its first line to the line before
 * the next record (quoted fields may span lines), and every line a diagnostic names.
 */
function csvFidelity(file: string, text: string, rows: number[], diagnostics: readonly Diagnostic[]): Fidelity {
  const lines = text.split('\n');
  const covered = new Uint8Array(lines.length + 2);
  covered[1] = 1;
  const starts = [...new Set([...rows, ...diagnostics.map((d) => d.line)])].sort((a, b) => a - b);
  const recordRows = new Set(rows);
  starts.forEach((start, i) => {
    const next = starts[i + 1] ?? lines.length + 1;
    const end = recordRows.has(start) ? next - 1 : start;
    for (let l = start; l <= end && l < covered.length; l++) covered[l] = 1;
  });
  for (const d of diagnostics) for (let l = d.line; l <= (d.endLine ?? d.line) && l < covered.length; l++) covered[l] = 1;
  const unaccounted: number[] = [];
  let nonBlank = 0;
  lines.forEach((t, k) => {
    if (t.trim() === '') return;
    nonBlank++;
    if (!covered[k + 1]) unaccounted.push(k + 1);
  });
  return { file, nonBlankLines: nonBlank, accountedLines: nonBlank - unaccounted.length, unaccounted: unaccounted.slice(0, 20) };
}

/** Every content folder's banned registry, merged. */
export function loadRegistries(dirs: readonly string[]): { records: BanRecord[]; diagnostics: Diagnostic[] } {
  const records: BanRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const d of dirs) {
    const r = readRegistryIn(d);
    records.push(...r.records);
    diagnostics.push(...r.diagnostics);
  }
  return { records, diagnostics };
}
