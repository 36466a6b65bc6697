import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readdir, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { MessageChannel, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import { Folders } from './folders.js';
import type { WriteBatch, WriteWorkerData } from './write-worker.js';
import { startWorker } from './worker.js';

export { Folders } from './folders.js';

/**
 * The absolute path of `rel` under `root`, with its folder created (a plain `mkdir` first, see
 * `Folders`; nothing remembered between calls, as folders of a swapped-in site may differ); a path
 * that would leave `root` throws.
 */
function prepare(root: string, rel: string): string {
  const target = inside(resolve(root), rel);
  new Folders().make(dirname(target));
  return target;
}

/** Write a file under `root`, refusing any path that would leave it. */
export function writeUnder(root: string, rel: string, contents: string | Uint8Array): void {
  writeFileSync(prepare(root, rel), contents);
}

/** Write then rename, so a reader never sees half a file (used for in-place incremental rebuilds). */
export function writeAtomic(root: string, rel: string, contents: string | Uint8Array): void {
  const target = prepare(root, rel);
  const tmp = `${target}.tmp-${process.pid}`;
  writeFileSync(tmp, contents);
  renameSync(tmp, target);
}

export function copyUnder(root: string, rel: string, from: string): void {
  copyFileSync(from, prepare(root, rel));
}

/** A fresh staging dir beside `out` (same filesystem, so the final rename is atomic). */
export function stagingDir(out: string): string {
  const dir = join(dirname(resolve(out)), `.${basename(out)}.tmp-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Put the staged site in place: the old site is renamed aside and the new one renamed in. Killing
 * the build before this leaves the previous site untouched. The old site is then removed in the
 * background (on libuv's threads: ~160 µs per file, 2.5 s for the real corpora's 17,000 files, none
 * of it needed before the new site is served); the returned promise settles when it is gone, with
 * the error if it could not be removed. It never rejects.
 */
export function swapInto(staging: string, out: string): Promise<Error | null> {
  const target = resolve(out);
  const old = `${target}.old-${process.pid}-${Date.now()}`;
  const had = existsSync(target);
  if (had) renameSync(target, old);
  try {
    renameSync(staging, target);
  } catch (e) {
    if (had) renameSync(old, target);
    throw e;
  }
  if (!had) return Promise.resolve(null);
  return removeTree(old).then(
    () => null,
    (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
  );
}

/** Entries of one folder removed at once by `removeTree`. */
const REMOVE_AT_ONCE = 32;

/**
 * Remove a folder and everything in it, `REMOVE_AT_ONCE` entries of a folder at a time; a path
 * that does not exist is not an error (like `rm -rf`; a symbolic link is removed, not followed).
 * `fs.promises.rm(…, { recursive: true })` starts an operation for every entry of a folder at
 * once: removing a 60,000-brand site (135,000 files) took 360 MB more memory that way, which
 * would be ~1.3 GB on top of the build's peak for 250,000 brands; this way it stays flat.
 */
export async function removeTree(dir: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code !== 'ENOTDIR') throw e;
    await unlink(dir);
    return;
  }
  for (let i = 0; i < entries.length; i += REMOVE_AT_ONCE) {
    await Promise.all(entries.slice(i, i + REMOVE_AT_ONCE).map((e) => (e.isDirectory() ? removeTree(join(dir, e.name)) : unlink(join(dir, e.name)))));
  }
  await rmdir(dir);
}

/** Where a build's files go: `write` each, then `close` (which throws the first failed write), or `abort`. */
export interface FileSink {
  /**
   * Write one file. A `Uint8Array` that spans its whole buffer may be handed over to another thread
   * rather than copied (the 44 MB bulk file of the real corpora was copied while the build's memory
   * peaks): the caller must not use it afterwards.
   */
  write(rel: string, contents: string | Uint8Array): void;
  close(): void;
  /** Stop without writing queued files; resolves once nothing writes any more (the build failed; its staging folder is removed next). */
  abort(): Promise<void>;
}

/** Whether `bytes` is the whole of a plain ArrayBuffer (which can be transferred to a worker without copying). */
function ownsBuffer(bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}

/** The absolute path of `rel` under `root`; a path that would leave `root` throws. */
function inside(root: string, rel: string): string {
  const target = resolve(root, rel);
  if (!target.startsWith(root + '/')) throw new Error(`build: output path "${rel}" escapes the output directory`);
  return target;
}

/**
 * Writes the files of a build under `root`, synchronously: a plain `mkdir` per new folder and one
 * `writeFileSync` per file (small sites, tests; see {@link ThreadedWriter} for large ones).
 */
export class SiteWriter implements FileSink {
  readonly #root: string;
  readonly #folders = new Folders();

  constructor(root: string) {
    this.#root = resolve(root);
  }

  /** Write one file; a path leaving `root` throws. */
  write(rel: string, contents: string | Uint8Array): void {
    const target = inside(this.#root, rel);
    this.#folders.make(dirname(target));
    writeFileSync(target, contents);
  }

  close(): void {}

  abort(): Promise<void> {
    return Promise.resolve();
  }
}

/** A writer that has written nothing for this long has died. */
const STALL_MS = 120_000;

/**
 * Writes the files of a build under `root` on a worker thread doing plain synchronous writes,
 * while this thread renders the next pages. Measured on the real corpora (docs/DESIGN.md,
 * "Build"): writes on libuv's pool through fs/promises cost ~245 µs of CPU per file in promise
 * machinery; synchronous writes on the rendering thread cost ~50 µs, but stall it whenever the
 * kernel throttles a burst of dirty pages (5 s of a build). Batches are handed over with
 * `postMessage`; at most `window` batches wait, counted in shared memory, so the sender blocks
 * (`Atomics.wait`) instead of piling up text when the disk is slower than rendering, without
 * needing its event loop to turn.
 */
export class ThreadedWriter implements FileSink {
  readonly #root: string;
  readonly #pending = new Int32Array(new SharedArrayBuffer(4));
  readonly #errors = new MessageChannel();
  readonly #worker: Worker;
  readonly #window: number;
  readonly #batchBytes: number;
  #batch: [string, string | Uint8Array][] = [];
  #crashed: Error | null = null;
  #bytes = 0;

  constructor(root: string, options: { window?: number; batchBytes?: number } = {}) {
    this.#root = resolve(root);
    this.#window = options.window ?? 16;
    this.#batchBytes = options.batchBytes ?? 512 * 1024;
    const data: WriteWorkerData = { pending: this.#pending, errors: this.#errors.port2 };
    this.#worker = startWorker('write-worker', { workerData: data, transferList: [this.#errors.port2] });
    this.#worker.on('error', (e) => (this.#crashed ??= e));
  }

  /** Queue one file; a path leaving `root` throws at once, a failed write at the next call or `close`. */
  write(rel: string, contents: string | Uint8Array): void {
    this.#batch.push([inside(this.#root, rel), contents]);
    this.#bytes += contents.length;
    if (this.#bytes >= this.#batchBytes) this.#send();
  }

  /** Wait until every file is written; throws the first failure. Stops the worker. */
  close(): void {
    try {
      this.#send();
      this.#waitBelow(1);
    } finally {
      void this.#worker.terminate();
    }
  }

  async abort(): Promise<void> {
    await this.#worker.terminate();
  }

  #send(): void {
    this.#throwFailure();
    if (this.#batch.length === 0) return;
    const batch: WriteBatch = { files: this.#batch };
    this.#batch = [];
    this.#bytes = 0;
    Atomics.add(this.#pending, 0, 1);
    this.#worker.postMessage(batch, batch.files.flatMap(([, c]) => (typeof c !== 'string' && ownsBuffer(c) ? [c.buffer] : [])));
    this.#waitBelow(this.#window);
  }

  /**
   * Block until fewer than `n` batches wait. A worker that writes nothing for `STALL_MS` has died
   * (its exit cannot be seen while this thread blocks): that is a failure, not a wait forever.
   */
  #waitBelow(n: number): void {
    let since = performance.now();
    for (let v = Atomics.load(this.#pending, 0); v >= n; ) {
      if (Atomics.wait(this.#pending, 0, v, 1000) === 'timed-out' && performance.now() - since > STALL_MS) {
        throw new Error(`build: the file writer stopped (no file written for ${STALL_MS / 1000} s); check that the output folder's disk is not full or unresponsive, then build again`);
      }
      const now = Atomics.load(this.#pending, 0);
      if (now !== v) since = performance.now();
      v = now;
    }
    this.#throwFailure();
  }

  #throwFailure(): void {
    const m = receiveMessageOnPort(this.#errors.port1);
    const failure = m !== undefined ? new Error(String(m.message)) : this.#crashed;
    if (failure !== null) {
      void this.#worker.terminate();
      throw failure;
    }
  }
}
