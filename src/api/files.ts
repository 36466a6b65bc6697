import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { createGzip, type Gzip } from 'node:zlib';
import type { Catalog } from '../catalog/index.js';
import type { CatalogEntry } from '../model/index.js';
import type { SiteOptions } from '../site/index.js';
import { renderApiDocs } from './docs-page.js';
import { toApiDrug } from './drug-document.js';
import { apiIds, fhirId } from './ids.js';
import { compareOrderKeys, listOrderKey, toListItem } from './list-item.js';
import { openApiDocument } from './openapi.js';
import { API_DOCS_PATH, BULK_PATH, drugPath, fileOf, INDEX_PAGE_SIZE, indexPagePath, OPENAPI_PATH } from './paths.js';
import { API_VERSION, type ApiIndexPage, type ApiListItem } from './schemas.js';

/** One file of the API, relative to the site root. */
export interface ApiFile {
  path: string;
  contents: string | Uint8Array;
}

/**
 * Every static file of the API, one at a time (a drug document is made, yielded and dropped, so
 * memory stays flat on a large catalog): `api/v1/drugs/<id>.json` per entry, then
 * `api/v1/bulk.ndjson.gz` (compressed on libuv's threads while the documents are made), the index
 * pages `api/v1/index-<n>.json` and **last** `api/v1/index.json` (a server reloading the list
 * waits for page 1, so write the files in the order given), then `api/openapi.json` and
 * `api/docs/index.html`. Deterministic: the same catalog and options give the same bytes.
 *
 * @example
 * for await (const f of apiFiles(catalog, options)) await writer.write(f.path, f.contents);
 */
export async function* apiFiles(catalog: Pick<Catalog, 'entries'>, options: Pick<SiteOptions, 'siteUrl' | 'siteName' | 'regimens'>): AsyncGenerator<ApiFile> {
  const ids = apiIds(catalog);
  checkFhirIds(catalog.entries.map((e) => ids.of(e)));
  const bulk = new GzipCollector();
  try {
    for (const entry of catalog.entries) {
      const text = JSON.stringify(toApiDrug(entry, ids, { regimens: options.regimens === true }));
      yield { path: fileOf(drugPath(ids.of(entry))), contents: text };
      await bulk.write(text + '\n');
    }
    yield { path: fileOf(BULK_PATH), contents: await bulk.end() };
  } finally {
    bulk.destroy();
  }
  yield* apiIndexFiles(catalog, options);
  yield* apiDocFiles(options);
}

/**
 * The index pages alone, `index.json` last (cheap: list rows only). A rebuild that re-renders a
 * few entries writes these with their `apiDrugFiles`; a stale page can never be mixed in, since
 * every page carries the list's digest.
 */
export function* apiIndexFiles(catalog: Pick<Catalog, 'entries'>, options: Pick<SiteOptions, 'regimens'> = {}, pageSize: number = INDEX_PAGE_SIZE): Generator<ApiFile> {
  // One page in memory at a time (the same bytes as `indexPages`): the entries are sorted by their
  // rows' keys, the digest is hashed row by row (as over `JSON.stringify` of the whole sorted list),
  // and each page's rows are made again when it is written. For 250,000 brands the whole list as
  // objects and page strings took ~0.5 GB at the build's peak; this way it is one page's worth.
  const ids = apiIds(catalog);
  const sorted = catalog.entries.map((entry) => ({ entry, key: listOrderKey({ title: entry.monograph.title, id: ids.of(entry) }) }));
  sorted.sort((a, b) => compareOrderKeys(a.key, b.key));
  const pages = pagesOf(sorted.length, (i) => toListItem(sorted[i]!.entry, ids, options), pageSize);
  const file = (page: () => ApiIndexPage, p: number): ApiFile => ({ path: fileOf(indexPagePath(p)), contents: JSON.stringify(page()) });
  for (let p = 2; p <= pages.length; p++) yield file(pages[p - 1]!, p);
  yield file(pages[0]!, 1);
}

/** The OpenAPI document and its HTML page (they depend only on the options). */
export function apiDocFiles(options: Pick<SiteOptions, 'siteUrl' | 'siteName'>): ApiFile[] {
  const doc = openApiDocument({ siteUrl: options.siteUrl, siteName: options.siteName });
  return [
    { path: fileOf(OPENAPI_PATH), contents: JSON.stringify(doc) },
    { path: `${fileOf(API_DOCS_PATH)}index.html`, contents: renderApiDocs(doc) },
  ];
}

/**
 * The drug documents of some entries, for a rebuild that re-renders only changed entries (ids
 * depend on the whole catalog, which is why it is passed). The bulk file changes only when
 * `apiFiles` runs again.
 */
export function apiDrugFiles(catalog: Pick<Catalog, 'entries'>, entries: readonly CatalogEntry[], options: Pick<SiteOptions, 'regimens'> = {}): ApiFile[] {
  const ids = apiIds(catalog);
  return entries.map((entry) => ({ path: fileOf(drugPath(ids.of(entry))), contents: JSON.stringify(toApiDrug(entry, ids, { regimens: options.regimens === true })) }));
}

