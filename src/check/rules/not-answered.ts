import type { Span } from '../finding.js';
import type { Rule } from '../rule.js';
import type { CheckFile, SourceView } from '../source.js';

/**
 * What a writer (a language model) says when it could not or would not answer. Matched per line of
 * the body; the first match on a page is reported.
 */
const NOT_ANSWERED =
  /\b(?:I (?:cannot|can't|can not|am unable to|am not able to|'m unable to|'m not able to|do not have|don't have|could not|couldn't|was unable to)\b[^.]{0,60}?\b(?:provide|give|offer|find|locate|access|answer|information|data|details|mention)\b|as an AI\b|\bAI language model\b|\bas a language model\b|\bmy (?:knowledge cutoff|training data)\b|I'm sorry, but\b|\bI apologi[sz]e, but\b)/i;

/** The same, over the whole text at once: one scan instead of one per line for the many pages without it. */
const NOT_ANSWERED_ANYWHERE = new RegExp(NOT_ANSWERED.source, 'i');

/**
 * A combination page saying the product does not exist, in the wordings the loader's own pattern
 * does not know ("is **not** a standard, commercially available generic medicine", "not a
 * standard, established pharmaceutical formulation"). Emphasis is removed before matching.
 */
const NOT_A_PRODUCT = [
  /\bnot (?:a |an )?(?:standard|recogni[sz]ed|established|approved|common|typical|known|commercially available|readily available|marketed|existing)\b[^.]{0,60}?\b(?:formulation|product|medicine|medication|combination|preparation|drug)\b/i,
  /\b(?:is|are) (?:not|rarely|seldom) (?:typically |commonly |usually |generally )?(?:combined|available|sold|marketed) (?:together )?(?:in|as|into) (?:a |one )?(?:single|fixed)/i,
  /\bthere is no (?:such|known|standard|established|recogni[sz]ed|approved|commercially available) (?:fixed[- ]dose )?(?:combination|product|formulation|medicine|medication)\b/i,
];

/** Sentences about a route, a use or brands, not about whether the product exists. */
const OTHER_SUBJECT = /\b(?:IV|intravenous(?:ly)?|intramuscular|administration|administered|route|usage|use[ds]?|brand|brands)\b/i;

/** Body lines searched for a "not a product" statement (it opens the page when it is there). */
const HEAD_LINES = 25;

/**
 * Where the page says the combination is not a product: the loader's `combination-not-a-product`
 * line, else a wording only the check knows (`found: 'check'`); null for other pages.
 */
export function notAProduct(file: CheckFile, view: SourceView): { span: Span; sentence: string; found: 'loader' | 'check' } | null {
  const m = file.result.monograph;
  if (!m) return null;
  const loader = file.result.diagnostics.find((d) => d.code === 'combination-not-a-product');
  if (loader) return { span: view.spanOfLines(loader.line), sentence: m.notAProduct?.text ?? '', found: 'loader' };
  if (m.kind !== 'combination' && m.ingredients.length < 2) return null;
  for (let n = view.bodyStart; n < view.bodyStart + HEAD_LINES && n <= view.lines.length; n++) {
    const line = view.line(n);
    if (!/\bnot\b|\bno\b|\brarely\b|\bseldom\b/i.test(line)) continue;
    const plain = line.replace(/\*\*|__/g, '');
    for (const re of NOT_A_PRODUCT) {
      const hit = re.exec(plain);
      if (!hit) continue;
      const sentence = sentenceAround(plain, hit.index);
      // "IV administration is not typical for this combination", "not a common usage", brand notes.
      if (OTHER_SUBJECT.test(sentence)) continue;
      return { span: view.spanOfLines(n), sentence, found: 'check' };
    }
  }
  return null;
}

/**
 * `model-could-not-answer`: the page holds a writer's refusal or inability to answer instead of
 * content. `combination-not-a-product` for combination pages that say the product does not exist
 * in wordings the loader does not know (the loader's own findings are passed through as they are).
 */
export const notAnswered: Rule = {
  name: 'not-answered',
  codes: ['model-could-not-answer', 'combination-not-a-product'],
  checkFile(file, view, _ctx, report) {
    if (!file.result.monograph) return;
    const product = notAProduct(file, view);
    if (product?.found === 'check') {
      report('combination-not-a-product', product.span, `The page says this combination is not a real product: "${product.sentence}"`);
    }
    const hit = file.text !== null && NOT_ANSWERED_ANYWHERE.test(file.text) ? view.find(NOT_ANSWERED, view.bodyStart) : null;
    if (!hit || hit.span.line === product?.span.line) return;
    report('model-could-not-answer', hit.span, `The page says the writer could not answer: "${sentenceAround(view.line(hit.span.line), hit.match.index)}"`);
  },
};

function sentenceAround(line: string, at: number): string {
  const start = Math.max(0, line.lastIndexOf('. ', at) + 2);
  const dot = line.indexOf('. ', at);
  const s = line.slice(start === 1 ? 0 : start, dot < 0 ? line.length : dot + 1).replace(/\*\*/g, '').trim();
  return s.length > 160 ? s.slice(0, 157) + '…' : s;
}
