import { diag, type Diagnostic } from '../diagnostics/index.js';
import { pagePath, type CatalogEntry, type Kind, type Link, type Monograph } from '../model/index.js';
import { comboKey, nameKey, slugify } from '../normalize/index.js';
import { compositionKey, parseStrength } from '../brands/index.js';
import type { BrandIngredient } from '../model/index.js';
import { linkBrands } from './brands.js';
import { applyRegistry } from './registry.js';
import { entryKey, type Catalog, type CatalogOptions } from './types.js';
import { fold } from '../util/text.js';
import { NONE } from '../util/frozen.js';

/**
 * Link monographs into one catalog: the same drug from several sources becomes one entry (the
 * richer source primary, the others kept as alternates); combinations link to their ingredients,
 * compositions list the combinations that contain them, brands link to their generic and inherit
 * its banned status. Unresolved links are diagnostics.
 */
export function buildCatalog(monographs: readonly Monograph[], options: CatalogOptions = {}): Catalog {
  const diagnostics: Diagnostic[] = [];
  const merged = mergeSources(monographs, diagnostics);
  // Brands are most of a large catalog, and nothing links to them but their generic: their lists
  // (never added to) and an unbanned status are one frozen object each, shared.
  const entries: CatalogEntry[] = merged.map((m) => ({
    monograph: m,
    url: pagePath(m.kind, m.slug),
    links: { ingredients: m.kind === 'medicine' ? NONE : [], combinations: m.kind === 'medicine' ? NONE : [], brands: m.kind === 'medicine' ? NONE : [], generic: null },
    banned: m.isBanned ? { value: true, from: 'self', registry: null } : NOT_BANNED,
  }));
  const byKey = new Map(entries.map((e) => [entryKey(e.monograph.kind, e.monograph.slug), e]));
  // One link object per entry, however many pages link to it (frozen: it is shared).
  const links = new Map<CatalogEntry, Link>();
  const link = (e: CatalogEntry): Link => {
    let l = links.get(e);
    if (l === undefined) {
      l = Object.freeze({ slug: e.monograph.slug, title: e.monograph.title, kind: e.monograph.kind, url: e.url });
      links.set(e, l);
    }
    return l;
  };

  // Name keys of every composition (title, slug, generic name, synonyms) → entry.
  const compositions = new Map<string, CatalogEntry>();
  const combos = new Map<string, CatalogEntry>();
  for (const e of entries) {
    const m = e.monograph;
    if (m.kind === 'composition') {
      for (const n of [m.title, m.slug, m.genericName ?? '', ...m.synonyms, ...m.aliases]) {
        const k = nameKey(n);
        if (k && !compositions.has(k)) compositions.set(k, e);
      }
    } else if (m.kind === 'combination') {
      combos.set(comboKey(m.ingredients), e);
      combos.set(nameKey(m.slug), e);
    }
  }

  for (const e of entries) {
    const m = e.monograph;
    if (m.kind === 'combination') {
      for (const name of m.ingredients) {
        const target = compositions.get(nameKey(name)) ?? null;
        e.links.ingredients.push({ name, link: target ? link(target) : null });
        if (target) target.links.combinations.push(link(e));
        else
          diagnostics.push(
            diag('link-unresolved-ingredient', m.sources[0]?.file ?? m.slug, `The ingredient "${name}" of "${m.title}" has no composition page.`, { line: 1 }),
          );
      }
    }
  }

  applyRegistry(options.registry ?? [], { byKey, compositions, combos }, diagnostics);

  const byComponents = linkBrands(entries, { compositions, combos, link }, diagnostics);
  for (const e of entries) {
    const m = e.monograph;
    if (m.kind !== 'medicine' || !m.product || byComponents.has(e)) continue;
    const p = m.product;
    const wanted = p.combinationSlug ?? p.genericSlug;
    let target: CatalogEntry | undefined;
    if (p.combinationSlug) target = byKey.get(entryKey('combination', slugify(p.combinationSlug))) ?? combos.get(nameKey(p.combinationSlug));
    if (!target && p.genericSlug) target = byKey.get(entryKey('composition', slugify(p.genericSlug))) ?? compositions.get(nameKey(p.genericSlug));
    if (!target) {
      diagnostics.push(
        diag('link-unresolved-generic', m.sources[0]?.file ?? m.slug, wanted ? `The brand "${m.title}" names "${wanted}", which has no page.` : `The brand "${m.title}" names no generic (\`generic_slug\`) or combination (\`combination_slug\`).`, {
          line: 1,
        }),
      );
      continue;
    }
    e.links.generic = link(target);
    target.links.brands.push(link(e));
    const t = target.monograph;
    e.links.ingredients = t.kind === 'combination' ? target.links.ingredients.map((x) => ({ ...x })) : [{ name: t.title, link: link(target) }];
    inheritBanned(e, target);
  }
  for (const e of byComponents) {
    const target = e.links.generic !== null ? byKey.get(entryKey(e.links.generic.kind, e.links.generic.slug)) : undefined;
    if (target) inheritBanned(e, target);
  }
  const substitutes = groupSubstitutes(entries, byKey);

  for (const e of entries) {
    if (e.links.combinations.length > 1) e.links.combinations.sort(byTitle);
    if (e.links.brands.length > 1) e.links.brands.sort(byTitle);
  }
  const keys = new Map(entries.map((e) => [e, sortKey(e.monograph.title)]));
  entries.sort((a, b) => compare(keys.get(a)!, keys.get(b)!) || compare(a.url, b.url));

  const redirects = new Map<string, string>();
  for (const e of entries) for (const alias of e.monograph.aliases) redirects.set(pagePath(e.monograph.kind, alias), e.url);
  return { entries, byKey, redirects, substitutes, registry: [...(options.registry ?? [])], diagnostics };
}

