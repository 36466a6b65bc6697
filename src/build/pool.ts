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
 * Normalize files on worker threads (one per core, at most 4), in chunks so that the results
 * stream back while others are parsed. Resolves with each file's result JSON, in input order.
 */
export async function normalizeInWorkers(files: readonly DiscoveredFile[], onDone: (n: number) => void): Promise<string[]> {
  const n = Math.max(1, Math.min(4, availableParallelism()));
  const out: string[] = new Array<string>(files.length);
  const CHUNK = 64;
  let next = 0;
  let done = 0;
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
              reply.results.forEach((r, i) => (out[from + i] = r));
              done += reply.results.length;
              onDone(done);
              send();
            });
            w.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
