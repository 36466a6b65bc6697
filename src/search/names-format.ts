import type { Kind } from '../model/index.js';
import { normalizeName } from './normalize.js';
/**
 * The parts of the names index format that the browser needs too. No zod here: this module is
 * bundled into `assets/search.js`.
 */

/** Bumped whenever the serialized shape of the names index changes. */
export const NAMES_INDEX_VERSION = 2;

/** The fields of an index item that decide its ingredients. */
export interface IngredientsSource {
  k: Kind;
  n: readonly string[];
  g?: readonly string[] | undefined;
}

/**
 * The ingredients of a combination title `A + B + C`, as written and trimmed.
 * @example titleIngredients('Amoxicillin + Clavulanic Acid') // ['Amoxicillin', 'Clavulanic Acid']
 */
export function titleIngredients(title: string): string[] {
  return title
    .split('+')
    .map((s) => s.trim())
    .filter((s) => normalizeName(s) !== '');
}

/**
 * The ingredients of an index item as written: `g` when present, else for a combination the
 * parts of its title (the build leaves `g` out when it equals them), else none.
 */
export function itemIngredients(item: IngredientsSource): readonly string[] {
  if (item.g !== undefined) return item.g;
  return item.k === 'combination' ? titleIngredients(item.n[0] ?? '') : [];
}
