import { editDistance } from '../../search/edit-distance.js';
import { nameKey } from '../../normalize/index.js';
import { fold } from '../../util/text.js';
import type { Rule } from '../rule.js';

/** Name words shorter than this are not compared (too many real words are one letter apart). */
const MIN_LENGTH = 6;
/** Words of this length and more may differ by two letters; shorter ones by one. */
const TWO_EDITS_LENGTH = 10;

const WORD = /\p{L}+/gu;
const ASCII_WORD = /^[a-z]+$/;

const foldWord = (w: string): string => {
  const lower = w.toLowerCase();
  return ASCII_WORD.test(lower) ? lower : fold(lower);
};

interface Seen {
  count: number;
  line: number;
  index: number;
  written: string;
}

/**
 * `name-spelled-two-ways`: a word of the drug's own name (its title, so ingredients too) also
 * appears on the page spelled one letter (two for long words) differently, such as "Ozogamacin"
 * and "ozogamicin". Plurals and the names of other pages in the catalogue are not reported.
 */
export const nameSpelling: Rule = {
  name: 'name-spelling',
  codes: ['name-spelled-two-ways'],
  checkFile(file, view, ctx, report) {
    const m = file.result.monograph;
    if (!m || view.lines.length === 0) return;
    const own = new Set<string>();
    for (const name of [m.title, ...m.ingredients]) {
      for (const w of name.match(WORD) ?? []) {
        const f = foldWord(w);
        if (f.length >= MIN_LENGTH && !DESCRIPTORS.has(f)) own.add(f);
      }
    }
    if (own.size === 0) return;
    const lengths = [...own].map((w) => w.length);
    // Only words that could be a variant: the same first two letters, a length within two of a name
    // word (a small ASCII pattern per page: scanning every word of every page costs ten times more).
    const prefixes = [...new Set([...own].map((w) => w.slice(0, 2)))];
    if (prefixes.some((p) => !/^[a-z]{2}$/.test(p))) return;
    const candidate = new RegExp(`\\b(?:${prefixes.join('|')})[a-z]{${Math.min(...lengths) - 4},${Math.max(...lengths)}}\\b`, 'gi');

    // Other names are listed on purpose under Alternate Names and in "also known as" sentences.
    const listed = m.sections.filter((s) => s.id.replace(/-\d+$/, '') === 'alternate-names').map((s) => s.range);
    // Every candidate word of the page with its count and first place.
    const words = new Map<string, Seen>();
    for (let n = 1; n <= view.lines.length; n++) {
      const text = view.line(n);
      let checked = false;
      candidate.lastIndex = 0;
      for (let w = candidate.exec(text); w !== null; w = candidate.exec(text)) {
        const raw = w[0];
        const f = raw.toLowerCase();
        if (!checked) {
          checked = true;
          if (n <= view.frontmatterEnd && /^["']?title["']?\s*:/.test(text)) break;
          if (OTHER_NAMES.test(text) || listed.some((r) => n >= r.start && n <= r.end)) break;
        }
        const seen = words.get(f);
        if (seen) seen.count++;
        else words.set(f, { count: 1, line: n, index: w.index, written: raw });
      }
    }

    const entryUrl = ctx.entryUrl(file.file);
    const owners = ctx.nameWords();
    for (const name of own) {
      const budget = name.length >= TWO_EDITS_LENGTH ? 2 : 1;
      for (const [word, seen] of words) {
        if (word === name || word[0] !== name[0] || Math.abs(word.length - name.length) > budget || own.has(word)) continue;
        if (editDistance(name, word, budget) > budget || !isSpellingVariant(name, word)) continue;
        // Another drug's name (prednisone on the prednisolone page) is not a misspelling.
        const users = owners.get(word);
        if (users && [...users].some((url) => url !== entryUrl)) continue;
        const asTitle = words.get(name);
        const related = asTitle ? [{ file: file.file, ...view.spanAt(asTitle.line, asTitle.index, asTitle.written.length), message: `"${asTitle.written}" as in the title` }] : [];
        report(
          'name-spelled-two-ways',
          view.spanAt(seen.line, seen.index, seen.written.length),
          `The drug's name is written "${seen.written}" here (${seen.count}×) but "${nameAsWritten(m.title, name)}" in the title${asTitle ? ` (${asTitle.count}× more on the page)` : ''}; one of the spellings is wrong.`,
          { related },
        );
      }
    }
  },
};

/** Words of a title that describe the form, not the drug ("Budesonide Topical" is not misspelt as "typical"). */
const DESCRIPTORS = new Set(['topical', 'injection', 'injectable', 'tablet', 'tablets', 'capsule', 'capsules', 'solution', 'suspension', 'ointment', 'lotion', 'drops', 'syrup', 'vaccine', 'inhaler', 'spray', 'powder', 'inactivated', 'extended', 'release', 'ophthalmic', 'vaginal', 'rectal', 'nasal', 'cultured', 'stabilized', 'purified', 'recombinant', 'human', 'bovine', 'porcine']);

/** Endings that make another word of the same stem: lactase/lactose, asparaginase/asparagine, canrenoate/canrenone, bacterial/bacteria, erythropoietin/erythropoiesis, interferon/interferes. */
const ENDINGS = new Set(['', 'a', 'e', 'i', 's', 'ae', 'al', 'an', 'as', 'es', 'ia', 'ial', 'ic', 'ics', 'ical', 'in', 'oin', 'oic', 'um', 'us', 'ium', 'ide', 'ides', 'ine', 'ines', 'ase', 'ases', 'ose', 'oses', 'ate', 'ates', 'ite', 'one', 'ol', 'oate', 'ed', 'ing', 'sis', 'tic', 'tin', 'on', 'or', 'er', 'nt', 'is', 'oid', 'ant', 'ants']);

/**
 * Whether `word` reads as another spelling of the name word `name` rather than another word: not a
 * longer word built on it (benazepril → benazeprilat, cholera → cholerae), not the same stem with
 * another ending (lactase → lactose, hemophilic → hemophilia, plurals), not a recognised spelling
 * variant that names are matched under anyway (sulphacetamide → sulfacetamide, aciclovir → acyclovir).
 */
export function isSpellingVariant(name: string, word: string): boolean {
  if (word.startsWith(name)) return false;
  let stem = 0;
  while (stem < name.length && stem < word.length && name[stem] === word[stem]) stem++;
  if (ENDINGS.has(name.slice(stem)) && ENDINGS.has(word.slice(stem))) return false;
  // The stem without its last vowels: canren|one / canren|oate, lact|ase / lact|ose.
  while (stem > 0 && /[aeiouy]/.test(name[stem - 1]!)) stem--;
  if (ENDINGS.has(name.slice(stem)) && ENDINGS.has(word.slice(stem))) return false;
  return nameKey(name) !== nameKey(word);
}

/** A line that lists other names of the drug on purpose. */
const OTHER_NAMES = /\b(?:also (?:known|called|spelled|spelt|written|marketed)|known as|INN|USAN|BAN|spellings?|spelt|synonyms?|latin|brand names?|trade names?|international(?:ly)?)\b/i;

/** The word of `title` whose folded form is `folded`, as written. */
function nameAsWritten(title: string, folded: string): string {
  return (title.match(WORD) ?? []).find((w) => foldWord(w) === folded) ?? folded;
}
