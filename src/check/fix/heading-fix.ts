import { headingRewrites } from '../heading-markup.js';
import { SourceView, type CheckFile } from '../source.js';

/** The file with its heading markup normalized, or null when there is nothing to do. */
export function fixHeadings(file: CheckFile): string | null {
  const m = file.result.monograph;
  if (!m || file.text === null) return null;
  const view = new SourceView(file.text);
  const rewrites = headingRewrites(view, m);
  if (rewrites.length === 0) return null;
  const lines = [...view.lines];
  for (const r of rewrites) lines[r.line - 1] = r.after;
  return lines.join('\n');
}
