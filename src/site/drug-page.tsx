import type { Child, FC } from 'hono/jsx';
import type { Alternate, CatalogEntry, Faq, IngredientSections, Link, Section } from '../model/index.js';
import type { SiteContext } from './context.js';
import { h, trusted, type HtmlValue, type Safe } from './fragment.js';
import { KIND_LABEL } from './labels.js';
import { AdSlot, Breadcrumb, Layout } from './layout.js';
import { drugPageJsonLd, faqJsonLd, type JsonLd } from './seo.js';
import { comparePrice, type BrandRow, type BrandTables } from './brand-tables.js';
import { regimensBlock, regimensOf } from './regimens-block.js';
import { formatDate, formatRupees, IdRegistry, isoDate, letterLabel, letterOf, relevelHeadings, slugify } from './text.js';

/** Lists longer than this are cut in the summary box and shown in full in their own section. */
export const SUMMARY_LIST_MAX = 20;

/** Ids of fixed elements of the layout and the drug page; section ids never take these. */
const RESERVED_IDS = ['main', 'header-q', 'search-q', 'at-a-glance', 'contents', 'contents-h', 'at-a-glance-h'];

export interface DrugPageProps {
  ctx: SiteContext;
  entry: CatalogEntry;
  /** The page the banned status was inherited from, when `entry.banned.from` is not `self` and it resolves. */
  bannedFrom: Link | null;
  /** Brands of a generic, or substitutes of a brand, with prices (see `brandTables`). */
  brandTables?: BrandTables;
}

/** `meta description`: the monograph's, or a generated one when the source has none. */
export function drugDescription(entry: CatalogEntry): string {
  const m = entry.monograph;
  const text = m.description.text.trim();
  if (text !== '') return text;
  return `${m.title}: ${KIND_LABEL[m.kind].toLowerCase()} — uses, dosage, side effects, precautions and FAQs.`;
}

/** `<title>` of a drug page. */
export function drugTitle(entry: CatalogEntry, siteName: string): string {
  const m = entry.monograph;
  const what = m.kind === 'medicine' ? 'Uses, Price, Side Effects' : 'Uses, Dosage, Side Effects';
  return `${m.title}: ${what} | ${siteName}`;
}

/** One block of the page body, planned before rendering so the table of contents knows every id. */
interface Block {
  id: string;
  /** TOC label. */
  toc: string;
  node: Safe;
}

const hasBody = (s: Section): boolean => s.html.trim() !== '';

/** Trusted section HTML: headings re-levelled under the heading of level `under`, ids made unique on the page. */
const body = (ids: IdRegistry, html: string, under: number): Safe =>
  h`<div class="section-body">${trusted(ids.fixFragment(relevelHeadings(html, under)))}</div>`;

/** A top-level section: `<section id><details open><summary><h2>` + content. */
const topSection = (id: string, title: string, cls: string, content: HtmlValue): Safe =>
  h`<section id="${id}" class="section ${cls}"><details open=""><summary><h2>${title}</h2></summary>${content}</details></section>`;

function faqList(ids: IdRegistry, faqs: readonly Faq[], level: 3 | 4, primary: boolean): Safe {
  const cls = primary ? 'faq-question' : 'alt-faq-question';
  return h`<div class="faq-list">${faqs.map((f, i) => {
    const id = ids.unique(primary ? `faq-${i + 1}` : 'alt-faq');
    const q = f.question.trim();
    const heading = level === 3 ? h`<h3 class="${cls}">${q}</h3>` : h`<h4 class="${cls}">${q}</h4>`;
    return h`<div class="faq" id="${id}">${heading}<div class="faq-answer">${trusted(ids.fixFragment(relevelHeadings(f.answerHtml, level)))}</div></div>`;
  })}</div>`;
}

function linkList(ctx: SiteContext, links: readonly Link[], max?: number, moreId?: string): Safe {
  const shown = max !== undefined && links.length > max ? links.slice(0, max) : links;
  const more = links.length - shown.length;
  return h`<ul class="inline-list">${shown.map((l) => h`<li><a href="${ctx.href(l.url)}">${l.title}</a></li>`)}${
    more > 0 && moreId !== undefined ? h`<li><a href="#${moreId}">and ${more} more</a></li>` : null
  }</ul>`;
}

