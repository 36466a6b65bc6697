import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { normalizeFile } from '../normalize/index.js';

/** A job: files to normalize. The reply carries each result as JSON (the form the cache stores). */
export interface WorkerJob {
  files: { abs: string; file: string; kindHint: 'composition' | 'combination' | 'medicine' | null }[];
}
export type WorkerReply = { ok: true; results: string[] } | { ok: false; error: string };

parentPort?.on('message', (job: WorkerJob) => {
  try {
    const results = job.files.map((f) => {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(f.abs);
      } catch (e) {
        return JSON.stringify({
          file: f.file,
          digest: '',
          monograph: null,
          diagnostics: [{ code: 'file-unreadable', severity: 'error', message: `The file could not be read: ${(e as Error).message}`, hint: 'Check that the file exists and is readable by this user.', file: f.file, line: 1, column: 1 }],
          fidelity: { file: f.file, nonBlankLines: 0, accountedLines: 0, unaccounted: [] },
        });
      }
      return JSON.stringify(normalizeFile({ file: f.file, bytes, kindHint: f.kindHint }));
    });
    parentPort?.postMessage({ ok: true, results } satisfies WorkerReply);
  } catch (e) {
    parentPort?.postMessage({ ok: false, error: (e as Error).stack ?? String(e) } satisfies WorkerReply);
  }
});
