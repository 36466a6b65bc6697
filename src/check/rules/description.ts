import { cutDescription } from '../fix/description-fix.js';
import type { Rule } from '../rule.js';
import { fieldEnd } from './loader-diagnostics.js';

/**
 * `description-damaged`, beyond what the loader finds (a leading `- `, `...`, a bare lead-in): a
 * description that is the start of the Usage text cut inside a word or a sentence without any
 * mark. The loader's own findings keep their code and are passed through by loader-diagnostics.
 */
export const description: Rule = {
  name: 'description',
  codes: ['description-damaged'],
  checkFile(file, view, _ctx, report) {
    const m = file.result.monograph;
    if (!m) return;
    const why = cutDescription(m);
    if (why === null) return;
    const key = view.find(/^["']?description["']?\s*:/, 2, view.frontmatterEnd - 1);
    const span = key ? view.spanOfLines(key.span.line, fieldEnd(view, key.span.line)) : view.spanOfLines(1);
    report('description-damaged', span, `The frontmatter description is cut off (${why}).`, { path: 'description' });
  },
};
