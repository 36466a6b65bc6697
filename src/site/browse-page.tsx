import type { FC } from 'hono/jsx';
import type { Kind } from '../model/index.js';
import type { SiteContext } from './context.js';
import { KIND_PLURAL, KINDS } from './labels.js';
import { AdSlot, AzNav, ListPageLayout } from './layout.js';
import { entryList, type ListItem } from './lists.js';
import { formatInt, letterLabel } from './text.js';

/** Heading and title of a browse page. */
export const browseHeading = (letter: string): string =>
  letter === '0-9' ? 'Medicines starting with a digit or symbol' : `Medicines starting with ${letterLabel(letter)}`;

/** The path of a letter's browse page `n` (1: `/browse/a/`; then `/browse/a/2/`, …). */
export const browsePath = (letter: string, n: number): string => (n <= 1 ? `/browse/${letter}/` : `/browse/${letter}/${n}/`);

/** Which of a letter's pages this is, and how many pages of each kind the letter has in all. */
export interface BrowsePageNumber {
  n: number;
  of: number;
  totals: Record<Kind, number>;
}

/** `browse/<letter>/[<n>/]`: the pages whose title starts with the letter, by kind, a page of them at a time. */
export const BrowsePage: FC<{ ctx: SiteContext; letter: string; items: readonly ListItem[]; letters: readonly string[]; page?: BrowsePageNumber }> = ({
  ctx,
  letter,
  items,
  letters,
  page,
}) => {
  const n = page?.n ?? 1;
  const of = page?.of ?? 1;
  const total = page === undefined ? items.length : KINDS.reduce((a, k) => a + page.totals[k], 0);
  const heading = of > 1 ? `${browseHeading(letter)} (page ${n} of ${of})` : browseHeading(letter);
  const description =
    total > 0
      ? `Browse ${formatInt(total)} medicines starting with ${letterLabel(letter)}${of > 1 ? `, page ${n} of ${of}` : ''}: generics, combinations and brands with uses, dosage and side effects.`
      : `No medicines starting with ${letterLabel(letter)} yet.`;
  return (
    <ListPageLayout ctx={ctx} heading={heading} description={description} path={browsePath(letter, n)} crumb={`Browse ${letterLabel(letter)}`}>
      <AzNav ctx={ctx} label="Letters" current={letter} letters={letters} />
      <AdSlot ctx={ctx} kind="browse" slot="top" />
      {items.length === 0 && (
        <p>
          No medicines start with {letterLabel(letter)}. Try <a href={ctx.href('/search/')}>searching</a> instead.
        </p>
      )}
      {of > 1 && <PageNav ctx={ctx} letter={letter} n={n} of={of} where="top" />}
      {KINDS.map((k) => {
        const group = items.filter((it) => it.kind === k);
        return (
          group.length > 0 && (
            <section class="browse-group">
              <h2>
                {KIND_PLURAL[k]} <span class="count">({formatInt(page?.totals[k] ?? group.length)})</span>
              </h2>
              {entryList(ctx, group, false)}
            </section>
          )
        );
      })}
      {of > 1 && <PageNav ctx={ctx} letter={letter} n={n} of={of} where="bottom" />}
      <AdSlot ctx={ctx} kind="browse" slot="bottom" />
    </ListPageLayout>
  );
};

/** Links to a letter's other pages: previous, every number, next (above and below the list: distinct labels, as landmarks must have). */
const PageNav: FC<{ ctx: SiteContext; letter: string; n: number; of: number; where: 'top' | 'bottom' }> = ({ ctx, letter, n, of, where }) => (
  <nav class="pager" aria-label={`Pages of ${letterLabel(letter)}${where === 'bottom' ? ' (end of list)' : ''}`}>
    <ul>
      {n > 1 && (
        <li>
          <a href={ctx.href(browsePath(letter, n - 1))} rel="prev">
            Previous
          </a>
        </li>
      )}
      {Array.from({ length: of }, (_, i) => i + 1).map((k) => (
        <li>
          <a href={ctx.href(browsePath(letter, k))} aria-current={k === n ? 'page' : undefined}>
            {k}
          </a>
        </li>
      ))}
      {n < of && (
        <li>
          <a href={ctx.href(browsePath(letter, n + 1))} rel="next">
            Next
          </a>
        </li>
      )}
    </ul>
  </nav>
);
