import { readFileSync } from 'node:fs';
import { diag } from '../diagnostics/index.js';
import type { Kind } from '../model/index.js';
import { normalizeFile, type NormalizeResult } from '../normalize/index.js';

/** What reading one file needs to know (a DiscoveredFile, or its copy in a worker's job). */
export interface FileRef {
  abs: string;
  file: string;
  kindHint: Kind | null;
}

/** Read and normalize one file; an unreadable file is a diagnostic, like any other bad input. */
export function normalizeOne(f: FileRef): NormalizeResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(f.abs);
  } catch (e) {
    return {
      file: f.file,
      digest: '',
      monograph: null,
      diagnostics: [diag('file-unreadable', f.file, `The file could not be read: ${(e as Error).message}`)],
      fidelity: { file: f.file, nonBlankLines: 0, accountedLines: 0, unaccounted: [] },
    };
  }
  return normalizeFile({ file: f.file, bytes, kindHint: f.kindHint });
}
