import type { FC } from 'hono/jsx';
import type { Kind } from '../model/index.js';
import type { SiteContext } from './context.js';
import { KIND_SHORT } from './labels.js';

/** What a list shows of a page. */
export interface ListItem {
  title: string;
  url: string;
  kind: Kind;
  banned: boolean;
}

/** Badges after a link in lists. */
export const Badges: FC<{ kind?: Kind; banned: boolean }> = ({ kind, banned }) => (
  <>
    {kind !== undefined && <span class={`badge badge-${kind}`}>{KIND_SHORT[kind]}</span>}
    {banned && <> <span class="badge badge-banned">Banned</span></>}
  </>
);

/** A column list of page links. */
export const EntryList: FC<{ ctx: SiteContext; items: readonly ListItem[]; showKind: boolean }> = ({ ctx, items, showKind }) => (
  <ul class="entry-list">
    {items.map((it) => (
      <li>
        <a href={ctx.href(it.url)}>{it.title}</a> <Badges banned={it.banned} {...(showKind ? { kind: it.kind } : {})} />
      </li>
    ))}
  </ul>
);
