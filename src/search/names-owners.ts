import type { CatalogEntry, Section } from '../model/index.js';
import { normalizeName } from './normalize.js';

/**
 * Which page a brand name belongs to when several pages list it (issue 3: "a brand not resolved to
 * its generic" is a published failure). Monographs list brands loosely: a combination page often
 * lists the brands of its ingredients (Atorvastatin + Metformin lists Glucophage), and a page of
 * one ingredient often lists the brands of the combination it is sold in (Sacubitril lists
 * Entresto, Piperacillin lists Tazocin). Read from the pages themselves, for a name listed by a
 * one-drug page S and by a combination C that contains S's drug:
 * - C owns it when two or more of C's ingredient pages list it (Tazocin on Piperacillin and on
 *   Tazobactam), or when S's Alternate Names / Generic Name text names another ingredient of C
 *   (Sacubitril's: "INN: Sacubitril/valsartan") and C's own list is not simply its ingredients'
 *   brands; of several such combinations, the one containing the most of those pages;
 * - otherwise S owns it (Glucophage is Metformin's; the combinations borrowed it).
 * The other pages do not list the name as theirs in the names index (their text still has it, so
 * the full-text tier finds them). On both real corpora 434 names leave 263 pages; for the 37 names
 * shared by exactly one such pair, the rule agrees with a reading of the pages in 32 (taking the
 * one-drug page every time: 25).
 *
 * A combination's brand that none of its ingredient pages lists, but whose name one of them writes
 * in its Alternate Names text, is that page's when the combination's list is its ingredients'
 * brands and that page does not write of the combination (name its other ingredients): the
 * normalizer missed it there ("marketed under various brand names, including **Protonix,
 * Pantoloc…**" lost Protonix), so it is added to that page and taken from the combination.
 */
export interface BrandOwnership {
  /** Entry position → normalized names the entry does not own. */
  drop: Map<number, Set<string>>;
  /** Entry position → names (as written) found in its Alternate Names text for it. */
  add: Map<number, string[]>;
}

/** Sections where a page states its other names. */
const NAME_SECTIONS = /^(alternate-names|generic-name)(-\d+)?$/;

/** A name's spelling-insensitive key: normalized, `ph` → `f`, `y` → `i` (amoxycillin ~ amoxicillin, sulphate ~ sulfate). */
const spellingKey = (s: string): string => normalizeName(s).replace(/ph/g, 'f').replace(/y/g, 'i');

/**
 * A page's own names besides its title: generic name, brands, synonyms, aliases, each list item
 * split (see {@link splitListedNames}); normalized, unique.
 */
export function ownNames(entry: CatalogEntry): string[] {
  const m = entry.monograph;
  const title = normalizeName(m.title);
  const out = new Set<string>();
  for (const name of [m.genericName, ...m.brandNames, ...m.synonyms, ...m.aliases]) {
    if (name === null) continue;
    for (const part of splitListedNames(name)) {
      const key = normalizeName(part);
      if (key !== '' && key !== title) out.add(key);
    }
  }
  return [...out];
}

/**
 * One name, or the names of a list the normalizer left in one piece ("Sustanon 250, Sustanon 100",
 * "Coartem , Riamet"): split at commas and semicolons when every part looks like a product name
 * (starts with a capital letter or a digit, at most four words and 40 characters) and the whole has
 * no parentheses or `+` (a combination's title or a sentence stays whole).
 *
 * @example splitListedNames('Sustanon 250, Sustanon 100') // ['Sustanon 250', 'Sustanon 100']
 * @example splitListedNames('Peroxide, benzoyl') // ['Peroxide, benzoyl']
 */
export function splitListedNames(name: string): string[] {
  if (!/[,;]\s/.test(name) || /[()+]/.test(name)) return [name];
  const parts = name.split(/\s*[,;]\s+/).map((p) => p.trim());
  const named = parts.every((p) => p.length >= 2 && p.length <= 40 && /^[\p{Lu}\p{N}]/u.test(p) && /\p{L}/u.test(p) && p.split(/\s+/).length <= 4);
  return named ? parts : [name];
}

/** The spelling keys of a page's Alternate Names and Generic Name texts, padded with spaces. */
function nameText(entry: CatalogEntry): string {
  const m = entry.monograph;
  const texts: string[] = [];
  const add = (sections: readonly Section[]): void => {
    for (const s of sections) if (NAME_SECTIONS.test(s.id)) texts.push(s.markdown);
  };
  add(m.sections);
  for (const alt of m.alternates) add(alt.sections);
  return ` ${spellingKey(texts.join(' '))} `;
}