const DEFAULT_DISCLAIMER = h`<div class="section-body"><p>This page is for general information and is not a substitute for professional medical advice, diagnosis or treatment. Always ask a doctor or pharmacist about your own situation.</p></div>`;

const Row: FC<{ term: string; children?: Child }> = ({ term, children }) => (
  <div class="fact">
    <dt>{term}</dt>
    <dd>{children}</dd>
  </div>
);

const nonEmpty = (v: string | null | undefined): v is string => v != null && v.trim() !== '';

/** With `--regimens`: the regimens read from the Dosage text and a calculator, after the Dosage section. */
function regimensBlockOf(ctx: SiteContext, entry: CatalogEntry, ids: IdRegistry, blocks: Block[]): boolean {
  if (ctx.options.regimens !== true) return false;
  const regimens = regimensOf(entry.monograph);
  if (regimens.length === 0) return false;
  const id = ids.unique('dose-calculator');
  const title = 'Doses as numbers, and a calculator';
  blocks.push({ id, toc: 'Dose calculator', node: topSection(id, title, 'section-regimens', regimensBlock(ctx, entry.url, regimens, (b) => ids.unique(b))) });
  return true;
}

/** The drug page of a composition, combination or brand. */
export const DrugPage: FC<DrugPageProps> = ({ ctx, entry, bannedFrom, brandTables = { brands: null, substitutes: null } }) => {
  const m = entry.monograph;
  const ids = new IdRegistry(RESERVED_IDS);
  const description = drugDescription(entry);
  const jsonLd: JsonLd[] = [drugPageJsonLd(ctx, entry, description)];
  const faqLd = faqJsonLd(m.faqs);
  if (faqLd !== null) jsonLd.push(faqLd);
  const letter = letterOf(m.title);
  const modified = isoDate(m.lastModified);
  const product = m.product;
  const links = entry.links;

  // Plan the body (ids are handed out in page order, so the TOC can link every block).
  const blocks: Block[] = [];
  let calculator = false;
  const disclaimers: Section[] = [];
  let faqSection: Section | null = null;
  for (const s of m.sections) {
    if (s.id === 'disclaimer') disclaimers.push(s);
    else if (s.id === 'faqs' && faqSection === null) faqSection = s;
    else if (hasBody(s)) {
      const id = ids.unique(s.id);
      blocks.push({ id, toc: s.title, node: topSection(id, s.title, `section-${s.id}`, body(ids, s.html, 2)) });
      if (s.id === 'dosage' && !calculator) calculator = regimensBlockOf(ctx, entry, ids, blocks);
    }
  }
  for (const group of m.perIngredient) if (group.sections.some(hasBody)) blocks.push(ingredientBlock(ids, group));
  if (m.faqs.length > 0 || (faqSection !== null && hasBody(faqSection))) {
    const id = ids.unique('faqs');
    const title = faqSection?.title ?? 'FAQs';
    const content = m.faqs.length > 0 ? faqList(ids, m.faqs, 3, true) : body(ids, faqSection?.html ?? '', 2);
    blocks.push({ id, toc: title, node: topSection(id, title, 'section-faqs', content) });
  }
  const brandTable = brandTables.brands;
  const brandsMoreId = brandTable !== null ? ids.unique('brands') : links.brands.length > SUMMARY_LIST_MAX ? ids.unique('all-brands') : undefined;
  if (brandTable !== null && brandsMoreId !== undefined) {
    const title = `Brands of ${m.title} (${brandTable.total})`;
    blocks.push({ id: brandsMoreId, toc: `Brands (${brandTable.total})`, node: topSection(brandsMoreId, title, 'section-brands', brandsSection(ctx, brandTable)) });
  } else if (brandsMoreId !== undefined) {
    const title = `All brands of ${m.title} (${links.brands.length})`;
    blocks.push({ id: brandsMoreId, toc: `All brands (${links.brands.length})`, node: topSection(brandsMoreId, title, 'section-list', linkList(ctx, links.brands)) });
  }
  const subs = brandTables.substitutes;
  if (subs !== null) {
    const id = ids.unique('substitutes');
    blocks.unshift({ id, toc: `Substitutes (${subs.total})`, node: topSection(id, `Substitutes: same composition (${subs.total})`, 'section-substitutes', substitutesSection(ctx, entry, subs)) });
  }
  const combosMoreId = links.combinations.length > SUMMARY_LIST_MAX ? ids.unique('all-combinations') : undefined;
  if (combosMoreId !== undefined) {
    const title = `Combinations containing ${m.title} (${links.combinations.length})`;
    const toc = `All combinations (${links.combinations.length})`;
    blocks.push({ id: combosMoreId, toc, node: topSection(combosMoreId, title, 'section-list', linkList(ctx, links.combinations)) });
  }
  m.alternates.forEach((alt, i) => blocks.push(alternateBlock(ids, alt, i + 1)));
  const disclaimerId = ids.unique('disclaimer');
  const disclaimerBodies = disclaimers.filter(hasBody);
  blocks.push({
    id: disclaimerId,
    toc: 'Disclaimer',
    node: h`<section id="${disclaimerId}" class="section section-disclaimer"><h2>Disclaimer</h2>${
      disclaimerBodies.length > 0 ? disclaimerBodies.map((s) => body(ids, s.html, 2)) : DEFAULT_DISCLAIMER
    }</section>`,
  });

  const ingredients = links.ingredients;
  return (
    <Layout
      ctx={ctx}
      kind={m.kind}
      headerSearch={true}
      title={drugTitle(entry, ctx.options.siteName)}
      description={description}
      path={entry.url}
      ogTitle={m.title}
      ogType="article"
      jsonLd={jsonLd}
      noindex={false}
    >
      <Breadcrumb
        ctx={ctx}
        items={[
          { label: 'Home', path: '/' },
          { label: letterLabel(letter), path: `/browse/${letter}/` },
          { label: m.title, path: null },
        ]}
      />
      <AdSlot ctx={ctx} kind={m.kind} slot="top" />
      <article class={`monograph monograph-${m.kind}`}>
        <div class="page-head">
          <p class="eyebrow">
            {KIND_LABEL[m.kind]}
            {entry.banned.value && <> <span class="badge badge-banned">Banned</span></>}
          </p>
          <h1>{m.title}</h1>
          {m.kind === 'medicine' && product !== null && (nonEmpty(product.strength) || nonEmpty(product.company)) && (
            <p class="subtitle">{[product.strength, product.company].filter(nonEmpty).join(' · ')}</p>
          )}
        </div>

        {entry.banned.value && (
          <div class="notice notice-banned" role="alert">
            <p>
              <strong>Banned in India.</strong>{' '}
              {entry.banned.from === 'self' ? (
                <>{m.title} is on the list of medicines banned in India. Do not buy or use it; ask a doctor about alternatives.</>
              ) : (
                <>
                  {m.title} is marked banned because{' '}
                  {bannedFrom !== null ? (
                    <>
                      {bannedFrom.kind === 'combination' ? 'the combination' : 'its generic'}{' '}
                      <a href={ctx.href(bannedFrom.url)}>{bannedFrom.title}</a>
                    </>
                  ) : (
                    <>“{entry.banned.from}”</>
                  )}{' '}
                  is banned in India. Do not buy or use it; ask a doctor about alternatives.
                </>
              )}
            </p>
          </div>
        )}

        {entry.banned.registry !== null && <RegistryNote ctx={ctx} entry={entry} />}

        {m.notAProduct !== null && (
          <div class="notice notice-warning" role="note">
            <p>
              <strong>Not a recognised product.</strong> The source says:
            </p>
            <blockquote>
              <p>{m.notAProduct.text}</p>
            </blockquote>
          </div>
        )}

        <section class="glance" id="at-a-glance">
          <h2 id="at-a-glance-h">At a glance</h2>
          <dl class="facts">
            <Row term="Type">
              {KIND_LABEL[m.kind]}
              {m.kind === 'medicine' && nonEmpty(product?.type) && ` (${product.type})`}
            </Row>
            {links.generic !== null && (
              <Row term={links.generic.kind === 'combination' ? 'Combination' : 'Generic'}>
                <a href={ctx.href(links.generic.url)}>{links.generic.title}</a>
              </Row>
            )}
            {m.kind === 'composition' && nonEmpty(m.genericName) && m.genericName.trim() !== m.title.trim() && (
              <Row term="Generic name">{m.genericName}</Row>
            )}
            {m.drugClass !== null && <Row term="Drug class">{m.drugClass.text}</Row>}
            {ingredients.length > 0 && (product === null || product.components.length === 0) && (
              <Row term="Ingredients">
                <ul class="inline-list">
                  {ingredients.map((i) => (
                    <li>{i.link !== null ? <a href={ctx.href(i.link.url)}>{i.name}</a> : i.name}</li>
                  ))}
                </ul>
              </Row>
            )}
            {product !== null && product.components.length > 0 && (
              <Row term="Composition">
                <ul class="inline-list">
                  {product.components.map((c, i) => {
                    const l = links.ingredients[i]?.name === c.name ? (links.ingredients[i]?.link ?? null) : null;
                    return (
                      <li>
                        {l !== null ? <a href={ctx.href(l.url)}>{c.name}</a> : c.name}
                        {c.strength !== null && ` ${c.strength.text}`}
                      </li>
                    );
                  })}
                </ul>
              </Row>
            )}
            {product !== null && product.components.length === 0 && nonEmpty(product.composition) && <Row term="Composition">{product.composition}</Row>}
            {product !== null && product.components.length === 0 && nonEmpty(product.strength) && <Row term="Strength">{product.strength}</Row>}
            {product !== null && nonEmpty(product.packSize) && <Row term="Pack">{product.packSize}</Row>}
            {product !== null && nonEmpty(product.company) && <Row term="Company">{product.company}</Row>}
            {product !== null && product.mrp !== null && <Row term="MRP">{formatRupees(product.mrp)}</Row>}
            {product !== null && product.unitPrice !== null && (
              <Row term="Price per unit">
                {formatRupees(product.unitPrice.value)} per {product.unitPrice.per} <span class="muted">({product.unitPrice.formula})</span>
              </Row>
            )}
            {product !== null && product.discontinued === true && (
              <Row term="Availability">
                <strong>Discontinued</strong> (as marked by the source)
              </Row>
            )}
            {m.brandNames.length > 0 && (
              <Row term="Brand names">
                <ul class="inline-list">
                  {m.brandNames.map((b) => (
                    <li>{b}</li>
                  ))}
                </ul>
              </Row>
            )}
            {links.brands.length > 0 && (
              <Row term="Brand pages">
                {linkList(ctx, links.brands, SUMMARY_LIST_MAX, brandsMoreId)}
              </Row>
            )}
            {links.combinations.length > 0 && (
              <Row term="In combinations">
                {linkList(ctx, links.combinations, SUMMARY_LIST_MAX, combosMoreId)}
              </Row>
            )}
            {entry.banned.value && (
              <Row term="Status">
                <strong class="text-banned">Banned in India</strong>
              </Row>
            )}
            {modified !== null && (
              <Row term="Last updated">
                <time datetime={modified}>{formatDate(modified)}</time>
              </Row>
            )}
            {m.sources.length > 0 && (
              <Row term={m.sources.length === 1 ? 'Source' : 'Sources'}>
                <ul class="sources">
                  {m.sources.map((s) => (
                    <li>
                      <code>{s.file}</code>, {s.format === 'catalog' ? `row on line ${s.lines.start}` : `lines ${s.lines.start}–${s.lines.end}`}
                      {s.role === 'alternate' ? ' (alternate)' : ' (primary)'}
                    </li>
                  ))}
                </ul>
              </Row>
            )}
          </dl>
          <p class="tools-links">
            <a href={ctx.href(`/interactions/?d=${encodeURIComponent(entry.url)}`)}>Check interactions with other medicines</a> ·{' '}
            <a href={ctx.href(`/compare/?d=${encodeURIComponent(entry.url)}`)}>Compare with other medicines</a>
          </p>
        </section>

        <nav class="toc" id="contents" aria-labelledby="contents-h">
          <h2 id="contents-h">On this page</h2>
          {h`<ol>${blocks.map((b) => h`<li><a href="#${b.id}">${b.toc}</a></li>`)}</ol>`}
        </nav>

        {blocks.map((b) => b.node)}
      </article>
      <AdSlot ctx={ctx} kind={m.kind} slot="bottom" />
    </Layout>
  );
};

