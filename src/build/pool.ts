import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DiscoveredFile } from '../content/index.js';
import type { WorkerJob, WorkerReply } from './normalize-worker.js';

/** Below this many files, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 400;

const workerUrl = (): URL => {
  const own = import.meta.url;
  return new URL(own.endsWith('.ts') ? './normalize-worker.ts' : './normalize-worker.js', own);
};

/**
 * Normalize files on worker threads (one per core, at most 4), in chunks: the next chunk is sent
 * before a reply is handed to `onResult`, so the main thread's work overlaps the workers'.
 */
export async function normalizeInWorkers(files: readonly DiscoveredFile[], onResult: (index: number, json: string) => void): Promise<void> {
  const n = Math.max(1, Math.min(4, availableParallelism()));
  const CHUNK = 64;
  let next = 0;
  const workers = Array.from({ length: n }, () => new Worker(workerUrl()));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            let from = 0;
            const send = (): void => {
              if (next >= files.length) {
                resolve();
                return;
              }
              from = next;
              next = Math.min(files.length, next + CHUNK);
              const job: WorkerJob = { files: files.slice(from, next).map((f) => ({ abs: f.abs, file: f.file, kindHint: f.kindHint })) };
              w.postMessage(job);
            };
            w.on('message', (reply: WorkerReply) => {
              if (!reply.ok) {
                reject(new Error(`normalize worker failed: ${reply.error}`));
                return;
              }
              const base = from;
              send();
              reply.results.forEach((r, i) => onResult(base + i, r));
            });
            w.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
