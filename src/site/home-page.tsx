import type { FC } from 'hono/jsx';
import type { Kind } from '../model/index.js';
import type { SiteContext } from './context.js';
import { KIND_PLURAL, KINDS } from './labels.js';
import { AdSlot, AzNav, Layout, SearchForm } from './layout.js';
import { entryList, type ListItem } from './lists.js';
import { websiteJsonLd } from './seo.js';
import { formatInt } from './text.js';

export interface HomeData {
  counts: Record<Kind, number>;
  banned: number;
  featured: readonly ListItem[];
  /** Buckets that have pages (`a`…`z`, `0-9`). */
  letters: readonly string[];
}

/** `<meta description>` of the home page. */
export function homeDescription(siteName: string, d: HomeData): string {
  return `${siteName}: uses, dosage, side effects, precautions and FAQs for ${formatInt(d.counts.composition)} generic medicines, ${formatInt(d.counts.combination)} combinations and ${formatInt(d.counts.medicine)} brands sold in India.`;
}

/** The home page: search, A–Z, counts, featured pages. */
export const HomePage: FC<{ ctx: SiteContext; data: HomeData }> = ({ ctx, data }) => {
  const site = ctx.options.siteName;
  const description = homeDescription(site, data);
  return (
    <Layout
      ctx={ctx}
      kind="home"
      headerSearch={false}
      title={`${site} — medicine reference: uses, dosage, side effects`}
      description={description}
      path="/"
      ogTitle={site}
      ogType="website"
      jsonLd={[websiteJsonLd(ctx)]}
      noindex={false}
    >
      <div class="hero">
        <h1>{site}</h1>
        <p class="lede">
          Uses, dosage, side effects, interactions and precautions of medicines sold in India — generics, fixed-dose
          combinations and brands, with banned medicines clearly marked.
        </p>
        <SearchForm ctx={ctx} id="search-q" label="Medicine search" big={true} />
      </div>
      <AdSlot ctx={ctx} kind="home" slot="top" />
      <section class="home-az">
        <h2>Browse A–Z</h2>
        <AzNav ctx={ctx} label="Browse A–Z" letters={data.letters} />
      </section>
      <section class="home-counts">
        <h2>In the formulary</h2>
        <ul class="counts">
          {KINDS.map((k) => (
            <li>
              <strong>{formatInt(data.counts[k])}</strong> {KIND_PLURAL[k].toLowerCase()}
            </li>
          ))}
          <li>
            <a href={ctx.href('/banned/')}>
              <strong>{formatInt(data.banned)}</strong> marked banned in India
            </a>
          </li>
        </ul>
      </section>
      {data.featured.length > 0 && (
        <section class="home-featured">
          <h2>Some medicines in this formulary</h2>
          {entryList(ctx, data.featured, true)}
        </section>
      )}
      <AdSlot ctx={ctx} kind="home" slot="bottom" />
    </Layout>
  );
};
