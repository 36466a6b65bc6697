import { availableParallelism } from 'node:os';
import type { DiscoveredFile } from '../content/index.js';
import type { NormalizeResult } from '../normalize/index.js';
import { normalizeOne } from './normalize-one.js';
import type { WorkerJob, WorkerReply } from './normalize-worker.js';
import { startWorker } from './worker.js';

/** Below this many files, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 400;

/** A finished file: from a worker as JSON (the form the cache stores), or normalized here as an object. */
export type PoolResult = { json: string; result?: undefined } | { json?: undefined; result: NormalizeResult };


/** Files per job sent to a worker, and per turn of the main thread between handling replies. */
const WORKER_CHUNK = 64;
const LOCAL_CHUNK = 8;

/**
 * Normalize files on worker threads (one fewer than the cores, at most 3) and on the main thread
 * too: on a 2-core machine two workers plus a main thread busy parsing their replies contend for
 * the cores, while one worker plus a main thread that also normalizes keeps both busy, and the main
 * thread's own share skips the JSON round trip (docs/DESIGN.md, "Build"). The main thread works in
 * small turns so worker replies are handled promptly. `onResult` gets every file once, in any order.
 */
export async function normalizeInWorkers(files: readonly DiscoveredFile[], onResult: (index: number, r: PoolResult) => void): Promise<void> {
  const n = Math.max(1, Math.min(3, availableParallelism() - 1));
  let next = 0;
  const claim = (size: number): [number, number] => {
    const from = next;
    next = Math.min(files.length, next + size);
    return [from, next];
  };
  const workers = Array.from({ length: n }, () => startWorker('normalize-worker'));
  let failed: Error | null = null;
  const remote = workers.map(
    (w) =>
      new Promise<void>((resolve, reject) => {
        let from = 0;
        const send = (): void => {
          if (next >= files.length || failed) {
            resolve();
            return;
          }
          const [a, b] = claim(WORKER_CHUNK);
          from = a;
          const job: WorkerJob = { files: files.slice(a, b).map((f) => ({ abs: f.abs, file: f.file, kindHint: f.kindHint })) };
          w.postMessage(job);
        };
        w.on('message', (reply: WorkerReply) => {
          if (!reply.ok) {
            failed = new Error(`normalize worker failed: ${reply.error}`);
            reject(failed);
            return;
          }
          const base = from;
          send();
          reply.results.forEach((json, i) => onResult(base + i, { json }));
        });
        w.on('error', (e) => {
          failed = e;
          reject(e);
        });
        send();
      }),
  );
  const local = (async (): Promise<void> => {
    while (next < files.length && !failed) {
      const [a, b] = claim(LOCAL_CHUNK);
      for (let i = a; i < b; i++) onResult(i, { result: normalizeOne(files[i]!) });
      await new Promise<void>((r) => setImmediate(r));
    }
  })();
  try {
    await Promise.all([...remote, local]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
