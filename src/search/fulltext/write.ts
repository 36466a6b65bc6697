import { renameSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Catalog } from '../../catalog/types.js';
import type { CatalogEntry, Kind } from '../../model/index.js';
import { fold } from '../../util/text.js';
import { toFulltextDocument, type FulltextDocument } from './document.js';
import { titleWords } from './query.js';
import { bannedTag, FULLTEXT_FORMAT, KIND_CODES, kindTag, schemaSql } from './schema.js';
import { fnv1a32 } from '../../util/hash.js';

export interface FulltextWriteStats {
  /** Documents (catalog entries) written. */
  documents: number;
  /** Size of the database file. */
  bytes: number;
  /** Wall time from opening the temporary file to the rename. */
  ms: number;
}

/** Build knobs for the benchmark; the defaults are the measured choice (see index.ts). */
export interface FulltextWriteOptions {
  /** FTS5 `hashsize`: bytes of pending terms held in memory before a segment is written (64 MB). */
  hashSize?: number;
  /** Index the text of alternate sources (the same drug as written by the other site); default true. */
  alternates?: boolean;
}

const DEFAULT_HASH_SIZE = 64 * 1024 * 1024;
const TAG_TERMS: readonly string[] = [...KIND_CODES.map(kindTag), bannedTag(true), bannedTag(false)];

/** A full-text index being written document by document (for corpora too large to hold as one catalog). */
export interface FulltextWriter {
  /** Add one page. Its rowid is the next integer: add pages in {@link fulltextOrder}. */
  add(entry: CatalogEntry): void;
  /** Add a page already turned into its indexed form (`toFulltextDocument`). */
  addDocument(d: FulltextDocument): void;
  /** Merge the index, record the vocabulary, close, and rename the temporary file over `file`. */
  finish(): FulltextWriteStats;
  /** Close and delete the temporary file; `file` is left as it was. */
  abort(): void;
}

const hash32 = fnv1a32;

/**
 * The order `writeFulltextIndex` writes pages in: a fixed pseudo-random order (a hash of
 * `kind:slug`), so that the first matches of a query in rowid order are a uniform sample of all its
 * matches. Search relies on this to estimate totals and facets of very large result sets; a
 * streaming caller of {@link createFulltextWriter} must add pages in some such shuffled order too.
 */
