import { fold } from '../../util/text.js';
import type { Span } from '../finding.js';
import type { Rule } from '../rule.js';

/** "Contraindicated in pregnancy", "Pregnancy: contraindicated", "must not be used during pregnancy", "Category X". */
const UNSAFE = [
  /\bcontraindicated\b[^.;]{0,40}?\bpregnan/i,
  /\bpregnan\w*\b[^.;]{0,30}?\b(?:is |are )?contraindicated\b/i,
  /\b(?:must|should) (?:not|never) be (?:used|taken|given|administered|prescribed)\b[^.;]{0,40}?\bpregnan/i,
  /\b(?:do not|don't|never) (?:use|take)\b[^.;]{0,30}?\b(?:during|in|while) pregnan/i,
  /\bavoid(?:ed)?\b[^.;]{0,30}?\b(?:during|in) pregnancy\b/i,
  /\bnot safe (?:to use |for use )?(?:during|in) pregnancy\b/i,
  /\b(?:pregnancy )?category\s*:?\s*\**\s*X\b/,
];
/** "Safe during pregnancy", "considered safe in pregnancy", "can be used during pregnancy". */
const SAFE = [
  /\bsafe\b[^.;]{0,25}?\b(?:during|in|throughout) pregnan/i,
  /\bcan be (?:safely )?(?:used|taken|given)\b[^.;]{0,20}?\b(?:during|in) pregnancy\b/i,
  /\bpregnan\w*\b[^.;]{0,30}?\b(?:is|are) (?:generally )?(?:considered )?safe\b/i,
];
/** Statements that are limited or conditional, so neither safe nor unsafe as a whole. */
const QUALIFIED = /\b(?:excessive|high[- ]doses?|large (?:amounts|doses)|food amounts|dietary|within recommended|topical(?:ly)?|oral(?:ly)?|applied|application|trimesters?|1st|2nd|3rd|first|second|third|near term|only if|unless|if clearly needed|when clearly needed|if (?:the )?(?:potential )?benefits?|benefits? outweigh|with caution|under (?:close )?(?:medical )?supervision|not (?:been )?established|unknown|insufficient|limited data|consult)\b/i;
const NEGATED = /\b(?:not|never|no|isn't|aren't|nor|neither)\s+(?:\w+\s+){0,2}$/i;

interface Statement {
  span: Span;
  text: string;
}

/**
 * `pregnancy-contradiction`: one page says both that the drug is safe in pregnancy and that it is
 * contraindicated (or must be avoided) in pregnancy. Sentences limited to a trimester or hedged
 * ("only if clearly needed") are not counted; a negated "safe" ("not considered safe") is not safe.
 */
export const pregnancy: Rule = {
  name: 'pregnancy',
  codes: ['pregnancy-contradiction'],
  checkFile(file, view, _ctx, report) {
    if (!file.result.monograph || file.text === null || !/pregnan/i.test(file.text)) return;
    const m = file.result.monograph;
    const ingredients = m.ingredients.map((i) => fold(i).split(/[^\p{L}]+/u)[0] ?? '').filter((w) => w.length >= 4);
    const safe: Statement[] = [];
    const unsafe: Statement[] = [];
    for (let n = view.bodyStart; n <= view.lines.length; n++) {
      const line = view.line(n);
      if (!/pregnan/i.test(line)) continue;
      // Sentences of the line, with their offsets.
      for (const s of line.matchAll(/[^.!?]+(?:[.!?]+|$)/g)) {
        const sentence = s[0];
        if (!/pregnan/i.test(sentence) || QUALIFIED.test(sentence) || /\?\W*$/.test(sentence)) continue;
        // On a combination page, a sentence about one ingredient is not about the product.
        if (ingredients.length > 1 && ingredients.some((i) => fold(sentence).includes(i))) continue;
        const at = (index: number, length: number): Span => view.spanAt(n, s.index + index, length);
        const u = firstMatch(UNSAFE, sentence);
        const k = firstMatch(SAFE, sentence);
        if (u && !k) unsafe.push({ span: at(u.index, u[0].length), text: clean(sentence) });
        else if (k && !u && !NEGATED.test(sentence.slice(0, k.index))) safe.push({ span: at(k.index, k[0].length), text: clean(sentence) });
      }
    }
    if (safe.length === 0 || unsafe.length === 0) return;
    const first = [...safe, ...unsafe].sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column)[0]!;
    const other = (safe.includes(first) ? unsafe : safe)[0]!;
    const firstSays = safe.includes(first) ? 'safe' : 'not to be used';
    report('pregnancy-contradiction', other.span, `The page says both that the drug is ${firstSays} in pregnancy (line ${first.span.line}: "${first.text}") and the opposite here ("${other.text}").`, {
      related: [{ file: file.file, ...first.span, message: `the drug is ${firstSays} in pregnancy` }],
    });
  },
};

function firstMatch(list: readonly RegExp[], text: string): RegExpExecArray | null {
  for (const re of list) {
    const m = re.exec(text);
    if (m) return m;
  }
  return null;
}

const clean = (s: string): string => {
  const t = s.replace(/\*\*|__/g, '').replace(/^\s*[-*+]\s+/, '').trim();
  return t.length > 140 ? t.slice(0, 137) + '…' : t;
};
