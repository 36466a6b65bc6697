import { posix } from 'node:path';
import { md } from '../../content/index.js';
import type { FileCheckContext, Rule } from '../rule.js';

/** Pages every site has besides the drug pages. */
const SITE_PAGES = /^\/(?:|search\/|quality\/|browse\/(?:[a-z]|0-9)\/|404\.html|sitemap\.xml|robots\.txt)$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * `link-broken`: a markdown link inside the site (`/composition/x/`, `../x/`, `../compositions/x.md`)
 * to a page the catalogue does not have. Links are read by markdown-it, like the page renders them.
 */
export const links: Rule = {
  name: 'links',
  codes: ['link-broken'],
  checkFile(file, view, ctx, report) {
    if (!file.result.monograph || file.text === null || !file.text.includes('](')) return;
    const pageUrl = ctx.entryUrl(file.file) ?? '/';
    for (let n = view.bodyStart; n <= view.lines.length; n++) {
      const line = view.line(n);
      if (!line.includes('](')) continue;
      const tokens = md.parseInline(line, {})[0]?.children ?? [];
      let from = 0;
      for (const t of tokens) {
        if (t.type !== 'link_open') continue;
        const href = t.attrGet('href') ?? '';
        const at = line.indexOf(`](${href}`, from);
        if (at >= 0) from = at + 2;
        if (href === '' || href.startsWith('#') || SCHEME.test(href) || href.startsWith('//')) continue;
        const problem = brokenTarget(ctx, file.file, pageUrl, href);
        if (problem === null) continue;
        const span = at >= 0 ? view.spanAt(n, at + 2, href.length) : view.spanOfLines(n);
        report('link-broken', span, `The link "${href}" points at ${problem}.`);
      }
    }
  },
};

/** Why an internal link leads nowhere, or null when its target exists. */
function brokenTarget(ctx: FileCheckContext, file: string, pageUrl: string, href: string): string | null {
  const path = decode(href.replace(/[?#].*$/, ''));
  if (/\.(md|markdown|mdx)$/i.test(path)) {
    // A link to another source file, relative to this file.
    const target = posix.normalize(posix.join(posix.dirname(file), path));
    return ctx.hasFile(target) ? null : `the file "${target}", which does not exist`;
  }
  let resolved: string;
  try {
    resolved = new URL(path, `http://site${pageUrl}`).pathname;
  } catch {
    return 'an address that is not a valid URL';
  }
  const withSlash = /\.[a-z0-9]+$/i.test(resolved) || resolved.endsWith('/') ? resolved : resolved + '/';
  if (SITE_PAGES.test(withSlash) || withSlash.startsWith('/assets/')) return null;
  const urls = ctx.pageUrls();
  return urls.has(withSlash) || urls.has(decode(withSlash)) ? null : `"${withSlash}", a page the site does not have`;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