function ingredientBlock(ids: IdRegistry, group: IngredientSections): Block {
  const slug = slugify(group.ingredient);
  const id = ids.unique(`ingredient-${slug}`);
  const sections = group.sections.filter(hasBody).map((s) => {
    const sid = ids.unique(`${slug}-${s.id}`);
    return h`<section id="${sid}" class="subsection section-${s.id}"><details open=""><summary><h3>${s.title}</h3></summary>${body(ids, s.html, 3)}</details></section>`;
  });
  return { id, toc: group.ingredient, node: h`<section id="${id}" class="section ingredient"><h2>${group.ingredient}</h2>${sections}</section>` };
}

/** An alternate source, collapsed: every section, per-ingredient group and FAQ it has. */
function alternateBlock(ids: IdRegistry, alt: Alternate, n: number): Block {
  const id = ids.unique(`alternate-${n}`);
  const prefix = `alt${n}`;
  const src = alt.source;
  const sections = alt.sections
    .filter((s) => hasBody(s) && !(s.id === 'faqs' && alt.faqs.length > 0))
    .map((s) => h`<section id="${ids.unique(`${prefix}-${s.id}`)}" class="subsection section-${s.id}"><h3>${s.title}</h3>${body(ids, s.html, 3)}</section>`);
  const groups = alt.perIngredient
    .filter((g) => g.sections.some(hasBody))
    .map((g) => {
      const slug = slugify(g.ingredient);
      const gid = ids.unique(`${prefix}-ingredient-${slug}`);
      const inner = g.sections
        .filter(hasBody)
        .map((s) => h`<section id="${ids.unique(`${prefix}-${slug}-${s.id}`)}" class="subsection section-${s.id}"><h4>${s.title}</h4>${body(ids, s.html, 4)}</section>`);
      return h`<section id="${gid}" class="subsection ingredient"><h3>${g.ingredient}</h3>${inner}</section>`;
    });
  const faqs =
    alt.faqs.length > 0
      ? h`<section id="${ids.unique(`${prefix}-faqs`)}" class="subsection section-faqs"><h3>FAQs</h3>${faqList(ids, alt.faqs, 4, false)}</section>`
      : null;
  return {
    id,
    toc: `Also described in ${src.file}`,
    node: h`<section id="${id}" class="section alternate"><details><summary><h2>Also described in <code>${src.file}</code></h2></summary><p class="source-note">“${alt.title}”, lines ${src.lines.start}–${src.lines.end} (${src.format} format). Shown as written in that source.</p>${sections}${groups}${faqs}</details></section>`,
  };
}

