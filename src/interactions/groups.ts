import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { fold } from '../util/text.js';

/**
 * Groups of drugs that interaction statements name ("live vaccines", "QT prolonging drugs",
 * "CYP3A4 inhibitors"), curated in the repository's `data/interactions/groups.json`: how
 * statements phrase each group, and how a monograph says its own drug belongs to it. Phrasings
 * only: membership is always read from the member's own monograph, with the sentence shown.
 */
export const InteractionGroupSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** How a reader sees the group named ("drugs that prolong the QT interval"). */
  label: z.string().min(1),
  /** Phrases naming the group in an interaction statement (whole words, any case). */
  mentions: z.array(z.string().min(2)).min(1),
  /** Phrases that, found in a drug's own class, make it a member. */
  classTerms: z.array(z.string().min(2)),
  /** Regular expressions over one sentence of a drug's own overview, mechanism or summary that make it a member. */
  self: z.array(z.string().min(1)),
  /** Phrases that, found in a drug's own Side effects section, make it a member (a group defined by an effect). */
  sideEffects: z.array(z.string().min(2)).default([]),
  source: z.string().min(1),
});
export type InteractionGroup = z.infer<typeof InteractionGroupSchema>;
export const InteractionGroupsSchema = z.object({ note: z.string().optional(), groups: z.array(InteractionGroupSchema) });

/** A group ready to match: its phrases compiled. */
export interface CompiledGroup {
  id: string;
  label: string;
  mention: RegExp;
  classTerm: RegExp | null;
  self: RegExp[];
  sideEffect: RegExp | null;
}

export const DEFAULT_GROUPS_FILE = fileURLToPath(new URL('../../data/interactions/groups.json', import.meta.url));

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whole-word, case- and accent-insensitive alternation of phrases (matched against folded text).
 * Not inside a hyphenated word, and not negated: "non-opioid" does not name opioids.
 */
export function phrasePattern(phrases: readonly string[]): RegExp | null {
  const alts = [...new Set(phrases.map((p) => fold(p).trim()).filter((p) => p !== ''))].sort((a, b) => b.length - a.length).map(escape);
  return alts.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}-])(?<!\\bnon )(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'u');
}

/** Validate and compile groups; a bad file or pattern is an error naming it (the repository's data, not content). */
export function compileGroups(value: unknown, where = 'interaction groups'): CompiledGroup[] {
  const parsed = InteractionGroupsSchema.safeParse(value);
  if (!parsed.success) throw new Error(`${where}: ${z.prettifyError(parsed.error)}`);
  return parsed.data.groups.map((g) => {
    const mention = phrasePattern(g.mentions);
    if (mention === null) throw new Error(`${where}: group ${g.id} has no usable mention`);
    const self = g.self.map((s) => {
      try {
        return new RegExp(s, 'iu');
      } catch (e) {
        throw new Error(`${where}: group ${g.id} has a bad pattern ${JSON.stringify(s)}: ${(e as Error).message}`);
      }
    });
    return { id: g.id, label: g.label, mention, classTerm: phrasePattern(g.classTerms), self, sideEffect: phrasePattern(g.sideEffects) };
  });
}

let bundled: CompiledGroup[] | null = null;

/** The repository's groups (`data/interactions/groups.json`), read once. */
export function defaultGroups(): CompiledGroup[] {
  bundled ??= compileGroups(JSON.parse(readFileSync(DEFAULT_GROUPS_FILE, 'utf8')) as unknown, DEFAULT_GROUPS_FILE);
  return bundled;
}
