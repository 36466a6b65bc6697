import { parentPort } from 'node:worker_threads';
import { normalizeOne, type FileRef } from './normalize-one.js';

/** A job: files to normalize. The reply carries each result as JSON (the form the cache stores). */
export interface WorkerJob {
  files: FileRef[];
}
export type WorkerReply = { ok: true; results: string[] } | { ok: false; error: string };

parentPort?.on('message', (job: WorkerJob) => {
  try {
    const results = job.files.map((f) => JSON.stringify(normalizeOne(f)));
    parentPort?.postMessage({ ok: true, results } satisfies WorkerReply);
  } catch (e) {
    parentPort?.postMessage({ ok: false, error: (e as Error).stack ?? String(e) } satisfies WorkerReply);
  }
});
