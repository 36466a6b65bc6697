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

/** Raw words of a query that an abbreviation may span (`PD-L1` is one word, `IL 6` two). */
const MAX_SPAN_WORDS = 2;
/** Alternative phrasings returned, at most. */
const MAX_ALTERNATIVES = 8;

/** Whether a span of the query was typed as an abbreviation: with a capital letter or a digit. */
const typedAsAbbreviation = (raw: string): boolean => /[\p{Lu}\p{N}]/u.test(raw);

/**
 * What a query may also be written as: when the whole query is an abbreviation, its expansions
 * (`expansionsOf`); otherwise the query with an abbreviation inside it replaced by each of its
 * expansions — only where the abbreviation was typed in capitals or with a digit, so that "ace
 * bandage" or "all day" are left alone while "ACE inhibitor" also means "angiotensin-converting
 * enzyme inhibitor".
 *
 * @example alternativesOf(table, 'SGLT2 inhibitor') // ['sodium-glucose cotransporter 2 inhibitor', 'sodium-glucose co-transporter 2 inhibitor']
 */
export function alternativesOf(table: AbbreviationTable, query: string): string[] {
  const whole = expansionsOf(table, query);
  if (whole.length > 0) return whole.slice(0, MAX_ALTERNATIVES);
  const words = query.trim().split(/\s+/).filter((w) => w !== '');
  const out: string[] = [];
  for (let i = 0; i < words.length && out.length < MAX_ALTERNATIVES; i++) {
    for (let len = Math.min(MAX_SPAN_WORDS, words.length - i); len >= 1; len--) {
      if (len === words.length) continue; // the whole query: handled above
      const raw = words.slice(i, i + len).join(' ');
      const found = table.get(normalizeName(raw));
      if (found === undefined || !typedAsAbbreviation(raw)) continue;
      for (const e of found) out.push([...words.slice(0, i), e, ...words.slice(i + len)].join(' '));
      break;
    }
  }
  return [...new Set(out)].slice(0, MAX_ALTERNATIVES);
}

/**
 * Whether a query is one abbreviation typed as such ("MS", "T2DM", "PD-1", "aHUS"; not "ms"): its
 * names-only matches by prefix ("MSM", "Pd 103") then rank below the pages that are about what it
 * stands for. Exact names still come first.
 */
export function isTypedAbbreviation(table: AbbreviationTable, query: string): boolean {
  return expansionsOf(table, query).length > 0 && typedAsAbbreviation(query);
}