const NOT_BANNED: CatalogEntry['banned'] = Object.freeze({ value: false, from: 'self', registry: null });

/** A brand takes its generic's banned status, with the registry entry behind it, unless it is banned itself. */
function inheritBanned(e: CatalogEntry, target: CatalogEntry): void {
  if (e.banned.value && e.banned.from === 'self') return;
  const t = target.banned;
  if (t.value) e.banned = { value: true, from: target.monograph.slug, registry: t.registry };
  else if (t.registry !== null && e.banned.registry === null) e.banned = { value: e.banned.value, from: target.monograph.slug, registry: t.registry };
}

/**
 * Substitutes: brands whose `substituteKey` (molecules, exact strengths, dosage form) is equal,
 * cheapest per unit first (brands without a unit price last), then by title. A brand page that
 * names only its generic and a strength (`generic_slug: paracetamol`, `strength: 650 mg`) gets its
 * key from the generic it links to.
 */
function groupSubstitutes(entries: readonly CatalogEntry[], byKey: ReadonlyMap<string, CatalogEntry>): Map<string, CatalogEntry[]> {
  const groups = new Map<string, CatalogEntry[]>();
  for (const e of entries) {
    const m = e.monograph;
    const p = m.product;
    if (m.kind !== 'medicine' || p === null) continue;
    if (p.substituteKey === null && p.components.length === 0 && p.strength !== null && e.links.generic?.kind === 'composition') {
      const generic = byKey.get(entryKey('composition', e.links.generic.slug));
      const components = generic ? impliedComponents(generic.monograph.title, p.strength) : null;
      // A new monograph: the one read may be shared (a build's file results, a brand file's rows).
      if (components) e.monograph = { ...m, product: { ...p, components, substituteKey: compositionKey(components, p.form) } };
    }
    const key = e.monograph.product?.substituteKey ?? null;
    if (key === null) continue;
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  for (const list of groups.values()) sortSubstitutes(list);
  return groups;
}

const unitPriceOf = (e: CatalogEntry): number => e.monograph.product?.unitPrice?.value ?? Number.POSITIVE_INFINITY;

/** Cheapest per unit first, brands without a unit price last, then by title (in place). */
export function sortSubstitutes(list: CatalogEntry[]): CatalogEntry[] {
  return list.sort((a, b) => unitPriceOf(a) - unitPriceOf(b) || compare(sortKey(a.monograph.title), sortKey(b.monograph.title)));
}

/**
 * Replace some brands' monographs in `catalog`, when the edits change nothing linking reads (name,
 * ingredients, strengths, form: only price, pack, company, flags or text): the brands keep their
 * links and status, and their substitute groups are re-sorted. The catalog is changed in place
 * (copying the maps of 250,000 entries was 100 ms of a one-brand edit); the kinds and slugs of its
 * entries stay as they were. Returns the entries whose pages can show the edit (the brands, their
 * substitutes, their generics) and each replaced entry as it was, or null, having changed nothing,
 * when the catalog must be linked again.
 */
export function replaceBrands(
  catalog: Catalog,
  edits: readonly { before: Monograph; after: Monograph }[],
): { catalog: Catalog; changed: CatalogEntry[]; replaced: Map<CatalogEntry, CatalogEntry> } | null {
  // Every edit is checked before any is applied, so a refusal leaves the catalog as it was.
  const olds: CatalogEntry[] = [];
  for (const { before, after } of edits) {
    const old = catalog.byKey.get(entryKey('medicine', before.slug));
    const src = old?.monograph.sources;
    if (!old || src?.length !== 1 || src[0]!.file !== before.sources[0]!.file || src[0]!.lines.start !== before.sources[0]!.lines.start) return null;
    if (brandIdentity(before) !== brandIdentity(after) || old.monograph.product?.substituteKey !== before.product?.substituteKey) return null;
    if (olds.includes(old)) return null; // two edits of one brand: not a row edit
    olds.push(old);
  }
  const at = new Map<CatalogEntry, number>(olds.map((old) => [old, catalog.entries.indexOf(old)]));
  if ([...at.values()].some((i) => i < 0)) return null;
  const changed = new Set<CatalogEntry>();
  const replaced = new Map<CatalogEntry, CatalogEntry>();
  edits.forEach(({ after }, k) => {
    const old = olds[k]!;
    const entry: CatalogEntry = { ...old, monograph: after };
    catalog.entries[at.get(old)!] = entry;
    catalog.byKey.set(entryKey('medicine', after.slug), entry);
    replaced.set(entry, old);
    changed.add(entry);
    const group = after.product?.substituteKey ? catalog.substitutes.get(after.product.substituteKey) : undefined;
    if (group) {
      const next = sortSubstitutes(group.map((e) => (e === old ? entry : e)));
      catalog.substitutes.set(after.product!.substituteKey!, next);
      for (const e of next) changed.add(e);
    }
    const generic = entry.links.generic ? catalog.byKey.get(entryKey(entry.links.generic.kind, entry.links.generic.slug)) : undefined;
    if (generic) changed.add(generic);
  });
  // An entry a later edit replaced (two brands of one substitute group) is reported as it is now.
  const current = new Set([...changed].map((e) => catalog.byKey.get(entryKey(e.monograph.kind, e.monograph.slug)) ?? e));
  return { catalog, changed: [...current], replaced };
}

/** What linking reads of a brand: name, kind, ingredients with strengths, form and key, generic named. */
function brandIdentity(m: Monograph): string {
  const p = m.product;
  return JSON.stringify([m.slug, m.title, m.kind, m.ingredients, m.isBanned, m.aliases, p?.components.map((c) => [c.name, c.strength?.text ?? null]), p?.form, p?.substituteKey, p?.genericSlug, p?.combinationSlug]);
}

function impliedComponents(generic: string, strength: string): BrandIngredient[] | null {
  const s = parseStrength(strength);
  return s === null ? null : [{ name: generic, strength: s, raw: `${generic} (${strength})` }];
}

/** Case- and accent-insensitive sort key: `localeCompare` with options was 1.4 s of a 2 s relink of 10,707 monographs. */
const sortKey = fold;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byTitle = (a: Link, b: Link): number => compare(sortKey(a.title), sortKey(b.title));

/** How much a source says: sections with content and their lines, FAQs. */
export function richness(m: Monograph): number {
  let score = m.faqs.length * 5;
  for (const s of m.sections) score += (s.canonical ? 50 : 10) + (s.range.end - s.range.start);
  for (const g of m.perIngredient) for (const s of g.sections) score += 10 + (s.range.end - s.range.start);
  return score;
}

/**
 * The same drug in several sources (same kind and slug, or a combination with the same
 * ingredients) becomes one monograph: the richest is primary; the others become alternates,
 * kept as written (the page layer keeps element ids unique when it shows them together).
 */
function mergeSources(monographs: readonly Monograph[], diagnostics: Diagnostic[]): Monograph[] {
  const groups = new Map<string, Monograph[]>();
  for (const m of monographs) {
    const family: Kind = m.kind === 'medicine' ? 'medicine' : m.kind;
    const key = m.kind === 'combination' ? `combination:${comboKey(m.ingredients)}` : `${family}:${m.slug}`;
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  }
  const out: Monograph[] = [];
  const slugs = new Map<string, Monograph>();
  for (const list of groups.values()) {
    const sorted = list.length > 1 ? [...list].sort((a, b) => richness(b) - richness(a) || (a.sources[0]?.file ?? '').localeCompare(b.sources[0]?.file ?? '')) : list;
    // A copy only when it is changed below: a source read alone is used as read (a brand catalog's
    // 250,000 rows would otherwise each be kept twice, by its file and by the catalog).
    let primary = sorted[0]!;
    if (sorted.length > 1) {
      primary = { ...primary };
      primary.alternates = sorted.slice(1).map((alt) => ({
        source: { ...alt.sources[0]!, role: 'alternate' as const },
        title: alt.title,
        sections: alt.sections,
        perIngredient: alt.perIngredient,
        faqs: alt.faqs,
      }));
      primary.sources = [...primary.sources, ...primary.alternates.map((a) => a.source)];
      primary.aliases = [...new Set([...primary.aliases, ...sorted.slice(1).flatMap((a) => [...a.aliases, ...(a.slug !== primary.slug ? [a.slug] : [])])])];
      primary.brandNames = union(primary.brandNames, sorted.slice(1).flatMap((a) => a.brandNames));
      primary.synonyms = union(primary.synonyms, sorted.slice(1).flatMap((a) => a.synonyms));
      primary.isBanned = sorted.some((a) => a.isBanned);
      for (const alt of sorted.slice(1)) {
        diagnostics.push(
          diag('duplicate-source', alt.sources[0]?.file ?? alt.slug, `"${alt.title}" is also in ${primary.sources[0]?.file}; that richer source is shown first and this one is kept as an alternate.`),
        );
      }
    }
    const key = `${primary.kind}:${primary.slug}`;
    const clash = slugs.get(key);
    if (clash) {
      diagnostics.push(
        diag('slug-collision', primary.sources[0]?.file ?? primary.slug, `"${primary.title}" and "${clash.title}" (${clash.sources[0]?.file}) have the same URL slug "${primary.slug}"; this one is published as "${primary.slug}-2".`),
      );
      primary = { ...primary, slug: `${primary.slug}-2` };
    }
    slugs.set(`${primary.kind}:${primary.slug}`, primary);
    out.push(primary);
  }
  return out;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  const seen = new Set(a.map(nameKey));
  const out = [...a];
  for (const x of b) {
    const k = nameKey(x);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  }
  return out;
}
