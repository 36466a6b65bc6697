import type { Child, FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { SiteContext } from './context.js';
import { renderToString } from './render.js';
import type { JsonLd } from './seo.js';
import { escapeHtml, jsonForScript, letterLabel, LETTERS } from './text.js';
import type { PageKind } from './types.js';

/** Head metadata of a page. */
export interface HeadProps {
  /** The whole `<title>`. */
  title: string;
  description: string;
  /** Site path of the page (`/composition/x/`); null = no canonical / og:url (404). */
  path: string | null;
  ogTitle: string;
  ogType: 'website' | 'article';
  jsonLd: readonly JsonLd[];
  noindex: boolean;
}

export interface LayoutProps extends HeadProps {
  ctx: SiteContext;
  kind: PageKind;
  /** Show the search box in the header (off on pages that have their own big one). */
  headerSearch: boolean;
  children?: Child;
}

/** Site search form; progressive enhancement by assets/search.js (`data-search`). */
export const SearchForm: FC<{ ctx: SiteContext; id: string; label: string; value?: string; big?: boolean }> = ({
  ctx,
  id,
  label,
  value,
  big,
}) => (
  <form
    class={big === true ? 'search-form search-form-big' : 'search-form'}
    role="search"
    aria-label={label}
    action={ctx.href('/search/')}
    method="get"
    data-search=""
    data-names-url={ctx.href('/search/names.json')}
  >
    <label for={id} class={big === true ? 'search-label' : 'visually-hidden'}>
      Search medicines and brands
    </label>
    <span class="search-row">
      <input
        id={id}
        class="search-input"
        type="search"
        name="q"
        value={value ?? ''}
        autocomplete="off"
        spellcheck={false}
        placeholder="e.g. paracetamol, Crocin"
      />
      <button type="submit" class="search-button">
        Search
      </button>
    </span>
  </form>
);

/** The A–Z letter links. */
export const AzNav: FC<{ ctx: SiteContext; current?: string; label: string; letters?: readonly string[] }> = ({
  ctx,
  current,
  label,
  letters,
}) => (
  <nav class="az" aria-label={label}>
    <ul>
      {(letters ?? LETTERS).map((l) => (
        <li>
          <a href={ctx.href(`/browse/${l}/`)} aria-current={l === current ? 'page' : undefined}>
            {letterLabel(l)}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);

/** An operator ad slot, or nothing. */
export const AdSlot: FC<{ ctx: SiteContext; kind: PageKind; slot: 'top' | 'bottom' }> = ({ ctx, kind, slot }) => {
  const html = ctx.ad(kind, slot);
  return html === null ? null : <div class={`ad ad-${slot}`}>{raw(html)}</div>;
};

/**
 * The `<head>`, built as a string: hono/jsx gives `<head>`, `<title>`, `<meta>`, `<link>` and `<script>` special
 * (hoisting) behaviour that costs a render context per element; plain escaped strings are exact and ~2× faster.
 */
export function headHtml(ctx: SiteContext, p: HeadProps): string {
  const e = escapeHtml;
  const site = ctx.options.siteName;
  let h = '<meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>';
  h += `<title>${e(p.title)}</title>`;
  if (p.description !== '') h += `<meta name="description" content="${e(p.description)}"/>`;
  if (p.noindex) h += '<meta name="robots" content="noindex"/>';
  if (p.path !== null) h += `<link rel="canonical" href="${e(ctx.canonical(p.path))}"/>`;
  h += `<meta property="og:title" content="${e(p.ogTitle)}"/>`;
  if (p.description !== '') h += `<meta property="og:description" content="${e(p.description)}"/>`;
  if (p.path !== null && ctx.hasSiteUrl) h += `<meta property="og:url" content="${e(ctx.canonical(p.path))}"/>`;
  h += `<meta property="og:type" content="${p.ogType}"/><meta property="og:site_name" content="${e(site)}"/>`;
  h += '<meta name="twitter:card" content="summary"/><meta name="color-scheme" content="light dark"/>';
  h += `<link rel="icon" href="${e(ctx.href('/assets/favicon.svg'))}" type="image/svg+xml"/>`;
  h += `<link rel="stylesheet" href="${e(ctx.href('/assets/site.css'))}"/>`;
  h += `<script src="${e(ctx.href('/assets/search.js'))}" defer></script>`;
  for (const j of p.jsonLd) h += `<script type="application/ld+json">${jsonForScript(j)}</script>`;
  return h;
}

const SiteHeader: FC<{ ctx: SiteContext; search: boolean }> = ({ ctx, search }) => (
  <header class="site-header">
    <div class="wrap header-inner">
      <a class="brand" href={ctx.href('/')}>
        <span class="brand-mark" aria-hidden="true">
          ℞
        </span>
        {ctx.options.siteName}
      </a>
      {search && <SearchForm ctx={ctx} id="header-q" label="Site search" />}
      <nav class="site-nav" aria-label="Site">
        <ul>
          <li>
            <a href={ctx.href('/browse/a/')}>Browse A–Z</a>
          </li>
          <li>
            <a href={ctx.href('/search/')}>Search</a>
          </li>
          <li>
            <a href={ctx.href('/interactions/')}>Interactions</a>
          </li>
        </ul>
      </nav>
    </div>
  </header>
);

const SiteFooter: FC<{ ctx: SiteContext }> = ({ ctx }) => (
  <footer class="site-footer">
    <div class="wrap">
      <p>
        {ctx.options.siteName} is a reference for information only. It is not medical advice: ask a doctor or pharmacist
        before starting, stopping or changing a medicine.
      </p>
      <p>
        <a href={ctx.href('/')}>Home</a> · <a href={ctx.href('/browse/a/')}>Browse A–Z</a> ·{' '}
        <a href={ctx.href('/search/')}>Search</a> · <a href={ctx.href('/interactions/')}>Interaction check</a> ·{' '}
        <a href={ctx.href('/compare/')}>Compare medicines</a>
      </p>
    </div>
  </footer>
);

/**
 * The page shell: head with SEO metadata, header, main, footer. Header and footer are the same on every page
 * (per header variant), so they are rendered once per build and reused.
 */
export const Layout: FC<LayoutProps> = (p) => {
  const { ctx } = p;
  const header = ctx.once(`header:${p.headerSearch}`, () => renderToString(<SiteHeader ctx={ctx} search={p.headerSearch} />));
  const footer = ctx.once('footer', () => renderToString(<SiteFooter ctx={ctx} />));
  return (
    <>
      {raw(`<html lang="en"><head>${headHtml(ctx, p)}</head><body class="page-${p.kind}"><a class="skip-link" href="#main">Skip to content</a>${header}`)}
      <main id="main" class="wrap" tabindex={-1}>
        {p.children}
      </main>
      {raw(`${footer}</body></html>`)}
    </>
  );
};

/** Breadcrumb trail; the last item is the current page. */
export const Breadcrumb: FC<{ ctx: SiteContext; items: readonly { label: string; path: string | null }[] }> = ({
  ctx,
  items,
}) => (
  <nav class="breadcrumb" aria-label="Breadcrumb">
    <ol>
      {items.map((it) => (
        <li>{it.path === null ? <span aria-current="page">{it.label}</span> : <a href={ctx.href(it.path)}>{it.label}</a>}</li>
      ))}
    </ol>
  </nav>
);

/**
 * The frame of a list page (browse letters, banned medicines): an indexable page with the header
 * search, a breadcrumb Home › `crumb`, and `heading` as its title and `<h1>`.
 */
export const ListPageLayout: FC<{ ctx: SiteContext; heading: string; description: string; path: string; crumb: string; children?: Child }> = ({
  ctx,
  heading,
  description,
  path,
  crumb,
  children,
}) => (
  <Layout ctx={ctx} kind="browse" headerSearch={true} title={`${heading} | ${ctx.options.siteName}`} description={description} path={path} ogTitle={heading} ogType="website" jsonLd={[]} noindex={false}>
    <Breadcrumb
      ctx={ctx}
      items={[
        { label: 'Home', path: '/' },
        { label: crumb, path: null },
      ]}
    />
    <h1>{heading}</h1>
    {children}
  </Layout>
);
