import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface CachedFile {
  mtimeMs: number;
  size: number;
  digest: string;
  /** The serialized normalize result. */
  json: string;
}

/** Read access to a cache: the stored JSON of a file's result. */
export interface StoreReader {
  json(path: string): string | undefined;
  close(): void;
}

/**
 * The embedded store (SQLite through better-sqlite3): normalized results keyed by file path and
 * content digest, so a rebuild re-reads and re-parses only changed files (astro glob-loader style).
 * `version` invalidates everything when the normalizer's output changes.
 */
export class Store {
  readonly #db: Database.Database;
  readonly #get: Database.Statement<[string], CachedFile>;
  readonly #put: Database.Statement<[string, number, number, string, string]>;

  constructor(dir: string, version: string) {
    mkdirSync(dir, { recursive: true });
    this.#db = new Database(join(dir, 'cache.db'));
    // A rollback journal, not WAL: a cold build inserts ~230 MB in one transaction, which WAL writes
    // twice (log, then checkpoint); measured 0.9 s CPU against 1.4 s for WAL (docs/DESIGN.md).
    this.#db.pragma('journal_mode = DELETE');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.exec(`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, mtime REAL NOT NULL, size INTEGER NOT NULL, digest TEXT NOT NULL, json TEXT NOT NULL);`);
    const row = this.#db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'version'`).get();
    if (row?.value !== version) {
      this.#db.exec('DELETE FROM files');
      this.#db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('version', ?)`).run(version);
    }
    this.#get = this.#db.prepare<[string], CachedFile>('SELECT mtime AS mtimeMs, size, digest, json FROM files WHERE path = ?');
    this.#put = this.#db.prepare('INSERT OR REPLACE INTO files (path, mtime, size, digest, json) VALUES (?, ?, ?, ?, ?)');
  }

  /**
   * The cache written by `version` opened read-only (another thread's view of what a build just
   * stored); null when there is none or it belongs to other code.
   */
  static reader(dir: string, version: string): StoreReader | null {
    let db: Database.Database;
    try {
      db = new Database(join(dir, 'cache.db'), { readonly: true, fileMustExist: true });
    } catch {
      return null;
    }
    try {
      const row = db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'version'`).get();
      if (row?.value !== version) throw new Error('another version');
      const get = db.prepare<[string], { json: string }>('SELECT json FROM files WHERE path = ?');
      return { json: (path) => get.get(path)?.json, close: () => db.close() };
    } catch {
      db.close();
      return null;
    }
  }

  get(path: string): CachedFile | undefined {
    return this.#get.get(path);
  }

  put(path: string, mtimeMs: number, size: number, digest: string, json: string): void {
    this.#put.run(path, mtimeMs, size, digest, json);
  }

  /** Open a transaction that spans asynchronous work (results streaming in from workers). */
  begin(): void {
    this.#db.exec('BEGIN');
  }

  commit(): void {
    this.#db.exec('COMMIT');
  }

  rollback(): void {
    if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
  }

  /** Run `fn` in one transaction (many puts at once are much faster). */
  transaction<T>(fn: () => T): T {
    return this.#db.transaction(fn)();
  }

  /** Forget files that no longer exist. */
  prune(keep: ReadonlySet<string>): number {
    const paths = this.#db.prepare<[], { path: string }>('SELECT path FROM files').all();
    const del = this.#db.prepare('DELETE FROM files WHERE path = ?');
    let n = 0;
    this.transaction(() => {
      for (const { path } of paths) if (!keep.has(path)) n += del.run(path).changes;
    });
    return n;
  }

  close(): void {
    this.#db.close();
  }
}
