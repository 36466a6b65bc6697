import { inlineText } from '../content/index.js';
import type { Fact, Section } from '../model/index.js';
import { cleanName, looksLikeName, nameKey, splitNameList } from './names.js';

const CLASS_LINE = /^\s*(?:[-*+]\s+)?\*\*\s*(?:pharmacological|pharmacologic|drug|therapeutic)\s+class(?:ification)?\s*:?\s*\*\*\s*:?\s*(.+)$/i;

/**
 * The drug class as a page states it (`**Pharmacological classification:** …`), first sentence only.
 * `lines` are the body lines, `lines[k]` being file line `firstLine + k`; the line is read from the
 * section's own range in the file (its markdown has leading blank lines trimmed, so offsets into
 * the markdown are not file lines).
 */
export function findDrugClass(sections: readonly Section[], lines: readonly string[], firstLine: number, file: string): Fact | null {
  for (const s of sections) {
    for (let l = s.range.start; l <= s.range.end; l++) {
      const m = CLASS_LINE.exec(lines[l - firstLine] ?? '');
      if (!m) continue;
      const text = firstSentence(inlineText(m[1]!));
      if (text) return { text, line: l, file };
    }
  }
  return null;
}

function firstSentence(t: string): string {
  // A full stop ends the sentence unless it follows a one-letter abbreviation ("e.g."); "in B-CLL." ends it.
  const m = /^(.+?\S)(?<!\b\p{L})\.(?:\s+(?=\p{Lu})|$)/u.exec(t);
  const s = (m ? m[1]! : t).trim();
  return s.length > 160 ? s.slice(0, s.lastIndexOf(' ', 157)) + '…' : s;
}

const NOT_A_PRODUCT =
  /(I (?:cannot|can't|am unable to) (?:provide|give|find)|not (?:a )?(?:recogni[sz]ed|standard|approved|established|common|known|typical)(?: or approved|, pre-?(?:made|approved|formulated|packaged|mixed))? (?:pharmaceutical |fixed[- ]dose |medication |generic )?(?:formulation|combination|product|medication|medicine)|(?:typically|commonly) not combined into a single|not (?:typically|commonly) combined into a single|does not exist as a|no (?:such|known|established) (?:fixed[- ]dose )?combination|is not a (?:recogni[sz]ed|standard|known|common) (?:fixed[- ]dose )?(?:combination|medication|drug))/i;

/** A page saying the combination is not a real product (or that the writer could not answer). */
export function findNotAProduct(lines: readonly string[], firstLine: number, file: string): Fact | null {
  const limit = Math.min(lines.length, 25);
  for (let i = 0; i < limit; i++) {
    const m = NOT_A_PRODUCT.exec(lines[i]!);
    if (m) {
      const sentence = sentenceAround(lines[i]!, m.index);
      return { text: sentence, line: firstLine + i, file };
    }
  }
  return null;
}

function sentenceAround(line: string, at: number): string {
  const plain = line;
  const start = Math.max(plain.lastIndexOf('. ', at) + 2, 0);
  const endDot = plain.indexOf('. ', at);
  const end = endDot < 0 ? plain.length : endDot + 1;
  return inlineText(plain.slice(start === 1 ? 0 : start, end)).slice(0, 300);
}

export interface Names {
  brandNames: string[];
  synonyms: string[];
}

// `**Brand Names:** A, B` / `Brand name: A`; a label needs its colon or bold, so that prose such as
// "Brand names under which it is marketed include A and B" is read by BRAND_PROSE instead.
const BRAND_KV = /^\s*(?:[-*+]\s+)?\*{0,2}\s*(?:popular\s+)?(?:brand|trade)\s+names?(?:\s*\([^)]*\))?\s*(?::\s*\*{0,2}|\*\*\s*:?)\s*(.+)$/i;
const INN_KV = /^\s*(?:[-*+]\s+)?\*{0,2}\s*(?:international nonproprietary name|inn|generic name|also known as|other names?|synonyms?)(?:\s*\([^)]*\))?\s*:?\s*\*{0,2}\s*:?\s*(.+)$/i;
const BRAND_PROSE = /(?:brand names?(?: (?:under|by) which [^.,;:]{1,40}?(?: is| are| has been| have been|'s|’s) (?:marketed|sold|known))?|marketed (?:under|as)(?: the)?(?: brand)?(?: names?)?|sold (?:under|as)(?: the)?(?: brand)?(?: names?)?)\s*(?:include|includes|are|is|such as|like|of)?\s*:?\s*([^.]+)/gi;
const KNOWN_AS = /(?:also known as|also called|known internationally as)\s+([^.]+)/gi;

/**
 * Brand names and synonyms stated in an *Alternate Names* section: `**Brand Names:** A, B`,
 * bare bullets `* Sintrom®`, and prose such as "marketed under the brand names Campath and Lemtrada".
 */
export function findNames(section: Section | undefined, title: string): Names {
  const brands: string[] = [];
  const synonyms: string[] = [];
  if (!section) return { brandNames: [], synonyms: [] };
  for (const raw of section.markdown.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    let m = BRAND_KV.exec(line);
    if (m) {
      brands.push(...splitNameList(inlineText(m[1]!)));
      continue;
    }
    if ((m = INN_KV.exec(line))) {
      synonyms.push(...splitNameList(inlineText(m[1]!)));
      continue;
    }
    const bullet = /^(?:[-*+]|\d+[.)])\s+(.+)$/.exec(line);
    if (bullet && !/\*\*[^*]+:\*\*/.test(bullet[1]!) && !/[.:]\s/.test(inlineText(bullet[1]!))) {
      const written = inlineText(bullet[1]!);
      const name = cleanName(written);
      if (looksLikeName(name)) (isOtherName(written, name, title) ? synonyms : brands).push(name);
      continue;
    }
    const plain = inlineText(line);
    for (const p of plain.matchAll(BRAND_PROSE)) brands.push(...splitNameList(p[1]!));
    for (const p of plain.matchAll(KNOWN_AS)) synonyms.push(...splitNameList(p[1]!));
  }
  const own = nameKey(title);
  const seen = new Set([own]);
  const dedupe = (list: string[]): string[] =>
    list.filter((n) => {
      const k = nameKey(n);
      if (!k || seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  const brandNames = dedupe(brands);
  return { brandNames, synonyms: dedupe(synonyms) };
}

/**
 * Whether a bare bullet under *Alternate Names* is another name of the drug rather than a brand:
 * it carries no trademark sign or "brand" note, and it repeats a word of the title ("Lactated
 * Ringer's Solution") or is descriptive, with a lowercase word ("Hartmann's solution").
 */
function isOtherName(written: string, name: string, title: string): boolean {
  if (/[™®©]|\bbrand/i.test(written)) return false;
  const titleKey = nameKey(title);
  const words = name.split(/[\s-]+/);
  if (words.some((w) => nameKey(w).length >= 4 && titleKey.includes(nameKey(w)))) return true;
  return words.some((w) => /^\p{Ll}{3,}$/u.test(w));
}
