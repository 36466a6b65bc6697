import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { CatalogEntry } from '../../../src/model/index.js';
import { createFulltextWriter, fulltextOrder } from '../../../src/search/fulltext/index.js';
import { buildNamesIndex, searchNames, type NamesIndex } from '../../../src/search/index.js';
import { catalogOf } from '../documents.js';
import type { Doc, Engine } from '../types.js';
import { gzippedJsonBytes } from './text.js';

/** The engine's site search API as assumed while it is being written (issue 3). */
interface SiteSearch {
  search(query: string, opts: { limit: number }): { results: { url: string }[] } | Promise<{ results: { url: string }[] }>;
  problems?(): string[];
  close?(): void;
}
interface EngineModule {
  openSiteSearch(siteDir: string, options?: { cacheEntries?: number }): SiteSearch | Promise<SiteSearch>;
}

const ROOT = resolve(import.meta.dirname, '../../..');
// A variable, so that TypeScript does not resolve a module that may not exist yet.
const ENGINE_MODULE = '../../../src/search/engine/index.js';

async function importEngine(): Promise<EngineModule | string> {
  try {
    const mod = (await import(ENGINE_MODULE)) as Partial<EngineModule>;
    return typeof mod.openSiteSearch === 'function' ? (mod as EngineModule) : `${ENGINE_MODULE} has no openSiteSearch`;
  } catch (e) {
    return `${ENGINE_MODULE} did not load: ${(e as Error).message.split('\n')[0]}`;
  }
}

/** Bytes of a site's search files as shipped: gzipped for JSON (sent to browsers), as is for the rest (server side). */
function searchBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
    const path = join(dir, e.name);
    return n + (e.isDirectory() ? searchBytes(path) : e.name.endsWith('.json') ? gzipSync(readFileSync(path)).byteLength : statSync(path).size);
  }, 0);
}

/**
 * Write only a site's search files (names tier and full-text tier) from the documents, with the
 * project's own writers: for corpora too large to build a whole site from here (250k pages).
 */
function writeSearchFiles(site: string, docs: readonly Doc[], entries: readonly CatalogEntry[]): void {
  mkdirSync(join(site, 'search'), { recursive: true });
  writeFileSync(join(site, 'search', 'names.json'), JSON.stringify(buildNamesIndex(catalogOf(entries))));
  const w = createFulltextWriter(join(site, 'search', 'fulltext.db'));
  for (const d of [...docs].sort(fulltextOrder)) {
    const fields = { title: d.title, names: d.names.join(' · '), usage: d.usage, body: d.body };
    w.addDocument({ slug: d.slug, kind: d.kind, title: d.title, url: d.url, banned: d.banned, drugClass: d.drugClass, company: null, fields });
  }
  w.finish();
}

export interface FormularyEngineOptions {
  /** Content folders the site is built from (the real engine searches a built site). */
  contentDirs: readonly string[];
  /** The corpus's catalog entries, text removed (for the names-tier fallback). */
  entries: readonly CatalogEntry[];
  /** Cache folder of `formulary build`. */
  cacheDir: string;
  /** `site` (default): build the whole site with `formulary build`; `docs`: write only its search files from the documents. */
  source?: 'site' | 'docs';
}

/**
 * Ours. When `src/search/engine` exports `openSiteSearch`, the site is built from the content
 * folders with the real CLI (`formulary build`, so build time is the whole site's, pages included,
 * with the build's parse cache in bench/.cache/formulary) and searched through it; with
 * `source: 'docs'` (the scale run) only its search files are written, from the same documents as
 * the peers. Index size: the site's `search/` folder (names.json gzipped, fulltext.db as is).
 * If the engine does not load, it falls back to the names tier alone (`buildNamesIndex` +
 * `searchNames`, no full text; size = names.json gzipped), reported as `formulary (names tier)`.
 */
export async function formularyEngine(options: FormularyEngineOptions): Promise<Engine> {
  const mod = await importEngine();
  if (typeof mod === 'string') {
    console.log(`note: formulary: ${mod}; measuring the names tier (buildNamesIndex + searchNames) instead`);
    let index: NamesIndex | null = null;
    const ready = (): NamesIndex => {
      if (index === null) throw new Error('formulary: search before build');
      return index;
    };
    return {
      name: 'formulary (names tier)',
      build() {
        index = buildNamesIndex(catalogOf(options.entries));
      },
      search: (q, limit) => searchNames(ready(), q, limit).map((m) => m.item.u),
      sizeBytes: () => gzippedJsonBytes(ready()),
    };
  }
  const site = join(mkdtempSync(join(tmpdir(), 'formulary-bench-site-')), 'site');
  let engine: SiteSearch | null = null;
  return {
    name: 'formulary',
    async build(docs) {
      if (options.source === 'docs') writeSearchFiles(site, docs, options.entries);
      else {
        // src/cli/main.ts exports `main(argv)` (bin/formulary.js calls it on lib/): call it on the sources.
        const script = `import { main } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/cli/main.ts')).href)}; process.exitCode = await main(JSON.parse(process.argv[1]));`;
        const argv = ['build', ...options.contentDirs, '--out', site, '--cache-dir', options.cacheDir, '--quiet'];
        execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, JSON.stringify(argv)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
      }
      // No response cache: the latency measured is the engine's, for every repetition of a query.
      engine = await mod.openSiteSearch(site, { cacheEntries: 0 });
      const problems = engine.problems?.() ?? [];
      if (problems.length > 0) console.log(`note: formulary: ${problems.join('; ')}`);
    },
    async search(q, limit) {
      if (engine === null) throw new Error('formulary: search before build');
      return (await engine.search(q, { limit })).results.map((r) => r.url);
    },
    sizeBytes: () => searchBytes(join(site, 'search')),
    close() {
      engine?.close?.();
      rmSync(resolve(site, '..'), { recursive: true, force: true });
    },
  };
}
