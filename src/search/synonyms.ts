import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { normalizeName } from './normalize.js';

/**
 * International names of the same drug (`paracetamol` / `acetaminophen`), curated in the
 * repository's `data/search/synonyms.json` with the source of each group.
 */
export const SynonymGroupSchema = z.object({
  /** Two or more names of one drug, as written (e.g. the INN first, then USAN, BAN…). */
  names: z.array(z.string()).min(2),
  /** Where the equivalence comes from, e.g. `"WHO INN: paracetamol; USAN: acetaminophen"`. */
  source: z.string().min(1),
});
export type SynonymGroup = z.infer<typeof SynonymGroupSchema>;

export const SynonymsSchema = z.object({ groups: z.array(SynonymGroupSchema) });
export type Synonyms = z.infer<typeof SynonymsSchema>;

/** `data/search/synonyms.json` of this repository (from `src/search/` and `lib/search/` alike). */
export const DEFAULT_SYNONYMS_FILE = fileURLToPath(new URL('../../data/search/synonyms.json', import.meta.url));

export type ParseSynonymsResult = { ok: true; synonyms: Synonyms } | { ok: false; message: string };

/**
 * Validate a synonyms file's JSON: the shape, every name normalizing to something, at least two
 * different names per group, and no name in two groups (a name must mean one drug).
 *
 * @example parseSynonyms({ groups: [{ names: ['paracetamol', 'acetaminophen'], source: 'WHO INN; USAN' }] })
 */
export function parseSynonyms(value: unknown): ParseSynonymsResult {
  const parsed = SynonymsSchema.safeParse(value);
  if (!parsed.success) return { ok: false, message: `synonyms are malformed: ${z.prettifyError(parsed.error)}` };
  const owner = new Map<string, number>();
  for (const [g, group] of parsed.data.groups.entries()) {
    const keys = new Set<string>();
    for (const name of group.names) {
      const key = normalizeName(name);
      if (key === '') return { ok: false, message: `synonyms: group ${g + 1} has the name ${JSON.stringify(name)}, which has no letters or digits` };
      const other = owner.get(key);
      if (other !== undefined && other !== g) {
        return {
          ok: false,
          message: `synonyms: ${JSON.stringify(name)} is in group ${other + 1} and in group ${g + 1}; a name must belong to one group (merge them)`,
        };
      }
      owner.set(key, g);
      keys.add(key);
    }
    if (keys.size < 2) return { ok: false, message: `synonyms: group ${g + 1} (${group.names.join(', ')}) names only one drug name; remove it or add another name` };
  }
  return { ok: true, synonyms: parsed.data };
}

/**
 * Read and validate a synonyms file. A missing or invalid file is a mistake in the repository, so
 * it throws, naming the file.
 *
 * @example const synonyms = loadSynonyms('test/fixtures/search/synonyms.json');
 */
export function loadSynonyms(file: string): Synonyms {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`synonyms file "${file}" could not be read as JSON: ${(err as Error).message}`, { cause: err });
  }
  const parsed = parseSynonyms(json);
  if (!parsed.ok) throw new Error(`synonyms file "${file}": ${parsed.message}`);
  return parsed.synonyms;
}

let bundled: Synonyms | undefined;

/** The repository's synonyms (read once); none while `data/search/synonyms.json` does not exist. */
export function defaultSynonyms(): Synonyms {
  bundled ??= existsSync(DEFAULT_SYNONYMS_FILE) ? loadSynonyms(DEFAULT_SYNONYMS_FILE) : { groups: [] };
  return bundled;
}
