import type { ApiDrug, ApiListItem } from '../api/index.js';
import { brandProfile, combinedProfile, defaultGroups, checkInteractions, MAX_CHECKED, MIN_CHECKED, profileOf, type CompiledGroup, type InteractionProfile } from '../interactions/index.js';
import { SECTION_ORDER, SECTION_TITLES, type SectionId } from '../model/index.js';
import type { SiteSearch } from '../search/engine/index.js';
import { computeDose, scheduleDates, type Regimen } from '../clinical/index.js';
import { doseText, forText, scheduleText, type CompareColumn, type ComparePageData, type DosePageData, type InteractionsPageData, type ToolInput } from '../site/index.js';
import type { ApiData } from './api/api-data.js';

/**
 * The answers of the tools `formulary serve` renders (`/interactions/`, `/compare/` and the drug
 * pages' dose calculator `/dose/`), read from the built site's API documents, so the server needs
 * nothing but the site folder.
 */
export interface ToolDeps {
  data: ApiData;
  search: SiteSearch;
  /** A drug's API document as the build wrote it, or null when it is missing or unreadable. */
  readDrug(id: string): Promise<ApiDrug | null>;
  groups?: readonly CompiledGroup[];
}

/** Longest name read from the form; more is cut (the form allows 200 characters). */
const MAX_INPUT = 200;
/** Form values read at most (more are ignored, with a message). */
const MAX_VALUES = 20;
/** Sections not compared side by side: they are about the page, not the drug. */
const NOT_COMPARED = new Set<SectionId>(['alternate-names', 'faqs', 'disclaimer']);

/** The form's values: trimmed, non-empty, at most {@link MAX_VALUES}, each at most {@link MAX_INPUT} characters. */
export function formValues(values: readonly string[]): string[] {
  return values
    .map((v) => v.replace(/\s+/g, ' ').trim().slice(0, MAX_INPUT))
    .filter((v) => v !== '')
    .slice(0, MAX_VALUES);
}

/**
 * What each typed name is: an API id or a page address, else the site search's exact name match (generic, brand,
 * synonym or combination). A typo or a partial name is never taken for a drug: the closest name is
 * offered instead (a look-alike name is a classic medication error).
 */
export function resolveInputs(texts: readonly string[], deps: Pick<ToolDeps, 'data' | 'search'>): { input: ToolInput; item: ApiListItem | null }[] {
  return texts.map((text) => {
    // An id, or a page address (the drug pages link here with their own address).
    const direct = deps.data.byId.get(text) ?? (text.startsWith('/') ? deps.data.byUrl.get(text) : undefined);
    if (direct !== undefined) return { input: { text, found: foundOf(direct), didYouMean: null }, item: direct };
    const top = deps.search.search(text, { limit: 1 }).results[0];
    const item = top === undefined ? undefined : deps.data.byUrl.get(top.url);
    if (top !== undefined && item !== undefined && (top.how === 'exact' || top.how === 'synonym' || top.how === 'combination')) {
      return { input: { text, found: foundOf(item), didYouMean: null }, item };
    }
    return { input: { text, found: null, didYouMean: item === undefined ? null : { title: item.title, url: item.url, id: item.id } }, item: null };
  });
}

const foundOf = (item: ApiListItem): NonNullable<ToolInput['found']> => ({ id: item.id, title: item.title, url: item.url, kind: item.kind, via: null });

/** The interaction check for the form's values. */
export async function interactionsAnswer(values: readonly string[], deps: ToolDeps): Promise<InteractionsPageData> {
  const texts = formValues(values);
  const resolved = resolveInputs(texts, deps);
  const groups = deps.groups ?? defaultGroups();
  const profiles: InteractionProfile[] = [];
  const seen = new Set<string>();
  for (const r of resolved) {
    if (r.item === null || seen.has(r.item.id) || profiles.length >= MAX_CHECKED) continue;
    seen.add(r.item.id);
    const p = await profileFor(r.item.id, deps, groups);
    if (p === null) continue;
    profiles.push(p);
    if (r.input.found !== null) r.input.found.via = p.via;
  }
  const found = resolved.filter((r) => r.item !== null).length;
  const message =
    texts.length === 0
      ? null
      : found > MAX_CHECKED || texts.length > MAX_CHECKED
        ? `Only the first ${MAX_CHECKED} medicines were checked: check at most ${MAX_CHECKED} at a time.`
        : profiles.length < MIN_CHECKED
          ? `Enter at least ${MIN_CHECKED} different medicines that the site has a page for.`
          : null;
  return { inputs: resolved.map((r) => r.input), profiles, check: profiles.length >= MIN_CHECKED ? checkInteractions(profiles, groups) : null, message };
}

