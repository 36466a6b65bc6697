import type { FileContextData, Finding } from '../check/index.js';
import type { FileRef } from './normalize-one.js';
import type { QualityJob, QualityReply } from './quality-worker.js';
import { startWorker } from './worker.js';

/**
 * The file rules of the quality report on a worker thread while the caller renders the site. The
 * worker reads each file's result back from the build's cache (`cacheDir`, written by `version`)
 * rather than receiving it, so no second copy of the normalized corpus is made or sent: a few
 * hundred KB of catalogue lookups go over. The caller runs the catalogue rules on the findings
 * (`runCatalogChecks`). On the real corpora this takes the ~5 s of the file rules off the thread
 * that renders (docs/DESIGN.md, "Build").
 */
export function checkFilesInBackground(files: readonly FileRef[], context: FileContextData, cacheDir: string, version: string): Promise<Finding[]> {
  const worker = startWorker('quality-worker');
  return new Promise<Finding[]>((resolve, reject) => {
    worker.once('message', (reply: QualityReply) => (reply.ok ? resolve(reply.findings) : reject(new Error(`quality checks: ${reply.error}`))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`quality checks: the worker stopped (exit code ${code})`)));
    const job: QualityJob = { cacheDir, version, files: files.map((f) => ({ abs: f.abs, file: f.file, kindHint: f.kindHint })), context };
    worker.postMessage(job);
  }).finally(() => void worker.terminate());
}
