import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { Folders } from './folders.js';

/** Files to write: absolute paths (checked by the sender) and contents. */
export interface WriteBatch {
  files: [string, string | Uint8Array][];
}

/** Shared with the sender: `[0]` batches not yet written. The port carries the first failure. */
export interface WriteWorkerData {
  pending: Int32Array;
  errors: MessagePort;
}

const { pending, errors } = workerData as WriteWorkerData;
const folders = new Folders();
let failed = false;

parentPort?.on('message', (batch: WriteBatch) => {
  try {
    if (!failed) {
      for (const [path, contents] of batch.files) {
        folders.make(dirname(path));
        writeFileSync(path, contents);
      }
    }
  } catch (e) {
    failed = true;
    errors.postMessage((e as Error).message);
  } finally {
    Atomics.sub(pending, 0, 1);
    Atomics.notify(pending, 0);
  }
});
