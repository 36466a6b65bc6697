import type { Kind } from '../model/index.js';
import type { SiteContext } from './context.js';
import { h, type Safe } from './fragment.js';
import { KIND_SHORT } from './labels.js';

/** What a list shows of a page. */
export interface ListItem {
  title: string;
  url: string;
  kind: Kind;
  banned: boolean;
}

/** Badges after a link in lists (a leading space each, so screen readers read separate words). */
export function badges(kind: Kind | null, banned: boolean): Safe {
  return h`${kind !== null ? h` <span class="badge badge-${kind}">${KIND_SHORT[kind]}</span>` : null}${
    banned ? h` <span class="badge badge-banned">Banned</span>` : null
  }`;
}

/** A column list of page links (browse pages list thousands: built with `h`, not JSX). */
export function entryList(ctx: SiteContext, items: readonly ListItem[], showKind: boolean): Safe {
  return h`<ul class="entry-list">${items.map(
    (it) => h`<li><a href="${ctx.href(it.url)}">${it.title}</a>${badges(showKind ? it.kind : null, it.banned)}</li>`,
  )}</ul>`;
}
