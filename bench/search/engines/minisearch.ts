import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Doc, Engine } from '../types.js';
import { fold, gzippedJsonBytes, STOP_WORDS } from './text.js';

const STOP = new Set(STOP_WORDS);

/**
 * MiniSearch configured as a competent engineer would for drug pages:
 * - fields title, names (brands, synonyms, generic, ingredients), usage, body; boosts 10 / 5 / 2 / 1;
 * - terms folded (case and accents) and English stop words dropped, at index and query time;
 * - `prefix: true` (as-you-type), `fuzzy: 0.2` of the term length but only for terms of 5+ letters
 *   (MiniSearch rounds, so 0.2 would allow an edit in 3-letter words and turn "ms" or "hiv" into noise);
 * - `combineWith: 'AND'`, and the same query again with `'OR'` when AND finds nothing.
 */
export function miniSearchEngine(): Engine {
  const options: SearchOptions = {
    boost: { title: 10, names: 5, usage: 2 },
    prefix: true,
    fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
    combineWith: 'AND',
  };
  let index: MiniSearch<Doc> | null = null;
  const ready = (): MiniSearch<Doc> => {
    if (index === null) throw new Error('minisearch: search before build');
    return index;
  };
  return {
    name: 'minisearch',
    build(docs) {
      index = new MiniSearch<Doc>({
        idField: 'url',
        fields: ['title', 'names', 'usage', 'body'],
        extractField: (doc, field) => (field === 'names' ? doc.names.join(' · ') : String(doc[field as keyof Doc] ?? '')),
        processTerm: (term) => {
          const t = fold(term);
          return STOP.has(t) ? null : t;
        },
        searchOptions: options,
      });
      index.addAll(docs);
    },
    search(q, limit) {
      const mini = ready();
      let hits = mini.search(q);
      if (hits.length === 0) hits = mini.search(q, { combineWith: 'OR' });
      return hits.slice(0, limit).map((h) => String(h.id));
    },
    sizeBytes: () => gzippedJsonBytes(ready()),
  };
}
