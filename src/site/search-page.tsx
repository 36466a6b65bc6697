import type { FC } from 'hono/jsx';
import { normalizeName } from '../search/index.js';
import type { SiteContext } from './context.js';
import { KIND_SHORT } from './labels.js';
import { AdSlot, Layout, SearchForm } from './layout.js';
import { trusted } from './fragment.js';
import { formatRupees } from './text.js';
import type { ProductSummary, SearchPageData, SearchResultView } from './types.js';

/** Whether a result shows the name it matched (a brand or synonym, not the title itself); same rule as search.js. */
const showsMatched = (r: SearchResultView): boolean => normalizeName(r.matched) !== '' && normalizeName(r.matched) !== normalizeName(r.title);

/** The status line above the results; assets/search.js writes the same wording. */
export function searchStatus(query: string, count: number): string {
  if (query.trim() === '') return 'Type a generic name, a brand or a combination.';
  if (count === 0) return `No results for “${query}”.`;
  return `${count} ${count === 1 ? 'result' : 'results'} for “${query}”.`;
}

/** `/search/`: a GET form that works without JS, the server's results, and a list assets/search.js fills as you type. */
/**
 * A full-text snippet as markup, only if it is what the engine promises (escaped text with `<mark>`
 * highlights and nothing else); anything else is shown as plain text.
 */
function snippetMarkup(snippet: string): ReturnType<typeof trusted> | string {
  return /[<>]/.test(snippet.replace(/<\/?mark>/g, '')) ? snippet : trusted(snippet);
}

/** Why a result is listed, when its title alone does not say it. */
function why(r: SearchResultView): string | null {
  if (r.how === 'text') return null;
  if (r.how === 'fuzzy') return `similar name: “${r.matched}”`;
  if (r.how === 'synonym') return `international name “${r.matched}”`;
  if (r.how === 'generic') return `generic of “${r.matched}”`;
  return showsMatched(r) ? `matches “${r.matched}”` : null;
}

export const SearchPage: FC<{ ctx: SiteContext; data: SearchPageData }> = ({ ctx, data }) => {
  const { query, results, didYouMean } = data;
  const site = ctx.options.siteName;
  const q = query.trim();
  return (
    <Layout
      ctx={ctx}
      kind="search"
      headerSearch={false}
      title={q === '' ? `Search medicines | ${site}` : `“${q}” — search | ${site}`}
      description={`Search ${site} by generic name, brand or combination.`}
      path="/search/"
      ogTitle={`Search ${site}`}
      ogType="website"
      jsonLd={[]}
      noindex={q !== ''}
    >
      <h1>Search medicines</h1>
      <SearchForm ctx={ctx} id="search-q" label="Medicine search" value={query} big={true} />
      <AdSlot ctx={ctx} kind="search" slot="top" />
      <section class="search-results" aria-labelledby="results-h">
        <h2 id="results-h" class="visually-hidden">
          Results
        </h2>
        <p id="search-status" class="search-status" role="status">
          {searchStatus(q, results.length)}
        </p>
        {didYouMean !== null && (
          <p class="did-you-mean">
            Did you mean <a href={ctx.href(`/search/?q=${encodeURIComponent(didYouMean)}`)}>{didYouMean}</a>? No page has the name “{q}”; the results below are similar names.
          </p>
        )}
        <ol id="search-results" class="results" data-search-results="">
          {results.map((r) => {
            const reason = why(r);
            return (
              <li class="result">
                <a href={ctx.href(r.url)}>{r.title}</a> <span class={`badge badge-${r.kind}`}>{KIND_SHORT[r.kind]}</span>
                {r.banned && <> <span class="badge badge-banned">Banned</span></>}
                {r.generic !== undefined && (
                  <>
                    {' '}
                    <span class="generic-of">
                      brand of <a href={ctx.href(r.generic.url)}>{r.generic.title}</a>
                    </span>
                  </>
                )}
                {reason !== null && <> <span class="matched">{reason}</span></>}
                {r.product !== undefined && productLine(r.product) !== '' && <p class="product">{productLine(r.product)}</p>}
                {r.snippet !== undefined && <p class="snippet">{snippetMarkup(r.snippet)}</p>}
              </li>
            );
          })}
        </ol>
        {q !== '' && results.length === 0 && (
          <p class="search-help">
            Check the spelling, try the generic name instead of the brand, or <a href={ctx.href('/browse/a/')}>browse A–Z</a>.
          </p>
        )}
      </section>
      <AdSlot ctx={ctx} kind="search" slot="bottom" />
    </Layout>
  );
};

/** A brand's company, pack and price in one line: `Sample Labs · strip of 10 tablets · MRP ₹19.50 (₹1.95 per tablet)`. */
export function productLine(p: ProductSummary): string {
  const price = p.mrp === null ? null : `MRP ${formatRupees(p.mrp)}${p.unitPrice !== null ? ` (${formatRupees(p.unitPrice.value)} per ${p.unitPrice.per})` : ''}`;
  return [p.company, p.pack, price, p.discontinued === true ? 'discontinued' : null].filter((x): x is string => x !== null && x !== '').join(' · ');
}
