import type { Section } from '../model/index.js';
import type { Target } from './schema.js';
import { sectionLines, sentences } from './section-lines.js';

/**
 * Molecular targets a page names after a verb of action ("targets the CD6 receptor", "acts on
 * CD38 and HER2", "binds to CD52", "inhibits BCR-ABL"). A name counts only if it looks like a
 * target: a known target acronym (CD38, HER2, IL-6, PD-1, DPP-4 …) or a phrase ending in a
 * receptor, channel, enzyme or similar word. Cells, viruses and diseases are not targets.
 */

const VERB = /\b(?:acts? on|acting on|targets?|targeting|binds? (?:to|with)|binding (?:to|with)|inhibits?|inhibiting|inhibitor of|blocks?|blocking|antagonist (?:of|at)|agonist (?:of|at)|directed against|selective for)\s+/gi;
/** Where the object of the verb ends. */
const OBJECT_END = /[,.;:]|\s(?:which|that|thereby|to|on|in|of (?:cells|tumou?r)|found|expressed|present|located|resulting|leading|causing|and thus|thus)\b/i;
const QUICK = /\b(?:act|target|bind|inhibit|block|antagonist|agonist|against|selective)/i;
const ACRONYM = /^(?:CD\d{1,3}[a-z]?|HER-?\d|ErbB-?\d|EGFR|VEGF(?:-[A-D])?|VEGFR-?\d?|TNF(?:-alpha|-α|α)?|IL-\d{1,2}[A-F]?(?:R)?|PD-L?1|CTLA-4|BCR-ABL\d?|ALK|ROS1|BRAF|MEK\d?|JAK\d?|BTK|CDK4\/6|PARP|mTOR|RANKL|PCSK9|IgE|C5|ACE|DPP-4|SGLT-?\d|GLP-1|COX-?\d|PDE-?\d+|HMG-CoA|5-HT\d[A-Z]?|AT\d|NMDA|GABA(?:-A)?|KIT|PDGFR\w?|FLT3|BCMA|SLAMF7|CCR5|CGRP|FGFR\d?|IL-\d{1,2}\/IL-\d{1,2}|BLyS|CD3|EpCAM|GPIIb\/IIIa|P2Y12)$/;
const HEAD = /\b(?:receptors?|channels?|adrenoceptors?|transporters?|pumps?|antigens?|kinases?|tubulin|microtubules?|integrins?|gyrase|topoisomerase(?: I{1,2})?|polymerase|protease|integrase|reductase|demethylase|synthase|synthetase|oxidase|cyclooxygenase|esterase|ATPase|enzymes?|factor [IVX]+a?|thrombin|proteasome)$/i;
const ARTICLE = /^(?:the|a|an|its|their|specific|selective(?:ly)?|both|potent(?:ly)?|irreversibl[ey]|reversibl[ey]|competitive(?:ly)?)\s+/i;

export interface TargetOptions {
  file: string;
}

/** Split "CD38 and HER2" and check each name. */
function names(phrase: string): string[] {
  const out: string[] = [];
  for (let part of phrase.split(/\s*(?:,|\band\b|\bor\b|\/(?=[A-Za-z]{3}))\s*/)) {
    part = part.trim();
    while (ARTICLE.test(part)) part = part.replace(ARTICLE, '');
    part = part.replace(/\s*\([^)]*\)\s*$/, '').trim();
    if (!part || part.split(/\s+/).length > 4) continue;
    const first = part.split(/\s+/)[0]!;
    if (ACRONYM.test(part) || (ACRONYM.test(first) && HEAD.test(part)) || (HEAD.test(part) && !/\b(?:cells?|virus|viral replication|bacteria|growth|activity|function|production)\b/i.test(part) && /^[\p{L}\d+/-]/u.test(part))) out.push(part);
  }
  return out;
}

export function extractTargets(sections: readonly Section[], opts: TargetOptions): Target[] {
  const out: Target[] = [];
  const seen = new Set<string>();
  for (const section of sections) {
    if (!['overview', 'how-it-works', 'summary'].includes(section.id) || !QUICK.test(section.markdown)) continue;
    for (const l of sectionLines(section)) {
      if (!QUICK.test(l.text)) continue;
      for (const m of l.text.matchAll(VERB)) {
        const rest = l.text.slice(m.index + m[0].length, m.index + m[0].length + 120);
        const end = rest.search(OBJECT_END);
        for (const name of names(end < 0 ? rest : rest.slice(0, end))) {
          const key = name.toLowerCase().replace(/\s+receptors?$/, '');
          if (seen.has(key)) continue;
          seen.add(key);
          const sentence = sentences(l.text).find((s) => s.start <= m.index && m.index < s.start + s.text.length + 1) ?? { text: l.text };
          out.push({ name, source: { file: opts.file, line: l.line, text: sentence.text } });
        }
      }
    }
  }
  return out;
}
