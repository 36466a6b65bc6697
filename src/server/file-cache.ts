import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { totalmem } from 'node:os';
import { Payload } from './payload.js';
import { versionOf } from './file-version.js';

const MiB = 1024 * 1024;

/**
 * Default memory budget of the file cache: a sixteenth of the machine's memory, from 64 MiB to
 * 1 GiB (1 GiB on a 24 GB machine; 128 MiB on 2 GB). nginx leans on the kernel's page cache for
 * this; a Node server reads, allocates and hashes a file each time it is not held. Held, a site's
 * API documents are served at about half the CPU per request: bench:api get-by-slug over the real
 * corpora's 6,949 documents (217 MB), 350 → 215 µs per request with everything held (docs/DESIGN.md,
 * "Server"). `formulary serve --cache-mb` sets it.
 */
export function defaultCacheBytes(memory: number = totalmem()): number {
  return Math.min(1024 * MiB, Math.max(64 * MiB, Math.floor(memory / 16 / MiB) * MiB));
}
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
 * than half the budget are read each time and not kept.
 */
export class FileCache {
  readonly #entries = new Map<string, Entry>();
  /**
   * The hash of each file version read, kept after its bytes leave the cache (~100 bytes each): a
   * file read again is not hashed again. Hashing a 36 KB API document costs about as much as
   * reading it (≈ 45 µs), and a site's documents (217 MB for the real corpora) need not all fit
   * the byte budget.
   */
  readonly #hashes = new Map<string, { version: string; hash: string }>();
  readonly #budget: number;
  #total = 0;

  /** `budget`: bytes held at most, counting each file's bytes and the compressed forms made of them. */
  constructor(budget: number = defaultCacheBytes()) {
    this.#budget = budget;
  }

  /** Bytes held now (files and their compressed forms). */
  get size(): number {
    return this.#total;
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
    const weight = payload.bytes.byteLength;
    // A file over half the budget is served but not held (it would push out all the others).
    if (weight <= this.#budget / 2) {
      const entry: Entry = { version, payload, weight };
      this.#entries.set(file, entry);
      this.#total += weight;
      // Its compressed forms count when they are made, for as long as the entry is held.
      payload.onEncoded = (bytes) => {
        if (this.#entries.get(file) !== entry) return;
        entry.weight += bytes;
        this.#total += bytes;
        this.#trim();
      };
      this.#trim();
    }
    return payload;
  }

  /** Drop the least recently used entries until the total fits the budget. */
  #trim(): void {
    for (const oldest of this.#entries.keys()) {
      if (this.#total <= this.#budget) break;
      this.#drop(oldest);
    }
  }

  #drop(file: string): void {
    const entry = this.#entries.get(file);
    if (entry === undefined) return;
    this.#entries.delete(file);
    this.#total -= entry.weight;
    entry.payload.onEncoded = undefined;
  }
}

interface Entry {
  version: string;
  payload: Payload;
  /** Bytes held: the file's, then each compressed form's as it is made. */
  weight: number;
}
