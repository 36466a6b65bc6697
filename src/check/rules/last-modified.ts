import type { Rule } from '../rule.js';
import { fieldEnd } from './loader-diagnostics.js';

const DAY_MS = 86_400_000;
const KEY = /^["']?lastModified["']?\s*:\s*(.*)$/;

/**
 * `last-modified-stale`: `lastModified` older than the configured age (relative to the `now`
 * option); `last-modified-invalid`: not a date, or in the future.
 */
export const lastModified: Rule = {
  name: 'last-modified',
  codes: ['last-modified-stale', 'last-modified-invalid'],
  checkFile(file, view, ctx, report) {
    const m = file.result.monograph;
    if (!m || view.frontmatterEnd === 0) return;
    const hit = view.find(KEY, 2, view.frontmatterEnd - 1);
    if (!hit) return;
    const span = view.spanOfLines(hit.span.line, fieldEnd(view, hit.span.line));
    const raw = hit.match[1]!.trim();
    if (m.lastModified === null) {
      if (raw === '' || raw === 'null' || raw === '~') return;
      report('last-modified-invalid', span, `\`lastModified\` is ${raw}, which is not a date.`, { path: 'lastModified' });
      return;
    }
    const t = Date.parse(m.lastModified);
    const now = ctx.options.now.getTime();
    if (t > now + DAY_MS) {
      report('last-modified-invalid', span, `\`lastModified\` (${m.lastModified}) is in the future.`, { path: 'lastModified' });
      return;
    }
    const days = Math.floor((now - t) / DAY_MS);
    if (days > ctx.options.staleAfterDays) {
      const years = (days / 365).toFixed(1);
      report('last-modified-stale', span, `The page was last modified ${days} days (${years} years) ago, more than the ${ctx.options.staleAfterDays} days after which a page should be reviewed.`, { path: 'lastModified' });
    }
  },
};
