import { moleculeKey } from '../brands/index.js';
import { diag, type Diagnostic } from '../diagnostics/index.js';
import type { CatalogEntry, Link, Links } from '../model/index.js';
import { comboKey, nameKey } from '../normalize/index.js';

interface Indexes {
  /** `nameKey` of every composition name → entry. */
  compositions: ReadonlyMap<string, CatalogEntry>;
  /** `comboKey` of every combination → entry. */
  combos: ReadonlyMap<string, CatalogEntry>;
  link: (e: CatalogEntry) => Link;
}

/**
 * Link brands that carry a parsed composition (catalog rows, brand pages with `composition:`) to
 * their composition page (one ingredient) or combination page (several), matching names by
 * `nameKey` first and then by molecule (salt forms such as "hydrochloride" and spelling variants
 * folded: `moleculeKey`). Each ingredient links to its own page too. Unlinked brands are
 * diagnostics naming the closest pages. Returns the brands handled here.
 */
export function linkBrands(entries: readonly CatalogEntry[], ix: Indexes, diagnostics: Diagnostic[]): Set<CatalogEntry> {
  const molecules = new Map<string, CatalogEntry>();
  const combosByMolecules = new Map<string, CatalogEntry>();
  const combosByMolecule = new Map<string, CatalogEntry[]>();
  for (const e of entries) {
    const m = e.monograph;
    if (m.kind === 'composition') {
      for (const n of [m.title, m.genericName ?? '', ...m.synonyms]) {
        const mk = moleculeKey(n);
        if (mk !== '' && !molecules.has(mk)) molecules.set(mk, e);
      }
    } else if (m.kind === 'combination' && m.ingredients.length > 1) {
      const keys = m.ingredients.map(moleculeKey);
      const k = [...keys].sort().join('+');
      if (!combosByMolecules.has(k)) combosByMolecules.set(k, e);
      for (const mk of new Set(keys)) {
        const list = combosByMolecule.get(mk);
        if (list) list.push(e);
        else combosByMolecule.set(mk, [e]);
      }
    }
  }
  const composition = (name: string): CatalogEntry | null => ix.compositions.get(nameKey(name)) ?? molecules.get(moleculeKey(name)) ?? null;
  const handled = new Set<CatalogEntry>();
  const closest = new Map<string, string>();
  // Brands with the same ingredient names share one (frozen) list of ingredient links.
  const ingredientLinks = new Map<string, Links['ingredients']>();
  for (const e of entries) {
    const m = e.monograph;
    const p = m.product;
    if (m.kind !== 'medicine' || p === null || p.components.length === 0 || p.genericSlug !== null || p.combinationSlug !== null) continue;
    handled.add(e);
    const names = p.components.map((c) => c.name);
    const namesKey = names.join('\u0000');
    let links = ingredientLinks.get(namesKey);
    if (links === undefined) {
      links = Object.freeze(
        names.map((name) => {
          const target = composition(name);
          return Object.freeze({ name, link: target ? ix.link(target) : null });
        }),
      ) as Links['ingredients'];
      ingredientLinks.set(namesKey, links);
    }
    e.links.ingredients = links;
    let target: CatalogEntry | null;
    if (names.length === 1) target = composition(names[0]!);
    else target = ix.combos.get(comboKey(names)) ?? combosByMolecules.get(names.map(moleculeKey).sort().join('+')) ?? null;
    if (target) {
      e.links.generic = ix.link(target);
      target.links.brands.push(ix.link(e));
      continue;
    }
    const what = names.join(' + ');
    let near = closest.get(what);
    if (near === undefined) {
      near = names.length === 1 ? nearCompositions(moleculeKey(names[0]!), molecules) : nearCombinations(names.map(moleculeKey), combosByMolecule);
      closest.set(what, near);
    }
    const src = m.sources[0];
    diagnostics.push(
      diag('brand-unlinked', src?.file ?? m.slug, `The brand "${m.title}" (${what}) matches no ${names.length === 1 ? 'composition' : 'combination'} page${near ? `; closest: ${near}` : ''}.`, {
        line: src?.lines.start ?? 1,
      }),
    );
  }
  return handled;
}

/** Up to three composition titles whose molecule key shares the longest prefix with `key`. */
function nearCompositions(key: string, molecules: ReadonlyMap<string, CatalogEntry>): string {
  if (key.length < 3) return '';
  const head = key.slice(0, 3);
  const scored: { title: string; score: number }[] = [];
  const seen = new Set<CatalogEntry>();
  for (const [k, e] of molecules) {
    if (!k.startsWith(head) || seen.has(e)) continue;
    seen.add(e);
    let common = 0;
    while (common < k.length && common < key.length && k[common] === key[common]) common++;
    scored.push({ title: e.monograph.title, score: common * 100 - Math.abs(k.length - key.length) });
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((s) => `"${s.title}"`)
    .join(', ');
}

/** Up to three combinations sharing the most ingredients with `keys`. */
function nearCombinations(keys: readonly string[], byMolecule: ReadonlyMap<string, CatalogEntry[]>): string {
  const counts = new Map<CatalogEntry, number>();
  for (const k of new Set(keys)) for (const e of byMolecule.get(k) ?? []) counts.set(e, (counts.get(e) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].monograph.ingredients.length - b[0].monograph.ingredients.length)
    .slice(0, 3)
    .map(([e]) => `"${e.monograph.title}"`)
    .join(', ');
}