const unitText = (r: BrandRow): string => (r.unitPrice !== null ? `${formatRupees(r.unitPrice.value)} / ${r.unitPrice.per}` : '—');

function brandCells(ctx: SiteContext, r: BrandRow): Safe {
  const flags = [r.discontinued === true ? 'discontinued' : null, r.banned ? 'banned' : null].filter((x) => x !== null).join(', ');
  return h`<th scope="row"><a href="${ctx.href(r.url)}">${r.title}</a>${flags !== '' ? h` <span class="muted">(${flags})</span>` : null}</th><td>${r.company ?? '—'}</td><td>${r.pack ?? '—'}</td><td class="num">${r.mrp !== null ? formatRupees(r.mrp) : '—'}</td><td class="num">${unitText(r)}</td>`;
}

/** A generic's brands: how many, the price range per unit, the cheapest first. */
function brandsSection(ctx: SiteContext, t: NonNullable<BrandTables['brands']>): Safe {
  const ranges = t.ranges.map((r) => (r.min === r.max ? `${formatRupees(r.min)} per ${r.per}` : `${formatRupees(r.min)}–${formatRupees(r.max)} per ${r.per}`) + ` (${r.brands} brand${r.brands === 1 ? '' : 's'})`);
  const order = t.ranges.length > 1 ? `By unit (${t.ranges.map((r) => `per ${r.per}`).join(', then ')}: prices per different units do not compare), cheapest first in each.` : 'Cheapest per unit first.';
  const shown = t.rows.length >= t.total ? '' : t.ranges.length > 1 ? ` The first ${t.rows.length} of ${t.total} in that order are listed.` : ` The ${t.rows.length} cheapest per unit of ${t.total} are listed.`;
  return h`<div class="section-body"><p>${t.total} brand${t.total === 1 ? '' : 's'}${ranges.length > 0 ? h`; price per unit ${ranges.join('; ')}` : null}. ${order}${shown} Prices are MRPs from the brand catalogs, divided by the pack.</p>
<table class="brand-table"><thead><tr><th scope="col">Brand</th><th scope="col">Company</th><th scope="col">Pack</th><th scope="col">MRP</th><th scope="col">Per unit</th></tr></thead><tbody>${t.rows.map((r) => h`<tr>${brandCells(ctx, r)}</tr>`)}</tbody></table></div>`;
}

