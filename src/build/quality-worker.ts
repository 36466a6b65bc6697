import { parentPort } from 'node:worker_threads';
import { checkFiles, fileContext, lazyCheckFilesOf, type CheckFile, type FileContextData, type Finding } from '../check/index.js';
import type { NormalizeResult } from '../normalize/index.js';
import { Store, type StoreReader } from '../store/index.js';
import { normalizeOne, type FileRef } from './normalize-one.js';

/**
 * The file rules of a build's quality report: the files (each one's result read back from the
 * build's cache, its text from disk, one file at a time) and what the rules need of the catalogue.
 */
export interface QualityJob {
  cacheDir: string;
  version: string;
  files: FileRef[];
  context: FileContextData;
}
/** Findings are sent as they are made, a few hundred files' at a time, then `done`. */
export type QualityReply = { type: 'findings'; findings: Finding[] } | { type: 'done' } | { type: 'failed'; error: string };

/** Files checked between two replies: the worker holds only their findings. */
const FILES_PER_REPLY = 500;

const reply = (r: QualityReply): void => parentPort?.postMessage(r);

parentPort?.once('message', (job: QualityJob) => {
  let store: StoreReader | null = null;
  try {
    store = Store.reader(job.cacheDir, job.version);
    if (store === null) throw new Error(`the build cache in ${job.cacheDir} could not be read`);
    const ctx = fileContext(job.context);
    for (let i = 0; i < job.files.length; i += FILES_PER_REPLY) {
      reply({ type: 'findings', findings: checkFiles(filesOf(job.files.slice(i, i + FILES_PER_REPLY), store), ctx) });
    }
    reply({ type: 'done' });
  } catch (e) {
    reply({ type: 'failed', error: (e as Error).stack ?? String(e) });
  } finally {
    store?.close();
  }
});

/** The files to check, made one at a time; a result missing from the cache is made again here. */
function* filesOf(refs: readonly FileRef[], store: StoreReader): Generator<CheckFile> {
  for (const ref of refs) {
    const json = store.json(ref.abs);
    const result = json !== undefined ? (JSON.parse(json) as NormalizeResult) : normalizeOne(ref);
    yield lazyCheckFilesOf([ref], [result])[0]!;
  }
}
