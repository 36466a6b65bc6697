import type { SiteContext } from './context.js';
import { escapeHtml as e } from './text.js';

/**
 * A stub at an old path: meta refresh to the new path, canonical to the new URL, and a plain link.
 * A plain string (no JSX): it is tiny and must not pull hono's `<head>` handling in.
 */
export function redirectPageHtml(ctx: SiteContext, to: string, title: string | null): string {
  const label = title ?? ctx.canonical(to);
  const href = e(ctx.href(to));
  return (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"/>' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>' +
    `<title>${e(`Moved: ${label} | ${ctx.options.siteName}`)}</title>` +
    '<meta name="robots" content="noindex"/>' +
    `<link rel="canonical" href="${e(ctx.canonical(to))}"/>` +
    `<meta http-equiv="refresh" content="0; url=${href}"/>` +
    `<link rel="stylesheet" href="${e(ctx.href('/assets/site.css'))}"/>` +
    '</head><body class="page-redirect"><main id="main" class="wrap"><h1>This page has moved</h1>' +
    `<p>It is now at <a href="${href}">${e(label)}</a>.</p></main></body></html>`
  );
}
