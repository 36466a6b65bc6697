/**
 * Why a judged query misses: for each query our engine does not answer perfectly (top-1 wrong, or
 * for indication/mechanism queries an expected page outside the top 10), prints the expected pages
 * with their ranks, what ranked instead (how it matched, the snippet), and for each expected page
 * missing from the top 10 where the query's words occur in it (usage/body). Not a benchmark: the
 * figures are `npm run bench:search`'s.
 *
 *   node --import tsx bench/search/diagnose.ts [--queries FILE] [--type indication,mechanism] [--q TEXT] [--all] [--rebuild]
 *
 * It links the real corpora once (full catalog entries cached in bench/.cache/diagnose, keyed like
 * the benchmark's corpus cache) and writes the site's two search files (names.json, fulltext.db)
 * into bench/.cache/diagnose/site with the project's own writers — the same files `formulary
 * build` writes, without the pages — so an engine change is seen in seconds. `--rebuild` rewrites
 * them (after a change to what is indexed).
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildCatalog, entryKey, type Catalog } from '../../src/catalog/index.js';
import type { CatalogEntry } from '../../src/model/index.js';
import { normalizeFile } from '../../src/normalize/index.js';
import { openSiteSearch } from '../../src/search/engine/index.js';
import { toFulltextDocument, writeFulltextIndex } from '../../src/search/fulltext/index.js';
import { buildNamesIndex } from '../../src/search/index.js';
import { cacheFileOf } from './documents.js';
import { K, scoreQuery } from './metrics.js';
import { QueryFileSchema } from './types.js';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '../..');
const { values } = parseArgs({
  options: {
    queries: { type: 'string', default: join(HERE, 'queries.json') },
    corpus: { type: 'string', default: join(ROOT, '..', 'shared', 'corpus') },
    type: { type: 'string' },
    q: { type: 'string' },
    all: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    summary: { type: 'boolean', default: false },
  },
});
const CACHE = join(ROOT, 'bench/.cache/diagnose');
const SITE = join(CACHE, 'site');
const dirs = ['rxhive-astro', 'rxhive-jekyll'].map((d) => join(resolve(values.corpus), d));

async function loadEntries(): Promise<CatalogEntry[]> {
  const { files, file } = cacheFileOf(dirs, CACHE);
  if (existsSync(file)) {
    const out: CatalogEntry[] = [];
    for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) if (line !== '') out.push(JSON.parse(line) as CatalogEntry);
    return out;
  }
  const monographs = files.flatMap((f) => normalizeFile({ file: f.file, bytes: readFileSync(f.abs), kindHint: f.kindHint }).monograph ?? []);
  const entries = buildCatalog(monographs).entries;
  mkdirSync(CACHE, { recursive: true });
  for (const old of readdirSync(CACHE)) if (/^corpus-\w+\.jsonl$/.test(old)) rmSync(join(CACHE, old));
  writeFileSync(file, entries.map((e) => JSON.stringify(e)).join('\n'));
  return entries;
}

const entries = await loadEntries();
const catalog: Catalog = {
  entries,
  byKey: new Map(entries.map((e) => [entryKey(e.monograph.kind, e.monograph.slug), e])),
  redirects: new Map(),
  substitutes: new Map(),
  registry: [],
  diagnostics: [],
};
const byUrl = new Map(entries.map((e) => [e.url, e]));
if (values.rebuild || !existsSync(join(SITE, 'search', 'fulltext.db'))) {
  mkdirSync(join(SITE, 'search'), { recursive: true });
  const names = JSON.stringify(buildNamesIndex(catalog));
  writeFileSync(join(SITE, 'search', 'names.json'), names);
  const stats = writeFulltextIndex(catalog, join(SITE, 'search', 'fulltext.db'));
  console.log(`wrote names.json (${(gzipSync(names).byteLength / 1024).toFixed(1)} KiB gzipped), fulltext.db (${(stats.bytes / 1e6).toFixed(1)} MB, ${(stats.ms / 1000).toFixed(1)} s)`);
}

const site = openSiteSearch(SITE);
const queries = QueryFileSchema.parse(JSON.parse(readFileSync(values.queries, 'utf8'))).queries.filter(
  (q) => (values.type === undefined || values.type.split(',').includes(q.type)) && (values.q === undefined || q.q === values.q),
);

/** Where the query's words occur in a page's indexed text: field and a short context. */
function occurrences(url: string, words: readonly string[]): string {
  const e = byUrl.get(url);
  if (e === undefined) return '  (not a page of the corpus)';
  const d = toFulltextDocument(e);
  const lines: string[] = [];
  for (const [field, text] of Object.entries(d.fields)) {
    const lower = text.toLowerCase();
    let count = 0;
    let first = -1;
    for (const w of words) {
      let i = lower.indexOf(w);
      if (i >= 0 && first < 0) first = i;
      while (i >= 0) {
        count++;
        i = lower.indexOf(w, i + 1);
      }
    }
    if (count > 0) lines.push(`${field}×${count} (${text.length} chars): …${text.slice(Math.max(0, first - 60), first + 80).replace(/\s+/g, ' ')}…`);
  }
  return lines.length === 0 ? '      words not found in any field' : lines.map((l) => `      ${l}`).join('\n');
}

