import { z } from 'zod';
import type { Kind } from '../../src/model/index.js';

/** One catalog entry as every engine of the benchmark indexes it (plain text, no markup). */
export interface Doc {
  url: string;
  kind: Kind;
  slug: string;
  title: string;
  /** Brand names, synonyms, generic name, ingredients: the names a reader may type. */
  names: string[];
  /** Plain text of the overview (Usage / indications) sections. */
  usage: string;
  /** Plain text of every other section and the FAQs. */
  body: string;
  banned: boolean;
  drugClass: string | null;
}

/** A search engine under test. `search` returns page URLs, best first. */
export interface Engine {
  name: string;
  build(docs: readonly Doc[]): Promise<void> | void;
  search(q: string, limit: number): Promise<string[]> | string[];
  /** Index size as shipped, gzipped where it ships to browsers. */
  sizeBytes?(): number;
  close?(): Promise<void> | void;
}

export const QUERY_TYPES = ['exact', 'brand', 'typo', 'synonym', 'prefix', 'combination', 'indication', 'mechanism'] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

export const JudgedQuerySchema = z.object({
  q: z.string().min(1),
  type: z.enum(QUERY_TYPES),
  /** Relevant page URLs, best first: `expect[0]` is the page that should rank first. */
  expect: z.array(z.string()).min(1),
  /** Pages that must never rank first for this query (a different drug with a similar name). */
  safety: z.array(z.string()).optional(),
  note: z.string().optional(),
});
export type JudgedQuery = z.infer<typeof JudgedQuerySchema>;

export const QueryFileSchema = z.object({ queries: z.array(JudgedQuerySchema) });
