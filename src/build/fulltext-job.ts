import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Catalog } from '../catalog/index.js';
import { fulltextOrder, toFulltextDocument, writeFulltextIndex, type FulltextWriteStats } from '../search/fulltext/index.js';
import type { FulltextJob, FulltextReply } from './fulltext-worker.js';
import { PARALLEL_THRESHOLD } from './pool.js';
import { startWorker } from './worker.js';

/** Documents per message to the worker, and batches sent before it asks. */
const BATCH = 256;
const AHEAD = 4;

/**
 * Write the full-text index of `catalog` to `file`. For a large catalog the SQLite work (~3 s of
 * CPU for the real corpora) runs on a worker thread while the caller renders pages. The worker
 * pulls documents a batch at a time; each batch is extracted here when asked for (the caller
 * must let the event loop turn now and then, e.g. every few hundred pages), so only a few batches
 * of text exist at once (`batchSize` documents each). Small catalogs are written right away. The returned promise settles when
 * `file` is in place.
 */
export function writeFulltextInBackground(catalog: Catalog, file: string, threshold = PARALLEL_THRESHOLD, batchSize = BATCH): Promise<FulltextWriteStats> {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
  if (catalog.entries.length < threshold) {
    try {
      return Promise.resolve(writeFulltextIndex(catalog, file));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }
  const order = [...catalog.entries].sort((a, b) => fulltextOrder(a.monograph, b.monograph));
  let next = 0;
  const worker = startWorker('fulltext-worker');
  const send = (job: FulltextJob): void => worker.postMessage(job);
  let ended = false;
  // Each `more` gets a batch; the first few are sent unasked, so the worker has work while the
  // caller runs long synchronous steps.
  const more = (): void => {
    if (ended) return;
    if (next >= order.length) {
      ended = true;
      send({ type: 'end' });
      return;
    }
    const batch = order.slice(next, next + batchSize).map((e) => toFulltextDocument(e));
    next += batch.length;
    send({ type: 'batch', documents: batch });
  };
  return new Promise<FulltextWriteStats>((resolve, reject) => {
    worker.on('message', (reply: FulltextReply) => {
      if (reply.type === 'more') {
        more();
      } else if (reply.type === 'done') {
        resolve(reply.stats);
      } else {
        reject(new Error(`full-text index: ${reply.error}`));
      }
    });
    worker.once('error', reject);
    send({ type: 'start', file });
    for (let i = 0; i < AHEAD; i++) more();
  }).finally(() => void worker.terminate());
}
