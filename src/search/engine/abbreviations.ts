import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { normalizeName } from '../normalize.js';

/**
 * Indication, target and class abbreviations readers type ("T2DM", "CLL", "PPI"), from the curated
 * `data/search/abbreviations.json` (each with its source). The full-text tier searches for their
 * expansions as written in the monographs.
 */
export const AbbreviationsSchema = z.object({
  groups: z.array(z.object({ abbr: z.string().min(1), expansions: z.array(z.string().min(1)).min(1), source: z.string().min(1) })),
});
export type Abbreviations = z.infer<typeof AbbreviationsSchema>;

export const DEFAULT_ABBREVIATIONS_FILE = fileURLToPath(new URL('../../../data/search/abbreviations.json', import.meta.url));

/** Abbreviation (normalized) → its expansions, most common first. */
export type AbbreviationTable = ReadonlyMap<string, readonly string[]>;

export function abbreviationTable(data: Abbreviations): AbbreviationTable {
  const table = new Map<string, string[]>();
  for (const g of data.groups) {
    const key = normalizeName(g.abbr);
    if (key !== '') table.set(key, [...(table.get(key) ?? []), ...g.expansions]);
  }
  return table;
}

/** Read an abbreviations file; a malformed one is an error naming the file (it ships with the code). */
export function loadAbbreviations(file: string): AbbreviationTable {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`abbreviations file "${file}" could not be read as JSON: ${(err as Error).message}`, { cause: err });
  }
  const parsed = AbbreviationsSchema.safeParse(json);
  if (!parsed.success) throw new Error(`abbreviations file "${file}": ${z.prettifyError(parsed.error)}`);
  return abbreviationTable(parsed.data);
}

let defaultTable: AbbreviationTable | undefined;

/** The bundled table (read once), like `defaultSynonyms`; none while the file does not exist. */
export function defaultAbbreviations(): AbbreviationTable {
  defaultTable ??= existsSync(DEFAULT_ABBREVIATIONS_FILE) ? loadAbbreviations(DEFAULT_ABBREVIATIONS_FILE) : new Map();
  return defaultTable;
}

/**
 * The expansions of a query that is one abbreviation as a whole ("t2dm", "CLL", "pd-1"); none
 * otherwise — so that "all" inside "all day" or "ms" inside a sentence is left alone.
 *
 * @example expansionsOf(table, 'T2DM') // ['type 2 diabetes mellitus', 'type 2 diabetes']
 */
export function expansionsOf(table: AbbreviationTable, query: string): readonly string[] {
  return table.get(normalizeName(query)) ?? [];
}