export function fulltextOrder(a: { kind: Kind; slug: string }, b: { kind: Kind; slug: string }): number {
  return hash32(`${a.kind}:${a.slug}`) - hash32(`${b.kind}:${b.slug}`) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/**
 * Start writing a full-text index to `file + '.tmp'` (any leftover temporary file is replaced);
 * `finish()` renames it over `file`, so readers never see a half-written index.
 */
export function createFulltextWriter(file: string, options: FulltextWriteOptions = {}): FulltextWriter {
  const t0 = performance.now();
  const tmp = `${file}.tmp`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  let open = true;
  const close = (): void => {
    if (!open) return;
    open = false;
    db.close();
  };
  const fail = (e: unknown): never => {
    close();
    rmSync(tmp, { force: true });
    throw e;
  };
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('cache_size = -16384');
    db.exec(schemaSql());
    // Integers in the SQL text: FTS5 refuses a bound value, which better-sqlite3 passes as a REAL.
    const hashSize = Math.trunc(options.hashSize ?? DEFAULT_HASH_SIZE);
    db.exec(`
      INSERT INTO fts (fts, rank) VALUES ('hashsize', ${hashSize});
      INSERT INTO fts (fts, rank) VALUES ('automerge', 0);
      INSERT INTO heads (heads, rank) VALUES ('automerge', 0);
      INSERT INTO core (core, rank) VALUES ('automerge', 0);
      INSERT INTO core (core, rank) VALUES ('hashsize', ${Math.trunc(hashSize / 4)});
      INSERT INTO mech (mech, rank) VALUES ('automerge', 0);
      INSERT INTO mech (mech, rank) VALUES ('hashsize', ${Math.trunc(hashSize / 4)});
      BEGIN;
    `);
  } catch (e) {
    fail(e);
  }
  const putDoc = db.prepare('INSERT INTO docs (id, slug, kind, title, url, banned, class, company, names) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const putText = db.prepare('INSERT INTO fts (rowid, title, names, usage, body, tags) VALUES (?, ?, ?, ?, ?, ?)');
  const putHead = db.prepare('INSERT INTO heads (rowid, title, names) VALUES (?, ?, ?)');
  const putCore = db.prepare('INSERT INTO core (rowid, title, names, lead, usage) VALUES (?, ?, ?, ?, ?)');
  const putMech = db.prepare('INSERT INTO mech (rowid, mechanism) VALUES (?, ?)');
  // The first spelling of a class label names its facet value ("ACE inhibitor" and "Ace Inhibitor" are one).
  const classKeys = new Map<string, number>();
  const classNames: string[] = [];
  const companyIds = new Map<string, number>();
  const companyNames: string[] = [];
  // Packed columns, index = rowid (0 unused).
  const kinds: number[] = [0];
  const banned: number[] = [0];
  const classOf: number[] = [-1];
  const companyOf: number[] = [-1];
  const titleLength: number[] = [0];
  const titleWordCount: number[] = [0];
  const uses: number[] = [0];
  const withAlternates = options.alternates ?? true;
  let documents = 0;

  return {
    add(entry) {
      this.addDocument(toFulltextDocument(withAlternates ? entry : { ...entry, monograph: { ...entry.monograph, alternates: [] } }));
    },
    addDocument(d) {
      if (!open) throw new Error(`fulltext writer: ${file} is already finished`);
      let cls = -1;
      if (d.drugClass !== null) {
        const key = fold(d.drugClass);
        cls = classKeys.get(key) ?? classNames.push(d.drugClass) - 1;
        classKeys.set(key, cls);
      }
      let company = -1;
      if (d.company !== null) {
        company = companyIds.get(d.company) ?? companyNames.push(d.company) - 1;
        companyIds.set(d.company, company);
      }
      const id = ++documents;
      kinds.push(KIND_CODES.indexOf(d.kind));
      banned.push(d.banned ? 1 : 0);
      classOf.push(cls);
      companyOf.push(company);
      titleLength.push(Math.min(d.title.length, 0xffff));
      titleWordCount.push(Math.min(titleWords(d.title).length, 0xff));
      uses.push(Math.min(Math.max(0, Math.trunc(d.uses ?? 0)), 0xffff));
      const f = d.fields;
      putDoc.run(id, d.slug, d.kind, d.title, d.url, d.banned ? 1 : 0, cls < 0 ? null : classNames[cls], d.company, f.names);
      putText.run(id, f.title, f.names, f.usage, f.body, `${kindTag(d.kind)} ${bannedTag(d.banned)}`);
      putHead.run(id, f.title, f.names);
      putCore.run(id, f.title, f.names, f.lead ?? '', f.usage);
      if (f.mechanism) putMech.run(id, f.mechanism);
    },
    finish() {
      if (!open) throw new Error(`fulltext writer: ${file} is already finished`);
      try {
        db.exec(`
          INSERT INTO fts (fts) VALUES ('optimize');
          INSERT INTO heads (heads) VALUES ('optimize');
          INSERT INTO core (core) VALUES ('optimize');
          INSERT INTO mech (mech) VALUES ('optimize');
          CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, fts, 'row');
          CREATE VIRTUAL TABLE temp.core_terms USING fts5vocab(main, core, 'row');
          CREATE VIRTUAL TABLE temp.mech_terms USING fts5vocab(main, mech, 'row');
          INSERT INTO core_vocab (term, df, cnt)
            SELECT term, sum(doc), sum(cnt) FROM (SELECT term, doc, cnt FROM temp.core_terms UNION ALL SELECT term, doc, cnt FROM temp.mech_terms) GROUP BY term;
        `);
        db.prepare(`INSERT INTO vocab (term, df, cnt) SELECT term, doc, cnt FROM temp.fts_terms WHERE term NOT IN (${TAG_TERMS.map(() => '?').join(', ')})`).run(...TAG_TERMS);
        const putMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        putMeta.run('format', String(FULLTEXT_FORMAT));
        putMeta.run('documents', String(documents));
        putMeta.run('alternates', String(withAlternates));
        putMeta.run('classes', JSON.stringify(classNames));
        putMeta.run('companies', JSON.stringify(companyNames));
        const putColumn = db.prepare('INSERT INTO columns (name, data) VALUES (?, ?)');
        const blob = (a: Uint8Array | Int32Array | Uint16Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
        putColumn.run('kind', blob(Uint8Array.from(kinds)));
        putColumn.run('banned', blob(Uint8Array.from(banned)));
        putColumn.run('class', blob(Int32Array.from(classOf)));
        putColumn.run('company', blob(Int32Array.from(companyOf)));
        putColumn.run('titleLength', blob(Uint16Array.from(titleLength)));
        putColumn.run('titleWords', blob(Uint8Array.from(titleWordCount)));
        putColumn.run('uses', blob(Uint16Array.from(uses)));
        putColumn.run('mentions', blob(mentionsOf(db, documents)));
        db.exec('COMMIT');
        close();
        renameSync(tmp, file);
      } catch (e) {
        fail(e);
      }
      return { documents, bytes: statSync(file).size, ms: performance.now() - t0 };
    },
    abort() {
      close();
      rmSync(tmp, { force: true });
    },
  };
}

/** Title words shorter than this say nothing about a drug ("b", "d3", "acid" are kept). */
const MIN_MENTION_WORD = 4;

/**
 * Per page (by rowid), how many pages of the corpus mention it: the fewest pages any word of its
 * title is in (for `Imatinib Mesylate`, the pages naming imatinib). A prior of how prominent a
 * drug is in the corpus (see search.ts).
 */
function mentionsOf(db: Database.Database, documents: number): Int32Array {
  const out = new Int32Array(documents + 1);
  const df = db.prepare<[string], number>('SELECT df FROM vocab WHERE term = ?').pluck();
  for (const [id, title] of db.prepare<[], [number, string]>('SELECT id, title FROM docs').raw().iterate()) {
    let fewest = 0;
    for (const w of titleWords(title)) {
      if (w.length < MIN_MENTION_WORD) continue;
      const d = df.get(w) ?? 0;
      if (fewest === 0 || d < fewest) fewest = d;
    }
    out[id] = fewest;
  }
  return out;
}

/**
 * Write the full-text index of a catalog to `file` (SQLite with FTS5), replacing it atomically:
 * the database is built in `file + '.tmp'` in one transaction and renamed over `file`.
 *
 * @example
 * const { documents, bytes, ms } = writeFulltextIndex(catalog, join(out, 'search/fulltext.db'));
 */
export function writeFulltextIndex(catalog: Catalog, file: string, options: FulltextWriteOptions = {}): FulltextWriteStats {
  const entries = [...catalog.entries].sort((a, b) => fulltextOrder(a.monograph, b.monograph));
  const w = createFulltextWriter(file, options);
  try {
    for (const e of entries) w.add(e);
  } catch (e) {
    w.abort();
    throw e;
  }
  return w.finish();
}
