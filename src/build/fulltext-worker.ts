import { parentPort } from 'node:worker_threads';
import { createFulltextWriter, type FulltextDocument, type FulltextWriteStats } from '../search/fulltext/index.js';

/** A job: write these documents, in this order, as the full-text index `file`. */
export interface FulltextJob {
  file: string;
  documents: FulltextDocument[];
}
export type FulltextReply = { ok: true; stats: FulltextWriteStats } | { ok: false; error: string };

parentPort?.on('message', (job: FulltextJob) => {
  const w = createFulltextWriter(job.file);
  try {
    for (const d of job.documents) w.addDocument(d);
    parentPort?.postMessage({ ok: true, stats: w.finish() } satisfies FulltextReply);
  } catch (e) {
    w.abort();
    parentPort?.postMessage({ ok: false, error: (e as Error).stack ?? String(e) } satisfies FulltextReply);
  }
});