/** A drug's profile: a brand speaks through its generic or combination; a combination adds its ingredients'. */
async function profileFor(id: string, deps: ToolDeps, groups: readonly CompiledGroup[]): Promise<InteractionProfile | null> {
  const doc = await deps.readDrug(id);
  if (doc === null) return null;
  if (doc.kind === 'medicine' && doc.links.generic !== null) {
    const generic = await profileFor(doc.links.generic.id, deps, groups);
    return generic === null ? profileOf(doc, groups) : brandProfile(doc, generic);
  }
  const own = profileOf(doc, groups);
  if (doc.kind !== 'combination') return own;
  const ingredients: InteractionProfile[] = [];
  for (const ing of doc.links.ingredients) {
    const d = ing.link === null ? null : await deps.readDrug(ing.link.id);
    if (d !== null) ingredients.push(profileOf(d, groups));
  }
  return combinedProfile(own, ingredients);
}

/** The comparison for the form's values (2 to {@link COMPARE_MAX} drugs). */
export const COMPARE_MAX = 4;
export async function compareAnswer(values: readonly string[], deps: ToolDeps): Promise<ComparePageData> {
  const texts = formValues(values);
  const resolved = resolveInputs(texts, deps);
  const columns: CompareColumn[] = [];
  const seen = new Set<string>();
  for (const r of resolved) {
    if (r.item === null || seen.has(r.item.id) || columns.length >= COMPARE_MAX) continue;
    seen.add(r.item.id);
    const doc = await deps.readDrug(r.item.id);
    if (doc === null) continue;
    // A brand's page has no monograph sections of its own: its generic's are compared, named as such.
    const generic = doc.kind === 'medicine' && doc.links.generic !== null ? await deps.readDrug(doc.links.generic.id) : null;
    const source = generic ?? doc;
    const via = generic === null ? null : { title: generic.title, url: generic.url };
    if (r.input.found !== null) r.input.found.via = via;
    columns.push({
      title: doc.title,
      url: doc.url,
      kind: doc.kind,
      via,
      sections: source.sections.filter((s) => s.canonical).map((s) => ({ id: s.id, title: s.title, html: s.html })),
    });
  }
  const present = new Set(columns.flatMap((c) => c.sections.map((s) => s.id)));
  const rows = SECTION_ORDER.filter((id) => !NOT_COMPARED.has(id) && present.has(id)).map((id) => ({ id, title: SECTION_TITLES[id] }));
  const message =
    texts.length === 0
      ? null
      : texts.length > COMPARE_MAX
        ? `Only the first ${COMPARE_MAX} medicines are compared: compare at most ${COMPARE_MAX} at a time.`
        : columns.length < 2
          ? 'Enter at least 2 different medicines that the site has a page for.'
          : null;
  return { inputs: resolved.map((r) => r.input), columns: columns.length >= 2 ? columns : [], rows: columns.length >= 2 ? rows : [], message };
}

/** What the calculator form sends (`/dose/?page=…&regimen=…&weightKg=…&heightCm=…&bsa=…&start=…`). */
export interface DoseQuery {
  page?: string | undefined;
  regimen?: string | undefined;
  weightKg?: string | undefined;
  heightCm?: string | undefined;
  bsa?: string | undefined;
  start?: string | undefined;
}

const formNumber = (v: string | undefined): number | undefined => {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : Number.NaN;
};

/** The regimen a calculator query means, with its drug, or why not. */
export async function doseRegimen(q: DoseQuery, deps: Pick<ToolDeps, 'data' | 'readDrug'>): Promise<{ drug: ApiDrug; regimen: Regimen; index: number } | { drug: ApiDrug | null; message: string }> {
  const item = q.page === undefined ? undefined : deps.data.byUrl.get(q.page);
  const drug = item === undefined ? null : await deps.readDrug(item.id);
  if (drug === null) return { drug: null, message: 'No drug page was named: use the calculator on a drug page.' };
  const index = Number(q.regimen ?? '0');
  const regimen = Number.isInteger(index) && index >= 0 ? drug.regimens[index] : undefined;
  if (regimen === undefined) return { drug, message: drug.regimens.length === 0 ? 'This drug has no doses read from its text.' : `There is no regimen #${index + 1}: choose one from the list.` };
  return { drug, regimen, index };
}

/** The calculator's answer: the dose, and with a start date the schedule and its `.ics` link. */
export async function doseAnswer(q: DoseQuery, deps: Pick<ToolDeps, 'data' | 'readDrug'>): Promise<DosePageData> {
  const found = await doseRegimen(q, deps);
  const drug = found.drug === null ? null : { title: found.drug.title, url: found.drug.url };
  if ('message' in found) return { drug, regimen: null, dose: null, schedule: null, icsHref: null, message: found.message };
  const { regimen, index } = found;
  const dose = computeDose(regimen, { weightKg: formNumber(q.weightKg), heightCm: formNumber(q.heightCm), bsa: q.bsa === 'dubois' ? 'dubois' : 'mosteller' });
  const start = q.start?.trim() ?? '';
  const schedule = start === '' ? null : scheduleDates(regimen, start);
  const icsHref = schedule?.ok === true ? `/dose/schedule.ics?${new URLSearchParams({ page: found.drug.url, regimen: String(index), start }).toString()}` : null;
  return { drug, regimen: { index, dose: doseText(regimen), schedule: scheduleText(regimen), for: forText(regimen) }, dose, schedule, icsHref, message: null };
}