/**
 * API files under `siteDir` that a run of `apiFiles` did not write (`written`: its paths): the
 * documents of entries that are gone and index pages past the new last one. For a rebuild in place,
 * which removes them after writing the new files.
 *
 * @example for (const f of staleApiFiles(out, written)) rmSync(join(out, f), { force: true });
 */
export function staleApiFiles(siteDir: string, written: ReadonlySet<string>): string[] {
  const stale: string[] = [];
  const list = (dir: string): string[] => {
    try {
      return readdirSync(join(siteDir, dir));
    } catch {
      return [];
    }
  };
  const drugs = fileOf(drugPath('x')).replace(/x\.json$/, '');
  for (const name of list(drugs)) if (name.endsWith('.json') && !written.has(drugs + name)) stale.push(drugs + name);
  const root = fileOf(indexPagePath(1)).replace(/index\.json$/, '');
  for (const name of list(root)) if (/^index-\d+\.json$/.test(name) && !written.has(root + name)) stale.push(root + name);
  return stale.sort();
}

/** The list rows, in index order, cut into linked pages; every page carries the digest of the whole list. */
export function indexPages(items: ApiListItem[], pageSize: number = INDEX_PAGE_SIZE): ApiIndexPage[] {
  const keyed = items.map((item) => ({ item, key: listOrderKey(item) }));
  keyed.sort((a, b) => compareOrderKeys(a.key, b.key));
  return pagesOf(keyed.length, (i) => keyed[i]!.item, pageSize).map((page) => page());
}

/**
 * The pages of `count` rows in index order, each made when called: `rowAt(i)` is asked for the
 * rows once for the digest (hashed row by row, the same bytes as over the JSON of the whole list)
 * and again for each page, so a caller that makes rows on demand holds one page's at a time.
 */
function pagesOf(count: number, rowAt: (i: number) => ApiListItem, pageSize: number): (() => ApiIndexPage)[] {
  const hash = createHash('sha256').update('[');
  for (let i = 0; i < count; i++) hash.update(i === 0 ? JSON.stringify(rowAt(i)) : `,${JSON.stringify(rowAt(i))}`);
  const digest = hash.update(']').digest('hex').slice(0, 32);
  const pages = Math.max(1, Math.ceil(count / pageSize));
  return Array.from({ length: pages }, (_, k) => () => {
    const items: ApiListItem[] = [];
    for (let i = k * pageSize; i < Math.min(count, (k + 1) * pageSize); i++) items.push(rowAt(i));
    return indexPage(k + 1, pages, pageSize, count, digest, items);
  });
}

function indexPage(p: number, pages: number, pageSize: number, total: number, digest: string, items: ApiListItem[]): ApiIndexPage {
  return {
    apiVersion: API_VERSION,
    page: p,
    pages,
    pageSize,
    total,
    digest,
    first: indexPagePath(1),
    prev: p > 1 ? indexPagePath(p - 1) : null,
    next: p < pages ? indexPagePath(p + 1) : null,
    items,
  };
}

/** Two API ids with one FHIR id would make one FHIR resource unreachable: refuse (a programmer error). */
function checkFhirIds(ids: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const id of ids) {
    const f = fhirId(id);
    const other = seen.get(f);
    if (other !== undefined) throw new Error(`api: "${id}" and "${other}" have the same FHIR id "${f}"`);
    seen.set(f, id);
  }
}

/** Uncompressed text handed to gzip at once; the stream holds at most `BUFFERED` before the build waits. */
const PIECE = 1 << 20;
const BUFFERED = 8 << 20;

/**
 * gzip on libuv's thread pool, output kept in memory (the compressed size only). Level 1: on the
 * real corpora's 227 MB of drug documents, 1.8 s and 43.7 MB against 5.3 s and 36.0 MB at level 6.
 * Compression only moves on when this thread's event loop turns (each finished piece starts the
 * next), so the text goes in 1 MB pieces and `write` lets the loop turn after each: the pool then
 * compresses one piece while the next documents are made. Before, every 40 KB document waited for
 * its own compression and the build's thread sat idle for it (40 % of the API step).
 */
class GzipCollector {
  // zlib streams take the stream options too (Node's `ZlibBase` hands them to `Transform`); the type omits them.
  readonly #gzip: Gzip = createGzip({ level: 1, chunkSize: 1 << 20, ...{ writableHighWaterMark: BUFFERED } });
  readonly #chunks: Buffer[] = [];
  #piece: string[] = [];
  #pieceLength = 0;

  constructor() {
    this.#gzip.on('data', (chunk: Buffer) => this.#chunks.push(chunk));
  }

  async write(text: string): Promise<void> {
    this.#piece.push(text);
    this.#pieceLength += text.length;
    if (this.#pieceLength >= PIECE) await this.#flush();
  }

  async #flush(): Promise<void> {
    if (this.#piece.length === 0) return;
    const room = this.#gzip.write(this.#piece.join(''));
    this.#piece = [];
    this.#pieceLength = 0;
    if (!room) await once(this.#gzip, 'drain');
    else await new Promise<void>((go) => setImmediate(go));
  }

  async end(): Promise<Uint8Array> {
    await this.#flush();
    const ended = once(this.#gzip, 'end');
    this.#gzip.end();
    await ended;
    return Buffer.concat(this.#chunks);
  }

  destroy(): void {
    this.#gzip.destroy();
  }
}
