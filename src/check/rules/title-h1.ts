import { inlineText } from '../../content/index.js';
import { fold } from '../../util/text.js';
import type { Rule } from '../rule.js';

const H1 = /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/** Letters and digits only, folded: `**Inotuzumab  Ozogamicin**` and `inotuzumab ozogamicin` compare equal. */
export const comparable = (s: string): string => fold(inlineText(s)).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** `title-h1-mismatch`: the body's leading `# Heading` names the drug differently from the frontmatter title. */
export const titleH1: Rule = {
  name: 'title-h1',
  codes: ['title-h1-mismatch'],
  checkFile(file, view, _ctx, report) {
    const m = file.result.monograph;
    if (!m || view.frontmatterEnd === 0) return;
    for (let n = view.bodyStart; n <= view.lines.length; n++) {
      const text = view.line(n);
      if (text.trim() === '') continue;
      const h1 = H1.exec(text);
      if (!h1) return; // the body does not open with an H1 (the rich format has none)
      const heading = h1[1]!;
      // "Hydroxyethyl Starch (HES)": a note in parentheses after the name is not another name.
      const name = heading.replace(/\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*$/, '');
      if (comparable(name) !== comparable(m.title) && comparable(heading) !== comparable(m.title)) {
        const at = text.indexOf(heading);
        const title = view.find(/^["']?title["']?\s*:/, 2, view.frontmatterEnd - 1);
        const related = title ? [{ file: file.file, ...view.spanOfLines(title.span.line), message: `the frontmatter title "${m.title}"` }] : [];
        report('title-h1-mismatch', view.spanAt(n, at, heading.length), `The page's heading "${inlineText(heading)}" differs from its title "${m.title}".`, { related });
      }
      return;
    }
  },
};
