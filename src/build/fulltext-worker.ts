import { parentPort } from 'node:worker_threads';
import { createFulltextWriter, type FulltextDocument, type FulltextWriter, type FulltextWriteStats } from '../search/fulltext/index.js';

/**
 * The conversation with the full-text worker: the main thread sends `start`, then a `batch` of
 * documents each time the worker asks for more (`more`), then `end`; the worker answers `done`
 * or `failed`. Documents are pulled a batch at a time so neither thread ever holds the text of the
 * whole site (~200 MB for the real corpora as JS strings).
 */
export type FulltextJob = { type: 'start'; file: string } | { type: 'batch'; documents: FulltextDocument[] } | { type: 'end' };
export type FulltextReply = { type: 'more' } | { type: 'done'; stats: FulltextWriteStats } | { type: 'failed'; error: string };

let writer: FulltextWriter | null = null;
const reply = (r: FulltextReply): void => parentPort?.postMessage(r);

parentPort?.on('message', (job: FulltextJob) => {
  try {
    if (job.type === 'start') {
      writer = createFulltextWriter(job.file);
      reply({ type: 'more' });
    } else if (job.type === 'batch') {
      // Ask for the next batch first, so the main thread extracts it while this one is indexed.
      reply({ type: 'more' });
      for (const d of job.documents) writer?.addDocument(d);
    } else {
      if (writer === null) throw new Error('no index was started');
      const stats = writer.finish();
      writer = null;
      reply({ type: 'done', stats });
    }
  } catch (e) {
    writer?.abort();
    writer = null;
    reply({ type: 'failed', error: (e as Error).stack ?? String(e) });
  }
});
