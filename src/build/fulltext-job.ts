import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Catalog } from '../catalog/index.js';
import { fulltextOrder, toFulltextDocument, writeFulltextIndex, type FulltextWriteStats } from '../search/fulltext/index.js';
import type { FulltextJob, FulltextReply } from './fulltext-worker.js';
import { PARALLEL_THRESHOLD } from './pool.js';
import { startWorker } from './worker.js';

/**
 * Write the full-text index of `catalog` to `file`. For a large catalog the SQLite work (~3 s of
 * CPU for the real corpora) runs on a worker thread while the caller renders pages; the documents
 * are extracted here (a fraction of a second) so the worker gets plain text, not monographs.
 * Small catalogs are written right away. The returned promise settles when `file` is in place.
 */
export function writeFulltextInBackground(catalog: Catalog, file: string, threshold = PARALLEL_THRESHOLD): Promise<FulltextWriteStats> {
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
  const documents = [...catalog.entries].sort((a, b) => fulltextOrder(a.monograph, b.monograph)).map((e) => toFulltextDocument(e));
  const worker = startWorker('fulltext-worker');
  return new Promise<FulltextWriteStats>((resolve, reject) => {
    worker.once('message', (reply: FulltextReply) => {
      if (reply.ok) resolve(reply.stats);
      else reject(new Error(`full-text index: ${reply.error}`));
    });
    worker.once('error', reject);
    worker.postMessage({ file, documents } satisfies FulltextJob);
  }).finally(() => void worker.terminate());
}
