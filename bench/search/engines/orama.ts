import { create, insertMultiple, save, search, type Orama } from '@orama/orama';
import type { Engine } from '../types.js';
import { gzippedJsonBytes, STOP_WORDS } from './text.js';

const SCHEMA = { title: 'string', names: 'string[]', usage: 'string', body: 'string' } as const;
type Db = Orama<typeof SCHEMA>;

/**
 * Orama configured as its docs suggest for this data:
 * - the same fields and boosts as the other engines (title 10, names 5, usage 2, body 1), BM25;
 * - `tolerance: 1` (one Levenshtein edit; Orama matches prefixes by default), the same English stop
 *   words as the other engines (Orama's default tokenizer folds case and accents, no stemming);
 * - `threshold: 0` (only documents with every query term in one field), then the query again with
 *   `threshold: 1` (any term) when that finds nothing: the AND-then-OR the other engines use.
 *   Between 0 and 1 Orama filters partial matches with a quadratic scan, too slow at scale.
 * Orama keeps every inserted document whole, so its serialized size includes the text.
 */
export function oramaEngine(): Engine {
  let db: Db | null = null;
  const ready = (): Db => {
    if (db === null) throw new Error('orama: search before build');
    return db;
  };
  const run = async (term: string, limit: number, threshold: number): Promise<string[]> => {
    const res = await search(ready(), {
      term,
      properties: ['title', 'names', 'usage', 'body'],
      boost: { title: 10, names: 5, usage: 2 },
      tolerance: 1,
      threshold,
      limit,
    });
    return res.hits.map((h) => h.id);
  };
  return {
    name: 'orama',
    async build(docs) {
      db = create({ schema: SCHEMA, components: { tokenizer: { stopWords: STOP_WORDS } } });
      await insertMultiple(
        db,
        docs.map((d) => ({ id: d.url, title: d.title, names: d.names, usage: d.usage, body: d.body })),
        1000,
      );
    },
    async search(q, limit) {
      const all = await run(q, limit, 0);
      return all.length > 0 ? all : run(q, limit, 1);
    },
    sizeBytes: () => gzippedJsonBytes(save(ready())),
  };
}
