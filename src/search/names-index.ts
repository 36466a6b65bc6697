import { z } from 'zod';
import { KindSchema } from '../model/index.js';
import type { Catalog } from '../catalog/types.js';
import { NAMES_INDEX_VERSION, itemIngredients } from './names-format.js';
import { normalizeName } from './normalize.js';
import { brandOwnership, splitListedNames } from './names-owners.js';
import { defaultSynonyms, type Synonyms } from './synonyms.js';

export { NAMES_INDEX_VERSION };

/**
 * One page in the names index. Keys are one letter because the file is shipped to browsers
 * (`search/names.json`, read by `assets/search.js`). Names are stored as written; the matcher
 * normalizes them (`normalizeName`) when it loads the index.
 */
export const NamesItemSchema = z.object({
  /** Site path of the page (`pagePath`), starts and ends with `/`. */
  u: z.string(),
  /** Page kind. */
  k: KindSchema,
  /** 1 when the page (or the generic it belongs to) is banned. */
  b: z.union([z.literal(0), z.literal(1)]),
  /**
   * Names as written, unique after `normalizeName`: the page title first (always), then generic
   * name, brand names, the page's own synonyms and aliases, then names from synonym groups (see `y`).
   */
  n: z.array(z.string()).min(1),
  /**
   * Synonym groups (indexes into the index's `syn`) of the last `y.length` names of `n`: those names
   * were added because the page's name, or one of its ingredients, is in that group.
   */
  y: z.array(z.number().int().nonnegative()).optional(),
  /**
   * Ingredients as written, when they are not simply the parts of a combination's title `A + B`
   * (see `itemIngredients`); `[]` for a combination whose ingredients are unknown.
   */
  g: z.array(z.string()).optional(),
  /** For a brand: the position in `items` of its generic or combination page (search shows "brand of …"). */
  p: z.number().int().nonnegative().optional(),
});
export type NamesItem = z.infer<typeof NamesItemSchema>;

/** A synonym group as the index carries it: names as written, and where the equivalence comes from. */
export const NamesSynonymSchema = z.object({ n: z.array(z.string()).min(2), s: z.string() });
export type NamesSynonym = z.infer<typeof NamesSynonymSchema>;

/** The names index: a plain JSON value, `JSON.parse(JSON.stringify(index))` deep-equals `index`. */
export const NamesIndexSchema = z
  .object({
    v: z.literal(NAMES_INDEX_VERSION),
    /** The synonym groups that concern this site's names or ingredients. */
    syn: z.array(NamesSynonymSchema),
    items: z.array(NamesItemSchema),
  })
  .superRefine((index, ctx) => {
    index.items.forEach((item, i) => {
      const y = item.y ?? [];
      if (y.length >= item.n.length) ctx.addIssue({ code: 'custom', path: ['items', i, 'y'], message: 'more synonym names than names besides the title' });
      if (y.some((g) => g >= index.syn.length)) ctx.addIssue({ code: 'custom', path: ['items', i, 'y'], message: 'synonym group out of range' });
    });
  });
export type NamesIndex = z.infer<typeof NamesIndexSchema>;

export interface NamesIndexOptions {
  /** Synonym groups to apply; by default the repository's `data/search/synonyms.json` (`defaultSynonyms`). */
  synonyms?: Synonyms;
}

/**
 * One item per catalog entry, in catalog order (sorted by title). A page whose title (also without
 * a trailing parenthesis: `Cholecalciferol (Vitamin D3)`) or generic name is in a synonym group
 * gets the group's other names; a combination gets its title with each ingredient replaced by each
 * of that ingredient's synonyms (`Amoxycillin + Clavulanic Acid` → `Amoxicillin + Clavulanic Acid`).
 * A brand several pages list is kept only on the page that owns it (`brandOwnership`), and a list
 * left in one name is split (`splitListedNames`).
 *
 * @example
 * const index = buildNamesIndex(catalog);
 * await writeFile(join(out, 'search/names.json'), JSON.stringify(index));
 */
