import { extractDrugClass } from '../clinical/drug-class.js';
import { extractInteractions } from '../clinical/lists.js';
import type { ListItem, SourceRef } from '../clinical/schema.js';
import { sectionLines, sentences } from '../clinical/section-lines.js';
import type { Kind, Monograph } from '../model/index.js';
import { distinctNames, fold } from '../util/text.js';
import type { CompiledGroup } from './groups.js';

/** Sections whose sentences may say what the drug itself is (never its interactions or warnings about others). */
const SELF_SECTIONS = new Set(['overview', 'how-it-works', 'summary']);
/** Names shorter than this are not looked for in other monographs' text (too many accidental words). */
const MIN_NAME = 4;

/** What the interaction check knows of one drug, read from its own monograph. */
export interface InteractionProfile {
  id: string;
  kind: Kind;
  title: string;
  url: string;
  /** Names other monographs may use for it: title, generic name, synonyms, brand names, ingredients' names. */
  names: string[];
  /** Classes the monographs give (a combination: each ingredient's), with their sentences. */
  classes: { text: string; source: SourceRef }[];
  /** Groups the drug's own monograph puts it in, each with the sentence that says so. */
  groups: { id: string; label: string; evidence: SourceRef }[];
  /** The interaction statements of its monograph(s), as written; `from`: the ingredient's monograph a combination's statement comes from. */
  statements: (ListItem & { from?: { title: string; url: string } })[];
  /** A brand: the generic or combination whose monograph speaks for it. */
  via: { title: string; url: string } | null;
  /** The active ingredients' pages: a composition's own, a combination's ingredients' (found), a brand's generic's. */
  ingredients: { title: string; url: string }[];
}

/** A drug as the profile needs it: a monograph with its page address (an API drug document is one). */
export type ProfileSource = Monograph & { url: string; id?: string };

const primaryFile = (m: Monograph): string => m.sources.find((s) => s.role === 'primary')?.file ?? m.sources[0]?.file ?? m.slug;

/** The profile of one monograph on its own (no ingredients merged). */
export function profileOf(m: ProfileSource, groups: readonly CompiledGroup[]): InteractionProfile {
  const file = primaryFile(m);
  const cls = safely(() => extractDrugClass(m, { file }), null);
  const classes = cls === null ? [] : [{ text: cls.text, source: cls.source }];
  const names = uniqueNames([m.title, m.genericName ?? '', ...m.synonyms, ...m.brandNames, ...m.ingredients]);
  return {
    id: m.id ?? m.slug,
    kind: m.kind,
    title: m.title,
    url: m.url,
    names,
    classes,
    groups: membership(m, classes, groups, file),
    statements: safely(() => extractInteractions(m.sections, { file }), []),
    via: null,
    ingredients: m.kind === 'composition' ? [{ title: m.title, url: m.url }] : [],
  };
}

/**
 * A combination's profile: its own statements and names, and each ingredient's (found) profile
 * merged in, so "Paracetamol + Caffeine" interacts as paracetamol and as caffeine do.
 */
export function combinedProfile(own: InteractionProfile, ingredients: readonly InteractionProfile[]): InteractionProfile {
  return {
    ...own,
    names: uniqueNames([...own.names, ...ingredients.flatMap((p) => p.names)]),
    classes: [...own.classes, ...ingredients.flatMap((p) => p.classes)],
    groups: dedupeBy([...own.groups, ...ingredients.flatMap((p) => p.groups)], (g) => g.id),
    statements: dedupeBy([...own.statements, ...ingredients.flatMap((p) => p.statements.map((s) => ({ ...s, from: s.from ?? { title: p.title, url: p.url } })))], (s) => `${s.source.file}:${s.source.line}:${s.text}`),
    ingredients: dedupeBy([...own.ingredients, ...ingredients.flatMap((p) => p.ingredients)], (i) => i.url),
  };
}

/** A brand: its generic's (or combination's) profile, under the brand's name, with its own name added. */
export function brandProfile(brand: ProfileSource, generic: InteractionProfile): InteractionProfile {
  return {
    ...generic,
    id: brand.id ?? brand.slug,
    kind: brand.kind,
    title: brand.title,
    url: brand.url,
    names: uniqueNames([brand.title, ...brand.brandNames, ...generic.names]),
    via: { title: generic.title, url: generic.url },
  };
}

