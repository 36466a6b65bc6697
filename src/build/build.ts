import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, entryKey, replaceBrands, type Catalog } from '../catalog/index.js';
import { discover, type DiscoveredFile } from '../content/index.js';
import { countByCode, countBySeverity, sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import type { CatalogEntry, Kind, Monograph } from '../model/index.js';
import { NORMALIZER_VERSION, type Fidelity, type NormalizeResult } from '../normalize/index.js';
import { normalizeOne } from './normalize-one.js';
import { buildNamesIndex } from '../search/index.js';
import { FULLTEXT_FILE } from '../search/engine/index.js';
import type { FulltextWriteStats } from '../search/fulltext/index.js';
import { writeFulltextInBackground } from './fulltext-job.js';
import { checkFilesInBackground } from './quality-job.js';
import { ASSET_FILES, eachSitePage, entryPage, QUALITY_FILE, qualityPageSpec, type AdSlots, type PageSpec, type SiteOptions } from '../site/index.js';
import { fileContextData, lazyCheckFilesOf, runCatalogChecks, runChecks } from '../check/index.js';
import { apiDrugFiles, apiFiles, apiIds, apiIndexFiles, staleApiFiles, toListItem } from '../api/index.js';
import { Store } from '../store/index.js';
import { REGISTRY_FILES } from '../content/banned-registry.js';
import type { BanRecord } from '../model/index.js';
import { loadBrandFile, loadRegistries, reloadEditedRows, type BrandFileLoad, type RowEdit } from './brand-files.js';
import { normalizeInWorkers, PARALLEL_THRESHOLD, type PoolResult } from './pool.js';
import { copyUnder, SiteWriter, stagingDir, swapInto, ThreadedWriter, writeAtomic, writeUnder, type FileSink } from './write.js';

export interface BuildOptions {
  /** Content folders (Astro, Jekyll or plain layout); merged into one catalog. */
  contentDirs: string[];
  /** Output folder; replaced atomically. */
  outDir: string;
  siteUrl?: string | null;
  siteName?: string;
  adSlots?: AdSlots;
  /** Cache folder for the SQLite store; null disables the cache. Default `.formulary`. */
  cacheDir?: string | null;
  /** Brand catalogs (CSV) to import as brand pages (`--brands`). */
  brandFiles?: string[];
  /** Leave out the `/quality/` report page (a public build: `--public`). */
  public?: boolean;
  /** Publish the dose regimens read from the text in the API (`--regimens`, experimental). */
  regimens?: boolean;
  /** Source-line links on `/quality/`: a URL template with `{file}` and `{line}`. */
  qualitySourceUrl?: string;
  /**
   * The build's clock (default: now): the report's `builtAt`, the date of pages without a
   * `lastModified`, the time `/quality/` shows, and what its age rule counts from. Two builds of
   * the same content with the same clock write the same files (the CLI takes it from
   * `SOURCE_DATE_EPOCH`, the reproducible-builds convention).
   */
  builtAt?: Date;
  /** Progress callback: phase name, done, total. */
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface BuildReport {
  version: 1;
  builtAt: string;
  wallMs: number;
  contentDirs: string[];
  pages: number;
  counts: Record<Kind, number>;
  files: { total: number; used: number; failed: number; fromCache: number };
  diagnostics: { bySeverity: Record<string, number>; byCode: Record<string, number>; items: Diagnostic[] };
  fidelity: { files: number; complete: number; nonBlankLines: number; accountedLines: number; perSource: Fidelity[] };
  timingsMs: Record<string, number>;
  /** Brand catalogs imported: records per file and how many brands link to a composition or combination page. */
  brands: { files: { file: string; layout: string | null; records: number }[]; records: number; linked: number; linkedShare: number | null };
}

/** What a build keeps in memory so that a rebuild after an edit touches only what changed. */
export interface BuildState {
  /** The first build's time: rebuilds keep it, so pages without a lastModified keep their sitemap date. */
  builtAt: string;
  files: DiscoveredFile[];
  results: Map<string, NormalizeResult>;
  signatures: Map<string, string>;
  catalog: Catalog;
  brands: BrandFileLoad[];
  registry: { records: BanRecord[]; diagnostics: Diagnostic[] };
  /** The full-text index being written after a rebuild (it lags the pages by a few seconds); never rejects. */
  fulltext: Promise<FulltextWriteStats | Error> | null;
  /**
   * The API list pages being rewritten after a quick rebuild changed a row of the list (every page
   * carries the whole list's digest, so all are rewritten: a second for 250,000 brands, kept off
   * the path of the edited page); never rejects.
   */
  apiIndex: Promise<void | Error> | null;
}

interface Loaded {
  files: DiscoveredFile[];
  results: NormalizeResult[];
  fromCache: number;
}

/**
 * Digest of the code that turns a file into a cached result (content + normalize + model), so a
 * cache written by other code is never reused.
 */
let codeDigestMemo: string | null = null;
function codeDigest(): string {
  if (codeDigestMemo) return codeDigestMemo;
  const h = createHash('sha256').update(String(NORMALIZER_VERSION));
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  for (const dir of ['content', 'normalize', 'model', 'diagnostics']) {
    for (const f of readdirSync(join(root, dir)).sort()) if (/\.(ts|js)$/.test(f)) h.update(f).update(readFileSync(join(root, dir, f)));
  }
  codeDigestMemo = h.digest('hex').slice(0, 16);
  return codeDigestMemo;
}

/** The cache's folder and the version its results are stored under (exported for tests). */
const cacheDirOf = (opts: Pick<BuildOptions, 'cacheDir'>): string => resolve(opts.cacheDir ?? '.formulary');
export const storeVersion = (): string => `normalizer-${codeDigest()}`;

/** Discover and normalize every file, reusing cached results for unchanged files. */
type LoadOptions = Pick<BuildOptions, 'contentDirs' | 'cacheDir' | 'onProgress' | 'brandFiles'>;

async function load(
  opts: LoadOptions,
  previous: { files: DiscoveredFile[]; results: Map<string, NormalizeResult> } | null,
  changed: ReadonlySet<string> | null,
): Promise<Loaded> {
  const files = previous && changed ? refresh(previous.files, changed, opts) : opts.contentDirs.flatMap((d) => discover(d));
  const store = opts.cacheDir === null ? null : new Store(cacheDirOf(opts), storeVersion());
  const results: (NormalizeResult | undefined)[] = new Array<NormalizeResult | undefined>(files.length);
  let fromCache = 0;
  try {
    const todo: number[] = [];
    files.forEach((f, i) => {
      const prev = previous?.results.get(f.abs);
      if (prev && changed && !changed.has(f.abs)) {
        results[i] = prev;
        fromCache++;
        return;
      }
      const cached = store?.get(f.abs);
      if (cached && cached.mtimeMs === f.mtimeMs && cached.size === f.size) {
        results[i] = JSON.parse(cached.json) as NormalizeResult;
        fromCache++;
        return;
      }
      todo.push(i);
    });
    opts.onProgress?.('read', fromCache, files.length);
    const todoFiles = todo.map((i) => files[i]!);
    let done = fromCache;
    const take = (k: number, got: PoolResult): void => {
      const fileIndex = todo[k]!;
      const f = files[fileIndex]!;
      const r = got.result ?? (JSON.parse(got.json) as NormalizeResult);
      results[fileIndex] = r;
      if (store) store.put(f.abs, f.mtimeMs, f.size, r.digest, got.json ?? JSON.stringify(r));
      if (++done % 200 === 0) opts.onProgress?.('read', done, files.length);
    };
    store?.begin();
    try {
      if (todo.length >= PARALLEL_THRESHOLD) await normalizeInWorkers(todoFiles, take);
      else todoFiles.forEach((f, k) => take(k, { result: normalizeOne(f) }));
      store?.commit();
    } catch (e) {
      store?.rollback();
      throw e;
    }
    if (store && !changed) store.prune(new Set(files.map((f) => f.abs)));
  } finally {
    store?.close();
  }
  opts.onProgress?.('read', files.length, files.length);
  return { files, results: results as NormalizeResult[], fromCache };
}

/**
 * The file list after `changed` paths were edited: when every changed path is a file we already
 * know and still exists, only those are stat'ed again; an added or removed file means a full walk.
 */
function refresh(files: DiscoveredFile[], changed: ReadonlySet<string>, opts: LoadOptions): DiscoveredFile[] {
  const byPath = new Map(files.map((f, i) => [f.abs, i]));
  const out = [...files];
  for (const path of changed) {
    const i = byPath.get(path);
    if (i === undefined) return opts.contentDirs.flatMap((d) => discover(d));
    try {
      const st = statSync(path);
      out[i] = { ...out[i]!, mtimeMs: st.mtimeMs, size: st.size };
    } catch {
      return opts.contentDirs.flatMap((d) => discover(d));
    }
  }
  return out;
}

function siteOptions(opts: BuildOptions, builtAt: string): SiteOptions {
  const options: SiteOptions = { siteUrl: opts.siteUrl ?? null, siteName: opts.siteName ?? 'Formulary', adSlots: opts.adSlots ?? {}, builtAt };
  if (opts.regimens === true) options.regimens = true;
  return options;
}

/** Files every build writes besides the pages: names index, assets, site.json. */
function extraFiles(catalog: Catalog, options: SiteOptions): { path: string; contents: string }[] {
  return [
    { path: 'search/names.json', contents: JSON.stringify(buildNamesIndex(catalog)) },
    { path: 'site.json', contents: JSON.stringify(options) },
  ];
}

/**
 * The `/quality/` report: every check rule over the loaded files (texts re-read, not re-parsed) and
 * the catalog. Started before the pages render: for a large site with a cache, the file rules run
 * on a worker meanwhile (`checkFilesInBackground`); `page()` then runs the catalogue rules here. If
 * that worker fails, every rule runs here instead: the report is the same either way.
 */
function startQualityPage(loaded: Loaded, catalog: Catalog, options: SiteOptions, opts: BuildOptions): { page(): Promise<PageSpec>; stop(): void } {
  const files = lazyCheckFilesOf(loaded.files, loaded.results);
  const content = { files, catalog };
  // Page ages are counted from the build's clock, so the report is a function of content and clock.
  const checks = { now: new Date(options.builtAt) };
  const stop = new AbortController();
  const background =
    opts.cacheDir !== null && files.length >= PARALLEL_THRESHOLD
      ? settle(checkFilesInBackground(loaded.files, fileContextData(content, checks), cacheDirOf(opts), storeVersion(), stop.signal))
      : null;
  return {
    stop: () => stop.abort(),
    async page() {
      const fileFindings = background === null ? null : await background;
      if (fileFindings instanceof Error) {
        // A bug, not bad content: say so, and make the same report here.
        process.emitWarning(`${fileFindings.message}. The /quality/ report's checks ran on the build's own thread instead (the same report, a few seconds slower); please report this warning.`);
      }
      const findings = fileFindings === null || fileFindings instanceof Error ? runChecks(content, checks) : runCatalogChecks(content, fileFindings, checks);
      return qualityPageSpec(findings, catalog, files.length, options, opts.qualitySourceUrl !== undefined ? { sourceUrl: opts.qualitySourceUrl } : {});
    },
  };
}

/** A promise that resolves with the error instead of rejecting (nothing is left unhandled). */
function settle<T>(p: Promise<T>): Promise<T | Error> {
  return p.catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
}

/** Everything linked from the content folders, the brand catalogs and the banned registries. */
function linkAll(loaded: Loaded, extra: Extra): Catalog {
  const monographs = loaded.results.flatMap((r) => (r.monograph ? [r.monograph] : []));
  // One by one: `push(...list)` overflows the call stack past ~100,000 items (a 250,000-row catalog).
  for (const b of extra.brands) for (const m of b.monographs) monographs.push(m);
  return buildCatalog(monographs, { registry: extra.registry.records });
}

/** Inputs besides the markdown files: brand catalogs and banned registries. */
interface Extra {
  brands: BrandFileLoad[];
  registry: { records: BanRecord[]; diagnostics: Diagnostic[] };
}

function loadExtra(opts: LoadOptions, previous: Extra | null, changed: ReadonlySet<string> | null): Extra {
  const brands = (opts.brandFiles ?? []).map((f) => {
    const prev = previous?.brands.find((b) => b.abs === resolve(f));
    return prev && changed && !changed.has(prev.abs) ? prev : loadBrandFile(f);
  });
  return { brands, registry: loadRegistries(opts.contentDirs) };
}

/**
 * When every changed path is a brand catalog whose edits are row edits `reloadEditedRows` can
 * take (a price or pack changed, no row added or renamed), those rows re-read; else null.
 */
function editedRows(state: BuildState, changed: ReadonlySet<string>): { extra: Extra; edits: RowEdit[] } | null {
  const brands = [...state.brands];
  const edits: RowEdit[] = [];
  for (const path of changed) {
    const at = brands.findIndex((b) => b.abs === path);
    if (at < 0) return null;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return null;
    }
    const r = reloadEditedRows(brands[at]!, bytes);
    if (r === null) return null;
    brands[at] = r.load;
    edits.push(...r.edits);
  }
  return { extra: { brands, registry: state.registry }, edits };
}

/**
 * The brand summary, remembered for a catalog whose links were not redone: a quick rebuild keeps
 * the catalog's `diagnostics` array (`replaceBrands`, `relinkInPlace`), a relink makes a new one.
 */
let lastSummary: { diagnostics: readonly Diagnostic[]; loads: string; summary: BuildReport['brands'] } | null = null;
function brandSummary(extra: Extra, catalog: Catalog): BuildReport['brands'] {
  // Which catalogs with how many records (not the loads themselves: they would be kept alive).
  const loads = JSON.stringify(extra.brands.map((b) => [b.abs, b.layout, b.monographs.length]));
  if (lastSummary !== null && lastSummary.diagnostics === catalog.diagnostics && lastSummary.loads === loads) return lastSummary.summary;
  const summary = countBrands(extra, catalog);
  lastSummary = { diagnostics: catalog.diagnostics, loads, summary };
  return summary;
}

function countBrands(extra: Extra, catalog: Catalog): BuildReport['brands'] {
  const files = new Set(extra.brands.map((b) => b.file));
  let records = 0;
  let linked = 0;
  for (const e of catalog.entries) {
    if (e.monograph.kind !== 'medicine' || !e.monograph.sources.some((s) => files.has(s.file))) continue;
    records++;
    if (e.links.generic !== null) linked++;
  }
  return {
    files: extra.brands.map((b) => ({ file: b.file, layout: b.layout, records: b.monographs.length })),
    records,
    linked,
    linkedShare: records > 0 ? Math.round((linked / records) * 10000) / 10000 : null,
  };
}

/** The large parts of a report: every diagnostic (sorted) and every source's fidelity, with their JSON. */
interface ReportParts {
  inputs: readonly unknown[];
  diagnostics: Diagnostic[];
  bySeverity: Record<string, number>;
  byCode: Record<string, number>;
  perSource: Fidelity[];
  json: { items: string; perSource: string };
}

/**
 * The large parts of the report, remembered for the inputs they were made from (the same
 * objects): a rebuild that changed only a price in a 250,000-row catalog neither sorts the
 * diagnostics again nor turns them into JSON again (~10 MB).
 */
let lastParts: ReportParts | null = null;
function reportParts(loaded: Loaded, extra: Extra, catalog: Catalog): ReportParts {
  const inputs = [...loaded.results, ...extra.brands.flatMap((b) => [b.diagnostics, b.fidelity]), extra.registry.diagnostics, catalog.diagnostics];
  const last = lastParts;
  if (last !== null && last.inputs.length === inputs.length && last.inputs.every((x, i) => x === inputs[i])) return last;
  const diagnostics = sortDiagnostics([
    ...loaded.results.flatMap((r) => r.diagnostics),
    ...extra.brands.flatMap((b) => b.diagnostics),
    ...extra.registry.diagnostics,
    ...catalog.diagnostics,
  ]);
  const perSource = [...loaded.results.map((r) => r.fidelity), ...extra.brands.map((b) => b.fidelity)];
  const json = { items: JSON.stringify(diagnostics), perSource: JSON.stringify(perSource) };
  lastParts = { inputs, diagnostics, bySeverity: countBySeverity(diagnostics), byCode: countByCode(diagnostics), perSource, json };
  return lastParts;
}

/** The report as JSON: `JSON.stringify(rep)`, with the large parts' JSON reused when they are unchanged. */
function reportJson(rep: BuildReport): string {
  const parts = lastParts;
  if (parts === null || parts.diagnostics !== rep.diagnostics.items || parts.perSource !== rep.fidelity.perSource) return JSON.stringify(rep);
  const { diagnostics, fidelity, timingsMs, brands, ...head } = rep;
  const { items: _items, ...counts } = diagnostics;
  const { perSource: _perSource, ...sums } = fidelity;
  const diag = `${JSON.stringify(counts).slice(0, -1)},"items":${parts.json.items}}`;
  const fid = `${JSON.stringify(sums).slice(0, -1)},"perSource":${parts.json.perSource}}`;
  return `${JSON.stringify(head).slice(0, -1)},"diagnostics":${diag},"fidelity":${fid},"timingsMs":${JSON.stringify(timingsMs)},"brands":${JSON.stringify(brands)}}`;
}

/**
 * Pages per kind, counted once per entries array: a quick rebuild changes entries in place but
 * never their kinds or number (and reading the kind of 258,000 entries was 100 ms of a one-brand edit).
 */
const kindCounts = new WeakMap<readonly CatalogEntry[], Record<Kind, number>>();
function countsOf(entries: readonly CatalogEntry[]): Record<Kind, number> {
  let counts = kindCounts.get(entries);
  if (counts === undefined) {
    counts = { composition: 0, combination: 0, medicine: 0 };
    for (const e of entries) counts[e.monograph.kind]++;
    kindCounts.set(entries, counts);
  }
  return { ...counts };
}

function report(opts: BuildOptions, loaded: Loaded, extra: Extra, catalog: Catalog, pages: number, builtAt: string, wallMs: number, timingsMs: Record<string, number>): BuildReport {
  const parts = reportParts(loaded, extra, catalog);
  const { diagnostics, perSource } = parts;
  const counts = countsOf(catalog.entries);
  const used = loaded.results.filter((r) => r.monograph).length;
  return {
    version: 1,
    builtAt,
    wallMs: Math.round(wallMs),
    contentDirs: opts.contentDirs,
    pages,
    counts,
    files: { total: loaded.files.length, used, failed: loaded.results.length - used, fromCache: loaded.fromCache },
    diagnostics: { bySeverity: parts.bySeverity, byCode: parts.byCode, items: diagnostics },
    fidelity: {
      files: perSource.length,
      complete: perSource.filter((f) => f.accountedLines === f.nonBlankLines).length,
      nonBlankLines: perSource.reduce((a, f) => a + f.nonBlankLines, 0),
      accountedLines: perSource.reduce((a, f) => a + f.accountedLines, 0),
      perSource,
    },
    timingsMs,
    brands: brandSummary(extra, catalog),
  };
}

/**
 * Read and link the content without writing a site (what `formulary check` reports): every
 * file's diagnostics and the catalog's, sorted.
 */
export async function inspect(opts: LoadOptions): Promise<{ files: number; catalog: Catalog; diagnostics: Diagnostic[] }> {
  const loaded = await load(opts, null, null);
  const extra = loadExtra(opts, null, null);
  const catalog = linkAll(loaded, extra);
  const diagnostics = sortDiagnostics([
    ...loaded.results.flatMap((r) => r.diagnostics),
    ...extra.brands.flatMap((b) => b.diagnostics),
    ...extra.registry.diagnostics,
    ...catalog.diagnostics,
  ]);
  return { files: loaded.files.length + extra.brands.length, catalog, diagnostics };
}

/**
 * Build the whole site into a staging folder and swap it into `outDir` atomically.
 * Content problems are diagnostics in the report; only unusable options or I/O failures throw.
 * The site is complete when this resolves; the previous site, renamed aside, is still being
 * removed until `oldSiteRemoved` settles (a CLI waits for it before exiting).
 */
export async function build(opts: BuildOptions): Promise<{ report: BuildReport; state: BuildState; oldSiteRemoved: Promise<Error | null> }> {
  const t0 = performance.now();
  const builtAt = (opts.builtAt ?? new Date()).toISOString();
  const timingsMs: Record<string, number> = {};
  const lap = (name: string, since: number): number => {
    const now = performance.now();
    timingsMs[name] = Math.round(now - since);
    return now;
  };
  const loaded = await load(opts, null, null);
  const extra = loadExtra(opts, null, null);
  let t = lap('load', t0);
  const catalog = linkAll(loaded, extra);
  t = lap('catalog', t);
  const options = siteOptions(opts, builtAt);
  const staging = stagingDir(opts.outDir);
  const signatures = new Map<string, string>();
  // The full-text index is written on a worker while this thread checks and renders the pages.
  const fulltext = settle(writeFulltextInBackground(catalog, join(staging, FULLTEXT_FILE)));
  // Pages are written on a worker while the next ones render (small sites: right here).
  const writer: FileSink = catalog.entries.length >= PARALLEL_THRESHOLD ? new ThreadedWriter(staging) : new SiteWriter(staging);
  let quality: ReturnType<typeof startQualityPage> | null = null;
  try {
    const put = (p: PageSpec): void => {
      writer.write(p.path, p.render());
      signatures.set(p.path, p.signature);
    };
    // Not part of `sitePages`, so neither in the sitemap nor in the search indexes.
    quality = opts.public !== true ? startQualityPage(loaded, catalog, options, opts) : null;
    // One page at a time: each spec is rendered, written and dropped (memory stays flat).
    // Progress counts the drug pages (the few list, sitemap and redirect files are not known ahead).
    const total = catalog.entries.length;
    let i = 0;
    for (const p of eachSitePage(catalog, options)) {
      if (i % 100 === 0) {
        opts.onProgress?.('render', Math.min(i, total), total);
        // Let the full-text worker's requests for text through.
        await new Promise<void>((go) => setImmediate(go));
      }
      i++;
      put(p);
    }
    t = lap('render', t);
    // The JSON API (static files, the same shapes `serve` answers): one document at a time.
    for await (const f of apiFiles(catalog, options)) writer.write(f.path, f.contents);
    writer.close();
    opts.onProgress?.('render', total, total);
    for (const f of extraFiles(catalog, options)) writeUnder(staging, f.path, f.contents);
    for (const a of ASSET_FILES) copyUnder(staging, a.path, a.file);
    t = lap('api', t);
    if (quality !== null) {
      const page = await quality.page();
      writeUnder(staging, page.path, page.render());
      signatures.set(page.path, page.signature);
      t = lap('quality', t);
    }
    const written = await fulltext;
    if (written instanceof Error) throw written;
    t = lap('fulltext', t);
    const rep = report(opts, loaded, extra, catalog, signatures.size, builtAt, performance.now() - t0, timingsMs);
    writeUnder(staging, 'build-report.json', reportJson(rep));
    const oldSiteRemoved = swapInto(staging, opts.outDir);
    lap('write', t);
    // The swapped-in site is complete with its report; rewritten so its wall time includes the swap.
    rep.wallMs = Math.round(performance.now() - t0);
    writeAtomic(opts.outDir, 'build-report.json', reportJson(rep));
    const results = new Map(loaded.files.map((f, i) => [f.abs, loaded.results[i]!]));
    return { report: rep, state: { builtAt, files: loaded.files, results, signatures, catalog, ...extra, fulltext: null, apiIndex: null }, oldSiteRemoved };
  } catch (e) {
    quality?.stop();
    await writer.abort();
    await fulltext;
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Rebuild in place after files changed: re-read only `changed` files, re-link, and re-render only
 * the pages whose signature changed (each written atomically); pages that no longer exist are removed.
 */
export async function rebuild(
  opts: BuildOptions,
  state: BuildState,
  changed: ReadonlySet<string>,
): Promise<{ report: BuildReport; state: BuildState; written: string[]; removed: string[] }> {
  const t0 = performance.now();
  const timingsMs: Record<string, number> = {};
  let t = t0;
  const lap = (name: string): void => {
    const now = performance.now();
    timingsMs[name] = Math.round(now - t);
    t = now;
  };
  const builtAt = state.builtAt;
  // Brand catalogs and banned registries are read by `loadExtra`; everything else is markdown.
  const isExtra = (p: string): boolean => state.brands.some((b) => b.abs === p) || REGISTRY_FILES.some((n) => opts.contentDirs.some((d) => resolve(d, n) === p));
  const extraChanged = [...changed].some(isExtra);
  const markdownChanged = new Set([...changed].filter((p) => !isExtra(p)));
  // Only catalogs or registries changed: the markdown results stand as they are.
  const loaded: Loaded =
    markdownChanged.size === 0 ? { files: state.files, results: state.files.map((f) => state.results.get(f.abs)!), fromCache: state.files.length } : await load(opts, state, markdownChanged);
  const rows = extraChanged && markdownChanged.size === 0 ? editedRows(state, changed) : null;
  const extra = rows?.extra ?? (extraChanged ? loadExtra(opts, state, changed) : { brands: state.brands, registry: state.registry });
  lap('load');
  const options = siteOptions(opts, builtAt);
  const quick = rows ? replaceBrands(state.catalog, rows.edits) : extraChanged ? null : relinkInPlace(state, loaded, markdownChanged);
  let catalog: Catalog;
  let signatures: Map<string, string>;
  let apiIndex = state.apiIndex;
  const written: string[] = [];
  const removed: string[] = [];
  if (quick) {
    // Nothing any other page shows changed: render only the edited entries' pages. The catalog
    // was changed in place: should this rebuild fail after this point, the state passed in holds
    // the new monographs with the old files' rows and signatures, so the next rebuild finds the
    // same edits, applies them again (to the same effect) and writes the pages still missing.
    catalog = quick.catalog;
    lap('catalog');
    // The previous state's map, updated in place (a copy is ~50 ms for 250,000 pages): entries
    // change only for pages written just now, so on a later failure it still describes the disk.
    signatures = state.signatures;
    for (const entry of quick.changed) {
      const page = entryPage(catalog, entry, options);
      if (signatures.get(page.path) === page.signature) continue;
      writeAtomic(opts.outDir, page.path, page.render());
      signatures.set(page.path, page.signature);
      written.push(page.path);
    }
    // Their API documents; the list (index.json last) only when a row of it changed; the bulk
    // file waits for the next full build.
    for (const f of apiDrugFiles(catalog, quick.changed, options)) writeAtomic(opts.outDir, f.path, f.contents);
    if (listRowsChanged(catalog, quick, options)) {
      const previous = state.apiIndex;
      apiIndex = settle(
        new Promise<void>((go) => setImmediate(go))
          .then(() => previous)
          .then(() => {
            for (const f of apiIndexFiles(catalog, options)) writeAtomic(opts.outDir, f.path, f.contents);
          }),
      );
    }
    lap('render');
  } else {
    catalog = linkAll(loaded, extra);
    lap('catalog');
    signatures = new Map<string, string>();
    for (const p of eachSitePage(catalog, options)) {
      signatures.set(p.path, p.signature);
      if (state.signatures.get(p.path) === p.signature) continue;
      writeAtomic(opts.outDir, p.path, p.render());
      written.push(p.path);
    }
    // The `/quality/` report stays as the last full build wrote it (re-checking everything takes
    // seconds; the page states when it was made); it must not be removed as a page that went away.
    const quality = state.signatures.get(QUALITY_FILE);
    if (quality !== undefined) signatures.set(QUALITY_FILE, quality);
    for (const path of state.signatures.keys()) {
      if (!signatures.has(path)) {
        rmSync(resolve(opts.outDir, path), { force: true });
        removed.push(path);
      }
    }
    lap('render');
    for (const f of extraFiles(catalog, options)) writeAtomic(opts.outDir, f.path, f.contents);
    // A list rewrite still pending from a quick rebuild must not land after this one.
    await state.apiIndex;
    apiIndex = null;
    const apiWritten = new Set<string>();
    for await (const f of apiFiles(catalog, options)) {
      writeAtomic(opts.outDir, f.path, f.contents);
      apiWritten.add(f.path);
    }
    for (const f of staleApiFiles(opts.outDir, apiWritten)) rmSync(join(opts.outDir, f), { force: true });
    lap('extras');
  }
  // Rewritten in the background when a page changed (it takes seconds on a large site; the edited
  // page is already served); one write at a time, because each goes through the same temporary file.
  let fulltext = state.fulltext;
  if (written.length > 0 || removed.length > 0) {
    const previous = state.fulltext;
    // Started after this rebuild returns: even extracting the text (~0.4 s for the real corpora)
    // stays off the path of the edited page.
    fulltext = settle(
      new Promise<void>((go) => setImmediate(go))
        .then(() => previous)
        .then(() => writeFulltextInBackground(catalog, join(opts.outDir, FULLTEXT_FILE))),
    );
  }
  timingsMs['total'] = Math.round(performance.now() - t0);
  const rep = report(opts, loaded, extra, catalog, signatures.size, builtAt, performance.now() - t0, timingsMs);
  writeAtomic(opts.outDir, 'build-report.json', reportJson(rep));
  lap('report');
  const results = new Map(loaded.files.map((f, i) => [f.abs, loaded.results[i]!]));
  return { report: rep, state: { builtAt, files: loaded.files, results, signatures, catalog, ...extra, fulltext, apiIndex }, written, removed };
}

/** A catalog changed in place by a quick rebuild: the entries whose pages can show it, and each replaced entry as it was. */
interface QuickRelink {
  catalog: Catalog;
  changed: CatalogEntry[];
  replaced: ReadonlyMap<CatalogEntry, CatalogEntry>;
}

/** Whether the API list rows of the changed entries differ from their rows before (same kinds and slugs, so the same ids). */
function listRowsChanged(catalog: Catalog, quick: QuickRelink, options: Pick<SiteOptions, 'regimens'>): boolean {
  const ids = apiIds(catalog);
  return quick.changed.some((e) => {
    const old = quick.replaced.get(e);
    return old !== undefined && JSON.stringify(toListItem(old, ids, options)) !== JSON.stringify(toListItem(e, ids, options));
  });
}

/** Everything about a monograph that a page other than its own shows, or that linking reads. */
function linkKey(m: Monograph): string {
  return JSON.stringify([m.kind, m.slug, m.title, m.genericName, m.brandNames, m.synonyms, m.ingredients, m.isBanned, m.lastModified, m.product, m.aliases, m.sources.map((s) => s.file)]);
}

/**
 * When every changed file is a known file whose monograph (and its merged entry) keeps the same
 * link key, the catalog's links cannot change: swap in the re-merged monographs of the affected
 * entries and report them. Otherwise null (the caller relinks everything).
 */
function relinkInPlace(state: BuildState, loaded: Loaded, changed: ReadonlySet<string>): QuickRelink | null {
  const byFile = new Map<string, NormalizeResult>();
  loaded.results.forEach((r) => byFile.set(r.file, r));
  const touched = new Map<CatalogEntry, number>();
  for (const abs of changed) {
    const before = state.results.get(abs)?.monograph;
    const i = loaded.files.findIndex((f) => f.abs === abs);
    const after = i >= 0 ? loaded.results[i]?.monograph : undefined;
    if (!before || !after || linkKey(before) !== linkKey(after)) return null;
    const file = after.sources[0]!.file;
    const index = state.catalog.entries.findIndex((e) => e.monograph.sources.some((s) => s.file === file));
    if (index < 0) return null;
    touched.set(state.catalog.entries[index]!, index);
  }
  // Every entry is merged again before any is swapped in, so a refusal leaves the catalog as it was.
  const swaps: [CatalogEntry, number, CatalogEntry][] = [];
  for (const [old, index] of touched) {
    const group = old.monograph.sources.map((s) => byFile.get(s.file)?.monograph);
    if (group.some((m) => !m)) return null;
    const merged = buildCatalog(group as Monograph[]).entries;
    if (merged.length !== 1 || linkKey(merged[0]!.monograph) !== linkKey(old.monograph)) return null;
    swaps.push([old, index, { ...old, monograph: merged[0]!.monograph }]);
  }
  // In place, as `replaceBrands` does: the same kinds and slugs, so the same API ids.
  const { catalog } = state;
  const replaced = new Map<CatalogEntry, CatalogEntry>();
  for (const [old, index, entry] of swaps) {
    catalog.entries[index] = entry;
    catalog.byKey.set(entryKey(entry.monograph.kind, entry.monograph.slug), entry);
    replaced.set(entry, old);
  }
  return { catalog, changed: [...replaced.keys()], replaced };
}

export type { Monograph };
