import type { NamesIndex } from './names-index.js';
import { itemIngredients } from './names-format.js';
import { normalizeName } from './normalize.js';
import { vocabularyOf, type Vocabulary } from './fuzzy-words.js';
import type { RangeMin } from './range-min.js';

/** Names longer than this rank as if they had this length (it bounds the ranking codes). */
export const MAX_RANKED_LENGTH = 4095;
/** Ingredient names with more words than this are not looked for in queries. */
export const MAX_INGREDIENT_WORDS = 8;

/**
 * Rows of a sorted key table: each row is one word start of one name, the key being the name's rest
 * from there. Rows with equal keys are adjacent, so the rows whose key starts with a query are one
 * range, found by binary search.
 */
export interface RowSet {
  keys: string[];
  item: Int32Array;
  name: Int32Array;
  /** Length of the whole name, capped at MAX_RANKED_LENGTH. */
  length: Int32Array;
  /** 0 for the title, 1 for a name from a synonym group, 2 for other names (see `rankCode`). */
  nameClass: Uint8Array;
  /**
   * The order of the rows within one match tier, the same as the final ranking's: name class,
   * then shorter name, then the item's title order, then the name's position. Unique per row.
   */
  rank: Float64Array;
  /** Built on first need (a range too big to scan): `rank` as a range-minimum structure. */
  order: RangeMin | null;
}

/**
 * The lookup structures of one names index, built on first use and kept while the index object
 * lives (the index is treated as immutable).
 */
export interface NamesTable {
  /** Normalized names per item, parallel to `item.n` (`''` where a name normalizes to nothing). */
  names: string[][];
  /** Per item, the position in `n` of its first name from a synonym group (`n.length` if none). */
  firstSynonym: Int32Array;
  /** Whole names: the range of a query holds its exact and prefix matches. */
  starts: RowSet;
  /** Every later word start of every name: the range of a query holds its word-prefix matches. */
  inner: RowSet;
  /** Distinct words of all names, ingredients and synonym groups, sorted: the typo candidates. */
  vocab: Vocabulary;
  /** Names a query may use for an ingredient (ingredients, single-drug titles, synonyms) → ingredient id. */
  resolvable: Map<string, number>;
  /** The resolvable names by first word, for typo-tolerant resolution. */
  resolvableByFirstWord: Map<string, string[]>;
  /** Ingredient id → its synonym group in `index.syn`, or -1. */
  ingredientGroup: Int32Array;
  /** Ingredient id → items whose ingredients include it, ascending. */
  ingredientItems: number[][];
  /** Per item, its distinct ingredient ids, ascending (empty for single drugs). */
  itemIngredientIds: (readonly number[])[];
  /** Per item, its ingredients normalized as written (to tell whether a query used a synonym). */
  itemIngredientNames: string[][];
  /** Words looked up recently, with their typo candidates (bounded). */
  candidateCache: Map<string, Map<string, number>>;
  /** Scratch for one query, valid where `seen[item] === generation`. */
  generation: number;
  seen: Int32Array;
  bestCode: Int32Array;
  bestName: Int32Array;
  bestHow: Uint8Array;
  bestDistance: Uint8Array;
  bestSource: Int32Array;
}

const tables = new WeakMap<NamesIndex, NamesTable>();

/** The lookup table of `index`, built once per index object. */
export function namesTable(index: NamesIndex): NamesTable {
  const cached = tables.get(index);
  if (cached !== undefined) return cached;
  const table = buildTable(index);
  tables.set(index, table);
  return table;
}

/** Collects rows, then sorts them by key. */
class RowBuilder {
  private readonly headOf = new Map<string, number>();
  private readonly next: number[] = [];
  private readonly rowItem: number[] = [];
  private readonly rowName: number[] = [];

  add(key: string, item: number, name: number): void {
    const row = this.rowItem.length;
    this.rowItem.push(item);
    this.rowName.push(name);
    const head = this.headOf.get(key);
    this.next.push(head ?? -1);
    this.headOf.set(key, row);
  }

  build(names: readonly string[][], firstSynonym: Int32Array, titleRank: Int32Array): RowSet {
    const size = this.rowItem.length;
    const keys = new Array<string>(size);
    const item = new Int32Array(size);
    const name = new Int32Array(size);
    const length = new Int32Array(size);
    const nameClass = new Uint8Array(size);
    const rank = new Float64Array(size);
    const count = titleRank.length;
    let r = 0;
    for (const key of [...this.headOf.keys()].sort()) {
      for (let row = this.headOf.get(key)!; row >= 0; row = this.next[row]!, r++) {
        const i = this.rowItem[row]!;
        const j = this.rowName[row]!;
        keys[r] = key;
        item[r] = i;
        name[r] = j;
        length[r] = Math.min(names[i]![j]!.length, MAX_RANKED_LENGTH);
        nameClass[r] = j === 0 ? 0 : j >= firstSynonym[i]! ? 1 : 2;
        rank[r] = ((nameClass[r]! * (MAX_RANKED_LENGTH + 1) + length[r]!) * count + titleRank[i]!) * 1024 + Math.min(j, 1023);
      }
    }
    return { keys, item, name, length, nameClass, rank, order: null };
  }
}

