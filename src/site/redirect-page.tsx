import type { FC } from 'hono/jsx';
import type { SiteContext } from './context.js';

/** A stub at an old path: meta refresh to the new path, canonical to the new URL, and a plain link. */
export const RedirectPage: FC<{ ctx: SiteContext; to: string; title: string | null }> = ({ ctx, to, title }) => {
  const label = title ?? ctx.canonical(to);
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`Moved: ${label} | ${ctx.options.siteName}`}</title>
        <meta name="robots" content="noindex" />
        <link rel="canonical" href={ctx.canonical(to)} />
        <meta http-equiv="refresh" content={`0; url=${ctx.href(to)}`} />
        <link rel="stylesheet" href={ctx.href('/assets/site.css')} />
      </head>
      <body class="page-redirect">
        <main id="main" class="wrap">
          <h1>This page has moved</h1>
          <p>
            It is now at <a href={ctx.href(to)}>{label}</a>.
          </p>
        </main>
      </body>
    </html>
  );
};
