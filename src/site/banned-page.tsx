import type { FC } from 'hono/jsx';
import type { BanRecord } from '../model/index.js';
import type { SiteContext } from './context.js';
import { AdSlot, ListPageLayout } from './layout.js';
import { badges, entryList, type ListItem } from './lists.js';
import { formatInt } from './text.js';

/** One page marked banned (or with a registry entry) of its own, and the pages that inherit its status. */
export interface BannedItem {
  item: ListItem;
  /** Its banned registry entry, when a registry names it (else the status is the source's own). */
  registry: BanRecord | null;
  /** Brands marked banned because of it (its brands), by title. */
  inheriting: ListItem[];
}

export interface BannedPageData {
  /** Marked banned: by a registry entry (banned, suspended) or by its own source. */
  banned: BannedItem[];
  /** Registry entries whose ban was stayed by a court or revoked (not marked banned). */
  lifted: BannedItem[];
}

/** Pages marked banned because of one item, listed at most (the rest are counted). */
export const BANNED_INHERITING_MAX = 20;
export const BANNED_PATH = '/banned/';
/** Lists of inheriting pages up to this long are shown open. */
const OPEN_MAX = 5;

const STATUS: Record<BanRecord['status'], string> = { banned: 'Banned', suspended: 'Suspended', stayed: 'Ban stayed by a court', revoked: 'Ban revoked' };

/** `banned/`: every page marked banned in India, with the registry's status and notification, and the brands that inherit it. */
export const BannedPage: FC<{ ctx: SiteContext; data: BannedPageData }> = ({ ctx, data }) => {
  const heading = 'Medicines marked banned in India';
  const inheriting = data.banned.reduce((n, b) => n + b.inheriting.length, 0);
  const sample = [...data.banned, ...data.lifted].some((b) => b.registry?.sample === true);
  return (
    <ListPageLayout
      ctx={ctx}
      heading={heading}
      description={`${formatInt(data.banned.length)} generics and combinations marked banned in India, with the notification behind each, and ${formatInt(inheriting)} of their brands.`}
      path={BANNED_PATH}
      crumb="Banned medicines"
    >
      <p>
        A page is marked banned when the site’s banned registry lists it as banned or suspended, or when its own source says so; a brand is
        marked banned when its generic or combination is. Each entry shows what the registry says. Check the notification
        itself before acting on it.
      </p>
      {sample && (
        <p class="notice notice-warning">
          <em>Sample registry: some entries below are fictional data shipped with Formulary, not a legal list.</em>
        </p>
      )}
      <AdSlot ctx={ctx} kind="browse" slot="top" />
      <section class="banned-group" id="banned">
        <h2>
          Marked banned <span class="count">({formatInt(data.banned.length)})</span>
        </h2>
        {data.banned.length === 0 ? <p>No page is marked banned.</p> : <BannedList ctx={ctx} items={data.banned} />}
      </section>
      {data.lifted.length > 0 && (
        <section class="banned-group" id="lifted">
          <h2>
            Ban stayed or revoked <span class="count">({formatInt(data.lifted.length)})</span>
          </h2>
          <p>The registry lists these, but their ban does not apply now: they are not marked banned.</p>
          <BannedList ctx={ctx} items={data.lifted} />
        </section>
      )}
      <AdSlot ctx={ctx} kind="browse" slot="bottom" />
    </ListPageLayout>
  );
};

const BannedList: FC<{ ctx: SiteContext; items: readonly BannedItem[] }> = ({ ctx, items }) => (
  <ul class="banned-list">
    {items.map((b) => (
      <li>
        <a href={ctx.href(b.item.url)}>{b.item.title}</a>
        {badges(b.item.kind, false)}
        <p class="muted">
          {registryText(b.registry)}
          {b.registry?.source != null && (
            <>
              {' '}
              (<a href={b.registry.source} rel="nofollow noopener">source</a>)
            </>
          )}
        </p>
        {b.inheriting.length > 0 && (
          <details open={b.inheriting.length <= OPEN_MAX}>
            <summary>
              {formatInt(b.inheriting.length)} {b.inheriting.length === 1 ? 'page' : 'pages'} marked banned because of it
            </summary>
            {entryList(ctx, b.inheriting.slice(0, BANNED_INHERITING_MAX), true)}
            {b.inheriting.length > BANNED_INHERITING_MAX && <p class="muted">and {formatInt(b.inheriting.length - BANNED_INHERITING_MAX)} more.</p>}
          </details>
        )}
      </li>
    ))}
  </ul>
);

function registryText(r: BanRecord | null): string {
  if (r === null) return 'Marked banned by its source (no registry entry).';
  const parts = [`${STATUS[r.status]}: ${r.composition}`];
  if (r.notification !== null) parts.push(`notification ${r.notification}`);
  if (r.date !== null) parts.push(`dated ${r.date}`);
  return `${parts.join('; ')}.`;
}
