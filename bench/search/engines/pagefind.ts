import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';
import type { Doc, Engine } from '../types.js';

/** The part of the generated `pagefind.js` (the browser search API) used here. */
interface PagefindSearchApi {
  options(o: { basePath: string }): Promise<void>;
  init(): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const filter = (name: string, value: string): string => `<span data-pagefind-filter="${name}">${esc(value)}</span>`;

/**
 * A document as a page for Pagefind. Custom records (`addCustomRecord`) take one flat text with no
 * weights, so each document is given as HTML instead (`addHTMLFile` with an explicit url), using
 * Pagefind's own weighting: the title in an `<h1>` weighted 10 (Pagefind's default for `<h1>` is 7),
 * names 5, usage 2, the rest 1: the same boosts as the other engines. Filters (kind, banned, class)
 * sit inside `data-pagefind-ignore`, so they are facets without being indexed as words.
 */
export function pageHtml(d: Doc): string {
  const filters = [filter('kind', d.kind), filter('banned', d.banned ? 'yes' : 'no'), ...(d.drugClass === null ? [] : [filter('class', d.drugClass)])];
  return (
    `<html lang="en"><body><h1 data-pagefind-weight="10">${esc(d.title)}</h1>` +
    `<p data-pagefind-weight="5">${esc(d.names.join(' · '))}</p>` +
    `<section data-pagefind-weight="2">${esc(d.usage)}</section><section>${esc(d.body)}</section>` +
    `<div data-pagefind-ignore>${filters.join('')}</div></body></html>`
  );
}

function dirBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}

/**
 * Pagefind (the original site's engine), indexed with its Node API and searched with its real
 * browser search code: the generated `pagefind.js` runs in Node (it supports Node since 1.4) with a
 * `fetch` shim that serves the bundle's files from disk, so its WebAssembly, chunk loading and
 * ranking are the ones a browser runs. Each query loads the fragments of its first `limit` results
 * (Pagefind needs them to know the URLs); chunks and fragments are cached after first use, as in a
 * browser. Size is the whole output directory (its files are already gzipped).
 */
export function pagefindEngine(): Engine {
  const out = mkdtempSync(join(tmpdir(), 'formulary-bench-pagefind-'));
  const bundle = join(out, 'pagefind');
  const realFetch = globalThis.fetch;
  let api: PagefindSearchApi | null = null;
  return {
    name: 'pagefind',
    async build(docs) {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
      if (!index) throw new Error(`pagefind: createIndex failed: ${errors.join('; ')}`);
      for (let i = 0; i < docs.length; i += 256) {
        const added = await Promise.all(docs.slice(i, i + 256).map((d) => index.addHTMLFile({ url: d.url, content: pageHtml(d) })));
        const failed = added.flatMap((r) => r.errors);
        if (failed.length > 0) throw new Error(`pagefind: addHTMLFile failed: ${failed.slice(0, 3).join('; ')}`);
      }
      const written = await index.writeFiles({ outputPath: bundle });
      if (written.errors.length > 0) throw new Error(`pagefind: writeFiles failed: ${written.errors.join('; ')}`);
      await pagefind.close();
      globalThis.fetch = async (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (!url.startsWith('/pagefind/')) return realFetch(input, init);
        return new Response(readFileSync(join(bundle, url.slice('/pagefind/'.length).split('?')[0]!)));
      };
      api = (await import(pathToFileURL(join(bundle, 'pagefind.js')).href)) as PagefindSearchApi;
      await api.options({ basePath: '/pagefind/' });
      await api.init();
    },
    async search(q, limit) {
      if (api === null) throw new Error('pagefind: search before build');
      const { results } = await api.search(q);
      return Promise.all(results.slice(0, limit).map(async (r) => (await r.data()).url));
    },
    sizeBytes: () => dirBytes(bundle),
    close() {
      globalThis.fetch = realFetch;
      rmSync(out, { recursive: true, force: true });
    },
  };
}