function buildTable(index: NamesIndex): NamesTable {
  const count = index.items.length;
  const names = index.items.map((item) => item.n.map(normalizeName));
  const firstSynonym = Int32Array.from(index.items, (item) => item.n.length - (item.y?.length ?? 0));
  const titleRank = new Int32Array(count);
  Array.from({ length: count }, (_, i) => i)
    .sort((a, b) => compare(index.items[a]!.n[0]!, index.items[b]!.n[0]!) || compare(index.items[a]!.u, index.items[b]!.u))
    .forEach((item, rank) => (titleRank[item] = rank));
  const words = new Set<string>();
  const addWords = (name: string): void => {
    for (const w of name.split(' ')) if (w !== '') words.add(w);
  };

  const starts = new RowBuilder();
  const inner = new RowBuilder();
  names.forEach((list, i) => {
    list.forEach((n, j) => {
      if (n === '') return;
      addWords(n);
      starts.add(n, i, j);
      for (let space = n.indexOf(' '); space !== -1; space = n.indexOf(' ', space + 1)) inner.add(n.slice(space + 1), i, j);
    });
  });

  // Ingredients: each name a query may use for one resolves to an id; synonyms share their group's id.
  const groupOfName = new Map<string, number>();
  index.syn.forEach((group, g) => {
    for (const name of group.n) {
      const key = normalizeName(name);
      if (key !== '') groupOfName.set(key, g);
    }
  });
  const idOfCanonical = new Map<string, number>();
  const ingredientGroupList: number[] = [];
  const ingredientId = (key: string): number => {
    const group = groupOfName.get(key);
    const canonical = group === undefined ? key : `\u0000${group}`;
    let id = idOfCanonical.get(canonical);
    if (id === undefined) {
      id = idOfCanonical.size;
      idOfCanonical.set(canonical, id);
      ingredientGroupList.push(group ?? -1);
    }
    return id;
  };
  const resolvable = new Map<string, number>();
  const addResolvable = (key: string): number => {
    const id = ingredientId(key);
    if (key !== '' && key.split(' ').length <= MAX_INGREDIENT_WORDS) resolvable.set(key, id);
    return id;
  };
  const none: string[] = [];
  const itemIngredientNames = index.items.map((item) => {
    const list = itemIngredients(item);
    return list.length === 0 ? none : list.map(normalizeName).filter((s) => s !== '');
  });
  const itemIngredientIds = itemIngredientNames.map((list): readonly number[] =>
    list.length === 0 ? [] : [...new Set(list.map(addResolvable))].sort((a, b) => a - b),
  );
  index.items.forEach((item, i) => {
    if (item.k === 'composition' && names[i]![0] !== '') addResolvable(names[i]![0]!);
  });
  for (const key of groupOfName.keys()) addResolvable(key);
  for (const key of resolvable.keys()) addWords(key);

  const ingredientItems: number[][] = Array.from({ length: idOfCanonical.size }, () => []);
  itemIngredientIds.forEach((ids, i) => {
    for (const id of ids) ingredientItems[id]!.push(i);
  });
  const resolvableByFirstWord = new Map<string, string[]>();
  for (const key of resolvable.keys()) {
    const first = key.split(' ', 1)[0]!;
    const list = resolvableByFirstWord.get(first);
    if (list === undefined) resolvableByFirstWord.set(first, [key]);
    else list.push(key);
  }

  return {
    names,
    firstSynonym,
    starts: starts.build(names, firstSynonym, titleRank),
    inner: inner.build(names, firstSynonym, titleRank),
    vocab: vocabularyOf(words),
    resolvable,
    resolvableByFirstWord,
    ingredientGroup: Int32Array.from(ingredientGroupList),
    ingredientItems,
    itemIngredientIds,
    itemIngredientNames,
    candidateCache: new Map(),
    generation: 0,
    seen: new Int32Array(count),
    bestCode: new Int32Array(count),
    bestName: new Int32Array(count),
    bestHow: new Uint8Array(count),
    bestDistance: new Uint8Array(count),
    bestSource: new Int32Array(count),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