const totals = new Map<string, { n: number; top1: number; recall: number; mrr: number; ndcg: number; rel1: number }>();
for (const q of queries) {
  const r = site.search(q.q, { limit: K });
  const urls = r.results.map((h) => h.url);
  const s = scoreQuery(urls, q.expect, q.safety);
  const t = totals.get(q.type) ?? { n: 0, top1: 0, recall: 0, mrr: 0, ndcg: 0, rel1: 0 };
  if (urls[0] !== undefined && q.expect.includes(urls[0])) t.rel1++;
  t.n++;
  t.top1 += s.top1;
  t.recall += s.recall;
  t.mrr += s.mrr;
  t.ndcg += s.ndcg;
  totals.set(q.type, t);
  const textual = q.type === 'indication' || q.type === 'mechanism';
  const perfect = s.top1 === 1 && (!textual || s.recall === 1) && s.safety === 0;
  if (perfect && !values.all) continue;
  if (values.summary) continue;
  console.log(`\n[${q.type}] ${JSON.stringify(q.q)}  top1=${s.top1} recall=${s.recall.toFixed(2)} safety=${s.safety}${r.didYouMean ? ` didYouMean=${r.didYouMean}` : ''}`);
  if (q.note) console.log(`  note: ${q.note}`);
  console.log('  expected:');
  for (const u of q.expect) {
    const rank = urls.indexOf(u);
    console.log(`    ${rank < 0 ? ' -' : String(rank + 1).padStart(2)} ${u}`);
  }
  console.log('  ranked:');
  r.results.forEach((h, i) => {
    const mark = h.url === q.expect[0] ? '*' : q.expect.includes(h.url) ? '+' : ' ';
    const snip = (h.snippet ?? '').replace(/<\/?mark>/g, '|').replace(/\s+/g, ' ').slice(0, 110);
    console.log(`   ${mark}${String(i + 1).padStart(2)} ${h.how.padEnd(11)} ${h.url}  [${h.matched}] ${snip}`);
  });
  if (textual) {
    const words = q.q.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 1);
    for (const u of q.expect.filter((x) => !urls.includes(x))) console.log(`  missing ${u}:\n${occurrences(u, words)}`);
  }
}
console.log('\nper type (this run):');
for (const [type, t] of totals) {
  console.log(`  ${type.padEnd(12)} top-1 ${((100 * t.top1) / t.n).toFixed(1)}% (relevant first ${t.rel1}/${t.n})  MRR ${(t.mrr / t.n).toFixed(3)}  nDCG@${K} ${(t.ndcg / t.n).toFixed(3)}  recall@${K} ${((100 * t.recall) / t.n).toFixed(1)}%  (${t.n})`);
}
site.close();
