import type { FC } from 'hono/jsx';
import type { SiteContext } from './context.js';
import { KIND_PLURAL, KINDS } from './labels.js';
import { AdSlot, AzNav, Breadcrumb, Layout } from './layout.js';
import { entryList, type ListItem } from './lists.js';
import { formatInt, letterLabel } from './text.js';

/** Heading and title of a browse page. */
export const browseHeading = (letter: string): string =>
  letter === '0-9' ? 'Medicines starting with a digit or symbol' : `Medicines starting with ${letterLabel(letter)}`;

/** `browse/<letter>/`: every page whose title starts with the letter, grouped by kind. */
export const BrowsePage: FC<{ ctx: SiteContext; letter: string; items: readonly ListItem[]; letters: readonly string[] }> = ({
  ctx,
  letter,
  items,
  letters,
}) => {
  const heading = browseHeading(letter);
  const description =
    items.length > 0
      ? `Browse ${formatInt(items.length)} medicines starting with ${letterLabel(letter)}: generics, combinations and brands with uses, dosage and side effects.`
      : `No medicines starting with ${letterLabel(letter)} yet.`;
  return (
    <Layout
      ctx={ctx}
      kind="browse"
      headerSearch={true}
      title={`${heading} | ${ctx.options.siteName}`}
      description={description}
      path={`/browse/${letter}/`}
      ogTitle={heading}
      ogType="website"
      jsonLd={[]}
      noindex={false}
    >
      <Breadcrumb
        ctx={ctx}
        items={[
          { label: 'Home', path: '/' },
          { label: `Browse ${letterLabel(letter)}`, path: null },
        ]}
      />
      <h1>{heading}</h1>
      <AzNav ctx={ctx} label="Letters" current={letter} letters={letters} />
      <AdSlot ctx={ctx} kind="browse" slot="top" />
      {items.length === 0 && (
        <p>
          No medicines start with {letterLabel(letter)}. Try <a href={ctx.href('/search/')}>searching</a> instead.
        </p>
      )}
      {KINDS.map((k) => {
        const group = items.filter((it) => it.kind === k);
        return (
          group.length > 0 && (
            <section class="browse-group">
              <h2>
                {KIND_PLURAL[k]} <span class="count">({formatInt(group.length)})</span>
              </h2>
              {entryList(ctx, group, false)}
            </section>
          )
        );
      })}
      <AdSlot ctx={ctx} kind="browse" slot="bottom" />
    </Layout>
  );
};
