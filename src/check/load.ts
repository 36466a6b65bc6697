import { readFileSync } from 'node:fs';
import { buildCatalog, type Catalog } from '../catalog/index.js';
import { decodeText, discover, DEFAULT_LIMITS, type DiscoveredFile, type ReadLimits } from '../content/index.js';
import { diag } from '../diagnostics/index.js';
import type { Kind } from '../model/index.js';
import { normalizeFile, type NormalizeResult } from '../normalize/index.js';
import type { CheckFile } from './source.js';

/** The files of some content folders, read and normalized, and their catalogue. */
export interface CheckContent {
  files: CheckFile[];
  catalog: Catalog;
}

/** What reading one file needs (a DiscoveredFile fits). */
export interface FileRef {
  abs: string;
  file: string;
  kindHint: Kind | null;
}

/**
 * Read and normalize one file from its bytes, keeping the decoded text for positioned findings.
 * @example checkFileOf({ abs: null, file: 'x/compositions/a.md', kindHint: 'composition' }, bytes)
 */
export function checkFileOf(ref: { abs: string | null; file: string; kindHint: Kind | null }, bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): CheckFile {
  const result = normalizeFile({ file: ref.file, bytes, kindHint: ref.kindHint, limits });
  const text = decodeText(ref.file, bytes, limits);
  return { file: ref.file, abs: ref.abs, kindHint: ref.kindHint, text, result };
}

/** Read one file from disk; an unreadable file is a finding like any other bad input. */
export function readCheckFile(ref: FileRef): CheckFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(ref.abs);
  } catch (e) {
    const result: NormalizeResult = {
      file: ref.file,
      digest: '',
      monograph: null,
      diagnostics: [diag('file-unreadable', ref.file, `The file could not be read: ${(e as Error).message}`)],
      fidelity: { file: ref.file, nonBlankLines: 0, accountedLines: 0, unaccounted: [] },
    };
    return { file: ref.file, abs: ref.abs, kindHint: ref.kindHint, text: null, result };
  }
  return checkFileOf(ref, bytes);
}

/**
 * Pair files that were already normalized (a build's loaded files and results, same order) with
 * their text, so the checks run without normalizing again. A file that can no longer be read keeps
 * its result and gets no text (its rules that need text are silent).
 * @example const files = checkFilesOf(loaded.files, loaded.results); runChecks({ files, catalog })
 */
export function checkFilesOf(refs: readonly FileRef[], results: readonly NormalizeResult[], limits: ReadLimits = DEFAULT_LIMITS): CheckFile[] {
  if (refs.length !== results.length) throw new Error(`check: ${refs.length} files but ${results.length} results`);
  return refs.map((ref, i) => {
    const result = results[i]!;
    let text: string | null = null;
    try {
      text = decodeText(ref.file, readFileSync(ref.abs), limits);
    } catch {
      text = null;
    }
    return { file: ref.file, abs: ref.abs, kindHint: ref.kindHint, text, result };
  });
}

/**
 * Like `checkFilesOf`, but each file's text is read from disk when a rule first asks for it and
 * dropped again by the engine once the file's own rules have run (`release`), so a build's check
 * of thousands of files never holds every text at once.
 */
export function lazyCheckFilesOf(refs: readonly FileRef[], results: readonly NormalizeResult[], limits: ReadLimits = DEFAULT_LIMITS): CheckFile[] {
  if (refs.length !== results.length) throw new Error(`check: ${refs.length} files but ${results.length} results`);
  return refs.map((ref, i) => {
    let text: string | null | undefined;
    const read = (): string | null => {
      try {
        return decodeText(ref.file, readFileSync(ref.abs), limits);
      } catch {
        return null;
      }
    };
    const file = { file: ref.file, abs: ref.abs, kindHint: ref.kindHint, result: results[i]! } as CheckFile;
    Object.defineProperty(file, 'text', { enumerable: true, get: () => (text === undefined ? (text = read()) : text) });
    Object.defineProperty(file, 'release', { enumerable: false, value: () => (text = undefined) });
    return file;
  });
}

/** The catalogue of some checked files (what the build would link). */
export function catalogOf(files: readonly CheckFile[]): Catalog {
  return buildCatalog(files.flatMap((f) => (f.result.monograph ? [f.result.monograph] : [])));
}

/**
 * Discover, read and normalize every monograph under `dirs`, then link them.
 * @example const content = loadContent(['content']); const findings = runChecks(content);
 */
export function loadContent(dirs: readonly string[], onProgress?: (done: number, total: number) => void): CheckContent {
  const found: DiscoveredFile[] = dirs.flatMap((d) => discover(d));
  const files: CheckFile[] = [];
  for (const f of found) {
    files.push(readCheckFile(f));
    if (onProgress && files.length % 500 === 0) onProgress(files.length, found.length);
  }
  onProgress?.(files.length, found.length);
  return { files, catalog: catalogOf(files) };
}
