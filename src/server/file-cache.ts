import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { Payload } from './payload.js';
import { versionOf } from './file-version.js';

/** Default memory budget of the file cache. */
export const FILE_CACHE_BYTES = 64 * 1024 * 1024;
/**
 * Files up to this size are read synchronously: from the page cache that takes a few
 * microseconds, where `fs/promises.readFile` makes four thread-pool round trips (open, fstat,
 * read, close) that cost more than the read (bench:api, get-by-slug over 6,949 documents, which
 * do not all fit the cache). Larger files are read without blocking the server.
 */
const SYNC_READ_BYTES = 1024 * 1024;
/** File hashes remembered (see `#hashes`): ≈ 10 MB at most. */
const HASHES_MAX = 100_000;

/**
 * File contents (and their hashes and compressed forms) by real path, each checked against the
 * file's current `stat` on every use: a file rewritten by a rebuild is read again on the next
 * request, never served stale. Least recently used entries go first when over budget; files larger
 * than a quarter of the budget are read each time and not kept.
 */
export class FileCache {
  readonly #entries = new Map<string, { version: string; payload: Payload; weight: number }>();
  /**
   * The hash of each file version read, kept after its bytes leave the cache (~100 bytes each): a
   * file read again is not hashed again. Hashing a 36 KB API document costs about as much as
   * reading it (≈ 45 µs), and a site's documents (230 MB for the real corpora) do not all fit the
   * byte budget.
   */
  readonly #hashes = new Map<string, { version: string; hash: string }>();
  readonly #budget: number;
  #total = 0;

  constructor(budget: number = FILE_CACHE_BYTES) {
    this.#budget = budget;
  }

  /** The payload of `file`, whose current stat is `st`. Throws what `readFile` throws. */
  async load(file: string, st: BigIntStats): Promise<Payload> {
    const version = versionOf(st);
    const hit = this.#entries.get(file);
    if (hit !== undefined && hit.version === version) {
      this.#entries.delete(file); // move to the most recent end
      this.#entries.set(file, hit);
      return hit.payload;
    }
    const known = this.#hashes.get(file);
    const payload = new Payload(st.size <= SYNC_READ_BYTES ? readFileSync(file) : await readFile(file), known?.version === version ? known.hash : undefined);
    // The file may have changed between the stat and the read: its bytes are served (and their
    // hash is right, as it was made from them), but kept only when the size still matches.
    if (payload.bytes.byteLength !== Number(st.size)) return payload;
    if (known === undefined || known.version !== version) {
      this.#hashes.delete(file);
      this.#hashes.set(file, { version, hash: payload.hash });
      if (this.#hashes.size > HASHES_MAX) this.#hashes.delete(this.#hashes.keys().next().value!);
    }
    this.#drop(file);
    // Counted as twice its size: room for the br and gzip forms made later (each well under half).
    const weight = payload.bytes.byteLength * 2;
    if (weight <= this.#budget / 2) {
      this.#entries.set(file, { version, payload, weight });
      this.#total += weight;
      for (const oldest of this.#entries.keys()) {
        if (this.#total <= this.#budget) break;
        this.#drop(oldest);
      }
    }
    return payload;
  }

  #drop(file: string): void {
    const entry = this.#entries.get(file);
    if (entry === undefined) return;
    this.#entries.delete(file);
    this.#total -= entry.weight;
  }
}
