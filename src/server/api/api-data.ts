import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiIndexPageSchema, compareOrderKeys, fhirId, fileOf, indexPagePath, listOrderKey, type ApiListItem } from '../../api/index.js';
import { normalizeName } from '../../search/index.js';
import { statOrNull, versionOf } from '../file-version.js';

/** The catalog list as the server answers from it, with the lookups its routes need. */
export interface ApiData {
  /** Changes with every new `index.json` (a rebuild). */
  version: string;
  /** In index order (title without case and accents, then id). */
  items: readonly ApiListItem[];
  keys: readonly (readonly [string, string])[];
  byId: ReadonlyMap<string, ApiListItem>;
  byFhirId: ReadonlyMap<string, ApiListItem>;
  /** Page path → entry, to follow `_redirects` from an old slug to the entry. */
  byUrl: ReadonlyMap<string, ApiListItem>;
  /** Normalized (`normalizeName`) class label, class text and company per item, for filters. */
  norm: readonly { classLabel: string; drugClass: string; company: string }[];
}

export interface ApiDataSource {
  /** The list as on disk now (one stat per call; re-read after a rebuild), or null when the site has none. */
  get(): ApiData | null;
}

/**
 * Read the static index pages of a built site (`api/v1/index.json` and the pages it links), and
 * read them again when `index.json` changes. The build writes `index.json` last, and every page
 * carries the digest of the whole list, so a half-written list is never used: the previous one
 * stays until the pages agree. Problems (missing, broken, mixed builds) are reported once per
 * version of `index.json`, never thrown.
 */
export function openApiData(siteDir: string, onProblem: (message: string) => void = () => {}): ApiDataSource {
  const first = join(siteDir, fileOf(indexPagePath(1)));
  let version = '';
  let data: ApiData | null = null;
  return {
    get() {
      const st = statOrNull(first);
      const now = st === null || !st.isFile() ? 'missing' : versionOf(st);
      if (now === version) return data;
      version = now;
      if (now === 'missing') {
        data = null;
        return null;
      }
      const loaded = readPages(siteDir, now);
      if ('problem' in loaded) onProblem(loaded.problem);
      else data = loaded;
      return data;
    },
  };
}

function readPages(siteDir: string, version: string): ApiData | { problem: string } {
  const items: ApiListItem[] = [];
  let digest = '';
  let pages = 1;
  for (let page = 1; page <= pages; page++) {
    const file = fileOf(indexPagePath(page));
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(siteDir, file), 'utf8'));
    } catch (e) {
      return { problem: `${file} could not be read (${(e as Error).message}): rebuild the site` };
    }
    const parsed = ApiIndexPageSchema.safeParse(json);
    if (!parsed.success) return { problem: `${file} is not an API index page of this version (${parsed.error.issues[0]?.message ?? 'invalid'}): rebuild the site` };
    const p = parsed.data;
    if (page === 1) {
      digest = p.digest;
      pages = p.pages;
    } else if (p.digest !== digest || p.page !== page) {
      return { problem: `${file} belongs to another build than ${fileOf(indexPagePath(1))}: the site is being rewritten, or rebuild it` };
    }
    items.push(...p.items);
  }
  const keyed = items.map((item) => ({ item, key: listOrderKey(item) }));
  keyed.sort((a, b) => compareOrderKeys(a.key, b.key));
  const sorted = keyed.map((k) => k.item);
  return {
    version,
    items: sorted,
    keys: keyed.map((k) => k.key),
    byId: new Map(sorted.map((i) => [i.id, i])),
    byFhirId: new Map(sorted.map((i) => [fhirId(i.id), i])),
    byUrl: new Map(sorted.map((i) => [i.url, i])),
    norm: sorted.map((i) => ({
      classLabel: i.classLabel === null ? '' : normalizeName(i.classLabel),
      drugClass: i.drugClass === null ? '' : normalizeName(i.drugClass),
      company: i.company === null ? '' : normalizeName(i.company),
    })),
  };
}
