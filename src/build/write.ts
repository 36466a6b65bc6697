import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** The absolute path of `rel` under `root`, with its folder created; a path that would leave `root` throws. */
function prepare(root: string, rel: string): string {
  const target = resolve(root, rel);
  if (!target.startsWith(resolve(root) + '/')) throw new Error(`build: output path "${rel}" escapes the output directory`);
  mkdirSync(dirname(target), { recursive: true });
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
 * Put the staged site in place: the old site is renamed aside, the new one renamed in, the old
 * one removed. Killing the build before this leaves the previous site untouched.
 */
export function swapInto(staging: string, out: string): void {
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
  if (had) rmSync(old, { recursive: true, force: true });
}

/**
 * Writes many files under `root` on libuv's thread pool while the caller keeps rendering: at most
 * `window` writes are in flight; `write` waits only when the window is full. Folders are created
 * once each. On the real corpus this hides most of the ~8,400 mkdir + write calls behind the
 * rendering CPU (docs/DESIGN.md, "Build").
 */
export class OverlappedWriter {
  readonly #root: string;
  readonly #window: number;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #dirs = new Map<string, Promise<unknown>>();
  #failure: unknown = null;

  constructor(root: string, window = 64) {
    this.#root = resolve(root);
    this.#window = window;
  }

  /** Queue a write; resolves when there is room for the next one. Paths leaving `root` throw. */
  async write(rel: string, contents: string | Uint8Array): Promise<void> {
    if (this.#failure !== null) throw this.#failure;
    const target = resolve(this.#root, rel);
    if (!target.startsWith(this.#root + '/')) throw new Error(`build: output path "${rel}" escapes the output directory`);
    const dir = dirname(target);
    let made = this.#dirs.get(dir);
    if (made === undefined) {
      made = mkdir(dir, { recursive: true });
      this.#dirs.set(dir, made);
    }
    const job = made
      .then(() => writeFile(target, contents))
      .catch((e: unknown) => {
        this.#failure ??= e;
      })
      .finally(() => this.#inFlight.delete(job));
    this.#inFlight.add(job);
    if (this.#inFlight.size >= this.#window) await Promise.race(this.#inFlight);
  }

  /** Wait for every queued write; the first failure is thrown. */
  async flush(): Promise<void> {
    await Promise.all(this.#inFlight);
    if (this.#failure !== null) throw this.#failure;
  }
}
