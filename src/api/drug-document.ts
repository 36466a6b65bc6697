import { entryKey } from '../catalog/index.js';
import type { ClinicalFacts } from '../clinical/index.js';
import { clinicalFactsOf, regimensOf } from '../site/regimens-block.js';
import type { CatalogEntry, Link } from '../model/index.js';
import { fhirId, type ApiIds } from './ids.js';
import { drugPath, fhirPath } from './paths.js';
import { API_VERSION, type ApiDrug, type ApiLink } from './schemas.js';

/**
 * The API document of one catalog entry: the monograph as normalized (every field), its page URL,
 * links with API ids, banned status (inherited for brands) and, when published, its dose regimens.
 */
export interface ApiDrugOptions {
  /** Publish the dose regimens read from the text (`--regimens`, experimental); else `regimens` is empty. */
  regimens?: boolean;
}

export function toApiDrug(entry: CatalogEntry, ids: ApiIds, options: ApiDrugOptions = {}): ApiDrug {
  const id = ids.of(entry);
  const link = (l: Link): ApiLink => apiLink(l, ids);
  return {
    apiVersion: API_VERSION,
    id,
    ...entry.monograph,
    url: entry.url,
    api: { self: drugPath(id), fhir: fhirPath(fhirId(id)) },
    links: {
      ingredients: entry.links.ingredients.map((i) => ({ name: i.name, link: i.link ? link(i.link) : null })),
      combinations: entry.links.combinations.map(link),
      brands: entry.links.brands.map(link),
      generic: entry.links.generic ? link(entry.links.generic) : null,
    },
    banned: { ...entry.banned },
    regimens: options.regimens === true ? regimensOf(entry.monograph) : [],
    ...(options.regimens === true ? { facts: factsWithoutRegimens(clinicalFactsOf(entry.monograph)) } : {}),
  };
}

/** A catalog link with the target's API id and document. */
export function apiLink(l: Link, ids: ApiIds): ApiLink {
  const id = ids.byKey.get(entryKey(l.kind, l.slug));
  if (id === undefined) throw new Error(`api: link to "${l.kind}:${l.slug}", which is not in the catalog`);
  return { ...l, id, api: drugPath(id) };
}

function factsWithoutRegimens(f: ClinicalFacts): Omit<ClinicalFacts, 'regimens'> {
  const { regimens: _regimens, ...rest } = f;
  return rest;
}