/** Decide, for the names several pages list, which page owns each (see the module comment). */
export function brandOwnership(entries: readonly CatalogEntry[]): BrandOwnership {
  const drop = new Map<number, Set<string>>();
  const add = new Map<number, string[]>();
  const own = entries.map((e) => new Set(ownNames(e)));
  const isCombination = entries.map((e) => e.monograph.kind === 'combination');
  // One-drug pages by title key: a combination's ingredient pages are found by name (the catalog's
  // links are not always the page of that ingredient).
  const singleByKey = new Map<string, number>();
  entries.forEach((e, i) => {
    if (!isCombination[i]) singleByKey.set(spellingKey(e.monograph.title), i);
  });
  const titles = new Set(entries.map((e) => normalizeName(e.monograph.title)));
  const ingredientKeys = entries.map((e, i) => (isCombination[i] ? e.monograph.ingredients.map(spellingKey).filter((k) => k !== '') : []));
  const ingredientPages = ingredientKeys.map((keys) => [...new Set(keys.flatMap((k) => singleByKey.get(k) ?? []))]);
  const texts = new Map<number, string>();
  const textOf = (i: number): string => {
    let t = texts.get(i);
    if (t === undefined) texts.set(i, (t = nameText(entries[i]!)));
    return t;
  };
  /** Whether S's name text names an ingredient of C other than S's own drug. */
  const mentionsOther = (s: number, c: number): boolean => {
    const self = spellingKey(entries[s]!.monograph.title);
    return ingredientKeys[c]!.some((k) => k.length > 2 && k !== self && textOf(s).includes(` ${k} `));
  };
  /** Whether C's list is its ingredients' brands: it shares a name (other than `name`) with one of its ingredient pages other than `s`. */
  const borrowedList = (c: number, s: number, name: string): boolean =>
    ingredientPages[c]!.some((o) => o !== s && [...own[c]!].some((n) => n !== name && own[o]!.has(n)));
  const mark = (i: number, name: string): void => {
    const set = drop.get(i) ?? new Set<string>();
    set.add(name);
    drop.set(i, set);
  };

  // Names several pages list.
  const pagesOf = new Map<string, number[]>();
  own.forEach((names, i) => {
    for (const n of names) {
      const list = pagesOf.get(n);
      if (list === undefined) pagesOf.set(n, [i]);
      else list.push(i);
    }
  });
  for (const [name, pages] of pagesOf) {
    if (pages.length < 2) continue;
    const singles = new Set(pages.filter((i) => !isCombination[i]));
    const owners: { c: number; covered: number }[] = [];
    for (const c of pages) {
      if (!isCombination[c]) continue;
      const inC = ingredientPages[c]!.filter((s) => singles.has(s));
      if (inC.length === 0) continue;
      if (inC.length >= 2 || inC.some((s) => mentionsOther(s, c) && !borrowedList(c, s, name))) {
        owners.push({ c, covered: inC.length });
        for (const s of inC) mark(s, name);
      } else {
        mark(c, name);
      }
    }
    const most = Math.max(0, ...owners.map((o) => o.covered));
    for (const o of owners) if (o.covered < most) mark(o.c, name);
  }

  // A combination's brand that only an ingredient page's Alternate Names text has.
  const listsIngredientBrands = (c: number): boolean => [...own[c]!].some((n) => ingredientPages[c]!.some((o) => own[o]!.has(n)));
  entries.forEach((e, c) => {
    if (!isCombination[c]) return;
    for (const written of [...e.monograph.brandNames].flatMap(splitListedNames)) {
      const name = normalizeName(written);
      if (name.length < 3 || titles.has(name) || (pagesOf.get(name)?.length ?? 0) > 1) continue;
      const key = ` ${spellingKey(written)} `;
      const found = ingredientPages[c]!.filter((s) => textOf(s).includes(key));
      if (found.length !== 1) continue;
      const s = found[0]!;
      // Only from a list of its ingredients' brands, and not where S writes of the combination
      // itself ("Lotrel (amlodipine and benazepril)" on Benazepril's page is the combination's).
      if (!listsIngredientBrands(c) || mentionsOther(s, c)) continue;
      add.set(s, [...(add.get(s) ?? []), written.trim()]);
      mark(c, name);
    }
  });
  return { drop, add };
}
