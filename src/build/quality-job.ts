import type { FileContextData, Finding } from '../check/index.js';
import type { FileRef } from './normalize-one.js';
import type { QualityJob, QualityReply } from './quality-worker.js';
import { startWorker } from './worker.js';

/** The worker's old-generation heap limit (MB). */
const WORKER_HEAP_MB = 64;

/**
 * The file rules of the quality report on a worker thread while the caller renders the site. The
 * worker reads each file's result back from the build's cache (`cacheDir`, written by `version`)
 * rather than receiving it, so no second copy of the normalized corpus is made or sent: a few
 * hundred KB of catalogue lookups go over. The caller runs the catalogue rules on the findings
 * (`runCatalogChecks`). On the real corpora this takes the ~5 s of the file rules off the thread
 * that renders (docs/DESIGN.md, "Build"). `signal` stops the worker (a build that failed).
 */
export function checkFilesInBackground(files: readonly FileRef[], context: FileContextData, cacheDir: string, version: string, signal?: AbortSignal): Promise<Finding[]> {
  // A small heap: the worker holds one file and a few hundred files' findings at a time, and V8
  // otherwise let it grow to ~100 MB of mostly garbage while the build's memory peaks.
  const worker = startWorker('quality-worker', { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  const findings: Finding[] = [];
  return new Promise<Finding[]>((resolve, reject) => {
    worker.on('message', (reply: QualityReply) => {
      if (reply.type === 'findings') for (const f of reply.findings) findings.push(f);
      else if (reply.type === 'done') resolve(findings);
      else reject(new Error(`quality checks: ${reply.error}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`quality checks: the worker stopped (exit code ${code})`)));
    signal?.addEventListener('abort', () => reject(new Error('quality checks: stopped')), { once: true });
    const job: QualityJob = { cacheDir, version, files: files.map((f) => ({ abs: f.abs, file: f.file, kindHint: f.kindHint })), context };
    worker.postMessage(job);
  }).finally(() => void worker.terminate());
}