/** A brand's substitutes: exactly the same molecules, strengths and dosage form, cheapest per unit first. */
function substitutesSection(ctx: SiteContext, entry: CatalogEntry, t: NonNullable<BrandTables['substitutes']>): Safe {
  const p = entry.monograph.product;
  const what = [p?.composition ?? p?.components.map((c) => `${c.name}${c.strength ? ` ${c.strength.text}` : ''}`).join(' + '), p?.form].filter((x) => x != null && x !== '').join(', ');
  const shown = t.rows.length < t.total ? ` The ${t.rows.length} cheapest per unit of ${t.total} are listed.` : '';
  return h`<div class="section-body"><p>Brands with exactly the same composition as ${entry.monograph.title} (${what}): same ingredients, same strengths, same dosage form. Cheapest per unit first.${shown} Ask a pharmacist or doctor before switching brands.</p>
<table class="brand-table"><thead><tr><th scope="col">Brand</th><th scope="col">Company</th><th scope="col">Pack</th><th scope="col">MRP</th><th scope="col">Per unit</th><th scope="col">Compared with ${entry.monograph.title}</th></tr></thead><tbody>${t.rows.map(
    (r) => h`<tr>${brandCells(ctx, r)}<td>${comparePrice(t.self.unitPrice, r.unitPrice) ?? '—'}</td></tr>`,
  )}</tbody></table></div>`;
}

/** The banned registry's entry behind this page's status: status, notification, date, source. */
const RegistryNote: FC<{ ctx: SiteContext; entry: CatalogEntry }> = ({ entry }) => {
  const r = entry.banned.registry!;
  const status = { banned: 'Banned', suspended: 'Suspended', stayed: 'Ban stayed by a court', revoked: 'Ban revoked' }[r.status];
  return (
    <div class={`notice notice-registry ${entry.banned.value ? 'notice-banned' : 'notice-warning'}`} role="note">
      <p>
        <strong>Registry status: {status}.</strong>{' '}
        {entry.banned.from !== 'self' && <>Inherited from its generic or combination. </>}
        {r.composition}
        {r.notification !== null && <>; notification {r.notification}</>}
        {r.date !== null && <>, dated {r.date}</>}
        {r.source !== null && (
          <>
            {' '}
            (<a href={r.source} rel="nofollow noopener">source</a>)
          </>
        )}
        .{r.note !== null && <> {r.note}</>}
      </p>
      {r.sample && (
        <p>
          <em>Sample registry: fictional data shipped with Formulary, not a legal list.</em>
        </p>
      )}
    </div>
  );
};
