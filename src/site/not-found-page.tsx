import type { FC } from 'hono/jsx';
import type { SiteContext } from './context.js';
import { AzNav, Layout, SearchForm } from './layout.js';

/** `404.html`: served for any missing path, so every link in it is root-relative. */
export const NotFoundPage: FC<{ ctx: SiteContext; letters: readonly string[] }> = ({ ctx, letters }) => (
  <Layout
    ctx={ctx}
    kind="not-found"
    headerSearch={false}
    title={`Page not found | ${ctx.options.siteName}`}
    description=""
    path={null}
    ogTitle="Page not found"
    ogType="website"
    jsonLd={[]}
    noindex={true}
  >
    <h1>Page not found</h1>
    <p>There is no page at this address. It may have moved, or the link may be mistyped. Search for the medicine instead:</p>
    <SearchForm ctx={ctx} id="search-q" label="Medicine search" big={true} />
    <h2>Browse A–Z</h2>
    <AzNav ctx={ctx} label="Browse A–Z" letters={letters} />
    <p>
      Or go to the <a href={ctx.href('/')}>home page</a>.
    </p>
  </Layout>
);
