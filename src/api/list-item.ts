import { entryKey } from '../catalog/index.js';
import type { CatalogEntry } from '../model/index.js';
import { classLabel } from '../search/fulltext/document.js';
import { regimensOf } from '../site/regimens-block.js';
import { letterOf } from '../site/text.js';
import { distinctNames, fold } from '../util/text.js';
import type { ApiIds } from './ids.js';
import { drugPath } from './paths.js';
import type { ApiListItem } from './schemas.js';

/** The list row of one catalog entry (static index pages, `GET /api/v1/drugs`, FHIR); `regimens`: with its dose regimens (`--regimens`). */
export function toListItem(entry: CatalogEntry, ids: ApiIds, options: { regimens?: boolean | undefined } = {}): ApiListItem {
  const m = entry.monograph;
  const id = ids.of(entry);
  const idOf = (kind: CatalogEntry['monograph']['kind'], slug: string): string | null => ids.byKey.get(entryKey(kind, slug)) ?? null;
  const p = m.product;
  return {
    id,
    slug: m.slug,
    kind: m.kind,
    title: m.title,
    names: distinctNames([m.title, m.genericName ?? '', ...m.brandNames, ...m.synonyms]),
    url: entry.url,
    api: drugPath(id),
    lastModified: m.lastModified,
    letter: letterOf(m.title),
    banned: entry.banned.value,
    drugClass: m.drugClass?.text ?? null,
    classLabel: m.drugClass ? classLabel(m.drugClass.text) : null,
    company: p?.company ?? null,
    product: p
      ? { type: p.type, strength: p.strength, packSize: p.packSize, mrp: p.mrp, form: p.form, discontinued: p.discontinued, components: p.components, pack: p.pack, unitPrice: p.unitPrice }
      : null,
    ingredients: entry.links.ingredients.map((i) => ({ name: i.name, id: i.link ? idOf(i.link.kind, i.link.slug) : null })),
    generic: entry.links.generic ? idOf(entry.links.generic.kind, entry.links.generic.slug) : null,
    ...(options.regimens === true ? { regimens: regimensOf(m) } : {}),
  };
}

/** Sort key of a list row: title without case and accents, then id (ids are unique, so the order is total). */
export function listOrderKey(item: Pick<ApiListItem, 'title' | 'id'>): [string, string] {
  return [fold(item.title), item.id];
}

/** Compare two sort keys (plain code-unit order: the same in every locale and runtime). */
export function compareOrderKeys(a: readonly [string, string], b: readonly [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}
