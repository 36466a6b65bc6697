import { inlineText } from '../content/index.js';
import type { Fact, Section } from '../model/index.js';
import { cleanName, looksLikeName, nameKey, splitNameList } from './names.js';

const CLASS_LINE = /^\s*(?:[-*+]\s+)?\*\*\s*(?:pharmacological|pharmacologic|drug|therapeutic)\s+class(?:ification)?\s*:?\s*\*\*\s*:?\s*(.+)$/i;

/** The drug class as a page states it (`**Pharmacological classification:** …`), first sentence only. */
export function findDrugClass(sections: readonly Section[], file: string): Fact | null {
  for (const s of sections) {
    const lines = s.markdown.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = CLASS_LINE.exec(lines[i]!);
      if (!m) continue;
      const text = firstSentence(inlineText(m[1]!));
      if (text) return { text, line: lineOf(s, i), file };
    }
  }
  return null;
}

function firstSentence(t: string): string {
  const m = /^(.+?[a-z)\]])\.(?:\s|$)/.exec(t);
  const s = (m ? m[1]! : t).trim();
  return s.length > 160 ? s.slice(0, s.lastIndexOf(' ', 157)) + '…' : s;
}

/** File line of `markdown` line `i` (the section's markdown starts after its heading line). */
function lineOf(s: Section, i: number): number {
  return s.heading === null ? s.range.start + i : s.range.start + 1 + i;
}

const NOT_A_PRODUCT =
  /(I (?:cannot|can't|am unable to) (?:provide|give|find)|not (?:a )?(?:recogni[sz]ed|standard|approved|established|common|known|typical) (?:or approved )?(?:pharmaceutical |fixed[- ]dose |medication )?(?:formulation|combination|product|medication)|typically not combined into a single|does not exist as a|no (?:such|known|established) (?:fixed[- ]dose )?combination|is not a (?:recogni[sz]ed|standard|known|common) (?:fixed[- ]dose )?(?:combination|medication|drug))/i;

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

const BRAND_KV = /^\s*(?:[-*+]\s+)?\*{0,2}\s*(?:popular\s+)?(?:brand|trade)\s+names?(?:\s*\([^)]*\))?\s*:?\s*\*{0,2}\s*:?\s*(.+)$/i;
const INN_KV = /^\s*(?:[-*+]\s+)?\*{0,2}\s*(?:international nonproprietary name|inn|generic name|also known as|other names?|synonyms?)(?:\s*\([^)]*\))?\s*:?\s*\*{0,2}\s*:?\s*(.+)$/i;
const BRAND_PROSE = /(?:brand names?|marketed (?:under|as)(?: the)?(?: brand)?(?: names?)?|sold (?:under|as)(?: the)?(?: brand)?(?: names?)?)\s*(?:include|includes|are|is|such as|like|of)?\s*:?\s*([^.]+)/gi;
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
      const name = cleanName(inlineText(bullet[1]!));
      if (looksLikeName(name)) brands.push(name);
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
