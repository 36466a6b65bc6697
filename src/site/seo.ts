import type { CatalogEntry, Faq } from '../model/index.js';
import type { SiteContext } from './context.js';
import { forText, regimensOf, scheduleText } from './regimens-block.js';
import { htmlToText, isoDate } from './text.js';

/** A JSON-LD object (schema.org vocabulary). */
export type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';

/** Home page: `WebSite` with a `SearchAction` pointing at /search/?q=. */
export function websiteJsonLd(ctx: SiteContext): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    name: ctx.options.siteName,
    url: ctx.canonical('/'),
    inLanguage: 'en',
    potentialAction: {
      '@type': 'SearchAction',
      target: `${ctx.canonical('/search/')}?q={search_term_string}`,
      'query-input': 'required name=search_term_string',
    },
  };
}

function uniqueNames(names: readonly string[], except: string): string[] {
  const seen = new Set([except.toLowerCase()]);
  const out: string[] = [];
  for (const n of names) {
    const key = n.trim().toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(n.trim());
  }
  return out;
}

/** Drug pages: `MedicalWebPage` whose `mainEntity` is a `Drug`. */
export function drugPageJsonLd(ctx: SiteContext, entry: CatalogEntry, description: string): JsonLd {
  const m = entry.monograph;
  const url = ctx.canonical(entry.url);
  const modified = isoDate(m.lastModified);
  const drug: JsonLd = { '@type': 'Drug', name: m.title, url };
  const alternateName = uniqueNames([...m.brandNames, ...m.synonyms], m.title);
  if (alternateName.length > 0) drug['alternateName'] = alternateName;
  if (m.genericName !== null && m.genericName.trim() !== '' && m.kind !== 'medicine') drug['nonProprietaryName'] = m.genericName;
  const ingredients =
    m.kind === 'combination' && m.ingredients.length > 0
      ? m.ingredients
      : m.kind === 'medicine'
        ? entry.links.ingredients.map((i) => i.name)
        : [];
  if (ingredients.length > 0) drug['activeIngredient'] = ingredients;
  if (m.drugClass !== null) drug['drugClass'] = { '@type': 'DrugClass', name: m.drugClass.text };
  if (m.kind === 'medicine') {
    drug['isProprietary'] = true;
    if (m.product?.company != null) drug['manufacturer'] = { '@type': 'Organization', name: m.product.company };
    if (entry.links.generic !== null) drug['nonProprietaryName'] = entry.links.generic.title;
  }
  if (entry.banned.value) drug['legalStatus'] = 'Banned in India';
  if (modified !== null) drug['dateModified'] = modified;
  // With --regimens (experimental): the doses the page's calculator shows, as schema.org DoseSchedule.
  const regimens = ctx.options.regimens === true ? regimensOf(m) : [];
  if (regimens.length > 0) {
    drug['doseSchedule'] = regimens.map((r) => {
      const schedule: JsonLd = { '@type': 'DoseSchedule', doseValue: r.amount, doseUnit: `mg${r.per === 'kg' ? '/kg' : r.per === 'm2' ? '/m²' : ''}${r.amountPer === 'day' ? ' per day' : ''}` };
      const frequency = scheduleText(r);
      if (frequency !== '') schedule['frequency'] = frequency;
      const who = forText(r);
      if (who !== '') schedule['targetPopulation'] = who;
      return schedule;
    });
    const routes = [...new Set(regimens.map((r) => r.route).filter((x): x is NonNullable<typeof x> => x !== null))];
    if (routes.length > 0) drug['administrationRoute'] = routes;
  }
  const page: JsonLd = {
    '@context': CONTEXT,
    '@type': 'MedicalWebPage',
    name: m.title,
    url,
    inLanguage: 'en',
    isPartOf: { '@type': 'WebSite', name: ctx.options.siteName, url: ctx.canonical('/') },
  };
  if (description !== '') page['description'] = description;
  if (modified !== null) page['dateModified'] = modified;
  page['mainEntity'] = drug;
  return page;
}

/** `FAQPage` from exactly the FAQ pairs the page shows; null when there are none. */
export function faqJsonLd(faqs: readonly Faq[]): JsonLd | null {
  if (faqs.length === 0) return null;
  return {
    '@context': CONTEXT,
    '@type': 'FAQPage',
    mainEntity: faqs.map((f) => ({
      '@type': 'Question',
      name: f.question.trim(),
      acceptedAnswer: { '@type': 'Answer', text: htmlToText(f.answerHtml) },
    })),
  };
}
