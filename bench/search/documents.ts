import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildCatalog, entryKey, type Catalog } from '../../src/catalog/index.js';
import { discover, type DiscoveredFile } from '../../src/content/index.js';
import type { CatalogEntry, Faq, Section } from '../../src/model/index.js';
import { normalizeFile } from '../../src/normalize/index.js';
import type { Doc } from './types.js';

/** The code a cached corpus depends on: a change to any of its files invalidates the cache. */
const SOURCES = ['src/content', 'src/model', 'src/normalize', 'src/catalog', 'bench/search/documents.ts'].map((p) => join(import.meta.dirname, '../..', p));

/**
 * What the benchmark needs from a corpus: one document per catalog entry, and the entries
 * themselves without their text (sections, FAQs, alternates emptied) for engines that index the
 * catalog's names (the names tier), in the same order.
 */
export interface Corpus {
  docs: Doc[];
  entries: CatalogEntry[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Plain text of a section's sanitized HTML: tags become spaces, the renderer's entities are decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) =>
      e.startsWith('#') ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? m),
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** Overview sections go to `usage`; every other section but the disclaimer, and the FAQs, to `body`. */
function collect(sections: readonly Section[], faqs: readonly Faq[], usage: string[], body: string[]): void {
  for (const s of sections) {
    if (s.id === 'disclaimer' || (s.id === 'faqs' && faqs.length > 0)) continue;
    (s.id === 'overview' ? usage : body).push(htmlText(s.html));
  }
  for (const f of faqs) body.push(f.question, htmlText(f.answerHtml));
}

/** The benchmark document of one catalog entry: its own sections, per-ingredient groups and merged alternate sources. */
export function toDoc(entry: CatalogEntry): Doc {
  const m = entry.monograph;
  const usage: string[] = m.description.origin === 'frontmatter' ? [m.description.text] : [];
  const body: string[] = [];
  for (const src of [m, ...m.alternates]) {
    collect(src.sections, src.faqs, usage, body);
    for (const g of src.perIngredient) collect(g.sections, [], usage, body);
  }
  const names = [...new Set([...m.brandNames, ...m.synonyms, m.genericName ?? '', ...m.ingredients].filter((n) => n !== '' && n !== m.title))];
  return {
    url: entry.url,
    kind: m.kind,
    slug: m.slug,
    title: m.title,
    names,
    usage: usage.filter((t) => t !== '').join('\n'),
    body: body.filter((t) => t !== '').join('\n'),
    banned: entry.banned.value,
    drugClass: m.drugClass?.text ?? null,
  };
}

/** An entry without its text: what a names index reads. */
const slim = (e: CatalogEntry): CatalogEntry => ({ ...e, monograph: { ...e.monograph, sections: [], perIngredient: [], faqs: [], alternates: [] } });

/** A catalog over slim entries (no redirects or diagnostics: the benchmark does not need them). */
export function catalogOf(entries: readonly CatalogEntry[]): Catalog {
  return { entries: [...entries], byKey: new Map(entries.map((e) => [entryKey(e.monograph.kind, e.monograph.slug), e])), redirects: new Map(), substitutes: new Map(), registry: [], diagnostics: [] };
}

/**
 * Normalize `files` and link them as `test/corpus/corpus.test.ts` does. With `chunk`, files are
 * linked `chunk` at a time so that memory stays bounded (for synthetic corpora, whose files never
 * describe the same drug twice).
 */
export function corpusFromFiles(files: readonly DiscoveredFile[], chunk = Infinity): Corpus {
  const out: Corpus = { docs: [], entries: [] };
  for (let i = 0; i < files.length; i += chunk) {
    const monographs = files
      .slice(i, i + chunk)
      .flatMap((f) => normalizeFile({ file: f.file, bytes: readFileSync(f.abs), kindHint: f.kindHint }).monograph ?? []);
    for (const e of buildCatalog(monographs).entries) {
      out.docs.push(toDoc(e));
      out.entries.push(slim(e));
    }
  }
  return out;
}

/** A digest of the file list with sizes and mtimes, and of the code that reads it. */
function digestOf(files: readonly DiscoveredFile[]): string {
  const h = createHash('sha256');
  for (const src of SOURCES) {
    const code = statSync(src).isDirectory() ? readdirSync(src, { recursive: true, encoding: 'utf8' }).sort().map((f) => join(src, f)) : [src];
    for (const f of code) if (f.endsWith('.ts')) h.update(readFileSync(f));
  }
  for (const f of files) {
    const st = statSync(f.abs);
    h.update(`${f.abs}\t${st.size}\t${st.mtimeMs}\n`);
  }
  return h.digest('hex').slice(0, 16);
}

/** Reads a corpus written by {@link writeCorpus}: one `[doc, entry]` JSON array a line. */
export async function readCorpus(file: string): Promise<Corpus> {
  const corpus: Corpus = { docs: [], entries: [] };
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line === '') continue;
    const [doc, entry] = JSON.parse(line) as [Doc, CatalogEntry];
    corpus.docs.push(doc);
    corpus.entries.push(entry);
  }
  return corpus;
}

/** Writes a corpus one line per document (a corpus of 250k documents is larger than a string can be). */
function writeCorpus(file: string, corpus: Corpus): void {
  const fd = openSync(`${file}.tmp`, 'w');
  corpus.docs.forEach((d, i) => writeSync(fd, `${JSON.stringify([d, corpus.entries[i]])}\n`));
  closeSync(fd);
  renameSync(`${file}.tmp`, file);
}

/** The files of `dirs` and the cache file of their corpus. */
export function cacheFileOf(dirs: readonly string[], cacheDir: string): { files: DiscoveredFile[]; file: string } {
  const files = dirs.flatMap((d) => discover(d));
  return { files, file: join(cacheDir, `corpus-${digestOf(files)}.jsonl`) };
}

/**
 * The corpus of `dirs`, from `cacheDir` when neither its files nor the code that reads them changed
 * since it was cached (normalizing the real corpus takes 15–60 s); a new cache file replaces the
 * older ones. `chunk` as for {@link corpusFromFiles}.
 */
export async function loadCorpus(dirs: readonly string[], cacheDir: string, chunk = Infinity): Promise<Corpus & { cached: boolean; file: string }> {
  const { files, file } = cacheFileOf(dirs, cacheDir);
  if (existsSync(file)) return { ...(await readCorpus(file)), cached: true, file };
  const corpus = corpusFromFiles(files, chunk);
  mkdirSync(cacheDir, { recursive: true });
  for (const old of readdirSync(cacheDir)) if (/^corpus-\w+\.jsonl$/.test(old)) rmSync(join(cacheDir, old));
  writeCorpus(file, corpus);
  return { ...corpus, cached: false, file };
}
