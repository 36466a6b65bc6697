import { headingRewrites } from '../heading-markup.js';
import type { Rule } from '../rule.js';

/** `heading-markup`: headings written with bold or a trailing colon; once per file, spanning them all. */
export const headingMarkup: Rule = {
  name: 'heading-markup',
  codes: ['heading-markup'],
  checkFile(file, view, _ctx, report) {
    const m = file.result.monograph;
    if (!m) return;
    const list = headingRewrites(view, m);
    const first = list[0];
    if (!first) return;
    const last = list[list.length - 1]!;
    report(
      'heading-markup',
      { ...view.spanOfLines(first.line, last.line) },
      `${list.length} heading${list.length === 1 ? ' is' : 's are'} written with bold markup or a trailing colon (first: \`${first.before.trim()}\`, plain: \`${first.after}\`).`,
    );
  },
};
