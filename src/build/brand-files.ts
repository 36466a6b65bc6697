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
  /**
   * The file's bytes as last read and where each of its lines starts (for finding edited rows
   * without decoding and splitting 250,000 lines); empty when it could not be read.
   */
  bytes: Buffer;
  lineStarts: Uint32Array;
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
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const d = diag('brand-file-unreadable', file, `The brand catalog could not be read: ${(e as Error).message}`);
    const empty = { bytes: Buffer.alloc(0), lineStarts: new Uint32Array([0]) };
    return { abs: resolve(path), file, layout: null, monographs: [], diagnostics: [d], fidelity: { file, nonBlankLines: 0, accountedLines: 0, unaccounted: [] }, ...empty };
  }
  const text = bytes.toString('utf8');
  const read = readBrandCsv(file, text);
  const monographs = read.records.map(brandMonograph);
  const fidelity = csvFidelity(file, text, read.records.map((r) => r.source.row), read.diagnostics);
  return { abs: resolve(path), file, layout: read.layout, monographs, diagnostics: read.diagnostics, fidelity, bytes, lineStarts: lineStartsOf(bytes) };
}

const NEWLINE = 10;

/** Byte offset of every line's start (`text.split('\n')`'s lines): 0, then one past each newline. */
function lineStartsOf(bytes: Buffer): Uint32Array {
  let n = 1;
  for (let i = bytes.indexOf(NEWLINE); i !== -1; i = bytes.indexOf(NEWLINE, i + 1)) n++;
  const starts = new Uint32Array(n);
  let k = 1;
  for (let i = bytes.indexOf(NEWLINE); i !== -1; i = bytes.indexOf(NEWLINE, i + 1)) starts[k++] = i + 1;
  return starts;
}

/** Length of the common start of `a` and `b` (64 KB at a time with a native compare, then byte by byte). */
function commonPrefix(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  let p = 0;
  for (let end = Math.min(n, 65536); p < n && a.compare(b, p, end, p, end) === 0; end = Math.min(n, end + 65536)) p = end;
  while (p < n && a[p] === b[p]) p++;
  return p;
}

/** Length of the common end of `a` and `b`, at most `limit`. */
function commonSuffix(a: Buffer, b: Buffer, limit: number): number {
  let q = 0;
  while (q < limit) {
    const step = Math.min(65536, limit - q);
    if (a.compare(b, b.length - q - step, b.length - q, a.length - q - step, a.length - q) !== 0) break;
    q += step;
  }
  while (q < limit && a[a.length - q - 1] === b[b.length - q - 1]) q++;
  return q;
}

/** The line (0-based) holding byte `offset`. */
function lineAt(starts: Uint32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The lines of `next` that differ from `prev`'s, found without splitting either file: the bytes
 * from the first to the last difference, widened to whole lines, are decoded and compared line
 * by line. Null when the number of lines changed. `starts` are `next`'s line starts.
 */
function changedLines(prev: BrandFileLoad, next: Buffer): { lines: Map<number, [string, string]>; starts: Uint32Array } | null {
  const a = prev.bytes;
  const starts = prev.lineStarts;
  const p = commonPrefix(a, next);
  if (p === a.length && p === next.length) return { lines: new Map(), starts };
  const q = commonSuffix(a, next, Math.min(a.length, next.length) - p);
  const first = lineAt(starts, p);
  const last = lineAt(starts, Math.max(p, a.length - q - 1));
  const from = starts[first]!;
  const oldEnd = last + 1 < starts.length ? starts[last + 1]! - 1 : a.length;
  const delta = next.length - a.length;
  const newEnd = oldEnd + delta;
  if (newEnd < from || newEnd > next.length || (newEnd < next.length && next[newEnd] !== NEWLINE)) return null;
  const before = a.toString('utf8', from, oldEnd).split('\n');
  const after = next.toString('utf8', from, newEnd).split('\n');
  if (before.length !== after.length) return null;
  const lines = new Map<number, [string, string]>();
  before.forEach((line, k) => {
    if (line !== after[k]) lines.set(first + k, [line, after[k]!]);
  });
  let shifted = starts;
  if (delta !== 0) {
    shifted = Uint32Array.from(starts);
    let at = from;
    for (let k = 1; k < after.length; k++) shifted[first + k] = at += Buffer.byteLength(after[k - 1]!) + 1;
    for (let l = last + 1; l < shifted.length; l++) shifted[l] = starts[l]! + delta;
  }
  return { lines, starts: shifted };
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
export function reloadEditedRows(prev: BrandFileLoad, contents: string | Buffer): { load: BrandFileLoad; edits: RowEdit[] } | null {
  const bytes = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
  if (prev.layout === null) return null;
  const diff = changedLines(prev, bytes);
  if (diff === null || diff.lines.has(0)) return null;
  const header = prev.bytes.toString('utf8', 0, prev.lineStarts.length > 1 ? prev.lineStarts[1]! - 1 : prev.bytes.length);
  const load = { ...prev, bytes, lineStarts: diff.starts };
  if (diff.lines.size === 0) return { load, edits: [] };
  if (diff.lines.size > MAX_ROW_EDITS) return null;
  const changed: number[] = [];
  for (const [i, [was, now]] of diff.lines) {
    if (was.includes('"') || now.includes('"')) return null;
    changed.push(i);
  }
  changed.sort((x, y) => x - y);
  const read = readBrandCsv(prev.file, [header, ...changed.map((i) => diff.lines.get(i)![1])].join('\n') + '\n');
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
  return { load: { ...load, monographs }, edits };
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