function membership(m: Monograph, classes: InteractionProfile['classes'], groups: readonly CompiledGroup[], file: string): InteractionProfile['groups'] {
  const out: InteractionProfile['groups'] = [];
  const own: SourceRef[] = [];
  const effects: SourceRef[] = [];
  for (const section of m.sections) {
    const into = SELF_SECTIONS.has(section.id) ? own : section.id === 'side-effects' ? effects : null;
    if (into === null) continue;
    for (const line of safely(() => sectionLines(section), [])) {
      // A summary's "Drug Interactions: …" line names other drugs; it never says what this one is.
      if (into === own && /interact/i.test(line.label ?? '')) continue;
      const whole = line.label ? `${line.label}: ${line.text}` : line.text;
      for (const s of sentences(whole)) into.push({ file, line: line.line, text: s.text });
    }
  }
  for (const g of groups) {
    const byClass = g.classTerm === null ? undefined : classes.find((c) => g.classTerm!.test(fold(c.text)));
    if (byClass !== undefined) {
      out.push({ id: g.id, label: g.label, evidence: byClass.source });
      continue;
    }
    const said = own.find((s) => g.self.some((re) => re.test(fold(s.text)))) ?? (g.sideEffect === null ? undefined : effects.find((s) => g.sideEffect!.test(fold(s.text))));
    if (said !== undefined) out.push({ id: g.id, label: g.label, evidence: said });
  }
  return out;
}

/** Names each once (see `distinctNames`), trademark signs and runs of spaces removed. */
function uniqueNames(names: readonly string[]): string[] {
  return distinctNames(names.map((n) => n.replace(/[®™©]/g, '').replace(/\s+/g, ' ')));
}

/** Head nouns of a drug class ("… inhibitor", "… antibiotic"): a class phrase must end with one. */
const CLASS_HEADS = [
  'inhibitor', 'antagonist', 'agonist', 'blocker', 'antibiotic', 'antifungal', 'antiviral', 'antiretroviral', 'statin', 'diuretic',
  'corticosteroid', 'steroid', 'anticoagulant', 'antiplatelet', 'antidepressant', 'antipsychotic', 'anticonvulsant', 'antiepileptic',
  'opioid', 'benzodiazepine', 'antihistamine', 'nsaid', 'vaccine', 'antibody', 'analgesic', 'bronchodilator', 'hormone',
  'immunosuppressant', 'sulfonylurea', 'sulphonylurea', 'bisphosphonate', 'penicillin', 'cephalosporin', 'macrolide',
  'fluoroquinolone', 'tetracycline', 'aminoglycoside', 'carbapenem', 'antimalarial', 'anthelmintic', 'antiemetic', 'laxative',
  'antacid', 'vasodilator', 'antiarrhythmic', 'antihypertensive', 'antidiabetic', 'antineoplastic', 'barbiturate', 'triptan',
  'nitrate', 'glycoside', 'retinoid', 'antihyperglycemic', 'biguanide', 'agent', 'anesthetic', 'anaesthetic', 'muscle relaxant', 'sedative', 'hypnotic', 'stimulant',
];
const CLASS_HEAD = new RegExp(`(?:${CLASS_HEADS.join('|')})$`);
/** Heads that say nothing on their own ("an inhibitor", "an agent"): a class phrase needs a word before them. */
const BARE_HEADS = new Set(['agent', 'inhibitor', 'antagonist', 'agonist', 'blocker', 'antibody', 'vaccine', 'hormone', 'steroid', 'nitrate', 'glycoside', 'stimulant']);

/**
 * The phrases a drug's class text names it by, to look for in other monographs ("proton pump
 * inhibitor (PPI)" → "proton pump inhibitor"): each clause of the class, 1–4 words, ending with a
 * class noun, articles dropped. Whole classes only: "Immunomodulator, monoclonal antibody
 * (specifically, …)" gives "monoclonal antibody".
 */
export function classPhrases(p: InteractionProfile): string[] {
  const out = new Set<string>();
  for (const c of p.classes) {
    for (const clause of fold(c.text).split(/[,;:()[\]/]|\b(?:and|or|as|used|that|which|for|with)\b/)) {
      const words = clause.replace(/^\s*(?:a|an|the)\s+/, '').trim().split(/\s+/).filter((w) => w !== '');
      if (words.length === 0 || words.length > 4) continue;
      const phrase = words.join(' ').replace(/s$/, '');
      // "antiplatelet agent": the class is also named without "agent" ("other antiplatelets").
      const bare = phrase.endsWith(' agent') ? phrase.slice(0, -' agent'.length) : null;
      for (const p of [phrase, bare]) if (p !== null && CLASS_HEAD.test(p) && !BARE_HEADS.has(p) && p.replace(/[^\p{L}]/gu, '').length >= 5) out.add(p);
    }
  }
  return [...out];
}

/** The names of a profile worth looking for in text: long enough, as folded whole-word patterns. */
export function searchableNames(p: InteractionProfile): string[] {
  return p.names.map((n) => fold(n)).filter((n) => n.replace(/[^\p{L}\p{N}]/gu, '').length >= MIN_NAME);
}

function dedupeBy<T>(xs: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function safely<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