export function buildNamesIndex(catalog: Catalog, options: NamesIndexOptions = {}): NamesIndex {
  const groups = (options.synonyms ?? defaultSynonyms()).groups;
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.names.forEach((name) => groupOf.set(normalizeName(name), i)));

  const mentioned = new Set<string>(); // every normalized name and ingredient, to keep only the groups that matter
  const owners = brandOwnership(catalog.entries);
  const items = catalog.entries.map((entry, position): NamesItem => {
    const m = entry.monograph;
    const names = new NameList(m.title);
    const base = titleBase(m.title);
    if (base !== null) names.add(base);
    const notOwn = owners.drop.get(position);
    for (const name of [m.genericName, ...m.brandNames, ...m.synonyms, ...m.aliases]) {
      if (name === null) continue;
      for (const part of splitListedNames(name)) if (!(notOwn?.has(normalizeName(part)) ?? false)) names.add(part);
    }
    for (const name of owners.add.get(position) ?? []) names.add(name);
    const y: number[] = [];
    // Only the page's own name decides its group: the synonyms and brands found in monographs are
    // too noisy (combinations list their ingredients there).
    for (const name of [m.title, base, m.genericName]) {
      const group = name === null ? undefined : groupOf.get(normalizeName(name));
      if (group === undefined) continue;
      const keep = [normalizeName(m.title), normalizeName(name!)];
      for (const other of groups[group]!.names) if (names.addSynonym(likeCase(other, name!), keep)) y.push(group);
    }
    const ingredients = m.ingredients.map((s) => s.trim()).filter((s) => normalizeName(s) !== '');
    if (ingredients.length >= 2) {
      ingredients.forEach((ingredient, i) => {
        const key = normalizeName(ingredient);
        const group = groupOf.get(key);
        if (group === undefined) return;
        for (const other of groups[group]!.names) {
          if (normalizeName(other) === key) continue;
          if (names.addSynonym(ingredients.map((x, j) => (j === i ? likeCase(other, ingredient) : x)).join(' + '), [])) y.push(group);
        }
      });
    }
    for (const key of names.keys) if (key !== '') mentioned.add(key);
    for (const ingredient of ingredients) mentioned.add(normalizeName(ingredient));

    const item: NamesItem = { u: entry.url, k: m.kind, b: entry.banned.value ? 1 : 0, n: names.display };
    if (y.length > 0) item.y = y;
    const implied = itemIngredients(item).map(normalizeName);
    if (implied.length !== ingredients.length || ingredients.some((x, i) => normalizeName(x) !== implied[i])) item.g = ingredients;
    return item;
  });

  // A brand points at its generic's item (catalog entries and items are in the same order).
  const position = new Map(catalog.entries.map((e, i) => [e.url, i]));
  catalog.entries.forEach((e, i) => {
    const at = e.links.generic === null ? undefined : position.get(e.links.generic.url);
    if (at !== undefined) items[i]!.p = at;
  });

  // Keep the groups the site's names touch, in file order, and renumber `y`.
  const renumber = new Map<number, number>();
  const syn: NamesSynonym[] = [];
  groups.forEach((g, i) => {
    if (!g.names.some((name) => mentioned.has(normalizeName(name)))) return;
    renumber.set(i, syn.length);
    syn.push({ n: [...g.names], s: g.source });
  });
  for (const item of items) if (item.y !== undefined) item.y = item.y.map((g) => renumber.get(g)!);
  return { v: NAMES_INDEX_VERSION, syn, items };
}

/**
 * A title's name without a trailing parenthesized qualifier, which the page is also found by:
 * `Cholecalciferol (Vitamin D3)` → `Cholecalciferol`, `Triamcinolone (Systemic)` → `Triamcinolone`;
 * null when the title has none (or is only a parenthesis).
 */
function titleBase(title: string): string | null {
  const m = /^(.*\S)\s*\([^()]*\)\s*$/.exec(title.trim());
  return m === null || normalizeName(m[1]!) === '' ? null : m[1]!;
}

/** `name` with a capital first letter when `like` has one (`acetaminophen` in `Acetaminophen + Codeine`). */
function likeCase(name: string, like: string): string {
  const first = like.trim().charAt(0);
  return first !== first.toLowerCase() && name.charAt(0) === name.charAt(0).toLowerCase() ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

/** Names deduplicated by their normalized form, keeping the first way each was written. */
class NameList {
  readonly display: string[] = [];
  private readonly keyList: string[] = [];
  /** The names before this position are the page's own; those after come from synonym groups. */
  private own = 0;
  constructor(title: string) {
    this.display.push(title.trim());
    this.keyList.push(normalizeName(title));
    this.own = 1;
  }

  get keys(): readonly string[] {
    return this.keyList;
  }

  /** Add one of the page's own names unless it normalizes to nothing or to a name already there. */
  add(name: string): void {
    const key = normalizeName(name);
    if (key === '' || this.keyList.includes(key)) return;
    this.display.splice(this.own, 0, name.trim());
    this.keyList.splice(this.own, 0, key);
    this.own++;
  }

  /**
   * Add a name from a synonym group; whether it was added. A name the page lists itself (a synonym
   * or an alias slug in the monograph) becomes a curated synonym, unless it is in `keep` (the title,
   * the name that found the group).
   */
  addSynonym(name: string, keep: readonly string[]): boolean {
    const key = normalizeName(name);
    if (key === '' || keep.includes(key)) return false;
    const at = this.keyList.indexOf(key);
    if (at >= this.own || at === 0) return false;
    if (at > 0) {
      this.display.splice(at, 1);
      this.keyList.splice(at, 1);
      this.own--;
    }
    this.display.push(name.trim());
    this.keyList.push(key);
    return true;
  }
}

export type ParseNamesIndexResult = { ok: true; index: NamesIndex } | { ok: false; message: string };

/**
 * Validate a names index read from disk (`JSON.parse` output). A wrong version or shape is
 * returned as data, never thrown.
 */
export function parseNamesIndex(value: unknown): ParseNamesIndexResult {
  const parsed = NamesIndexSchema.safeParse(value);
  if (parsed.success) return { ok: true, index: parsed.data };
  const version = typeof value === 'object' && value !== null && 'v' in value ? (value as { v: unknown }).v : undefined;
  if (version !== undefined && version !== NAMES_INDEX_VERSION) {
    return {
      ok: false,
      message: `names index has version ${JSON.stringify(version)}, this engine reads version ${NAMES_INDEX_VERSION}; rebuild the site`,
    };
  }
  return { ok: false, message: `names index is malformed: ${z.prettifyError(parsed.error)}` };
}

/** An index with no items, for a site without `search/names.json`. */
export function emptyNamesIndex(): NamesIndex {
  return { v: NAMES_INDEX_VERSION, syn: [], items: [] };
}
