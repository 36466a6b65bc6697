import type { SourceRef } from '../clinical/schema.js';
import { fold } from '../util/text.js';
import { phrasePattern, type CompiledGroup } from './groups.js';
import { classPhrases, searchableNames, type InteractionProfile } from './profile.js';

/** Medicines one check takes, at most and at least. */
export const MAX_CHECKED = 10;
export const MIN_CHECKED = 2;

/** One reason to flag a pair: a statement of one drug's monograph that names the other. */
export interface InteractionFinding {
  /** Whose monograph says it (a profile id). */
  in: string;
  statement: InteractionProfile['statements'][number];
  /** How the statement names the other drug: by one of its names, its class, or a group it belongs to. */
  by: 'name' | 'class' | 'group';
  /** The name, class or group label found. */
  term: string;
  /** For a class or a group: the other drug's own sentence that puts it there. */
  evidence: SourceRef | null;
}

export interface PairCheck {
  a: string;
  b: string;
  findings: InteractionFinding[];
  /** Ingredients both contain (the same page): taking both takes that ingredient twice. Computed from the pages' links. */
  shared: { title: string; url: string }[];
}

export interface InteractionCheck {
  /** Every pair of distinct drugs, in input order; `findings` empty means none found in these monographs. */
  pairs: PairCheck[];
}

/**
 * Check every pair: a pair is flagged where one drug's interaction statements name the other — by
 * a name (title, generic, synonym, brand, ingredient), by its class as its monograph gives it
 * ("proton pump inhibitors"), or by a group the other's own monograph puts it in (live vaccines,
 * QT-prolonging drugs, CYP3A4 inhibitors…). Both directions are looked at.
 * It finds what the monographs say; an empty result is "no interaction found in these
 * monographs", never "safe".
 */
export function checkInteractions(all: readonly InteractionProfile[], groups: readonly CompiledGroup[]): InteractionCheck {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const profiles = all.filter((p, i) => all.findIndex((q) => q.id === p.id) === i);
  const pairs: PairCheck[] = [];
  for (let i = 0; i < profiles.length; i++) {
    for (let j = i + 1; j < profiles.length; j++) {
      const a = profiles[i]!;
      const b = profiles[j]!;
      const shared = a.ingredients.filter((i) => b.ingredients.some((j) => j.url === i.url));
      pairs.push({ a: a.id, b: b.id, findings: [...findingsOf(a, b, byId), ...findingsOf(b, a, byId)], shared });
    }
  }
  return { pairs };
}

/** Statements of `speaker` that name `other`. */
function findingsOf(speaker: InteractionProfile, other: InteractionProfile, groups: ReadonlyMap<string, CompiledGroup>): InteractionFinding[] {
  const names = phrasePattern(searchableNames(other).filter((n) => !speaker.names.some((own) => fold(own) === n)));
  // The other drug's class phrases, in singular or plural, each with the sentence that gives the class.
  const classes = classPhrases(other).flatMap((phrase) => {
    const source = other.classes.find((c) => fold(c.text).includes(phrase))?.source;
    const pattern = phrasePattern([phrase, `${phrase}s`]);
    return source === undefined || pattern === null ? [] : [{ phrase, pattern, source }];
  });
  const out: InteractionFinding[] = [];
  for (const statement of speaker.statements) {
    const text = fold(statement.text);
    const name = names === null ? null : names.exec(text);
    if (name !== null) {
      out.push({ in: speaker.id, statement, by: 'name', term: other.names.find((n) => fold(n) === name[0]) ?? name[0], evidence: null });
      continue;
    }
    const cls = classes.find((c) => c.pattern.test(text));
    if (cls !== undefined) {
      out.push({ in: speaker.id, statement, by: 'class', term: cls.phrase, evidence: cls.source });
      continue;
    }
    for (const member of other.groups) {
      const g = groups.get(member.id);
      if (g === undefined || !g.mention.test(text)) continue;
      out.push({ in: speaker.id, statement, by: 'group', term: member.label, evidence: member.evidence });
      break;
    }
  }
  return out;
}
